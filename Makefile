# The two commands: `make run` (try the portal) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1:8000

.PHONY: run test install install-prod migrate messages lint format lock worker check-deadlines clean

# Two pinned, hashed sets: requirements.lock (runtime, what production installs) and
# requirements-dev.lock (runtime + test and lint tools, what run/test/lint install).
$(VENV)/.installed: requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed

# Production: the runtime set only (no pytest, ruff, playwright, factory-boy).
install-prod:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check --require-hashes -r requirements.lock

# Compiled catalogues (.mo) are build output, made from the committed .po files.
messages: install
	DEBUG=1 $(MANAGE) compilemessages --ignore '.venv' --ignore 'staticfiles' -v 0

migrate: install
	DEBUG=1 $(MANAGE) migrate --no-input

run: install messages migrate
	DEBUG=1 $(MANAGE) load_demo
	DEBUG=1 $(MANAGE) runserver $(HOST)

# Browser tests (tests/e2e) need Debian's chromium; without it they are skipped, and
# both this note and pytest's summary say so.
test: install messages
	@test -x $${CHROMIUM_PATH:-/usr/bin/chromium} || echo "NOTE: chromium not found: the browser tests (tests/e2e) will be SKIPPED (apt-get install -y chromium)."
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Re-pin every dependency after editing pyproject.toml: the runtime set first, then
# the dev set constrained to it, so both hold the same pin of every runtime package.
lock: install
	$(PIP) install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --constraint requirements.lock --python-version 3.11 --generate-hashes -o requirements-dev.lock

worker: install
	$(MANAGE) db_worker

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
