"""Form fields and widgets the builder uses for answers (dates, choices,
map points, uploaded files), each as strict as the JSON Schema it feeds."""

from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.base.input_guard import json_loads_checked
from core.forms.definition.model import FILE_TYPES
from core.forms.uploads import upload_content_check

NOTE_SUFFIX = "__note"
PHOTOS_SUFFIX = "__photos"
NEW_FILES_SUFFIX = "__new"
REMOVE_FILES_SUFFIX = "__remove"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
CHECK_CHOICES = [
    ("compliant", _("Compliant")),
    ("non_compliant", _("Non-compliant")),
    ("not_applicable", _("Not applicable")),
]

#: ``upload_handler(file) -> FormUpload``: stores a new file (the portal);
#: without it new files are checked but not stored (the admin preview).
UploadHandler = Callable[[Any], Any]


class IsoDateField(forms.Field):
    """A date as ``YYYY-MM-DD`` only: the form of the JSON Schema ``date`` format."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    default_error_messages = {"invalid": _("Enter a valid date (YYYY-MM-DD).")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        text = str(value)
        if not ISO_DATE.match(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from None


class UniqueMultipleChoiceField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def validate(self, value):
        super().validate(value)
        if len(set(value)) != len(value):
            raise ValidationError(
                _("Each option may be chosen once."), code="duplicate"
            )


class LocationWidget(forms.MultiWidget):
    template_name = "forms/widgets/location.html"

    def __init__(self, attrs=None):
        super().__init__(
            [
                forms.NumberInput(attrs={"step": "any", "placeholder": _("Latitude")}),
                forms.NumberInput(attrs={"step": "any", "placeholder": _("Longitude")}),
            ],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, dict):
            return [value.get("lat"), value.get("lng")]
        return [None, None]


class LocationField(forms.MultiValueField):
    """A map point; the map widget of the portal fills the two numbers."""

    widget = LocationWidget

    def __init__(self, **kwargs):
        super().__init__(
            fields=(
                forms.FloatField(min_value=-90, max_value=90),
                forms.FloatField(min_value=-180, max_value=180),
            ),
            require_all_fields=True,
            **kwargs,
        )

    def compress(self, data_list):
        if not data_list or all(v is None for v in data_list):
            return None
        if any(v is None for v in data_list):
            raise ValidationError(_("Enter both the latitude and the longitude."))
        return {"lat": data_list[0], "lng": data_list[1]}


@dataclass
class UploadsValue:
    """What an upload field holds: references already stored, new files."""

    references: list[dict[str, Any]] = field(default_factory=list)
    files: list[Any] = field(default_factory=list)


class UploadsWidget(forms.Widget):
    """Stored files (as JSON in a hidden input, each removable) and new files."""

    template_name = "forms/widgets/uploads.html"

    def __init__(self, attrs=None, accept: str = ""):
        super().__init__(attrs)
        self.accept = accept

    def format_value(self, value):
        if isinstance(value, UploadsValue):
            value = value.references
        if isinstance(value, dict):  # re-displaying what was posted
            value = value.get("references") or "[]"
        if isinstance(value, str):
            return value
        return json.dumps(value or [], ensure_ascii=False)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        try:
            references = json.loads(context["widget"]["value"] or "[]")
        except ValueError:
            references = []
        context["widget"].update(
            references=references if isinstance(references, list) else [],
            new_name=name + NEW_FILES_SUFFIX,
            remove_name=name + REMOVE_FILES_SUFFIX,
            accept=self.accept,
        )
        return context

    def value_from_datadict(self, data, files, name):
        removed = (
            sorted(data.getlist(name + REMOVE_FILES_SUFFIX))
            if hasattr(data, "getlist")
            else []
        )
        new_files = files.getlist(name + NEW_FILES_SUFFIX) if files else []
        return {"references": data.get(name), "removed": removed, "files": new_files}

    def value_omitted_from_data(self, data, files, name):
        return name not in data and not (files and name + NEW_FILES_SUFFIX in files)


class UploadsField(forms.Field):
    """References to uploaded files; new files are checked by kind and size."""

    widget = UploadsWidget

    def __init__(
        self, *, kinds: list[str], max_size_mb: float, max_files: int, **kwargs
    ):
        self.extensions = {e for kind in kinds for e in FILE_TYPES.get(kind, {})}
        self.max_bytes = int(max_size_mb * 1024 * 1024)
        self.max_files = max_files
        kwargs.setdefault(
            "widget", UploadsWidget(accept=",".join(sorted(self.extensions)))
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return UploadsValue()
        if isinstance(value, UploadsValue):
            return value
        raw = value.get("references") if isinstance(value, dict) else value
        try:
            references = json_loads_checked(raw) if isinstance(raw, str) and raw else []
        except ValidationError:
            raise ValidationError(
                _("The list of attached files cannot be read.")
            ) from None
        if not isinstance(references, list):
            raise ValidationError(_("The list of attached files cannot be read."))
        removed = set(value.get("removed") or []) if isinstance(value, dict) else set()
        references = [
            r
            for r in references
            if not (isinstance(r, dict) and r.get("id") in removed)
        ]
        files = list(value.get("files") or []) if isinstance(value, dict) else []
        checked = []
        for upload in files:
            extension = os.path.splitext(upload.name or "")[1].lower()
            if extension not in self.extensions:
                raise ValidationError(
                    _("“%(name)s” is not an accepted kind of file.")
                    % {"name": upload.name}
                )
            if upload.size > self.max_bytes:
                raise ValidationError(
                    _("“%(name)s” is larger than the limit.") % {"name": upload.name}
                )
            # By content, here at the question (the upload service checks again).
            try:
                checked.append(upload_content_check(file=upload, extension=extension))
            except ValidationError as error:
                reasons = " ".join(error.messages)
                raise ValidationError(f"“{upload.name}”: {reasons}") from None
        return UploadsValue(references=references, files=checked)

    def validate(self, value):
        if self.required and not (value.references or value.files):
            raise ValidationError(self.error_messages["required"], code="required")
