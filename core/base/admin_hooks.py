"""What the apps' ``wagtail_hooks`` register alike: the models nobody edits in
the admin, and an app's own admin pages below one route and namespace.

A model's permission policy is registered when the hooks module is imported,
before any view asks Wagtail for it: Wagtail would otherwise create its
default policy, model permissions only, which lets a superuser edit the rows.
"""

from __future__ import annotations

from django.db.models import Model
from django.urls import URLPattern, include, path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.base.admin_views import ReadOnlyPermissionPolicy


def read_only_in_admin(*models: type[Model]) -> None:
    """Registers ``ReadOnlyPermissionPolicy`` for each of ``models``: users
    with the view permission look, nobody adds, changes or deletes them in
    the admin (they are written elsewhere)."""
    for model in models:
        register_permission_policy(model, ReadOnlyPermissionPolicy(model))


def register_admin_pages(
    route: str, namespace: str, patterns: list[URLPattern]
) -> None:
    """Adds ``patterns`` to the admin's URLs below ``route``, their names in
    ``namespace`` (``campaigns:list``)."""
    hooks.register(
        "register_admin_urls",
        lambda: [path(route, include((patterns, namespace)))],
    )
