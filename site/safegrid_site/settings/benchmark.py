"""Settings of the app served by ``make benchmark`` (scripts/benchmark_server.py).

The test settings (DEBUG off) with the four bundled packs enabled, as the
benchmark's seeding enables them, against the throw-away database named by
``DATABASE_URL``.
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
