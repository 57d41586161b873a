"""Who may see and change form definitions and assignments, from ``scope_for``.

Definitions are not enterprise data, so they are not narrowed by
``Scope.filter``; this module decides from the scope's role, department and
industries (never from ``request.user`` directly):

| role                | sees                                                  | edits                    |
|---------------------|-------------------------------------------------------|--------------------------|
| superuser, committee| every definition                                      | every department's one   |
| industry department | its department's, and pack originals of its industries | its department's         |
| territorial office  | its department's, and every pack original             | its department's         |
| anyone else         | none (enterprises see forms assigned to them)         | none                     |

Pack originals are never edited by hand (the pack sync rewrites them): they
are copied. Submissions *are* enterprise data and go through ``Scope.filter``.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from core.forms.models import FormAssignment, FormDefinition
from core.organizations.models import Industry, Jurisdiction, Role
from core.organizations.permissions import grant
from core.organizations.scope import Scope

FORM_MODELS = ("formdefinition", "formassignment", "optionlist")


def grant_role_permissions() -> None:
    """Government roles may open the forms screens; rows come from this module."""
    for role in (Role.COMMITTEE, Role.INDUSTRY_DEPARTMENT, Role.TERRITORIAL_OFFICE):
        for model in FORM_MODELS:
            grant(
                role,
                *(f"forms.{action}_{model}" for action in ("add", "change", "view")),
            )
        grant(role, "forms.delete_formassignment")
        grant(role, "forms.view_submission", "forms.change_submission")


def definitions_visible(scope: Scope) -> QuerySet[FormDefinition]:
    """The definitions a government user may see in the admin."""
    definitions = FormDefinition.objects.all()
    if scope.sees_everything:
        return definitions
    if not scope.is_government or scope.department is None:
        return definitions.none()
    own = Q(department_id=scope.department.pk)
    originals = Q(department__isnull=True) & ~Q(pack="")
    if scope.role == Role.INDUSTRY_DEPARTMENT:
        originals &= Q(industry_id__in=scope.industry_ids) | Q(industry__isnull=True)
    return definitions.filter(own | originals)


def definitions_editable(scope: Scope) -> QuerySet[FormDefinition]:
    """The definitions a user may change (never a pack original)."""
    definitions = FormDefinition.objects.filter(department__isnull=False)
    if scope.sees_everything:
        return definitions
    if not scope.is_government or scope.department is None:
        return definitions.none()
    return definitions.filter(department_id=scope.department.pk)


def can_edit_definition(scope: Scope, definition: FormDefinition) -> bool:
    if definition.is_pack_original or definition.department_id is None:
        return False
    if scope.sees_everything:
        return True
    return (
        scope.is_government
        and scope.department is not None
        and definition.department_id == scope.department.pk
    )


def can_author(scope: Scope) -> bool:
    """May create, copy and import definitions (for a department)."""
    return scope.is_superuser or (scope.is_government and scope.department is not None)


def assignable_industries(scope: Scope) -> QuerySet[Industry]:
    """Industries whose enterprises this user may give a form to."""
    industries = Industry.objects.filter(is_active=True)
    if scope.sees_everything:
        return industries
    if scope.role == Role.INDUSTRY_DEPARTMENT:
        return industries.filter(pk__in=scope.industry_ids)
    if scope.role == Role.TERRITORIAL_OFFICE:
        return industries  # only together with a jurisdiction of its territory
    return industries.none()


def assignable_jurisdictions(scope: Scope) -> QuerySet[Jurisdiction]:
    """Territories whose enterprises this user may give a form to."""
    jurisdictions = Jurisdiction.objects.all()
    if scope.sees_everything or scope.role == Role.INDUSTRY_DEPARTMENT:
        # An industry department narrows its industry to a territory.
        return jurisdictions
    if scope.role == Role.TERRITORIAL_OFFICE and scope.jurisdiction_path:
        return jurisdictions.filter(path__startswith=scope.jurisdiction_path)
    return jurisdictions.none()


def assignment_target_problems(
    scope: Scope, *, industry: Industry | None, jurisdiction: Jurisdiction | None
) -> dict[str, str]:
    """Why these targets are not allowed, by field name (empty when allowed)."""
    from django.utils.translation import gettext as _

    problems: dict[str, str] = {}
    if industry is None and jurisdiction is None:
        problems["industry"] = _("Choose an industry, a territory or both.")
        return problems
    if scope.role == Role.INDUSTRY_DEPARTMENT and industry is None:
        problems["industry"] = _("Choose one of your department's industries.")
    if scope.role == Role.TERRITORIAL_OFFICE and jurisdiction is None:
        problems["jurisdiction"] = _("Choose your territory or a part of it.")
    if (
        industry is not None
        and not assignable_industries(scope).filter(pk=industry.pk).exists()
    ):
        problems["industry"] = _("You may not assign forms to this industry.")
    if (
        jurisdiction is not None
        and not assignable_jurisdictions(scope).filter(pk=jurisdiction.pk).exists()
    ):
        problems["jurisdiction"] = _("This territory is outside your scope.")
    return problems


def assignments_visible(scope: Scope) -> QuerySet[FormAssignment]:
    """Assignments a government user may see (and end, when its department made them)."""
    assignments = FormAssignment.objects.all()
    if scope.sees_everything:
        return assignments
    if not scope.is_government or scope.department is None:
        return assignments.none()
    return assignments.filter(department_id=scope.department.pk)


def option_lists_visible(scope: Scope):
    """A department's own option lists (the committee sees every one)."""
    from core.forms.models import OptionList

    lists = OptionList.objects.select_related("department")
    if scope.sees_everything:
        return lists
    if not scope.is_government or scope.department is None:
        return lists.none()
    return lists.filter(department_id=scope.department.pk)
