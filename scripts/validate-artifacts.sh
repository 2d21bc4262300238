#!/usr/bin/env bash
# Run by `mvn verify` after the tests: validates what the tests produced with Microsoft's own tools
#  - target/cards/*.json      every card template expanded with its sample data  (Adaptive Card schema 1.5)
#  - target/teams-app-test/    the Teams app package built with test values        (@microsoft/app-manifest + icon sizes)
# The tools are the teams-client kit: $TC if set, else ../shared/tools/teams-client beside the repository,
# installed with npm on first use. Without them the check is skipped with a warning, except on CI (CI=true).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

if [ -z "${TC:-}" ]; then
  kit=${TEAMS_CLIENT_DIR:-$repo/../shared/tools/teams-client}
  if [ -x "$kit/setup.sh" ] && command -v npm >/dev/null 2>&1; then
    eval "$("$kit/setup.sh")"
  elif [ "${CI:-}" = "true" ]; then
    echo "validate-artifacts: the teams-client tools are missing (set TC or TEAMS_CLIENT_DIR)" >&2
    exit 1
  else
    echo "WARNING: card and manifest schema validation SKIPPED: teams-client tools not found (set TC or TEAMS_CLIENT_DIR)" >&2
    exit 0
  fi
fi

shopt -s nullglob
cards=(target/cards/*.json)
if [ ${#cards[@]} -eq 0 ]; then
  echo "validate-artifacts: no expanded cards in target/cards (did CardSamplesTest run?)" >&2
  exit 1
fi
node "$TC/validate.js" card "${cards[@]}" --ac 1.5

if [ -f target/teams-app-test/manifest.json ]; then
  node "$TC/validate-manifest-ms.js" target/teams-app-test/manifest.json
  node "$TC/validate.js" manifest target/teams-app-test
elif [ -z "${SKIP_MANIFEST_CHECK:-}" ]; then
  echo "validate-artifacts: target/teams-app-test is missing (did TeamsAppPackageTest run?)" >&2
  exit 1
fi
