"""Reads for the enterprise portal: its navigation and the data of its pages.

Everything goes through the user's ``Scope``; each function costs a fixed
number of queries whatever the size of the enterprise.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse

from core.organizations.models import Enterprise, Industry, Jurisdiction, Person, Unit
from core.organizations.scope import Scope
from core.organizations.selectors import unit_tree
from plugins.contributions import PortalMenuItem
from plugins.manager import get_plugin_manager

logger = logging.getLogger(__name__)

MENU_HOOK = "safegrid_portal_menu_items"
# Icons drawn in static/safegrid/img/icons.svg; any other name shows a dot.
ICONS = frozenset(
    {
        "alert",
        "arrow",
        "bell",
        "building",
        "check",
        "chevron",
        "dot",
        "edit",
        "globe",
        "home",
        "list",
        "lock",
        "logout",
        "menu",
        "phone",
        "pin",
        "plus",
        "shield",
        "sitemap",
        "trash",
        "user",
        "users",
    }
)


@dataclass(frozen=True)
class MenuEntry:
    """One entry of the portal's navigation, ready for a template."""

    key: str
    label: str
    url: str
    icon: str
    order: int
    active: bool = False


def portal_menu(*, scope: Scope, path: str = "") -> list[MenuEntry]:
    """The navigation of an enterprise user: every plugin's items for their role.

    Items come from the ``safegrid_portal_menu_items`` hook, sorted by order;
    an item listing roles is shown to those roles only. Labels (``I18nText``
    or lazy strings) are turned into text of the active language here. The
    entry whose URL is the longest prefix of ``path`` is marked active. An item
    whose URL name does not resolve is left out and logged, so one pack's
    mistake does not take the portal down.
    """
    if not scope.is_enterprise:
        return []
    entries: list[MenuEntry] = []
    for plugin_name, item in get_plugin_manager().collect(MENU_HOOK):
        if not isinstance(item, PortalMenuItem):
            logger.warning("%s returned %r from %s", plugin_name, item, MENU_HOOK)
            continue
        if item.roles and scope.role not in item.roles:
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            logger.warning("%s: menu item %r has no URL", plugin_name, item.key)
            continue
        entries.append(
            MenuEntry(
                key=item.key,
                label=str(item.label),
                url=url,
                icon=item.icon if item.icon in ICONS else "dot",
                order=item.order,
            )
        )
    entries.sort(key=lambda entry: entry.order)
    matching = [entry.url for entry in entries if path.startswith(entry.url)]
    active_url = max(matching, key=len, default=None)
    return [
        MenuEntry(**{**entry.__dict__, "active": entry.url == active_url})
        for entry in entries
    ]


def portal_enterprise(*, scope: Scope) -> Enterprise | None:
    """The enterprise an enterprise user works for (None for any other user)."""
    if not scope.is_enterprise:
        return None
    return (
        scope.enterprises()
        .select_related("jurisdiction")
        .prefetch_related(
            Prefetch("industries", queryset=Industry.objects.order_by("code"))
        )
        .first()
    )


@dataclass(frozen=True)
class EnterpriseFacts:
    """What the home page and the profile show about an enterprise."""

    enterprise: Enterprise
    industries: list[Industry]
    jurisdiction_path: list[Jurisdiction]
    unit_counts: dict[str, int]
    people_count: int


def enterprise_facts(*, scope: Scope, enterprise: Enterprise) -> EnterpriseFacts:
    """Key facts of an enterprise in scope: registration data and counts."""
    jurisdiction = enterprise.jurisdiction
    counts = dict.fromkeys(Unit.Kind.values, 0)
    counts.update(
        scope.filter(Unit.objects.filter(enterprise=enterprise))
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return EnterpriseFacts(
        enterprise=enterprise,
        industries=list(enterprise.industries.all()),
        jurisdiction_path=[*jurisdiction.get_ancestors(), jurisdiction],
        unit_counts=counts,
        people_count=scope.filter(Person.objects.filter(enterprise=enterprise))
        .order_by()
        .count(),
    )


@dataclass
class UnitRow:
    """A unit of the tree as the units page shows it."""

    unit: Unit
    holders: list[Person]
    child_kind: str | None
    is_mine: bool = False

    @property
    def depth(self) -> int:
        return self.unit.depth


def unit_rows(*, scope: Scope, enterprise: Enterprise) -> list[UnitRow]:
    """The enterprise's unit tree in order, with who holds each post.

    ``is_mine`` marks the posts the user holds (a staff member's own posts).
    """
    mine = set(
        scope.filter(
            Unit.objects.filter(enterprise=enterprise, holders__user_id=scope.user_id)
        ).values_list("pk", flat=True)
    )
    return [
        UnitRow(
            unit=unit,
            holders=list(unit.holders.all()),
            child_kind=Unit.CHILD_KIND.get(unit.kind),
            is_mine=unit.pk in mine,
        )
        for unit in unit_tree(enterprise=enterprise)
    ]


def post_labels(*, enterprise: Enterprise) -> dict[int, str]:
    """A readable name for each post of an enterprise: "workshop / team / post".

    One query for the whole tree: the names of a post's ancestors are read
    from the materialised path instead of a query per post.
    """
    units = list(
        Unit.objects.filter(enterprise=enterprise)
        .only("pk", "path", "depth", "name", "kind")
        .order_by("path")
    )
    names = {unit.path: unit.name for unit in units}
    step = Unit.steplen
    labels = {}
    for unit in units:
        if unit.kind != Unit.Kind.POST:
            continue
        # Ancestors below the company level (depth 1 is the company itself).
        parts = [
            names.get(unit.path[:end], "")
            for end in range(2 * step, len(unit.path), step)
        ]
        labels[unit.pk] = " / ".join([*filter(None, parts), unit.name])
    return labels


def people_list(*, scope: Scope, enterprise: Enterprise) -> QuerySet[Person]:
    """The people of an enterprise the user may see, with their posts."""
    return (
        scope.people()
        .filter(enterprise=enterprise)
        .select_related("user")
        .prefetch_related(Prefetch("posts", queryset=Unit.objects.order_by("path")))
        .order_by("name", "pk")
    )


def display_name(*, scope: Scope, user) -> str:
    """How the portal names a user: their person's name, else their full name
    or username."""
    name = (
        scope.people()
        .filter(user_id=scope.user_id)
        .values_list("name", flat=True)
        .first()
        if scope.user_id is not None
        else None
    )
    return name or user.get_full_name() or user.get_username()
