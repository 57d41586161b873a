"""The entry screens of occupational hazards: exposed posts, workplace tests."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.emergency import forms as entry
from core.emergency import services
from core.emergency.entry.frame import MAX_CHOICES, MAX_MATCHES, manager_entry
from core.emergency.models import (
    OccupationalExposure,
    OccupationalFactor,
    WorkplaceTest,
)


def _exposures(enterprise):
    return (
        OccupationalExposure.objects.filter(enterprise=enterprise)
        .select_related("post")
        .order_by("post__name", "pk")
    )


@manager_entry
@require_GET
def occupational(request, *, page):
    tests = WorkplaceTest.objects.filter(enterprise=page.enterprise)
    return page.show(
        "emergency/portal/occupational.html",
        exposures=list(_exposures(page.enterprise)[:MAX_CHOICES]),
        tests=list(
            tests.prefetch_related("results__exposure__post").order_by(
                "-tested_on", "-pk"
            )[:20]
        ),
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def exposure_new(request, *, page):
    return page.post_form(
        entry.ExposureForm,
        services.exposure_add,
        choices={"factor": OccupationalFactor.choices},
        saved=_("Exposure saved."),
        title=_("Post exposed to an occupational hazard"),
        back="emergency:occupational",
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def workplace_test_new(request, *, page):
    exposures = _exposures(page.enterprise)[:MAX_MATCHES]
    form = entry.WorkplaceTestForm(request.POST or None, exposures=exposures)

    def write(data):
        services.workplace_test_record(
            actor=request.user,
            enterprise=page.enterprise,
            tested_on=data["tested_on"],
            next_due=data["next_due"],
            agency=data["agency"],
            results=data["results"],
        )
        return _("Workplace test saved.")

    back = reverse("emergency:occupational")
    done = page.save(form, write, back)
    return done or page.show(
        "emergency/portal/workplace_test.html",
        form=form,
        title=_("Workplace hazard-factor test"),
        back=back,
    )
