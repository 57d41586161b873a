"""Writes of the rollout campaigns: campaigns, directives and their receipts,
acceptance and spot checks, spot-check samples.

Every service takes the acting user as ``actor`` and checks inside what the
actor may do (``Refused``: 403, nothing changed); bad input is ``Invalid``
with a message at the field (400, nothing changed).

Who:
- a campaign: the committee office (and the superuser);
- a directive: any government office (committee, industry department,
  street or town office), to enterprises of its own scope only;
- reading and replying: the enterprise's own safety manager;
- an acceptance check: a government office, on an enterprise of its scope;
- a spot-check sample and its checks: the committee office.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.base.errors import Invalid, Problems, Refused
from core.campaigns.criteria import CRITERIA
from core.campaigns.models import (
    AcceptanceCheck,
    Audience,
    Campaign,
    CheckKind,
    Directive,
    DirectiveRecipient,
    Milestone,
    SpotCheckSample,
)
from core.notifications.services import notify
from core.organizations.models import (
    Enterprise,
    Industry,
    Jurisdiction,
    Membership,
    Role,
)
from core.organizations.scope import Scope, scope_for

TEXT_MAX = 8000
MAX_MILESTONES = 20
MAX_LIST = 200
#: A recipient is reminded at most this many times, once a day at most.
MAX_REMINDERS = 3
#: Directives older than this are no longer reminded.
REMIND_WITHIN_DAYS = 60
#: At most this many recipients are reminded in one run of the job.
REMINDER_BATCH = 5000
MAX_SAMPLE = 500


def may_send_directives(scope: Scope) -> bool:
    return scope.is_government and scope.department is not None


def may_run_campaigns(scope: Scope) -> bool:
    return scope.sees_everything


# -- campaigns --------------------------------------------------------------------------


def _criteria(chosen: Iterable[Mapping], problems: Problems) -> list[dict]:
    rows: list[dict] = []
    for index, item in enumerate(chosen):
        key = str(item.get("key", ""))
        criterion = CRITERIA.get(key)
        if criterion is None:
            problems.add(("criteria", index), _("Unknown criterion."))
            continue
        if any(row["key"] == key for row in rows):
            continue
        value = item.get("value")
        if criterion.value_label:
            if value in (None, ""):
                value = criterion.default
            try:
                value = int(str(value))
            except (TypeError, ValueError):
                problems.add(("criteria", index), _("Enter a whole number."))
                continue
            if not criterion.minimum <= value <= criterion.maximum:
                problems.add(
                    ("criteria", index),
                    _("Enter a number from %(low)d to %(high)d.")
                    % {"low": criterion.minimum, "high": criterion.maximum},
                )
                continue
            rows.append({"key": key, "value": value})
        else:
            rows.append({"key": key})
    if not rows and not problems.errors:
        problems.add("criteria", _("Choose at least one criterion."), "required")
    return rows


@transaction.atomic
def campaign_create(
    *,
    actor,
    title: str,
    starts_on,
    ends_on,
    criteria: Iterable[Mapping],
    milestones: Iterable[Mapping] = (),
    description: str = "",
    industries: Iterable[Industry] = (),
    territories: Iterable[Jurisdiction] = (),
    key_industries_only: bool = False,
    above_scale_only: bool = False,
) -> Campaign:
    """The committee office defines a campaign with its milestones."""
    scope = scope_for(actor)
    if not may_run_campaigns(scope) or scope.department is None:
        raise Refused(_("Only the safety committee office runs campaigns."))
    problems = Problems()
    title = problems.text(title, "title", limit=200, required=True)
    description = problems.text(description, "description", limit=TEXT_MAX)
    start = problems.date(starts_on, "starts_on", required=True)
    end = problems.date(ends_on, "ends_on", required=True)
    if start and end and end < start:
        problems.add("ends_on", _("The end cannot be before the start."))
    chosen = _criteria(criteria, problems)
    rows: list[tuple[str, Any, int]] = []  # deadlines required: checked
    for index, item in enumerate(list(milestones)[: MAX_MILESTONES + 1]):
        if index >= MAX_MILESTONES:
            problems.add(
                "milestones", _("At most %(n)d milestones.") % {"n": MAX_MILESTONES}
            )
            break
        name = problems.text(
            item.get("title"), f"milestones-{index}-title", limit=200, required=True
        )
        deadline = problems.date(
            item.get("deadline"), f"milestones-{index}-deadline", required=True
        )
        try:
            share = int(str(item.get("target_percent")))
        except (TypeError, ValueError):
            share = -1
        if not 0 <= share <= 100:
            problems.add(
                f"milestones-{index}-target_percent",
                _("Enter a number from %(low)d to %(high)d.") % {"low": 0, "high": 100},
            )
        if deadline and start and end and not start <= deadline <= end:
            problems.add(
                f"milestones-{index}-deadline",
                _("A milestone's deadline lies within the campaign."),
            )
        rows.append((name, deadline, share))
    problems.raise_any()
    assert start is not None and end is not None  # required: checked above
    campaign = Campaign.objects.create(
        title=title,
        description=description,
        department=scope.department,
        created_by=actor,
        starts_on=start,
        ends_on=end,
        criteria=chosen,
        key_industries_only=bool(key_industries_only),
        above_scale_only=bool(above_scale_only),
    )
    campaign.industries.set(list(industries))
    campaign.territories.set(list(territories))
    Milestone.objects.bulk_create(
        Milestone(
            campaign=campaign, title=name, deadline=deadline, target_percent=share
        )
        for name, deadline, share in rows
    )
    return campaign


def campaigns_visible(*, scope: Scope) -> QuerySet[Campaign]:
    """The campaigns that concern an office: the committee office every one;
    an industry department those for every industry or one of its own; a
    street or town office those for the whole district or a territory that
    overlaps its own. Each sees its own part of the progress; enterprises see
    campaigns through their checklist only."""
    rows = Campaign.objects.select_related("department")
    if not scope.is_government:
        return rows.none()
    if scope.sees_everything:
        return rows
    if scope.role == Role.INDUSTRY_DEPARTMENT:
        chosen = Campaign.industries.through.objects.filter(campaign_id=OuterRef("pk"))
        return rows.filter(
            ~Exists(chosen) | Exists(chosen.filter(industry_id__in=scope.industry_ids))
        )
    if scope.role == Role.TERRITORIAL_OFFICE and scope.jurisdiction_path:
        path = scope.jurisdiction_path
        step = Jurisdiction.steplen
        above = [path[:end] for end in range(step, len(path) + 1, step)]
        chosen = Campaign.territories.through.objects.filter(campaign_id=OuterRef("pk"))
        return rows.filter(
            ~Exists(chosen)
            | Exists(chosen.filter(jurisdiction__path__startswith=path))
            | Exists(chosen.filter(jurisdiction__path__in=above))
        )
    return rows.none()


# -- directives -------------------------------------------------------------------------


def directive_audience(
    *,
    scope: Scope,
    audience: str,
    industry: Industry | None = None,
    territory: Jurisdiction | None = None,
    enterprise_ids: Iterable[int] = (),
) -> tuple[QuerySet[Enterprise], str]:
    """The enterprises a directive goes to and a label for them; ``Refused``
    when the sender names an industry, territory or enterprise outside its
    scope."""
    enterprises = scope.enterprises()
    if audience == Audience.ALL:
        return enterprises, str(Audience.ALL.label)
    if audience == Audience.INDUSTRY:
        if industry is None:
            raise Refused(_("Choose an industry."))
        if (
            scope.role == Role.INDUSTRY_DEPARTMENT
            and industry.pk not in scope.industry_ids
        ):
            raise Refused(_("This industry is not in your scope."))
        return enterprises.filter(
            pk__in=Enterprise.industries.through.objects.filter(
                industry_id=industry.pk
            ).values("enterprise_id")
        ), industry.name
    if audience == Audience.TERRITORY:
        if territory is None:
            raise Refused(_("Choose a territory."))
        if scope.role == Role.TERRITORIAL_OFFICE and not territory.path.startswith(
            scope.jurisdiction_path or "\0"
        ):
            raise Refused(_("This territory is not in your scope."))
        return enterprises.filter(
            jurisdiction__path__startswith=territory.path
        ), territory.name
    if audience == Audience.LIST:
        ids = sorted({int(pk) for pk in enterprise_ids})
        if len(ids) > MAX_LIST:
            raise Refused(_("At most %(n)d enterprises in a list.") % {"n": MAX_LIST})
        chosen = enterprises.filter(pk__in=ids)
        if chosen.count() != len(ids):
            raise Refused(_("An enterprise of the list is not in your scope."))
        return chosen, _("%(n)d chosen enterprises") % {"n": len(ids)}
    raise Refused(_("Choose who the directive goes to."))


def _managers(enterprise_ids) -> dict[int, list]:
    """The safety managers of the enterprises (one query)."""
    found: dict[int, list] = {}
    for membership in Membership.objects.filter(
        role=Role.ENTERPRISE_MANAGER, enterprise_id__in=enterprise_ids
    ).select_related("user"):
        if membership.user.is_active and membership.enterprise_id is not None:
            found.setdefault(membership.enterprise_id, []).append(membership.user)
    return found


@transaction.atomic
def directive_send(
    *,
    actor,
    title: str,
    body: str,
    audience: str,
    deadline=None,
    reply_required: bool = False,
    industry: Industry | None = None,
    territory: Jurisdiction | None = None,
    enterprise_ids: Iterable[int] = (),
) -> Directive:
    """An office sends a directive to enterprises of its scope: one recipient
    row per enterprise (bulk), and an in-app notification to each
    enterprise's safety managers."""
    scope = scope_for(actor)
    if not may_send_directives(scope):
        raise Refused(_("Only a government office sends directives."))
    problems = Problems()
    title = problems.text(title, "title", limit=200, required=True)
    body = problems.text(body, "body", limit=TEXT_MAX, required=True)
    day = problems.date(deadline, "deadline")
    if day is not None and day < timezone.localdate():
        problems.add("deadline", _("The deadline cannot be in the past."))
    problems.raise_any()
    enterprises, label = directive_audience(
        scope=scope,
        audience=audience,
        industry=industry,
        territory=territory,
        enterprise_ids=enterprise_ids,
    )
    ids = list(enterprises.order_by("pk").values_list("pk", flat=True))
    if not ids:
        problems.add("audience", _("No enterprise of your scope is addressed."))
        problems.raise_any()
    assert scope.department is not None
    directive = Directive.objects.create(
        department=scope.department,
        sender=actor,
        title=title,
        body=body,
        deadline=day,
        reply_required=bool(reply_required),
        audience=audience,
        audience_label=str(label)[:300],
        recipient_count=len(ids),
    )
    DirectiveRecipient.objects.bulk_create(
        (DirectiveRecipient(directive=directive, enterprise_id=pk) for pk in ids),
        batch_size=1000,
    )
    # The managers are told by a background job: a directive to a whole
    # district reaches thousands of managers, which no request should wait for.
    from core.campaigns.tasks import notify_directive
    from core.jobs.base import enqueue_on_commit

    enqueue_on_commit(notify_directive, directive.pk)
    return directive


#: Enterprises whose managers one step of ``directive_notify`` reads.
NOTIFY_BATCH = 500


def directive_notify(directive_id: int) -> int:
    """Notify the safety managers of a directive's recipients, in batches of
    ``NOTIFY_BATCH`` enterprises; those already notified of it are skipped,
    so a retried job notifies nobody twice. Returns how many were notified."""
    from django.contrib.contenttypes.models import ContentType

    from core.notifications.models import Notification

    directive = (
        Directive.objects.select_related("department", "sender")
        .filter(pk=directive_id)
        .first()
    )
    if directive is None:
        return 0
    url = reverse("campaigns_portal:directive", args=[directive.pk])
    done = set(
        Notification.objects.filter(
            target_type=ContentType.objects.get_for_model(Directive),
            target_id=str(directive.pk),
        ).values_list("recipient_id", flat=True)
    )
    recipients = DirectiveRecipient.objects.filter(directive=directive).order_by("pk")
    count, last = 0, 0
    while True:
        batch = list(
            recipients.filter(pk__gt=last).values_list("pk", "enterprise_id")[
                :NOTIFY_BATCH
            ]
        )
        if not batch:
            return count
        last = batch[-1][0]
        for users in _managers([enterprise for _pk, enterprise in batch]).values():
            for user in users:
                if user.pk in done:
                    continue
                notify(
                    user,
                    gettext_noop("New directive from %(office)s: %(title)s"),
                    directive,
                    url,
                    actor=directive.sender,
                    params={
                        "office": directive.department.name,
                        "title": directive.title,
                    },
                )
                done.add(user.pk)
                count += 1


def directives_sent(*, scope: Scope) -> QuerySet[Directive]:
    """The directives an office sees: its own; the committee office every one."""
    rows = Directive.objects.select_related("department")
    if scope.sees_everything:
        return rows
    if may_send_directives(scope):
        return rows.filter(department=scope.department)
    return rows.none()


def directive_inbox(
    *, scope: Scope, enterprise: Enterprise
) -> QuerySet[DirectiveRecipient]:
    """The directives addressed to the user's own enterprise."""
    if not (scope.is_enterprise and scope.enterprise_id == enterprise.pk):
        return DirectiveRecipient.objects.none()
    return (
        DirectiveRecipient.objects.filter(enterprise_id=enterprise.pk)
        .select_related("directive", "directive__department")
        .order_by("-directive__created_at", "-pk")
    )


def _own_copy(actor, recipient: DirectiveRecipient) -> Scope:
    scope = scope_for(actor)
    if not (
        scope.role == Role.ENTERPRISE_MANAGER
        and scope.enterprise_id == recipient.enterprise_id
    ):
        raise Refused(_("Only the enterprise's safety manager answers a directive."))
    return scope


@transaction.atomic
def directive_open(*, actor, recipient: DirectiveRecipient) -> DirectiveRecipient:
    """The read receipt: the first time a manager of the enterprise opens it."""
    _own_copy(actor, recipient)
    if recipient.read_at is None:
        updated = DirectiveRecipient.objects.filter(
            pk=recipient.pk, read_at__isnull=True
        ).update(read_at=timezone.now(), read_by=actor)
        if updated:
            recipient.refresh_from_db(fields=["read_at", "read_by"])
    return recipient


@transaction.atomic
def directive_reply(
    *, actor, recipient: DirectiveRecipient, reply: str
) -> DirectiveRecipient:
    """The enterprise's reply (it also counts as read). A later reply
    replaces the earlier one until the sender's deadline has passed."""
    _own_copy(actor, recipient)
    recipient = (
        DirectiveRecipient.objects.select_for_update()
        .select_related("directive")
        .get(pk=recipient.pk)
    )
    problems = Problems()
    text = problems.text(reply, "reply", limit=TEXT_MAX, required=True)
    deadline = recipient.directive.deadline
    if recipient.replied_at and deadline and deadline < timezone.localdate():
        problems.add(
            "reply", _("The deadline has passed; the reply can no longer change.")
        )
    problems.raise_any()
    now = timezone.now()
    recipient.reply = text
    recipient.replied_at = now
    recipient.replied_by = actor
    if recipient.read_at is None:
        recipient.read_at = now
        recipient.read_by = actor
    recipient.save(
        update_fields=["reply", "replied_at", "replied_by", "read_at", "read_by"]
    )
    return recipient


def directives_remind(today: datetime.date | None = None) -> dict[str, int]:
    """Remind the managers of enterprises that have not read a directive, or
    not replied to one that asks for a reply: once a day at most, at most
    ``MAX_REMINDERS`` times, from the day after it was sent, for directives of
    the last ``REMIND_WITHIN_DAYS`` days whose deadline has not passed.
    Idempotent: a second run on the same day reminds nobody."""
    today = today or timezone.localdate()
    start_of_today = timezone.make_aware(
        datetime.datetime.combine(today, datetime.time.min)
    )
    pending = (
        DirectiveRecipient.objects.filter(
            directive__created_at__lt=start_of_today,
            directive__created_at__gte=start_of_today
            - datetime.timedelta(days=REMIND_WITHIN_DAYS),
            reminders__lt=MAX_REMINDERS,
        )
        .filter(Q(directive__deadline__isnull=True) | Q(directive__deadline__gte=today))
        .filter(Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lt=today))
        .filter(
            Q(read_at__isnull=True)
            | Q(directive__reply_required=True, replied_at__isnull=True)
        )
        .select_related("directive", "directive__department")
        .order_by("pk")[:REMINDER_BATCH]
    )
    rows = list(pending)
    managers = _managers({row.enterprise_id for row in rows})
    sent = 0
    with transaction.atomic():
        for row in rows:
            url = reverse("campaigns_portal:directive", args=[row.directive_id])
            for user in managers.get(row.enterprise_id, []):
                notify(
                    user,
                    gettext_noop(
                        "Reminder: the directive %(title)s awaits your %(what)s."
                    ),
                    row.directive,
                    url,
                    params={
                        "title": row.directive.title,
                        "what": {
                            "zh-hans": "阅读" if row.read_at is None else "回复",
                            "en": "reading" if row.read_at is None else "reply",
                        },
                    },
                )
                sent += 1
        DirectiveRecipient.objects.filter(pk__in=[row.pk for row in rows]).update(
            last_reminded_on=today, reminders=F("reminders") + 1
        )
    return {"recipients": len(rows), "notifications": sent}


# -- acceptance and spot checks -----------------------------------------------------------


def may_check(scope: Scope) -> bool:
    return scope.is_government and scope.department is not None


def checks_visible(*, scope: Scope) -> QuerySet[AcceptanceCheck]:
    """Checks of the enterprises the user sees (an enterprise its own)."""
    return scope.filter(
        AcceptanceCheck.objects.select_related("enterprise", "department", "definition")
    )


@transaction.atomic
def acceptance_record(
    *,
    actor,
    enterprise: Enterprise,
    passed: bool | None,
    checked_on,
    kind: str = CheckKind.ACCEPTANCE,
    score=None,
    remarks: str = "",
    version=None,
    answers: Mapping | None = None,
    campaign: Campaign | None = None,
    sample: SpotCheckSample | None = None,
) -> AcceptanceCheck:
    """Record an acceptance check (an office, on an enterprise of its scope)
    or a spot check (the committee office, on an enterprise of its sample).
    ``version`` is the checklist's form version; its answers are validated by
    the forms engine."""
    scope = scope_for(actor)
    if not may_check(scope) or not scope.can_view_enterprise(enterprise):
        raise Refused(_("You may not check this enterprise."))
    if kind == CheckKind.SPOT:
        if not scope.sees_everything:
            raise Refused(_("Only the safety committee office runs spot checks."))
        if sample is None or enterprise.pk not in (sample.enterprise_ids or []):
            raise Refused(_("This enterprise is not in the sample."))
    elif kind != CheckKind.ACCEPTANCE:
        raise Refused(_("Unknown kind of check."))
    problems = Problems()
    day = problems.date(checked_on, "checked_on", required=True)
    if day is not None and day > timezone.localdate():
        problems.add("checked_on", _("The date cannot be in the future."))
    remarks = problems.text(remarks, "remarks", limit=TEXT_MAX)
    value = None
    if score not in (None, ""):
        try:
            value = Decimal(str(score))
        except InvalidOperation:
            value = None
        if value is None or not Decimal(0) <= value <= Decimal(100):
            problems.add(
                "score",
                _("Enter a number from %(low)d to %(high)d.") % {"low": 0, "high": 100},
            )
    cleaned: dict = {}
    if version is not None:
        from core.forms.validation import version_answers_validate

        validated = version_answers_validate(version=version, data=dict(answers or {}))
        for error in validated.errors:
            problems.add(("answers", *error.path), error.message, error.keyword)
        cleaned = validated.data
        if validated.is_valid and version.scoring:
            from core.forms.scoring import score_answers

            result = score_answers(version.scoring, cleaned)
            # The checklist's own scoring gives the score and the result
            # where the officer did not.
            if value is None and result.percent is not None:
                value = Decimal(str(round(result.percent, 1)))
            if passed is None and result.passed is not None:
                passed = result.passed
    if passed is None:
        problems.add("passed", _("Say whether the enterprise passed."), "required")
    problems.raise_any()
    assert scope.department is not None and day is not None
    return AcceptanceCheck.objects.create(
        enterprise=enterprise,
        department=scope.department,
        recorded_by=actor,
        kind=kind,
        campaign=campaign,
        sample=sample if kind == CheckKind.SPOT else None,
        definition=version.definition if version is not None else None,
        version_number=version.number if version is not None else None,
        answers=cleaned,
        passed=bool(passed),
        score=value,
        remarks=remarks,
        checked_on=day,
    )


def draw_sample(population_ids: Iterable[int], size: int, seed: int) -> list[int]:
    """The sample: the population's ids sorted, shuffled by ``random.Random(seed)``
    — same seed and same population, same sample."""
    ordered = sorted(set(population_ids))
    # Reproducibility is the point (a seeded draw anyone can repeat), not secrecy.
    draw = random.Random(seed)  # noqa: S311
    return sorted(draw.sample(ordered, min(size, len(ordered))))


@transaction.atomic
def spot_sample_draw(
    *, actor, size: int, campaign: Campaign | None = None, seed: int | None = None
) -> SpotCheckSample:
    """The committee office draws a sample of the campaign's targets (or of
    every enterprise); the seed is stored so the draw can be repeated."""
    from core.campaigns.progress import campaign_targets

    scope = scope_for(actor)
    if not scope.sees_everything or scope.department is None:
        raise Refused(_("Only the safety committee office runs spot checks."))
    problems = Problems()
    try:
        size = int(size)
    except (TypeError, ValueError):
        size = 0
    if not 1 <= size <= MAX_SAMPLE:
        problems.add(
            "size",
            _("Enter a number from %(low)d to %(high)d.")
            % {"low": 1, "high": MAX_SAMPLE},
        )
    problems.raise_any()
    population = (
        campaign_targets(campaign, scope=scope) if campaign else scope.enterprises()
    )
    ids = list(population.values_list("pk", flat=True))
    if seed is None:
        seed = random.SystemRandom().randrange(1, 2**31)
    return SpotCheckSample.objects.create(
        department=scope.department,
        created_by=actor,
        campaign=campaign,
        seed=seed,
        size=min(size, len(ids)),
        population_size=len(ids),
        enterprise_ids=draw_sample(ids, size, seed),
    )


# -- assessment --------------------------------------------------------------------------


@transaction.atomic
def assessment_publish(
    *, actor, campaign: Campaign, start: datetime.date, end: datetime.date
):
    """Publish the assessment of ``campaign`` for ``start``–``end`` as a
    circular (通报) of the committee office on the public site. Only the
    committee office's users publish it; the circular is the notices app's
    page type (``core.notices.services.create_circular``)."""
    from core.campaigns.assessment import assessment_circular, campaign_assessment
    from core.notices.services import create_circular

    scope = scope_for(actor)
    if not scope.sees_everything or scope.department is None:
        raise Refused(_("Only the committee office publishes the assessment."))
    if end < start:
        raise Invalid.at(("end",), _("The end cannot be before the start."))
    title, body = assessment_circular(
        campaign_assessment(campaign, start=start, end=end)
    )
    return create_circular(
        actor=actor,
        title=title,
        body_html=body,
        issuer=scope.department,
        publish=True,
    )
