# SafeGrid — the two commands that matter are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
MANAGE := $(PY) site/manage.py
PORT ?= 8000
PACKS := industry_packs/chemicals industry_packs/construction industry_packs/road_transport industry_packs/gas

.PHONY: demo test install install-test messages lint check clean

$(VENV)/.installed: pyproject.toml $(foreach p,$(PACKS),$(p)/pyproject.toml)
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[test]" $(foreach p,$(PACKS),-e $(p))
	touch $@

install: $(VENV)/.installed
	$(PY) -m core.i18n compile

# Set everything up and start the demo on SQLite (data is kept between runs).
demo: install
	DJANGO_SETTINGS_MODULE=safegrid_site.settings.dev $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=safegrid_site.settings.dev $(MANAGE) sync_packs
	DJANGO_SETTINGS_MODULE=safegrid_site.settings.dev $(MANAGE) load_demo
	DJANGO_SETTINGS_MODULE=safegrid_site.settings.dev $(MANAGE) runserver 127.0.0.1:$(PORT)

# Set everything up and run the whole test suite (SQLite unless DATABASE_URL is set).
test: install
	$(PY) -m pytest $(PYTEST_ARGS)

# Refresh both translation catalogues from the source (needs GNU gettext).
messages: install
	$(PY) -m core.i18n update

lint: install
	$(PY) -m ruff check .

check: install
	DJANGO_SETTINGS_MODULE=safegrid_site.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=safegrid_site.settings.test $(MANAGE) check

clean:
	rm -rf $(VENV) var
