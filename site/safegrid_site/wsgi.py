"""WSGI entry point."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safegrid_site.settings.production")

application = get_wsgi_application()


def _warm_up() -> None:
    """Pay at start-up what a worker's first request would: the scoring
    engine validates every enabled rule's and condition's schema once per
    process (with ``gunicorn --preload``, once for all workers)."""
    from core.scoring import scoring_engine

    scoring_engine()


_warm_up()
