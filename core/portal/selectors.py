"""Reads for the enterprise portal: its navigation and the data of its pages.

Everything goes through the user's ``Scope``; each function costs a fixed
number of queries whatever the size of the enterprise.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet, prefetch_related_objects
from django.urls import NoReverseMatch, reverse

import core.base.lookups  # noqa: F401 - registers text_contains
from core.organizations.models import Enterprise, Industry, Jurisdiction, Person, Unit
from core.organizations.scope import Scope
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
    more_below: bool = False

    @property
    def depth(self) -> int:
        return self.unit.depth


#: How many units the units page draws at most: a tree that fits is drawn
#: whole, a larger one level by level from the top (or from the unit opened),
#: as deep as whole levels fit; deeper branches open by a link.
UNIT_PAGE_ROWS = 100


@dataclass
class UnitBranch:
    """What the units page shows: a part of the tree that fits the page.

    ``focus`` is the unit opened (None: the enterprise's top), ``trail`` its
    ancestors; ``rows`` the units drawn, in tree order; a row with
    ``more_below`` has children that are not drawn (opened by a link).
    ``next_after`` is the path after which the next page of the focus's
    children starts, when they alone do not fit; ``mine`` the posts the user
    holds, each with its readable label, to open from anywhere.
    """

    focus: Unit | None
    trail: list[Unit]
    rows: list[UnitRow]
    next_after: str | None
    mine: list[tuple[Unit, str]]
    has_company: bool
    opened: bool = False

    @property
    def cut(self) -> bool:
        """Whether some drawn units have children that are not drawn."""
        return any(row.more_below for row in self.rows)


def unit_branch(
    *,
    scope: Scope,
    enterprise: Enterprise,
    focus: Unit | None = None,
    after: str = "",
    limit: int | None = None,
) -> UnitBranch:
    """The part of the enterprise's unit tree the units page draws, in a fixed
    number of queries whatever the size of the tree.

    The units below ``focus`` (or below the company unit, or the whole tree
    when there are several top units) are read breadth-first,
    at most ``limit`` + 1 rows: when they all fit, the branch is drawn
    whole; else the levels that fit whole are drawn and the deepest drawn
    units with children link to their own branch. When even the first level
    does not fit, its first ``limit`` units are drawn and ``next_after``
    pages on (by path: the tree's own order).
    """
    limit = limit or UNIT_PAGE_ROWS
    units = scope.filter(Unit.objects.filter(enterprise=enterprise))
    opened = focus is not None
    below = units
    top = 1
    if focus is not None:
        below = units.filter(path__startswith=focus.path, depth__gt=focus.depth)
        top = focus.depth + 1
    if after:
        read = list(
            below.filter(depth=top, path__gt=after).order_by("path")[: limit + 1]
        )
    else:
        read = list(below.order_by("depth", "path")[: limit + 2])
        if focus is None and read and (len(read) == 1 or read[1].depth > 1):
            # One company unit at the top (the usual tree): draw from it.
            focus, read, top = read[0], read[1:], 2
        read = read[: limit + 1]
    next_after = None
    if len(read) > limit:
        deepest = read[-1].depth
        if deepest == top:
            # The first level alone is too long: page through it by path.
            next_after = read[limit - 1].path
            read = read[:limit]
        else:
            read = [unit for unit in read if unit.depth < deepest]
    drawn = {unit.pk for unit in read}
    parents_drawn = {unit.path[: -Unit.steplen] for unit in read}
    if focus is not None:
        read.insert(0, focus)
    prefetch_related_objects(read, "holders")
    mine = (
        list(units.filter(holders__user_id=scope.user_id).order_by("path")[:20])
        if scope.user_id is not None
        else []
    )
    mine_ids = {unit.pk for unit in mine}
    rows = [
        UnitRow(
            unit=unit,
            holders=list(unit.holders.all()),
            child_kind=Unit.CHILD_KIND.get(unit.kind),
            is_mine=unit.pk in mine_ids,
            more_below=unit.numchild > 0 and unit.path not in parents_drawn,
        )
        for unit in sorted(read, key=lambda unit: unit.path)
    ]
    trail: list[Unit] = []
    if focus is not None and focus.depth > 1:
        step = Unit.steplen
        ancestors = [focus.path[:end] for end in range(step, len(focus.path), step)]
        trail = list(units.filter(path__in=ancestors).order_by("path"))
    hidden = [unit for unit in mine if unit.pk not in drawn]
    labels = _unit_labels(units, hidden) if hidden else {}
    return UnitBranch(
        focus=focus,
        trail=trail,
        rows=rows,
        next_after=next_after,
        mine=[(unit, labels.get(unit.pk, unit.name)) for unit in hidden],
        has_company=focus is not None or any(unit.depth == 1 for unit in read),
        opened=opened,
    )


def unit_search(
    *,
    scope: Scope,
    enterprise: Enterprise,
    text: str = "",
    pk: int | None = None,
    limit: int = 50,
) -> list[tuple[Unit, str]]:
    """Units of the enterprise whose name contains ``text`` (or the one unit
    ``pk``), in tree order, each with its readable label (the first ``limit``;
    two queries at most).

    The units page's "find a unit" and the lists' unit chooser
    (``views.unit_autocomplete``) both search here. On PostgreSQL the match is
    ``ILIKE`` (``text_contains``), which the trigram index ``unit_name_trgm``
    serves; the enterprise's units are read in tree order by the index
    ``unit_enterprise_path`` and the search stops after ``limit`` matches.
    """
    units = scope.filter(Unit.objects.filter(enterprise=enterprise))
    if pk is not None:
        found = list(units.filter(pk=pk))
    elif text:
        found = list(
            units.filter(name__text_contains=text)
            .only("pk", "path", "depth", "name", "kind", "numchild", "enterprise_id")
            .order_by("path")[:limit]
        )
    else:
        return []
    labels = _unit_labels(units, found) if found else {}
    return [(unit, labels.get(unit.pk, unit.name)) for unit in found]


def unit_labels(*, enterprise: Enterprise, units: list[Unit]) -> dict[int, str]:
    """ "workshop / team / post" for each of ``units`` (the rows of a list's
    page), their ancestors' names read in one query."""
    return _unit_labels(Unit.objects.filter(enterprise=enterprise), units)


def _unit_labels(units: QuerySet[Unit], found: list[Unit]) -> dict[int, str]:
    """ "workshop / team / post" for each unit of ``found``: its ancestors'
    names read in one query from the materialised paths."""
    step = Unit.steplen
    paths = {
        unit.path[:end]
        for unit in found
        for end in range(2 * step, len(unit.path), step)
    }
    names = dict(units.filter(path__in=paths).values_list("path", "name"))
    return {
        unit.pk: " / ".join(
            [
                *filter(
                    None,
                    (
                        names.get(unit.path[:end], "")
                        for end in range(2 * step, len(unit.path), step)
                    ),
                ),
                unit.name,
            ]
        )
        for unit in found
    }


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
