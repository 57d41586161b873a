# SafeGrid — the two commands that matter are `make demo` and `make test`.
#
# Both work on a fresh machine with only Python 3.11+ and make: the first run
# creates .venv and installs the platform and the four bundled packs (editable);
# later runs reuse it and reinstall only when a pyproject.toml changes.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) site/manage.py
PORT ?= 8000
export PORT
# The demo runs on the dev settings (SQLite in var/ unless DATABASE_URL is set);
# the tests on the test settings, whatever DJANGO_SETTINGS_MODULE says.
DEMO_SETTINGS ?= safegrid_site.settings.dev
TEST_SETTINGS ?= safegrid_site.settings.test
PACKS := industry_packs/chemicals industry_packs/construction industry_packs/road_transport industry_packs/gas
# A third party's pack, installed as its own distribution for the tests.
EXAMPLE_PACK := tests/example_pack
PYPROJECTS := pyproject.toml $(addsuffix /pyproject.toml,$(PACKS) $(EXAMPLE_PACK))
DEMO := DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(MANAGE)
CHECK := DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE)

.PHONY: demo test benchmark install translations messages i18n-check lint typecheck check ci clean

# The stamp lives inside the venv: deleting .venv or touching a pyproject.toml
# re-runs the install.
$(VENV)/.installed: $(PYPROJECTS)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "SafeGrid needs Python 3.11 or newer: run e.g. 'make PYTHON=python3.12 $(MAKECMDGOALS)'" >&2; \
		exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
		echo "Could not create $(VENV). On Debian/Ubuntu: apt-get install python3-venv" >&2; \
		rm -rf $(VENV); exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test]" $(foreach p,$(PACKS) $(EXAMPLE_PACK),-e $(p))
	@touch $@

install: $(VENV)/.installed translations

# Compile the catalogues (locale/ and each pack's) to .mo with polib (pure Python).
translations: $(VENV)/.installed
	$(PY) -m core.i18n compile

# Set everything up and start the demo; the data is kept between runs.
# PORT=9000 make demo serves on another port. serve_demo runs the web server,
# a task worker and the scheduler together; Ctrl-C stops all three.
demo: install
	$(DEMO) migrate --noinput
	$(DEMO) sync_packs
	$(DEMO) load_demo --port $(PORT)
	$(DEMO) serve_demo 127.0.0.1:$(PORT)

# Set everything up and run the whole test suite (SQLite unless DATABASE_URL is
# set). Extra pytest arguments: make test PYTEST_ARGS="-k scope -x".
test: install
	$(PY) -m pytest --ds=$(TEST_SETTINGS) $(PYTEST_ARGS)

# Measure the list and dashboard pages at two data sizes in a throw-away
# database (PostgreSQL when DATABASE_URL is set) and update docs/performance.md.
# Options: make benchmark BENCHMARK_ARGS="--sizes tiny,small --runs 3 --no-write"
benchmark: install
	$(PY) scripts/benchmark.py $(BENCHMARK_ARGS)

# Monitoring ingestion (MQTT against the broker's raw rate, HTTP batches) with a
# Mosquitto of its own on a free port; about a minute. Its own database: set
# DATABASE_URL (PostgreSQL). Options: MONITORING_BENCHMARK_ARGS="--rounds 5 --readings 10000000"
.PHONY: benchmark-monitoring
benchmark-monitoring: install
	$(PY) scripts/benchmark_monitoring.py $(MONITORING_BENCHMARK_ARGS)

# Refresh both translation catalogues from the source (needs GNU gettext).
messages: install
	$(PY) -m core.i18n update

# Fail when a catalogue is incomplete or out of date (needs GNU gettext).
i18n-check: install
	$(PY) -m core.i18n check

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# mypy with django-stubs over the plugin host and every services and selectors
# module (the files are listed in pyproject.toml's [tool.mypy]).
typecheck: install
	$(PY) -m mypy

check: install
	$(CHECK) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(MANAGE) check

# Everything CI runs (services, both databases, browser tests): see .ci/run.
ci:
	bash .ci/run

clean:
	rm -rf $(VENV) var
