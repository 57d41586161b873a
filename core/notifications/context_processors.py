"""The bell's figure for every page that shows it (the portal's header).

Given as a callable that counts once, when a template first reads
``notifications_unread``: a page that shows no bell asks nothing. The portal
frame thus needs no import of this app (the app renders inside the frame).
"""

from __future__ import annotations

from typing import Any

from core.notifications.selectors import unread_count


class _UnreadCount:
    """Counted on first use, then remembered for the request."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self.value: int | None = None

    def __call__(self) -> int:
        if self.value is None:
            self.value = unread_count(self.user)
        return self.value


def notifications(request) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notifications_unread": _UnreadCount(user)}
