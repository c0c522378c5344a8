#!/usr/bin/env bash
# The system packages `make install` and `make test` need beyond Python, from Debian's archive:
# Node.js and npm (the dashboard's assets are built at install), a headless Chromium with its
# driver (the dashboard tests) and PostgreSQL's server (the store tests start a throwaway
# cluster on loopback; the system's own PostgreSQL service is never used). Installs what is
# missing when run as root; otherwise names it and fails.
#
#   scripts/system-deps.sh build   what installing needs (Node.js and npm)
#   scripts/system-deps.sh test    that, and what the tests need
#
# Each check looks where the tests look: Chromium and chromedriver at /usr/bin (where Debian's
# chromium and chromium-driver put them; a snap or another build elsewhere on the PATH is not
# what tests/web drives), PostgreSQL's initdb and pg_ctl in $NEWSEVENTS_PG_BIN, Debian's
# /usr/lib/postgresql/*/bin or the PATH. On a fresh machine the package lists may be empty, so
# they are fetched before the first install. SYSTEM_DEPS_ROOT prefixes every absolute path
# checked (the script's own test runs it on an empty root).
set -euo pipefail

root="${SYSTEM_DEPS_ROOT:-}"

has_postgres() {
    local bin
    for bin in "${NEWSEVENTS_PG_BIN:-/nonexistent}" "$root"/usr/lib/postgresql/*/bin; do
        [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && return 0
    done
    command -v initdb >/dev/null && command -v pg_ctl >/dev/null
}

need=()
command -v npm >/dev/null || need+=(nodejs npm)
if [ "${1:-test}" = test ]; then
    [ -x "$root/usr/bin/chromium" ] || need+=(chromium)
    [ -x "$root/usr/bin/chromedriver" ] || need+=(chromium-driver)
    has_postgres || need+=(postgresql)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "system-deps: missing ${need[*]}; install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null; then
    echo "system-deps: missing ${need[*]}, and no apt-get to install them with; install them by hand" >&2
    exit 1
fi
echo "system-deps: installing ${need[*]} from Debian's archive" >&2
export DEBIAN_FRONTEND=noninteractive
# No package index yet (a fresh container): fetch it first, or every install fails.
if ! compgen -G "$root/var/lib/apt/lists/*_Packages*" >/dev/null; then
    apt-get update -q >/dev/null
fi
# An index gone stale names package versions the mirror no longer has: refresh it, then retry.
apt-get install -y -q "${need[@]}" >/dev/null 2>&1 || {
    apt-get update -q >/dev/null
    apt-get install -y -q "${need[@]}" >/dev/null
}
