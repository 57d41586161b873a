"""The entry screens of occupational hazards: exposed posts, workplace tests."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.emergency import forms as entry
from core.emergency import services
from core.emergency.entry.frame import (
    MAX_CHOICES,
    MAX_MATCHES,
    _entry,
    _page,
    _post_of,
    _posts,
    _save,
    manager_entry,
)
from core.emergency.models import (
    OccupationalExposure,
    OccupationalFactor,
    WorkplaceTest,
)


@manager_entry
@require_GET
def occupational(request, *, scope, enterprise):
    return _page(
        request,
        scope,
        enterprise,
        "emergency/portal/occupational.html",
        exposures=list(
            OccupationalExposure.objects.filter(enterprise=enterprise)
            .select_related("post")
            .order_by("post__name", "pk")[:MAX_CHOICES]
        ),
        tests=list(
            WorkplaceTest.objects.filter(enterprise=enterprise)
            .prefetch_related("results__exposure__post")
            .order_by("-tested_on", "-pk")[:20]
        ),
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def exposure_new(request, *, scope, enterprise):
    form = entry.ExposureForm(
        request.POST or None,
        choices={"post": _posts(enterprise), "factor": OccupationalFactor.choices},
    )

    def write(data):
        post = _post_of(enterprise, data.pop("post"))
        services.exposure_add(actor=request.user, post=post, **data)
        return _("Exposure saved.")

    return _entry(
        request,
        scope,
        enterprise,
        form,
        write,
        title=_("Post exposed to an occupational hazard"),
        back=reverse("emergency:occupational"),
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def workplace_test_new(request, *, scope, enterprise):
    exposures = (
        OccupationalExposure.objects.filter(enterprise=enterprise)
        .select_related("post")
        .order_by("post__name", "pk")[:MAX_MATCHES]
    )
    form = entry.WorkplaceTestForm(request.POST or None, exposures=exposures)

    def write(data):
        services.workplace_test_record(
            actor=request.user,
            enterprise=enterprise,
            tested_on=data["tested_on"],
            next_due=data["next_due"],
            agency=data["agency"],
            results=data["results"],
        )
        return _("Workplace test saved.")

    done = _save(request, form, write, reverse("emergency:occupational"))
    return done or _page(
        request,
        scope,
        enterprise,
        "emergency/portal/workplace_test.html",
        form=form,
        title=_("Workplace hazard-factor test"),
        back=reverse("emergency:occupational"),
    )
