"""Choosing the audit log's "who" by typing a name.

The log's actor filter was a ``<select>`` of every user who ever wrote
anything, found by a semi-join over the whole log: at a province's scale tens
of thousands of options, read on every page of the log. It is now the
admin's search-as-you-type chooser (``core.base.choosers``)
asking ``actor_autocomplete`` for the first matching users who have written
something; only the readers of the log (``auditlog.view_logentry``) may ask.
"""

from __future__ import annotations

import django_filters
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

import core.base.lookups  # noqa: F401 - registers text_contains
from core.base.choosers import TypingChooserWidget
from core.base.filters import IdField, parse_id

MATCHES = 20
READ_LOG = "auditlog.view_logentry"


@require_GET
def actor_autocomplete(request: HttpRequest) -> JsonResponse:
    """``?q=`` part of a user name: the first users who wrote something, by
    name (``?id=`` one user, to show a chosen filter's name)."""
    if not request.user.has_perm(READ_LOG):
        raise PermissionDenied
    users = get_user_model().objects.filter(
        Exists(LogEntry.objects.filter(actor_id=OuterRef("pk")))
    )
    pk = parse_id(request.GET.get("id"))
    if pk is not None:
        users = users.filter(pk=pk)
    else:
        text = (request.GET.get("q") or "").strip()[:100]
        if not text:
            return JsonResponse({"results": []})
        users = users.filter(
            Q(username__text_contains=text)
            | Q(first_name__text_contains=text)
            | Q(last_name__text_contains=text)
        )
    rows = users.order_by("username", "pk").values_list("pk", "username")[:MATCHES]
    return JsonResponse({"results": [{"id": pk, "name": name} for pk, name in rows]})


class ActorChooserWidget(TypingChooserWidget):
    source_url_name = "safegrid_audit_actor_autocomplete"
    placeholder = _("Type part of a user name")
    fallback_label = _("User id")
    css_class = "sg-user-chooser"


class ActorChoiceField(IdField):
    widget = ActorChooserWidget


class ActorChooserFilter(django_filters.Filter):
    """The log's entries written by the chosen user; the choices are never
    rendered, and an id nobody holds selects nothing."""

    field_class = ActorChoiceField

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        return qs.filter(actor_id=value)
