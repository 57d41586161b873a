"""The built-in methods against published values, at the boundaries of the levels.

Tables and default thresholds: FACTS.md §1 (docs/risk-methods.md). Each test
goes through the scoring engine, which validates, evaluates and grades exactly
as an assessment does.
"""

from decimal import Decimal
from itertools import product

import pytest

from core.risks.default_scoring import EXPOSURE, LEC_C, LEC_L, LS, MES, MES_M, MES_S
from core.scoring import level_for, number, scoring_engine
from plugins.contributions import LevelThresholds


def grade(key, **inputs):
    evaluation = scoring_engine().evaluate(key, inputs)
    return evaluation.value, evaluation.level


# -- LEC: D = L × E × C; D > 320 major, > 160 significant, > 70 general ----------


@pytest.mark.parametrize(
    ("inputs", "value", "level"),
    [
        ({"L": 10, "E": 1, "C": 7}, 70, "low"),  # D = 70 exactly: not above 70
        ({"L": 10, "E": 2, "C": 1}, 20, "low"),  # D = 20: classic band E, low
        ({"L": 3, "E": 6, "C": 7}, 126, "general"),
        ({"L": 6, "E": 6, "C": 3}, 108, "general"),
        ({"L": 3, "E": 3, "C": 15}, 135, "general"),
        ({"L": 6, "E": 3, "C": 15}, 270, "significant"),
        ({"L": 3, "E": 6, "C": 15}, 270, "significant"),
        ({"L": 6, "E": 6, "C": 7}, 252, "significant"),
        ({"L": 10, "E": 6, "C": 7}, 420, "major"),
        ({"L": 6, "E": 6, "C": 15}, 540, "major"),
        ({"L": 10, "E": 10, "C": 100}, 10000, "major"),
        ({"L": 0.1, "E": 0.5, "C": 1}, 0.05, "low"),
        ({"L": 0.2, "E": 3, "C": 7}, 4.2, "low"),  # no float noise: 4.2
    ],
)
def test_lec_published_values(inputs, value, level):
    got_value, got_level = grade("lec", **inputs)
    assert got_value == Decimal(str(value))  # exact: 0.2 × 3 × 7 is 4.2
    assert number(got_value) == value
    assert got_level == level


def test_lec_products_160_and_320_cannot_occur_but_the_cut_offs_apply():
    products = {
        l_ * e * c for (l_, *_), (e, *_), (c, *_) in product(LEC_L, EXPOSURE, LEC_C)
    }
    assert 160 not in products and 320 not in products
    assert 70 in products and 20 in products
    default = scoring_engine().get("lec").rule.default_thresholds
    assert level_for(320, default) == "significant"
    assert level_for(320.01, default) == "major"
    assert level_for(160, default) == "general"
    assert level_for(160.01, default) == "significant"
    assert level_for(70.01, default) == "general"


def test_lec_inclusive_preset_moves_the_boundary_value_up():
    inclusive = next(
        t for t in scoring_engine().get("lec").presets() if t.key == "inclusive"
    )
    evaluation = scoring_engine().evaluate(
        "lec", {"L": 10, "E": 1, "C": 7}, thresholds=[("test", inclusive)]
    )
    assert evaluation.value == 70
    assert evaluation.level == "general"  # D ≥ 70 is general under this preset


def test_lec_details_show_the_working():
    evaluation = scoring_engine().evaluate("lec", {"L": 6, "E": 3, "C": 15})
    assert evaluation.details["formula"] == "D = L × E × C"
    assert evaluation.details["factors"]["L"]["value"] == 6
    assert evaluation.details["factors"]["L"]["label"]["zh-hans"] == "相当可能"
    assert evaluation.thresholds["source"] == "rule:lec"
    assert evaluation.thresholds["major"] == 320


# -- LS: R = L × S; scheme A: 20–25 / 15–16 / 9–12 / ≤ 8 -------------------------


@pytest.mark.parametrize(
    ("likelihood", "severity", "value", "level"),
    [
        (2, 4, 8, "low"),  # 8 | 9: top of low
        (3, 3, 9, "general"),  # bottom of general
        (3, 4, 12, "general"),  # 12 | 15: top of general
        (3, 5, 15, "significant"),  # bottom of significant
        (4, 4, 16, "significant"),  # 16 | 20: top of significant
        (4, 5, 20, "major"),  # bottom of major
        (5, 5, 25, "major"),
        (1, 1, 1, "low"),
    ],
)
def test_ls_scheme_a_band_edges(likelihood, severity, value, level):
    assert grade("ls", L=likelihood, S=severity) == (value, level)


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        # B: 17–25 / 11–16 / 5–10 / 1–4
        (
            "b",
            {
                4: "low",
                5: "general",
                10: "general",
                12: "significant",
                16: "significant",
                20: "major",
            },
        ),
        # C: 20–25 / 9–16 / 4–8 / 1–3
        (
            "c",
            {
                3: "low",
                4: "general",
                8: "general",
                9: "significant",
                16: "significant",
                20: "major",
            },
        ),
    ],
)
def test_ls_presets_b_and_c(preset, expected):
    thresholds = next(
        t for t in scoring_engine().get("ls").presets() if t.key == preset
    )
    for value, level in expected.items():
        assert level_for(value, thresholds) == level, (preset, value)


def test_ls_every_product_of_the_matrix_falls_in_one_band():
    default = LS.default_thresholds
    levels = {
        l_ * s: level_for(l_ * s, default) for l_ in range(1, 6) for s in range(1, 6)
    }
    assert {v for v, lvl in levels.items() if lvl == "major"} == {20, 25}
    assert {v for v, lvl in levels.items() if lvl == "significant"} == {15, 16}
    assert {v for v, lvl in levels.items() if lvl == "general"} == {9, 10, 12}
    assert max(v for v, lvl in levels.items() if lvl == "low") == 8


# -- MES: R = M × E × S; ≥ 180 / ≥ 90 / ≥ 50 -------------------------------------


@pytest.mark.parametrize(
    ("inputs", "value", "level"),
    [
        ({"M": 3, "E": 6, "S": 10}, 180, "major"),  # 180: reachable, graded up
        ({"M": 5, "E": 6, "S": 8}, 240, "major"),
        ({"M": 5, "E": 3, "S": 10}, 150, "significant"),
        ({"M": 3, "E": 3, "S": 10}, 90, "significant"),  # bottom of significant
        ({"M": 5, "E": 2, "S": 8}, 80, "general"),
        ({"M": 5, "E": 10, "S": 1}, 50, "general"),  # bottom of general
        ({"M": 3, "E": 2, "S": 8}, 48, "low"),
        ({"M": 1, "E": 0.5, "S": 1}, 0.5, "low"),
        ({"M": 5, "E": 10, "S": 10}, 500, "major"),
    ],
)
def test_mes_published_values(inputs, value, level):
    assert grade("mes", **inputs) == (value, level)


def test_mes_no_product_falls_between_the_classic_bands_except_180():
    """Classic bands leave gaps (>150–<180, >80–<90...); only 180 is reachable
    in one, which is why the default puts it in major (≥ 180)."""
    products = {
        m * e * s for (m, *_), (e, *_), (s, *_) in product(MES_M, EXPOSURE, MES_S)
    }
    in_gaps = {p for p in products if 150 < p <= 180 or 80 < p < 90 or 48 < p < 50}
    assert in_gaps == {180}
    default = MES.default_thresholds
    assert level_for(179.99, default) == "significant"
    assert level_for(89.99, default) == "general"
    assert level_for(49.99, default) == "low"


def test_thresholds_of_several_industries_keep_the_highest_level():
    strict = LevelThresholds(major=100, significant=50, general=10, key="strict")
    evaluation = scoring_engine().evaluate(
        "lec",
        {"L": 6, "E": 3, "C": 7},  # D = 126: general by default, major if strict
        thresholds=[("industry:a", LEC_DEFAULT()), ("industry:b", strict)],
    )
    assert evaluation.level == "major"
    assert evaluation.thresholds["source"] == "industry:b"


def LEC_DEFAULT():  # noqa: N802 - reads like the constant it returns
    return scoring_engine().get("lec").rule.default_thresholds


# -- direct determination ---------------------------------------------------------


def test_a_declared_condition_raises_the_level_to_major_and_records_the_reason():
    evaluation = scoring_engine().evaluate(
        "ls",
        {
            "L": 1,
            "S": 2,
            "direct_conditions": ["violates_law"],
            "direct_note": "GB 30871",
        },
    )
    assert evaluation.value == 2
    assert evaluation.scored_level == "low"
    assert evaluation.level == "major"
    [reason] = evaluation.direct_reasons
    assert reason["key"] == "violates_law"
    assert reason["pack"] == "safegrid.default_scoring"
    assert reason["note"] == "GB 30871"
    assert reason["title"]["zh-hans"].startswith("违反法律")


def test_without_conditions_the_score_decides():
    evaluation = scoring_engine().evaluate("ls", {"L": 1, "S": 2})
    assert evaluation.level == evaluation.scored_level == "low"
    assert evaluation.direct_reasons == []


def test_a_top_score_is_recorded_as_the_automatic_condition():
    evaluation = scoring_engine().evaluate("ls", {"L": 5, "S": 5})
    assert evaluation.level == "major"
    assert [r["key"] for r in evaluation.direct_reasons] == ["scored_top_level"]
    assert evaluation.direct_reasons[0]["automatic"] is True


def test_direct_method_gives_major_from_conditions_alone():
    evaluation = scoring_engine().evaluate(
        "direct", {"direct_conditions": ["ten_or_more_people", "accident_history"]}
    )
    assert evaluation.value is None
    assert evaluation.level == "major"
    assert [r["key"] for r in evaluation.direct_reasons] == [
        "accident_history",
        "ten_or_more_people",
    ]


def test_all_five_national_conditions_are_built_in():
    keys = set(scoring_engine().conditions)
    assert {
        "violates_law",
        "accident_history",
        "major_hazard_installation",
        "ten_or_more_people",
        "scored_top_level",
    } <= keys
