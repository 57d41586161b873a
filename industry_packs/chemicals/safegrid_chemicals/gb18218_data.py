"""GB 18218-2018 data: hazard categories (Tables 2 and 4), β of toxic gases
(Table 3) and all 85 named substances of Table 1.

Values are those of GB 18218-2018 as summarised in the project's domain facts
(FACTS.md §2, Table 1 complete). A substance named in Table 1 always takes
its Table 1 critical quantity, whatever its hazard category; only a substance
that is not named there is entered by category (Table 2). Several rows share
a CAS number and differ by composition (nitrocellulose, ammonium nitrate):
they are told apart by name.

β of a named substance:

* a toxic gas named in Table 3 takes its Table 3 value (``BETA_TABLE3``);
  pure carbon monoxide is entered under the 煤气 row (Q 20 t, β 2);
* any other takes the β of its hazard category from Table 4. The standard
  leaves the category to the 危险化学品目录 classification, which FACTS does
  not give in full, so each substance's categories here are our reading of
  its usual GHS classification (◐, listed in docs/packs.md). Where a
  substance has several categories the highest β is taken; where it has none
  (sulphur trioxide), β = 1.
* a flammable liquid whose category depends on how it is held has
  ``category_options``: a unit may classify it otherwise (``classified_as``),
  e.g. a category 2 liquid handled above its boiling point is W5.1 (β 1.5);
  gasoline is W5.1 (category 1, β 1.5) unless its SDS says category 2 (W5.3).

Quantities are tonnes and kept as ``Decimal`` so the engine can compute exactly.
"""

from __future__ import annotations

import re
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
    """A row of Table 1 with its own critical quantity.

    ``row`` is the row number in Table 1 (1-85). ``cas`` is the row's CAS
    number (``None`` where the standard gives none) and ``other_cas`` further
    numbers the row covers (the components of LPG, natural gas beside
    methane, carbon monoxide under 煤气). ``table3_beta`` is set only for the
    toxic gases of Table 3; for the others ``categories`` are the Table 2
    symbols we assign (an assumption, see the module docstring) and β follows
    from them. ``category_options`` are the flammable-liquid symbols a unit
    may classify it as instead (the first of ``categories`` among them is the
    default). ``all_forms`` is False where the row covers only some
    compositions of the substance (formaldehyde > 90%), so that its CAS
    number may also stand for a mixture outside Table 1. ``assumption`` says
    in words why β is what it is when the category choice is not clear-cut.
    """

    row: int
    key: str
    name: I18nText
    cas: str | None
    critical_quantity: Decimal
    categories: tuple[str, ...]
    table3_beta: Decimal | None = None
    aliases: tuple[str, ...] = ()
    assumption: str = ""
    other_cas: tuple[str, ...] = ()
    category_options: tuple[str, ...] = ()
    all_forms: bool = True

    @property
    def beta(self) -> Decimal:
        return beta_and_source(self)[0]

    @property
    def beta_source(self) -> str:
        return beta_and_source(self)[1]

    @property
    def cas_numbers(self) -> tuple[str, ...]:
        return (self.cas, *self.other_cas) if self.cas else self.other_cas


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

# Table 3: β of the toxic gases it names, FACTS.md §2, by their Chinese names.
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
    row: int,
    key: str,
    zh: str,
    en: str,
    cas: str | None,
    q: str,
    categories: tuple[str, ...] = (),
    *,
    table3: str | None = None,
    aliases: tuple[str, ...] = (),
    other_cas: tuple[str, ...] = (),
    options: tuple[str, ...] = (),
    all_forms: bool = True,
    assumption: str = "",
) -> Substance:
    return Substance(
        row=row,
        key=key,
        name=I18nText(zh, en),
        cas=cas,
        critical_quantity=Decimal(q),
        categories=categories,
        table3_beta=BETA_TABLE3[table3] if table3 else None,
        aliases=aliases,
        assumption=assumption,
        other_cas=other_cas,
        category_options=options,
        all_forms=all_forms,
    )


# A category 2 or 3 flammable liquid is W5.1 (β 1.5) when handled above its
# boiling point (Table 2); otherwise W5.2/W5.3/W5.4, all β 1.
ABOVE_BP = ("W5.3", "W5.1")
ABOVE_BP_CAT3 = ("W5.4", "W5.1")

# Table 1, all 85 rows in the standard's order (FACTS.md §2). The categories
# of the rows outside Table 3 are our reading of their usual classification.
# fmt: off
SUBSTANCES: tuple[Substance, ...] = (
    _s(1, "ammonia", "氨", "Ammonia", "7664-41-7", "10", table3="氨", aliases=("液氨", "氨气")),
    _s(2, "oxygen_difluoride", "二氟化氧", "Oxygen difluoride", "7783-41-7", "1", ("J1", "W4"), aliases=("一氧化二氟",)),
    _s(3, "nitrogen_dioxide", "二氧化氮", "Nitrogen dioxide", "10102-44-0", "1", table3="二氧化氮"),
    _s(4, "sulfur_dioxide", "二氧化硫", "Sulphur dioxide", "7446-09-5", "20", table3="二氧化硫", aliases=("亚硫酸酐",)),
    _s(5, "fluorine", "氟", "Fluorine", "7782-41-4", "1", ("J3", "W4")),
    _s(6, "phosgene", "碳酰氯", "Phosgene (carbonyl dichloride)", "75-44-5", "0.3", table3="碳酰氯", aliases=("光气",)),
    _s(7, "ethylene_oxide", "环氧乙烷", "Ethylene oxide", "75-21-8", "10", table3="环氧乙烷", aliases=("氧化乙烯",)),
    _s(8, "formaldehyde", "甲醛（含量>90%）", "Formaldehyde (content > 90%)", "50-00-0", "5", ("J3", "W2"), all_forms=False,
       assumption="Toxic (J3) and flammable (W2) gas; the higher β (J3: 2) is taken, as Table 3 does for carbon monoxide."),
    _s(9, "phosphine", "磷化氢", "Phosphine", "7803-51-2", "1", table3="磷化氢", aliases=("膦",)),
    _s(10, "hydrogen_sulfide", "硫化氢", "Hydrogen sulfide", "7783-06-4", "5", table3="硫化氢"),
    _s(11, "hydrogen_chloride", "氯化氢（无水）", "Hydrogen chloride (anhydrous)", "7647-01-0", "20", table3="氯化氢", aliases=("氯化氢",)),
    _s(12, "chlorine", "氯", "Chlorine", "7782-50-5", "5", table3="氯", aliases=("液氯", "氯气")),
    _s(13, "town_gas", "煤气（CO，CO和H₂、CH₄的混合物等）", "Town gas (CO, or mixtures of CO with H₂ and CH₄)", None, "20",
       table3="一氧化碳", aliases=("煤气", "一氧化碳", "Carbon monoxide"), other_cas=("630-08-0",),
       assumption="Carbon monoxide is the toxic gas of this row: Table 3 gives it β 2; pure CO (630-08-0) is entered under this row."),
    _s(14, "arsine", "砷化氢", "Arsine", "7784-42-1", "1", ("J3", "W2"), aliases=("胂",)),
    _s(15, "stibine", "锑化氢", "Stibine", "7803-52-3", "1", ("J3", "W2")),
    _s(16, "hydrogen_selenide", "硒化氢", "Hydrogen selenide", "7783-07-5", "1", ("J3", "W2")),
    _s(17, "methyl_bromide", "溴甲烷", "Methyl bromide", "74-83-9", "10", table3="溴甲烷", aliases=("甲基溴",)),
    _s(18, "acetone_cyanohydrin", "丙酮氰醇", "Acetone cyanohydrin", "75-86-5", "20", ("J2",)),
    _s(19, "acrolein", "丙烯醛", "Acrolein", "107-02-8", "20", ("W5.3", "J5"), options=ABOVE_BP),
    _s(20, "hydrogen_fluoride", "氟化氢", "Hydrogen fluoride", "7664-39-3", "1", table3="氟化氢"),
    _s(21, "epichlorohydrin", "1-氯-2,3-环氧丙烷", "1-Chloro-2,3-epoxypropane (epichlorohydrin)", "106-89-8", "20", ("W5.4",),
       aliases=("环氧氯丙烷",), options=ABOVE_BP_CAT3),
    _s(22, "epibromohydrin", "3-溴-1,2-环氧丙烷", "3-Bromo-1,2-epoxypropane (epibromohydrin)", "3132-64-7", "20", ("W5.4",),
       aliases=("环氧溴丙烷",), options=ABOVE_BP_CAT3),
    _s(23, "toluene_diisocyanate", "甲苯二异氰酸酯", "Toluene diisocyanate (TDI)", "26471-62-5", "100", ("J5",), aliases=("TDI",)),
    _s(24, "sulfur_monochloride", "一氯化硫", "Sulphur monochloride", "10025-67-9", "1", ("J5",)),
    _s(25, "hydrogen_cyanide", "氰化氢", "Hydrogen cyanide", "74-90-8", "1", table3="氰化氢"),
    _s(26, "sulfur_trioxide", "三氧化硫", "Sulphur trioxide", "7446-11-9", "75",
       assumption="Classified for corrosivity only, which has no Table 2 category; β = 1 (the lowest Table 4 value) is assumed."),
    _s(27, "allylamine", "3-氨基丙烯", "3-Aminopropene (allylamine)", "107-11-9", "20", ("W5.3", "J5"), aliases=("烯丙胺",), options=ABOVE_BP),
    _s(28, "bromine", "溴", "Bromine", "7726-95-6", "20", ("J5",)),
    _s(29, "aziridine", "乙撑亚胺", "Ethyleneimine (aziridine)", "151-56-4", "20", ("W5.3", "J2"), aliases=("氮丙啶",), options=ABOVE_BP),
    _s(30, "methyl_isocyanate", "异氰酸甲酯", "Methyl isocyanate", "624-83-9", "0.75", table3="异氰酸甲酯"),
    _s(31, "barium_azide", "叠氮化钡", "Barium azide", "18810-58-7", "0.5", ("W1.1",)),
    _s(32, "lead_azide", "叠氮化铅", "Lead azide", "13424-46-9", "0.5", ("W1.1",)),
    _s(33, "mercury_fulminate", "雷汞", "Mercury fulminate", "628-86-4", "0.5", ("W1.1",)),
    _s(34, "trinitroanisole", "三硝基苯甲醚", "Trinitroanisole", "28653-16-9", "5", ("W1.1",)),
    _s(35, "tnt", "2,4,6-三硝基甲苯", "2,4,6-Trinitrotoluene (TNT)", "118-96-7", "5", ("W1.1",), aliases=("TNT", "三硝基甲苯")),
    _s(36, "nitroglycerin", "硝化甘油", "Nitroglycerin", "55-63-0", "1", ("W1.1",)),
    _s(37, "nitrocellulose_dry", "硝化纤维素［干的或含水（或乙醇）<25%］", "Nitrocellulose, dry or with < 25% water (or ethanol)", "9004-70-0", "1", ("W1.1",)),
    _s(38, "nitrocellulose_unmodified", "硝化纤维素（未改型的，或增塑的，含增塑剂<18%）", "Nitrocellulose, unmodified or with < 18% plasticiser", "9004-70-0", "1", ("W1.1",)),
    _s(39, "nitrocellulose_ethanol", "硝化纤维素（含乙醇≥25%）", "Nitrocellulose with ≥ 25% ethanol", "9004-70-0", "10", ("W1.2",)),
    _s(40, "nitrocellulose_low_nitrogen", "硝化纤维素（含氮≤12.6%）", "Nitrocellulose with ≤ 12.6% nitrogen", "9004-70-0", "50", ("W10",)),
    _s(41, "nitrocellulose_water", "硝化纤维素（含水≥25%）", "Nitrocellulose with ≥ 25% water", "9004-70-0", "50", ("W10",)),
    _s(42, "nitrocellulose_solution", "硝化纤维素溶液（含氮量≤12.6%，含硝化纤维素≤55%）", "Nitrocellulose solution (≤ 12.6% nitrogen, ≤ 55% nitrocellulose)", "9004-70-0", "50", ("W5.3",), options=ABOVE_BP),
    _s(43, "ammonium_nitrate_combustible_over_0_2", "硝酸铵（含可燃物>0.2%）", "Ammonium nitrate (combustible matter > 0.2%)", "6484-52-2", "5", ("W1.1",)),
    _s(44, "ammonium_nitrate_combustible_max_0_2", "硝酸铵（含可燃物≤0.2%）", "Ammonium nitrate (combustible matter ≤ 0.2%)", "6484-52-2", "50", ("W9.2",)),
    _s(45, "ammonium_nitrate_fertiliser", "硝酸铵肥料（含可燃物≤0.4%）", "Ammonium nitrate fertiliser (combustible matter ≤ 0.4%)", None, "200", ("W9.2",)),
    _s(46, "potassium_nitrate", "硝酸钾", "Potassium nitrate", "7757-79-1", "1000", ("W9.2",)),
    _s(47, "butadiene", "1,3-丁二烯", "1,3-Butadiene", "106-99-0", "5", ("W2",)),
    _s(48, "dimethyl_ether", "二甲醚", "Dimethyl ether", "115-10-6", "50", ("W2",)),
    _s(49, "methane_natural_gas", "甲烷，天然气", "Methane, natural gas", "74-82-8", "50", ("W2",),
       aliases=("甲烷", "天然气", "Methane", "Natural gas"), other_cas=("8006-14-2",)),
    _s(50, "vinyl_chloride", "氯乙烯", "Vinyl chloride", "75-01-4", "50", ("W2",)),
    _s(51, "hydrogen", "氢", "Hydrogen", "1333-74-0", "5", ("W2",), aliases=("氢气",)),
    _s(52, "lpg", "液化石油气（含丙烷、丁烷及其混合物）", "Liquefied petroleum gas (propane, butane and their mixtures)", "68476-85-7", "50", ("W2",),
       aliases=("液化石油气", "LPG", "丙烷", "丁烷", "Propane", "Butane"), other_cas=("74-98-6", "106-97-8")),
    _s(53, "methylamine", "一甲胺", "Methylamine", "74-89-5", "5", ("W2",)),
    _s(54, "acetylene", "乙炔", "Acetylene", "74-86-2", "1", ("W2",)),
    _s(55, "ethylene", "乙烯", "Ethylene", "74-85-1", "50", ("W2",)),
    _s(56, "oxygen", "氧（压缩的或液化的）", "Oxygen (compressed or liquefied)", "7782-44-7", "200", ("W4",), aliases=("氧", "液氧")),
    _s(57, "benzene", "苯", "Benzene", "71-43-2", "50", ("W5.3",), options=ABOVE_BP),
    _s(58, "styrene", "苯乙烯", "Styrene", "100-42-5", "500", ("W5.4",), options=ABOVE_BP_CAT3),
    _s(59, "acetone", "丙酮", "Acetone", "67-64-1", "500", ("W5.3",), options=ABOVE_BP),
    _s(60, "acrylonitrile", "2-丙烯腈", "2-Propenenitrile (acrylonitrile)", "107-13-1", "50", ("W5.3",), aliases=("丙烯腈",), options=ABOVE_BP),
    _s(61, "carbon_disulfide", "二硫化碳", "Carbon disulphide", "75-15-0", "50", ("W5.3",), options=ABOVE_BP,
       assumption="Flammable liquid cat. 2 (b.p. 46 °C): W5.3, β 1; W5.1 (β 1.5) when handled above its boiling point."),
    _s(62, "cyclohexane", "环己烷", "Cyclohexane", "110-82-7", "500", ("W5.3",), options=ABOVE_BP),
    _s(63, "propylene_oxide", "1,2-环氧丙烷", "1,2-Epoxypropane (propylene oxide)", "75-56-9", "10", ("W5.1", "J4"), aliases=("环氧丙烷",),
       assumption="Flammable liquid cat. 1 (W5.1, β 1.5) and acutely toxic by inhalation cat. 3 with b.p. 34 °C (J4, β 2); the higher β, 2, is taken."),
    _s(64, "toluene", "甲苯", "Toluene", "108-88-3", "500", ("W5.3",), options=ABOVE_BP),
    _s(65, "methanol", "甲醇", "Methanol", "67-56-1", "500", ("W5.3",), options=ABOVE_BP),
    _s(66, "gasoline", "汽油（乙醇汽油、甲醇汽油）", "Gasoline (incl. ethanol and methanol gasoline)", "86290-81-5", "200", ("W5.1",),
       aliases=("汽油", "乙醇汽油", "甲醇汽油"), options=("W5.1", "W5.3"),
       assumption="Flammable liquid cat. 1 on the usual SDS (W5.1, β 1.5); a unit whose SDS says cat. 2 classifies it as W5.3 (β 1)."),
    _s(67, "ethanol", "乙醇", "Ethanol", "64-17-5", "500", ("W5.3",), aliases=("酒精",), options=ABOVE_BP),
    _s(68, "diethyl_ether", "乙醚", "Diethyl ether", "60-29-7", "10", ("W5.1",)),
    _s(69, "ethyl_acetate", "乙酸乙酯", "Ethyl acetate", "141-78-6", "500", ("W5.3",), options=ABOVE_BP),
    _s(70, "n_hexane", "正己烷", "n-Hexane", "110-54-3", "500", ("W5.3",), options=ABOVE_BP),
    _s(71, "peracetic_acid", "过乙酸", "Peracetic acid", "79-21-0", "10", ("W7.2",), aliases=("过氧乙酸",)),
    _s(72, "mek_peroxide", "过氧化甲基乙基酮（10%<有效氧含量≤10.7%，含A型稀释剂≥48%）",
       "Methyl ethyl ketone peroxide (10% < available oxygen ≤ 10.7%, ≥ 48% type A diluent)", "1338-23-4", "10", ("W7.1",), all_forms=False),
    _s(73, "white_phosphorus", "白磷", "White phosphorus", "12185-10-3", "50", ("W8", "J5"), aliases=("黄磷",)),
    _s(74, "alkyl_aluminium", "烷基铝", "Alkylaluminium", None, "1", ("W8", "W11")),
    _s(75, "pentaborane", "戊硼烷", "Pentaborane", "19624-22-7", "1", ("W8", "J2")),
    _s(76, "potassium_peroxide", "过氧化钾", "Potassium peroxide", "17014-71-0", "20", ("W9.1",)),
    _s(77, "sodium_peroxide", "过氧化钠", "Sodium peroxide", "1313-60-6", "20", ("W9.1",)),
    _s(78, "potassium_chlorate", "氯酸钾", "Potassium chlorate", "3811-04-9", "100", ("W9.1",)),
    _s(79, "sodium_chlorate", "氯酸钠", "Sodium chlorate", "7775-09-9", "100", ("W9.1",)),
    _s(80, "fuming_nitric_acid", "发烟硝酸", "Fuming nitric acid", "52583-42-3", "20", ("W9.1",)),
    _s(81, "nitric_acid", "硝酸（发红烟的除外，含硝酸>70%）", "Nitric acid (not red fuming, > 70% HNO₃)", "7697-37-2", "100", ("W9.2",), all_forms=False),
    _s(82, "guanidine_nitrate", "硝酸胍", "Guanidine nitrate", "506-93-4", "50", ("W9.2",)),
    _s(83, "calcium_carbide", "碳化钙", "Calcium carbide", "75-20-7", "100", ("W11",), aliases=("电石",)),
    _s(84, "potassium", "钾", "Potassium", "7440-09-7", "1", ("W11",), aliases=("金属钾",)),
    _s(85, "sodium", "钠", "Sodium", "7440-23-5", "10", ("W11",), aliases=("金属钠",)),
)
# fmt: on


def beta_and_source(
    substance: Substance, classified_as: str | None = None
) -> tuple[Decimal, str]:
    """β of a named substance and where it comes from (see module docstring).

    ``classified_as`` replaces the substance's flammable-liquid category by
    another of its ``category_options`` (checked by the rule beforehand).
    """
    if substance.table3_beta is not None:
        return substance.table3_beta, BETA_FROM_TABLE3
    categories = categories_of(substance, classified_as)
    if not categories:
        return Decimal("1"), BETA_NO_CATEGORY_ASSUMED_1
    betas = [CATEGORIES[symbol].beta for symbol in categories]
    source = BETA_FROM_CATEGORY if len(betas) == 1 else BETA_HIGHEST_OF_CATEGORIES
    return max(betas), source


def categories_of(
    substance: Substance, classified_as: str | None = None
) -> tuple[str, ...]:
    """The substance's categories, with its flammable-liquid one chosen."""
    if classified_as is None:
        return substance.categories
    return tuple(
        classified_as if symbol in substance.category_options else symbol
        for symbol in substance.categories
    )


SUBSTANCES_BY_KEY: dict[str, Substance] = {s.key: s for s in SUBSTANCES}
SUBSTANCES_BY_ROW: dict[int, Substance] = {s.row: s for s in SUBSTANCES}


def _names_of(substance: Substance) -> tuple[str, ...]:
    return (substance.name.zh_hans, substance.name.en, *substance.aliases)


# Every name a substance can be entered by (Chinese, English, aliases); each
# must point to exactly one row (checked by the pack's tests).
SUBSTANCES_BY_NAME: dict[str, Substance] = {
    name: s for s in SUBSTANCES for name in _names_of(s)
}

SUBSTANCES_BY_CAS: dict[str, tuple[Substance, ...]] = {}
for _substance in SUBSTANCES:
    for _cas in _substance.cas_numbers:
        SUBSTANCES_BY_CAS.setdefault(_cas, ())
        SUBSTANCES_BY_CAS[_cas] += (_substance,)
del _substance, _cas

_SPACES = re.compile(r"\s+")


def table1_rows_named(text: str) -> tuple[Substance, ...]:
    """The Table 1 rows a user's free text names exactly (name or alias).

    Case and white space do not count: "液氯 ", "chlorine" and "Chlorine"
    all name row 12.
    """
    wanted = _SPACES.sub("", text or "").casefold()
    if not wanted:
        return ()
    return tuple(
        dict.fromkeys(
            s
            for name, s in SUBSTANCES_BY_NAME.items()
            if _SPACES.sub("", name).casefold() == wanted
        )
    )


def cas_check_digit_ok(cas: str) -> bool:
    """Whether a CAS number (``NNNNNNN-NN-N``) has a valid check digit."""
    body, _, check = cas.rpartition("-")
    digits = body.replace("-", "")[::-1]
    total = sum(position * int(d) for position, d in enumerate(digits, start=1))
    return total % 10 == int(check)
