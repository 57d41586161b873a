"""The portal's hazard pages (phone width first): the board, a report, the
detail with its history and the buttons the state machine offers, a step,
and the Excel export. Every page goes through ``enterprise_portal`` and the
scope; writes through ``core.hazards.services``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.base.errors import apply_errors
from core.base.keyset import BadCursor, keyset_page
from core.base.workbook import xlsx_response
from core.forms.services import upload_store
from core.hazards import selectors
from core.hazards.filters import PortalHazardFilters
from core.hazards.forms import ReportForm, StepForm
from core.hazards.machine import available_steps
from core.hazards.models import Hazard, HazardStatus
from core.hazards.services import hazard_report, hazard_transition
from core.organizations.models import Person
from core.portal.frame import enterprise_portal, portal_page

PAGE_SIZE = 30


def _hazard(scope, pk: int) -> Hazard:
    hazard = (
        selectors.hazards_visible(scope)
        .select_related("enterprise", "risk_point", "responsible", "submission")
        .prefetch_related("photos")
        .filter(pk=pk)
        .first()
    )
    if hazard is None:
        raise Http404
    return hazard


def _filters(request, scope, enterprise) -> dict:
    filterset = PortalHazardFilters(
        request.GET or None, scope=scope, enterprise=enterprise
    )
    return {"form": filterset.form, "values": filterset.values()}


@portal_page("hazards/list.html")
@require_http_methods(["GET"])
def hazard_board(request, *, scope, enterprise):
    filters = _filters(request, scope, enterprise)
    hazards = selectors.hazard_list(
        scope=scope, enterprise=enterprise.pk, **filters["values"]
    ).prefetch_related("photos")
    try:
        page = keyset_page(hazards, request.GET.get("cursor") or None, PAGE_SIZE)
    except BadCursor:
        raise Http404 from None
    query = request.GET.copy()
    query.pop("cursor", None)

    def link(cursor: str | None) -> str:
        if not cursor:
            return ""
        query["cursor"] = cursor
        return "?" + query.urlencode()

    counts = selectors.hazard_counts(scope=scope, enterprise=enterprise.pk)
    columns = [
        (status, label, counts[f"status_{status}"])
        for status, label in HazardStatus.choices
    ]
    return {
        "hazards": page.rows,
        "next_url": link(page.next_cursor),
        "previous_url": link(page.previous_cursor),
        "counts": counts,
        "columns": columns,
        "form": filters["form"],
        "query": request.GET.urlencode(),
    }


@portal_page("hazards/report.html")
@require_http_methods(["GET", "POST"])
def hazard_report_view(request, *, scope, enterprise):
    from core.risks.models import RiskPoint

    points = RiskPoint.objects.filter(enterprise=enterprise).only("pk", "name")
    form = ReportForm(request.POST or None, request.FILES or None, risk_points=points)
    if request.method == "POST" and form.is_valid():

        def write(data, photos):
            point_pk = data.pop("risk_point")
            return hazard_report(
                actor=request.user,
                enterprise=enterprise,
                risk_point=points.filter(pk=point_pk).first() if point_pk else None,
                photos=photos,
                **data,
            )

        hazard = save_with_uploads(request, form, "photos", enterprise, write)
        if hazard is not None:
            messages.success(request, _("Hazard reported."))
            return redirect("hazards:detail", pk=hazard.pk)
    return {"form": form}


def _photo_errors(form, error: ValidationError, field: str) -> None:
    """A service's problems at their fields; an upload's (keyed ``file``)
    and the photo lists' at the photos field."""
    apply_errors(
        form, error, rename=dict.fromkeys(("photos", "evidence", "file"), field)
    )


def save_with_uploads(request, form, field: str, enterprise, write):
    """Save a valid ``form`` with files: store the files of ``field`` as the
    ``enterprise``'s uploads and call ``write(data, uploads)`` (the service;
    ``data`` the form's other fields), all in one transaction.

    Returns what ``write`` returns (the saved row), or None with the
    service's problems at the form's fields (an upload's at ``field``)."""
    data = dict(form.cleaned_data)
    files = data.pop(field)
    try:
        with transaction.atomic():
            uploads = [
                upload_store(actor=request.user, enterprise=enterprise, file=file)
                for file in files
            ]
            return write(data, uploads)
    except ValidationError as error:
        _photo_errors(form, error, field)
        return None


def _detail_context(request, scope, hazard, step_form=None, failed_action=""):
    people = Person.objects.filter(enterprise_id=hazard.enterprise_id).only(
        "pk", "name"
    )
    steps = available_steps(scope, hazard)
    forms = []
    for step in steps:
        if step_form is not None and step.action == failed_action:
            form = step_form
        else:
            form = StepForm(
                initial={
                    "action": step.action,
                    "grade": hazard.grade,
                    "responsible": hazard.responsible_id,
                    "deadline": hazard.deadline,
                    "rectification_measures": hazard.rectification_measures,
                    "rectification_cost": hazard.rectification_cost,
                    "contingency_plan": hazard.contingency_plan,
                },
                people=people,
            )
        wanted = set(step.fields) | {"action", "comment"}
        if step.needs_evidence:
            wanted.add("evidence")
        forms.append(
            {
                "step": step,
                "form": form,
                "fields": [form[name] for name in form.fields if name in wanted],
            }
        )
    transitions = hazard.transitions.select_related("actor").prefetch_related(
        "evidence"
    )
    return {
        "hazard": hazard,
        "step_forms": forms,
        "transitions": transitions,
        "after_photos": [
            upload for transition in transitions for upload in transition.evidence.all()
        ],
    }


@portal_page("hazards/detail.html")
@require_http_methods(["GET"])
def hazard_detail(request, pk, *, scope, enterprise):
    hazard = _hazard(scope, pk)
    return _detail_context(request, scope, hazard)


@portal_page("hazards/detail.html", post_status=400)
@require_POST
def hazard_step(request, pk, *, scope, enterprise):
    hazard = _hazard(scope, pk)
    people = Person.objects.filter(enterprise_id=hazard.enterprise_id)
    form = StepForm(request.POST, request.FILES, people=people)
    if form.is_valid():

        def write(data, evidence):
            step = {"action": data.pop("action"), "comment": data.pop("comment")}
            data = {k: v for k, v in data.items() if v not in (None, "")}
            return hazard_transition(
                actor=request.user, hazard=hazard, data=data, evidence=evidence, **step
            )

        saved = save_with_uploads(request, form, "evidence", hazard.enterprise, write)
        if saved is not None:
            messages.success(request, _("Done."))
            return redirect("hazards:detail", pk=hazard.pk)
    return _detail_context(request, scope, hazard, form, request.POST.get("action", ""))


@enterprise_portal
@require_http_methods(["GET"])
def hazard_export(request, *, scope, enterprise):
    from core.hazards.exports import hazards_workbook

    filters = _filters(request, scope, enterprise)
    hazards = selectors.hazard_list(
        scope=scope, enterprise=enterprise.pk, **filters["values"]
    )
    return xlsx_response(hazards_workbook(hazards), "hazards.xlsx")
