# The two commands of the README. Everything else is a helper for them.
.PHONY: run test train setup bench

VENV ?= .venv

run: setup
	@$(VENV)/bin/werkbaar run

test:
	@bash scripts/setup.sh --test
	@$(VENV)/bin/python -m pytest

setup:
	@bash scripts/setup.sh

train: setup
	@$(VENV)/bin/werkbaar train

bench: setup
	@$(VENV)/bin/python bench/run_all.py
