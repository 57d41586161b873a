"""The form an office issues or revises a circular or guidance document with.

It only asks and shows: the services (``create_circular``,
``create_guidance``, ``notice_revise``) check who may and clean the text, and
their problems are shown at these fields."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.notices.models import CircularNature, NoticeKind
from core.notices.services import TITLE_MAX

CIRCULAR, GUIDANCE = NoticeKind.CIRCULAR, NoticeKind.GUIDANCE


class NoticeIssueForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (CIRCULAR, _("Circular (通报)")),
            (GUIDANCE, _("Guidance document (指导文件)")),
        ],
        initial=CIRCULAR,
        widget=forms.RadioSelect,
    )
    nature = forms.ChoiceField(
        label=_("Nature (circulars)"),
        choices=CircularNature.choices,
        initial=CircularNature.INFORMATION,
        required=False,
    )
    industry = forms.ModelChoiceField(
        label=_("Industry (guidance)"), queryset=None, required=False
    )
    title = forms.CharField(label=_("Notice title"), max_length=TITLE_MAX)
    body = forms.CharField(
        label=_(
            "Text (paragraphs, bold, lists and links are kept; anything else is removed)"
        ),
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
    )
    publish = forms.BooleanField(label=_("Publish now"), required=False)

    def __init__(self, *args, industries, page=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["industry"].queryset = industries
        if page is not None:
            # A revision keeps its kind (and a guidance its industry).
            del self.fields["kind"], self.fields["industry"]
            if page.kind == GUIDANCE:
                del self.fields["nature"]
        elif not industries.exists():
            del self.fields["industry"]
            self.fields["kind"].choices = self.fields["kind"].choices[:1]

    def clean(self):
        data = super().clean()
        if data.get("kind") == GUIDANCE and not data.get("industry"):
            self.add_error("industry", _("Choose one of your industries."))
        return data
