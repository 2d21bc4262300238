#!/usr/bin/env bash
# Regenerates src/test/resources/cards-golden/*/expected.json with Microsoft's reference engine
# (adaptivecards-templating 2.3.1, via teams-client's expand.js). CardTemplateGoldenTest then checks that
# our Java engine expands each template.json + data.json to the same JSON.
# Review the diff before committing: a changed expected.json means the reference behaves differently.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TC:-}" ]; then
  eval "$(../shared/tools/teams-client/setup.sh)"
fi
for folder in src/test/resources/cards-golden/*/; do
  node "$TC/expand.js" "$folder/template.json" "$folder/data.json" > "$folder/expected.json"
  echo "regenerated $folder/expected.json"
done
