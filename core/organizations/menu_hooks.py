"""Registering an admin menu entry shown by the user's scope, the one way
every app's ``wagtail_hooks`` adds its pages to the menu."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from wagtail import hooks

from core.organizations.menu import ScopeMenuItem


def register_scope_menu_item(label: Any, url_name: str, **options: Any) -> None:
    """Adds to the admin menu a ``ScopeMenuItem`` labelled ``label`` for the
    page named ``url_name``; ``options`` go to the item (``icon_name``,
    ``order``, ``name``, ``shown``). The URL is reversed when Wagtail builds
    the menu, once every app's admin URLs are registered."""

    def menu_item() -> ScopeMenuItem:
        return ScopeMenuItem(label, reverse(url_name), **options)

    hooks.register("register_admin_menu_item", menu_item)
