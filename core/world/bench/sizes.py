"""The benchmark's sizes and what a seeded world hands to the measurement."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEED = 20240611
PACKS = ("chemicals", "construction", "road_transport", "gas")
# Bench objects carry this prefix, so they never meet real or demo data.
CODE_PREFIX = "BN"


# -- sizes -----------------------------------------------------------------------


@dataclass(frozen=True)
class Size:
    """How much data one run seeds.

    One "big" enterprise (chemicals, in the first street's first grid) holds
    ``big_points`` risk points and a unit tree of ``workshops`` × ``teams`` ×
    ``posts`` with one person per post; every other enterprise has a small
    tree (company → workshop → team → post, one person) and
    ``points_each`` risk points. ``submissions`` answers of one checklist
    are spread over the chemicals enterprises.
    """

    name: str
    enterprises: int
    big_points: int
    points_each: int
    submissions: int
    workshops: int
    teams: int
    posts: int

    @property
    def risk_points(self) -> int:
        return self.big_points + (self.enterprises - 1) * self.points_each


# One row a size: name, enterprises, big_points, points_each, submissions,
# workshops, teams, posts (see ``Size``).
SIZES = {
    row[0]: Size(*row)
    for row in (
        # A smoke run (--sizes tiny,small) and the test use tiny sizes.
        ("tiny", 3, 6, 2, 6, 1, 1, 2),
        # For iterating on a change (about a minute to seed).
        ("mini", 100, 1_000, 49, 2_000, 4, 3, 4),
        # The two sizes of the report, ten times apart (a district and a
        # province): 1,000 / 50,000 / 20,000 and 10,000 / 500,000 / 200,000.
        ("small", 1_000, 1_000, 49, 20_000, 4, 3, 4),
        ("large", 10_000, 10_000, 49, 200_000, 10, 5, 6),
    )
}


# -- the seeded world ------------------------------------------------------------

# The measured users, by key: (label in the tables, role).
USERS = {
    "committee": "committee office",
    "industry_department": "industry dept. (chemicals)",
    "street_office": "street office (street 1)",
    "enterprise_manager": "enterprise manager (big enterprise)",
    "typical_manager": "enterprise manager (typical enterprise)",
}
GOVERNMENT = ("committee", "industry_department", "street_office")
ENTERPRISE = ("enterprise_manager", "typical_manager")
EVERYONE = GOVERNMENT + ENTERPRISE

FORM_KEY = "bench_daily_check"
# A small checklist of the chemicals department: every submission answers it.
CHECKLIST = [
    {
        "type": "section",
        "value": {
            "key": "fire",
            "title": "消防安全",
            "questions": [
                {
                    "type": "check_item",
                    "value": {
                        "key": "extinguishers",
                        "label": "灭火器完好有效",
                        "points": 10,
                        "hazard_grade": "major",
                    },
                },
                {
                    "type": "check_item",
                    "value": {
                        "key": "exits",
                        "label": "安全出口畅通",
                        "points": 5,
                        "deduction": 2,
                    },
                },
            ],
        },
    },
    {
        "type": "section",
        "value": {
            "key": "storage",
            "title": "储存",
            "questions": [
                {
                    "type": "number",
                    "value": {"key": "tanks", "label": "储罐数量", "minimum": 0},
                },
            ],
        },
    },
]
ANSWER = {
    "extinguishers": {"result": "compliant"},
    "exits": {"result": "non_compliant"},
    "tanks": 4,
}

# LEC inputs that give each level under the default thresholds (L × E × C).
LEC_BY_LEVEL = {
    "major": ({"L": 10, "E": 6, "C": 7}, 420),
    "significant": ({"L": 6, "E": 6, "C": 7}, 252),
    "general": ({"L": 3, "E": 6, "C": 7}, 126),
    "low": ({"L": 1, "E": 6, "C": 7}, 42),
}
# Share of risk points by level ("" = not assessed yet).
LEVEL_WEIGHTS = {"major": 2, "significant": 10, "general": 38, "low": 40, "": 10}
ACCIDENT_CODES = ("08", "09", "18", "19", "04", "06")
NAME_SUFFIX = {
    "chemicals": "化工有限公司",
    "construction": "建设工程有限公司",
    "road_transport": "运输有限公司",
    "gas": "燃气有限公司",
}


@dataclass
class BenchWorld:
    """What ``seed`` created and ``measure`` needs."""

    size: Size
    users: dict[str, Any]
    big_enterprise: Any
    form_key: str
    enterprises: list[Any] = field(default_factory=list)
    chemicals: list[Any] = field(default_factory=list)  # main industry chemicals
    posts: dict[int, list[Any]] = field(default_factory=dict)  # by enterprise id
    workshops: dict[int, list[Any]] = field(default_factory=dict)
    holders: dict[int, Any] = field(default_factory=dict)  # post id → person
    departments: dict[str, Any] = field(default_factory=dict)  # industry code →
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    sync_seconds: float = 0.0  # the packs' industries and forms (sync_packs)
