"""The urban gas pack's content as plain data, in the neutral shape.

The shape (risk library, checklists, criteria, monitoring, documents) is
described in ``plugins.pack_support.content``; ``content()`` returns it as one
dict, ``problems()`` checks it, and ``plugins.pack_support.adapters`` maps it
onto the hooks. Nothing here touches the database.
"""

from __future__ import annotations

from typing import Any

from plugins.pack_support.content import collect
from plugins.pack_support.validation import problems as content_problems

from .checklists import CHECKLISTS, FORMS  # noqa: F401 - read by content()
from .documents import DOCUMENTS, EMERGENCY_CARDS  # noqa: F401
from .emergency import EMERGENCY_TEMPLATES  # noqa: F401 - read by IndustryPack
from .major_hazard_criteria import CRITERIA, CRITERIA_EDITIONS  # noqa: F401
from .monitoring import MONITORED_PARAMETERS  # noqa: F401
from .risk_library import OPERATIONS, RISK_POINTS  # noqa: F401
from .sources import (  # noqa: F401
    INDUSTRY,
    INDUSTRY_DESCRIPTION,
    INDUSTRY_NAME,
    SOURCES,
)

# The standards this pack follows set no inspection frequencies: no schedules.
SCHEDULES: list[dict[str, Any]] = []


def content() -> dict[str, Any]:
    """Everything this pack ships, as one plain dict."""
    return collect(globals())


def problems() -> list[str]:
    """What is wrong with this pack's content, in plain words (empty when fine)."""
    return content_problems(content())
