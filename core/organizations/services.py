"""Writes to organizations: each service is one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from core.organizations.models import (
    ENTERPRISE_ROLES,
    GOVERNMENT_ROLES,
    Department,
    Enterprise,
    Industry,
    Membership,
)
from plugins.contributions import IndustryContribution
from plugins.manager import SafegridPluginManager


@dataclass(frozen=True)
class SyncResult:
    active: int
    inactive: int


@transaction.atomic
def industries_sync(*, manager: SafegridPluginManager) -> SyncResult:
    """Make the Industry table match what the enabled packs contribute.

    Industries of disabled or removed packs are kept (enterprises refer to
    them) but marked inactive.
    """
    seen: set[str] = set()
    for plugin_name, item in manager.collect("safegrid_industries"):
        if not isinstance(item, IndustryContribution) or item.problems():
            continue  # the system checks report these
        Industry.objects.update_or_create(
            code=item.code,
            defaults={
                "name_zh": item.name.zh_hans,
                "name_en": item.name.en,
                "pack": plugin_name,
                "is_active": True,
            },
        )
        seen.add(item.code)
    Industry.objects.exclude(code__in=seen).update(is_active=False)
    return SyncResult(
        active=Industry.objects.filter(is_active=True).count(),
        inactive=Industry.objects.filter(is_active=False).count(),
    )


@transaction.atomic
def membership_assign(
    *,
    user,
    role: str,
    department: Department | None = None,
    enterprise: Enterprise | None = None,
) -> Membership:
    """Give ``user`` its one role, in a department or an enterprise.

    Permissions follow from the role (``core.organizations.permissions``) and
    what the user sees from ``core.organizations.scope``.
    """
    if role in GOVERNMENT_ROLES and department is None:
        raise ValueError("a government role needs a department")
    if role in ENTERPRISE_ROLES and enterprise is None:
        raise ValueError("an enterprise role needs an enterprise")
    membership, _created = Membership.objects.update_or_create(
        user=user,
        defaults={"role": role, "department": department, "enterprise": enterprise},
    )
    return membership
