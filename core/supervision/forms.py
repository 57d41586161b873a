"""The map's filters, checked before any query runs."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.organizations.models import Industry
from core.organizations.scope import Scope
from core.supervision.map_filters import map_filters
from core.supervision.selectors import MapQuery, territories_visible
from plugins.vocabularies import RISK_LEVELS


class MapFilterForm(forms.Form):
    industry = forms.ModelChoiceField(
        queryset=Industry.objects.all(), required=False, label=_("Industry")
    )
    territory = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Territory")
    )
    level = forms.ChoiceField(required=False, label=_("Highest risk level"))
    major = forms.BooleanField(required=False, label=_("Open major hazards"))
    overdue = forms.BooleanField(required=False, label=_("Overdue hazards"))

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["territory"].queryset = territories_visible(scope).exclude(depth=1)
        self.fields["industry"].queryset = Industry.objects.filter(is_active=True)
        self.fields["level"].choices = [("", _("Any level")), *RISK_LEVELS.choices()]
        for extra in map_filters():
            self.fields[extra.name] = forms.CharField(
                required=False, max_length=40, label=extra.label
            )

    def query(self) -> MapQuery:
        data = self.cleaned_data
        return MapQuery(
            industry=data["industry"].pk if data.get("industry") else None,
            territory=data.get("territory"),
            level=data.get("level") or None,
            major=bool(data.get("major")),
            overdue=bool(data.get("overdue")),
            extra={
                extra.name: data[extra.name]
                for extra in map_filters()
                if data.get(extra.name)
            },
        )
