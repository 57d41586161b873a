"""Forms of the other risk pages: the list's filters, the Excel import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.risks.forms.choices import EMPTY, RiskChoices
from core.risks.models import (
    RiskLevel,
    RiskPoint,
)
from core.risks.selectors import UNASSESSED


# -- other pages -------------------------------------------------------------------
class RiskListFilterForm(forms.Form):
    """The risk list's filters (GET)."""

    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=100)
    level = forms.ChoiceField(label=gettext_lazy("Level"), required=False)
    unit = forms.TypedChoiceField(
        label=gettext_lazy("Unit"), required=False, coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        choices=EMPTY + RiskPoint.Kind.choices,
    )
    method = forms.ChoiceField(label=gettext_lazy("Method"), required=False)

    def __init__(self, *args, choices: RiskChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [
            *EMPTY,
            *RiskLevel.choices,
            (UNASSESSED, _("Not assessed yet")),
        ]
        self.fields["unit"].choices = EMPTY + choices.unit_choices
        self.fields["method"].choices = EMPTY + [
            (m.key, str(m.rule.title)) for m in choices.methods
        ]

    def filters(self) -> dict[str, Any]:
        """The selector's keyword arguments (invalid values are ignored)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "search": data.get("q") or None,
            "level": data.get("level") or None,
            "unit": data.get("unit"),
            "kind": data.get("kind") or None,
            "method": data.get("method") or None,
        }


class ImportForm(forms.Form):
    """Upload a filled-in risk list."""

    MAX_SIZE = 10 * 1024 * 1024

    file = forms.FileField(
        label=gettext_lazy("Risk list (.xlsx)"),
        help_text=gettext_lazy("Fill in the downloaded template; at most 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError(
                _("Upload an Excel workbook (.xlsx), such as the template.")
            )
        if upload.size > self.MAX_SIZE:
            raise ValidationError(_("The file is larger than 10 MB."))
        return upload
