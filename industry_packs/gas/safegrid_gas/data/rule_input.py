"""Turn a filled checklist of this pack into the input of its scoring rule.

The road transport and gas packs score their checklists with a rule of the
same shape (``checklist_scoring.ChecklistMethod``): scored ``items`` (key,
full score, deduction or missing) plus ``major_hazard_criteria`` answers.
This module (identical in both packs) is the mapping the forms feature can
call until it maps definitions onto rules itself:

* a check item with a ``deduction`` becomes an item whose full score is that
  deduction and which loses all of it when non-compliant (missing when not
  applicable); items in a repeatable group are keyed ``group.index.key``;
* a check item naming a ``criterion`` (or a criteria checklist's own item)
  answers that criterion; when several items name the same criterion the
  worst answer counts; a ``precondition`` question answered "yes" (the user
  was notified in writing) is passed on as ``notified_in_writing``.
"""

from __future__ import annotations

from typing import Any

WORST_FIRST = ("non_compliant", "compliant", "not_applicable")


def rule_input(
    definition: dict[str, Any],
    answers: dict[str, Any],
    notes: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The rule input of one filled ``definition``; ``answers`` by question key."""
    notes = notes or {}
    items: list[dict[str, Any]] = []
    criteria: dict[str, dict[str, Any]] = {}
    for sec in definition["sections"]:
        _walk(sec["items"], answers, notes, "", items, criteria)
    payload: dict[str, Any] = {}
    if items:
        payload["items"] = items
    if criteria:
        payload["major_hazard_criteria"] = criteria
    if "pass_mark" in definition["scoring"]:
        payload["pass_mark"] = definition["scoring"]["pass_mark"]
    return payload


def _walk(questions, answers, notes, prefix, items, criteria) -> None:
    for q in questions:
        if q["type"] == "group":
            for index, entry in enumerate(answers.get(q["key"], [])):
                _walk(
                    q["questions"],
                    entry,
                    notes,
                    f"{prefix}{q['key']}.{index}.",
                    items,
                    criteria,
                )
            continue
        if q["type"] != "check" or q["key"] not in answers:
            continue
        answer = answers[q["key"]]
        key = prefix + q["key"]
        if q.get("deduction"):
            item = {
                "key": key,
                "title": q["text"]["zh_hans"][:300],
                "full_score": q["deduction"],
            }
            if answer == "not_applicable":
                item["missing"] = True
            else:
                item["deduction"] = q["deduction"] if answer == "non_compliant" else 0
            if key in notes:
                item["note"] = notes[key]
            items.append(item)
        criterion = q.get("criterion") or (q["key"] if "article" in q else None)
        if criterion is None:
            continue
        entry: dict[str, Any] = {"status": answer}
        if key in notes:
            entry["note"] = notes[key]
        precondition = q.get("precondition")
        if precondition and answer == "non_compliant":
            entry["notified_in_writing"] = (
                answers.get(precondition["question"]) == "yes"
            )
        previous = criteria.get(criterion)
        if previous is None or WORST_FIRST.index(answer) < WORST_FIRST.index(
            previous["status"]
        ):
            criteria[criterion] = entry
