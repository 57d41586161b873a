"""Reads of notifications: always the user's own."""

from __future__ import annotations

from core.notifications.models import Notification

SHOWN = 50


def notifications_of(user, *, limit: int = SHOWN):
    """The user's latest notifications (index-served: recipient, newest first)."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")[
        :limit
    ]


def unread_count(user) -> int:
    """How many the user has not read (capped: the bell shows "9+")."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True)[
        :10
    ].count()


def notification_of(user, pk: int) -> Notification | None:
    return Notification.objects.filter(recipient=user, pk=pk).first()
