"""Form fields that many forms declare alike."""

from __future__ import annotations

from typing import Any

from django import forms


def text_area(
    label: Any, rows: int = 3, *, required: bool = False, **kwargs: Any
) -> forms.CharField:
    """A free text of several lines (a description, remarks, a note): most
    such texts may be left empty, so it is optional unless ``required``."""
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )
