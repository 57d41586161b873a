"""Development and demo settings: SQLite, DEBUG on, local only."""

from .base import *

DEBUG = True
ALLOWED_HOSTS = ["*"]
INTERNAL_IPS = ["127.0.0.1"]

VAR_DIR.mkdir(parents=True, exist_ok=True)
