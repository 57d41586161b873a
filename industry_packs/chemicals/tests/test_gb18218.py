"""The ``gb18218`` rule against worked examples computed by hand from GB 18218-2018.

Figures used throughout (GB 18218-2018, FACTS.md §2): chlorine Q = 5 t,
β = 4 (Table 3); ammonia Q = 10 t, β = 2 (Table 3); phosgene Q = 0.3 t,
β = 20; methyl isocyanate Q = 0.75 t, β = 20; α = 2.0 / 1.5 / 1.2 / 1.0 / 0.5
for ≥100 / 50–99 / 30–49 / 1–29 / 0 people exposed.
"""

from decimal import Decimal

import pytest
from django.utils import translation
from jsonschema import Draft202012Validator
from safegrid_chemicals import gb18218
from safegrid_chemicals import gb18218_data as data

from plugins.contributions import ScoringRule
from plugins.manager import build_plugin_manager
from plugins.pack_support.scoring import ScoringInputError


def unit(*substances, people=None, alpha=None):
    """One unit with ``(identifier, value, quantity)`` substances."""
    payload = {
        "substances": [{key: value, "quantity": q} for key, value, q in substances]
    }
    if alpha is not None:
        payload["alpha"] = alpha
    else:
        payload["exposed_people"] = 0 if people is None else people
    return payload


def chlorine(q):
    return ("name", "氯", q)


# -- identification -------------------------------------------------------------


def test_single_substance_at_exactly_its_critical_quantity_is_major():
    """Chlorine 5 t in a unit, nobody exposed.

    S = 5 / 5 = 1 → S ≥ 1, a major hazard source.
    α = 0.5 (0 people); R = 0.5 × 4 × 1 = 2 → R < 10, grade 4.
    """
    result = gb18218.evaluate(unit(chlorine(5), people=0))
    assert result["S"] == 1.0
    assert result["is_major"] is True
    assert result["alpha"] == 0.5
    assert result["R"] == 2.0
    assert result["grade"] == 4
    assert result["value"] == 2.0


def test_single_substance_just_below_its_critical_quantity_is_not_major():
    """Chlorine 4.9999 t: S = 4.9999 / 5 = 0.99998 < 1, not major; no R, no grade.

    S is shown truncated to 4 decimals (0.9999), never rounded up to 1.0,
    so the shown S agrees with the verdict.
    """
    result = gb18218.evaluate(unit(chlorine(4.9999), people=120))
    assert result["is_major"] is False
    assert result["S"] == 0.9999
    assert result["R"] is None
    assert result["grade"] is None
    assert result["value"] is None


@pytest.mark.parametrize(
    ("name", "at_q", "below_q"),
    [
        ("氢", 5, 4.99),  # hydrogen is 5 t (not 200 t, which is oxygen)
        ("氧（压缩的或液化的）", 200, 199.99),
        ("甲醇", 500, 499.99),  # methanol is 500 t
        ("甲醛（含量>90%）", 5, 4.99),
    ],
)
def test_critical_quantities_of_the_data_quality_warnings(name, at_q, below_q):
    """At Q the unit is major (S = 1); just below it is not (S < 1)."""
    assert gb18218.evaluate(unit(("name", name, at_q)))["is_major"] is True
    assert gb18218.evaluate(unit(("name", name, below_q)))["is_major"] is False


def test_a_mixture_crosses_one_only_in_sum():
    """Chlorine 3 t and ammonia 6 t, 40 people exposed.

    Alone: 3/5 = 0.6 and 6/10 = 0.6, neither major.
    Together: S = 0.6 + 0.6 = 1.2 ≥ 1 → major.
    α = 1.2 (30–49 people); Σβ·q/Q = 4 × 0.6 + 2 × 0.6 = 3.6;
    R = 1.2 × 3.6 = 4.32 → grade 4.
    """
    assert gb18218.evaluate(unit(chlorine(3), people=40))["is_major"] is False
    assert gb18218.evaluate(unit(("name", "氨", 6), people=40))["is_major"] is False
    result = gb18218.evaluate(unit(chlorine(3), ("name", "氨", 6), people=40))
    assert result["S"] == 1.2
    assert result["is_major"] is True
    assert result["alpha"] == 1.2
    assert result["R"] == 4.32
    assert result["grade"] == 4


def test_a_sum_of_exactly_one_is_decided_exactly():
    """Three unnamed division 1.1 explosives (W1.1, Q = 1 t, β = 2): 0.7 + 0.2 + 0.1 t.

    S = 0.7 + 0.2 + 0.1 = 1 exactly → major. (In binary floating point the
    same sum is 0.9999999999999999, which would wrongly say "not major".)
    α = 0.5; R = 0.5 × 2 × 1 = 1 → grade 4.
    """
    assert sum([0.7, 0.2, 0.1]) < 1  # why exact arithmetic is needed
    result = gb18218.evaluate(
        unit(
            ("category", "W1.1", 0.7),
            ("category", "W1.1", 0.2),
            ("category", "W1.1", 0.1),
        )
    )
    assert result["S"] == 1.0
    assert result["is_major"] is True
    assert result["R"] == 1.0


def test_thirds_add_up_to_exactly_one():
    """Methyl isocyanate 0.25 t and phosgene 0.2 t, α = 0.5.

    S = 0.25/0.75 + 0.2/0.3 = 1/3 + 2/3 = 1 → major.
    Σβ·q/Q = 20 × 1/3 + 20 × 2/3 = 20; R = 0.5 × 20 = 10 exactly → grade 3.
    """
    result = gb18218.evaluate(
        unit(("name", "异氰酸甲酯", 0.25), ("name", "光气", 0.2), alpha=0.5)
    )
    assert result["is_major"] is True
    assert result["S"] == 1.0
    assert result["R"] == 10.0
    assert result["grade"] == 3


# -- grading -------------------------------------------------------------------------


def test_chlorine_with_120_people_exposed():
    """Chlorine 10 t and ammonia 20 t, 120 people exposed outside the plant.

    q/Q: chlorine 10/5 = 2, ammonia 20/10 = 2 → S = 4, major.
    β·q/Q: chlorine 4 × 2 = 8 (Table 3 β = 4), ammonia 2 × 2 = 4 → Σ = 12.
    α = 2.0 (≥ 100 people) → R = 2 × 12 = 24 → 10 ≤ R < 50, grade 3.
    """
    result = gb18218.evaluate(unit(chlorine(10), ("name", "氨", 20), people=120))
    assert result["S"] == 4.0
    assert result["alpha"] == 2.0
    assert result["R"] == 24.0
    assert result["grade"] == 3
    rows = {row["substance"]: row for row in result["substances"]}
    assert (rows["chlorine"]["q"], rows["chlorine"]["Q"]) == (10.0, 5.0)
    assert rows["chlorine"]["q_over_Q"] == 2.0
    assert rows["chlorine"]["beta"] == 4.0
    assert rows["chlorine"]["beta_source"] == data.BETA_FROM_TABLE3
    assert rows["chlorine"]["beta_q_over_Q"] == 8.0
    assert rows["ammonia"]["beta_q_over_Q"] == 4.0


def test_chlorine_with_120_people_reaching_grade_1():
    """Chlorine 65 t, 120 people: q/Q = 13; R = 2 × 4 × 13 = 104 ≥ 100 → grade 1."""
    result = gb18218.evaluate(unit(chlorine(65), people=120))
    assert result["R"] == 104.0
    assert result["grade"] == 1


@pytest.mark.parametrize(
    ("q", "people", "r_value", "grade"),
    [
        # α = 1.0 (10 people): R = 1 × 4 × q/5
        (12.5, 10, 10.0, 3),  # 4 × 2.5 = 10 exactly → grade 3
        (12.499, 10, 9.9992, 4),  # 4 × 2.4998 = 9.9992 → grade 4
        # α = 2.0 (100 people): R = 2 × 4 × q/5 = 1.6 q
        (31.25, 100, 50.0, 2),  # 1.6 × 31.25 = 50 exactly → grade 2
        (31.249, 100, 49.9984, 3),  # 1.6 × 31.249 = 49.9984 → grade 3
        (62.5, 100, 100.0, 1),  # 1.6 × 62.5 = 100 exactly → grade 1
        (62.499, 100, 99.9984, 2),  # 1.6 × 62.499 = 99.9984 → grade 2
    ],
)
def test_each_grade_boundary_is_decided_exactly(q, people, r_value, grade):
    """R exactly 10, 50, 100 falls in the more severe grade; just below, the next."""
    result = gb18218.evaluate(unit(chlorine(q), people=people))
    assert result["R"] == r_value
    assert result["grade"] == grade


@pytest.mark.parametrize(
    ("people", "alpha"),
    [
        (0, 0.5),
        (1, 1.0),
        (29, 1.0),
        (30, 1.2),
        (49, 1.2),
        (50, 1.5),
        (99, 1.5),
        (100, 2.0),
        (120, 2.0),
        (100000, 2.0),
    ],
)
def test_alpha_from_each_headcount_band(people, alpha):
    """Chlorine 5 t: Σβ·q/Q = 4 × 1 = 4, so R = 4α for each α band."""
    result = gb18218.evaluate(unit(chlorine(5), people=people))
    assert result["alpha"] == alpha
    assert result["units"][0]["alpha_source"] == "exposed_people"
    assert result["R"] == float(Decimal(str(alpha)) * 4)


@pytest.mark.parametrize("alpha", [0.5, 1, 1.0, 1.2, 1.5, 2])
def test_alpha_given_directly(alpha):
    """α given directly gives R = 4α for chlorine 5 t."""
    result = gb18218.evaluate(unit(chlorine(5), alpha=alpha))
    assert result["alpha"] == float(alpha)
    assert result["R"] == float(Decimal(str(alpha)) * 4)
    assert result["units"][0]["alpha_source"] == "given"


def test_alpha_outside_the_standard_is_refused():
    with translation.override("en"):
        problems = gb18218.validate(unit(chlorine(5), alpha=1.3))
    assert [p["path"] for p in problems] == ["/alpha"]


def test_exposed_people_and_alpha_are_exclusive():
    payload = unit(chlorine(5), people=10)
    payload["alpha"] = 1.0
    with translation.override("en"):
        problems = gb18218.validate(payload)
    assert problems == [
        {"path": "", "message": "Give exactly one of: exposed_people, alpha."}
    ]


# -- identification of substances --------------------------------------------------


def test_unknown_cas_is_refused_at_its_field():
    """A CAS number not in the table is refused; nothing is computed."""
    payload = {
        "units": [
            unit(chlorine(1), people=0),
            unit(("cas", "7732-18-5", 1), people=0),  # water: not in Table 1
        ]
    }
    with translation.override("en"):
        problems = gb18218.validate(payload)
        with pytest.raises(ScoringInputError) as raised:
            gb18218.evaluate(payload)
    assert [p["path"] for p in problems] == ["/units/1/substances/0/cas"]
    assert "7732-18-5" in problems[0]["message"]
    assert "hazard category" in problems[0]["message"]
    assert raised.value.problems == problems


def test_unknown_name_and_category_are_refused():
    payload = unit(("name", "二氧化碳", 1), ("category", "W12", 1))
    with translation.override("en"):
        problems = gb18218.validate(payload)
    assert [p["path"] for p in problems] == [
        "/substances/0/name",
        "/substances/1/category",
    ]


def test_unknown_fields_are_refused():
    payload = unit(chlorine(1))
    payload["substances"][0]["purity"] = 0.99
    payload["weather"] = "fine"
    with translation.override("en"):
        problems = gb18218.validate(payload)
    assert [p["path"] for p in problems] == ["/substances/0/purity", "/weather"]


def test_a_substance_needs_exactly_one_identifier():
    payload = {
        "substances": [{"name": "氯", "cas": "7782-50-5", "quantity": 1}],
        "alpha": 1,
    }
    with translation.override("en"):
        problems = gb18218.validate(payload)
    assert problems == [
        {
            "path": "/substances/0",
            "message": "Give exactly one of: name, cas, category.",
        }
    ]


@pytest.mark.parametrize(
    "identifier",
    [
        ("name", "氯"),
        ("name", "液氯"),
        ("name", "Chlorine"),
        ("cas", "7782-50-5"),
    ],
)
def test_lookups_by_name_and_by_cas_give_the_same_result(identifier):
    """Chlorine 10 t, 120 people by any identifier: S = 2, R = 2 × 4 × 2 = 16."""
    key, value = identifier
    result = gb18218.evaluate(unit((key, value, 10), people=120))
    reference = gb18218.evaluate(unit(("cas", "7782-50-5", 10), people=120))
    assert result == reference
    assert (result["S"], result["R"], result["grade"]) == (2.0, 16.0, 3)


def test_an_ambiguous_cas_number_must_be_entered_by_name():
    """CAS 6484-52-2 is ammonium nitrate in two Table 1 entries (Q 5 t and 50 t)."""
    with translation.override("en"):
        problems = gb18218.validate(unit(("cas", "6484-52-2", 10)))
    assert [p["path"] for p in problems] == ["/substances/0/cas"]
    assert "enter it by name" in problems[0]["message"]
    over = gb18218.evaluate(unit(("name", "硝酸铵（含可燃物>0.2%）", 5)))
    under = gb18218.evaluate(unit(("name", "硝酸铵（含可燃物≤0.2%）", 5)))
    assert (over["S"], over["is_major"]) == (1.0, True)
    assert (under["S"], under["is_major"]) == (0.1, False)


def test_a_named_substance_is_listed_once_per_unit():
    with translation.override("en"):
        problems = gb18218.validate(unit(chlorine(1), ("cas", "7782-50-5", 2)))
    assert [p["path"] for p in problems] == ["/substances/1"]
    assert "already listed" in problems[0]["message"]


def test_unnamed_substance_by_category():
    """An unnamed flammable liquid of category 2 (W5.3: Q = 1000 t, β = 1), 1000 t.

    S = 1000/1000 = 1 → major; α = 1.5 (60 people); R = 1.5 × 1 × 1 = 1.5 → grade 4.
    """
    result = gb18218.evaluate(unit(("category", "W5.3", 1000), people=60))
    row = result["substances"][0]
    assert (row["Q"], row["beta"], row["Q_source"]) == (1000.0, 1.0, "table2")
    assert (result["S"], result["is_major"], result["R"], result["grade"]) == (
        1.0,
        True,
        1.5,
        4,
    )


def test_unnamed_substance_with_several_categories():
    """A toxic (J3: Q 50, β 2) and flammable (W2: Q 10, β 1.5) gas, 10 t, α 1.

    Q = the lowest Q = 10 → S = 1, major; β = the highest β = 2 → R = 2 → grade 4.
    """
    result = gb18218.evaluate(unit(("category", ["J3", "W2"], 10), alpha=1))
    row = result["substances"][0]
    assert (row["Q"], row["beta"]) == (10.0, 2.0)
    assert row["Q_source"] == "table2_lowest_of_categories"
    assert row["beta_source"] == data.BETA_HIGHEST_OF_CATEGORIES
    assert (result["S"], result["R"]) == (1.0, 2.0)


def test_named_substance_outside_table_3_takes_its_category_beta():
    """Hydrogen 5 t (W2, β 1.5), α 2: S = 1; R = 2 × 1.5 × 1 = 3 → grade 4."""
    result = gb18218.evaluate(unit(("name", "氢", 5), alpha=2))
    row = result["substances"][0]
    assert (row["beta"], row["beta_source"], row["categories"]) == (
        1.5,
        data.BETA_FROM_CATEGORY,
        ["W2"],
    )
    assert result["R"] == 3.0


# -- Table 1 names every substance it lists: never by category ------------------------


def test_25_t_of_epichlorohydrin_is_a_major_hazard_source():
    """1-氯-2,3-环氧丙烷 (Table 1 row 21): Q = 20 t, whatever its category.

    q = 25 t: S = 25 / 20 = 1.25 ≥ 1 → a major hazard source. By its category
    (flammable liquid cat. 3, Q 5000 t) it would be S = 0.005, not major.
    β = 1 (W5.4), 0 people: α = 0.5; R = 0.5 × 1 × 1.25 = 0.625 → grade 4.
    """
    result = gb18218.evaluate(unit(("name", "环氧氯丙烷", 25)))
    row = result["substances"][0]
    assert (row["Q"], row["Q_source"], row["table1_row"]) == (20.0, "table1", 21)
    assert (result["S"], result["is_major"]) == (1.25, True)
    assert (result["R"], result["grade"]) == (0.625, 4)
    by_cas = gb18218.evaluate(unit(("cas", "106-89-8", 25)))
    assert by_cas == result


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ({"category": "W5.4", "label": "环氧氯丙烷"}, "label"),
        ({"category": "W5.4", "label": " 1-氯-2,3-环氧丙烷 "}, "label"),
        ({"category": "W5.4", "cas": "106-89-8"}, "cas"),
    ],
)
def test_a_table_1_substance_entered_by_category_is_refused(entry, field):
    payload = {"substances": [{**entry, "quantity": 25}], "exposed_people": 0}
    with translation.override("en"):
        problems = gb18218.validate(payload)
        with pytest.raises(ScoringInputError):
            gb18218.evaluate(payload)
    assert [p["path"] for p in problems] == [f"/substances/0/{field}"]
    assert "row 21 1-氯-2,3-环氧丙烷 (Q = 20 t)" in problems[0]["message"]
    assert "not by hazard category" in problems[0]["message"]


def test_a_shared_cas_entered_by_category_names_every_row():
    payload = unit(("category", "W1.1", 1))
    payload["substances"][0]["cas"] = "9004-70-0"
    with translation.override("en"):
        [problem] = gb18218.validate(payload)
    for row in (37, 38, 39, 40, 41, 42):
        assert f"row {row} " in problem["message"]


def test_a_mixture_outside_a_composition_row_may_be_entered_by_category():
    """Formalin (50-00-0, 37%) is not the Table 1 row 甲醛（含量>90%）."""
    payload = unit(("category", "J5", 100))
    payload["substances"][0].update(cas="50-00-0", label="甲醛溶液37%")
    result = gb18218.evaluate(payload)
    row = result["substances"][0]
    assert (row["Q"], row["Q_source"], row["cas"]) == (500.0, "table2", "50-00-0")


def test_an_unnamed_substance_keeps_its_cas_and_a_bad_check_digit_is_refused():
    payload = unit(("category", "W5.4", 5000))
    payload["substances"][0]["cas"] = "71-36-3"  # n-butanol: not in Table 1
    assert gb18218.evaluate(payload)["substances"][0]["cas"] == "71-36-3"
    payload["substances"][0]["cas"] = "71-36-4"
    with translation.override("en"):
        [problem] = gb18218.validate(payload)
    assert problem["path"] == "/substances/0/cas"
    assert "check digit" in problem["message"]


@pytest.mark.parametrize(
    ("name", "q", "critical"),
    [
        ("苯乙烯", 500, 500.0),  # not 5000 (flammable liquid cat. 3)
        ("烷基铝", 1, 1.0),  # not 50 (pyrophoric)
        ("环己烷", 500, 500.0),
        ("硝酸钾", 1000, 1000.0),
        ("硝酸铵肥料（含可燃物≤0.4%）", 200, 200.0),
    ],
)
def test_rows_that_had_to_be_entered_by_category_take_their_table_1_q(
    name, q, critical
):
    result = gb18218.evaluate(unit(("name", name, q)))
    assert result["substances"][0]["Q"] == critical
    assert (result["S"], result["is_major"]) == (1.0, True)


def test_phosphine_takes_its_table_3_beta_of_20():
    """磷化氢 1 t, 120 people exposed: Q = 1 t (row 9), β = 20 (Table 3).

    S = 1 / 1 = 1 → major; α = 2.0; R = 2.0 × 20 × 1 = 40 → grade 3
    (50 > R ≥ 10). As an unnamed flammable gas (W2) it would be β 1.5, R 3.
    """
    result = gb18218.evaluate(unit(("name", "磷化氢", 1), people=120))
    row = result["substances"][0]
    assert (row["Q"], row["beta"], row["beta_source"]) == (
        1.0,
        20.0,
        data.BETA_FROM_TABLE3,
    )
    assert (result["S"], result["R"], result["grade"]) == (1.0, 40.0, 3)


@pytest.mark.parametrize(
    ("identifier", "q", "beta", "r_value"),
    [
        (("name", "二氧化氮"), 1, 10.0, 10.0),  # Q 1, S 1, R = 1 × 10 × 1
        (("name", "溴甲烷"), 10, 3.0, 3.0),  # Q 10, S 1, R = 1 × 3 × 1
        (("cas", "630-08-0"), 20, 2.0, 2.0),  # CO under 煤气: Q 20, β 2
    ],
)
def test_table_3_gases_that_were_missing(identifier, q, beta, r_value):
    key, value = identifier
    result = gb18218.evaluate(unit((key, value, q), alpha=1))
    assert result["substances"][0]["beta"] == beta
    assert (result["S"], result["R"]) == (1.0, r_value)


def test_gasoline_is_classified_per_unit_defaulting_to_category_1():
    """Gasoline 200 t, α 1: S = 1. W5.1 (default): R = 1.5; W5.3: R = 1."""
    default = gb18218.evaluate(unit(("name", "汽油", 200), alpha=1))
    assert (default["R"], default["substances"][0]["categories"]) == (1.5, ["W5.1"])
    payload = unit(("name", "汽油", 200), alpha=1)
    payload["substances"][0]["classified_as"] = "W5.3"
    chosen = gb18218.evaluate(payload)
    assert (chosen["R"], chosen["substances"][0]["categories"]) == (1.0, ["W5.3"])
    assert chosen["substances"][0]["Q"] == 200.0  # Q stays Table 1's


def test_a_liquid_above_its_boiling_point_may_be_classified_w5_1():
    """Toluene 500 t above its boiling point: Q 500 (Table 1), β 1.5 (W5.1)."""
    payload = unit(("name", "甲苯", 500), alpha=1)
    payload["substances"][0]["classified_as"] = "W5.1"
    assert gb18218.evaluate(payload)["R"] == 1.5


@pytest.mark.parametrize(
    ("name", "symbol"), [("汽油", "W2"), ("氯", "W5.1"), ("氢", "W5.1")]
)
def test_a_classification_a_row_does_not_offer_is_refused(name, symbol):
    payload = unit(("name", name, 1))
    payload["substances"][0]["classified_as"] = symbol
    with translation.override("en"):
        [problem] = gb18218.validate(payload)
    assert problem["path"] == "/substances/0/classified_as"


# -- several units ------------------------------------------------------------------


def test_several_units_report_each_and_the_governing_one():
    """Unit A: chlorine 2 t (S 0.4, not major). Unit B: chlorine 10 t, 120 people (R 16).

    Unit C: ammonia 10 t, 0 people (S 1, R = 0.5 × 2 = 1). B governs (highest R).
    """
    payload = {
        "units": [
            {"name": "A", **unit(chlorine(2), people=120)},
            {"name": "B", **unit(chlorine(10), people=120)},
            {"name": "C", **unit(("name", "氨", 10), people=0)},
        ]
    }
    result = gb18218.evaluate(payload)
    assert [u["is_major"] for u in result["units"]] == [False, True, True]
    assert [u["R"] for u in result["units"]] == [None, 16.0, 1.0]
    assert result["major_units"] == [1, 2]
    assert result["governing_unit"] == 1
    assert (result["S"], result["R"], result["grade"]) == (2.0, 16.0, 3)


def test_no_major_unit_governed_by_the_highest_s():
    payload = {"units": [unit(chlorine(1), people=0), unit(chlorine(3), people=0)]}
    result = gb18218.evaluate(payload)
    assert result["is_major"] is False
    assert result["governing_unit"] == 1
    assert result["S"] == 0.6
    assert result["grade"] is None


# -- data -----------------------------------------------------------------------------

# GB 18218-2018 Table 1, all 85 rows as FACTS.md §2 gives them:
# (row, name, CAS numbers, Q in t).
FACTS_TABLE_1 = [
    (1, "氨（液氨、氨气）", ("7664-41-7",), "10"),
    (2, "二氟化氧（一氧化二氟）", ("7783-41-7",), "1"),
    (3, "二氧化氮", ("10102-44-0",), "1"),
    (4, "二氧化硫（亚硫酸酐）", ("7446-09-5",), "20"),
    (5, "氟", ("7782-41-4",), "1"),
    (6, "碳酰氯（光气）", ("75-44-5",), "0.3"),
    (7, "环氧乙烷（氧化乙烯）", ("75-21-8",), "10"),
    (8, "甲醛（含量>90%）", ("50-00-0",), "5"),
    (9, "磷化氢（膦）", ("7803-51-2",), "1"),
    (10, "硫化氢", ("7783-06-4",), "5"),
    (11, "氯化氢（无水）", ("7647-01-0",), "20"),
    (12, "氯（液氯、氯气）", ("7782-50-5",), "5"),
    (13, "煤气（CO，CO 和 H₂、CH₄ 的混合物等）", (), "20"),
    (14, "砷化氢（胂）", ("7784-42-1",), "1"),
    (15, "锑化氢", ("7803-52-3",), "1"),
    (16, "硒化氢", ("7783-07-5",), "1"),
    (17, "溴甲烷（甲基溴）", ("74-83-9",), "10"),
    (18, "丙酮氰醇", ("75-86-5",), "20"),
    (19, "丙烯醛", ("107-02-8",), "20"),
    (20, "氟化氢", ("7664-39-3",), "1"),
    (21, "1-氯-2,3-环氧丙烷（环氧氯丙烷）", ("106-89-8",), "20"),
    (22, "3-溴-1,2-环氧丙烷", ("3132-64-7",), "20"),
    (23, "甲苯二异氰酸酯（TDI）", ("26471-62-5",), "100"),
    (24, "一氯化硫", ("10025-67-9",), "1"),
    (25, "氰化氢", ("74-90-8",), "1"),
    (26, "三氧化硫", ("7446-11-9",), "75"),
    (27, "3-氨基丙烯（烯丙胺）", ("107-11-9",), "20"),
    (28, "溴", ("7726-95-6",), "20"),
    (29, "乙撑亚胺（氮丙啶）", ("151-56-4",), "20"),
    (30, "异氰酸甲酯", ("624-83-9",), "0.75"),
    (31, "叠氮化钡", ("18810-58-7",), "0.5"),
    (32, "叠氮化铅", ("13424-46-9",), "0.5"),
    (33, "雷汞", ("628-86-4",), "0.5"),
    (34, "三硝基苯甲醚", ("28653-16-9",), "5"),
    (35, "2,4,6-三硝基甲苯（TNT）", ("118-96-7",), "5"),
    (36, "硝化甘油", ("55-63-0",), "1"),
    (37, "硝化纤维素［干的或含水（或乙醇）<25%］", ("9004-70-0",), "1"),
    (38, "硝化纤维素（未改型的，或增塑的，含增塑剂<18%）", ("9004-70-0",), "1"),
    (39, "硝化纤维素（含乙醇≥25%）", ("9004-70-0",), "10"),
    (40, "硝化纤维素（含氮≤12.6%）", ("9004-70-0",), "50"),
    (41, "硝化纤维素（含水≥25%）", ("9004-70-0",), "50"),
    (42, "硝化纤维素溶液（含氮量≤12.6%，含硝化纤维素≤55%）", ("9004-70-0",), "50"),
    (43, "硝酸铵（含可燃物>0.2%）", ("6484-52-2",), "5"),
    (44, "硝酸铵（含可燃物≤0.2%）", ("6484-52-2",), "50"),
    (45, "硝酸铵肥料（含可燃物≤0.4%）", (), "200"),
    (46, "硝酸钾", ("7757-79-1",), "1000"),
    (47, "1,3-丁二烯", ("106-99-0",), "5"),
    (48, "二甲醚", ("115-10-6",), "50"),
    (49, "甲烷，天然气", ("74-82-8", "8006-14-2"), "50"),
    (50, "氯乙烯", ("75-01-4",), "50"),
    (51, "氢", ("1333-74-0",), "5"),
    (
        52,
        "液化石油气（含丙烷、丁烷及其混合物）",
        ("68476-85-7", "74-98-6", "106-97-8"),
        "50",
    ),
    (53, "一甲胺", ("74-89-5",), "5"),
    (54, "乙炔", ("74-86-2",), "1"),
    (55, "乙烯", ("74-85-1",), "50"),
    (56, "氧（压缩的或液化的）", ("7782-44-7",), "200"),
    (57, "苯", ("71-43-2",), "50"),
    (58, "苯乙烯", ("100-42-5",), "500"),
    (59, "丙酮", ("67-64-1",), "500"),
    (60, "2-丙烯腈", ("107-13-1",), "50"),
    (61, "二硫化碳", ("75-15-0",), "50"),
    (62, "环己烷", ("110-82-7",), "500"),
    (63, "1,2-环氧丙烷", ("75-56-9",), "10"),
    (64, "甲苯", ("108-88-3",), "500"),
    (65, "甲醇", ("67-56-1",), "500"),
    (66, "汽油（乙醇汽油、甲醇汽油）", ("86290-81-5",), "200"),
    (67, "乙醇", ("64-17-5",), "500"),
    (68, "乙醚", ("60-29-7",), "10"),
    (69, "乙酸乙酯", ("141-78-6",), "500"),
    (70, "正己烷", ("110-54-3",), "500"),
    (71, "过乙酸", ("79-21-0",), "10"),
    (
        72,
        "过氧化甲基乙基酮（10%<有效氧含量≤10.7%，含 A 型稀释剂≥48%）",
        ("1338-23-4",),
        "10",
    ),
    (73, "白磷", ("12185-10-3",), "50"),
    (74, "烷基铝", (), "1"),
    (75, "戊硼烷", ("19624-22-7",), "1"),
    (76, "过氧化钾", ("17014-71-0",), "20"),
    (77, "过氧化钠", ("1313-60-6",), "20"),
    (78, "氯酸钾", ("3811-04-9",), "100"),
    (79, "氯酸钠", ("7775-09-9",), "100"),
    (80, "发烟硝酸", ("52583-42-3",), "20"),
    (81, "硝酸（发红烟的除外，含硝酸>70%）", ("7697-37-2",), "100"),
    (82, "硝酸胍", ("506-93-4",), "50"),
    (83, "碳化钙（电石）", ("75-20-7",), "100"),
    (84, "钾", ("7440-09-7",), "1"),
    (85, "钠", ("7440-23-5",), "10"),
]


def test_the_table_holds_all_85_rows_of_table_1_exactly():
    listed = {s.row: (s.cas_numbers, s.critical_quantity) for s in data.SUBSTANCES}
    expected = {row: (cas, Decimal(q)) for row, _name, cas, q in FACTS_TABLE_1}
    assert len(data.SUBSTANCES) == 85
    assert listed == {**expected, 13: (("630-08-0",), Decimal("20"))}
    # Carbon monoxide (630-08-0) is entered under the 煤气 row, which has no CAS.


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("环氧氯丙烷", 21),
        ("1-氯-2,3-环氧丙烷", 21),
        ("苯乙烯", 58),
        ("烷基铝", 74),
        ("磷化氢", 9),
        ("膦", 9),
        ("二氧化氮", 3),
        ("溴甲烷", 17),
        ("甲基溴", 17),
        ("一氧化碳", 13),
        ("天然气", 49),
        ("丙烷", 52),
        ("光气", 6),
    ],
)
def test_named_substances_resolve_to_their_row(name, row):
    assert data.SUBSTANCES_BY_NAME[name].row == row


def test_cas_numbers_have_valid_check_digits():
    for substance in data.SUBSTANCES:
        for cas in substance.cas_numbers:
            body, check = cas.rsplit("-", 1)
            digits = body.replace("-", "")[::-1]
            total = sum(p * int(d) for p, d in enumerate(digits, start=1))
            assert total % 10 == int(check), cas


def test_data_quality_warnings_are_heeded():
    assert data.SUBSTANCES_BY_NAME["氢"].critical_quantity == Decimal("5")
    assert data.SUBSTANCES_BY_NAME["甲醇"].critical_quantity == Decimal("500")
    (formaldehyde,) = data.SUBSTANCES_BY_CAS["50-00-0"]
    assert formaldehyde.key == "formaldehyde"
    assert data.BETA_TABLE3["一氧化碳"] == Decimal("2")
    assert "二氧化碳" not in data.BETA_TABLE3
    assert "二氧化碳" not in data.SUBSTANCES_BY_NAME


def test_table_3_betas_are_exact():
    assert {name: str(beta) for name, beta in data.BETA_TABLE3.items()} == {
        "一氧化碳": "2",
        "二氧化硫": "2",
        "氨": "2",
        "环氧乙烷": "2",
        "氯化氢": "3",
        "溴甲烷": "3",
        "氯": "4",
        "硫化氢": "5",
        "氟化氢": "5",
        "二氧化氮": "10",
        "氰化氢": "10",
        "碳酰氯": "20",
        "磷化氢": "20",
        "异氰酸甲酯": "20",
    }


def test_table_2_and_4_categories_are_exact():
    assert {
        symbol: (str(c.critical_quantity), str(c.beta))
        for symbol, c in data.CATEGORIES.items()
    } == {
        "J1": ("5", "4"),
        "J2": ("50", "1"),
        "J3": ("50", "2"),
        "J4": ("50", "2"),
        "J5": ("500", "1"),
        "W1.1": ("1", "2"),
        "W1.2": ("10", "2"),
        "W1.3": ("50", "2"),
        "W2": ("10", "1.5"),
        "W3": ("150", "1"),
        "W4": ("50", "1"),
        "W5.1": ("10", "1.5"),
        "W5.2": ("50", "1"),
        "W5.3": ("1000", "1"),
        "W5.4": ("5000", "1"),
        "W6.1": ("10", "1.5"),
        "W6.2": ("50", "1"),
        "W7.1": ("10", "1.5"),
        "W7.2": ("50", "1"),
        "W8": ("50", "1"),
        "W9.1": ("50", "1"),
        "W9.2": ("200", "1"),
        "W10": ("200", "1"),
        "W11": ("200", "1"),
    }


# The toxic gases Table 3 names, by Table 1 row, with their β.
TABLE_3_ROWS = {
    1: 2,  # 氨
    3: 10,  # 二氧化氮
    4: 2,  # 二氧化硫
    6: 20,  # 碳酰氯
    7: 2,  # 环氧乙烷
    9: 20,  # 磷化氢
    10: 5,  # 硫化氢
    11: 3,  # 氯化氢
    12: 4,  # 氯
    13: 2,  # 煤气: 一氧化碳
    17: 3,  # 溴甲烷
    20: 5,  # 氟化氢
    25: 10,  # 氰化氢
    30: 20,  # 异氰酸甲酯
}


def test_table_3_gases_take_their_table_3_beta():
    for substance in data.SUBSTANCES:
        beta, source = data.beta_and_source(substance)
        if substance.row in TABLE_3_ROWS:
            assert (beta, source) == (
                Decimal(TABLE_3_ROWS[substance.row]),
                data.BETA_FROM_TABLE3,
            ), substance.key
            assert substance.categories == ()
        else:
            assert source != data.BETA_FROM_TABLE3, substance.key


def test_other_rows_take_the_highest_beta_of_their_categories():
    for substance in data.SUBSTANCES:
        if substance.row in TABLE_3_ROWS:
            continue
        beta = data.beta_and_source(substance)[0]
        if substance.categories:
            assert beta == max(data.CATEGORIES[c].beta for c in substance.categories)
        else:
            assert (substance.key, beta) == ("sulfur_trioxide", Decimal("1"))
            assert substance.assumption


@pytest.mark.parametrize(
    ("name", "beta"),
    [
        ("环氧丙烷", "2"),  # 易燃液体1 and 急性毒性-吸入3, b.p. 34 ℃: J4
        ("二硫化碳", "1"),  # 易燃液体2, b.p. 46 ℃: W5.3
        ("汽油", "1.5"),  # category 1 by default: W5.1
    ],
)
def test_the_beta_of_the_facts_notes(name, beta):
    assert data.SUBSTANCES_BY_NAME[name].beta == Decimal(beta)


def test_every_name_and_alias_points_to_one_substance():
    names = [
        name
        for s in data.SUBSTANCES
        for name in (s.name.zh_hans, s.name.en, *s.aliases)
    ]
    assert len(names) == len(set(names))


# -- contract -------------------------------------------------------------------------


def test_input_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(gb18218.INPUT_SCHEMA)
    assert gb18218.INPUT_SCHEMA["$schema"].endswith("/draft/2020-12/schema")


def test_the_pack_contributes_the_rule_through_its_entry_point():
    manager = build_plugin_manager(["chemicals"])
    rules = {
        rule.key: (name, rule)
        for name, rule in manager.collect("safegrid_scoring_rules")
    }
    pack, rule = rules["gb18218"]
    assert pack == "chemicals"
    assert isinstance(rule, ScoringRule)
    assert rule.problems() == []
    assert rule.evaluate(unit(chlorine(5)))["is_major"] is True
