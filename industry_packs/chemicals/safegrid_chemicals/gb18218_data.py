"""GB 18218-2018 data: hazard categories (Tables 2 and 4), β of toxic gases
(Table 3) and the named substances of Table 1 that this pack ships.

Values are those of GB 18218-2018 as summarised in the project's domain facts
(FACTS.md §2); nothing beyond them is added. Only part of Table 1 (85 entries
in the standard) is here: a substance that is not listed is entered by its
hazard category, as the standard does for unnamed substances.

β of a named substance:

* a toxic gas named in Table 3 takes its Table 3 value (``BETA_TABLE3``);
* any other takes the β of its hazard category from Table 4. The standard
  leaves the category to the 危险化学品目录 classification, which FACTS does
  not give, so each substance's categories here are our reading of its common
  GHS classification: a documented assumption (see the pack README). Where a
  substance has several categories the highest β is taken (the way Table 3
  itself treats flammable toxic gases such as CO or ethylene oxide); where it
  has none (sulphur trioxide), β = 1.

Quantities are tonnes and kept as ``Decimal`` so the engine can compute exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from plugins.contributions import I18nText

STANDARD = "GB 18218-2018"

# Where a β comes from; shown in every breakdown row.
BETA_FROM_TABLE3 = "table3"
BETA_FROM_CATEGORY = "table4_category"
BETA_HIGHEST_OF_CATEGORIES = "table4_highest_of_categories"
BETA_NO_CATEGORY_ASSUMED_1 = "assumed_1_no_category"


@dataclass(frozen=True)
class HazardCategory:
    """A Table 2 hazard category with its critical quantity and Table 4 β."""

    symbol: str
    name: I18nText
    critical_quantity: Decimal
    beta: Decimal


@dataclass(frozen=True)
class Substance:
    """A substance named in Table 1 with its own critical quantity.

    ``table3_beta`` is set only for the toxic gases of Table 3; their
    category does not matter and is not recorded. For the others
    ``categories`` are the Table 2 symbols we assign (an assumption, see the
    module docstring) and β follows from them. ``assumption`` says in words why β is what it is when
    the category choice is not clear-cut.
    """

    key: str
    name: I18nText
    cas: str | None
    critical_quantity: Decimal
    categories: tuple[str, ...]
    table3_beta: Decimal | None = None
    aliases: tuple[str, ...] = ()
    assumption: str = ""

    @property
    def beta(self) -> Decimal:
        return beta_and_source(self)[0]

    @property
    def beta_source(self) -> str:
        return beta_and_source(self)[1]


def _cat(symbol: str, zh: str, en: str, q: str, beta: str) -> HazardCategory:
    return HazardCategory(symbol, I18nText(zh, en), Decimal(q), Decimal(beta))


# Table 2 (critical quantities) and Table 4 (β) by category, FACTS.md §2.
# One row per category, as in the standard's table.
# fmt: off
CATEGORIES: dict[str, HazardCategory] = {
    c.symbol: c
    for c in (
        _cat("J1", "急性毒性-类别1（所有暴露途径，气体）", "Acute toxicity cat. 1, all routes, gas", "5", "4"),
        _cat("J2", "急性毒性-类别1（所有暴露途径，固体、液体）", "Acute toxicity cat. 1, all routes, solid/liquid", "50", "1"),
        _cat("J3", "急性毒性-类别2、类别3（所有暴露途径，气体）", "Acute toxicity cat. 2/3, all routes, gas", "50", "2"),
        _cat("J4", "急性毒性-类别2、类别3（吸入途径，沸点≤35℃的液体）", "Acute toxicity cat. 2/3, inhalation, liquid with b.p. ≤ 35 °C", "50", "2"),
        _cat("J5", "急性毒性-类别2（所有暴露途径，J4以外的液体、固体）", "Acute toxicity cat. 2, all routes, liquid (not J4) or solid", "500", "1"),
        _cat("W1.1", "不稳定爆炸物；1.1项爆炸物", "Unstable explosives; division 1.1 explosives", "1", "2"),
        _cat("W1.2", "1.2、1.3、1.5、1.6项爆炸物", "Division 1.2, 1.3, 1.5, 1.6 explosives", "10", "2"),
        _cat("W1.3", "1.4项爆炸物", "Division 1.4 explosives", "50", "2"),
        _cat("W2", "易燃气体-类别1、类别2", "Flammable gases cat. 1, 2", "10", "1.5"),
        _cat("W3", "气溶胶-类别1、类别2（按净重计）", "Aerosols cat. 1, 2 (net weight)", "150", "1"),
        _cat("W4", "氧化性气体-类别1", "Oxidising gases cat. 1", "50", "1"),
        _cat("W5.1", "易燃液体-类别1；类别2、3在沸点以上工况", "Flammable liquids cat. 1; cat. 2/3 above their boiling point", "10", "1.5"),
        _cat("W5.2", "易燃液体-类别2、3在特殊工艺条件下", "Flammable liquids cat. 2/3 under special process conditions", "50", "1"),
        _cat("W5.3", "其他易燃液体-类别2", "Other flammable liquids cat. 2", "1000", "1"),
        _cat("W5.4", "其他易燃液体-类别3", "Other flammable liquids cat. 3", "5000", "1"),
        _cat("W6.1", "自反应物质和混合物-A型、B型", "Self-reactive substances types A, B", "10", "1.5"),
        _cat("W6.2", "自反应物质和混合物-C、D、E型", "Self-reactive substances types C, D, E", "50", "1"),
        _cat("W7.1", "有机过氧化物-A型、B型", "Organic peroxides types A, B", "10", "1.5"),
        _cat("W7.2", "有机过氧化物-C、D、E、F型", "Organic peroxides types C, D, E, F", "50", "1"),
        _cat("W8", "自燃液体、自燃固体-类别1", "Pyrophoric liquids and solids cat. 1", "50", "1"),
        _cat("W9.1", "氧化性固体、液体-类别1", "Oxidising solids and liquids cat. 1", "50", "1"),
        _cat("W9.2", "氧化性固体、液体-类别2、类别3", "Oxidising solids and liquids cat. 2, 3", "200", "1"),
        _cat("W10", "易燃固体-类别1", "Flammable solids cat. 1", "200", "1"),
        _cat("W11", "遇水放出易燃气体的物质和混合物-类别1、类别2", "Substances emitting flammable gas with water cat. 1, 2", "200", "1"),
    )
}
# fmt: on

# Table 3: β of the toxic gases it names, FACTS.md §2. Names in Chinese as in
# the standard; substances of this list that are not in our Table 1 excerpt
# (一氧化碳, 溴甲烷, 二氧化氮, 磷化氢) have no critical quantity in FACTS and
# are therefore not selectable, but their β is kept for completeness.
BETA_TABLE3: dict[str, Decimal] = {
    "一氧化碳": Decimal("2"),
    "二氧化硫": Decimal("2"),
    "氨": Decimal("2"),
    "环氧乙烷": Decimal("2"),
    "氯化氢": Decimal("3"),
    "溴甲烷": Decimal("3"),
    "氯": Decimal("4"),
    "硫化氢": Decimal("5"),
    "氟化氢": Decimal("5"),
    "二氧化氮": Decimal("10"),
    "氰化氢": Decimal("10"),
    "碳酰氯": Decimal("20"),
    "磷化氢": Decimal("20"),
    "异氰酸甲酯": Decimal("20"),
}

# α by people exposed outside the plant boundary (within 500 m): (lowest
# headcount of the band, α), highest band first.
ALPHA_BANDS: tuple[tuple[int, Decimal], ...] = (
    (100, Decimal("2.0")),
    (50, Decimal("1.5")),
    (30, Decimal("1.2")),
    (1, Decimal("1.0")),
    (0, Decimal("0.5")),
)
ALPHA_VALUES: tuple[Decimal, ...] = tuple(alpha for _, alpha in ALPHA_BANDS)

# Grade by R: (lowest R of the grade, grade), most severe first; below the
# last bound the grade is 4.
GRADE_BOUNDS: tuple[tuple[Decimal, int], ...] = (
    (Decimal("100"), 1),
    (Decimal("50"), 2),
    (Decimal("10"), 3),
)
LOWEST_GRADE = 4


def _s(
    key: str,
    zh: str,
    en: str,
    cas: str | None,
    q: str,
    categories: tuple[str, ...],
    *,
    table3: str | None = None,
    aliases: tuple[str, ...] = (),
    assumption: str = "",
) -> Substance:
    beta = BETA_TABLE3[table3] if table3 else None
    return Substance(
        key=key,
        name=I18nText(zh, en),
        cas=cas,
        critical_quantity=Decimal(q),
        categories=categories,
        table3_beta=beta,
        aliases=aliases,
        assumption=assumption,
    )


# Table 1 excerpt, FACTS.md §2 (every named substance given there). Order:
# the Table 3 toxic gases first, then the others as FACTS lists them.
# One row per substance, as in the standard's table.
# fmt: off
SUBSTANCES: tuple[Substance, ...] = (
    # Toxic gases of Table 3: β from Table 3, so no category is needed.
    _s("ammonia", "氨", "Ammonia", "7664-41-7", "10", (), table3="氨", aliases=("液氨", "氨气")),
    _s("chlorine", "氯", "Chlorine", "7782-50-5", "5", (), table3="氯", aliases=("液氯", "氯气")),
    _s("hydrogen_sulfide", "硫化氢", "Hydrogen sulfide", "7783-06-4", "5", (), table3="硫化氢"),
    _s("phosgene", "碳酰氯", "Phosgene (carbonyl dichloride)", "75-44-5", "0.3", (), table3="碳酰氯", aliases=("光气",)),
    _s("hydrogen_cyanide", "氰化氢", "Hydrogen cyanide", "74-90-8", "1", (), table3="氰化氢"),
    _s("hydrogen_fluoride", "氟化氢", "Hydrogen fluoride", "7664-39-3", "1", (), table3="氟化氢"),
    _s("sulfur_dioxide", "二氧化硫", "Sulphur dioxide", "7446-09-5", "20", (), table3="二氧化硫"),
    _s("hydrogen_chloride", "氯化氢（无水）", "Hydrogen chloride (anhydrous)", "7647-01-0", "20", (), table3="氯化氢", aliases=("氯化氢",)),
    _s("ethylene_oxide", "环氧乙烷", "Ethylene oxide", "75-21-8", "10", (), table3="环氧乙烷"),
    _s("methyl_isocyanate", "异氰酸甲酯", "Methyl isocyanate", "624-83-9", "0.75", (), table3="异氰酸甲酯"),
    # Others: β from the Table 4 category.
    _s("formaldehyde", "甲醛（含量>90%）", "Formaldehyde (content > 90%)", "50-00-0", "5", ("J3", "W2"),
       assumption='Toxic (J3) and flammable (W2) gas; the higher β (J3: 2) is taken, as Table 3 does for carbon monoxide.'),
    _s("town_gas", "煤气（CO，CO和H₂、CH₄的混合物等）", "Town gas (CO, or mixtures of CO with H₂ and CH₄)", None, "20", ("J3", "W2"), aliases=("煤气",),
       assumption="Its hazard is that of carbon monoxide: toxic (J3) and flammable (W2) gas; the higher β (J3: 2) is taken, equal to CO's Table 3 β."),
    _s("toluene_diisocyanate", "甲苯二异氰酸酯", "Toluene diisocyanate (TDI)", "26471-62-5", "100", ("J5",), aliases=("TDI",)),
    _s("bromine", "溴", "Bromine", "7726-95-6", "20", ("J5",)),
    _s("sulfur_trioxide", "三氧化硫", "Sulphur trioxide", "7446-11-9", "75", (),
       assumption='Classified for corrosivity only, which has no Table 2 category; β = 1 (the lowest Table 4 value) is assumed.'),
    _s("carbon_disulfide", "二硫化碳", "Carbon disulphide", "75-15-0", "50", ("W5.1",)),
    _s("acrylonitrile", "丙烯腈", "Acrylonitrile", "107-13-1", "50", ("W5.3",)),
    _s("ammonium_nitrate_combustible_over_0_2", "硝酸铵（含可燃物>0.2%）", "Ammonium nitrate (combustible matter > 0.2%)", "6484-52-2", "5", ("W1.1",)),
    _s("ammonium_nitrate_combustible_max_0_2", "硝酸铵（含可燃物≤0.2%）", "Ammonium nitrate (combustible matter ≤ 0.2%)", "6484-52-2", "50", ("W9.2",)),
    _s("nitroglycerin", "硝化甘油", "Nitroglycerin", "55-63-0", "1", ("W1.1",)),
    _s("tnt", "2,4,6-三硝基甲苯", "2,4,6-Trinitrotoluene (TNT)", "118-96-7", "5", ("W1.1",), aliases=("TNT",)),
    _s("calcium_carbide", "碳化钙", "Calcium carbide", "75-20-7", "100", ("W11",), aliases=("电石",)),
    _s("lpg", "液化石油气", "Liquefied petroleum gas", "68476-85-7", "50", ("W2",), aliases=("LPG",)),
    _s("methane", "甲烷", "Methane", "74-82-8", "50", ("W2",)),
    _s("natural_gas", "天然气", "Natural gas", "8006-14-2", "50", ("W2",)),
    _s("hydrogen", "氢", "Hydrogen", "1333-74-0", "5", ("W2",), aliases=("氢气",)),
    _s("acetylene", "乙炔", "Acetylene", "74-86-2", "1", ("W2",)),
    _s("ethylene", "乙烯", "Ethylene", "74-85-1", "50", ("W2",)),
    _s("butadiene", "1,3-丁二烯", "1,3-Butadiene", "106-99-0", "5", ("W2",)),
    _s("vinyl_chloride", "氯乙烯", "Vinyl chloride", "75-01-4", "50", ("W2",)),
    _s("dimethyl_ether", "二甲醚", "Dimethyl ether", "115-10-6", "50", ("W2",)),
    _s("methylamine", "一甲胺", "Methylamine", "74-89-5", "5", ("W2",)),
    _s("oxygen", "氧（压缩的或液化的）", "Oxygen (compressed or liquefied)", "7782-44-7", "200", ("W4",), aliases=("氧", "液氧")),
    _s("benzene", "苯", "Benzene", "71-43-2", "50", ("W5.3",)),
    _s("toluene", "甲苯", "Toluene", "108-88-3", "500", ("W5.3",)),
    _s("methanol", "甲醇", "Methanol", "67-56-1", "500", ("W5.3",)),
    _s("gasoline", "汽油（含甲醇汽油、乙醇汽油）", "Gasoline (incl. methanol and ethanol gasoline)", "86290-81-5", "200", ("W5.3",), aliases=("汽油",),
       assumption='Taken as flammable liquid cat. 2 stored at ambient conditions (W5.3, β 1); a cat. 1 grade or one handled above its boiling point would be W5.1 (β 1.5).'),
    _s("ethanol", "乙醇", "Ethanol", "64-17-5", "500", ("W5.3",), aliases=("酒精",)),
    _s("diethyl_ether", "乙醚", "Diethyl ether", "60-29-7", "10", ("W5.1",)),
    _s("propylene_oxide", "环氧丙烷", "Propylene oxide", "75-56-9", "10", ("W5.1",)),
    _s("sodium", "钠", "Sodium", "7440-23-5", "10", ("W11",), aliases=("金属钠",)),
    _s("potassium", "钾", "Potassium", "7440-09-7", "1", ("W11",), aliases=("金属钾",)),
)
# fmt: on


def beta_and_source(substance: Substance) -> tuple[Decimal, str]:
    """β of a named substance and where it comes from (see module docstring)."""
    if substance.table3_beta is not None:
        return substance.table3_beta, BETA_FROM_TABLE3
    if not substance.categories:
        return Decimal("1"), BETA_NO_CATEGORY_ASSUMED_1
    betas = [CATEGORIES[symbol].beta for symbol in substance.categories]
    source = BETA_FROM_CATEGORY if len(betas) == 1 else BETA_HIGHEST_OF_CATEGORIES
    return max(betas), source


SUBSTANCES_BY_KEY: dict[str, Substance] = {s.key: s for s in SUBSTANCES}


def _names_of(substance: Substance) -> tuple[str, ...]:
    return (substance.name.zh_hans, substance.name.en, *substance.aliases)


# Every name a substance can be entered by (Chinese, English, aliases); each
# must point to exactly one entry (checked by the pack's tests).
SUBSTANCES_BY_NAME: dict[str, Substance] = {
    name: s for s in SUBSTANCES for name in _names_of(s)
}

SUBSTANCES_BY_CAS: dict[str, tuple[Substance, ...]] = {}
for _substance in SUBSTANCES:
    if _substance.cas:
        SUBSTANCES_BY_CAS.setdefault(_substance.cas, ())
        SUBSTANCES_BY_CAS[_substance.cas] += (_substance,)
del _substance
