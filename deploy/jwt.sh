#!/usr/bin/env bash
# Local stand-in for a company identity provider: an RS256 key pair under .heartbeat/jwt and signed tokens.
#   deploy/jwt.sh keys                       create the key pair once (idempotent)
#   deploy/jwt.sh token <role> [user] [hours] print a bearer token with groups [<role>] (viewer | operator | admin | deployer)
# The services check the token's issuer (HEARTBEAT_JWT_ISSUER) and audience (HEARTBEAT_JWT_AUDIENCE): keep both the
# same here and there.
# On Kubernetes, point HEARTBEAT_JWT_PUBLIC_KEY at the identity provider's JWKS URL instead.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR="$ROOT/.heartbeat/jwt"
ISSUER=${HEARTBEAT_JWT_ISSUER:-https://heartbeat.local}
AUDIENCE=${HEARTBEAT_JWT_AUDIENCE:-heartbeat}

keys() {
  mkdir -p "$DIR"; chmod 700 "$DIR"
  if [ ! -f "$DIR/private.pem" ]; then
    openssl genrsa -out "$DIR/private.pem" 2048 2>/dev/null
    openssl rsa -in "$DIR/private.pem" -pubout -out "$DIR/public.pem" 2>/dev/null
    chmod 600 "$DIR/private.pem"
  fi
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

token() {
  local role=${1:?role: viewer, operator or admin} user=${2:-$USER} hours=${3:-12}
  case "$role" in viewer|operator|admin|deployer) ;; *) echo "role '$role': expected viewer, operator, admin or deployer" >&2; exit 2;; esac
  keys
  local now; now=$(date +%s)
  local header payload signature
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$ISSUER" "$AUDIENCE" "$user" "$user" "$role" "$now" "$(( now + hours * 3600 ))" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$DIR/private.pem" -binary | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}

case "${1:-}" in
  keys) keys ;;
  token) shift; token "$@" ;;
  *) echo "usage: $0 keys | token <viewer|operator|admin|deployer> [user] [hours]" >&2; exit 2 ;;
esac
