"""Scoring rule ``jgj59``: site safety inspection score per JGJ 59-2011.

An inspector fills in the inspection tables (表B) that apply to the site: for
every item of a table either the deduction, the score, or "missing" (缺项,
not applicable on this site). Tables not filled in were not checked.

Per table (each out of 100):

* an item's deduction is capped at its full score;
* guarantee rule (tables with 保证项目): if a checked guarantee item scores 0,
  or the guarantee subtotal is below 40, the table scores 0. With guarantee
  items missing, the subtotal is first scaled to a 60-point basis
  (subtotal × 60 / full points of the guarantee items checked);
* otherwise C = D / E × 100 (A2), D = points scored on the items checked,
  E = their full points (with nothing missing, C = D).

Summary (表A): 脚手架, 物料提升机与施工升降机 and 塔式起重机与起重吊装 take the
arithmetic mean of their tables checked; each line scores A1 = B × C / 100;
the total is Σ A1, or Σ A1 / Σ B × 100 when lines are missing (A2 again).

Grade: ``excellent`` (优良) with no table at 0 and total ≥ 80; ``pass`` (合格)
with no table at 0 and 70 ≤ total < 80; ``fail`` (不合格) otherwise.

Arithmetic is exact; scores are shown truncated to 2 decimals (see
``plugins.pack_support.scoring``). Item full scores and their sources: ``jgj59_data``.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _

from plugins.contributions import I18nText, ScoringRule
from plugins.pack_support.adapters import DEDUCTION_SUFFIX
from plugins.pack_support.checklist_method import unscored
from plugins.pack_support.scoring import (
    Problem,
    ScoringInputError,
    entry_points,
    exact,
    form_answer,
    form_result,
    form_scoring_rule,
    input_problems,
    item_score,
    pointer,
    shown,
)
from plugins.schema_errors import CompiledSchema, parse_pointer
from safegrid_construction import jgj59_data as data

KEY = "jgj59"
KIND = "inspection"
TITLE = I18nText(
    zh_hans="建筑施工安全检查评分（JGJ 59-2011）",
    en="Construction site safety inspection score (JGJ 59-2011)",
)
DESCRIPTION = I18nText(
    zh_hans=(
        "按JGJ 59-2011对分项检查评分表逐项扣分，执行保证项目规则，按汇总表权重"
        "计算总分，评定优良、合格或不合格。"
    ),
    en=(
        "Scores the JGJ 59-2011 inspection tables item by item, applies the "
        "guarantee-item rule, weights them in the summary table and grades the "
        "site excellent, pass or fail."
    ),
)
PLACES = 2

TABLE_KEYS = [table.key for table in data.TABLES_IN_ORDER]


def _item_schema(item: data.Item) -> dict[str, Any]:
    full = float(item.full_score)
    return {
        "type": "object",
        "description": f"{item.name.zh_hans} / {item.name.en}: full score {full:g}.",
        "properties": {
            "deduction": {
                "type": "number",
                "minimum": 0,
                "description": "Points deducted (capped at the full score).",
            },
            "score": {
                "type": "number",
                "minimum": 0,
                "maximum": full,
                "description": "Points scored.",
            },
            "missing": {
                "const": True,
                "description": "Not applicable on this site (缺项).",
            },
            "note": {"type": "string", "maxLength": 1000},
        },
        "additionalProperties": False,
        "oneOf": [
            {"required": ["deduction"]},
            {"required": ["score"]},
            {"required": ["missing"]},
        ],
    }


# The schema's own messages (plugins.schema_errors, "x-messages").
UNKNOWN_TABLE = {
    "additionalProperties": {
        "zh-hans": "未知的检查表“%(value)s”：请使用JGJ 59-2011检查表的标识。",
        "en": "Unknown inspection table “%(value)s”: use one of the JGJ 59-2011 "
        "table keys.",
    }
}
ITEM_MESSAGES = {
    "additionalProperties": {
        "zh-hans": "未知检查项“%(value)s”：不属于该JGJ 59-2011检查表。",
        "en": "Unknown item “%(value)s”: it is not an item of this JGJ 59-2011 table.",
    },
    "required": {
        "zh-hans": "请填写该项的扣分（无扣分填0）或得分，或将其标记为缺项。",
        "en": "Enter this item's deduction (0 if none) or score, or mark it missing.",
    },
}


def _table_schema(table: data.InspectionTable) -> dict[str, Any]:
    return {
        "type": "object",
        "description": f"表{table.number} {table.name.zh_hans} / {table.name.en}",
        "properties": {
            "items": {
                "type": "object",
                "properties": {item.key: _item_schema(item) for item in table.items},
                "required": [item.key for item in table.items],
                "additionalProperties": False,
                "x-messages": ITEM_MESSAGES,
            },
        },
        "required": ["items"],
        "additionalProperties": False,
    }


INPUT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "JGJ 59-2011 construction site safety inspection",
    "description": "The inspection tables checked on the site, keyed by table.",
    "type": "object",
    "properties": {
        "tables": {
            "type": "object",
            "properties": {
                table.key: _table_schema(table) for table in data.TABLES_IN_ORDER
            },
            "additionalProperties": False,
            "minProperties": 1,
            "x-messages": UNKNOWN_TABLE,
        }
    },
    "required": ["tables"],
    "additionalProperties": False,
}
_SCHEMA = CompiledSchema(INPUT_SCHEMA)


def validate(payload: Any) -> list[Problem]:
    """Every problem of ``payload``, each at its JSON Pointer (empty when fine)."""
    return input_problems(_SCHEMA, payload) or _table_problems(payload)


def _table_problems(payload: Mapping[str, Any]) -> list[Problem]:
    """What the schema cannot say about valid input: tables that cannot be
    scored because every item, or every guarantee item, is missing."""
    problems: list[Problem] = []
    for key, filled in payload["tables"].items():
        table = data.TABLES[key]
        items = filled["items"]
        here = pointer(["tables", key])
        if all(items[item.key].get("missing") for item in table.items):
            problems.append(
                {
                    "path": here,
                    "message": _(
                        "Every item of this table is marked missing: leave the table "
                        "out if it does not apply to the site."
                    ),
                }
            )
        elif table.has_guarantee_split and all(
            items[item.key].get("missing") for item in table.guarantee_items
        ):
            problems.append(
                {
                    "path": here,
                    "message": _(
                        "Every guarantee item of this table is marked missing: the "
                        "table cannot be scored; leave it out if it does not apply."
                    ),
                }
            )
    return problems


def _score(payload: Mapping[str, Any]) -> dict[str, Any]:
    filled = payload["tables"]
    table_scores: dict[str, Fraction] = {}
    table_results: dict[str, dict[str, Any]] = {}
    for table in data.TABLES_IN_ORDER:
        if table.key in filled:
            score, result = score_table(table, filled[table.key]["items"])
            table_scores[table.key] = score
            table_results[table.key] = result

    summary = []
    points = Fraction(0)
    checked_weight = Fraction(0)
    for line in data.SUMMARY_ITEMS:
        checked = [key for key in line.tables if key in table_scores]
        weight = exact(line.weight)
        row: dict[str, Any] = {
            "key": line.key,
            "name_zh": line.name.zh_hans,
            "name_en": line.name.en,
            "weight": float(weight),
            "checked": bool(checked),
            "tables": checked,
            "score": None,
            "A1": None,
        }
        if checked:
            mean = sum((table_scores[key] for key in checked), Fraction(0)) / len(
                checked
            )
            a1 = weight * mean / 100
            points += a1
            checked_weight += weight
            row.update(score=shown(mean, PLACES), A1=shown(a1, PLACES))
        summary.append(row)

    total = points if checked_weight == 100 else points / checked_weight * 100
    zeroed = [
        key for key in TABLE_KEYS if key in table_scores and table_scores[key] == 0
    ]
    grade = grade_for(total, any_table_zero=bool(zeroed))
    return {
        "value": shown(total, PLACES),
        "standard": data.STANDARD,
        "total": shown(total, PLACES),
        "grade": grade,
        "grade_zh": data.GRADE_NAMES[grade].zh_hans,
        "grade_en": data.GRADE_NAMES[grade].en,
        "fail_reasons": _fail_reasons(total, zeroed, table_results),
        "zeroed_tables": zeroed,
        "checked_weight": float(checked_weight),
        "rescaled_for_missing_lines": checked_weight != 100,
        "summary": summary,
        "tables": table_results,
    }


# ``evaluate`` scores the inspection in a payload (raises ``ScoringInputError``
# if unacceptable); ``evaluate_valid`` is it for input the core has validated
# against ``INPUT_SCHEMA``.
evaluate, evaluate_valid = entry_points(validate, _table_problems, _score)


def grade_for(total: Fraction, *, any_table_zero: bool) -> str:
    """JGJ 59-2011 §5 grade of a site with summary score ``total``."""
    if any_table_zero:
        return data.GRADE_FAIL
    for lowest, grade in data.GRADE_BOUNDS:
        if total >= exact(lowest):
            return grade
    return data.GRADE_FAIL


def score_table(
    table: data.InspectionTable, items: Mapping[str, Mapping[str, Any]]
) -> tuple[Fraction, dict[str, Any]]:
    """Exact score C of one filled table and its shown breakdown."""
    rows = []
    scored = Fraction(0)
    checked_full = Fraction(0)
    guarantee_scored = Fraction(0)
    guarantee_full = Fraction(0)
    zero_guarantee: list[data.Item] = []
    for item in table.items:
        entry = items[item.key]
        full = exact(item.full_score)
        row = {
            "key": item.key,
            "name_zh": item.name.zh_hans,
            "name_en": item.name.en,
            "guarantee": item.guarantee,
            "full_score": float(full),
            "basis": item.basis,
            "mark": item.mark,
            **unscored(entry),
        }
        rows.append(row)
        score = item_score(entry, full, row, PLACES)
        if score is None:
            continue
        scored += score
        checked_full += full
        if item.guarantee:
            guarantee_scored += score
            guarantee_full += full
            if score == 0:
                zero_guarantee.append(item)

    on_60 = None
    zero_reason = None
    if table.has_guarantee_split:
        on_60 = guarantee_scored * exact(data.GUARANTEE_FULL) / guarantee_full
        if zero_guarantee:
            zero_reason = {
                "code": "guarantee_item_zero",
                "items": [item.key for item in zero_guarantee],
                "message": _(
                    "Guarantee item “%(item)s” scored 0, so the table scores 0 "
                    "(JGJ 59-2011)."
                )
                % {"item": "”, “".join(str(item.name) for item in zero_guarantee)},
            }
        elif on_60 < exact(data.GUARANTEE_FLOOR):
            zero_reason = {
                "code": "guarantee_below_floor",
                "items": [],
                "message": _(
                    "The guarantee items scored %(scored)s of the %(full)s points "
                    "checked (%(on_60)s on a 60-point basis), below 40, so the table "
                    "scores 0 (JGJ 59-2011)."
                )
                % {
                    "scored": f"{shown(guarantee_scored, PLACES):g}",
                    "full": f"{float(guarantee_full):g}",
                    "on_60": f"{shown(on_60, PLACES):g}",
                },
            }
    score = Fraction(0) if zero_reason else scored / checked_full * 100
    if score == 0 and zero_reason is None:
        zero_reason = {
            "code": "no_points",
            "items": [],
            "message": _("No points were scored on the items checked."),
        }
    return score, {
        "number": table.number,
        "name_zh": table.name.zh_hans,
        "name_en": table.name.en,
        "summary_item": table.summary_item,
        "score": shown(score, PLACES),
        "zeroed": score == 0,
        "zero_reason": zero_reason,
        "points_scored": shown(scored, PLACES),
        "points_checked": float(checked_full),
        "guarantee_subtotal": shown(guarantee_scored, PLACES)
        if table.has_guarantee_split
        else None,
        "guarantee_checked": float(guarantee_full)
        if table.has_guarantee_split
        else None,
        "guarantee_on_60": shown(on_60, PLACES),
        "items": rows,
    }


def _fail_reasons(
    total: Fraction, zeroed: list[str], tables: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    reasons = []
    for key in zeroed:
        table = data.TABLES[key]
        reasons.append(
            {
                "code": "table_zero",
                "table": key,
                "message": _("Table %(number)s %(name)s scores 0.")
                % {"number": table.number, "name": table.name},
            }
        )
    if total < exact(data.GRADE_BOUNDS[-1][0]):
        reasons.append(
            {
                "code": "total_below_pass",
                "table": None,
                "message": _("The total score %(total)s is below 70.")
                % {"total": f"{shown(total, PLACES):g}"},
            }
        )
    return reasons


# Contributed through safegrid_scoring_rules() in plugin.py.
RULE = ScoringRule(
    key=KEY,
    title=TITLE,
    description=DESCRIPTION,
    kind=KIND,
    input_schema=INPUT_SCHEMA,
    evaluate=evaluate_valid,
)


# -- the tables as forms ------------------------------------------------------

FORM_KEY = "jgj59_table"
FORM_TITLE = I18nText(
    zh_hans="JGJ 59-2011分项检查评分表评分",
    en="JGJ 59-2011 inspection table score",
)
FORM_DESCRIPTION = I18nText(
    zh_hans=(
        "为JGJ 59-2011分项检查评分表（检查表）评分：逐项扣分、保证项目规则，"
        "得分为该表（或所填各表按汇总表加权）的百分制分数。"
    ),
    en=(
        "Scores JGJ 59-2011 inspection table forms: item deductions and the "
        "guarantee-item rule; the score is the table's (or the weighted summary "
        "of the tables filled in), out of 100."
    ),
)
SECTION_SUFFIXES = ("_guarantee", "_general", "_items")


def table_of_section(section_key: str) -> str | None:
    """The table a form section belongs to (its key is ``<table>_guarantee``...)."""
    for suffix in SECTION_SUFFIXES:
        table = section_key.removesuffix(suffix)
        if table != section_key and table in data.TABLES:
            return table
    return None


def form_payload(breakdown: Mapping[str, Any]) -> dict[str, Any]:
    """The ``jgj59`` input from a forms-engine breakdown of table forms.

    Each table item is a check item in a section of its table: compliant
    deducts nothing, non-compliant the amount asked after it
    (``<item>_deduction``), not applicable is 缺项. Unanswered items are left
    out, so the rule reports them.
    """
    answers = breakdown["answers"]
    tables: dict[str, Any] = {}
    for row in breakdown["items"]:
        table = table_of_section(row["section"])
        if table is None or row["result"] is None:
            continue
        if row["result"] == "not_applicable":
            entry: dict[str, Any] = {"missing": True}
        elif row["result"] == "compliant":
            entry = {"deduction": 0}
        else:
            asked = answers.get(row["key"] + DEDUCTION_SUFFIX)
            entry = {"deduction": row["points"] if asked is None else asked}
        answer = form_answer(answers, row["key"])
        if isinstance(answer, dict) and answer.get("note"):
            entry["note"] = answer["note"]
        tables.setdefault(table, {"items": {}})["items"][row["key"]] = entry
    return {"tables": tables}


def form_evaluate(breakdown: Mapping[str, Any]) -> dict[str, Any]:
    """Score table forms; a problem is reported at the question it concerns."""
    try:
        result = evaluate(form_payload(breakdown))
    except ScoringInputError as exc:
        raise ScoringInputError(
            [{**p, "path": _answer_path(p["path"])} for p in exc.problems]
        ) from exc
    return form_result(result, score=result["total"])


def _answer_path(path: str) -> str:
    """The answer a ``jgj59`` input path comes from: ``/tables/<t>/items/<key>``
    is the check item ``<key>``; a whole table is the whole form."""
    parts = parse_pointer(path)
    if len(parts) >= 4 and parts[0] == "tables" and parts[2] == "items":
        return pointer([parts[3]])
    return ""


# The same scoring for the forms engine (the table checklists name it).
FORM_RULE = form_scoring_rule(
    key=FORM_KEY,
    title=FORM_TITLE,
    description=FORM_DESCRIPTION,
    evaluate=form_evaluate,
)
