"""The risk list's columns, one definition for the template, the export and the import."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import get_language
from openpyxl.utils import get_column_letter

from plugins.vocabularies import (
    MEASURE_TYPES,
    Vocabulary,
)

MAX_ROWS = 10_000
SHEET_TITLE = "风险清单 Risk list"
SPLIT = re.compile(r"[,，;；、\n]+")

PERIOD_PATTERN = re.compile(
    r"^\s*(?:每)?\s*(\d+)?\s*(?:个)?\s*([^\d\s一次]+?)\s*(?:一次)?\s*$", re.IGNORECASE
)
INPUT_LETTERS = ("L", "E", "C", "S", "M")


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    width: int = 14
    point_level: bool = False  # a property of the risk point, not of the event
    export_only: bool = False
    aliases: tuple[str, ...] = ()  # older headings still read on import


COLUMNS: tuple[Column, ...] = (
    Column("point", "风险点名称", "Risk point", 22, point_level=True),
    Column("kind", "风险点类型", "Kind", 10, point_level=True),
    Column("unit", "所属单元", "Unit", 18, point_level=True),
    Column("description", "风险点描述", "Description", 22, point_level=True),
    Column("analysis_unit", "分析单元", "Analysis unit", 14),
    Column(
        "factors", "危险有害因素（GB/T 13861代码）", "Hazard factors (GB/T 13861)", 18
    ),
    Column("event", "风险事件", "Risk event", 26),
    Column("accident_types", "事故类型（GB 6441）", "Accident types (GB 6441)", 16),
    Column("consequence", "可能后果", "Possible consequence", 18),
    Column("method", "评价方法", "Method", 10),
    *(Column(letter, letter, letter, 6) for letter in INPUT_LETTERS),
    Column("direct_conditions", "直接判定条件", "Direct determination", 18),
    *(
        Column(
            f"measures_{term.key}",
            f"管控措施：{term.label.zh_hans}",
            f"Measures: {term.label.en}",
            22,
            aliases=tuple(f"管控措施：{alias}" for alias in term.aliases),
        )
        for term in MEASURE_TYPES
    ),
    Column("control_level", "管控层级", "Control level", 10, point_level=True),
    Column("responsible_unit", "责任单元", "Responsible unit", 16, point_level=True),
    Column("responsible_person", "责任人", "Responsible person", 12, point_level=True),
    Column("inspection_period", "排查周期", "Inspection period", 10, point_level=True),
    Column("value", "风险值", "Risk value", 10, export_only=True),
    Column("level", "风险等级", "Risk level", 10, export_only=True),
    Column("assessed", "评价人及时间", "Assessed by, at", 18, export_only=True),
)
COLUMN_INDEX = {column.key: index for index, column in enumerate(COLUMNS)}


def _english() -> bool:
    return (get_language() or "zh-hans").lower().startswith("en")


def _name(vocabulary: Vocabulary, key: str) -> str:
    """A stored key's label in the current language."""
    label = vocabulary.label(key)
    return label.en if _english() else label.zh_hans


def column_title(key: str) -> str:
    column = COLUMNS[COLUMN_INDEX[key]]
    return column.en if _english() else column.zh


def column_letter(key: str) -> str:
    return get_column_letter(COLUMN_INDEX[key] + 1)
