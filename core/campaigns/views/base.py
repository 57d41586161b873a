"""What the campaigns' admin pages share: the government-only base view, keyset
pages and form errors from the services.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import Http404
from django.urls import reverse

from core.base.errors import Invalid
from core.base.keyset import BadCursor, keyset_page
from core.organizations.admin_views import ScopedAdminPage

PAGE_SIZE = 50
LIST_SLOTS = 8
CHECKLISTS_SHOWN = 100
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _apply(errors: Invalid, form: forms.Form, milestones=None) -> None:
    for problem in errors.errors:
        name = str(problem.location[0]) if problem.location else None
        if milestones is not None and name and name.startswith("milestones-"):
            _prefix, index, field = name.split("-", 2)
            if int(index) < len(milestones.forms):
                milestones.forms[int(index)].add_error(field, problem.reason)
                continue
        form.add_error(name if name in form.fields else None, problem.reason)


def _page(request, rows, base: str):
    try:
        page = keyset_page(rows, request.GET.get("cursor") or None, PAGE_SIZE)
    except BadCursor:
        raise Http404 from None
    joiner = "&" if "?" in base else "?"
    return (
        page.rows,
        f"{base}{joiner}cursor={page.next_cursor}" if page.next_cursor else "",
        f"{base}{joiner}cursor={page.previous_cursor}" if page.previous_cursor else "",
    )


class _GovernmentView(ScopedAdminPage):
    """A page of government users; what each page asks more of the scope (a
    ``may_*`` of the services, each true only for government users) is its
    ``permitted``."""

    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class _GovernmentListView(_GovernmentView):
    """A keyset-paged list of the user's scope: ``rows()`` gives the rows,
    shown in the template as ``rows_name`` with ``next_url`` and
    ``previous_url``; ``url_name`` names the list's own page."""

    rows_name: str
    url_name: str

    def rows(self):
        raise NotImplementedError

    def list_context(self) -> dict[str, Any]:
        """What the list's page shows besides the rows (e.g. what the user may do)."""
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, next_url, previous_url = _page(
            self.request, self.rows(), reverse(self.url_name)
        )
        context.update(
            {self.rows_name: rows, "next_url": next_url, "previous_url": previous_url}
        )
        context.update(self.list_context())
        return context
