"""Choosing one of the enterprise's units by typing, for the portal lists'
unit filter (the risk list, the hazard board).

A big enterprise has thousands of units: a ``<select>`` of them all grew the
page with the tree. The filter is a text field instead: as the user types,
``portal.js`` asks ``unit_autocomplete`` for the first matches (the units
page's own search, ``selectors.unit_search``) and the chosen unit's id is
what the form sends as ``unit``. The page shows the chosen unit's name when
it is opened with ``?unit=`` (one look-up), and ``?unit=`` filters as before
with or without the script.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from core.base.filters import parse_id
from core.organizations.autocomplete import EnterpriseChoiceField
from core.organizations.models import Enterprise, Unit
from core.organizations.scope import Scope
from core.portal import selectors
from core.portal.frame import portal_entry

#: How many matches the chooser offers at most.
MATCHES = 20


@require_GET
def unit_autocomplete(request: HttpRequest) -> JsonResponse:
    """``?q=`` part of a unit's name: the first matches among the user's own
    enterprise's units, in tree order, each with its "workshop / team / post"
    label (``?id=`` one unit). Government users are refused (403): they have
    no enterprise of their own."""
    scope, enterprise, refused = portal_entry(request)
    if refused is not None:
        return refused
    pk = parse_id(request.GET.get("id"))
    text = (request.GET.get("q") or "").strip()[:100]
    found = (
        selectors.unit_search(scope=scope, enterprise=enterprise, pk=pk)
        if pk is not None
        else selectors.unit_search(
            scope=scope, enterprise=enterprise, text=text, limit=MATCHES
        )
    )
    return JsonResponse(
        {
            "results": [
                {"id": unit.pk, "name": unit.name, "label": label}
                for unit, label in found
            ]
        }
    )


class UnitChooserWidget(forms.TextInput):
    """A search-as-you-type field: the visible text asks ``unit_autocomplete``,
    the submitted value (a hidden field) is the chosen unit's id. The chosen
    unit's label is written by the server, so a page opened with ``?unit=``
    shows it without the script."""

    template_name = "portal/widgets/unit_chooser.html"

    def __init__(self, *, scope: Scope, enterprise: Enterprise, attrs=None):
        super().__init__(attrs)
        self.scope = scope
        self.enterprise = enterprise

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        pk = parse_id(str(value)) if value not in (None, "") else None
        found = (
            selectors.unit_search(scope=self.scope, enterprise=self.enterprise, pk=pk)
            if pk is not None
            else []
        )
        context["widget"].update(
            source=reverse("portal:unit_autocomplete"),
            label=found[0][1] if found else "",
            placeholder=_("Type part of a unit's name"),
        )
        return context


class UnitChoiceField(EnterpriseChoiceField):
    """A unit id from the chooser, valid when ``units`` (the enterprise's, as
    the scope sees them) holds it: the enterprise chooser's check (one indexed
    look-up, only when given) on the enterprise's units."""

    widget = forms.TextInput
    default_error_messages = {"invalid_choice": _("No such unit in your enterprise.")}

    def __init__(self, *, units=None, **kwargs):
        super().__init__(enterprises=units, **kwargs)


class UnitChooserFilter(django_filters.Filter):
    """The unit filter of a portal list, entered with ``UnitChooserWidget``:
    another enterprise's unit is refused at the field, as an option that was
    never offered was."""

    field_class = UnitChoiceField

    def choose_in(self, *, scope: Scope, enterprise: Enterprise) -> None:
        """Offer the units of ``enterprise`` as ``scope`` sees them."""
        self.extra["widget"] = UnitChooserWidget(scope=scope, enterprise=enterprise)
        self.extra["units"] = scope.filter(Unit.objects.filter(enterprise=enterprise))
