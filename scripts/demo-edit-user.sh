#!/usr/bin/env bash
# Changes a person's profile in the demo's stand-in Entra ID, as their IT admin would in the Entra admin center:
# gets a token for the demo tenant's app from the stand-in, then sends Microsoft Graph's PATCH /v1.0/users/{id}.
# For the demo tour (the README's demo tour) only. The bot must be running in demo mode: it writes how to reach the stand-in
# (a new port and certificate on every start) into $DATA_DIR/stand-in.env; DATA_DIR as the bot's, by default
# .data/demo in the repository root. Changes last until the bot stops. Needs bash and curl.
#
# usage: scripts/demo-edit-user.sh OBJECT_ID PROPERTY [VALUE]
#   PROPERTY  displayName, userPrincipalName, mail, mobilePhone, accountEnabled (VALUE true or false) or userType
#   no VALUE  clears the property (mail and mobilePhone can be cleared)
# example (Lena Fischer gets a mobile number):
#   scripts/demo-edit-user.sh 5fa736f4-8cdf-483c-aa3d-9b86a2f14732 mobilePhone "+1 206 555 0142"
set -euo pipefail

usage() {
  sed -n 's/^# \{0,1\}//; /^usage:/,/^  scripts/p' "$0" >&2
  exit 2
}

[ $# -ge 2 ] && [ $# -le 3 ] || usage
id=$1
property=$2
# The id goes into the URL path: only a GUID, so nothing typed can change which resource is called.
[[ $id =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]] || { echo "Not an object id (a GUID): $id" >&2; exit 2; }
[[ $property =~ ^[A-Za-z]+$ ]] || { echo "Not a property name: $property" >&2; exit 2; }

if [ $# -eq 2 ]; then
  value=null
elif [ "$property" = accountEnabled ]; then
  [[ $3 =~ ^(true|false)$ ]] || { echo "accountEnabled is true or false" >&2; exit 2; }
  value=$3
else
  value=${3//\\/\\\\}
  value=\"${value//\"/\\\"}\"
fi

env_file=${DATA_DIR:-$(dirname "$0")/../.data/demo}/stand-in.env
if [ ! -f "$env_file" ]; then
  echo "No $env_file: start the bot in demo mode first (mvn spring-boot:run -Dspring-boot.run.profiles=demo)." >&2
  exit 1
fi
while IFS='=' read -r key setting; do
  case $key in
    STAND_IN_URL) url=$setting ;;
    STAND_IN_CERTIFICATE) certificate=$setting ;;
    TENANT_ID) tenant=$setting ;;
    CLIENT_ID) client=$setting ;;
    CLIENT_SECRET) secret=$setting ;;
  esac
done < "$env_file"

if ! token_answer=$(curl -sS --cacert "$certificate" "$url/$tenant/oauth2/v2.0/token" \
    --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$client" \
    --data-urlencode "client_secret=$secret" --data-urlencode scope=https://graph.microsoft.com/.default); then
  echo "The stand-in at $url did not answer: is the bot still running in demo mode?" >&2
  exit 1
fi
token=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$token_answer")
[ -n "$token" ] || { echo "The stand-in gave no token: $token_answer" >&2; exit 1; }

graph() {
  curl -sS --cacert "$certificate" -H "Authorization: Bearer $token" -w '\n%{http_code}' "$@"
}

answer=$(graph -X PATCH -H 'Content-Type: application/json' --data-binary "{\"$property\":$value}" "$url/v1.0/users/$id")
status=${answer##*$'\n'}
if [ "$status" != 204 ]; then
  echo "The stand-in refused the change (HTTP $status): ${answer%$'\n'*}" >&2
  exit 1
fi
answer=$(graph "$url/v1.0/users/$id?\$select=displayName,$property")
echo "Changed: ${answer%$'\n'*}"
