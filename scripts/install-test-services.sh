#!/usr/bin/env bash
# Debian packages that the test suite starts itself on 127.0.0.1 (never as system services).
set -euo pipefail
packages=(postgresql chromium)
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
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts a cluster on install; the tests run their own throwaway servers instead.
if command -v pg_ctlcluster >/dev/null 2>&1; then
    for cluster in $(pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}'); do
        $SUDO pg_ctlcluster "${cluster%/*}" "${cluster#*/}" stop >/dev/null 2>&1 || true
    done
fi
