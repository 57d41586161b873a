"""The emergency records' periodic jobs: rescue agreements about to expire,
planned drills not held on time.

Registered in the one schedule through ``safegrid_scheduled_jobs``
(``core.emergency.default_plugin``), daily at 07:30 and 07:40.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from core.jobs.base import job

BATCH = 1000


@job
def warn_expiring_agreements(today: str | None = None) -> dict[str, int]:
    """Tell the enterprise's safety managers once about each rescue agreement
    that ends within ``EXPIRY_WARNING_DAYS`` (or has ended).

    Idempotent: an agreement keeps the ``valid_until`` it was warned for
    (``warned_until``); a second run warns nobody, a renewal (a new end
    date) warns again when its turn comes.
    """
    from core.emergency.models import RescueAgreement
    from core.emergency.selectors import EXPIRY_WARNING_DAYS

    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    limit = day + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    due = Q(valid_until__lt=limit) & ~Q(warned_until=F("valid_until"))
    count, sent = _each_in_own_transaction(
        RescueAgreement.objects.filter(due).order_by("pk"), due, _warn
    )
    return {"agreements": count, "notifications": sent}


def _warn(agreement) -> int:
    sent = _tell_managers(
        agreement,
        gettext_noop("The rescue agreement with %(party)s ends on %(date)s: renew it."),
        party=agreement.party,
        date=agreement.valid_until.isoformat(),
    )
    agreement.warned_until = agreement.valid_until
    agreement.save(update_fields=["warned_until"])
    return sent


@job
def flag_overdue_drills(today: str | None = None) -> dict[str, int]:
    """Flag each planned drill not held by its date, telling the enterprise's
    safety managers once.

    Idempotent: an item keeps the day it was flagged (``flagged_on``); a
    second run flags nothing, and an item recorded since is never flagged.
    """
    from core.emergency.models import DrillPlanItem

    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    due = Q(due_on__lt=day, flagged_on__isnull=True, drill__isnull=True)
    count, sent = _each_in_own_transaction(
        DrillPlanItem.objects.filter(due).order_by("pk"),
        due,
        lambda item: _flag(
            item,
            day,
            gettext_noop("The planned drill “%(scenario)s” was due by %(date)s."),
            scenario=item.scenario,
            date=item.due_on.isoformat(),
        ),
    )
    return {"drills": count, "notifications": sent}


def _flag(row, day: datetime.date, message: str, **params: str) -> int:
    """Tell the managers once about an overdue ``row``: the day it was
    flagged is kept, so no later run flags it again."""
    sent = _tell_managers(row, message, **params)
    row.flagged_on = day
    row.save(update_fields=["flagged_on"])
    return sent


def _each_in_own_transaction(candidates, due: Q, handle) -> tuple[int, int]:
    """``handle(row)`` for each of the first ``BATCH`` rows of ``candidates``
    (in their order), each in its own transaction (a row that fails undoes
    only itself); how many rows were found and the notifications sent.

    Each row is locked and ``due`` checked again first: a run at the same
    time may have handled it meanwhile, and then it is skipped.
    """
    pks = list(candidates.values_list("pk", flat=True)[:BATCH])
    locked = candidates.model.objects.select_for_update(
        # PostgreSQL locks no row on the nullable side of an outer join (the
        # drill of a planned item).
        of=("self",)
    )
    sent = 0
    for pk in pks:
        with transaction.atomic():
            row = locked.filter(due, pk=pk).first()
            if row is not None:
                sent += handle(row)
    return len(pks), sent


def _tell_managers(row, message: str, **params: str) -> int:
    """Notify the safety managers of ``row``'s enterprise about it (a link
    to the emergency page); how many were told."""
    from core.notifications.services import notify

    sent = 0
    for user in _managers(row.enterprise_id):
        notify(user, message, row, "/portal/emergency/", params=params)
        sent += 1
    return sent


def _managers(enterprise_id: int):
    from core.organizations.selectors import enterprise_managers

    return enterprise_managers(enterprise_id)


@job
def remind_training_gaps(today: str | None = None) -> dict[str, int]:
    """Tell the person (when they have an account) and the safety managers
    about each required training that is missing or expired.

    One enterprise at a time (the enterprises with required trainings, by
    key), so the memory is one enterprise's people and every enterprise is
    read whole, whatever the size of the platform.

    Idempotent: each reminder is a ``TrainingReminder`` row, unique on
    (person, requirement, state, validity); a second run reminds nobody, a
    lapse after a renewal reminds again.
    """
    from core.emergency.models import TrainingRequirement
    from core.organizations.scope import SUPERUSER, Scope

    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    everything = Scope(user_id=None, role=SUPERUSER)
    sent = reminded = enterprises = 0
    after = 0
    while True:
        batch = list(
            TrainingRequirement.objects.filter(enterprise_id__gt=after)
            .order_by("enterprise_id")
            .values_list("enterprise_id", flat=True)
            .distinct()[:BATCH]
        )
        if not batch:
            break
        for enterprise_id in batch:
            counts = _remind_enterprise(everything, enterprise_id, day)
            reminded += counts[0]
            sent += counts[1]
            enterprises += 1
        after = batch[-1]
    return {"enterprises": enterprises, "reminders": reminded, "notifications": sent}


def _remind_enterprise(scope, enterprise_id: int, day: datetime.date):
    from core.emergency.models import TrainingReminder, TrainingRequirement
    from core.emergency.selectors import TRAINING_CURRENT, training_status
    from core.notifications.services import notify

    rows = [
        row
        for row in training_status(scope=scope, today=day, enterprise=enterprise_id)
        if row["state"] != TRAINING_CURRENT
    ]
    if not rows:
        return 0, 0
    managers = list(_managers(enterprise_id))
    users = get_user_model().objects.in_bulk({row["user"] for row in rows} - {None})
    requirements = TrainingRequirement.objects.in_bulk(
        {row["requirement"] for row in rows}
    )
    sent = reminded = 0
    for row in rows:
        until = row["valid_until"].isoformat() if row["valid_until"] else ""
        with transaction.atomic():
            _reminder, created = TrainingReminder.objects.get_or_create(
                person_id=row["person"],
                requirement_id=row["requirement"],
                state=row["state"],
                until=until,
            )
            if not created:
                continue
            reminded += 1
            recipients = list(managers)
            if row["user"] in users:
                recipients.append(users[row["user"]])
            for user in recipients:
                notify(
                    user,
                    gettext_noop(
                        "%(person)s (%(post)s): the required training “%(topic)s” "
                        "is missing or has expired."
                    ),
                    requirements[row["requirement"]],
                    "/portal/emergency/",
                    params={
                        "person": row["person_name"],
                        "post": row["post"],
                        "topic": row["topic"],
                    },
                )
                sent += 1
    return reminded, sent


@job
def flag_overdue_workplace_tests(today: str | None = None) -> dict[str, int]:
    """Flag each enterprise's overdue workplace hazard-factor test once
    (``flagged_on``), telling its safety managers."""
    from core.emergency.selectors import workplace_tests_overdue
    from core.organizations.scope import SUPERUSER, Scope

    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    everything = Scope(user_id=None, role=SUPERUSER)
    due = Q(flagged_on__isnull=True)
    count, sent = _each_in_own_transaction(
        workplace_tests_overdue(scope=everything, today=day).filter(due),
        due,
        lambda test: _flag(
            test,
            day,
            gettext_noop("The workplace hazard-factor test was due by %(date)s."),
            date=test.next_due.isoformat(),
        ),
    )
    return {"tests": count, "notifications": sent}
