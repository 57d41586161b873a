"""Test settings: fast hashing; packs enabled explicitly by the tests' fixtures."""

import os

from .base import *

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests enable packs explicitly (see conftest.py); none is enabled by accident.
SAFEGRID_PACKS = []
# Every installed pack's app is installed, though, so that a pack a test
# enables has its translations and templates: the app registry cannot change
# inside a running process (Wagtail's API refuses to be set up twice).
# tests/plugins/test_example_pack.py checks the real path, SAFEGRID_PACKS →
# INSTALLED_APPS, in a separate process.
INSTALLED_APPS = installed_apps(["*"])
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
AXES_ENABLED = True
# Counts stay live in tests (the benchmark sets its own value).
SAFEGRID_LEVEL_COUNTS_SECONDS = int(
    os.environ.get("SAFEGRID_LEVEL_COUNTS_SECONDS", "0")
)
SAFEGRID_DASHBOARD_SECONDS = int(os.environ.get("SAFEGRID_DASHBOARD_SECONDS", "0"))
SAFEGRID_MAP_SECONDS = int(os.environ.get("SAFEGRID_MAP_SECONDS", "0"))
# The admin sidebar is built on every page (core.base.sidebar's tests keep it).
SAFEGRID_SIDEBAR_SECONDS = int(os.environ.get("SAFEGRID_SIDEBAR_SECONDS", "0"))
# One process's memory: the tests run the refresh jobs in their own process
# (core.jobs.worker.run_pending), so the refreshed figures are seen.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SAFEGRID_REFRESH_AHEAD = True
# Jobs run for real through the database backend (core.jobs.worker.run_pending);
# one test runs a job through RQ on Redis (the "rq" alias).
# The RQ test's own queue, so it never takes another process's jobs: named
# after the process, as CI runs the suite on SQLite and on PostgreSQL at once.
RQ_TEST_QUEUE = f"safegrid_test_{os.getpid()}"
RQ_QUEUES = {**RQ_QUEUES, RQ_TEST_QUEUE: RQ_QUEUES["default"]}
TASKS = {
    "default": TASK_BACKENDS["db"],
    "rq": {**TASK_BACKENDS["rq"], "QUEUES": ["default", RQ_TEST_QUEUE]},
}
# The tests' MQTT topics on the shared broker are their own for the same reason
# (and never those of a demo served beside them).
SAFEGRID_MQTT_TOPIC_PREFIX = f"safegrid-test-{os.getpid()}"
