"""The inspections' portal pages, under /portal/inspections/ (namespace
``inspections``): the to-do list, the QR code of a risk point and its scan,
and the manager's major hazard sources with their 包保 heads.

Every page admits enterprise users only (``enterprise_portal``) and reads
through the scope: another enterprise's task, point or source is a 404.
"""

from __future__ import annotations

import io

import segno
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.base.keyset import BadCursor, keyset_page
from core.forms import services as form_services
from core.forms.selectors import submission_draft_get
from core.forms.todo import form_todo
from core.inspections import services
from core.inspections.models import (
    HeadRole,
    MajorHazardSource,
    TaskSource,
    TaskStatus,
)
from core.inspections.portal_wizard import AT_POINT_SESSION_KEY
from core.inspections.selectors import (
    hazard_sources,
    open_task_at_point,
    task_for,
    task_list,
)
from core.organizations.models import Role
from core.portal.frame import enterprise_portal, form_page, portal_page, render_portal
from core.risks.models import RiskPoint

SECTION_LIMIT = 50
#: The to-do shows the latest done tasks; the rest page by cursor.
DONE_PREVIEW = 10
DONE_PAGE = 50


@require_GET
@portal_page("inspections/todo.html")
def todo(request, *, scope, enterprise):
    """The user's to-do: overdue, due now, coming, and the latest done; by
    period. The safety manager may look at the whole enterprise's
    (``?who=all``). ``?section=done`` pages through every done task, newest
    first (cursor pages: a year of daily tasks costs what one page costs)."""
    now = timezone.now()
    whole = scope.role == Role.ENTERPRISE_MANAGER and request.GET.get("who") == "all"
    tasks = task_list(scope=scope, user=request.user, own_only=not whole)
    done_tasks = tasks.filter(status=TaskStatus.DONE).order_by("-due_at", "-pk")
    if request.GET.get("section") == "done":
        return _done_history(request, scope, enterprise, done_tasks, whole)
    open_tasks = tasks.exclude(status=TaskStatus.DONE)
    done = list(done_tasks[: DONE_PREVIEW + 1])
    sections = [
        (
            "overdue",
            _("Overdue"),
            list(
                open_tasks.filter(due_at__lte=now).order_by("due_at", "pk")[
                    :SECTION_LIMIT
                ]
            ),
        ),
        (
            "due",
            _("Due now"),
            list(
                open_tasks.filter(period_start__lte=now, due_at__gt=now).order_by(
                    "due_at", "pk"
                )[:SECTION_LIMIT]
            ),
        ),
        (
            "coming",
            _("Coming"),
            list(
                open_tasks.filter(period_start__gt=now).order_by("due_at", "pk")[
                    :SECTION_LIMIT
                ]
            ),
        ),
        ("done", _("Latest done"), done[:DONE_PREVIEW]),
    ]
    _label_tasks(task for _key, _label, tasks in sections for task in tasks)
    assigned = form_todo(
        scope=scope,
        enterprise=enterprise,
        user=request.user,
        today=timezone.localdate(),
    )
    return {
        "sections": sections,
        "more_done": len(done) > DONE_PREVIEW,
        "assigned_forms": assigned,
        "whole": whole,
        "is_manager": scope.role == Role.ENTERPRISE_MANAGER,
    }


def _label_tasks(tasks) -> None:
    """Give each task what its row shows, read once per request: its source
    and head-role labels (a choice's display is a lazy, translated label
    looked up anew at each read) and the URL of its checklist."""
    sources = {key: str(label) for key, label in TaskSource.choices}
    head_roles = {key: str(label) for key, label in HeadRole.choices}
    fill = reverse("inspections:fill", args=[0]).rsplit("/0/", 1)
    for task in tasks:
        task.source_label = sources.get(task.source, task.source)
        task.head_role_label = head_roles.get(task.head_role, "")
        task.fill_url = f"{fill[0]}/{task.pk}/{fill[1]}"


def _done_history(request, scope, enterprise, done_tasks, whole):
    try:
        page = keyset_page(done_tasks, request.GET.get("cursor") or None, DONE_PAGE)
    except BadCursor:
        raise Http404 from None
    _label_tasks(page.rows)
    base = reverse("inspections:todo") + "?section=done" + ("&who=all" if whole else "")
    return render_portal(
        request,
        "inspections/todo.html",
        scope=scope,
        enterprise=enterprise,
        context={
            "sections": [("done", _("Done"), page.rows)],
            "history": True,
            "next_url": f"{base}&cursor={page.next_cursor}" if page.next_cursor else "",
            "previous_url": (
                f"{base}&cursor={page.previous_cursor}" if page.previous_cursor else ""
            ),
            "whole": whole,
            "is_manager": scope.role == Role.ENTERPRISE_MANAGER,
        },
    )


@require_POST
@enterprise_portal
def discard(request, pk, *, scope, enterprise):
    task = task_for(scope=scope, user=request.user, pk=pk)
    if task is None:
        raise Http404
    if submission_draft_get(
        version=task.version, enterprise=enterprise, user=request.user
    ):
        form_services.submission_draft_discard(
            actor=request.user, version=task.version, enterprise=enterprise
        )
        messages.success(request, _("The draft was discarded."))
    return redirect("inspections:todo")


def _point(scope, enterprise, pk) -> RiskPoint:
    point = (
        scope.filter(RiskPoint.objects.filter(enterprise=enterprise))
        .filter(pk=pk)
        .first()
    )
    if point is None:
        raise Http404
    return point


@require_GET
@enterprise_portal
def scan(request, pk, *, scope, enterprise):
    """Where a risk point's QR code leads: the user's due task of the point,
    recorded as done at the point when it is submitted."""
    point = _point(scope, enterprise, pk)
    task = open_task_at_point(scope=scope, user=request.user, point_id=point.pk)
    if task is None:
        messages.info(
            request,
            _("You have no inspection due at “%(point)s”.") % {"point": point.name},
        )
        return redirect("inspections:todo")
    marks = [
        pk for pk in request.session.get(AT_POINT_SESSION_KEY, []) if pk != task.pk
    ]
    request.session[AT_POINT_SESSION_KEY] = [*marks[-19:], task.pk]
    return redirect("inspections:fill", pk=task.pk)


def _scan_url(request, point: RiskPoint) -> str:
    return request.build_absolute_uri(reverse("inspections:scan", args=[point.pk]))


@require_GET
@enterprise_portal
def point_qr_png(request, pk, *, scope, enterprise):
    point = _point(scope, enterprise, pk)
    buffer = io.BytesIO()
    segno.make(_scan_url(request, point), error="m").save(buffer, kind="png", scale=8)
    return HttpResponse(buffer.getvalue(), content_type="image/png")


@require_GET
@portal_page("inspections/point_qr.html")
def point_qr(request, pk, *, scope, enterprise):
    """A printable card with the point's QR code."""
    point = _point(scope, enterprise, pk)
    svg = segno.make(_scan_url(request, point), error="m").svg_inline(scale=6)
    return {"point": point, "qr_svg": svg, "scan_url": _scan_url(request, point)}


# -- major hazard sources and their 包保 heads ------------------------------------


class HazardSourceForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("name"), max_length=200)
    grade = forms.ChoiceField(
        label=gettext_lazy("grade"),
        choices=[("", "—"), *MajorHazardSource.Grade.choices],
        required=False,
    )
    risk_point = forms.ModelChoiceField(
        label=gettext_lazy("risk point"),
        queryset=RiskPoint.objects.none(),
        required=False,
    )
    main_head = forms.ModelChoiceField(
        label=gettext_lazy("main responsible head"), queryset=None, required=False
    )
    technical_head = forms.ModelChoiceField(
        label=gettext_lazy("technical responsible head"), queryset=None, required=False
    )
    operational_head = forms.ModelChoiceField(
        label=gettext_lazy("operational responsible head"),
        queryset=None,
        required=False,
    )

    def __init__(self, *args, enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        people = enterprise.people.order_by("name", "pk")
        for field in ("main_head", "technical_head", "operational_head"):
            self.fields[field].queryset = people
        self.fields["risk_point"].queryset = enterprise.risk_points.order_by(
            "name", "pk"
        )


def _require_manager(scope, enterprise) -> None:
    if not scope.can_manage_safety_records(enterprise):
        raise PermissionDenied(
            _("Only the safety manager names the responsible heads.")
        )


@require_GET
@portal_page("inspections/sources.html")
def sources(request, *, scope, enterprise):
    return {
        "sources": list(hazard_sources(scope=scope, enterprise=enterprise)[:200]),
        "can_manage": scope.can_manage_safety_records(enterprise),
    }


@enterprise_portal
def source_edit(request, pk=None, *, scope, enterprise):
    _require_manager(scope, enterprise)
    source = None
    if pk is not None:
        source = (
            hazard_sources(scope=scope, enterprise=enterprise).filter(pk=pk).first()
        )
        if source is None:
            raise Http404
    initial = (
        {
            "name": source.name,
            "grade": source.grade,
            "risk_point": source.risk_point_id,
            "main_head": source.main_head_id,
            "technical_head": source.technical_head_id,
            "operational_head": source.operational_head_id,
        }
        if source
        else None
    )
    form = HazardSourceForm(
        request.POST or None, initial=initial, enterprise=enterprise
    )

    def write():
        saved = services.hazard_source_save(
            actor=request.user,
            enterprise=enterprise,
            data=form.cleaned_data,
            source=source,
        )
        return _("Saved “%(name)s”.") % {"name": saved.name}

    return form_page(
        request,
        form,
        write,
        to="inspections:sources",
        template="inspections/source_form.html",
        scope=scope,
        enterprise=enterprise,
        context={"form": form, "source": source},
    )
