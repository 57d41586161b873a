"""The enterprise home's to-do: what is waiting for the signed-in user.

Each module of the core registers a source (``register_todo``) from its
``AppConfig.ready``: a function ``(scope, enterprise, user, today)`` that
returns ``TodoItem`` rows for the enterprise's own records, each with the link
that does it, in a fixed number of queries. Sources read only; the home page
shows the items by urgency. A source that fails is logged and left out, so one
module's bug does not take the home page down.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TodoItem:
    """One thing to do, with the page that does it.

    ``kind`` groups and styles it (``returned``, ``overdue``, ``reassess``,
    ``due``, ``draft``, ``unassessed``); ``urgency`` orders (0 first).
    """

    kind: str
    title: str
    detail: str
    url: str
    action: str
    urgency: int = 5
    due: datetime.date | None = None


Source = Callable[..., list[TodoItem]]
_SOURCES: list[Source] = []

#: How many items a source lists at most (a link to its page shows the rest).
TODO_LIMIT = 8


def register_todo(source: Source) -> Source:
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def portal_todo(
    *, scope: Any, enterprise: Any, user: Any, today: datetime.date
) -> list[TodoItem]:
    """Every registered source's items, most urgent first."""
    items: list[TodoItem] = []
    for source in _SOURCES:
        try:
            items += source(scope=scope, enterprise=enterprise, user=user, today=today)
        except Exception:  # one module's bug must not take the home page down
            logger.exception("to-do source %r failed", source)
    return sorted(items, key=lambda item: (item.urgency, item.due or datetime.date.max))
