"""WSGI entry point."""

import gc
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
# Everything loaded so far (Django, Wagtail, the apps, the rule schemas) lives
# as long as the process: move it out of the collector's generations, so a
# full collection no longer walks those few hundred thousand objects every
# few requests (a p95 cost), and forked workers keep sharing its pages.
gc.freeze()
