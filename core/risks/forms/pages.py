"""Forms of the other risk pages: the list's filters, the Excel import."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


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
