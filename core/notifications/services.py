"""Writes of notifications.

``notify`` is called by other services once they have decided that a user is
to be told something (their permission checks come first); marking read is
the recipient's own act.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.base.errors import Refused
from core.notifications.models import Notification


def notify(recipient, verb: str, target=None, url: str = "", *, actor=None):
    """Tell ``recipient`` ``verb`` (a sentence), about ``target``, linking to
    ``url`` (a path of the platform)."""
    notification = Notification(
        recipient=recipient, actor=actor, verb=str(verb)[:300], url=url[:500]
    )
    if target is not None:
        notification.target_type = ContentType.objects.get_for_model(target)
        notification.target_id = str(target.pk)
    notification.save()
    return notification


@transaction.atomic
def notification_open(*, actor, notification: Notification) -> Notification:
    """The recipient reads a notification."""
    if notification.recipient_id != actor.pk:
        raise Refused(_("This notification is not yours."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor) -> int:
    """The user's unread notifications, all marked read."""
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )
