"""The handbook's sections: the core's, the packs', as each industry wants them.

The enterprise handbook prints, between its contents and its revision
history, a list of sections:

* the core's (``CORE_SECTIONS``: profile, method and thresholds, risk points,
  checklists, emergency, site plan), always available;
* the sections the packs of the enterprise's industries contribute through
  ``safegrid_document_sections()`` (``document="handbook"``): their title and
  what they hold, for the enterprise to fill with its own notes.

An industry's department chooses which are printed, their order, their
heading and an introduction (``HandbookSectionSetting``, plain text, edited in
the admin, no code and no HTML). The enterprise adds its own notes under any
section (``HandbookNote``, plain text). Everything is context data, escaped
where the sandboxed template prints it.

An enterprise of several industries follows the settings of its first
industry (by code) that has any; the packs' sections of all its industries
are offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from core.documents.models import HandbookNote, HandbookSectionSetting
from core.organizations.models import Industry

HANDBOOK = "handbook"
INTRO_MAX = 2000
HEADING_MAX = 100
NOTE_MAX = 4000

#: The core sections, in their default order (key, heading).
CORE_SECTIONS: tuple[tuple[str, Any], ...] = (
    ("core:profile", _("Enterprise profile")),
    ("core:methods", _("Method and thresholds")),
    ("core:risk_points", _("Risk points graded by level")),
    ("core:checklists", _("Inspection checklists and periods")),
    ("core:emergency", _("Emergency contacts and measures")),
    ("core:site_plan", _("Four-colour risk distribution map")),
)


@dataclass
class Section:
    key: str
    title: str
    description: str = ""
    order: int = 0
    included: bool = True
    heading: str = ""
    intro: str = ""
    core: bool = False

    @property
    def shown_title(self) -> str:
        return self.heading or self.title


def available_sections(industry_codes: list[str]) -> list[Section]:
    """The core sections and the packs' handbook sections of these
    industries, in their default order (no database query)."""
    from plugins.manager import get_plugin_manager

    sections = [
        Section(key=key, title=str(title), order=(index + 1) * 10, core=True)
        for index, (key, title) in enumerate(CORE_SECTIONS)
    ]
    contributed = []
    for plugin, item in get_plugin_manager().collect("safegrid_document_sections"):
        if getattr(item, "document", None) != HANDBOOK:
            continue
        if industry_codes is not None and item.industry not in industry_codes:
            continue
        contributed.append(
            Section(
                key=f"{plugin}:{item.key}",
                title=str(item.title),
                description=str(item.contents),
                order=1000 + int(item.order),
            )
        )
    contributed.sort(key=lambda s: (s.order, s.key))
    return sections + contributed


def industry_sections(industry: Industry) -> list[Section]:
    """The sections of ``industry`` as its department set them (one query)."""
    return _apply(
        available_sections([industry.code]),
        HandbookSectionSetting.objects.filter(industry=industry),
    )


def _apply(sections: list[Section], settings) -> list[Section]:
    by_key = {s.key: s for s in settings}
    for section in sections:
        setting = by_key.get(section.key)
        if setting is not None:
            section.included = setting.included
            section.order = setting.order
            section.heading = setting.heading
            section.intro = setting.intro
    sections.sort(key=lambda s: (s.order, s.key))
    return sections


def enterprise_sections(
    *, enterprise_id: int, industries: list[Industry]
) -> list[dict[str, Any]]:
    """The sections the enterprise's handbook prints, in order, with the
    department's heading and introduction and the enterprise's notes (two
    queries)."""
    codes = sorted(i.code for i in industries)
    sections = available_sections(codes)
    settings = list(
        HandbookSectionSetting.objects.filter(
            industry__in=[i.pk for i in industries]
        ).select_related("industry")
    )
    first = min((s.industry.code for s in settings), default=None)
    sections = _apply(sections, [s for s in settings if s.industry.code == first])
    notes = dict(
        HandbookNote.objects.filter(enterprise_id=enterprise_id).values_list(
            "key", "text"
        )
    )
    return [
        {
            "key": section.key,
            "title": section.shown_title,
            "description": section.description,
            "intro": _paragraphs(section.intro),
            "notes": _paragraphs(notes.get(section.key, "")),
            "core": section.core,
        }
        for section in sections
        if section.included
    ]


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
