#!/usr/bin/env bash
# Idempotent setup: a Python 3.10 virtualenv with the pinned dependencies, the project installed
# in it, and a Dutch spaCy pipeline. Re-running is cheap: each step is skipped when up to date.
#   scripts/setup.sh          what the assistant needs
#   scripts/setup.sh --test   plus the Debian packages the test suite starts (PostgreSQL, ...)
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${WERKBAAR_VENV:-.venv}"
say() { printf 'werkbaar setup: %s\n' "$*"; }
# pip, quietly: also drop the notices some pip configurations print per package
# ("Location ... is ignored"), which say nothing about this install.
pip_quiet() {
    "$VENV/bin/python" -m pip install --quiet "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
}

if [ "${1:-}" = "--test" ]; then
    bash scripts/install-test-services.sh
fi

PY310="$(bash scripts/find-python310.sh)"
stamp_file="$VENV/.werkbaar-installed"
stamp="$(cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)"

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then
    say "creating virtualenv $VENV with $PY310"
    rm -rf "$VENV"
    "$PY310" -m venv "$VENV"
fi

if [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp" ]; then
    say "installing pinned dependencies (first time: about 2 minutes, 2.8 GB)"
    start=$SECONDS
    pip_quiet --upgrade "pip==24.0" "setuptools==70.3.0" "wheel==0.45.1"
    # The lock file is a complete, resolved set: install it without resolving again.
    pip_quiet --no-deps -r requirements.lock
    pip_quiet --no-deps --no-build-isolation -e .
    # The statistical Dutch pipeline is preferred but lives outside the package registries;
    # try it once, briefly, and carry on without it (an embedded pipeline is built below).
    if [ "${WERKBAAR_TRY_DUTCH_MODEL:-1}" = "1" ]; then
        "$VENV/bin/python" -m pip install --quiet --no-deps --timeout 10 --retries 0 \
            "nl_core_news_sm @ https://github.com/explosion/spacy-models/releases/download/nl_core_news_sm-3.4.0/nl_core_news_sm-3.4.0-py3-none-any.whl" \
            >/dev/null 2>&1 && say "installed nl_core_news_sm 3.4.0" \
            || say "nl_core_news_sm could not be downloaded here; using the embedded Dutch pipeline"
    fi
    echo "$stamp" > "$stamp_file"
    say "dependencies installed in $((SECONDS - start)) s"
fi

"$VENV/bin/python" -m bot.nlp --ensure
