"""Who may do what with a public notice: the one place the services ask.

| who                          | risk notice of enterprise E           | circular / guidance          |
|------------------------------|---------------------------------------|------------------------------|
| E's safety manager           | generate, edit, submit, withdraw      | —                            |
| industry department of E's   | approve or reject (never edit), withdraw | its own (guidance: its industries) |
| industries                   |                                       |                              |
| committee office             | —                                     | circulars as the office      |
| anyone else                  | read what is published                | read what is published       |
"""

from __future__ import annotations

from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast

from core.organizations.models import Department, Enterprise, Role
from core.organizations.scope import scope_for


def may_edit_notice(user, enterprise: Enterprise | int) -> bool:
    """The enterprise's own safety manager (not staff, not government)."""
    scope = scope_for(user)
    enterprise_id = enterprise if isinstance(enterprise, int) else enterprise.pk
    return (
        scope.role == Role.ENTERPRISE_MANAGER and scope.enterprise_id == enterprise_id
    )


def may_review(user, page) -> bool:
    """An industry department supervising one of the page's enterprise's industries."""
    scope = scope_for(user)
    if scope.role != Role.INDUSTRY_DEPARTMENT or not scope.industry_ids:
        return False
    enterprise_id = getattr(getattr(page, "specific", page), "enterprise_id", None)
    if enterprise_id is None:
        return False
    return Enterprise.objects.filter(
        pk=enterprise_id, industries__in=scope.industry_ids
    ).exists()


def reviewable_page_ids(user) -> QuerySet:
    """Ids (as text, like a workflow state's object id) of the risk notices
    ``user`` may review: a subquery, not a list."""
    from core.notices.models import EnterpriseRiskNoticePage

    scope = scope_for(user)
    if scope.role != Role.INDUSTRY_DEPARTMENT or not scope.industry_ids:
        return EnterpriseRiskNoticePage.objects.none().values("pk")
    return (
        EnterpriseRiskNoticePage.objects.filter(
            enterprise__industries__in=scope.industry_ids
        )
        .annotate(text_id=Cast("pk", CharField()))
        .values("text_id")
    )


def may_issue(user, issuer: Department) -> bool:
    """A government user of ``issuer`` (or the committee office for any)."""
    scope = scope_for(user)
    if scope.is_superuser:
        return True
    if scope.role == Role.COMMITTEE:
        return issuer.kind == Department.Kind.COMMITTEE
    if scope.role not in (Role.INDUSTRY_DEPARTMENT, Role.TERRITORIAL_OFFICE):
        return False
    return scope.department is not None and scope.department.pk == issuer.pk
