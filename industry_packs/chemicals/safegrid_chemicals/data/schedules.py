"""How often hazardous-chemical enterprises must check, as schedule data.

Two documents set frequencies (FACTS §6):

* 应急〔2019〕78号 (危险化学品企业安全风险隐患排查治理导则): operator rounds
  at most every 2 hours (every hour on 两重点一重大 units), technical,
  electrical and instrument staff at least twice a day, the workshop weekly,
  the plant monthly, seasonal checks every quarter, checks before holidays
  and major events, comprehensive and specialist checks at least every six
  months by the company and every quarter by the base units, a special check
  after a similar accident elsewhere, and a HAZOP analysis about every three
  years on 两重点一重大 units and five years on the others.
* 应急厅〔2021〕12号 (危险化学品企业重大危险源安全包保责任制办法（试行）),
  for each major hazard source: the 技术负责人's targeted check at least
  quarterly and before major events, key periods and holidays; the
  操作负责人's at least weekly; the 主要负责人's supervision without a fixed
  frequency. The names, duties and contacts of the three are posted at the
  source (a check item of the tank farm checklist).

The inspections feature reads these through ``safegrid_inspection_schedules``.
"""

from plugins.pack_support.content import every, ref, schedule, text

GUIDELINE = "应急〔2019〕78号"
BAOBAO = "应急厅〔2021〕12号"

SCHEDULES = [
    schedule(
        "operator_rounds",
        "操作人员巡检",
        "Operator rounds",
        who="operator",
        check_kind="routine",
        every=every(2, "hour"),
        basis=ref(GUIDELINE),
        description=text(
            "操作人员按工艺和设备巡检路线巡回检查，间隔不超过2小时。",
            "Operators walk their process and equipment rounds at most 2 hours apart.",
        ),
    ),
    schedule(
        "operator_rounds_key_units",
        "两重点一重大装置操作人员巡检",
        "Operator rounds on 两重点一重大 units",
        who="operator",
        check_kind="routine",
        every=every(1, "hour"),
        applies_to="key_units",
        basis=ref(GUIDELINE),
        description=text(
            "涉及重点监管危险化工工艺、重点监管危险化学品和重大危险源的装置，巡检间隔不超过1小时。",
            "On units with key-supervised processes or chemicals or a major hazard source, rounds at most 1 hour apart.",
        ),
    ),
    schedule(
        "technical_checks",
        "技术、电气和仪表人员日常排查",
        "Daily checks by technical, electrical and instrument staff",
        who="technical",
        check_kind="routine",
        every=every(1, "day", times=2),
        basis=ref(GUIDELINE),
        description=text(
            "基层车间（装置）的工艺、设备、电气、仪表等专业技术人员每天至少两次对装置进行检查。",
            "Process, equipment, electrical and instrument staff of the unit check it at least twice a day.",
        ),
    ),
    schedule(
        "workshop_checks",
        "车间（装置）级排查",
        "Workshop checks",
        who="workshop",
        check_kind="routine",
        every=every(1, "week"),
        basis=ref(GUIDELINE),
    ),
    schedule(
        "plant_checks",
        "厂级排查",
        "Plant checks",
        who="plant",
        check_kind="routine",
        every=every(1, "month"),
        basis=ref(GUIDELINE),
    ),
    schedule(
        "seasonal_checks",
        "季节性排查",
        "Seasonal checks",
        who="company",
        check_kind="seasonal",
        every=every(1, "quarter"),
        basis=ref(GUIDELINE),
        description=text(
            "结合季节特点（防雷、防汛、防暑降温、防冻防凝等）每季度开展一次。",
            "Once a quarter, aimed at the season (lightning, flooding, heat, freezing).",
        ),
    ),
    schedule(
        "holiday_checks",
        "节假日和重大活动前排查",
        "Checks before holidays and major events",
        who="company",
        check_kind="holiday",
        triggers=["before_holiday", "before_major_event"],
        basis=ref(GUIDELINE),
    ),
    schedule(
        "company_comprehensive",
        "企业综合性排查",
        "Company comprehensive check",
        who="company",
        check_kind="comprehensive",
        every=every(6, "month"),
        basis=ref(GUIDELINE),
    ),
    schedule(
        "company_specialist",
        "企业专业性排查",
        "Company specialist check",
        who="company",
        check_kind="specialist",
        every=every(6, "month"),
        basis=ref(GUIDELINE),
    ),
    schedule(
        "base_unit_comprehensive",
        "基层单位综合性排查",
        "Base unit comprehensive check",
        who="base_unit",
        check_kind="comprehensive",
        every=every(1, "quarter"),
        basis=ref(GUIDELINE),
    ),
    schedule(
        "base_unit_specialist",
        "基层单位专业性排查",
        "Base unit specialist check",
        who="base_unit",
        check_kind="specialist",
        every=every(1, "quarter"),
        basis=ref(GUIDELINE),
    ),
    schedule(
        "similar_accident_checks",
        "事故类比排查",
        "Checks after a similar accident",
        who="company",
        check_kind="similar_accident",
        triggers=["similar_accident"],
        basis=ref(GUIDELINE),
        description=text(
            "同类企业发生事故后，对照事故原因开展专项排查。",
            "After an accident at a similar enterprise, a special check against its causes.",
        ),
    ),
    schedule(
        "hazop_key_units",
        "两重点一重大装置HAZOP分析",
        "HAZOP analysis of 两重点一重大 units",
        who="company",
        check_kind="specialist",
        every=every(3, "year"),
        applies_to="key_units",
        basis=ref(GUIDELINE),
        description=text(
            "涉及两重点一重大的生产储存装置约每3年开展一次危险与可操作性分析。",
            "Units with key-supervised processes or chemicals or a major hazard source: a HAZOP about every 3 years.",
        ),
    ),
    schedule(
        "hazop_other_units",
        "其他装置HAZOP分析",
        "HAZOP analysis of the other units",
        who="company",
        check_kind="specialist",
        every=every(5, "year"),
        basis=ref(GUIDELINE),
        description=text(
            "其他生产储存装置约每5年开展一次危险与可操作性分析。",
            "Other production and storage units: a HAZOP about every 5 years.",
        ),
    ),
    schedule(
        "baobao_technical",
        "包保技术负责人针对性排查",
        "Targeted check by the accountable technical lead",
        who="baobao_technical",
        check_kind="targeted",
        every=every(1, "quarter"),
        triggers=["before_major_event", "key_period", "before_holiday"],
        applies_to="major_hazard_sources",
        basis=ref(BAOBAO),
        description=text(
            "每季度至少组织一次对重大危险源的针对性安全风险隐患排查，重大活动、重点时段和节假日前必须进行排查。",
            "At least once a quarter a targeted risk and hazard check of the major hazard source, and always before major events, key periods and holidays.",
        ),
    ),
    schedule(
        "baobao_operational",
        "包保操作负责人检查",
        "Check by the accountable operations lead",
        who="baobao_operational",
        check_kind="targeted",
        every=every(1, "week"),
        applies_to="major_hazard_sources",
        basis=ref(BAOBAO),
        description=text(
            "每周至少组织一次对重大危险源的安全风险隐患排查。",
            "At least once a week a risk and hazard check of the major hazard source.",
        ),
    ),
    schedule(
        "baobao_main",
        "包保主要负责人督促检查",
        "Supervision by the accountable principal",
        who="baobao_main",
        check_kind="targeted",
        applies_to="major_hazard_sources",
        basis=ref(BAOBAO),
        description=text(
            "组织建立重大危险源包保责任制，明确技术负责人和操作负责人，督促检查其履职，不设固定频次。",
            "Sets up the accountability system, names the technical and operations leads and supervises their work; no fixed frequency.",
        ),
    ),
]
