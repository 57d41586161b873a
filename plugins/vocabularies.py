"""The platform's vocabularies: one definition of each, for the core and packs alike.

A vocabulary is the closed list of keys a field may store, each with its
label in both languages, in the order the platform shows them (highest
first where there is a rank). Everything else derives from here: the
Django choices of the models (``Vocabulary.text_choices``), the portal's
forms and templates through them, the Excel columns, code sheet and import,
the hooks' dataclasses (``plugins.contributions``) and the packs' content
validation (``plugins.pack_support``). ``tests/plugins/test_vocabularies.py``
fails when a second definition appears or a label elsewhere disagrees.

The reference dictionaries of the standards (GB 6441 accident types, GB/T
13861 hazard factor classes, the risk methods' tables) are vocabularies of
the same kind with an edition; they live in ``plugins.reference``.

Wording. The five common measure types are named as in the national
digital-construction guideline for hazardous-chemical enterprises (工程技术,
管理, 培训教育, 个体防护, 应急处置; FACTS §0). The district plan calls three of
them 物理工程, 制度管理 and 应急管理; those words are read as aliases (an
Excel file written with them still imports) and never shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from plugins.texts import I18nText


@dataclass(frozen=True)
class Term:
    """One key of a vocabulary with its label.

    ``aliases`` are further words read as this term (an Excel cell, the
    district plan's older wording); they are never shown. ``colour`` is a
    risk level's colour key (``red``...), a key of ``COLOURS``; ``rgb`` a
    colour's value for pictures and documents (``#rrggbb``).
    """

    key: str
    label: I18nText
    aliases: tuple[str, ...] = ()
    colour: str = ""
    rgb: str = ""

    @property
    def lazy_label(self) -> Promise:
        return self.label.lazy()


class Vocabulary:
    """An ordered, closed list of terms, looked up by key."""

    def __init__(self, name: str, terms: Iterable[Term], *, edition: str = ""):
        self.name = name
        self.edition = edition
        self.terms: tuple[Term, ...] = tuple(terms)
        self._by_key = {term.key: term for term in self.terms}
        if len(self._by_key) != len(self.terms):
            raise ValueError(f"{name}: a key is given twice")

    @classmethod
    def from_rows(
        cls, name: str, rows: Iterable[tuple[str, str, str]], *, edition: str = ""
    ) -> Vocabulary:
        """A vocabulary of ``(key, Chinese label, English label)`` rows."""
        terms = (Term(key, I18nText(zh_hans, en)) for key, zh_hans, en in rows)
        return cls(name, terms, edition=edition)

    def __repr__(self) -> str:
        return f"<Vocabulary {self.name}: {', '.join(self.keys())}>"

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __getitem__(self, key: str) -> Term:
        return self._by_key[key]

    def keys(self) -> tuple[str, ...]:
        return tuple(self._by_key)

    def label(self, key: str) -> I18nText:
        return self._by_key[key].label

    def rank(self, key: str | None) -> int:
        """``len`` for the first term down to 1 for the last; 0 for no term.

        For vocabularies listed highest first (risk levels): higher is more
        severe.
        """
        if key not in self._by_key:
            return 0
        return len(self.terms) - self.keys().index(key)

    def choices(self) -> list[tuple[str, Promise]]:
        """``(key, lazy label)`` pairs for a Django form field."""
        return [(term.key, term.lazy_label) for term in self.terms]

    def text_choices(self, name: str, *, module: str, qualname: str = "") -> Any:
        """A Django ``TextChoices`` enumeration of the terms.

        Members are the keys in upper case (``RiskLevel.MAJOR``); labels
        are lazy and resolve in the active language.
        """
        from django.db.models import TextChoices

        # The functional API's module and qualname (Enum's) are not in
        # django-stubs' overloads.
        return TextChoices(  # type: ignore[call-overload]
            name,
            [(term.key.upper(), (term.key, term.lazy_label)) for term in self.terms],
            module=module,
            qualname=qualname or name,
        )

    def texts(self) -> dict[str, dict[str, str]]:
        """``{key: {"zh_hans", "en"}}``: the packs' neutral content shape."""
        return {
            term.key: {"zh_hans": term.label.zh_hans, "en": term.label.en}
            for term in self.terms
        }

    def find(self, word: str) -> str | None:
        """The key a word names: its key, either label or an alias (any case)."""
        wanted = word.strip().lower()
        for term in self.terms:
            names = (term.key, term.label.zh_hans, term.label.en, *term.aliases)
            if wanted in (name.lower() for name in names):
                return term.key
        return None


def _term(key: str, zh_hans: str, en: str, **extra: Any) -> Term:
    return Term(key, I18nText(zh_hans, en), **extra)


# The colours of the four risk levels (红橙黄蓝).
COLOURS = Vocabulary(
    "colour",
    [
        _term("red", "红", "red", rgb="#e02020"),
        _term("orange", "橙", "orange", rgb="#f08c00"),
        _term("yellow", "黄", "yellow", rgb="#f5d200"),
        _term("blue", "蓝", "blue", rgb="#2266dd"),
    ],
)

# The four risk levels, highest first (安委办〔2016〕11号), with their colours.
RISK_LEVELS = Vocabulary(
    "risk level",
    [
        _term("major", "重大风险", "Major risk", colour="red"),
        _term("significant", "较大风险", "Significant risk", colour="orange"),
        _term("general", "一般风险", "General risk", colour="yellow"),
        _term("low", "低风险", "Low risk", colour="blue"),
    ],
)

# What a risk point (风险点, risk analysis object) is.
RISK_POINT_KINDS = Vocabulary(
    "risk point kind",
    [
        _term("equipment", "设备", "Equipment"),
        _term("facility", "设施", "Facility"),
        _term("area", "场所区域", "Area or place"),
        _term("operation", "作业", "Operation"),
        _term("activity", "活动", "Activity"),
    ],
)

# Control measure types, in the district plan's order (制度管理, 物理工程, 在线监测,
# 视频监控, 自动化控制, 应急管理), then training and personal protection; the
# wording of the five common types is the guideline's, the plan's older words
# are aliases. Every library risk point carries the five common types.
MEASURE_TYPES = Vocabulary(
    "measure type",
    [
        _term("management", "管理", "Management", aliases=("制度管理",)),
        _term("engineering", "工程技术", "Engineering", aliases=("物理工程",)),
        _term("monitoring", "在线监测", "Online monitoring"),
        _term("video", "视频监控", "Video surveillance"),
        _term("automation", "自动化控制", "Automatic control"),
        _term("emergency", "应急处置", "Emergency response", aliases=("应急管理",)),
        _term("training", "培训教育", "Training and education"),
        _term("ppe", "个体防护", "Personal protection"),
    ],
)
COMMON_MEASURE_TYPES: tuple[str, ...] = (
    "engineering",
    "management",
    "training",
    "ppe",
    "emergency",
)

# The measure types that protect a worker at the post from an occupational
# hazard (printed on the 职业危害告知卡, core.documents.cards).
PROTECTION_MEASURE_TYPES: tuple[str, ...] = ("engineering", "monitoring", "ppe")

# Who controls a risk (管控层级): the four tiers of an enterprise's unit tree.
CONTROL_LEVELS = Vocabulary(
    "control level",
    [
        _term("company", "公司", "Company"),
        _term("workshop", "车间", "Workshop"),
        _term("team", "班组", "Team"),
        _term("post", "岗位", "Post"),
    ],
)

# The control levels a risk level may be assigned to: a risk is owned at least
# at the level its grade calls for (FACTS §0).
CONTROL_LEVELS_FOR_RISK: dict[str, tuple[str, ...]] = {
    "major": ("company",),
    "significant": ("company", "workshop"),
    "general": ("workshop", "team"),
    "low": ("team", "post"),
}

# Units of an inspection period ("every 2 hours"). The aliases are what the
# Excel import reads besides the labels.
PERIOD_UNITS = Vocabulary(
    "period unit",
    [
        _term("hour", "小时", "hour(s)", aliases=("时", "h", "hours")),
        _term("shift", "班次", "shift(s)", aliases=("班", "shifts")),
        _term("day", "天", "day(s)", aliases=("日", "d", "days")),
        _term("week", "周", "week(s)", aliases=("星期", "w", "weeks")),
        _term("month", "月", "month(s)", aliases=("个月", "m", "months")),
        _term("quarter", "季度", "quarter(s)", aliases=("季", "q", "quarters")),
        _term("year", "年", "year(s)", aliases=("y", "years")),
    ],
)

# The periods a scheduled job runs at (core.jobs.schedule): the calendar units
# whose slots start at a fixed time; the longer ones take an "at" time of day.
SCHEDULE_PERIODS: tuple[str, ...] = ("hour", "day", "week", "month")
SCHEDULE_AT_PERIODS: tuple[str, ...] = SCHEDULE_PERIODS[1:]

# The three kinds of emergency plan of an enterprise (GB/T 29639-2020):
# 综合应急预案, 专项应急预案, 现场处置方案.
EMERGENCY_PLAN_KINDS = Vocabulary(
    "emergency plan kind",
    [
        _term("comprehensive", "综合应急预案", "Comprehensive plan"),
        _term("special", "专项应急预案", "Special plan"),
        _term("on_site", "现场处置方案", "On-site disposal plan"),
    ],
)

# Where a plan version's filing (备案) with a department stands.
PLAN_FILING_STATUSES = Vocabulary(
    "plan filing status",
    [
        _term("under_review", "备案待审查", "Filing under review"),
        _term("on_file", "已备案", "On file (accepted)"),
        _term("sent_back", "备案退回修改", "Filing sent back with comments"),
    ],
)

# How an enterprise's own rescue team is staffed (专职 / 兼职).
RESCUE_TEAM_KINDS = Vocabulary(
    "rescue team kind",
    [
        _term("full_time", "专职救援队伍", "Full-time rescue team"),
        _term("part_time", "兼职救援队伍", "Part-time rescue team"),
    ],
)

# Occupational-disease hazard factors a post is exposed to, by the classes of
# the national catalogue (职业病危害因素分类目录, 国卫疾控发〔2015〕92号).
OCCUPATIONAL_FACTORS = Vocabulary(
    "occupational hazard factor",
    [
        _term("dust", "粉尘", "Dust"),
        _term("chemical", "化学因素", "Chemical agents"),
        _term("noise", "噪声", "Noise"),
        _term("heat", "高温", "Heat"),
        _term("radiation", "放射性因素", "Ionising radiation"),
        _term("biological", "生物因素", "Biological agents"),
        _term("other_physical", "其他物理因素", "Other physical agents"),
    ],
)

VOCABULARIES: tuple[Vocabulary, ...] = (
    COLOURS,
    RISK_LEVELS,
    RISK_POINT_KINDS,
    MEASURE_TYPES,
    CONTROL_LEVELS,
    PERIOD_UNITS,
    EMERGENCY_PLAN_KINDS,
    PLAN_FILING_STATUSES,
    RESCUE_TEAM_KINDS,
    OCCUPATIONAL_FACTORS,
)


def risk_level_rank(level: str | None) -> int:
    """4 for major down to 1 for low; 0 for no level. Higher is more severe."""
    return RISK_LEVELS.rank(level)


def risk_level_colour(level: str | None) -> str:
    """The colour key of a level (``red``...), or empty for no level."""
    return RISK_LEVELS[level].colour if level and level in RISK_LEVELS else ""
