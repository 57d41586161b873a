"""Directives: the audience, the send and its notifications, the inbox, reading
and replying, and the daily reminders.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.base.errors import Problems, Refused
from core.campaigns.models import (
    Audience,
    Directive,
    DirectiveRecipient,
)
from core.campaigns.services.base import (
    MAX_LIST,
    MAX_REMINDERS,
    REMIND_WITHIN_DAYS,
    REMINDER_BATCH,
    TEXT_MAX,
    may_send_directives,
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
