#!/usr/bin/env bash
# The system packages `make install` and `make test` need beyond Python, from Debian's archive:
# Node.js and npm (the dashboard's assets are built at install), a headless Chromium with its
# driver (the dashboard tests) and PostgreSQL's server (the store tests start a throwaway
# cluster on loopback). Installs what is missing when run as root; otherwise names it and fails.
#
#   scripts/system-deps.sh build   what installing needs (Node.js and npm)
#   scripts/system-deps.sh test    that, and what the tests need
set -euo pipefail

need=()
command -v npm >/dev/null || need+=(nodejs npm)
if [ "${1:-test}" = test ]; then
    command -v chromium >/dev/null || need+=(chromium)
    command -v chromedriver >/dev/null || need+=(chromium-driver)
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "system-deps: missing ${need[*]}; install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
fi
echo "system-deps: installing ${need[*]} from Debian's archive" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q "${need[@]}" >/dev/null 2>&1 || {
    apt-get update -q >/dev/null
    apt-get install -y -q "${need[@]}" >/dev/null
}
