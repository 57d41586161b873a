"""Keeps what risk points carry of their enterprise current."""

from __future__ import annotations

from typing import Any

from core.organizations.models import Enterprise


def enterprise_renamed(sender: type, instance: Enterprise, **kwargs: Any) -> None:
    """After an enterprise is saved (portal profile, admin, import), its risk
    points carry its current name: one indexed UPDATE of the rows that differ."""
    from core.risks.models import RiskPoint

    if kwargs.get("raw"):
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "name" not in update_fields:
        return
    RiskPoint.objects.filter(enterprise_id=instance.pk).exclude(
        enterprise_name=instance.name
    ).update(enterprise_name=instance.name)
