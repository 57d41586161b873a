"""The demo district: an invented development zone with four streets and a town.

``demo_plan()`` (``core.demo.plan``) decides everything from a seeded random
generator without touching the database. ``demo_load()`` writes the plan once
(one transaction) with the world builder's normal strategy
(``core.world.factories``) and creates the demo accounts, risk points
(``core.demo.risk_points``) and a checklist assignment; run again, it finds
them and creates nothing. ``demo_accounts()`` describes the accounts with
what each one sees, computed through the scope function, so the printed
table cannot drift from the rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation

from core.demo.inspections import ensure_demo_inspections
from core.demo.plan import (
    DEMO_CHECKLIST,
    DEMO_PASSWORD,
    DISTRICT_CODE,
    DISTRICT_NAME,
    INDUSTRIES,
    SEED,
    TERRITORIES,
    UNIT_TREES,
    WITH_UNITS,
    DemoError,
    demo_account_specs,
    demo_district,
    demo_plan,
)
from core.demo.risk_points import ensure_demo_risk_points
from core.forms.models import FormAssignment, FormDefinition, Kind, Recurrence
from core.forms.services import (
    assignment_create,
    definition_publish,
    form_definitions_sync,
)
from core.organizations.models import Enterprise, Industry, Jurisdiction, Person, Role
from core.organizations.scope import scope_for
from core.organizations.services import industries_sync
from core.world.factories import (
    account,
    district_create,
    enterprise_create,
    unit_tree_create,
)
from plugins.manager import SafegridPluginManager

__all__ = [
    "DEMO_PASSWORD",
    "DISTRICT_CODE",
    "DISTRICT_NAME",
    "SEED",
    "TERRITORIES",
    "DemoAccount",
    "DemoError",
    "DemoLoadResult",
    "demo_accounts",
    "demo_load",
    "demo_plan",
    "demo_present",
]


@dataclass(frozen=True)
class DemoLoadResult:
    created: bool
    enterprises: int


def demo_present() -> bool:
    return Jurisdiction.objects.filter(code=DISTRICT_CODE).exists()


@transaction.atomic
def demo_load(*, manager: SafegridPluginManager, seed: int = SEED) -> DemoLoadResult:
    """Sync the packs, then create the demo district once; later runs create nothing.

    Needs the four demo industries (chemicals, construction, road_transport,
    gas) to be known, i.e. their packs installed and enabled at least once.
    Users that already exist under a demo username are reused as they are
    (their password is left alone). Besides the district, the enterprises of
    enterprise-1 and enterprise-2 get assessed risk points from the packs'
    risk library and the chemicals department assigns a pack checklist; each
    is added only when missing, through the risks' and forms' services.
    """
    industries_sync(manager=manager)
    # The pack originals (checklists) the demo assigns; unchanged ones are left.
    form_definitions_sync(manager=manager)
    created = not demo_present()
    if created:
        _create_district(seed)
    # Added separately so a district loaded before these existed gets them too.
    with translation.override("zh-hans"):
        ensure_demo_risk_points()
        _ensure_demo_checklist()
        ensure_demo_inspections()
        from core.demo.hazards import (
            ensure_demo_government_inspections,
            ensure_demo_hazards,
        )

        ensure_demo_hazards()
        ensure_demo_government_inspections()
        from core.monitoring.demo import ensure_demo_monitoring

        ensure_demo_monitoring()
        from core.demo.territory_map import ensure_demo_territory_map

        ensure_demo_territory_map()
        from core.demo.emergency import ensure_demo_emergency

        ensure_demo_emergency()
        from core.demo.notices import ensure_demo_notices

        ensure_demo_notices()
        from core.campaigns.demo import ensure_demo_campaigns

        ensure_demo_campaigns()
    return DemoLoadResult(created=created, enterprises=Enterprise.objects.count())


def _create_district(seed: int) -> None:
    industries = {i.code: i for i in Industry.objects.filter(code__in=INDUSTRIES)}
    missing = sorted(set(INDUSTRIES) - set(industries))
    if missing:
        raise DemoError(
            "The demo needs the industry packs "
            f"{', '.join(missing)}: install them and enable them in SAFEGRID_PACKS."
        )
    plan = demo_plan(seed)
    district = district_create(demo_district(plan), industries)
    enterprises = [
        enterprise_create(item, district.grids[item.grid], [industries[item.industry]])
        for item in plan.enterprises
    ]
    # Company → workshops → teams → posts with one holder per post; the
    # holder of the first post is staff-1's person in enterprise 1.
    people = iter(plan.people)
    first_holders = {
        index: unit_tree_create(
            enterprises[index],
            plan.enterprises[index].name.removesuffix("有限公司"),
            UNIT_TREES[plan.enterprises[index].industry],
            people,
        )[0][1]
        for index in WITH_UNITS
    }

    departments = district.departments
    for spec in demo_account_specs(plan):
        if spec.role == "superuser":
            account(
                spec.username,
                password=DEMO_PASSWORD,
                first_name=spec.display_name,
                superuser=True,
            )
            continue
        enterprise = None if spec.enterprise is None else enterprises[spec.enterprise]
        user = account(
            spec.username,
            spec.role,
            password=DEMO_PASSWORD,
            first_name=spec.display_name,
            department=departments.get(spec.department or ""),
            enterprise=enterprise,
        )
        if spec.role == Role.ENTERPRISE_STAFF:
            # The staff account is the person holding the enterprise's first post.
            person = first_holders[spec.enterprise]
            person.user = user
            person.save(update_fields=["user"])
        elif spec.role == Role.ENTERPRISE_MANAGER:
            Person.objects.create(
                enterprise=enterprise,
                name=spec.display_name,
                phone=plan.enterprises[spec.enterprise].contacts[0][2],
                user=user,
            )


def _ensure_demo_checklist() -> None:
    """Have the chemicals department assign a pack checklist to its industry.

    Monthly, to every chemicals enterprise (enterprise-1's included); skipped
    when the department already assigns one of the pack's checklists.
    """
    officer = (
        get_user_model()
        .objects.filter(
            username="dept-chemicals", membership__role=Role.INDUSTRY_DEPARTMENT
        )
        .first()
    )
    industry = Industry.objects.filter(code="chemicals").first()
    if officer is None or industry is None:
        return
    scope = scope_for(officer)
    checklists = FormDefinition.objects.filter(
        department__isnull=True,
        is_active=True,
        industry=industry,
        kind=Kind.CHECKLIST,
    ).exclude(pack="")
    if FormAssignment.objects.filter(
        definition__in=checklists,
        department=scope.department,
        industry=industry,
        is_active=True,
    ).exists():
        return
    definition = (
        checklists.filter(key=DEMO_CHECKLIST).first()
        or checklists.order_by("key").first()
    )
    if definition is None:
        return  # the pack offers no checklist
    # Originals are published by the sync; this returns that version.
    definition_publish(definition=definition)
    assignment_create(
        scope=scope,
        definition=definition,
        industry=industry,
        recurrence=Recurrence.MONTHLY,
        user=officer,
    )


@dataclass(frozen=True)
class DemoAccount:
    """One row of the printed accounts table."""

    username: str
    role: str
    organisation: str
    sees: str
    signs_in_at: str


def demo_accounts() -> list[DemoAccount]:
    """The demo accounts that exist, with what each sees (through the scope)."""
    plan = demo_plan()
    user_model = get_user_model()
    users = {
        u.username: u
        for u in user_model.objects.filter(
            username__in=[s.username for s in demo_account_specs(plan)]
        ).select_related("membership__department", "membership__enterprise")
    }
    rows = []
    for spec in demo_account_specs(plan):
        user = users.get(spec.username)
        if user is None:
            continue
        scope = scope_for(user)
        count = scope.enterprises().count()
        membership = getattr(user, "membership", None)
        if scope.is_superuser:
            role, organisation = "superuser", "-"
            sees = f"everything; all {count} enterprises"
        else:
            role = membership.get_role_display() if membership else "-"
            organisation = str(
                (membership.department or membership.enterprise) if membership else "-"
            )
            if scope.role == Role.COMMITTEE:
                sees = f"all {count} enterprises; registers enterprises"
            elif scope.role == Role.INDUSTRY_DEPARTMENT:
                names = "、".join(
                    Industry.objects.filter(pk__in=scope.industry_ids).values_list(
                        "name_zh", flat=True
                    )
                )
                sees = f"{count} enterprises of {names}"
            elif scope.role == Role.TERRITORIAL_OFFICE:
                sees = f"{count} enterprises in {scope.department.jurisdiction}"
            elif scope.role == Role.ENTERPRISE_MANAGER:
                sees = "its own enterprise only"
            elif scope.role == Role.ENTERPRISE_STAFF:
                posts = "、".join(scope.posts().values_list("name", flat=True))
                sees = f"its own posts ({posts}) and tasks"
            else:
                sees = "nothing"
        rows.append(
            DemoAccount(
                username=spec.username,
                role=str(role),
                organisation=organisation,
                sees=sees,
                signs_in_at="/portal/" if scope.is_enterprise else "/admin/",
            )
        )
    return rows
