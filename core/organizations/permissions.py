"""Model permissions by role, granted by an authentication backend.

A user's permissions follow from their ``Membership.role`` alone, so they can
never drift from the role (no groups to keep in sync). These are the coarse
"may open this screen" permissions Wagtail checks; *which rows* a user sees is
always decided by ``core.organizations.scope``. Other apps extend
``ROLE_PERMISSIONS`` from their ``AppConfig.ready()`` with ``grant()``.
"""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth.backends import BaseBackend

from core.organizations.models import Membership, Role

ROLE_PERMISSIONS: dict[str, set[str]] = defaultdict(set)


def grant(role: str, *perms: str) -> None:
    """Give every user of ``role`` the permissions ``perms`` (``app_label.codename``)."""
    ROLE_PERMISSIONS[role].update(perms)


def _crud(app_label: str, model: str) -> list[str]:
    return [
        f"{app_label}.{action}_{model}"
        for action in ("add", "change", "delete", "view")
    ]


GOVERNMENT_VIEW = [
    "wagtailadmin.access_admin",
    "organizations.view_enterprise",
    "organizations.view_jurisdiction",
    "organizations.view_department",
    "organizations.view_industry",
]

grant(Role.COMMITTEE, *GOVERNMENT_VIEW)
for _model in ("enterprise", "jurisdiction", "department", "membership"):
    grant(Role.COMMITTEE, *_crud("organizations", _model))
grant(Role.COMMITTEE, "auditlog.view_logentry")
grant(Role.INDUSTRY_DEPARTMENT, *GOVERNMENT_VIEW)
grant(Role.TERRITORIAL_OFFICE, *GOVERNMENT_VIEW)


class RolePermissionBackend(BaseBackend):
    """Grants the permissions of the user's role; authenticates nobody."""

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        cached = getattr(user_obj, "_safegrid_role_perms", None)
        if cached is None:
            role = (
                Membership.objects.filter(user=user_obj)
                .values_list("role", flat=True)
                .first()
            )
            cached = frozenset(ROLE_PERMISSIONS.get(role, ())) if role else frozenset()
            user_obj._safegrid_role_perms = cached
        return set(cached)

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        return perm in self.get_all_permissions(user_obj, obj)

    def has_module_perms(self, user_obj, app_label) -> bool:
        return any(
            perm.startswith(f"{app_label}.")
            for perm in self.get_all_permissions(user_obj)
        )
