"""Who may see and change the emergency records, decided from the ``Scope``.

The enterprise's own safety manager writes its plans, rescue capability and
post content (``Scope.can_manage_safety_records``); government users never
write them. The one government write is the review of a filing, by the
department the plan was filed with, for an enterprise in its scope.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from core.organizations.models import Department, Enterprise
from core.organizations.scope import Scope


def can_write(scope: Scope, enterprise: Enterprise | int) -> bool:
    return scope.can_manage_safety_records(enterprise)


def filing_departments(enterprise: Enterprise) -> QuerySet[Department]:
    """The departments a plan of ``enterprise`` may be filed with: the
    industry departments of its industries, and the committee office."""
    return Department.objects.filter(
        Q(
            kind=Department.Kind.INDUSTRY,
            pk__in=Department.industries.through.objects.filter(
                industry_id__in=enterprise.industries.values("pk")
            ).values("department_id"),
        )
        | Q(kind=Department.Kind.COMMITTEE)
    )


def can_review_filing(scope: Scope, filing) -> bool:
    """Accept or return a filing: the department it was filed with, and only
    while the enterprise is in that department's scope."""
    if scope.is_superuser:
        return True
    if not scope.is_government or scope.department is None:
        return False
    if scope.department.pk != filing.department_id:
        return False
    return scope.can_view_enterprise(filing.enterprise_id)
