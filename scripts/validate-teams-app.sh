#!/usr/bin/env bash
# Builds target/teams-app.zip with test values and runs Microsoft's manifest validator (@microsoft/app-manifest)
# and the schema + icon-size check on what is inside it, as Teams would see the upload.
#   scripts/validate-teams-app.sh            (extra Maven flags via MVN_ARGS, e.g. MVN_ARGS=-o)
# Needs the teams-client tools; TEAMS_CLIENT_DIR points at them (default: ../shared/tools/teams-client beside the repo).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tools=${TEAMS_CLIENT_DIR:-$repo/../shared/tools/teams-client}

# Fixed test values, so the check never depends on (or leaks) a real tenant's ids.
export TEAMS_APP_ID=3c1e5f0a-7b2d-4e8f-9a61-0d4c2b7e9f13
export MicrosoftAppId=8a2f6c4e-1d3b-4f5a-b7c9-e0f1a2b3c4d5
export BOT_DOMAIN=enrollbot.example.com
export DEVELOPER_NAME="Example MFA Ltd"
export DEVELOPER_WEBSITE_URL=https://www.example.com
export PRIVACY_URL=https://www.example.com/privacy
export TERMS_URL=https://www.example.com/terms

cd "$repo"
# shellcheck disable=SC2086 # MVN_ARGS holds several flags on purpose
mvn -B -q ${MVN_ARGS:-} -Pteams-app package -DskipTests

unpacked=$repo/target/teams-app
rm -rf "$unpacked"
mkdir -p "$unpacked"
(cd "$unpacked" && jar xf "$repo/target/teams-app.zip")

eval "$("$tools/setup.sh")"
node "$TC/validate-manifest-ms.js" "$unpacked/manifest.json"
node "$TC/validate.js" manifest "$unpacked"
