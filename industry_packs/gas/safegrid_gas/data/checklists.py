"""Hidden-hazard investigation checklists of urban gas operators.

One or more per main operation. Scored by the pack's ``gas_check`` rule
(deductions scaled to 100, pass mark 80, automatic fail on any criterion of
建城规〔2023〕4号); ``rule_input.rule_input`` maps a filled checklist onto that
rule's input. In the user checklists an Art. 9 finding asks at once whether
the user was notified in writing, because only an unnotified finding is a
major hazard.
"""

from plugins.pack_support.content import (
    YES_NO,
    check,
    question,
    ref,
    section,
    show_if,
    text,
)

from .major_hazard_criteria import NOTICE_FLAG

CRITERIA = "建城规〔2023〕4号"
SCORING = {"method": "rule", "rule": "gas_check", "pass_mark": 80}
ART = {
    "4_1": "第四条第（一）项", "4_2": "第四条第（二）项", "4_3": "第四条第（三）项",
    "4_4": "第四条第（四）项", "4_5": "第四条第（五）项",
    "5_1": "第五条第（一）项", "5_2": "第五条第（二）项", "5_3": "第五条第（三）项",
    "5_4": "第五条第（四）项", "5_5": "第五条第（五）项",
    "6_1": "第六条第（一）项", "6_2": "第六条第（二）项", "6_3": "第六条第（三）项",
    "7_1": "第七条第（一）项", "7_2": "第七条第（二）项", "7_3": "第七条第（三）项",
    "8": "第八条",
    "9_1": "第九条第（一）项", "9_2": "第九条第（二）项", "9_3": "第九条第（三）项", "9_4": "第九条第（四）项",
}  # fmt: skip


def c(article_item):
    return ref(CRITERIA, ART[article_item])


def gas_checklist(key, zh_hans, en, *, operations, risk_points, about, sections):
    return {
        "key": key,
        "kind": "checklist",
        "industry": "gas",
        "title": text(zh_hans, en),
        "description": about,
        "operations": operations,
        "risk_points": risk_points,
        "scoring": SCORING,
        "sections": sections,
    }


def user_finding(key, article_item, zh_hans, en, deduction=10):
    """An Art. 9 situation and the question that records the written notice."""
    follow_up = f"{key}_notified"
    item = check(
        key,
        zh_hans,
        en,
        basis=[c(article_item)],
        deduction=deduction,
        grade="major",
        criterion=f"art{article_item}",
        precondition={
            "key": NOTICE_FLAG,
            "question": follow_up,
            "text": text(
                "发现后未书面告知用户整改才判定为重大隐患",
                "Major only when the user is not notified in writing",
            ),
        },
    )
    notice = question(
        follow_up,
        "single_choice",
        "已向用户送达书面整改通知",
        "Written notice to fix it handed to the user",
        choices=YES_NO,
        show_if=show_if(key, "non_compliant"),
    )
    return [item, notice]


MANAGEMENT = gas_checklist(
    "gas_management",
    "燃气经营企业安全管理检查表",
    "Gas operator safety management inspection",
    operations=[],
    risk_points=[],
    about=text("企业层面的许可和制度检查。", "Enterprise-level licences and systems."),
    sections=[
        section(
            "licences_systems",
            "许可与制度",
            "Licences and systems",
            [
                check(
                    "licence",
                    "取得燃气经营许可证后从事燃气经营活动",
                    "Operates only with a gas business licence",
                    basis=[c("4_1")],
                    deduction=20,
                    grade="major",
                    criterion="art4_1",
                ),
                check(
                    "licence_scope",
                    "燃气经营许可证在有效期内，经营区域和类别与许可相符",
                    "Licence in date; area and type of business as licensed",
                    basis=[ref("城镇燃气管理条例")],
                    deduction=10,
                ),
                check(
                    "risk_system",
                    "已建立安全风险分级管控制度",
                    "A risk grading and control system exists",
                    basis=[c("4_2")],
                    deduction=10,
                    grade="major",
                    criterion="art4_2",
                ),
                check(
                    "hazard_system",
                    "已建立事故隐患排查治理制度",
                    "A hazard investigation and remediation system exists",
                    basis=[c("4_3")],
                    deduction=10,
                    grade="major",
                    criterion="art4_3",
                ),
                check(
                    "emergency_plan",
                    "已制定生产安全事故应急救援预案",
                    "An emergency rescue plan exists",
                    basis=[c("4_4")],
                    deduction=10,
                    grade="major",
                    criterion="art4_4",
                ),
                check(
                    "emergency_drills",
                    "应急预案按规定定期演练",
                    "The emergency plan is drilled as required",
                    basis=[ref("应急管理部令第2号")],
                    deduction=5,
                ),
                check(
                    "user_check_system",
                    "建立用户燃气设施定期安全检查制度",
                    "System of periodic user safety checks in place",
                    basis=[c("4_5")],
                    deduction=10,
                    grade="major",
                    criterion="art4_5",
                ),
            ],
        ),
    ],
)

STATION = gas_checklist(
    "gas_station",
    "燃气厂站安全检查表",
    "Gas station inspection",
    operations=["stations"],
    risk_points=["gate_station", "storage_tanks", "gas_alarms", "odorization"],
    about=text(
        "门站、储配站、LNG和LPG站的日常与专项检查；每座储罐单独记录。",
        "Routine and specialist checks of gate, storage, LNG and LPG stations; one entry per tank.",
    ),
    sections=[
        section(
            "tank_storage",
            "储罐",
            "Tanks",
            [
                question(
                    "has_tanks",
                    "single_choice",
                    "站内是否有储罐",
                    "Does the station have tanks?",
                    choices=YES_NO,
                ),
                question(
                    "tanks",
                    "group",
                    "储罐",
                    "Tanks",
                    repeatable=True,
                    min_items=1,
                    max_items=50,
                    show_if=show_if("has_tanks", "yes"),
                    questions=[
                        question("tank_no", "text", "储罐编号", "Tank number"),
                        question(
                            "tank_medium",
                            "single_choice",
                            "介质",
                            "Medium",
                            choices=[
                                {"value": "lng", "label": text("液化天然气", "LNG")},
                                {"value": "lpg", "label": text("液化石油气", "LPG")},
                                {
                                    "value": "ng",
                                    "label": text(
                                        "天然气（储气罐）", "Natural gas (holder)"
                                    ),
                                },
                            ],
                        ),
                        question(
                            "tank_fill",
                            "number",
                            "当前充装率",
                            "Current fill",
                            unit="%",
                            min=0,
                            max=100,
                            warn_max=90,
                            help=text(
                                "按储罐设计的最大充装率控制",
                                "Keep within the tank's design maximum fill",
                            ),
                        ),
                        check(
                            "tank_monitoring_alarm",
                            "储罐设有压力、罐容或液位显示等监测装置，并具有超限报警功能",
                            "Pressure, volume or level monitoring fitted, with over-limit alarms",
                            basis=[c("5_1")],
                            deduction=10,
                            grade="major",
                            criterion="art5_1",
                        ),
                        check(
                            "tank_relief_valve",
                            "安全阀在校验有效期内，根部阀全开",
                            "Relief valve within calibration; root valve open",
                            basis=[ref("GB 50028-2006")],
                            deduction=5,
                        ),
                    ],
                ),
            ],
        ),
        section(
            "process",
            "工艺设施",
            "Process equipment",
            [
                check(
                    "overpressure_shutoff_vent",
                    "设备和管道设有防止系统压力超过限值的自动切断和放散装置",
                    "Automatic shut-off and venting against over-limit pressure fitted",
                    basis=[c("5_2")],
                    deduction=10,
                    grade="major",
                    criterion="art5_2",
                ),
                check(
                    "ex_equipment",
                    "爆炸危险区域电气、仪表防爆等级符合要求",
                    "Ex grade of electrics and instruments matches the zone",
                    basis=[c("5_4"), ref("GB 50058-2014")],
                    deduction=10,
                    grade="major",
                    criterion="art5_4",
                ),
                check(
                    "earthing_tested",
                    "防雷防静电接地检测合格",
                    "Lightning and static earthing tested",
                    basis=[ref("GB 50028-2006")],
                    deduction=5,
                ),
            ],
        ),
        section(
            "detection",
            "报警与加臭",
            "Detection and odorisation",
            [
                check(
                    "fixed_gas_alarms",
                    "泄漏可能达到爆炸下限20%的区域和建筑设固定式可燃气体报警器",
                    "Fixed gas alarms wherever a leak could reach 20% of LEL",
                    basis=[c("5_5")],
                    deduction=10,
                    grade="major",
                    criterion="art5_5",
                ),
                question(
                    "alarm_setpoint",
                    "number",
                    "可燃气体报警器报警设定值",
                    "Gas alarm setting",
                    unit="%LEL",
                    min=0,
                    max=100,
                    warn_max=20,
                    help=text(
                        "燃气行业通常不高于20%LEL（常用做法）",
                        "Usually at most 20% LEL in the gas industry (common practice)",
                    ),
                ),
                check(
                    "odorant_dosing",
                    "供应的燃气具有标准要求的警示性臭味",
                    "The gas supplied has the warning odour the standards require",
                    basis=[c("8"), ref("CJJ/T 148-2010")],
                    deduction=10,
                    grade="major",
                    criterion="art8",
                ),
                check(
                    "odorant_equipment",
                    "加臭装置运行正常，管网末端加臭剂浓度定期检测",
                    "Odorant dosing working; odorant level tested at network ends",
                    basis=[ref("CJJ/T 148-2010")],
                    deduction=5,
                ),
                question(
                    "odorant_level",
                    "number",
                    "末端四氢噻吩检测浓度",
                    "THT measured at a network end",
                    unit="mg/m³",
                    min=0,
                    max=200,
                    warn_min=20,
                    help=text(
                        "常用加注量约20 mg/m³（常用做法），以加臭技术规程和检测为准",
                        "A dose of about 20 mg/m³ is common practice; the odorisation code and tests govern",
                    ),
                ),
            ],
        ),
        section(
            "site",
            "站区",
            "Site",
            [
                check(
                    "fire_equipment",
                    "消防设施完好，消防通道畅通",
                    "Fire equipment in order; fire lanes clear",
                    basis=[ref("GB 50028-2006")],
                    deduction=5,
                ),
                check(
                    "access_control",
                    "进站登记，禁止携带火种和非防爆通讯工具",
                    "Entry logged; no ignition sources or non-Ex phones",
                    basis=[ref("CJJ 51-2016")],
                    deduction=5,
                ),
            ],
        ),
    ],
)

LOADING = gas_checklist(
    "gas_loading",
    "LNG、CNG、LPG装卸作业检查表",
    "LNG, CNG and LPG transfer inspection",
    operations=["loading"],
    risk_points=["lng_unloading", "cng_station", "lpg_unloading"],
    about=text(
        "每车次装卸前后的确认。", "Confirmation before and after each transfer."
    ),
    sections=[
        section(
            "before",
            "作业前",
            "Before transfer",
            [
                question(
                    "medium",
                    "single_choice",
                    "装卸介质",
                    "Medium",
                    choices=[
                        {"value": "lng", "label": text("液化天然气", "LNG")},
                        {"value": "cng", "label": text("压缩天然气", "CNG")},
                        {"value": "lpg", "label": text("液化石油气", "LPG")},
                    ],
                ),
                check(
                    "pull_off_interlock",
                    "装卸系统设有防止装卸用管拉脱的联锁保护装置",
                    "Interlock against hose pull-off fitted",
                    basis=[c("5_3")],
                    deduction=15,
                    grade="major",
                    criterion="art5_3",
                ),
                check(
                    "vehicle_secured",
                    "车辆熄火、止动，静电接地连接可靠",
                    "Engine off, chocked and earthed",
                    basis=[ref("CJJ 51-2016")],
                    deduction=10,
                ),
                check(
                    "vehicle_papers",
                    "槽车、驾驶员和押运员证件有效",
                    "Tanker, driver and escort papers valid",
                    basis=[ref("CJJ 51-2016")],
                    deduction=5,
                ),
            ],
        ),
        section(
            "during",
            "作业中",
            "During transfer",
            [
                check(
                    "attended",
                    "全程有人监护，不超装",
                    "Attended throughout; no overfilling",
                    basis=[ref("CJJ 51-2016")],
                    deduction=10,
                ),
                check(
                    "cryogenic_ppe",
                    "低温介质作业佩戴防冻手套和面罩",
                    "Cryogenic gloves and face shield for cold media",
                    basis=[ref("CJJ 51-2016")],
                    deduction=5,
                    show_if=show_if("medium", "lng"),
                ),
                check(
                    "breakaway_valve",
                    "加气机拉断阀完好",
                    "Dispenser breakaway valve in order",
                    basis=[ref("GB 50156-2021")],
                    deduction=5,
                    show_if=show_if("medium", "cng"),
                ),
            ],
        ),
    ],
)

PIPELINES = gas_checklist(
    "gas_pipeline_patrol",
    "燃气管网巡检表",
    "Gas network patrol",
    operations=["pipelines"],
    risk_points=[
        "medium_pressure_network",
        "pipe_crossings",
        "third_party_works",
        "pipeline_patrol",
    ],
    about=text(
        "巡线时逐段记录占压、穿越、第三方施工和泄漏检测情况。",
        "Per section: encroachments, crossings, third-party works and leak survey.",
    ),
    sections=[
        section(
            "route",
            "巡检管段",
            "Section patrolled",
            [
                question(
                    "section_name", "text", "管段名称或编号", "Section name or number"
                ),
                question(
                    "pressure_class",
                    "single_choice",
                    "压力级制",
                    "Pressure class",
                    choices=[
                        {"value": "low", "label": text("低压", "Low")},
                        {"value": "medium", "label": text("中压", "Medium")},
                        {"value": "sub_high", "label": text("次高压", "Sub-high")},
                        {"value": "high", "label": text("高压", "High")},
                    ],
                ),
            ],
        ),
        section(
            "encroachment",
            "占压与穿越",
            "Encroachment and crossings",
            [
                check(
                    "no_encroachment",
                    "中压及以上埋地管道保护范围内无建（构）筑物占压",
                    "Nothing built over the protection zone of medium-pressure-and-above mains",
                    basis=[c("6_1")],
                    deduction=15,
                    grade="major",
                    criterion="art6_1",
                ),
                check(
                    "not_in_confined_utilities",
                    "管道未敷设在排水管沟、热力沟、电缆沟、隧道等设施内，确需穿越的防护有效",
                    "Pipes not laid inside drains, heating or cable trenches or tunnels; real crossings effectively protected",
                    basis=[c("6_2")],
                    deduction=15,
                    grade="major",
                    criterion="art6_2",
                ),
                check(
                    "markers_intact",
                    "管道标志桩、警示牌完好",
                    "Pipeline markers and signs intact",
                    basis=[ref("CJJ 51-2016")],
                    deduction=5,
                ),
            ],
        ),
        section(
            "works",
            "第三方施工",
            "Third-party works",
            [
                question(
                    "works_found",
                    "single_choice",
                    "保护范围内是否有第三方施工",
                    "Any third-party works in the protection zone?",
                    choices=YES_NO,
                ),
                check(
                    "works_agreed",
                    "施工单位已签订保护协议并交底管位",
                    "The contractor signed a protection agreement and was briefed on the pipe position",
                    basis=[ref("城镇燃气管理条例")],
                    deduction=10,
                    show_if=show_if("works_found", "yes"),
                ),
                check(
                    "works_watched",
                    "现场有监护人员，机械开挖距离符合要求",
                    "Watch on site; mechanical digging kept at a safe distance",
                    basis=[ref("CJJ 51-2016")],
                    deduction=10,
                    show_if=show_if("works_found", "yes"),
                ),
            ],
        ),
        section(
            "leaks",
            "泄漏检测",
            "Leak survey",
            [
                question(
                    "max_reading",
                    "number",
                    "检测最大读数",
                    "Highest reading",
                    unit="%LEL",
                    min=0,
                    max=100,
                    warn_max=0,
                    help=text(
                        "检出燃气即查找漏点并上报",
                        "Any reading: find the leak and report",
                    ),
                ),
                check(
                    "valve_pits_ok",
                    "阀井无积水、无泄漏，井盖完好",
                    "Valve pits dry, no leaks, covers intact",
                    basis=[ref("CJJ 51-2016")],
                    deduction=5,
                ),
            ],
        ),
    ],
)

REGULATORS = gas_checklist(
    "gas_regulators",
    "调压设施检查表",
    "Regulator inspection",
    operations=["pipelines"],
    risk_points=["pressure_regulators"],
    about=text("调压站、调压箱逐台检查。", "Each regulator station or box."),
    sections=[
        section(
            "units",
            "调压设施逐台",
            "Regulator by regulator",
            [
                question(
                    "regulators",
                    "group",
                    "调压设施",
                    "Regulators",
                    repeatable=True,
                    min_items=1,
                    max_items=500,
                    questions=[
                        question("regulator_no", "text", "编号", "Number"),
                        question(
                            "outlet_pressure",
                            "number",
                            "出口压力",
                            "Outlet pressure",
                            unit="kPa",
                            min=0,
                            max=1600,
                        ),
                        check(
                            "overpressure_protection",
                            "设有防止出口压力超过下游燃气设施允许压力的安全保护措施",
                            "Protection against outlet pressure above what downstream allows",
                            basis=[c("6_3")],
                            deduction=15,
                            grade="major",
                            criterion="art6_3",
                        ),
                        check(
                            "regulator_no_leak",
                            "无泄漏，箱体和防护完好",
                            "No leaks; housing and guards intact",
                            basis=[ref("CJJ 51-2016")],
                            deduction=5,
                        ),
                    ],
                ),
            ],
        ),
    ],
)

BOTTLED = gas_checklist(
    "gas_bottled",
    "瓶装液化石油气充装与供应检查表",
    "Bottled LPG filling and supply inspection",
    operations=["bottled_gas"],
    risk_points=["cylinder_filling", "cylinder_delivery", "cylinder_supply_station"],
    about=text(
        "充装站、供应站和配送环节检查。", "Filling plant, outlets and delivery."
    ),
    sections=[
        section(
            "filling",
            "充装",
            "Filling",
            [
                check(
                    "own_cylinders_only",
                    "未擅自为非自有气瓶充装",
                    "No unauthorised filling of cylinders not owned",
                    basis=[c("7_1"), ref("TSG 23-2021")],
                    deduction=15,
                    grade="major",
                    criterion="art7_1",
                ),
                check(
                    "cylinders_in_date",
                    "充装前检查气瓶检验有效期和外观，报废瓶不充装",
                    "Cylinder test date and condition checked before filling; scrapped cylinders refused",
                    basis=[ref("TSG 23-2021")],
                    deduction=10,
                ),
                check(
                    "reweigh_leak_test",
                    "充装后复秤和检漏",
                    "Re-weighed and leak-tested after filling",
                    basis=[ref("TSG 23-2021")],
                    deduction=10,
                ),
                check(
                    "traceability",
                    "气瓶追溯信息完整",
                    "Cylinder traceability complete",
                    basis=[ref("TSG 23-2021")],
                    deduction=5,
                ),
            ],
        ),
        section(
            "supply",
            "供应与配送",
            "Supply and delivery",
            [
                check(
                    "licensed_source",
                    "未销售未经许可的充装单位充装的瓶装燃气",
                    "No bottled gas sold that a filling unit without the required licence filled",
                    basis=[c("7_2")],
                    deduction=15,
                    grade="major",
                    criterion="art7_2",
                ),
                check(
                    "no_third_party_fills",
                    "未销售充装单位为非自有气瓶充装的瓶装燃气",
                    "No gas sold that a filler put into cylinders it does not own",
                    basis=[c("7_3")],
                    deduction=15,
                    grade="major",
                    criterion="art7_3",
                ),
                question(
                    "stock_full",
                    "number",
                    "供应站实瓶存量",
                    "Full cylinders in stock",
                    unit="瓶",
                    min=0,
                    max=5000,
                    help=text(
                        "不超过该站核定储存量", "Within the outlet's permitted stock"
                    ),
                ),
                check(
                    "outlet_alarm",
                    "瓶库可燃气体报警和通风有效",
                    "Store gas alarm and ventilation working",
                    basis=[ref("GB 50028-2006")],
                    deduction=5,
                ),
                check(
                    "delivery_vehicle",
                    "配送车辆专用，气瓶固定",
                    "Dedicated delivery vehicles; cylinders secured",
                    basis=[ref("城镇燃气管理条例")],
                    deduction=5,
                ),
            ],
        ),
    ],
)

RESIDENTIAL = gas_checklist(
    "gas_residential_user_check",
    "居民用户燃气安全检查表",
    "Residential user gas safety check",
    operations=["users"],
    risk_points=["residential_users"],
    about=text(
        "入户安检逐户填写；第九条情形须同时记录书面告知。",
        "One per home; Art. 9 situations also record the written notice.",
    ),
    sections=[
        section(
            "household",
            "用户",
            "Household",
            [
                question("account_no", "text", "用户编号", "Account number"),
                question(
                    "gas_type",
                    "single_choice",
                    "气源",
                    "Gas",
                    choices=[
                        {
                            "value": "natural_gas",
                            "label": text("管道天然气", "Piped natural gas"),
                        },
                        {"value": "lpg", "label": text("液化石油气", "LPG")},
                    ],
                ),
                question(
                    "access",
                    "single_choice",
                    "是否入户",
                    "Was entry gained?",
                    choices=[
                        {
                            "value": "entered",
                            "label": text("已入户检查", "Checked inside"),
                        },
                        {"value": "refused", "label": text("拒绝入户", "Refused")},
                        {"value": "absent", "label": text("到访不遇", "Nobody home")},
                    ],
                ),
            ],
        ),
        section(
            "art9",
            "重点情形",
            "Key situations",
            [
                *user_finding(
                    "lpg_not_underground",
                    "9_1",
                    "液化石油气管道、调压装置和燃具未设在地下室、半地下室等地下密闭空间",
                    "No LPG pipes, regulators or appliances in basements or other closed underground spaces",
                ),
                *user_finding(
                    "no_riser_in_bathroom",
                    "9_2",
                    "燃气引入管、立管、水平干管未设在卫生间内",
                    "No service riser, riser or horizontal main in the bathroom",
                ),
                *user_finding(
                    "nothing_in_bedroom",
                    "9_3",
                    "燃气管道、附件和燃具未设在卧室",
                    "No gas pipes, fittings or appliances in a bedroom",
                ),
                *user_finding(
                    "no_phased_out_kit",
                    "9_4",
                    "未使用国家明令淘汰的燃具和连接管",
                    "No appliances or hoses ordered phased out",
                ),
            ],
            show_if=show_if("access", "entered"),
        ),
        section(
            "appliances",
            "设施与燃具",
            "Installations and appliances",
            [
                check(
                    "hose_ok",
                    "连接软管未老化、无龟裂，长度和接头符合要求",
                    "Hose not aged or cracked; length and connections right",
                    basis=[ref("GB 55009-2021")],
                    deduction=10,
                ),
                check(
                    "flame_failure",
                    "灶具具有熄火保护装置",
                    "Hob has flame-failure protection",
                    basis=[ref("GB 55009-2021")],
                    deduction=10,
                ),
                check(
                    "no_leak_found",
                    "检漏无泄漏",
                    "No leak found",
                    basis=[ref("CJJ 51-2016")],
                    deduction=10,
                ),
                check(
                    "ventilation_ok",
                    "用气房间通风良好，热水器烟道完好",
                    "Room well ventilated; water-heater flue intact",
                    basis=[ref("GB 55009-2021")],
                    deduction=10,
                ),
                check(
                    "no_alteration",
                    "无私自改装、拆移燃气设施",
                    "No unauthorised alteration of gas facilities",
                    basis=[ref("城镇燃气管理条例")],
                    deduction=10,
                ),
            ],
            show_if=show_if("access", "entered"),
        ),
        section(
            "notice",
            "告知",
            "Notice",
            [
                question(
                    "notice_signed",
                    "signature",
                    "用户签字确认检查结果",
                    "User signs the result",
                ),
                question("photo", "photo", "现场照片", "Photos", required=False),
            ],
        ),
    ],
)

CATERING = gas_checklist(
    "gas_catering_user_check",
    "餐饮等商业用户燃气安全检查表",
    "Restaurant and commercial user gas safety check",
    operations=["users"],
    risk_points=["catering_users"],
    about=text(
        "商业用户定期安检；第九条情形须同时记录书面告知。",
        "Periodic commercial checks; Art. 9 situations also record the written notice.",
    ),
    sections=[
        section(
            "premises",
            "场所",
            "Premises",
            [
                question("business_name", "text", "单位名称", "Business name"),
                question(
                    "gas_supply",
                    "single_choice",
                    "用气方式",
                    "Supply",
                    choices=[
                        {"value": "piped", "label": text("管道燃气", "Piped gas")},
                        {
                            "value": "cylinders",
                            "label": text("瓶装液化石油气", "LPG cylinders"),
                        },
                    ],
                ),
                question(
                    "cylinder_count",
                    "number",
                    "在用气瓶数量",
                    "Cylinders in use",
                    unit="瓶",
                    min=0,
                    max=200,
                    show_if=show_if("gas_supply", "cylinders"),
                ),
            ],
        ),
        section(
            "alarms",
            "报警与切断",
            "Alarms and shut-off",
            [
                check(
                    "gas_alarm_installed",
                    "安装可燃气体报警装置并保障正常使用",
                    "Gas alarm installed and kept working",
                    basis=[ref("安全生产法", "第三十六条")],
                    deduction=15,
                ),
                check(
                    "alarm_shutoff_linked",
                    "报警器与紧急切断阀联动有效",
                    "Alarm linked to a working emergency shut-off valve",
                    basis=[ref("GB 55009-2021")],
                    deduction=10,
                ),
            ],
        ),
        section(
            "art9",
            "重点情形",
            "Key situations",
            [
                *user_finding(
                    "lpg_not_underground",
                    "9_1",
                    "液化石油气瓶、管道和燃具未设在地下室、半地下室等地下密闭空间",
                    "No LPG cylinders, pipes or appliances in basements or other closed underground spaces",
                    deduction=15,
                ),
                *user_finding(
                    "no_phased_out_kit",
                    "9_4",
                    "未使用国家明令淘汰的燃具和连接管",
                    "No appliances or hoses ordered phased out",
                ),
            ],
        ),
        section(
            "kitchen",
            "厨房",
            "Kitchen",
            [
                check(
                    "kitchen_ventilation",
                    "厨房通风设施有效",
                    "Kitchen ventilation working",
                    basis=[ref("GB 55009-2021")],
                    deduction=10,
                ),
                check(
                    "hoses_fixed",
                    "连接管固定可靠、无老化",
                    "Hoses secured and not aged",
                    basis=[ref("GB 55009-2021")],
                    deduction=10,
                ),
                check(
                    "staff_trained",
                    "员工掌握关阀和泄漏处置方法",
                    "Staff know how to shut off and respond to a leak",
                    basis=[ref("安全生产法")],
                    deduction=5,
                ),
            ],
        ),
    ],
)

REPAIR = gas_checklist(
    "gas_emergency_repair",
    "燃气抢修与带气作业检查表",
    "Emergency repair and live gas work inspection",
    operations=["repair"],
    risk_points=["emergency_repair", "live_gas_work"],
    about=text(
        "抢修现场和带气作业的检查。", "Checks at repair sites and live gas work."
    ),
    sections=[
        section(
            "site",
            "现场控制",
            "Site control",
            [
                question(
                    "job_type",
                    "single_choice",
                    "作业类型",
                    "Job type",
                    choices=[
                        {
                            "value": "repair",
                            "label": text("事故抢修", "Emergency repair"),
                        },
                        {
                            "value": "live_work",
                            "label": text("带气接线或动火", "Live tie-in or hot work"),
                        },
                    ],
                ),
                check(
                    "cordon_ignition",
                    "设置警戒区，消除火源，疏散无关人员",
                    "Cordon set, ignition removed, others evacuated",
                    basis=[ref("CJJ 51-2016")],
                    deduction=15,
                ),
                check(
                    "continuous_test",
                    "作业区域连续检测燃气浓度",
                    "Gas concentration tested continuously",
                    basis=[ref("CJJ 51-2016")],
                    deduction=15,
                ),
                check(
                    "non_sparking_tools",
                    "使用防爆工具，穿防静电服",
                    "Non-sparking tools and antistatic clothing",
                    basis=[ref("CJJ 51-2016")],
                    deduction=10,
                ),
            ],
        ),
        section(
            "live_work",
            "带气作业",
            "Live work",
            [
                check(
                    "work_plan_approved",
                    "作业方案和动火审批完成，专人监护",
                    "Work plan and hot-work approval done; dedicated watch",
                    basis=[ref("CJJ 51-2016")],
                    deduction=15,
                ),
                check(
                    "purge_tested",
                    "置换后检测合格方可动火",
                    "Hot work only after the purge tests clean",
                    basis=[ref("CJJ 51-2016")],
                    deduction=15,
                ),
            ],
            show_if=show_if("job_type", "live_work"),
        ),
        section(
            "readiness",
            "抢修准备",
            "Readiness",
            [
                check(
                    "duty_24h",
                    "24小时值班和抢修队伍在岗",
                    "24-hour duty and crews available",
                    basis=[ref("城镇燃气管理条例")],
                    deduction=10,
                ),
                check(
                    "repair_stock",
                    "抢修物资和车辆完好",
                    "Repair stock and vehicles ready",
                    basis=[ref("CJJ 51-2016")],
                    deduction=5,
                ),
            ],
        ),
    ],
)

CHECKLISTS = [
    MANAGEMENT,
    STATION,
    LOADING,
    PIPELINES,
    REGULATORS,
    BOTTLED,
    RESIDENTIAL,
    CATERING,
    REPAIR,
]

FORMS: list[dict] = []
