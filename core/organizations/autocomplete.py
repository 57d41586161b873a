"""Choosing an enterprise by typing its name, within the user's scope.

The admin lists' enterprise filters are a text field that asks
``enterprise_autocomplete`` for the first matches as the user types, instead
of a ``<select>`` of every enterprise in scope (10,000 options at a
province's scale). The endpoint answers only enterprises the scope sees.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

import core.base.lookups  # noqa: F401 - registers text_contains, text_startswith
from core.base.choosers import TypingChooserWidget
from core.base.filters import IdField, parse_id
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for

MATCHES = 20


@require_GET
def enterprise_autocomplete(request: HttpRequest) -> JsonResponse:
    """``?q=`` part of a name or credit code: the first matches in scope, by
    name (``?id=`` one enterprise, to show a chosen filter's name)."""
    scope = scope_for(request.user)
    enterprises = scope.enterprises()
    pk = parse_id(request.GET.get("id"))
    if pk is not None:
        enterprises = enterprises.filter(pk=pk)
    else:
        text = (request.GET.get("q") or "").strip()[:100]
        if not text:
            return JsonResponse({"results": []})
        # ILIKE on PostgreSQL: the trigram indexes serve both conditions
        # (enterprise_name_trgm, enterprise_uscc_trgm), so the few matches
        # are found without reading every enterprise (docs/performance.md).
        enterprises = enterprises.filter(
            Q(name__text_contains=text) | Q(uscc__text_startswith=text)
        )
    rows = enterprises.order_by("name", "pk").values("pk", "name")[:MATCHES]
    return JsonResponse(
        {"results": [{"id": row["pk"], "name": row["name"]} for row in rows]}
    )


class EnterpriseChooserWidget(TypingChooserWidget):
    """A search-as-you-type field: the visible text asks the scoped endpoint,
    the submitted value is the chosen enterprise's id."""

    source_url_name = "safegrid_enterprise_autocomplete"
    placeholder = _("Type part of a name")
    fallback_label = _("Enterprise id")
    css_class = "sg-enterprise-chooser"


class EnterpriseChoiceField(IdField):
    """An enterprise id from the chooser, valid when ``enterprises`` (the
    user's scope) holds it — one indexed look-up, and only when given."""

    widget = EnterpriseChooserWidget
    default_error_messages = {"invalid_choice": _("No such enterprise in your scope.")}

    def __init__(self, *, enterprises=None, **kwargs):
        self.enterprises = enterprises
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values or self.enterprises is None:
            return
        if not self.enterprises.filter(pk=value).exists():
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )


class EnterpriseInScopeForm(forms.Form):
    """A form whose ``enterprise`` (an ``EnterpriseChoiceField``) accepts
    only an enterprise of ``scope``, the user's."""

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["enterprise"]
        assert isinstance(field, EnterpriseChoiceField)
        field.enterprises = scope.enterprises()


def enterprise_in_scope(request, value) -> Enterprise | None:
    """The enterprise of id ``value`` when the request's user sees it."""
    if value in (None, ""):
        return None
    return scope_for(request.user).enterprises().filter(pk=value).first()


class EnterpriseChooserFilter(django_filters.Filter):
    """An enterprise filter chosen by typing. The list's queryset is already
    the scope's, so an id outside it selects nothing; the choices are never
    rendered."""

    field_class = EnterpriseChoiceField

    def in_scope_of(self, request) -> None:
        """Validate against the request user's scope: an enterprise outside
        it makes the filter invalid (ignored, as Wagtail does), never a hint
        that it exists."""
        self.extra["enterprises"] = scope_for(
            request.user if request is not None else None
        ).enterprises()

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        return qs.filter(**{f"{self.field_name}_id": value})
