"""Scoring a submission from its version's frozen scoring plan.

Per check item: compliant earns its points; non-compliant earns its points
minus its deduction (never below 0; no deduction: 0); not applicable and
unanswered items are left out of both the score and the maximum. Inside a
repeatable group each entry counts as an item.

Per section: the earned and possible points; its guarantee items (保证项目)
zero the section when their total — scaled to the full guarantee points when
some of them are not applicable, as JGJ 59 does — is below the section's
floor, or, when the section says so, when any of them scores 0.

Overall rules: ``none``; ``sum`` (points); ``weighted`` (each section's
percentage times its weight, divided by the weights of sections that have a
maximum; 0-100); or the key of a scoring rule of kind ``checklist``
contributed through ``safegrid_scoring_rules()``, evaluated by the scoring
engine (``core.scoring``) on the breakdown ``plugins.contributions`` defines
(``CHECKLIST_INPUT_SCHEMA``). The pass mark compares with the score.

A plugin rule never loses a submission: when it is not available, refuses
the breakdown or fails, the result keeps the sections and items with no
score, and ``error`` (and ``problems``, each at its path) says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from core.scoring import (
    InvalidInputs,
    RuleFailed,
    RuleKind,
    ScoringEngine,
    UnknownRule,
    scoring_engine,
)
from plugins.contributions import checklist_breakdown

BUILTIN_RULES = ("none", "sum", "weighted")


@dataclass
class ItemScore:
    key: str
    label: str
    section: str
    result: str | None
    points: float
    earned: float | None
    deduction: float
    guarantee: bool
    entry: int | None = None


@dataclass
class SectionScore:
    key: str
    title: str
    weight: float
    score: float
    max_score: float
    percent: float | None
    zeroed: bool = False
    zeroed_reason: str | None = None
    guarantee_score: float | None = None
    guarantee_max: float | None = None


@dataclass
class ScoreResult:
    rule: str
    score: float | None
    max_score: float | None
    percent: float | None
    passed: bool | None
    sections: list[SectionScore] = field(default_factory=list)
    items: list[ItemScore] = field(default_factory=list)
    grade: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    problems: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def score_answers(
    plan: Mapping[str, Any],
    answers: Mapping[str, Any],
    *,
    engine: ScoringEngine | None = None,
) -> ScoreResult:
    """Score ``answers`` (already valid for the version) by ``plan``.

    A plugin rule is taken from ``engine`` (default: the process-wide one).
    """
    rule = plan.get("rule") or "sum"
    sections: list[SectionScore] = []
    items: list[ItemScore] = []
    for section_plan in plan.get("sections", []):
        section_items = list(_item_scores(section_plan, answers))
        items.extend(section_items)
        sections.append(_section_score(section_plan, section_items))
    if rule == "none":
        return ScoreResult(rule, None, None, None, None, sections, items)
    if rule in ("sum", "weighted"):
        if rule == "sum":
            score = _round(sum(s.score for s in sections))
            max_score = _round(sum(s.max_score for s in sections))
            percent = _round(score / max_score * 100) if max_score else None
        else:
            counted = [s for s in sections if s.max_score > 0 and s.weight > 0]
            weights = sum(s.weight for s in counted)
            score = (
                _round(sum((s.percent or 0) * s.weight for s in counted) / weights)
                if weights
                else 0.0
            )
            max_score = 100.0
            percent = score
        result = ScoreResult(rule, score, max_score, percent, None, sections, items)
    else:
        result = _plugin_score(
            rule, sections, items, answers, engine or scoring_engine()
        )
    result.passed = _passed(plan, result)
    return result


def _item_scores(section_plan: Mapping[str, Any], answers: Mapping[str, Any]):
    for item in section_plan.get("items", []):
        if item.get("group"):
            entries = answers.get(item["group"]) or []
            for index, entry in enumerate(entries):
                yield _item_score(
                    section_plan, item, (entry or {}).get(item["key"]), index
                )
        else:
            yield _item_score(section_plan, item, answers.get(item["key"]), None)


def _item_score(section_plan, item, answer, entry) -> ItemScore:
    result = answer.get("result") if isinstance(answer, dict) else None
    points = float(item.get("points") or 0)
    earned: float | None
    if "scores" in item:  # a choice scored by its options
        chosen = [answer] if isinstance(answer, str) else answer
        chosen = (
            [c for c in chosen if isinstance(c, str)]
            if isinstance(chosen, list)
            else []
        )
        counted = [item["scores"][c] for c in chosen if c in item["scores"]]
        earned = float(sum(counted)) if counted else None
        if item.get("multiple") and earned is not None:
            earned = min(max(earned, 0.0), points)
        if any(c in item.get("findings", ()) for c in chosen):
            result = "non_compliant"
        elif earned is not None:
            result = "compliant"
        else:
            result = "not_applicable" if chosen else None
    elif result == "compliant":
        earned = points
    elif result == "non_compliant":
        deduction = item.get("deduction")
        earned = max(points - float(deduction), 0.0) if deduction is not None else 0.0
    else:
        earned = None  # not applicable or unanswered: not counted
    return ItemScore(
        key=item["key"],
        label=item.get("label", ""),
        section=section_plan["key"],
        result=result,
        points=points,
        earned=earned,
        deduction=_round(points - earned) if earned is not None else 0.0,
        guarantee=bool(item.get("guarantee")),
        entry=entry,
    )


def _section_score(
    section_plan: Mapping[str, Any], items: list[ItemScore]
) -> SectionScore:
    counted = [i for i in items if i.earned is not None]
    score = sum(i.earned for i in counted)
    max_score = sum(i.points for i in counted)
    section = SectionScore(
        key=section_plan["key"],
        title=section_plan.get("title", ""),
        weight=float(section_plan.get("weight", 1)),
        score=_round(score),
        max_score=_round(max_score),
        percent=_round(score / max_score * 100) if max_score else None,
    )
    guarantee_all = [i for i in items if i.guarantee]
    if guarantee_all:
        guarantee_counted = [i for i in guarantee_all if i.earned is not None]
        earned = sum(i.earned for i in guarantee_counted)
        possible = sum(i.points for i in guarantee_counted)
        # Not-applicable guarantee items: scale what was checked to the full
        # guarantee points before comparing with the floor (JGJ 59 §4).
        full = sum(i.points for i in guarantee_all)
        scaled = earned / possible * full if possible else None
        section.guarantee_score = _round(scaled) if scaled is not None else None
        section.guarantee_max = _round(full)
        floor = section_plan.get("guarantee_floor")
        if floor is not None and scaled is not None and scaled < float(floor):
            section.zeroed, section.zeroed_reason = True, "guarantee_floor"
        elif section_plan.get("zero_if_guarantee_item_fails") and any(
            i.earned == 0 for i in guarantee_counted
        ):
            section.zeroed, section.zeroed_reason = True, "guarantee_item_zero"
    if section.zeroed:
        section.score = 0.0
        section.percent = 0.0 if max_score else None
    return section


def _passed(plan: Mapping[str, Any], result: ScoreResult) -> bool | None:
    if result.passed is not None:
        return result.passed  # decided by a plugin rule
    pass_mark = plan.get("pass_mark")
    if result.score is None:
        return None
    if plan.get("fail_if_section_zeroed") and any(s.zeroed for s in result.sections):
        return False
    if pass_mark is None:
        return None
    return result.score >= float(pass_mark)


def _plugin_score(
    rule_key: str,
    sections: list[SectionScore],
    items: list[ItemScore],
    answers: Mapping[str, Any],
    engine: ScoringEngine,
) -> ScoreResult:
    def unscored(error: str, problems: list[dict[str, str]] | None = None):
        return ScoreResult(
            rule_key, None, None, None, None, sections, items,
            error=error, problems=problems or [],
        )  # fmt: skip

    try:
        evaluation = engine.evaluate(
            rule_key,
            checklist_breakdown(sections, items, answers),
            kind=RuleKind.CHECKLIST,
        )
        output = evaluation.details
        score = output.get("score")
        max_score = output.get("max_score")
        score = _round(float(score)) if score is not None else None
        max_score = _round(float(max_score)) if max_score is not None else None
        passed = output.get("passed")
        details = dict(output.get("details") or {})
    except UnknownRule:
        return unscored(
            _("The scoring rule “%(rule)s” is not available.") % {"rule": rule_key}
        )
    except InvalidInputs as invalid:
        # What the rule says about these answers (a pack's own message) is
        # kept and shown; the submission is stored all the same.
        return unscored(
            _("The scoring rule “%(rule)s” cannot score this form: %(reason)s")
            % {
                "rule": rule_key,
                "reason": " ".join(dict.fromkeys(e.reason for e in invalid.errors)),
            },
            invalid.as_list(),
        )
    except (RuleFailed, TypeError, ValueError, AttributeError) as failed:
        # A faulty plugin (or a result of the wrong shape) must not lose a
        # submission.
        reason = (
            failed.reason if isinstance(failed, RuleFailed) else type(failed).__name__
        )
        return unscored(
            _("The scoring rule “%(rule)s” failed: %(reason)s")
            % {"rule": rule_key, "reason": reason}
        )
    return ScoreResult(
        rule=rule_key,
        score=score,
        max_score=max_score,
        percent=_round(score / max_score * 100)
        if score is not None and max_score
        else None,
        passed=passed if isinstance(passed, bool) else None,
        sections=sections,
        items=items,
        grade=output.get("grade"),
        details=details,
    )


def _round(value: float) -> float:
    return round(float(value) + 0.0, 2)
