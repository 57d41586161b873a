"""Inspection schedules, notification channels and scheduled jobs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plugins.contributions.common import CODE_PATTERN, has_both, key_problems
from plugins.contributions.risk_library import InspectionPeriod
from plugins.texts import I18nText

# -- inspection schedules ---------------------------------------------------------

# Who carries out a scheduled check. The first six are the tiers of a
# hazardous-chemical enterprise's investigation (应急〔2019〕78号); the
# ``baobao_*`` roles are the three persons accountable for one major hazard
# source (包保责任人: 主要负责人, 技术负责人, 操作负责人).
SCHEDULE_ROLES: tuple[str, ...] = (
    "operator",
    "technical",
    "workshop",
    "plant",
    "base_unit",
    "company",
    "baobao_main",
    "baobao_technical",
    "baobao_operational",
)
# What kind of check it is: how a hazard it finds was found.
CHECK_KINDS: tuple[str, ...] = (
    "routine",
    "comprehensive",
    "specialist",
    "seasonal",
    "holiday",
    "similar_accident",
    "targeted",
)
# Occasions that call for a check, whatever the period.
SCHEDULE_TRIGGERS: tuple[str, ...] = (
    "before_holiday",
    "before_major_event",
    "key_period",
    "similar_accident",
)
# Which part of an enterprise a schedule covers: all of it, the units of
# 两重点一重大 (key-supervised processes, key-supervised chemicals, major
# hazard sources), or the major hazard sources alone.
SCHEDULE_SCOPES: tuple[str, ...] = ("all", "key_units", "major_hazard_sources")


@dataclass(frozen=True)
class InspectionSchedule:
    """A check a standard requires at a frequency or on an occasion.

    ``every`` is the longest interval (``None``: no fixed frequency);
    ``triggers`` the occasions (``SCHEDULE_TRIGGERS``) that call for the check
    besides, or instead of, the period. A schedule with neither is a duty
    without a frequency (the 包保 主要负责人's supervision). ``who`` is one
    of ``SCHEDULE_ROLES``, ``check_kind`` one of ``CHECK_KINDS``,
    ``applies_to`` one of ``SCHEDULE_SCOPES``; ``basis`` cites the document
    that sets it. ``key`` is unique within the plugin.
    """

    key: str
    industry: str
    title: I18nText
    who: str
    check_kind: str
    basis: str
    every: InspectionPeriod | None = None
    triggers: tuple[str, ...] = ()
    applies_to: str = "all"
    description: I18nText | None = None

    def problems(self) -> list[str]:
        found = []
        label = f"inspection schedule {self.key!r}"
        found.extend(key_problems(label, self.key, self.industry))
        if not has_both(self.title):
            found.append(f"{label} needs a title in both languages")
        if self.description is not None and not has_both(self.description):
            found.append(f"{label}: the description needs both languages")
        for name, value, allowed in (
            ("who", self.who, SCHEDULE_ROLES),
            ("check kind", self.check_kind, CHECK_KINDS),
            ("scope", self.applies_to, SCHEDULE_SCOPES),
        ):
            if value not in allowed:
                found.append(
                    f"{label}: {name} {value!r} is not one of {', '.join(allowed)}"
                )
        found.extend(
            f"{label}: unknown trigger {t!r}"
            for t in self.triggers
            if t not in SCHEDULE_TRIGGERS
        )
        if self.every is not None:
            found.extend(f"{label}: {p}" for p in self.every.problems())
        if not str(self.basis or "").strip():
            found.append(f"{label} cites no basis")
        return found


@dataclass(frozen=True)
class NotificationChannel:
    """A way to deliver notifications beyond the platform's own list (the
    bell): SMS, e-mail, a messaging app.

    ``key`` is unique across plugins (``sms``); ``name`` its label; ``deliver``
    the import path of a callable ``deliver(notification) -> None`` given the
    stored ``core.notifications.models.Notification`` (its ``recipient``,
    ``text`` in the recipient's language, ``url``). It runs in a background
    job after the notification is committed; raising has the job retried and
    then recorded as failed, never losing the in-app notification.
    """

    key: str
    name: I18nText
    deliver: str

    def problems(self) -> list[str]:
        found = []
        if not CODE_PATTERN.match(self.key or ""):
            found.append(f"notification channel {self.key!r}: key is invalid")
        if not (self.deliver and "." in self.deliver):
            found.append(
                f"notification channel {self.key!r}: deliver must be an import path"
            )
        return found


@dataclass(frozen=True)
class ScheduledJob:
    """A periodic job a plugin adds to the platform's one schedule.

    ``name`` is unique across the schedule (prefix it with the plugin's
    code, e.g. ``chemicals.sensor_digest``); ``task`` the import path of a job
    defined with ``core.jobs.job``; ``every`` ``"hour"``, ``"day"``,
    ``"week"``, ``"month"`` or a number of seconds (at least 60); ``at``
    (``HH:MM``, local time) the start of a day, week or month; ``kwargs``
    JSON-serialisable keyword arguments. The job must be idempotent. The
    deployment's ``SAFEGRID_SCHEDULE`` overrides an entry of the same name,
    or switches it off with ``None``; ``safegrid.E023`` refuses a malformed
    one (core/jobs/schedule.py checks it).
    """

    name: str
    task: str
    every: str | int
    at: str | None = None
    kwargs: dict[str, Any] | None = None
