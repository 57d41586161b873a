"""Writes of notifications.

``notify`` is called by other services once they have decided that a user is
to be told something (their permission checks come first); marking read is
the recipient's own act.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.base.errors import Refused
from core.notifications.models import Notification


def notify(
    recipient,
    verb: str,
    target=None,
    url: str = "",
    *,
    actor=None,
    params: Mapping[str, Any] | None = None,
):
    """Tell ``recipient`` ``verb``, about ``target``, linking to ``url`` (a
    path of the platform).

    With ``params``, ``verb`` is a msgid (marked with ``gettext_noop``) with
    ``%(name)s`` placeholders: it is stored untranslated and shown in the
    language of whoever reads it. A parameter may be given per language
    (``{"zh-hans": "消防检查表", "en": "Fire checklist"}``). Without
    ``params``, ``verb`` is a finished sentence, shown as it is.
    """
    notification = Notification(
        recipient=recipient,
        actor=actor,
        verb=str(verb)[:300],
        verb_is_key=params is not None,
        params=dict(params or {}),
        url=url[:500],
    )
    if target is not None:
        notification.target_type = ContentType.objects.get_for_model(target)
        notification.target_id = str(target.pk)
    notification.save()
    _hand_to_channels(notification)
    return notification


def _hand_to_channels(notification: Notification) -> None:
    """Each plugin channel (``safegrid_notification_channels``: SMS,
    e-mail…) delivers the notification in a background job, once it is
    committed; the in-app notification never waits for one."""
    from core.jobs.base import enqueue_on_commit
    from core.notifications.tasks import deliver_notification
    from plugins.manager import get_plugin_manager

    for _plugin, channel in get_plugin_manager().collect_static(
        "safegrid_notification_channels"
    ):
        enqueue_on_commit(deliver_notification, notification.pk, channel.key)


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
