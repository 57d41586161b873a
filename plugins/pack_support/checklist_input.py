"""From a filled checklist to the input of a ``ChecklistMethod`` rule.

Two sources: a filled *neutral* checklist (``rule_input``, what a pack's own
tests and callers of the API use) and a forms-engine submission's breakdown
(``form_input``, what ``ChecklistMethod.form_rule`` receives). Both give the
method its scored ``items`` and its ``major_hazard_criteria`` answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from plugins.pack_support.content import iter_questions
from plugins.pack_support.scoring import form_answer

WORST_FIRST = ("non_compliant", "compliant", "not_applicable")


@dataclass(frozen=True)
class CriterionLink:
    """The criterion a check question answers, and its written-notice question."""

    criterion: str
    notice_question: str | None = None


def criterion_links(
    definitions: Sequence[Mapping[str, Any]],
) -> dict[str, CriterionLink]:
    """Which criterion each check question answers, by question key.

    A question names it (``criterion``), or is itself a criterion of a
    criteria checklist (it has an ``article``). The forms engine tells a rule
    question keys, not definitions, so a key must mean the same criterion in
    every definition scored by the method (``ValueError`` otherwise).
    """
    links: dict[str, CriterionLink] = {}
    for definition in definitions:
        for sec in definition["sections"]:
            for q in iter_questions(sec["items"]):
                criterion = q.get("criterion") or (q["key"] if "article" in q else None)
                if q["type"] != "check" or criterion is None:
                    continue
                link = CriterionLink(
                    criterion, (q.get("precondition") or {}).get("question")
                )
                if links.setdefault(q["key"], link) != link:
                    raise ValueError(
                        f"question {q['key']!r} answers different criteria in "
                        f"{definition['key']!r} and an earlier checklist"
                    )
    return links


class _Input:
    """The method's input as it is gathered: scored items and criteria answers."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.criteria: dict[str, dict[str, Any]] = {}

    def add_item(
        self, key: str, title: str, full: float, lost: float | None, note: str | None
    ) -> None:
        """A scored item of ``full`` points that lost ``lost`` (None: not applicable)."""
        item: dict[str, Any] = {"key": key, "title": title[:300], "full_score": full}
        if lost is None:
            item["missing"] = True
        else:
            item["deduction"] = lost
        if note:
            item["note"] = note
        self.items.append(item)

    def add_criterion(
        self, criterion: str, status: str, note: str | None, notified: bool | None
    ) -> None:
        entry: dict[str, Any] = {"status": status}
        if note:
            entry["note"] = note
        if notified is not None and status == "non_compliant":
            entry["notified_in_writing"] = notified
        previous = self.criteria.get(criterion)
        # Several questions may answer one criterion: the worst answer counts.
        if previous is None or WORST_FIRST.index(status) < WORST_FIRST.index(
            previous["status"]
        ):
            self.criteria[criterion] = entry

    def payload(self, pass_mark: float | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        if self.items:
            payload["items"] = self.items
        if self.criteria:
            payload["major_hazard_criteria"] = self.criteria
        if pass_mark is not None:
            payload["pass_mark"] = pass_mark
        return payload


def rule_input(
    definition: dict[str, Any],
    answers: dict[str, Any],
    notes: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The method's input from one filled neutral ``definition``.

    ``answers`` maps question keys to plain answers (``"non_compliant"``; a
    repeatable group to a list of such dicts); ``notes`` maps item keys
    (``group.index.key`` inside a group) to notes. A check item with a
    ``deduction`` becomes a scored item worth that deduction, all of it lost
    when non-compliant; one that answers a criterion answers it, with
    ``notified_in_writing`` from its notice question answered "yes".
    """
    gathered = _Input()
    links = criterion_links([definition])
    for sec in definition["sections"]:
        _walk(sec["items"], answers, notes or {}, "", gathered, links)
    return gathered.payload(definition["scoring"].get("pass_mark"))


def _walk(questions, answers, notes, prefix, gathered, links) -> None:
    for q in questions:
        if q["type"] == "group":
            for index, entry in enumerate(answers.get(q["key"], [])):
                prefixed = f"{prefix}{q['key']}.{index}."
                _walk(q["questions"], entry, notes, prefixed, gathered, links)
            continue
        if q["type"] != "check" or q["key"] not in answers:
            continue
        status, key = answers[q["key"]], prefix + q["key"]
        if q.get("deduction"):
            full = q["deduction"]
            lost = {"compliant": 0, "non_compliant": full}.get(status)
            gathered.add_item(key, q["text"]["zh_hans"], full, lost, notes.get(key))
        link = links.get(q["key"])
        if link is not None:
            notified = (
                answers.get(link.notice_question) == "yes"
                if link.notice_question
                else None
            )
            gathered.add_criterion(link.criterion, status, notes.get(key), notified)


def form_input(
    breakdown: Mapping[str, Any], links: Mapping[str, CriterionLink]
) -> dict[str, Any]:
    """The method's input from a forms-engine breakdown of a submission.

    ``breakdown`` is what the engine gives a ``checklist`` rule: ``items``
    (each check item with its points, result and entry of a repeatable
    group), ``sections`` and ``answers``. An item with points is a scored
    item of those points (its engine deduction is what it lost); an item that
    answers a criterion (``links``) answers it. Unanswered items are left out.
    """
    gathered = _Input()
    answers = breakdown["answers"]
    for row in breakdown["items"]:
        status, entry = row["result"], row.get("entry")
        if status is None:
            continue
        answer = form_answer(answers, row["key"], entry)
        note = answer.get("note") if isinstance(answer, dict) else None
        key = row["key"] if entry is None else f"{row['key']}.{entry}"
        if row["points"]:
            # The engine's deduction: what the item lost (it may be less than
            # its points when the definition sets a deduction).
            lost = None if status == "not_applicable" else row["deduction"]
            gathered.add_item(key, row["label"], row["points"], lost, note)
        link = links.get(row["key"])
        if link is not None:
            notified = (
                form_answer(answers, link.notice_question, entry) == "yes"
                if link.notice_question
                else None
            )
            gathered.add_criterion(link.criterion, status, note, notified)
    return gathered.payload()
