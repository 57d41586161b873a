"""A search-as-you-type chooser for a filter that would otherwise be a
``<select>`` of every row in scope (10,000 enterprises at a province's
scale, every user who ever wrote to the audit log).

The widget is a text field: as the user types, it asks its endpoint
(``source_url_name``) for the first matches and submits the chosen row's id.
An endpoint answers ``{"results": [{"id", "name"}]}`` for ``?q=`` (part of
a name) and ``?id=`` (one row, to show a chosen filter's name), and only
ever rows its caller may see (``core.organizations.autocomplete``,
``core.audit.actors``).
"""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy


class TypingChooserWidget(forms.TextInput):
    """The chooser's text field, its matches and the hidden chosen id."""

    template_name = "base/widgets/typing_chooser.html"
    #: The URL name of the endpoint that answers the matches.
    source_url_name = ""
    #: What the empty field invites the user to type.
    placeholder: object = ""
    #: What stands in place of the chooser without JavaScript.
    fallback_label: object = ""
    #: A class of the chooser's element naming what it chooses.
    css_class = ""

    class Media:
        js = ["base/js/typing-chooser.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            source=str(reverse_lazy(self.source_url_name)),
            placeholder=self.placeholder,
            fallback_label=self.fallback_label,
            css_class=self.css_class,
        )
        return context
