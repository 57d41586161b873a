"""What every entry screen of the emergency records shares: the manager-only
guard, saving a form through a service, the page, and the bounded choices of
the enterprise's own."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db import transaction
from django.http import Http404, HttpResponseForbidden
from django.utils.translation import gettext as _

from core.base.filters import parse_id
from core.emergency import policy
from core.emergency.models import (
    EmergencyPlan,
)
from core.organizations.models import Person, Unit
from core.portal.frame import enterprise_portal, render_portal, submit

#: The most posts, plans or requirements a choice lists.
MAX_CHOICES = 500
#: The most people or risk events a search lists.
MAX_MATCHES = 100

FORM = "emergency/portal/form.html"


def manager_entry(view: Callable) -> Callable:
    """An enterprise portal page for the enterprise's safety manager only."""

    @enterprise_portal
    @wraps(view)
    def wrapper(request, *args, scope, enterprise, **kwargs):
        if not policy.can_write(scope, enterprise):
            return HttpResponseForbidden(_("Only the safety manager may change this."))
        return view(request, *args, scope=scope, enterprise=enterprise, **kwargs)

    return wrapper


def _save(request, form, write: Callable[[dict[str, Any]], str], to: str):
    """On a valid POST, ``write`` (the service call) in one transaction and
    redirect to ``to`` (or ``to()``); None when the page must be shown again.

    A POST with ``search`` only narrows a chooser: nothing is saved, what was
    typed stays, no error is shown."""
    if request.method != "POST":
        return None
    if "search" in request.POST:
        request.emergency_search = True
        form.is_valid()
        form.errors.clear()
        return None

    def write_atomically() -> str:
        with transaction.atomic():
            return write(form.cleaned_data)

    return submit(request, form, write_atomically, to=to)


def _page(request, scope, enterprise, template=FORM, **context):
    searching = getattr(request, "emergency_search", False)
    status = 400 if request.method == "POST" and not searching else 200
    return render_portal(
        request,
        template,
        scope=scope,
        enterprise=enterprise,
        context=context,
        status=status,
    )


def _entry(request, scope, enterprise, form, write, *, title, back, search=False):
    """A one-form page: saved and back to ``back``, or shown (again)."""
    done = _save(request, form, write, back)
    return done or _page(
        request,
        scope,
        enterprise,
        form=form,
        title=title,
        back=back,
        search=search,
    )


# -- bounded choices of the enterprise's own ------------------------------------------


def _posted_ids(request, name: str) -> list[int]:
    ids = [parse_id(value) for value in request.POST.getlist(name)]
    return [pk for pk in ids if pk is not None][:MAX_MATCHES]


def _people(request, enterprise, keep=()) -> list[tuple[int, str]]:
    """The people matching the search ``q`` (at most ``MAX_MATCHES``), those
    posted and those in ``keep`` — all of the enterprise."""
    query = (request.GET.get("q") or request.POST.get("q") or "").strip()[:50]
    people = Person.objects.filter(enterprise=enterprise).order_by("name", "pk")
    matches = people.filter(name__icontains=query) if query else people
    chosen = set(keep) | set(_posted_ids(request, "members"))
    chosen |= set(_posted_ids(request, "person"))
    rows = {p.pk: p.name for p in matches.only("pk", "name")[:MAX_MATCHES]}
    extra = chosen - set(rows)
    if extra:
        rows.update(people.filter(pk__in=extra).values_list("pk", "name"))
    return sorted(rows.items(), key=lambda row: (row[1], row[0]))


def _events(request, enterprise, keep=()) -> list[tuple[int, str]]:
    """The enterprise's active risk events matching ``q`` (bounded), those
    posted and those in ``keep``."""
    from core.risks.models import RiskEvent

    query = (request.GET.get("q") or request.POST.get("q") or "").strip()[:50]
    events = RiskEvent.objects.filter(
        risk_point__enterprise=enterprise, is_active=True
    ).order_by("risk_point_id", "order", "pk")
    matches = events.filter(name__icontains=query) if query else events
    chosen = set(keep) | set(_posted_ids(request, "risk_events"))
    rows = {
        e.pk: f"{e.risk_point.name} · {e.name}"
        for e in matches.select_related("risk_point")[:MAX_MATCHES]
    }
    extra = chosen - set(rows)
    if extra:
        rows.update(
            (e.pk, f"{e.risk_point.name} · {e.name}")
            for e in events.filter(pk__in=extra).select_related("risk_point")
        )
    return list(rows.items())


def _posts(enterprise) -> list[tuple[int, str]]:
    return list(
        Unit.objects.filter(enterprise=enterprise, kind=Unit.Kind.POST)
        .order_by("name", "pk")
        .values_list("pk", "name")[:MAX_CHOICES]
    )


def _plans(enterprise) -> list[tuple[int, str]]:
    return list(
        EmergencyPlan.objects.filter(enterprise=enterprise)
        .order_by("kind", "pk")
        .values_list("pk", "title")[:MAX_CHOICES]
    )


def _post_of(enterprise, pk: int) -> Unit:
    post = Unit.objects.filter(
        enterprise=enterprise, kind=Unit.Kind.POST, pk=pk
    ).first()
    if post is None:
        raise Http404
    return post


def _own(model, enterprise, pk: int | None):
    """The enterprise's own ``model`` row ``pk`` (None without a ``pk``); a
    404 for a row that is not the enterprise's."""
    if pk is None:
        return None
    row = model.objects.filter(enterprise=enterprise, pk=pk).first()
    if row is None:
        raise Http404
    return row


def _initial(row, *fields: str, **sources: str) -> dict[str, Any]:
    """A form's initial values from ``row`` (none without one): each of
    ``fields``, and each of ``sources`` read from the attribute it names."""
    if row is None:
        return {}
    return {
        **{name: getattr(row, name) for name in fields},
        **{name: getattr(row, source) for name, source in sources.items()},
    }
