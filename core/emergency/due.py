"""What is due across a scope, for the departments' admin lists and their
Excel export: planned drills not held on time, required trainings missing or
expired (per enterprise, aggregated), overdue workplace tests, rescue
agreements expired or ending, enterprises with no rescue capability.

Each list is one ordered queryset ending with a key, read a page at a time
(``after``: the last key seen) — no OFFSET, no COUNT; ``rows`` turns a page
into the cells the page and the workbook show.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.emergency.models import (
    DrillPlanItem,
    RescueAgreement,
    TrainingAttendance,
    TrainingRequirement,
)
from core.emergency.selectors import (
    EXPIRY_WARNING_DAYS,
    enterprises_without_rescue,
    workplace_tests_overdue,
)
from core.organizations.models import Enterprise
from core.organizations.scope import Scope

#: The lists, in the order of the page's tabs: key → label.
LISTS = {
    "drills": _("Drills not held on time"),
    "training": _("Training gaps"),
    "tests": _("Workplace tests overdue"),
    "agreements": _("Rescue agreements ended or ending"),
    "no_rescue": _("No rescue capability"),
}


def overdue_drills(scope: Scope, today: datetime.date) -> QuerySet[DrillPlanItem]:
    return (
        scope.filter(DrillPlanItem.objects.all())
        .filter(due_on__lt=today, drill__isnull=True)
        .select_related("enterprise")
        .order_by("pk")
    )


def training_gaps(scope: Scope, today: datetime.date) -> QuerySet:
    """Per enterprise in scope: how many (person, required training) pairs
    are missing and how many expired — one grouped query per page."""
    passed = TrainingAttendance.objects.filter(
        person=OuterRef("holder"),
        session__requirement=OuterRef("pk"),
        passed=True,
    )
    current = passed.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    return (
        scope.filter(TrainingRequirement.objects.all())
        .annotate(holder=F("post__holders"))
        .filter(holder__isnull=False)
        .annotate(ever=Exists(passed), current=Exists(current))
        .filter(current=False)
        .values("enterprise_id")
        .annotate(
            missing=Count("pk", filter=Q(ever=False)),
            expired=Count("pk", filter=Q(ever=True)),
        )
        .order_by("enterprise_id")
    )


def overdue_tests(scope: Scope, today: datetime.date):
    return workplace_tests_overdue(scope=scope, today=today).order_by("pk")


def agreements_ending(scope: Scope, today: datetime.date):
    limit = today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    return (
        scope.filter(RescueAgreement.objects.all())
        .filter(valid_until__lt=limit)
        .select_related("enterprise")
        .order_by("pk")
    )


def no_rescue(scope: Scope, today: datetime.date) -> QuerySet[Enterprise]:
    return enterprises_without_rescue(scope=scope, today=today)


def header(name: str) -> list[Any]:
    return {
        "drills": [_("Enterprise"), _("Scenario"), _("To be held by")],
        "training": [_("Enterprise"), _("Missing"), _("Expired")],
        "tests": [_("Enterprise"), _("Tested on"), _("Next test due")],
        "agreements": [
            _("Enterprise"),
            _("Rescue team (party)"),
            _("Valid until"),
            _("Expired"),
        ],
        "no_rescue": [_("Enterprise")],
    }[name]


def page(
    name: str, scope: Scope, today: datetime.date, after: int | None, size: int
) -> tuple[list[list[Any]], int | None]:
    """One page of list ``name`` after the key ``after``: its rows (cells)
    and the key to continue from (None at the end)."""
    if name == "training":
        groups = training_gaps(scope, today)
        if after is not None:
            groups = groups.filter(enterprise_id__gt=after)
        found = list(groups[: size + 1])
        more = len(found) > size
        found = found[:size]
        names = Enterprise.objects.in_bulk([g["enterprise_id"] for g in found])
        rows = [
            [names[g["enterprise_id"]].name, g["missing"], g["expired"]] for g in found
        ]
        return rows, found[-1]["enterprise_id"] if more and found else None
    queryset = {
        "drills": overdue_drills,
        "tests": overdue_tests,
        "agreements": agreements_ending,
        "no_rescue": no_rescue,
    }[name](scope, today)
    if after is not None:
        queryset = queryset.filter(pk__gt=after)
    items = list(queryset[: size + 1])
    more = len(items) > size
    items = items[:size]
    rows = [_cells(name, item, today) for item in items]
    return rows, items[-1].pk if more and items else None


def _cells(name: str, item: Any, today: datetime.date) -> list[Any]:
    if name == "drills":
        return [item.enterprise.name, item.scenario, item.due_on]
    if name == "tests":
        return [item.enterprise.name, item.tested_on, item.next_due]
    if name == "agreements":
        return [
            item.enterprise.name,
            item.party,
            item.valid_until,
            gettext("yes") if item.valid_until < today else "",
        ]
    return [item.name]
