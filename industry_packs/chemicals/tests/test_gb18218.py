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

# Every named substance of FACTS.md §2 Table 1 excerpt: (name, CAS, Q in t).
FACTS_TABLE_1 = [
    ("氨", "7664-41-7", "10"),
    ("氯", "7782-50-5", "5"),
    ("硫化氢", "7783-06-4", "5"),
    ("碳酰氯", "75-44-5", "0.3"),
    ("氰化氢", "74-90-8", "1"),
    ("氟化氢", "7664-39-3", "1"),
    ("二氧化硫", "7446-09-5", "20"),
    ("氯化氢（无水）", "7647-01-0", "20"),
    ("环氧乙烷", "75-21-8", "10"),
    ("甲醛（含量>90%）", "50-00-0", "5"),
    ("煤气（CO，CO和H₂、CH₄的混合物等）", None, "20"),
    ("异氰酸甲酯", "624-83-9", "0.75"),
    ("甲苯二异氰酸酯", "26471-62-5", "100"),
    ("溴", "7726-95-6", "20"),
    ("三氧化硫", "7446-11-9", "75"),
    ("二硫化碳", "75-15-0", "50"),
    ("丙烯腈", "107-13-1", "50"),
    ("硝酸铵（含可燃物>0.2%）", "6484-52-2", "5"),
    ("硝化甘油", "55-63-0", "1"),
    ("2,4,6-三硝基甲苯", "118-96-7", "5"),
    ("碳化钙", "75-20-7", "100"),
    ("液化石油气", "68476-85-7", "50"),
    ("甲烷", "74-82-8", "50"),
    ("天然气", "8006-14-2", "50"),
    ("氢", "1333-74-0", "5"),
    ("乙炔", "74-86-2", "1"),
    ("乙烯", "74-85-1", "50"),
    ("1,3-丁二烯", "106-99-0", "5"),
    ("氯乙烯", "75-01-4", "50"),
    ("二甲醚", "115-10-6", "50"),
    ("一甲胺", "74-89-5", "5"),
    ("氧（压缩的或液化的）", "7782-44-7", "200"),
    ("苯", "71-43-2", "50"),
    ("甲苯", "108-88-3", "500"),
    ("甲醇", "67-56-1", "500"),
    ("汽油（含甲醇汽油、乙醇汽油）", "86290-81-5", "200"),
    ("乙醇", "64-17-5", "500"),
    ("乙醚", "60-29-7", "10"),
    ("环氧丙烷", "75-56-9", "10"),
    ("硝酸铵（含可燃物≤0.2%）", "6484-52-2", "50"),
    ("钠", "7440-23-5", "10"),
    ("钾", "7440-09-7", "1"),
]


def test_the_table_holds_every_named_substance_of_the_facts_exactly():
    listed = [(s.name.zh_hans, s.cas, s.critical_quantity) for s in data.SUBSTANCES]
    expected = [(name, cas, Decimal(q)) for name, cas, q in FACTS_TABLE_1]
    assert sorted(listed, key=str) == sorted(expected, key=str)
    assert len(data.SUBSTANCES) >= 40


def test_cas_numbers_have_valid_check_digits():
    for substance in data.SUBSTANCES:
        if substance.cas is None:
            continue
        body, check = substance.cas.rsplit("-", 1)
        digits = body.replace("-", "")[::-1]
        total = sum(position * int(d) for position, d in enumerate(digits, start=1))
        assert total % 10 == int(check), substance.cas


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


def test_every_beta_has_a_stated_source():
    """Table 3 gases take Table 3; the others a category β or a written assumption."""
    table3 = {
        "氨",
        "氯",
        "硫化氢",
        "碳酰氯",
        "氰化氢",
        "氟化氢",
        "二氧化硫",
        "环氧乙烷",
        "异氰酸甲酯",
    }
    for substance in data.SUBSTANCES:
        beta, source = data.beta_and_source(substance)
        if substance.name.zh_hans in table3 or substance.key == "hydrogen_chloride":
            assert source == data.BETA_FROM_TABLE3
            assert substance.categories == ()
        elif source == data.BETA_FROM_CATEGORY:
            assert len(substance.categories) == 1
            assert beta == data.CATEGORIES[substance.categories[0]].beta
        else:
            assert substance.assumption, substance.key
    assumed = {s.key for s in data.SUBSTANCES if s.assumption}
    assert assumed == {"formaldehyde", "town_gas", "sulfur_trioxide", "gasoline"}


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
