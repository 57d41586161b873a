"""Delivering a notification through a plugin's channel (SMS, e-mail…)."""

from __future__ import annotations

from django.utils import translation
from django.utils.module_loading import import_string

from core.jobs.base import job


@job(max_attempts=3, retry_delay=60)
def deliver_notification(notification_id: int, channel_key: str) -> str:
    """Hand one notification to the channel ``channel_key`` of the enabled
    plugins, in the recipient's language (their profile's, else the
    platform's). A channel that raises is retried, then the failure is
    recorded with its error (the admin's 后台任务 list); a channel no longer
    enabled, or a notification deleted meanwhile, is skipped."""
    from core.notifications.models import Notification
    from plugins.manager import get_plugin_manager

    notification = (
        Notification.objects.select_related("recipient")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None:
        return "gone"
    for _plugin, channel in get_plugin_manager().collect_static(
        "safegrid_notification_channels"
    ):
        if channel.key == channel_key:
            deliver = import_string(channel.deliver)
            with translation.override(_language_of(notification.recipient)):
                deliver(notification)
            return "delivered"
    return "no such channel"


def _language_of(user) -> str:
    from django.conf import settings

    profile = getattr(user, "wagtail_userprofile", None)
    return getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE
