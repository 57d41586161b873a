"""From a pack's neutral content to the hook dataclasses.

``ContentPack`` holds a pack's content (``plugins.pack_support.content``) and
implements five hooks from it; a pack's ``plugin.py`` exposes them next to
its own ``safegrid_industries()`` and ``safegrid_scoring_rules()``::

    PACK = ContentPack(data.content())
    safegrid_risk_library = PACK.safegrid_risk_library
    safegrid_form_definitions = PACK.safegrid_form_definitions
    ...

The mapping, in short (docs/packs.md has the whole of it):

* a risk point becomes a ``RiskLibraryEntry``, exactly: each event with the
  measures written for it, the factors that cause it (with their texts), its
  suggested assessment and direct-determination hints; the point's control
  level and inspection period. An enterprise's copy offers the suggestion
  pre-filled and assesses its own conditions.
* checklists, forms and criteria become ``FormDefinitionContribution`` block
  streams in Chinese (blocks carry one language; the title has both). Check
  items keep their hazard grade; a criterion's article and the edition of its
  standard go into the help and the first section's introduction. Deduction
  scoring becomes the engine's ``weighted`` rule with each section weighted by
  its full points: 0-100, the share of all points kept when every item
  applies (a section's not-applicable items leave its percentage). A
  number with a ``full_score`` (a JGJ 59 item) becomes a check item of those
  points plus the deduction, asked when non-compliant.
* the version string of a definition is a digest of what it contributes, so
  a release re-publishes exactly the originals it changes (the forms engine
  publishes a new version whenever the string changes).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from plugins import hookimpl
from plugins.contributions import (
    FORM_DUE,
    DocumentSection,
    FormDefinitionContribution,
    I18nText,
    InspectionPeriod,
    InspectionSchedule,
    MonitoringParameter,
    MonitoringThreshold,
    RiskLibraryEntry,
    RiskLibraryEvent,
    RiskLibraryFactor,
    RiskLibraryMeasure,
    SuggestedAssessment,
)
from plugins.pack_support.content import QUESTION_BLOCKS

Block = dict[str, Any]
DEDUCTION_SUFFIX = "_deduction"
# An industry's sections come after the core's common ones (order below 100).
FIRST_SECTION_ORDER = 100


def i18n(text: Mapping[str, str]) -> I18nText:
    """A content text (``{"zh_hans", "en"}``) as ``I18nText``."""
    return I18nText(zh_hans=text["zh_hans"], en=text["en"])


def _i18n_of(item: Mapping[str, Any], key: str) -> I18nText | None:
    """``item[key]`` as ``I18nText``; None when the item has no such text."""
    return i18n(item[key]) if item.get(key) else None


def _period(period: Mapping[str, Any] | None) -> InspectionPeriod | None:
    """A content period (``{"every", "unit", "times"}``), None when there is none."""
    if not period:
        return None
    return InspectionPeriod(
        every=period["every"], unit=period["unit"], times=period.get("times", 1)
    )


def _cite(basis: Mapping[str, Any]) -> str:
    return " ".join(filter(None, (basis["document"], basis.get("clause"))))


# -- risk library --------------------------------------------------------------


def risk_library(content: Mapping[str, Any]) -> list[RiskLibraryEntry]:
    """The content's risk points as ``safegrid_risk_library()`` entries.

    Exact: each event with its own measures, the factors that cause it (with
    their texts), its suggested assessment and direct-determination hints;
    the point's control level and inspection period.
    """
    return [
        _library_entry(point, content["industry"]) for point in content["risk_points"]
    ]


def _library_entry(point: Mapping[str, Any], industry: str) -> RiskLibraryEntry:
    factors = [
        (RiskLibraryFactor(code=f["code"], text=i18n(f["text"])), f["events"])
        for f in point["hazard_factors"]
    ]
    return RiskLibraryEntry(
        key=point["key"],
        industry=industry,
        name=i18n(point["name"]),
        kind=point["kind"],
        description=_i18n_of(point, "description"),
        control_level=point["control_level"],
        inspection_period=_period(point.get("inspection_period")),
        events=tuple(
            RiskLibraryEvent(
                name=i18n(event["name"]),
                accident_types=tuple(event["accident_types"]),
                hazard_factors=tuple(
                    f for f, causes in factors if event["key"] in causes
                ),
                measures=tuple(
                    RiskLibraryMeasure(kind=m["type"], text=i18n(m["text"]))
                    for m in event["measures"]
                ),
                suggested_assessment=SuggestedAssessment(
                    method=event["assessment"]["method"],
                    inputs=dict(event["assessment"]["inputs"]),
                ),
                direct_conditions=tuple(event["direct_rules"]),
            )
            for event in point["events"]
        ),
    )


def inspection_schedules(content: Mapping[str, Any]) -> list[InspectionSchedule]:
    """The content's schedules as ``safegrid_inspection_schedules()``."""
    schedules = []
    for item in content["schedules"]:
        schedules.append(
            InspectionSchedule(
                key=item["key"],
                industry=content["industry"],
                title=i18n(item["title"]),
                who=item["who"],
                check_kind=item["check_kind"],
                basis=_cite(item["basis"]),
                every=_period(item["every"]),
                triggers=tuple(item["triggers"]),
                applies_to=item["applies_to"],
                description=_i18n_of(item, "description"),
            )
        )
    return schedules


# -- monitoring and documents --------------------------------------------------


def monitoring_parameters(content: Mapping[str, Any]) -> list[MonitoringParameter]:
    """The content's monitored parameters as ``safegrid_monitoring_parameters()``."""
    parameters = []
    for item in content["monitored_parameters"]:
        thresholds = tuple(
            MonitoringThreshold(
                level=i18n(t["level"]),
                operator=t["op"],
                value=t["value"],
                basis=_cite(t["basis"]) if t.get("basis") else "",
                typical=bool(t.get("typical")),
            )
            for t in item["thresholds"]
        )
        parameters.append(
            MonitoringParameter(
                key=item["key"],
                industry=content["industry"],
                name=i18n(item["parameter"]),
                unit=item["unit"],
                sensor=i18n(item["sensor"]),
                risk_points=tuple(item["risk_points"]),
                thresholds=thresholds,
                basis=tuple(dict.fromkeys(t.basis for t in thresholds if t.basis)),
                note=_i18n_of(item, "note"),
            )
        )
    return parameters


def document_sections(content: Mapping[str, Any]) -> list[DocumentSection]:
    """The content's document sections, ordered as listed after the core's own."""
    return [
        DocumentSection(
            document=document,
            key=section["key"],
            industry=content["industry"],
            title=i18n(section["title"]),
            contents=i18n(section["contains"]),
            order=FIRST_SECTION_ORDER + 10 * index,
        )
        for document, sections in content["documents"].items()
        for index, section in enumerate(sections)
    ]


# -- form definitions ----------------------------------------------------------


def form_definitions(
    content: Mapping[str, Any],
    *,
    form_rules: Mapping[str, str] | None = None,
) -> list[FormDefinitionContribution]:
    """The content's checklists, forms and criteria as form definitions.

    ``form_rules`` maps the key of a pack rule a definition is scored by
    (``road_transport_check``) to the key of its forms-engine rule
    (``road_transport_checklist``, see ``ChecklistMethod.form_rule``).
    """
    editions = {e["key"]: e for e in content["criteria_editions"]}
    definitions = content["checklists"] + content["forms"] + content["criteria"]
    return [
        form_definition(
            definition,
            form_rules=form_rules or {},
            edition=editions.get(definition.get("edition")),
        )
        for definition in definitions
    ]


def form_definition(
    definition: Mapping[str, Any],
    *,
    form_rules: Mapping[str, str],
    edition: Mapping[str, Any] | None = None,
) -> FormDefinitionContribution:
    """One neutral definition as a ``FormDefinitionContribution``."""
    blocks = [_section_block(s) for s in definition["sections"]]
    intro = [definition.get("description", {}).get("zh_hans", "")]
    if edition is not None:
        intro.append(_edition_text(edition))
    first = blocks[0]["value"]
    first["description"] = "\n".join(filter(None, [*intro, first["description"]]))
    scoring = _scoring(definition, blocks, form_rules)
    publication = definition.get("publication") or {}
    contributed = {
        "key": definition["key"],
        "title": i18n(definition["title"]),
        "kind": definition["kind"],
        "industry": definition["industry"],
        "blocks": blocks,
        "scoring": scoring,
        "public_fields": tuple(publication.get("shown_fields", ())),
    }
    if definition.get("fillers"):
        # Only when declared, so the digest of every other definition stays.
        contributed["fillers"] = definition["fillers"]
    due = _due(definition.get("recurrence"))
    if due:
        contributed["due"] = due
    # Which library points it inspects does not change the form: not digested.
    return FormDefinitionContribution(
        **contributed,
        version=_digest(contributed),
        risk_points=tuple(definition.get("risk_points", ())),
    )


def _due(recurrence: Mapping[str, Any] | None) -> str:
    """A definition's ``recurrence`` (``{"every": 1, "unit": "day"}``) as the
    period it is due without an assignment (``FORM_DUE``; "" when it is not
    once per day, week, month, quarter or year)."""
    if not recurrence or recurrence.get("every", 1) != 1:
        return ""
    unit = recurrence.get("unit", "")
    due = "daily" if unit == "day" else f"{unit}ly"
    return due if due in FORM_DUE else ""


def _digest(contributed: Mapping[str, Any]) -> str:
    text = json.dumps(contributed, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _edition_text(edition: Mapping[str, Any]) -> str:
    title = edition["title"]["zh_hans"]
    dates = f"{edition['issued']}印发，{edition['effective']}起施行"
    status = "" if edition["status"] == "current" else "（已废止）"
    return f"判定依据：{edition['document']}《{title}》，{dates}{status}。"


def _scoring(
    definition: Mapping[str, Any], blocks: list[Block], form_rules: Mapping[str, str]
) -> dict[str, Any]:
    scoring = definition["scoring"]
    if scoring["method"] == "none":
        return {"rule": "none"}
    if scoring["method"] == "deduction":
        # Weighting each section by its full points makes the weighted sum the
        # share of all points kept (0-100) when every item applies.
        for block in blocks:
            block["value"]["weight"] = _section_points(block)
        result = {"rule": "weighted"}
    else:
        result = {"rule": form_rules.get(scoring["rule"], scoring["rule"])}
    if scoring.get("pass_mark") is not None:
        result["pass_mark"] = scoring["pass_mark"]
    return result


def _section_points(block: Block) -> float:
    total = 0.0
    for question in block["value"]["questions"]:
        children = question["value"].get("fields") or [question]
        total += sum(
            c["value"].get("points", 0) for c in children if c["type"] == "check_item"
        )
    return total


def _section_block(section: Mapping[str, Any]) -> Block:
    questions: list[Block] = []
    for question in section["items"]:
        questions.extend(_question_blocks(question))
    for check in section.get("checks", ()):
        questions.append(
            {
                "type": "rule",
                "value": {
                    "left": check["left"],
                    "comparison": check["comparison"],
                    "right": check["right"],
                    "message": check["message"]["zh_hans"],
                },
            }
        )
    value = {
        "key": section["key"],
        "title": section["title"]["zh_hans"],
        "description": (section.get("help") or {}).get("zh_hans", ""),
        "questions": questions,
    }
    if section.get("show_if"):
        value["condition"] = _condition(section["show_if"])
    return {"type": "section", "value": value}


def _condition(show_if: Mapping[str, Any]) -> dict[str, str]:
    return {"question": show_if["question"], "value": str(show_if["equals"])}


def _base(question: Mapping[str, Any]) -> dict[str, Any]:
    value: dict[str, Any] = {
        "key": question["key"],
        "label": question["text"]["zh_hans"],
        "help_text": _help(question),
        "required": bool(question.get("required", True)),
    }
    if question.get("show_if"):
        value["condition"] = _condition(question["show_if"])
    return value


def _help(question: Mapping[str, Any]) -> str:
    parts = [(question.get("help") or {}).get("zh_hans", "")]
    cited = [_cite(b) for b in question.get("basis") or ()]
    if cited:
        parts.append("依据：" + "；".join(cited) + "。")
    if question.get("hazard_grade") == "major":
        parts.append("不符合即判定为重大事故隐患。")
    if question.get("precondition"):
        parts.append(question["precondition"]["text"]["zh_hans"] + "。")
    return " ".join(filter(None, parts))


def _evidence(kinds) -> dict[str, bool]:
    kinds = set(kinds or ())
    return {
        "requires_photo": bool(kinds & {"photo", "file"}),
        "requires_note": "note" in kinds,
    }


def _question_blocks(question: Mapping[str, Any]) -> list[Block]:
    kind = question["type"]
    if kind not in QUESTION_BLOCKS:
        raise ValueError(f"question {question['key']!r}: no block for type {kind!r}")
    block_type = QUESTION_BLOCKS[kind][0]
    value = _base(question)
    if kind == "check":
        # A check item is worth what non-compliance deducts (0: not scored).
        value.update(
            points=float(question.get("deduction") or 0),
            hazard_grade=question["hazard_grade"],
            allow_not_applicable=True,
            evidence=_evidence(question["evidence"]["require"]),
        )
        if question.get("catch_all"):
            value["evidence"]["requires_note"] = True  # say what was found
        return [{"type": block_type, "value": value}]
    if kind == "number" and question.get("full_score") is not None:
        return _deduction_item(question, value)
    if kind == "number":
        value.update(
            unit=question.get("unit", ""),
            minimum=question.get("min"),
            maximum=question.get("max"),
            warning_below=question.get("warn_min"),
            warning_above=question.get("warn_max"),
        )
        return [{"type": block_type, "value": value}]
    if kind in ("single_choice", "multiple_choice"):
        value["options"] = [
            {"value": c["value"], "label": c["label"]["zh_hans"]}
            for c in question["choices"]
        ]
        return [{"type": block_type, "value": value}]
    if kind == "group":
        fields = [
            block
            for child in question["questions"]
            for block in _question_blocks(child)
        ]
        value.update(
            entry_label=question["text"]["zh_hans"][:100],
            min_entries=question.get("min_items"),
            max_entries=question.get("max_items"),
            fields=fields,
        )
        return [{"type": block_type, "value": value}]
    # The others: the common settings and those the content type fixes.
    fixed = copy.deepcopy(QUESTION_BLOCKS[kind][1])
    return [{"type": block_type, "value": {**value, **fixed}}]


def _deduction_item(question: Mapping[str, Any], value: dict[str, Any]) -> list[Block]:
    """A scored deduction entry: a check item of its full score, then how much."""
    full = float(question["full_score"])
    label = value["label"].removesuffix("（扣分）")
    evidence = (question.get("evidence") or {}).get("require", ())
    check = {
        **value,
        "label": label,
        "points": full,
        "guarantee": bool(question.get("guarantee")),
        "allow_not_applicable": bool(question.get("allow_not_applicable")),
        "evidence": _evidence(evidence),
    }
    amount = {
        "key": question["key"] + DEDUCTION_SUFFIX,
        "label": f"{label}：扣分",
        "help_text": f"不符合时扣减的分数，0 < 扣分 ≤ {full:g}。",
        "required": True,
        "unit": question.get("unit", "分"),
        "minimum": 0,
        "maximum": full,
        "condition": {"question": question["key"], "value": "non_compliant"},
    }
    return [
        {"type": "check_item", "value": check},
        {"type": "number", "value": amount},
    ]


# -- the hooks -----------------------------------------------------------------


class ContentPack:
    """The hook implementations a pack's neutral content gives.

    ``form_rules`` maps a pack rule to its forms-engine rule (see
    ``form_definitions``). The dataclasses are built
    once: hooks are called on every use of the library.
    """

    def __init__(
        self,
        content: Mapping[str, Any],
        *,
        form_rules: Mapping[str, str] | None = None,
    ) -> None:
        self.content = content
        self.form_rules = dict(form_rules or {})
        self._library = risk_library(content)
        self._parameters = monitoring_parameters(content)
        self._sections = document_sections(content)
        self._schedules = inspection_schedules(content)

    @hookimpl
    def safegrid_risk_library(self) -> list[RiskLibraryEntry]:
        return list(self._library)

    @hookimpl
    def safegrid_form_definitions(self) -> list[FormDefinitionContribution]:
        # Built afresh on each call: blocks are mutable dicts the sync may fill.
        return form_definitions(self.content, form_rules=self.form_rules)

    @hookimpl
    def safegrid_monitoring_parameters(self) -> list[MonitoringParameter]:
        return list(self._parameters)

    @hookimpl
    def safegrid_document_sections(self) -> list[DocumentSection]:
        return list(self._sections)

    @hookimpl
    def safegrid_inspection_schedules(self) -> list[InspectionSchedule]:
        return list(self._schedules)
