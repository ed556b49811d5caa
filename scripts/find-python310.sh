#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 needs exactly 3.10).
# Order: $WERKBAAR_PYTHON, python3.10 on PATH, pyenv versions, common system paths.
set -u

is_310() {
    "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1
}

candidates=()
[ -n "${WERKBAAR_PYTHON:-}" ] && candidates+=("$WERKBAAR_PYTHON")
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
for dir in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10.*; do
    [ -x "$dir/bin/python3.10" ] && candidates+=("$dir/bin/python3.10")
done
candidates+=(/usr/local/bin/python3.10 /usr/bin/python3.10 python3 python)

for candidate in "${candidates[@]}"; do
    if is_310 "$candidate"; then
        command -v "$candidate"
        exit 0
    fi
done

cat >&2 <<'MSG'
Werkbaar needs Python 3.10 (Rasa 3.6 does not install on other versions), and none was found.
Looked at: $WERKBAAR_PYTHON, python3.10 on PATH, ~/.pyenv/versions/3.10.*, /usr/bin, /usr/local/bin.
Install it (for example `pyenv install 3.10.13`) or point WERKBAAR_PYTHON at a 3.10 interpreter.
MSG
exit 1
