"""Settings of the app served by ``make benchmark`` (scripts/benchmark_server.py).

The test settings (DEBUG off) with the four bundled packs enabled, as the
benchmark's seeding enables them, against the throw-away database named by
``DATABASE_URL``, the kept figures in a file cache of the size's own
(``SAFEGRID_BENCHMARK_CACHE``) refreshed ahead by the size's ``db_worker``.
"""

from .test import *  # noqa: F403

SAFEGRID_PACKS = ["chemicals", "construction", "road_transport", "gas"]
SAFEGRID_LEVEL_COUNTS_SECONDS = int(
    os.environ.get("SAFEGRID_LEVEL_COUNTS_SECONDS", "120")  # noqa: F405
)
# Kept as in production (base.py): the dashboards and the map of a scope.
SAFEGRID_DASHBOARD_SECONDS = int(
    os.environ.get("SAFEGRID_DASHBOARD_SECONDS", "300")  # noqa: F405
)
SAFEGRID_MAP_SECONDS = int(os.environ.get("SAFEGRID_MAP_SECONDS", "300"))  # noqa: F405
# The admin sidebar kept per user, as in production (core.base.sidebar).
SAFEGRID_SIDEBAR_SECONDS = int(
    os.environ.get("SAFEGRID_SIDEBAR_SECONDS", "300")  # noqa: F405
)
# Shared by the size's gunicorn workers and its job worker, as in production
# (base.py's "file"), so a figure refreshed in the background is served.
CACHES = {
    "default": {
        "BACKEND": "core.base.file_cache.UncompressedFileCache",
        "LOCATION": os.environ.get(  # noqa: F405
            "SAFEGRID_BENCHMARK_CACHE",
            str(VAR_DIR / "benchmark-cache"),  # noqa: F405
        ),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}
SAFEGRID_REFRESH_AHEAD = True
