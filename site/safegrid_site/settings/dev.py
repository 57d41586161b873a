"""Development and demo settings: SQLite, DEBUG on, local only.

DEBUG shows tracebacks: it is for the developer's own machine. A demo shown to
others (or the API fuzzing in CI) runs with ``DJANGO_DEBUG=0``.
"""

import os

from .base import *

DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = ["*"]
INTERNAL_IPS = ["127.0.0.1"]

VAR_DIR.mkdir(parents=True, exist_ok=True)

# The demo enables the four bundled packs; tests/example_pack is installed in the
# development venv for the test suite only.
SAFEGRID_PACKS = env_list("SAFEGRID_PACKS", "chemicals,construction,road_transport,gas")
INSTALLED_APPS = installed_apps(SAFEGRID_PACKS)
