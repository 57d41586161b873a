"""A deduction-based inspection score with an automatic fail on major hazards.

This is SafeGrid's own method, not one set by a standard (the pack README
says so and describes it). It scores a filled inspection checklist:

* Scored items: each has a full score and a deduction (capped at the full
  score), a score, or "missing" (not applicable). The score is the points
  scored over the points of the items checked, × 100 (0–100 whatever the
  items' full scores add up to); with no scored items there is no score.
* Major-hazard criteria: the items of the sector's 重大事故隐患判定标准, each
  answered compliant, non-compliant or not applicable. A non-compliant answer
  is a major accident hazard and fails the inspection whatever the score.
  Some criteria are a major hazard only under an extra condition (the gas
  standard's user-check items: only when the operator did not notify the
  user in writing); catch-all criteria need a note that says what was found.
* The inspection passes when no major hazard is found and the score (if
  any) is at least the pass mark: 80 unless the input sets ``pass_mark``
  (a department's checklist may set its own).

Road transport and urban gas score their checklists this way.
``ChecklistMethod.rule`` is the rule for the API; ``ChecklistMethod.form_rule``
scores a forms-engine submission with the same method. Filled checklists
become the method's input in ``plugins.pack_support.checklist_input``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import Any

from django.utils.translation import gettext as _

from plugins.contributions import I18nText, RuleKind, ScoringRule
from plugins.pack_support.checklist_input import criterion_links, form_input
from plugins.pack_support.scoring import (
    Problem,
    exact,
    form_result,
    form_scoring_rule,
    input_problems,
    item_score,
    pointer,
    refuse_problems,
    shown,
)
from plugins.schema_errors import CompiledSchema

PLACES = 2
STATUSES = ("compliant", "non_compliant", "not_applicable")
ITEM_KEY_PATTERN = r"^[A-Za-z0-9_.\-]{1,80}$"


@dataclass(frozen=True)
class Criterion:
    """One item of a 重大事故隐患判定标准, as a yes/no check.

    ``major_only_if_not_notified``: a finding is a major hazard only when the
    operator did not notify the user in writing. ``catch_all``: the article
    names no facts, so a non-compliant answer must say what was found.
    ``verified`` is False where the article text or number is not yet
    checked against the official text.
    """

    key: str
    article: I18nText
    text: I18nText
    group: str
    catch_all: bool = False
    major_only_if_not_notified: bool = False
    verified: bool = True


@dataclass(frozen=True)
class ChecklistMethod:
    """A checklist score tied to one determination standard."""

    key: str
    standard: I18nText
    criteria: tuple[Criterion, ...]
    default_pass_mark: Decimal = Decimal("80")

    def criterion(self, key: str) -> Criterion:
        return next(c for c in self.criteria if c.key == key)

    @cached_property
    def compiled_schema(self) -> CompiledSchema:
        return CompiledSchema(self.input_schema())

    def input_schema(self) -> dict[str, Any]:
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"{self.key}: inspection score with major-hazard criteria",
            "type": "object",
            "properties": {
                "items": {
                    "type": "array",
                    "description": "Scored checklist items.",
                    "items": _ITEM_SCHEMA,
                },
                "pass_mark": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 100,
                    "description": f"Lowest passing score (default {self.default_pass_mark}).",
                },
                "major_hazard_criteria": {
                    "type": "object",
                    "description": f"Answers to the criteria of {self.standard.zh_hans}.",
                    "properties": {c.key: _criterion_schema(c) for c in self.criteria},
                    "additionalProperties": False,
                    "x-messages": {
                        "additionalProperties": {
                            "zh-hans": (
                                "未知的判定标准条目“%(value)s”："
                                f"不属于{self.standard.zh_hans}。"
                            ),
                            "en": (
                                "Unknown criterion “%(value)s”: it is not an item "
                                f"of {self.standard.en}."
                            ),
                        }
                    },
                },
            },
            "additionalProperties": False,
            "minProperties": 1,
        }

    def validate(self, payload: Any) -> list[Problem]:
        """Every problem of ``payload``, each at its JSON Pointer (empty when fine)."""
        return input_problems(self.compiled_schema, payload) or self._item_problems(
            payload
        )

    def _item_problems(self, payload: Mapping[str, Any]) -> list[Problem]:
        """What the schema cannot say about valid input: an item given twice, a
        score above its full score, nothing to score."""
        problems: list[Problem] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(payload.get("items", [])):
            if item["key"] in seen:
                problems.append(
                    {
                        "path": pointer(["items", index, "key"]),
                        "message": _(
                            "Item “%(key)s” is already given (entry %(first)d)."
                        )
                        % {"key": item["key"], "first": seen[item["key"]] + 1},
                    }
                )
            else:
                seen[item["key"]] = index
            if "score" in item and item["score"] > item["full_score"]:
                problems.append(
                    {
                        "path": pointer(["items", index, "score"]),
                        "message": _(
                            "The score cannot exceed the item's full score %(full)s."
                        )
                        % {"full": f"{item['full_score']:g}"},
                    }
                )
        if not payload.get("items") and not payload.get("major_hazard_criteria"):
            problems.append(
                {
                    "path": "",
                    "message": _(
                        "Nothing to score: give scored items or criteria answers."
                    ),
                }
            )
        return problems

    def evaluate(self, payload: Any) -> dict[str, Any]:
        """Score one filled inspection (raises ``ScoringInputError`` if unacceptable)."""
        refuse_problems(self.validate(payload))
        return self._score(payload)

    def evaluate_valid(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """``evaluate`` for input the core has validated against the schema."""
        refuse_problems(self._item_problems(payload))
        return self._score(payload)

    def _score(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        pass_mark = exact(payload.get("pass_mark", self.default_pass_mark))
        rows, scored, checked_full = _score_items(payload.get("items", []))
        score = scored / checked_full * 100 if checked_full else None

        answers = payload.get("major_hazard_criteria", {})
        found, notified = [], []
        for criterion in self.criteria:
            answer = answers.get(criterion.key)
            if not answer or answer["status"] != "non_compliant":
                continue
            row = self._criterion_row(criterion, answer)
            if criterion.major_only_if_not_notified and answer["notified_in_writing"]:
                notified.append(row)
            else:
                found.append(row)

        reasons = [
            {
                "code": "major_hazard",
                "criterion": row["key"],
                "message": _(
                    "Major accident hazard found: %(article)s of %(standard)s."
                )
                % {
                    "article": self.criterion(row["key"]).article,
                    "standard": self.standard,
                },
            }
            for row in found
        ]
        if score is not None and score < pass_mark:
            reasons.append(
                {
                    "code": "below_pass_mark",
                    "criterion": None,
                    "message": _("The score %(score)s is below the pass mark %(mark)s.")
                    % {
                        "score": f"{shown(score, PLACES):g}",
                        "mark": f"{float(pass_mark):g}",
                    },
                }
            )
        passed = not reasons
        return {
            "value": shown(score, PLACES),
            "method": self.key,
            "standard": self.standard.zh_hans,
            "score": shown(score, PLACES),
            "pass_mark": float(pass_mark),
            "passed": passed,
            "grade": "pass" if passed else "fail",
            "automatic_fail": bool(found),
            "major_hazards": found,
            "notified_user_conditions": notified,
            "criteria_not_checked": [
                c.key for c in self.criteria if c.key not in answers
            ],
            "fail_reasons": reasons,
            "points_scored": shown(scored, PLACES),
            "points_checked": float(checked_full),
            "items": rows,
        }

    def rule(self, *, title: I18nText, description: I18nText) -> ScoringRule:
        """The rule for the ``safegrid_scoring_rules`` hook."""
        return ScoringRule(
            key=self.key,
            title=title,
            description=description,
            kind=RuleKind.INSPECTION,
            input_schema=self.input_schema(),
            evaluate=self.evaluate_valid,
        )

    def form_rule(
        self,
        *,
        key: str,
        title: I18nText,
        description: I18nText,
        content: Mapping[str, Any],
    ) -> ScoringRule:
        """The same method as a forms-engine scoring rule (``kind="checklist"``).

        ``content`` is the pack's neutral content: its checklists and criteria
        scored by this method say which question answers which criterion (see
        ``criterion_links``). The rule's result is the method's, with the
        score out of 100.
        """
        definitions = [
            d
            for d in content["checklists"] + content["criteria"]
            if d["scoring"].get("rule") == self.key
        ]
        links = criterion_links(definitions)

        def evaluate(breakdown: Mapping[str, Any]) -> dict[str, Any]:
            result = self.evaluate(form_input(breakdown, links))
            return form_result(result, score=result["score"])

        return form_scoring_rule(
            key=key, title=title, description=description, evaluate=evaluate
        )

    def _criterion_row(
        self, criterion: Criterion, answer: Mapping[str, Any]
    ) -> dict[str, Any]:
        return {
            "key": criterion.key,
            "article_zh": criterion.article.zh_hans,
            "article_en": criterion.article.en,
            "text_zh": criterion.text.zh_hans,
            "text_en": criterion.text.en,
            "group": criterion.group,
            "verified": criterion.verified,
            "note": answer.get("note", ""),
        }


_ITEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "key": {"type": "string", "pattern": ITEM_KEY_PATTERN},
        "title": {"type": "string", "maxLength": 300},
        "full_score": {"type": "number", "exclusiveMinimum": 0},
        "deduction": {"type": "number", "minimum": 0},
        "score": {"type": "number", "minimum": 0},
        "missing": {"const": True},
        "note": {"type": "string", "maxLength": 1000},
    },
    "required": ["key", "full_score"],
    "additionalProperties": False,
    "oneOf": [
        {"required": ["deduction"]},
        {"required": ["score"]},
        {"required": ["missing"]},
    ],
}


def _criterion_schema(criterion: Criterion) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "description": f"{criterion.article.zh_hans}: {criterion.text.zh_hans}",
        "properties": {
            "status": {"enum": list(STATUSES)},
            "note": {"type": "string", "maxLength": 1000},
        },
        "required": ["status"],
        "additionalProperties": False,
    }
    found = {"properties": {"status": {"const": "non_compliant"}}}
    if criterion.major_only_if_not_notified:
        schema["properties"]["notified_in_writing"] = {
            "type": "boolean",
            "description": "Whether the operator notified the user in writing to fix it.",
        }
        schema["if"] = found
        schema["then"] = {"required": ["notified_in_writing"]}
    if criterion.catch_all:
        schema["if"] = found
        schema["then"] = {
            "required": ["note"],
            "properties": {"note": {"minLength": 1}},
        }
    return schema


def unscored(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The last fields of an item's breakdown row, as they are before
    ``item_score`` fills in the deduction and the score."""
    return {
        "missing": bool(entry.get("missing")),
        "deduction": None,
        "capped": False,
        "score": None,
        "note": entry.get("note", ""),
    }


def _score_items(
    items: Sequence[Mapping[str, Any]],
) -> tuple[list[dict[str, Any]], Fraction, Fraction]:
    rows = []
    scored = Fraction(0)
    checked_full = Fraction(0)
    for item in items:
        full = exact(item["full_score"])
        row = {
            "key": item["key"],
            "title": item.get("title", ""),
            "full_score": float(full),
            **unscored(item),
        }
        rows.append(row)
        score = item_score(item, full, row, PLACES)
        if score is None:
            continue
        scored += score
        checked_full += full
    return rows, scored, checked_full
