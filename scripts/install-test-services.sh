#!/usr/bin/env bash
# Debian packages that the test suite starts itself on 127.0.0.1 (never as system services):
# PostgreSQL (tracker and knowledge store), Redis (lock store), nginx (reverse proxy in the
# production test) and Chromium (widget tests). The tests run private servers on free loopback
# ports with their own config and data dirs; Debian's auto-started services are stopped here.
set -euo pipefail
packages=(postgresql redis-server nginx chromium)
missing=()
for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ] && ! command -v sudo >/dev/null 2>&1; then
    echo "werkbaar setup: the tests need these Debian packages: ${missing[*]} (install them as root)" >&2
    exit 1
fi
SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo"
echo "werkbaar setup: installing Debian packages for the tests: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive

# Keep the packages' maintainer scripts from starting system services (invoke-rc.d and
# deb-systemd-invoke both honour policy-rc.d exit code 101). Only when no policy exists yet.
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod 755 "$policy"
    own_policy=1
fi
cleanup_policy() { [ "$own_policy" = 1 ] && $SUDO rm -f "$policy"; return 0; }
trap cleanup_policy EXIT

$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

# Whatever was started anyway: stop it and keep it from starting at boot.
if command -v pg_ctlcluster >/dev/null 2>&1; then
    for cluster in $(pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}'); do
        $SUDO pg_ctlcluster "${cluster%/*}" "${cluster#*/}" stop >/dev/null 2>&1 || true
    done
fi
for service in redis-server nginx; do
    if [ -d /run/systemd/system ]; then
        $SUDO systemctl disable --now "$service" >/dev/null 2>&1 || true
    elif [ -x "/etc/init.d/$service" ]; then
        $SUDO "/etc/init.d/$service" stop >/dev/null 2>&1 || true
    fi
done
