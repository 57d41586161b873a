"""Writes to organizations: each service is one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext_lazy as _

from core.organizations.models import (
    ENTERPRISE_ROLES,
    GOVERNMENT_ROLES,
    Department,
    Enterprise,
    EnterpriseContact,
    Industry,
    Jurisdiction,
    Membership,
    Person,
    Role,
    Unit,
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


# -- the enterprise's own data (edited in the portal) ---------------------------

# What an enterprise may change about itself. The credit code, jurisdiction and
# industries are registration data: only the committee office changes them.
PROFILE_FIELDS = (
    "name",
    "address",
    "latitude",
    "longitude",
    "is_above_scale",
    "is_key_industry",
    "has_occupational_hazard",
    "legal_representative",
)


@dataclass(frozen=True)
class ContactData:
    """One contact as it should be after an edit; ``pk`` None for a new one."""

    name: str
    phone: str
    title: str = ""
    email: str = ""
    pk: int | None = None


@transaction.atomic
def enterprise_update_profile(
    *,
    enterprise: Enterprise,
    profile: dict[str, Any],
    contacts: Sequence[ContactData],
) -> Enterprise:
    """Change an enterprise's profile and its contacts, all or nothing.

    ``profile`` may hold only ``PROFILE_FIELDS``. ``contacts`` is the complete
    list after the edit: an entry with a ``pk`` updates that contact (which must
    belong to this enterprise), one without creates a contact, and contacts not
    listed are deleted. Raises ``ValidationError`` (and saves nothing) when a
    value is invalid.
    """
    not_editable = set(profile) - set(PROFILE_FIELDS)
    if not_editable:
        raise ValueError(f"not profile fields: {sorted(not_editable)}")
    for field_name, value in profile.items():
        setattr(enterprise, field_name, value)
    enterprise.full_clean()
    # Naming the fields keeps modelcluster from re-saving child relations.
    enterprise.save(update_fields=[*profile, "updated_at"])

    existing = {
        c.pk: c for c in EnterpriseContact.objects.filter(enterprise=enterprise)
    }
    kept: set[int] = set()
    for data in contacts:
        if data.pk is None:
            contact = EnterpriseContact(enterprise=enterprise)
        elif data.pk in existing:
            contact = existing[data.pk]
        else:
            raise ValidationError(_("A contact does not belong to this enterprise."))
        contact.name = data.name
        contact.phone = data.phone
        contact.title = data.title
        contact.email = data.email
        try:
            contact.full_clean(exclude=["enterprise"])
        except ValidationError as error:
            # Reported as a whole: the contact's fields are not the profile's.
            raise ValidationError({"contacts": error.messages}) from error
        contact.save()
        kept.add(contact.pk)
    EnterpriseContact.objects.filter(enterprise=enterprise).exclude(
        pk__in=kept
    ).delete()
    return enterprise


def _clean_unit_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Enter a name.")})
    max_length = Unit._meta.get_field("name").max_length
    if len(name) > max_length:
        raise ValidationError(
            {"name": _("At most %(max)d characters.") % {"max": max_length}}
        )
    return name


@transaction.atomic
def unit_add_child(*, enterprise: Enterprise, parent: Unit | None, name: str) -> Unit:
    """Add a unit under ``parent``; its kind follows from the parent's kind.

    ``parent`` None means under the company unit, which is created (named after
    the enterprise) when the enterprise has none yet. Posts have no children.
    """
    name = _clean_unit_name(name)
    # Serialise tree changes of one enterprise: the tree paths must not collide.
    Enterprise.objects.select_for_update().filter(pk=enterprise.pk).first()
    if parent is None:
        parent = Unit.objects.filter(
            enterprise=enterprise, kind=Unit.Kind.COMPANY, depth=1
        ).first() or Unit.add_root(
            enterprise=enterprise, name=enterprise.name, kind=Unit.Kind.COMPANY
        )
    if parent.enterprise_id != enterprise.pk:
        raise ValueError("the parent unit belongs to another enterprise")
    kind = Unit.CHILD_KIND.get(parent.kind)
    if kind is None:
        raise ValidationError(_("A post cannot have units under it."))
    # Re-read the parent: treebeard computes the new path from its child count.
    parent = Unit.objects.get(pk=parent.pk)
    return parent.add_child(enterprise=enterprise, name=name, kind=kind)


@transaction.atomic
def unit_rename(*, unit: Unit, name: str) -> Unit:
    """Rename a unit and keep it in name order among its siblings."""
    unit.name = _clean_unit_name(name)
    unit.save(update_fields=["name"])
    parent = unit.get_parent()
    if parent is not None:
        unit.move(parent, pos="sorted-child")
        unit.refresh_from_db()
    return unit


def unit_delete_problem(*, unit: Unit) -> str | None:
    """Why ``unit`` cannot be deleted now, or None when it can."""
    if unit.get_children_count():
        return str(
            _("“%(name)s” still has units under it; delete or move them first.")
            % {"name": unit.name}
        )
    if unit.holders.exists():
        return str(
            _("“%(name)s” still has people holding it; remove them from it first.")
            % {"name": unit.name}
        )
    return None


@transaction.atomic
def unit_delete(*, unit: Unit) -> None:
    """Delete a unit that has neither units under it nor people holding it."""
    problem = unit_delete_problem(unit=unit)
    if problem:
        raise ValidationError(problem)
    try:
        unit.delete()
    except ProtectedError as exc:
        # Records of later modules (risk points, tasks) may point at the unit.
        raise ValidationError(
            _("“%(name)s” is still used by other records and cannot be deleted.")
            % {"name": unit.name}
        ) from exc


def _check_posts(enterprise: Enterprise, posts: Iterable[Unit]) -> list[Unit]:
    posts = list(posts)
    for post in posts:
        if post.enterprise_id != enterprise.pk or post.kind != Unit.Kind.POST:
            raise ValidationError({"posts": _("Choose only posts of this enterprise.")})
    return posts


@transaction.atomic
def person_create(
    *,
    enterprise: Enterprise,
    name: str,
    phone: str = "",
    posts: Iterable[Unit] = (),
    fills_for_principal: bool = False,
) -> Person:
    """Add a person to an enterprise, holding some of its posts."""
    posts = _check_posts(enterprise, posts)
    person = Person(
        enterprise=enterprise,
        name=name,
        phone=phone,
        fills_for_principal=fills_for_principal,
    )
    person.full_clean()
    person.save()
    person.posts.set(posts)
    return person


@transaction.atomic
def person_update(
    *,
    person: Person,
    name: str,
    phone: str = "",
    posts: Iterable[Unit] = (),
    fills_for_principal: bool = False,
) -> Person:
    """Change a person's name, phone, posts (posts of their enterprise only)
    and whether they fill in for the principal."""
    posts = _check_posts(person.enterprise, posts)
    person.name = name
    person.phone = phone
    person.fills_for_principal = fills_for_principal
    person.full_clean()
    person.save(update_fields=["name", "phone", "fills_for_principal"])
    person.posts.set(posts)
    return person


@transaction.atomic
def person_delete(*, person: Person) -> None:
    """Remove a person; a user account linked to them is kept."""
    person.delete()


# -- organisational set-up (edited by the committee office in the admin) -------

# The levels a jurisdiction may have, by the level of its parent (None: a root).
JURISDICTION_CHILD_LEVELS: dict[str | None, frozenset[str]] = {
    None: frozenset({Jurisdiction.Level.DISTRICT}),
    Jurisdiction.Level.DISTRICT: frozenset(
        {Jurisdiction.Level.STREET, Jurisdiction.Level.TOWN}
    ),
    Jurisdiction.Level.STREET: frozenset({Jurisdiction.Level.GRID}),
    Jurisdiction.Level.TOWN: frozenset({Jurisdiction.Level.GRID}),
    Jurisdiction.Level.GRID: frozenset(),
}


def jurisdiction_check_level(
    *,
    level: str,
    parent: Jurisdiction | None,
    children: Iterable[Jurisdiction] = (),
) -> None:
    """Refuse a level that does not fit the tree (district → street/town → grid).

    Raises ``ValidationError`` on the ``level`` field, saying what would fit.
    """
    parent_level = parent.level if parent is not None else None
    allowed = JURISDICTION_CHILD_LEVELS.get(parent_level, frozenset())
    if level not in allowed:
        labels = ", ".join(
            str(label)
            for value, label in Jurisdiction.Level.choices
            if value in allowed
        )
        if parent is None:
            message = _("A jurisdiction without a parent must be a %(levels)s.")
        elif not allowed:
            message = _("“%(parent)s” is a grid: nothing can be placed under it.")
        else:
            message = _("Under “%(parent)s” the level must be: %(levels)s.")
        raise ValidationError({"level": message % {"levels": labels, "parent": parent}})
    for child in children:
        if child.level not in JURISDICTION_CHILD_LEVELS.get(level, frozenset()):
            raise ValidationError(
                {
                    "level": _(
                        "“%(child)s” (%(child_level)s) lies under this "
                        "jurisdiction and could not stay under that level."
                    )
                    % {"child": child, "child_level": child.get_level_display()}
                }
            )


@transaction.atomic
def jurisdiction_create(
    *, parent: Jurisdiction | None, name: str, code: str, level: str
) -> Jurisdiction:
    """Add a jurisdiction to the tree, under ``parent`` (None: a new district)."""
    jurisdiction_check_level(level=level, parent=parent)
    node = Jurisdiction(name=name, code=code, level=level)
    node.full_clean(exclude=["path", "depth", "numchild"])
    if parent is None:
        return Jurisdiction.add_root(instance=node)
    # Re-read the parent: treebeard computes the new path from its child count.
    return Jurisdiction.objects.get(pk=parent.pk).add_child(instance=node)


def membership_check(
    *,
    role: str,
    department: Department | None,
    enterprise: Enterprise | None,
) -> None:
    """Refuse a role whose department or enterprise does not fit it.

    A government role belongs to a department of the matching kind and to no
    enterprise; an enterprise role to an enterprise and to no department.
    Raises ``ValidationError`` keyed by the field that is wrong.
    """
    kind_for_role = {
        Role.COMMITTEE: Department.Kind.COMMITTEE,
        Role.INDUSTRY_DEPARTMENT: Department.Kind.INDUSTRY,
        Role.TERRITORIAL_OFFICE: Department.Kind.TERRITORIAL,
    }
    errors: dict[str, Any] = {}
    if role in GOVERNMENT_ROLES:
        if department is None:
            errors["department"] = _("A government role needs a department.")
        elif department.kind != kind_for_role[Role(role)]:
            errors["department"] = _(
                "“%(department)s” is a %(kind)s; this role needs a %(needed)s."
            ) % {
                "department": department,
                "kind": department.get_kind_display(),
                "needed": Department.Kind(kind_for_role[Role(role)]).label,
            }
        if enterprise is not None:
            errors["enterprise"] = _(
                "A government role belongs to no enterprise; leave this empty."
            )
    elif role in ENTERPRISE_ROLES:
        if enterprise is None:
            errors["enterprise"] = _("An enterprise role needs an enterprise.")
        if department is not None:
            errors["department"] = _(
                "An enterprise role belongs to no department; leave this empty."
            )
    if errors:
        raise ValidationError(errors)


def department_check(
    *,
    kind: str,
    industries: Iterable[Industry],
    jurisdiction: Jurisdiction | None,
) -> None:
    """Refuse a department that lacks what its kind needs to have a scope.

    An industry department supervises some industries; a territorial office
    covers a territory. Raises ``ValidationError`` keyed by the field.
    """
    errors: dict[str, Any] = {}
    if kind == Department.Kind.INDUSTRY and not list(industries):
        errors["industries"] = _(
            "Choose the industries this department supervises: without them "
            "it sees no enterprise."
        )
    if kind == Department.Kind.TERRITORIAL and jurisdiction is None:
        errors["jurisdiction"] = _(
            "Choose the territory this office covers: without it it sees no enterprise."
        )
    if errors:
        raise ValidationError(errors)
