#!/usr/bin/env bash
# Installs Debian's Chromium for the end-to-end test of the web cockpit when it is missing (no browser download
# from the internet: only Debian packages are reachable).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
echo "[browser] installing chromium from Debian packages"
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends chromium >/dev/null
chromium --version
