"""One definition per vocabulary and reference dictionary, and every label agrees.

``plugins.vocabularies`` and ``plugins.reference`` are the only places that
list a vocabulary's keys or write its labels. These tests scan the code for a
second definition (a literal list of a vocabulary's keys, a dict of labels
by key, a ``TextChoices`` class of its keys, a label written again) and check
that what derives from the vocabularies (Django choices, the Excel
workbook, the catalogue, the style sheet, the docs) says the same.
"""

from __future__ import annotations

import ast
import io
import re
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from django.utils import translation
from openpyxl import load_workbook

from core.hazards.models import (
    FixMode,
    HazardGrade,
    HazardType,
    HowFound,
    ManagementClass,
)
from core.organizations.models import Unit
from core.risks import excel
from core.risks.models import (
    AccidentType,
    ControlLevel,
    ControlMeasure,
    HazardFactorClass,
    InspectionUnit,
    RiskLevel,
    RiskPoint,
)
from plugins.pack_support import content
from plugins.reference import gb6441, gb_t13861, hazard_codes, risk_methods
from plugins.vocabularies import (
    COLOURS,
    CONTROL_LEVELS,
    CONTROL_LEVELS_FOR_RISK,
    MEASURE_TYPES,
    PERIOD_UNITS,
    RISK_LEVELS,
    RISK_POINT_KINDS,
    VOCABULARIES,
    Vocabulary,
)

REPO = Path(__file__).resolve().parents[2]
DICTIONARIES = (
    gb6441.ACCIDENT_TYPES,
    gb_t13861.HAZARD_FACTOR_CLASSES,
    risk_methods.DIRECT_CONDITIONS,
    hazard_codes.HOW_FOUND,
    hazard_codes.FIX_MODES,
    hazard_codes.HAZARD_TYPES,
    hazard_codes.MANAGEMENT_CLASSES,
    hazard_codes.HAZARD_GRADES,
)
# Where the definitions live. Migrations are scanned too: the choices they
# record are pairs, not definitions, but a seeded dictionary would be one.
DEFINITIONS = {
    REPO / "plugins" / "vocabularies.py",
    REPO / "plugins" / "reference" / "gb6441.py",
    REPO / "plugins" / "reference" / "gb_t13861.py",
    REPO / "plugins" / "reference" / "risk_methods.py",
    REPO / "plugins" / "reference" / "hazard_codes.py",
}
SCANNED = ("core", "plugins", "industry_packs", "site", "scripts")
CJK = re.compile(r"[\u3400-\u9fff]")


def _source_files() -> Iterator[Path]:
    for top in SCANNED:
        for path in sorted((REPO / top).rglob("*.py")):
            parts = set(path.relative_to(REPO).parts)
            if parts & {"tests", ".venv", "build"}:
                continue
            if path in DEFINITIONS:
                continue
            yield path


def _strings(node: ast.AST) -> list[str] | None:
    """The string elements of a tuple/list/set literal (None if not one)."""
    if not isinstance(node, ast.Tuple | ast.List | ast.Set):
        return None
    return [
        e.value
        for e in node.elts
        if isinstance(e, ast.Constant) and isinstance(e.value, str)
    ]


def _label_like(node: ast.AST | None) -> bool:
    """A value that reads like a label: a string, strings, or a call (text(), _())."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Call):
        return True
    strings = _strings(node) if node is not None else None
    return bool(strings) and len(strings) == len(node.elts)


def _docstrings(tree: ast.AST) -> set[int]:
    """Strings standing alone as statements: docstrings, prose."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def _enough(keys: list[str], vocabulary: Vocabulary) -> bool:
    return len(set(keys)) >= min(3, len(vocabulary))


def second_definitions(source: str, where: str = "<source>") -> list[str]:
    """Every place in ``source`` that defines a vocabulary or a label again.

    Reference dictionaries are codes meant to be listed (an event's accident
    types), so for them only labels count: a dict of labels by code, or a
    code beside its label.
    """
    tree = ast.parse(source)
    prose = _docstrings(tree) | {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    # Chinese labels and aliases: distinctive enough to be found as they are.
    labels = {
        text: vocabulary.name
        for vocabulary in VOCABULARIES
        for term in vocabulary
        for text in (term.label.zh_hans, *term.aliases)
        if CJK.search(text)
    }
    found = []
    for node in ast.walk(tree):
        line = f"{where}:{getattr(node, 'lineno', '?')}"
        strings = _strings(node)
        if strings:
            for vocabulary in VOCABULARIES:
                if set(strings) <= set(vocabulary.keys()) and _enough(
                    strings, vocabulary
                ):
                    found.append(f"{line}: the keys of {vocabulary.name!r}")
            for dictionary in DICTIONARIES:
                if any(
                    code in dictionary and dictionary.label(code).zh_hans in strings
                    for code in strings
                ):
                    found.append(f"{line}: a code of {dictionary.name!r} with its name")
        if isinstance(node, ast.Dict):
            keys = [
                k.value
                for k in node.keys
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
            ]
            for vocabulary in (*VOCABULARIES, *DICTIONARIES):
                mine = [k for k in keys if k in vocabulary]
                if _enough(mine, vocabulary) and all(
                    _label_like(v) for v in node.values
                ):
                    found.append(f"{line}: labels of {vocabulary.name!r}")
        if isinstance(node, ast.ClassDef) and any(
            getattr(base, "attr", getattr(base, "id", "")) == "TextChoices"
            for base in node.bases
        ):
            values = [
                elt.value.elts[0].value
                if isinstance(elt.value, ast.Tuple)
                and isinstance(elt.value.elts[0], ast.Constant)
                else getattr(elt.value, "value", None)
                for elt in node.body
                if isinstance(elt, ast.Assign)
            ]
            for vocabulary in (*VOCABULARIES, *DICTIONARIES):
                mine = [v for v in values if v in vocabulary]
                if len(mine) >= 2:
                    found.append(f"{line}: choices of {vocabulary.name!r}")
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in prose
            and node.value in labels
        ):
            found.append(f"{line}: {node.value!r} is a label of {labels[node.value]!r}")
    return found


def test_no_second_definition_of_a_vocabulary():
    found = []
    for path in _source_files():
        found += second_definitions(
            path.read_text(encoding="utf-8"), str(path.relative_to(REPO))
        )
    assert found == []


TRANSLATED = re.compile(
    r"""\{%\s*(?:translate|trans)\s+"([^"]+)"|gettext\(\s*["']([^"']+)["']"""
)


def translated_labels(text: str) -> list[str]:
    """Vocabulary labels a template or script translates itself."""
    english = {term.label.en for vocabulary in VOCABULARIES for term in vocabulary}
    return [
        found
        for match in TRANSLATED.finditer(text)
        for found in match.groups()
        if found in english
    ]


def test_no_template_or_script_names_a_vocabulary_term_itself():
    found = [
        (str(path.relative_to(REPO)), label)
        for top in ("core", "site", "plugins", "industry_packs")
        for pattern in ("*.html", "*.js")
        for path in sorted((REPO / top).rglob(pattern))
        for label in translated_labels(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_template_scan_would_catch_one():
    assert translated_labels('{% translate "Major risk" %}') == ["Major risk"]
    assert translated_labels("gettext('Online monitoring')") == ["Online monitoring"]


@pytest.mark.parametrize(
    "source",
    [
        'KINDS = ("equipment", "facility", "area", "operation", "activity")',
        'MEASURES = ["management", "engineering", "ppe"]',
        'NAMES = {"company": ("公司", "Company"), "workshop": ("车间", "Workshop"),'
        ' "team": ("班组", "Team")}',
        'LEVELS = {"major": _("Major"), "significant": _("Significant"),'
        ' "general": _("General")}',
        "class Unit(models.TextChoices):\n"
        '    HOUR = "hour", _("hour(s)")\n'
        '    DAY = "day", _("day(s)")\n',
        'label = "应急管理"',
        'TYPES = [("19", "中毒和窒息", "Poisoning"), ("08", "火灾", "Fire")]',
        'TYPES = {"01": text("物体打击", "Struck"), "02": "车辆伤害", "03": "机械伤害"}',
    ],
)
def test_the_scan_would_catch_a_second_definition(source):
    assert second_definitions(source) != []


def test_the_scan_leaves_data_keyed_by_a_vocabulary_alone():
    source = (
        'WEIGHTS = {"major": 2, "significant": 10, "general": 38, "low": 40}\n'
        'pair = ("major", "low")\n'
        'accident_types = ("08", "19", "18")\n'
        'name = "中毒和窒息"\n'
        'unit = f"车间{n}"\n'
        '"""应急管理"""\n'
    )
    assert second_definitions(source) == []


CHOICES = [
    (RiskLevel, RISK_LEVELS),
    (ControlLevel, CONTROL_LEVELS),
    (InspectionUnit, PERIOD_UNITS),
    (RiskPoint.Kind, RISK_POINT_KINDS),
    (ControlMeasure.Kind, MEASURE_TYPES),
    (Unit.Kind, CONTROL_LEVELS),
    (HazardGrade, hazard_codes.HAZARD_GRADES),
    (HowFound, hazard_codes.HOW_FOUND),
    (FixMode, hazard_codes.FIX_MODES),
    (HazardType, hazard_codes.HAZARD_TYPES),
    (ManagementClass, hazard_codes.MANAGEMENT_CLASSES),
]


@pytest.mark.parametrize(("choices", "vocabulary"), CHOICES)
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_model_choices_are_the_vocabulary(choices, vocabulary, language):
    with translation.override(language):
        shown = [(key, str(label)) for key, label in choices.choices]
        expected = [(term.key, str(term.label)) for term in vocabulary]
    assert shown == expected


def test_choices_keep_their_member_names():
    assert RiskLevel.MAJOR == "major"
    assert RiskPoint.Kind.AREA == "area"
    assert ControlMeasure.Kind.EMERGENCY == "emergency"
    assert Unit.Kind.COMPANY == ControlLevel.COMPANY == "company"
    assert InspectionUnit.SHIFT == "shift"


def test_labels_follow_gettext_when_translation_is_off():
    # makemigrations deactivates translation: migrations record English.
    with translation.override(None):
        assert str(ControlMeasure.Kind.EMERGENCY.label) == "Emergency response"
    with translation.override("zh-hans"):
        assert str(ControlMeasure.Kind.EMERGENCY.label) == "应急处置"


def test_measure_types_use_the_guideline_wording():
    """FACTS §0: 工程技术, 管理, 培训教育, 个体防护, 应急处置."""
    common = {"engineering", "management", "training", "ppe", "emergency"}
    assert {MEASURE_TYPES.label(k).zh_hans for k in common} == {
        "工程技术",
        "管理",
        "培训教育",
        "个体防护",
        "应急处置",
    }
    # The district plan's words still read as the same types.
    assert MEASURE_TYPES.find("应急管理") == "emergency"
    assert MEASURE_TYPES.find("物理工程") == "engineering"
    assert MEASURE_TYPES.find("制度管理") == "management"


def test_every_risk_level_has_a_colour_and_control_levels():
    assert [COLOURS[t.colour].label.zh_hans for t in RISK_LEVELS] == [
        "红",
        "橙",
        "黄",
        "蓝",
    ]
    assert set(CONTROL_LEVELS_FOR_RISK) == set(RISK_LEVELS.keys())
    assert all(
        set(levels) <= set(CONTROL_LEVELS.keys())
        for levels in CONTROL_LEVELS_FOR_RISK.values()
    )


def test_pack_content_uses_the_same_vocabularies():
    assert RISK_POINT_KINDS.texts() == content.RISK_POINT_KINDS
    assert MEASURE_TYPES.texts() == content.CONTROL_MEASURE_TYPES
    assert CONTROL_LEVELS.texts() == content.CONTROL_LEVELS
    assert RISK_LEVELS.texts() == content.RISK_LEVELS
    assert tuple(content.PERIOD_UNITS) == PERIOD_UNITS.keys()
    assert gb6441.ACCIDENT_TYPES.texts() == content.ACCIDENT_TYPES
    assert gb_t13861.HAZARD_FACTOR_CLASSES.texts() == content.HAZARD_FACTOR_CODES
    assert content.LEC_VALUES["C"] == risk_methods.values(risk_methods.LEC_C)
    assert set(content.DIRECT_RULES) >= set(risk_methods.DIRECT_CONDITIONS.keys())
    assert set(content.REQUIRED_MEASURE_TYPES) <= set(MEASURE_TYPES.keys())


def test_the_catalogue_translates_no_vocabulary_label_differently():
    """A msgid equal to a vocabulary's English label must give its Chinese label."""
    wanted = {
        term.label.en: term.label.zh_hans
        for vocabulary in VOCABULARIES
        for term in vocabulary
    }
    disagreeing = [
        (entry.msgid, entry.msgstr, wanted[entry.msgid])
        for path in REPO.glob("**/locale/zh_Hans/LC_MESSAGES/*.po")
        if ".venv" not in path.parts
        for entry in polib.pofile(str(path))
        if not entry.obsolete
        and entry.msgctxt is None
        and entry.msgid in wanted
        and entry.msgstr != wanted[entry.msgid]
    ]
    assert disagreeing == []


def test_the_level_classes_of_the_style_sheet_are_the_risk_levels():
    css = (REPO / "core/risks/static/risks/css/risk-levels.css").read_text()
    defined = re.findall(r"^\.level-([a-z]+) \{ --level:", css, re.MULTILINE)
    assert defined == [*RISK_LEVELS.keys(), "unassessed"]


def _code_sheet_rows(workbook) -> list[tuple]:
    return [
        tuple(cell for cell in row if cell is not None)
        for row in workbook["代码表 Codes"].iter_rows(values_only=True)
    ]


@pytest.mark.django_db
def test_the_excel_workbook_takes_its_names_from_the_vocabularies():
    workbook = load_workbook(io.BytesIO(excel.risk_list_template()))
    rows = _code_sheet_rows(workbook)
    for vocabulary in (RISK_POINT_KINDS, CONTROL_LEVELS, PERIOD_UNITS):
        for term in vocabulary:
            assert (term.key, term.label.zh_hans, term.label.en) in rows
    headings = [cell.value for cell in workbook["风险清单 Risk list"][1]]
    for term in MEASURE_TYPES:
        assert f"管控措施：{term.label.zh_hans}\nMeasures: {term.label.en}" in headings


@pytest.mark.django_db
def test_the_dictionary_tables_are_the_reference_dictionaries():
    for model, dictionary in (
        (AccidentType, gb6441.ACCIDENT_TYPES),
        (HazardFactorClass, gb_t13861.HAZARD_FACTOR_CLASSES),
    ):
        rows = model.objects.filter(edition=dictionary.edition, is_current=True)
        assert sorted((r.code, r.name_zh, r.name_en) for r in rows) == sorted(
            (t.key, t.label.zh_hans, t.label.en) for t in dictionary
        )


def test_the_docs_print_the_levels_and_method_tables_of_the_code():
    text = (REPO / "docs/risk-methods.md").read_text(encoding="utf-8")
    for term in risk_methods.DIRECT_CONDITIONS:
        assert f"| `{term.key}` | {term.label.zh_hans} |" in text
    for term in RISK_LEVELS:
        colour = COLOURS[term.colour].label
        row = f"| `{term.key}` | {term.label.zh_hans} | {colour.zh_hans} {colour.en} |"
        assert row in text
    tables, block = [], []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            block.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif block:
            tables.append(block)
            block = []

    def printed(scale: risk_methods.Scale, column: int, header: str) -> None:
        table = next(t for t in tables if t[0][0] == header)
        found = {
            float(row[column]): row[column + 1] for row in table[2:] if row[column]
        }
        assert found == {float(v): zh for v, zh, _en in scale}, header

    lec = "L 事故发生的可能性"
    printed(risk_methods.LEC_L, 0, lec)
    printed(risk_methods.EXPOSURE, 2, lec)
    printed(risk_methods.LEC_C, 4, lec)
    printed(risk_methods.LS_L, 0, "L")
    printed(risk_methods.MES_M, 0, "M 控制措施的状态")
