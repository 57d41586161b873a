"""The normal strategy: one object at a time, through model saves and services.

Used by the demo (``core.demo``) and the tests (``tests/factories.py``);
``core.world.bulk`` writes the same shapes with ``bulk_create``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from treebeard.mp_tree import MP_Node

from core.organizations.models import (
    Department,
    Enterprise,
    EnterpriseContact,
    Industry,
    Jurisdiction,
    Person,
    Unit,
)
from core.organizations.services import PROFILE_FIELDS, membership_assign
from core.world.shapes import DistrictSpec, EnterpriseSpec, UnitTree

Node = TypeVar("Node", bound=MP_Node)


@dataclass
class District:
    """What ``district_create`` wrote, by name and code."""

    root: Jurisdiction
    territories: list[Jurisdiction] = field(default_factory=list)
    grids: dict[str, Jurisdiction] = field(default_factory=dict)  # by code
    committee: Department | None = None
    offices: list[Department | None] = field(default_factory=list)  # by territory
    # industry code → its department
    industry_departments: dict[str, Department] = field(default_factory=dict)

    @property
    def departments(self) -> dict[str, Department]:
        """Every department by name."""
        found = [self.committee, *self.offices, *self.industry_departments.values()]
        return {d.name: d for d in found if d is not None}


def jurisdiction(
    name: str, code: str, level: str, parent: Jurisdiction | None = None
) -> Jurisdiction:
    """A root jurisdiction, or a child of ``parent``."""
    return _tree_node(Jurisdiction, parent, name=name, code=code, level=level)


def _tree_node(model: type[Node], parent: Node | None, **fields: Any) -> Node:
    """A new root of ``model``'s tree, or a new child of ``parent``.

    Treebeard computes the path of either, so jurisdictions and units are both
    added here rather than created directly.
    """
    if parent is None:
        return model.add_root(**fields)
    return parent.add_child(**fields)


def industry_department(name: str, industries: Sequence[Industry]) -> Department:
    department = Department.objects.create(name=name, kind=Department.Kind.INDUSTRY)
    department.industries.set(industries)
    return department


def district_create(spec: DistrictSpec, industries: Mapping[str, Industry]) -> District:
    """The jurisdiction tree and the departments of ``spec``.

    The committee first, then each territory with its office and grids, then
    the industry departments (one per code of ``spec.industry_departments``,
    each supervising that industry of ``industries``).
    """
    district = District(
        root=jurisdiction(spec.name, spec.code, Jurisdiction.Level.DISTRICT)
    )
    district.committee = Department.objects.create(
        name=spec.committee, kind=Department.Kind.COMMITTEE
    )
    for territory in spec.territories:
        node = jurisdiction(
            territory.name, territory.code, territory.level, district.root
        )
        district.territories.append(node)
        district.offices.append(
            Department.objects.create(
                name=territory.office,
                kind=Department.Kind.TERRITORIAL,
                jurisdiction=node,
            )
            if territory.office
            else None
        )
        for grid in territory.grids:
            district.grids[grid.code] = jurisdiction(
                grid.name, grid.code, Jurisdiction.Level.GRID, node
            )
    for code, name in spec.industry_departments.items():
        district.industry_departments[code] = industry_department(
            name, [industries[code]]
        )
    return district


def enterprise_instance(spec: EnterpriseSpec, jurisdiction: Jurisdiction) -> Enterprise:
    """The unsaved enterprise of ``spec`` (both strategies start here).

    The spec holds the profile an enterprise may edit itself
    (``PROFILE_FIELDS``) plus the registration data: the credit code and the
    jurisdiction.
    """
    return Enterprise(
        uscc=spec.uscc,
        jurisdiction=jurisdiction,
        **{name: getattr(spec, name) for name in PROFILE_FIELDS},
    )


def contact_instances(
    enterprise: Enterprise, spec: EnterpriseSpec
) -> Iterator[EnterpriseContact]:
    for name, title, phone in spec.contacts:
        yield EnterpriseContact(
            enterprise=enterprise, name=name, title=title, phone=phone
        )


def enterprise_create(
    spec: EnterpriseSpec, jurisdiction: Jurisdiction, industries: Sequence[Industry]
) -> Enterprise:
    """Validate and save the enterprise of ``spec`` with its industries and contacts."""
    enterprise = enterprise_instance(spec, jurisdiction)
    enterprise.full_clean()
    enterprise.save()
    enterprise.industries.set(industries)
    EnterpriseContact.objects.bulk_create(contact_instances(enterprise, spec))
    return enterprise


def unit(
    enterprise: Enterprise, name: str, kind: str, parent: Unit | None = None
) -> Unit:
    """A root unit of ``enterprise``, or a child of ``parent``."""
    return _tree_node(Unit, parent, enterprise=enterprise, name=name, kind=kind)


def unit_tree_create(
    enterprise: Enterprise,
    company: str,
    tree: UnitTree,
    people: Iterator[tuple[str, str]] | None = None,
) -> list[tuple[Unit, Person | None]]:
    """Company → workshops → teams → posts of ``tree``; each post gets a
    holder named by the next ``(name, phone)`` of ``people`` (none without).

    Returns the posts with their holders, in tree order.
    """
    root = unit(enterprise, company, Unit.Kind.COMPANY)
    posts: list[tuple[Unit, Person | None]] = []
    for workshop_name, teams in tree:
        workshop = unit(enterprise, workshop_name, Unit.Kind.WORKSHOP, root)
        for team_name, post_names in teams:
            team = unit(enterprise, team_name, Unit.Kind.TEAM, workshop)
            for post_name in post_names:
                post = unit(enterprise, post_name, Unit.Kind.POST, team)
                holder = None
                if people is not None:
                    name, phone = next(people)
                    holder = Person.objects.create(
                        enterprise=enterprise, name=name, phone=phone
                    )
                    holder.posts.add(post)
                posts.append((post, holder))
    return posts


def account(
    username: str,
    role: str | None = None,
    *,
    password: str | None = None,
    first_name: str = "",
    superuser: bool = False,
    department: Department | None = None,
    enterprise: Enterprise | None = None,
) -> Any:
    """The user ``username`` (created when missing, with ``password`` or an
    unusable one; an existing user keeps its password), with ``role`` in
    ``department`` or ``enterprise`` through ``membership_assign``."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": first_name}
    )
    if created:
        if password is None:
            user.set_unusable_password()
        else:
            user.set_password(password)
    if superuser:
        user.is_staff = user.is_superuser = True
    user.save()
    if role is not None:
        membership_assign(
            user=user, role=role, department=department, enterprise=enterprise
        )
    return user
