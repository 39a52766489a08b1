# Two commands on a fresh Debian 12 / Ubuntu machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint bench screenshots system-packages clean

system-packages:
	@scripts/system-packages.sh $(MAKECMDGOALS)

$(BIN)/python: | system-packages
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

run: system-packages $(STAMP)
	$(BIN)/desktop-crm $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: system-packages $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

bench: system-packages $(STAMP)
	$(BIN)/python -m benchmarks.run

# PNGs of the main window, a customer record and the log-a-call dialog, for the README
screenshots: system-packages $(STAMP)
	QT_QPA_PLATFORM=offscreen DESKTOP_CRM_KDF=fast-for-tests $(BIN)/python scripts/screenshot.py readme docs/screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info
