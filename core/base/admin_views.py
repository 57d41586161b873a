"""Admin plumbing every app's Wagtail viewsets share: scoped views and policies.

Wagtail's ``ModelViewSet`` narrows only its index; its edit, delete, inspect,
history and usage views load any row by primary key. ``ScopedModelViewSet``
swaps in view classes that load every object through the viewset's
``get_queryset(request)``, so a row outside the user's scope is a 404 on every
URL, before any permission check could reveal that it exists.

What a user may *do* comes from permission policies: the role's model
permissions (``core.organizations.permissions``) narrowed by ``scope_for``;
``ReadOnlyPermissionPolicy`` is the one for rows nobody edits in the admin.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

import django_filters
from django.contrib import messages as django_messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import BooleanField, ForeignObjectRel, ProtectedError, QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from core.base.admin_columns import PlainColumn, PlainTitleColumn
from core.base.errors import show_messages
from core.base.keyset import BoundedCount, bounded_count


def choice_filterset(
    model: type, field: str, choices: Iterable[tuple[Any, Any]], label: str
) -> type[WagtailFilterSet]:
    """The filters of a list narrowed by one choice field of ``model`` (a
    status, a class): ``field`` offered with its ``choices`` as ``label``."""
    meta = type("Meta", (), {"model": model, "fields": [field]})
    return type(
        f"{model.__name__}FilterSet",
        (WagtailFilterSet,),
        {
            field: django_filters.ChoiceFilter(choices=choices, label=label),
            "Meta": meta,
            "__module__": model.__module__,
        },
    )


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Users with the model's view permission may look; nobody adds, changes or
    deletes through the admin, not even a superuser: the rows are written
    elsewhere (synced from packs, recorded by the audit log)."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


class ScopedObjectMixin:
    """Load the view's object only from the viewset's ``get_queryset(request)``."""

    #: Set by ``ScopedModelViewSet``: ``request -> QuerySet`` of the visible rows.
    scoped_queryset = None

    def get_scoped_queryset(self) -> QuerySet:
        return self.scoped_queryset(self.request)

    # Used by Wagtail's BaseObjectMixin (the history and usage views).
    def get_base_object_queryset(self) -> QuerySet:
        return self.get_scoped_queryset()


class ScopedSingleObjectMixin(ScopedObjectMixin):
    # Used by Django's SingleObjectMixin (the edit and delete views); not in
    # ScopedObjectMixin because listing views use get_queryset for their rows.
    def get_queryset(self) -> QuerySet:
        return self.get_scoped_queryset()


class BoundedPaginator(Paginator):
    """Pages whose count stops at ``COUNT_LIMIT`` (``core.base.keyset``): a
    list spanning a province's scope never counts all its rows per request;
    beyond the limit it shows that many pages and ``bounded`` says "10,000+"."""

    @cached_property
    def bounded(self) -> BoundedCount:
        return bounded_count(self.object_list)

    @cached_property
    def count(self) -> int:
        return self.bounded.value


class KeysFirstPaginator(BoundedPaginator):
    """A ``BoundedPaginator`` whose page reads its rows' keys first (the
    OFFSET walks the order's index alone, no join), then those rows with
    everything they show (one more query): a deep page joins 50 rows, not
    the 10,000 before it."""

    def page(self, number):
        page = super().page(number)
        keys = list(page.object_list.values_list("pk", flat=True))
        rows = self.object_list.order_by().in_bulk(keys)
        page.object_list = [rows[key] for key in keys if key in rows]
        return page


class ScopedIndexView(generic.IndexView):
    scoped_queryset = None
    paginator_class = BoundedPaginator
    #: The column-header sorts an index serves: ``sort_key`` → the whole
    #: order, ascending, ending with the key (``-sort_key`` reverses every
    #: column, so the same index is read backwards). ``None`` keeps
    #: Wagtail's sorting on every column with a ``sort_key``; otherwise the
    #: other columns lose their sort link: a sort no index serves would sort
    #: the whole scope on every page (docs/performance.md).
    indexed_orderings: dict[str, tuple[str, ...]] | None = None

    def get_base_queryset(self) -> QuerySet:
        return self.scoped_queryset(self.request)

    # Each row's buttons ask the policy the same model-level questions (may
    # the user change, inspect, delete?): some 300 ``has_perm`` calls a page,
    # each walking the authentication backends. The answers cannot change
    # within the request: asked once each. (Per-row questions,
    # ``user_has_permission_for_instance``, are still asked per row.)
    @cached_property
    def _permission_answers(self) -> dict:
        return {}

    def user_has_permission(self, permission):
        answers = self._permission_answers
        if permission not in answers:
            answers[permission] = super().user_has_permission(permission)
        return answers[permission]

    def user_has_any_permission(self, permissions):
        key = frozenset(permissions)
        answers = self._permission_answers
        if key not in answers:
            answers[key] = super().user_has_any_permission(permissions)
        return answers[key]

    # The columns Wagtail makes from field names in ``list_display`` are
    # written without a template per cell (core.base.admin_columns): the title
    # (its link and the row's dropdown) and plain values.
    def _get_title_column(self, field_name, column_class=PlainTitleColumn, **kwargs):
        return super()._get_title_column(field_name, column_class, **kwargs)

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        if column_class is Column:
            column_class = PlainColumn
        return super()._get_custom_column(field_name, column_class, **kwargs)

    @cached_property
    def columns(self):
        columns = super().columns
        if self.indexed_orderings is None:
            return columns
        kept = []
        for column in columns:
            if column.sort_key and column.sort_key not in self.indexed_orderings:
                column = copy.copy(column)
                column.sort_key = None
                column.header = type(column).Header(column)  # it draws the link
            kept.append(column)
        return kept

    def get_valid_orderings(self):
        if self.indexed_orderings is None:
            return super().get_valid_orderings()
        return [
            ordering for key in self.indexed_orderings for ordering in (key, f"-{key}")
        ]

    def order_queryset(self, queryset: QuerySet) -> QuerySet:
        if self.indexed_orderings is None or not self.ordering:
            return super().order_queryset(queryset)
        key = self.ordering.removeprefix("-")
        fields = self.indexed_orderings[key]
        if self.ordering.startswith("-"):
            fields = tuple(
                name[1:] if name.startswith("-") else f"-{name}" for name in fields
            )
        return queryset.order_by(*fields)


# django-auditlog records every write of these models, from the admin, the
# portal and the API alike, and their History view shows that record. The
# create, edit and delete views below therefore do not also write Wagtail's
# ModelLogEntry: a second history, and one that Wagtail's site-history report
# filters by model permission only, so every department would see every
# enterprise's entries there.


class ScopedCreateView(generic.CreateView):
    scoped_queryset = None

    def save_instance(self):
        return self.action_class(
            self.form.instance,
            user=self.request.user,
            form=self.form,
            sort_order_field=self.sort_order_field,
            log_action=False,
        ).execute(skip_permission_checks=True)


class ScopedEditView(ScopedSingleObjectMixin, generic.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Load now, before any permission check: out of scope is a 404 whatever
        # the user's permissions, so a refusal never tells that the row exists.
        self.object = self.get_object()

    def get_object(self, queryset=None):
        if getattr(self, "object", None) is not None:
            return self.object
        return super().get_object(queryset)

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("change", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        return self.action_class(
            self.form.instance, user=self.request.user, form=self.form, log_action=False
        ).execute(skip_permission_checks=True)


class ScopedDeleteView(ScopedSingleObjectMixin, generic.DeleteView):
    # DeleteView.setup() already loads the object (through get_queryset).

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("delete", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def delete_action(self):
        self.action_class(
            self.object, user=self.request.user, log_action=False
        ).execute(skip_permission_checks=True)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError as error:
            kinds = sorted(
                {
                    str(capfirst(obj._meta.verbose_name_plural))
                    for obj in error.protected_objects
                }
            )
            messages.error(
                self.request,
                _(
                    "“%(object)s” cannot be deleted while other records refer to "
                    "it: %(kinds)s. Move or delete those first."
                )
                % {"object": self.object, "kinds": ", ".join(kinds)},
            )
            return redirect(self.get_success_url())


class ScopedInspectView(generic.InspectView):
    scoped_queryset = None

    def get_field_label(self, field_name, field):
        # Django's label of a reverse relation is its untranslated name.
        if isinstance(field, ForeignObjectRel):
            return capfirst(field.related_model._meta.verbose_name_plural)
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        # Wagtail would print Python's True / False.
        if isinstance(field, BooleanField):
            return _("Yes") if getattr(self.object, field_name) else _("No")
        return super().get_field_display_value(field_name, field)

    def get_object(self, queryset=None):
        return get_object_or_404(
            self.scoped_queryset(self.request), pk=unquote(str(self.pk))
        )


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class ScopedModelViewSet(ModelViewSet):
    """A ModelViewSet whose every view sees only ``get_queryset(request)``.

    Override ``get_queryset`` to narrow the rows (through ``scope_for``) and to
    load what the list shows in a fixed number of queries.
    """

    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    # A copy would skip the scope and duplicate unique codes; nobody needs it.
    copy_view_enabled = False
    # The reference index costs queries on every save and is only filled for
    # rows saved after the admin hooks load; protection is handled on delete.
    add_to_reference_index = False

    def get_queryset(self, request) -> QuerySet:
        return self.model._default_manager.all()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            scoped_queryset=self.get_queryset, **kwargs
        )


class ScopedListViewSet(ScopedModelViewSet):
    """A government list of the scope's rows that nobody adds to or edits here
    (the services write them): no search backend (``search_fields`` filter the
    database), 50 rows a page, the read-only inspect page. A subclass still
    names ``form_fields`` for Wagtail; that form is never shown."""

    search_backend_name = None
    list_per_page = 50
    inspect_view_enabled = True


def _enterprise_name(row) -> str:
    return row.enterprise.name


def enterprise_column() -> Column:
    """The row's enterprise by name (the queryset selects ``enterprise``)."""
    return PlainColumn(
        "enterprise", label=gettext_lazy("enterprise"), accessor=_enterprise_name
    )


def inspect_title(name: str, label, *, viewset: str, accessor=None) -> TitleColumn:
    """The title column of a list, linking each row to its inspect page."""
    return PlainTitleColumn(
        name,
        label=label,
        accessor=accessor,
        get_url=lambda row: reverse(f"{viewset}:inspect", args=[row.pk]),
    )


def admin_step(request, write: Callable[[], object], *, to: str, pk: int):
    """A government step posted from an inspect page (supervise a hazard,
    review a filing): ``write()`` calls the service; its problems, or
    "Done.", show as messages back on the inspect page ``to`` of ``pk``."""
    try:
        write()
    except ValidationError as error:
        show_messages(request, error)
    else:
        django_messages.success(request, _("Done."))
    return redirect(to, pk)
