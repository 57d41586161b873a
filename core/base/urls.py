"""URL patterns of shapes the apps repeat: a list below one route and one
name prefix, and the pages that add, edit and delete a portal record.

The admin URLs the apps add through Wagtail's ``register_admin_urls`` hook
share Wagtail's admin URLs' one namespace, so each name carries its app
(``notices_admin_review``); ``paths_under`` writes that prefix, and the
route's, once for the whole list. ``record_pages`` gives a portal record's
form pages their one convention of routes and names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.urls import URLPattern, path


def paths_under(
    route: str, name: str, patterns: Iterable[tuple[str, Callable[..., Any], str]]
) -> list[URLPattern]:
    """A ``path`` for each ``(route, view, name)`` of ``patterns``, its route
    below ``route`` and its name after ``name``: ``paths_under("notices/",
    "notices_admin_", [("issue/", issue, "issue")])`` is
    ``[path("notices/issue/", issue, name="notices_admin_issue")]``."""
    return [
        path(route + own_route, view, name=name + own_name)
        for own_route, view, own_name in patterns
    ]


def record_pages(
    route: str,
    name: str,
    *,
    add: Callable[..., Any],
    edit: Callable[..., Any],
    delete: Callable[..., Any] | None = None,
) -> list[URLPattern]:
    """The pages of a record below ``route``: ``add/`` (named ``<name>_add``),
    ``<int:pk>/edit/`` (``<name>_edit``) and, given a ``delete`` view,
    ``<int:pk>/delete/`` (``<name>_delete``). ``add`` and ``edit`` may be
    one view, whose ``pk`` is then ``None`` for a new record."""
    pages = [
        path(f"{route}add/", add, name=f"{name}_add"),
        path(f"{route}<int:pk>/edit/", edit, name=f"{name}_edit"),
    ]
    if delete is not None:
        pages.append(path(f"{route}<int:pk>/delete/", delete, name=f"{name}_delete"))
    return pages
