"""Scoring rule ``gb18218``: major hazard sources of hazardous chemicals.

Identification and grading per GB 18218-2018, for one unit (生产单元 or 储存单元)
or several:

* S = Σ qᵢ/Qᵢ over the substances present; the unit is a 重大危险源 when S ≥ 1
  (one substance at exactly its critical quantity is one).
* Only for such a unit: R = α · Σ βᵢ·qᵢ/Qᵢ, and the grade is 1 (R ≥ 100),
  2 (50 ≤ R < 100), 3 (10 ≤ R < 50) or 4 (R < 10).
* α comes from the people exposed outside the plant within 500 m, or is given.

A substance is entered by name or CAS number (the 85 rows of Table 1 in
``gb18218_data``) or, only when it is not named there, by its hazard category
symbol(s) (Table 2): then Q is the lowest Q of its categories and β the
highest β. A category entry whose CAS number or name is one of Table 1 is
refused with the row to use: a named substance always takes its Table 1 Q.
A named flammable liquid whose category depends on how it is held may be
``classified_as`` one of its options (gasoline: W5.1 or W5.3). All arithmetic is exact; S, R and the ratios are shown truncated to
4 decimals (see ``plugins.pack_support.scoring``). The method and its assumptions are in
the pack README, section "Scoring rule".
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _

from plugins.contributions import I18nText, ScoringRule
from plugins.pack_support.scoring import (
    Problem,
    entry_points,
    exact,
    input_problems,
    pointer,
    shown,
)
from plugins.schema_errors import CompiledSchema
from safegrid_chemicals import gb18218_data as data

KEY = "gb18218"
KIND = "major_hazard"
TITLE = I18nText(
    zh_hans="危险化学品重大危险源辨识与分级（GB 18218-2018）",
    en="Major hazard sources of hazardous chemicals: identification and grading (GB 18218-2018)",
)
DESCRIPTION = I18nText(
    zh_hans=(
        "按GB 18218-2018，对生产单元或储存单元内危险化学品的最大存在量计算"
        "S = Σq/Q，S ≥ 1 即为重大危险源；对重大危险源计算 R = α·Σβ·q/Q 并分为一至四级。"
    ),
    en=(
        "Per GB 18218-2018: from the maximum quantities of hazardous chemicals in a "
        "production or storage unit, S = Σq/Q; S ≥ 1 makes it a major hazard source, "
        "which is then graded 1 to 4 by R = α·Σβ·q/Q."
    ),
)
PLACES = 4

NAME_CHOICES = sorted(data.SUBSTANCES_BY_NAME)
CAS_PATTERN = r"^[0-9]{2,7}-[0-9]{2}-[0-9]$"
CATEGORY_CHOICES = list(data.CATEGORIES)
ALPHA_CHOICES = [float(alpha) for alpha in data.ALPHA_VALUES]


# The schema's own messages (plugins.schema_errors, "x-messages"): what to do
# instead of a value the tables do not list.
NOT_A_CAS_NUMBER = {
    "pattern": {
        "zh-hans": "“%(value)s”不是CAS号：CAS号形如7782-50-5。",
        "en": "“%(value)s” is not a CAS number: a CAS number reads like 7782-50-5.",
    }
}
UNKNOWN_NAME = {
    "enum": {
        "zh-hans": (
            "未知物质“%(value)s”：GB 18218-2018表1未列出该名称。"
            "请改按CAS号或危险性类别填写。"
        ),
        "en": (
            "Unknown substance “%(value)s”: GB 18218-2018 Table 1 does not name it. "
            "Enter it by CAS number or by its hazard category instead."
        ),
    }
}
UNKNOWN_CATEGORY = {
    "enum": {
        "zh-hans": (
            "未知的危险性类别“%(value)s”：请使用GB 18218-2018表2中的符号"
            "（J1–J5、W1.1–W11）。"
        ),
        "en": (
            "Unknown hazard category “%(value)s”: use a GB 18218-2018 Table 2 "
            "symbol (J1–J5, W1.1–W11)."
        ),
    }
}
ALPHA_NOT_IN_STANDARD = {
    "enum": {
        "zh-hans": "α必须是GB 18218-2018规定的取值之一：0.5、1.0、1.2、1.5、2.0。",
        "en": "α must be one of the GB 18218-2018 values 0.5, 1.0, 1.2, 1.5, 2.0.",
    }
}


def _build_schema() -> dict[str, Any]:
    category_symbol = {
        "type": "string",
        "enum": CATEGORY_CHOICES,
        "x-messages": UNKNOWN_CATEGORY,
    }
    substance = {
        "type": "object",
        "description": (
            "One substance present in the unit, identified by exactly one of "
            "name, cas or category."
        ),
        "properties": {
            "name": {
                "type": "string",
                "enum": NAME_CHOICES,
                "description": "Table 1 name (Chinese or English) or a listed alias.",
                "x-messages": UNKNOWN_NAME,
            },
            "cas": {
                "type": "string",
                "pattern": CAS_PATTERN,
                "x-messages": NOT_A_CAS_NUMBER,
                "description": (
                    "CAS number: alone, of a Table 1 substance; with category, "
                    "of a substance Table 1 does not name."
                ),
            },
            "classified_as": {
                "type": "string",
                "enum": CATEGORY_CHOICES,
                "description": (
                    "For a named flammable liquid whose category depends on how "
                    "it is held (gasoline; a liquid above its boiling point): the "
                    "Table 2 symbol that applies in this unit."
                ),
            },
            "category": {
                "description": (
                    "For a substance not named in Table 1: its Table 2 hazard "
                    "category symbol, or all of its symbols."
                ),
                "type": ["string", "array"],
                "if": {"type": "string"},
                "then": {"enum": CATEGORY_CHOICES, "x-messages": UNKNOWN_CATEGORY},
                "else": {"items": category_symbol, "minItems": 1, "uniqueItems": True},
            },
            "label": {
                "type": "string",
                "maxLength": 200,
                "description": "The user's own name for the substance (shown only).",
            },
            "quantity": {
                "type": "number",
                "minimum": 0,
                "description": "Maximum quantity present in the unit, tonnes (q).",
            },
        },
        "required": ["quantity"],
        "additionalProperties": False,
        "oneOf": [
            {"required": ["name"]},
            {"required": ["cas"], "not": {"required": ["category"]}},
            {"required": ["category"]},
        ],
        "x-messages": {
            "oneOf": {
                "zh-hans": "以下各项必须且只能填写一项：name, cas, category。",
                "en": "Give exactly one of: name, cas, category.",
            }
        },
    }
    unit = {
        "type": "object",
        "description": "A production or storage unit.",
        "properties": {
            "name": {"type": "string", "maxLength": 200},
            "substances": {
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/substance"},
            },
            "exposed_people": {
                "type": "integer",
                "minimum": 0,
                "description": "People outside the plant boundary within 500 m.",
            },
            "alpha": {
                "enum": ALPHA_CHOICES,
                "description": "α given directly instead of exposed_people.",
                "x-messages": ALPHA_NOT_IN_STANDARD,
            },
        },
        "required": ["substances"],
        "additionalProperties": False,
        "oneOf": [{"required": ["exposed_people"]}, {"required": ["alpha"]}],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "GB 18218-2018 major hazard source identification and grading",
        "description": 'One unit, or {"units": [...]} for several.',
        "type": "object",
        "$defs": {"substance": substance, "unit": unit},
        "if": {"required": ["units"]},
        "then": {
            "properties": {
                "units": {
                    "type": "array",
                    "minItems": 1,
                    "items": {"$ref": "#/$defs/unit"},
                }
            },
            "required": ["units"],
            "additionalProperties": False,
        },
        "else": {"$ref": "#/$defs/unit"},
    }


INPUT_SCHEMA: dict[str, Any] = _build_schema()
_SCHEMA = CompiledSchema(INPUT_SCHEMA)


def validate(payload: Any) -> list[Problem]:
    """Every problem of ``payload``, each at its JSON Pointer (empty when fine)."""
    return input_problems(_SCHEMA, payload) or _table_problems(payload)


def _table_problems(payload: Mapping[str, Any]) -> list[Problem]:
    """What the schema cannot say about valid input: what Table 1 says against
    an entry (``_table1_problems``) and a substance listed twice in a unit."""
    problems: list[Problem] = []
    for unit_path, unit in _units(payload):
        seen: dict[str, int] = {}
        for index, entry in enumerate(unit["substances"]):
            here = [*unit_path, "substances", index]
            found = _table1_problems(entry, here)
            if found:
                problems.extend(found)
                continue
            substance = _named_substance(entry)
            if substance is None:
                continue
            if substance.key in seen:
                problems.append(
                    {
                        "path": pointer(here),
                        "message": _(
                            "%(name)s is already listed in this unit (entry %(first)d): "
                            "enter its maximum quantity once."
                        )
                        % {
                            "name": substance.name.zh_hans,
                            "first": seen[substance.key] + 1,
                        },
                    }
                )
            else:
                seen[substance.key] = index
    return problems


def _rows(substances: tuple[data.Substance, ...]) -> str:
    return "; ".join(
        _("row %(row)d %(name)s (Q = %(q)s t)")
        % {
            "row": s.row,
            "name": s.name.zh_hans,
            "q": format(s.critical_quantity, "f"),
        }
        for s in substances
    )


def _at(here: list[Any], field: str, message: str) -> Problem:
    """A problem with the field ``field`` of the entry at ``here``."""
    return {"path": pointer([*here, field]), "message": message}


def _table1_problems(entry: Mapping[str, Any], here: list[Any]) -> list[Problem]:
    """What Table 1 says against one substance entry (empty when fine).

    A substance Table 1 names is entered by its row, never by category; a CAS
    number shared by several rows is entered by the row's name; a category
    choice (``classified_as``) only where the row offers one.
    """
    problems = []
    cas = entry.get("cas")
    if cas is not None and not data.cas_check_digit_ok(cas):
        return [
            _at(
                here,
                "cas",
                _("“%(cas)s” is not a valid CAS number: its check digit is wrong.")
                % {"cas": cas},
            )
        ]
    rows = data.SUBSTANCES_BY_CAS.get(cas, ()) if cas else ()
    if "category" in entry:
        named = tuple(r for r in rows if r.all_forms)
        if named:
            problems.append(
                _at(
                    here,
                    "cas",
                    _(
                        "CAS number %(cas)s is named in GB 18218-2018 Table 1 "
                        "(%(rows)s): enter it by that row's name, not by hazard "
                        "category."
                    )
                    % {"cas": cas, "rows": _rows(named)},
                )
            )
        named = data.table1_rows_named(entry.get("label", ""))
        if named:
            problems.append(
                _at(
                    here,
                    "label",
                    _(
                        "“%(label)s” is named in GB 18218-2018 Table 1 (%(rows)s): "
                        "enter it by that row's name, not by hazard category."
                    )
                    % {"label": entry["label"], "rows": _rows(named)},
                )
            )
        if "classified_as" in entry:
            problems.append(
                _at(
                    here,
                    "classified_as",
                    _(
                        "A substance entered by category is classified by its "
                        "category; leave this out."
                    ),
                )
            )
        return problems
    if cas is not None and not rows:
        return [
            _at(
                here,
                "cas",
                _(
                    "CAS number %(cas)s is not named in GB 18218-2018 Table 1. "
                    "Enter the substance by its hazard category instead (you may "
                    "give its CAS number with it)."
                )
                % {"cas": cas},
            )
        ]
    if len(rows) > 1:
        return [
            _at(
                here,
                "cas",
                _(
                    "CAS number %(cas)s stands for several Table 1 entries with "
                    "different critical quantities (%(rows)s): enter it by name."
                )
                % {"cas": cas, "rows": _rows(rows)},
            )
        ]
    substance = _named_substance(entry)
    chosen = entry.get("classified_as")
    if chosen is not None and chosen not in substance.category_options:
        options = ", ".join(substance.category_options)
        problems.append(
            _at(
                here,
                "classified_as",
                (
                    _(
                        "%(name)s may be classified only as one of %(options)s in a "
                        "unit."
                    )
                    % {"name": substance.name.zh_hans, "options": options}
                    if options
                    else _("%(name)s has one classification: leave this out.")
                    % {"name": substance.name.zh_hans}
                ),
            )
        )
    return problems


def _identify(payload: Mapping[str, Any]) -> dict[str, Any]:
    results = [_evaluate_unit(unit) for _path, unit in _units(payload)]
    governing = max(
        range(len(results)),
        key=lambda i: (
            results[i]["_exact_R"] is not None,
            results[i]["_exact_R"] or 0,
            results[i]["_exact_S"],
            -i,
        ),
    )
    for result in results:
        del result["_exact_R"], result["_exact_S"]
    top = results[governing]
    return {
        "value": top["R"],
        "standard": data.STANDARD,
        "S": top["S"],
        "is_major": top["is_major"],
        "R": top["R"],
        "grade": top["grade"],
        "alpha": top["alpha"],
        "substances": top["substances"],
        "governing_unit": governing,
        "major_units": [i for i, r in enumerate(results) if r["is_major"]],
        "units": results,
    }


# ``evaluate`` identifies and grades the unit(s) in a payload, validating it
# first: it raises ``ScoringInputError`` (with a problem per field) when the
# input is not acceptable. For one unit the result is that unit's figures; with
# ``units`` the top-level figures are those of the governing unit (the major one
# with the highest R, else the one with the highest S) and each unit's own
# figures are in ``units``. ``evaluate_valid`` is it for input the core has
# validated against ``INPUT_SCHEMA``.
evaluate, evaluate_valid = entry_points(validate, _table_problems, _identify)


def alpha_for(exposed_people: int) -> Fraction:
    """α for a headcount of people exposed outside the plant (GB 18218-2018)."""
    for lowest, alpha in data.ALPHA_BANDS:
        if exposed_people >= lowest:
            return exact(alpha)
    raise ValueError("a headcount cannot be negative")


def grade_for(r_value: Fraction) -> int:
    """Grade 1–4 of a major hazard source with correction value ``r_value``."""
    for lowest, grade in data.GRADE_BOUNDS:
        if r_value >= exact(lowest):
            return grade
    return data.LOWEST_GRADE


def _units(payload: Mapping[str, Any]) -> list[tuple[list[Any], Mapping[str, Any]]]:
    if "units" in payload:
        return [(["units", i], unit) for i, unit in enumerate(payload["units"])]
    return [([], payload)]


def _named_substance(entry: Mapping[str, Any]) -> data.Substance | None:
    if "name" in entry:
        return data.SUBSTANCES_BY_NAME[entry["name"]]
    if "cas" in entry and "category" not in entry:
        return data.SUBSTANCES_BY_CAS[entry["cas"]][0]
    return None


def _evaluate_unit(unit: Mapping[str, Any]) -> dict[str, Any]:
    if "alpha" in unit:
        alpha, alpha_source = exact(unit["alpha"]), "given"
    else:
        alpha, alpha_source = alpha_for(unit["exposed_people"]), "exposed_people"
    rows = []
    s_value = Fraction(0)
    weighted = Fraction(0)
    for entry in unit["substances"]:
        row, ratio, beta = _substance_row(entry)
        s_value += ratio
        weighted += beta * ratio
        rows.append(row)
    is_major = s_value >= 1
    r_value = alpha * weighted if is_major else None
    return {
        "name": unit.get("name", ""),
        "S": shown(s_value, PLACES),
        "is_major": is_major,
        "alpha": float(alpha),
        "alpha_source": alpha_source,
        "exposed_people": unit.get("exposed_people"),
        "R": shown(r_value, PLACES),
        "grade": grade_for(r_value) if r_value is not None else None,
        "substances": rows,
        "_exact_S": s_value,
        "_exact_R": r_value,
    }


def _substance_row(
    entry: Mapping[str, Any],
) -> tuple[dict[str, Any], Fraction, Fraction]:
    q = exact(entry["quantity"])
    substance = _named_substance(entry)
    if substance is not None:
        critical = exact(substance.critical_quantity)
        chosen = entry.get("classified_as")
        beta_decimal, beta_source = data.beta_and_source(substance, chosen)
        row = {
            "substance": substance.key,
            "table1_row": substance.row,
            "name_zh": substance.name.zh_hans,
            "name_en": substance.name.en,
            "cas": entry.get("cas") or substance.cas,
            "categories": list(data.categories_of(substance, chosen)),
            "Q_source": "table1",
            "assumption": substance.assumption,
        }
    else:
        symbols = entry["category"]
        symbols = [symbols] if isinstance(symbols, str) else list(symbols)
        categories = [data.CATEGORIES[symbol] for symbol in symbols]
        critical = min(exact(c.critical_quantity) for c in categories)
        beta_decimal = max(c.beta for c in categories)
        single = len(categories) == 1
        beta_source = (
            data.BETA_FROM_CATEGORY if single else data.BETA_HIGHEST_OF_CATEGORIES
        )
        row = {
            "substance": None,
            "table1_row": None,
            "name_zh": "、".join(c.name.zh_hans for c in categories),
            "name_en": "; ".join(c.name.en for c in categories),
            "cas": entry.get("cas"),
            "categories": symbols,
            "Q_source": "table2" if single else "table2_lowest_of_categories",
            "assumption": "",
        }
    beta = exact(beta_decimal)
    ratio = q / critical
    row.update(
        {
            "label": entry.get("label", ""),
            "q": float(q),
            "Q": float(critical),
            "q_over_Q": shown(ratio, PLACES),
            "beta": float(beta),
            "beta_source": beta_source,
            "beta_q_over_Q": shown(beta * ratio, PLACES),
        }
    )
    return row, ratio, beta


# Contributed through safegrid_scoring_rules() in plugin.py.
RULE = ScoringRule(
    key=KEY,
    title=TITLE,
    description=DESCRIPTION,
    kind=KIND,
    input_schema=INPUT_SCHEMA,
    evaluate=evaluate_valid,
)
