"""What every entry screen of the emergency records shares: the manager-only
guard, saving a form through a service, the page, and the bounded choices of
the enterprise's own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.urls import reverse
from django.utils.translation import gettext as _

from core.base.filters import parse_id
from core.emergency import policy
from core.emergency.models import (
    EmergencyPlan,
)
from core.organizations.models import Enterprise, Person, Unit
from core.organizations.scope import Scope
from core.portal.frame import enterprise_portal, render_portal, submit

#: The most posts, plans or requirements a choice lists.
MAX_CHOICES = 500
#: The most people or risk events a search lists.
MAX_MATCHES = 100

FORM = "emergency/portal/form.html"


@dataclass(frozen=True)
class EntryPage:
    """One request to an entry screen: the request, the manager's scope and
    enterprise, and the ways every screen answers (a page, a form saved
    through a service, the bounded choices of the enterprise's own)."""

    request: HttpRequest
    scope: Scope
    enterprise: Enterprise

    def show(self, template: str = FORM, **context) -> HttpResponse:
        """Render ``template`` in the portal's frame (400 after a POST that
        must be corrected, 200 after a search)."""
        request = self.request
        searching = getattr(request, "emergency_search", False)
        status = 400 if request.method == "POST" and not searching else 200
        return render_portal(
            request,
            template,
            scope=self.scope,
            enterprise=self.enterprise,
            context=context,
            status=status,
        )

    def save(self, form, write: Callable[[dict[str, Any]], str], to):
        """On a valid POST, ``write`` (the service call) in one transaction and
        redirect to ``to`` (or ``to()``); None when the page must be shown again.

        A POST with ``search`` only narrows a chooser: nothing is saved, what was
        typed stays, no error is shown."""
        request = self.request
        if request.method != "POST":
            return None
        if "search" in request.POST:
            request.emergency_search = True  # type: ignore[attr-defined]
            form.is_valid()
            form.errors.clear()
            return None

        def write_atomically() -> str:
            with transaction.atomic():
                return write(form.cleaned_data)

        return submit(request, form, write_atomically, to=to)

    def form(self, form, write, *, title: str, back: str, search: bool = False):
        """A one-form page: saved and back to the page the URL name ``back``
        names, or shown (again) with a search box when ``search``."""
        back = reverse(back)
        done = self.save(form, write, back)
        return done or self.show(form=form, title=title, back=back, search=search)

    def people(self, keep=()) -> list[tuple[int, str]]:
        """The people matching the search ``q`` (bounded), those posted and
        those in ``keep`` — all of the enterprise."""
        return _people(self.request, self.enterprise, keep)

    def events(self, keep=()) -> list[tuple[int, str]]:
        """The enterprise's active risk events matching ``q`` (bounded), those
        posted and those in ``keep``."""
        return _events(self.request, self.enterprise, keep)

    def posts(self) -> list[tuple[int, str]]:
        """The enterprise's posts (at most ``MAX_CHOICES``), by name."""
        return _posts(self.enterprise)

    def plans(self) -> list[tuple[int, str]]:
        """The enterprise's emergency plans (at most ``MAX_CHOICES``)."""
        return _plans(self.enterprise)

    def post_of(self, pk: int) -> Unit:
        """The enterprise's post ``pk``; a 404 for any other unit."""
        return _post_of(self.enterprise, pk)

    def own(self, model, pk: int | None):
        """The enterprise's own ``model`` row ``pk`` (None without a ``pk``); a
        404 for a row that is not the enterprise's."""
        return _own(model, self.enterprise, pk)

    def post_form(self, form_class, add, *, saved, title, back, choices=None):
        """A form about one of the enterprise's posts (its ``post`` a choice of
        them, its other ``choices`` given), saved by ``add(actor=…, post=…,
        **the other fields)`` with the message ``saved``."""
        choices = {"post": self.posts(), **(choices or {})}
        form = form_class(self.request.POST or None, choices=choices)

        def write(data):
            post = self.post_of(data.pop("post"))
            add(actor=self.request.user, post=post, **data)
            return saved

        return self.form(form, write, title=title, back=back)


def manager_entry(view: Callable) -> Callable:
    """An enterprise portal page for the enterprise's safety manager only; the
    view is handed the request's ``EntryPage`` as ``page``."""

    @enterprise_portal
    @wraps(view)
    def wrapper(request, *args, scope, enterprise, **kwargs):
        if not policy.can_write(scope, enterprise):
            return HttpResponseForbidden(_("Only the safety manager may change this."))
        page = EntryPage(request, scope, enterprise)
        return view(request, *args, page=page, **kwargs)

    return wrapper


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
    """The enterprise's posts (at most ``MAX_CHOICES``), by name."""
    return list(
        Unit.objects.filter(enterprise=enterprise, kind=Unit.Kind.POST)
        .order_by("name", "pk")
        .values_list("pk", "name")[:MAX_CHOICES]
    )


def _plans(enterprise) -> list[tuple[int, str]]:
    """The enterprise's emergency plans (at most ``MAX_CHOICES``)."""
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
