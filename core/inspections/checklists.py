"""The checklist an inspection task fills.

A risk point's checklist is generated from its active control measures: one
section per risk event, one check item per measure, each marked so that a
non-compliant answer opens a general hazard (``hazard_grade``). It is a form
definition of the pseudo-pack ``GENERATED_PACK`` (never a department's, never
deactivated by the pack sync) under the key ``insp_point_<id>``; a new
version is published only when the measures changed (their fingerprint is
kept in ``pack_version``), so a task keeps the version it was generated with.

A pack checklist that declares the library entries it inspects
(``FormDefinitionContribution.risk_points``) is used instead for the points
an enterprise copied from those entries (``pack_checklists``); see
docs/inspections.md.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import override

from core.forms.models import Fillers, FormDefinition, FormVersion, Kind
from core.forms.services import definition_create, definition_publish
from core.forms.services.definitions import definition_check
from core.risks.models import RiskPoint

GENERATED_PACK = "safegrid.inspections"
LABEL_MAX = 300


def point_checklist_key(point_id: int) -> str:
    return f"insp_point_{point_id}"


def point_blocks(point: RiskPoint, measures: list) -> list[dict[str, Any]]:
    """Stream data of the point's checklist: a section per event."""
    sections: dict[int, dict[str, Any]] = {}
    for measure in measures:
        section = sections.setdefault(
            measure.event_id,
            {
                "type": "section",
                "value": {
                    "key": f"e{measure.event_id}",
                    "title": (measure.event.name or point.name)[:200],
                    "questions": [],
                },
            },
        )
        section["value"]["questions"].append(
            {
                "type": "check_item",
                "value": {
                    "key": f"m{measure.pk}",
                    "label": measure.description[:LABEL_MAX],
                    "points": 10,
                    "hazard_grade": "general",
                    "evidence": {"requires_photo": False, "requires_note": True},
                },
            }
        )
    if not sections:
        # A point without measures is still inspected: one overall item.
        with override("zh-hans"):
            label = _("The risk point is in a safe state")
        return [
            {
                "type": "check_item",
                "value": {
                    "key": "overall",
                    "label": label,
                    "points": 10,
                    "hazard_grade": "general",
                    "evidence": {"requires_photo": False, "requires_note": True},
                },
            }
        ]
    return list(sections.values())


def _fingerprint(blocks: list[dict[str, Any]], title: str) -> str:
    raw = json.dumps([title, blocks], sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(raw.encode()).hexdigest()  # noqa: S324 - a fingerprint


def pack_checklists(sources: set[str]) -> dict[str, FormVersion]:
    """For risk points copied from a pack's library (``RiskPoint.source``,
    ``"<pack>:<entry key>"``), the published version of the pack checklist
    that declares it inspects that entry (the first one, in the pack's
    order); one query for all of them."""
    from plugins.contributions import FormDefinitionContribution
    from plugins.manager import get_plugin_manager

    wanted = {source for source in sources if source}
    if not wanted:
        return {}
    keys: dict[str, tuple[str, str]] = {}
    for plugin_name, item in get_plugin_manager().collect("safegrid_form_definitions"):
        if not isinstance(item, FormDefinitionContribution) or item.kind != "checklist":
            continue
        for entry in item.risk_points:
            source = f"{plugin_name}:{entry}"
            if source in wanted:
                keys.setdefault(source, (plugin_name, item.key))
    if not keys:
        return {}
    originals: dict[tuple[str, str], FormVersion] = {
        (definition.pack, definition.key): definition.published_version
        for definition in FormDefinition.objects.filter(
            key__in={key for _pack, key in keys.values()},
            department__isnull=True,
            is_active=True,
            published_version__isnull=False,
        ).select_related("published_version")
        if definition.published_version is not None
    }
    return {
        source: originals[pair] for source, pair in keys.items() if pair in originals
    }


def point_checklist(point: RiskPoint, measures: list | None = None) -> FormVersion:
    """The published version of ``point``'s generated checklist, created or
    re-published when its measures changed."""
    if measures is None:
        measures = list(
            point.measures.filter(is_active=True)
            .select_related("event")
            .order_by("event_id", "order", "pk")
        )
    blocks = point_blocks(point, measures)
    title = point.name[:150]
    return _generated_checklist(
        point_checklist_key(point.pk),
        blocks,
        _fingerprint(blocks, title),
        title_zh=f"{title} 排查",
        title_en=f"{title} inspection",
    )


def source_checklist(source_id: int, title: str) -> FormVersion:
    """The checklist of a major hazard source without a risk point: one item,
    the head's check of the source (``insp_source_<id>``)."""
    key = f"insp_source_{source_id}"
    blocks = [
        {
            "type": "check_item",
            "value": {
                "key": "source_safe",
                "label": title[:LABEL_MAX],
                "points": 10,
                "hazard_grade": "general",
                "evidence": {"requires_photo": False, "requires_note": True},
            },
        }
    ]
    return _generated_checklist(
        key,
        blocks,
        _fingerprint(blocks, title),
        title_zh=title[:200],
        title_en=title[:200],
    )


def _generated_checklist(
    key: str, blocks: list, fingerprint: str, *, title_zh: str, title_en: str
) -> FormVersion:
    """The published version of the generated checklist ``key``: created,
    or its body and titles replaced and re-published when ``fingerprint``
    (of the blocks and title) changed; as it is otherwise."""
    definition = (
        FormDefinition.objects.select_related("published_version")
        .filter(key=key)
        .first()
    )
    if definition is None:
        definition = definition_create(
            department=None,
            key=key,
            title_zh=title_zh,
            title_en=title_en,
            kind=Kind.CHECKLIST,
            blocks=blocks,
            pack=GENERATED_PACK,
            pack_version=fingerprint,
            fillers=Fillers.ASSIGNED_STAFF,
        )
        return definition_publish(definition=definition)
    if definition.pack_version == fingerprint and definition.published_version:
        return definition.published_version
    definition.body, _problems = definition_check(blocks)
    definition.title_zh = title_zh
    definition.title_en = title_en
    definition.pack_version = fingerprint
    definition.save()
    return definition_publish(definition=definition)
