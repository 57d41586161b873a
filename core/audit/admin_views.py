"""Admin views over django-auditlog's record: who changed what, and when.

django-auditlog stores each change as ``{field name: [old, new]}`` with the
values as strings (foreign keys as primary keys, many-to-many changes as a
small dict). ``change_rows`` turns that into labelled rows a person can read:
field verbose names, choice labels, yes/no, and the names of related objects,
which are looked up for a whole page of entries at once so a listing costs a
fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic

from core.base.admin_views import ScopedHistoryView, ScopedInspectView

EMPTY = "—"
RelatedLabels = dict[tuple[type[models.Model], str], str]


@dataclass(frozen=True)
class ChangeRow:
    """One changed field: ``operation`` is "change", or "add" / "remove" for a
    many-to-many field (then only ``new`` or ``old`` holds the objects)."""

    label: str
    old: str
    new: str
    operation: str = "change"


def _model_field(model: type[models.Model] | None, name: str):
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    # A reverse relation (e.g. "contacts") has no verbose name or value here.
    return field if getattr(field, "verbose_name", None) else None


def _is_missing(value) -> bool:
    return value is None or value == "None" or value == ""


def related_labels(entries: Iterable[LogEntry]) -> RelatedLabels:
    """Names of the objects that foreign-key changes in ``entries`` point to.

    One query per related model (not per entry); deleted objects are absent.
    """
    wanted: dict[type[models.Model], set] = defaultdict(set)
    for entry in entries:
        model = entry.content_type.model_class()
        for name, values in (entry.changes or {}).items():
            field = _model_field(model, name)
            if field is None or not (field.many_to_one or field.one_to_one):
                continue
            if not isinstance(values, list):
                continue
            for value in values:
                if _is_missing(value):
                    continue
                try:
                    wanted[field.related_model].add(
                        field.related_model._meta.pk.to_python(value)
                    )
                except ValidationError:
                    continue
    labels: RelatedLabels = {}
    for related_model, pks in wanted.items():
        for obj in related_model._default_manager.filter(pk__in=pks):
            labels[(related_model, str(obj.pk))] = str(obj)
    return labels


def _display_value(field, value, labels: RelatedLabels) -> str:
    if _is_missing(value):
        return EMPTY
    if field is None:
        return str(value)
    if field.many_to_one or field.one_to_one:
        return labels.get(
            (field.related_model, str(value)),
            _("#%(pk)s (deleted)") % {"pk": value},
        )
    if field.choices:
        choices = {str(key): label for key, label in field.flatchoices}
        return str(choices.get(str(value), value))
    if isinstance(field, models.BooleanField):
        return str(_("Yes") if str(value) == "True" else _("No"))
    return str(value)


def change_rows(
    entry: LogEntry, labels: RelatedLabels | None = None
) -> list[ChangeRow]:
    """The changes of one entry as labelled, readable rows."""
    labels = labels if labels is not None else {}
    model = entry.content_type.model_class()
    rows = []
    for name, values in (entry.changes or {}).items():
        field = _model_field(model, name)
        label = str(capfirst(field.verbose_name)) if field is not None else name
        if isinstance(values, dict) and values.get("type") == "m2m":
            objects = ", ".join(str(obj) for obj in values.get("objects", []))
            if values.get("operation") == "add":
                rows.append(ChangeRow(label, "", objects, "add"))
            else:
                rows.append(ChangeRow(label, objects, "", "remove"))
        elif isinstance(values, list) and len(values) == 2:
            old, new = (_display_value(field, value, labels) for value in values)
            rows.append(ChangeRow(label, old, new))
        else:
            rows.append(ChangeRow(label, "", str(values)))
    return rows


def render_changes(entry: LogEntry, labels: RelatedLabels | None = None) -> str:
    return render_to_string("audit/changes.html", {"rows": change_rows(entry, labels)})


def actor_display(entry: LogEntry) -> str:
    # No actor: the write did not come through a request (a command, a task).
    if entry.actor is None:
        return entry.actor_email or str(_("system"))
    return entry.actor.get_username()


def object_type_display(entry: LogEntry) -> str:
    return str(capfirst(entry.content_type.name))


class ChangesColumn(Column):
    """The readable changes of an entry (``entry.change_rows``, set by the view)."""

    cell_template_name = "audit/changes_cell.html"

    def __init__(self, name="changes", **kwargs):
        kwargs.setdefault("label", _("changes"))
        kwargs.setdefault("accessor", "change_rows")
        super().__init__(name, **kwargs)


class ChangeRowsMixin:
    """Give each listed entry its ``change_rows``, resolving a page at once."""

    def get_table(self, object_list):
        entries = list(object_list)
        labels = related_labels(entries)
        for entry in entries:
            entry.change_rows = change_rows(entry, labels)
        return super().get_table(entries)


def log_entry_columns() -> list[Column]:
    return [
        DateColumn("timestamp", label=_("when"), sort_key="timestamp"),
        Column("actor", label=_("who"), accessor=actor_display),
        Column("action", label=_("action"), accessor="get_action_display"),
        ChangesColumn(),
    ]


class AuditHistoryView(ChangeRowsMixin, ScopedHistoryView):
    """An object's history from the audit log (every write, wherever it came
    from), for the History link of SafeGrid's admin screens."""

    filterset_class = None

    @property
    def columns(self):
        return log_entry_columns()

    def get_base_queryset(self):
        return (
            LogEntry.objects.get_for_object(self.object)
            .select_related("actor", "content_type")
            .order_by("-timestamp", "-pk")
        )


class LogEntryIndexView(ChangeRowsMixin, generic.IndexView):
    scoped_queryset = None

    def get_base_queryset(self):
        return self.scoped_queryset(self.request)


class LogEntryInspectView(ScopedInspectView):
    def get_field_label(self, field_name, field):
        if field_name == "changes":
            return capfirst(_("changes"))
        return super().get_field_label(field_name, field)

    def get_changes_display_value(self):
        return render_changes(self.object, related_labels([self.object]))

    def get_actor_display_value(self):
        return actor_display(self.object)

    def get_content_type_display_value(self):
        return object_type_display(self.object)
