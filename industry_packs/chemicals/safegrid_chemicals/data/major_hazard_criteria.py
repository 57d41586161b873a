"""重大事故隐患判定标准 of chemical and hazardous-chemical units, as a checklist.

安监总管三〔2017〕121号 (issued by the former SAWS on 2017-11-13) lists 20
items numbered (一) to (二十), without articles; ``article`` is therefore None
and ``item`` runs 1-20 in the source's order. Items are paraphrased in the
project's own words (FACTS §3.1, FACTS-2 §6). Every item is flagged: a
non-compliant answer is a major accident hazard.
"""

from plugins.pack_support.content import check, ref, section, text

DOCUMENT = "安监总管三〔2017〕121号"

CRITERIA_EDITIONS = [
    {
        "key": "chem_2017_121",
        "document": DOCUMENT,
        "title": text(
            "化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）",
            "Criteria for major accident hazards in chemical and hazardous-chemical units (trial)",
        ),
        "issued": "2017-11-13",
        "effective": "2017-11-13",
        "status": "current",
        "valid_until": None,
        "counts": {"items": 20},
        "not_loaded": [],
        "note": text(
            "印发即执行；未见修订版。GB 35181-2025等其他判定规则另行适用",
            "Applies from issue; no revision found. Other rules such as GB 35181-2025 apply separately",
        ),
    }
]


def item(number: int, key: str, zh_hans: str, en: str) -> dict:
    """One criterion: non-compliant is a major hazard, cited by item number."""
    result = check(
        key,
        zh_hans,
        en,
        basis=[ref(DOCUMENT, f"({number})")],
        grade="major",
        evidence=("photo", "note"),
    )
    result.update({"article": None, "item": number})
    return result


ITEMS = [
    item(
        1,
        "item_01_leaders_assessed",
        "主要负责人和安全生产管理人员已依法经考核合格",
        "Principal leaders and safety managers have passed the statutory assessment",
    ),
    item(
        2,
        "item_02_special_workers_certified",
        "特种作业人员持证上岗",
        "Special-operation workers hold their certificates",
    ),
    item(
        3,
        "item_03_external_distance",
        "涉及“两重点一重大”的装置、储存设施外部安全防护距离符合国家标准",
        "External safety distances of units and storage involving key processes, key chemicals or major hazard installations meet the standard",
    ),
    item(
        4,
        "item_04_process_automation",
        "重点监管危险化工工艺装置实现自动化控制和紧急停车，且系统投入使用",
        "Key-supervised hazardous processes have automatic control and emergency shutdown, both in service",
    ),
    item(
        5,
        "item_05_tank_farm_shutoff_sis",
        "一级、二级重大危险源罐区具备紧急切断功能；涉及毒性气体、液化气体、剧毒液体的配备独立安全仪表系统",
        "Grade 1 and 2 major-hazard tank farms have emergency shut-off; those with toxic gas, liquefied gas or highly toxic liquid also have an independent SIS",
    ),
    item(
        6,
        "item_06_lpg_water_injection",
        "全压力式液化烃储罐按国家标准设置注水措施",
        "Fully pressurised liquefied-hydrocarbon tanks have water injection as the standard requires",
    ),
    item(
        7,
        "item_07_loading_arms",
        "液化烃、液氨、液氯等易燃易爆或有毒液化气体充装使用万向管道充装系统",
        "Liquefied hydrocarbons, ammonia, chlorine and similar liquefied gases are filled through universal-joint loading arms",
    ),
    item(
        8,
        "item_08_toxic_pipelines_public",
        "光气、氯气等剧毒气体及硫化氢管道不穿越厂区（含化工园区、工业园区）以外的公共区域",
        "Phosgene, chlorine and other highly toxic gas lines and H2S lines do not cross public areas outside the plant or park",
    ),
    item(
        9,
        "item_09_overhead_lines",
        "地区架空电力线路不违反国家标准穿越生产区",
        "No regional overhead power line crosses the production area against the standard",
    ),
    item(
        10,
        "item_10_formal_design",
        "在役化工装置经正规设计，或已进行安全设计诊断",
        "Operating chemical units were formally designed, or have had a safety design diagnosis",
    ),
    item(
        11,
        "item_11_phase_out_list",
        "未使用淘汰落后安全技术工艺、设备目录所列工艺、设备",
        "No process or equipment on the official phase-out list is used",
    ),
    item(
        12,
        "item_12_gas_detection_explosion_proof",
        "可燃和有毒气体泄漏场所按国家标准设置检测报警装置，爆炸危险场所按国家标准安装使用防爆电气设备",
        "Gas detection and alarms where combustible or toxic gas can leak, and explosion-proof electrics in hazardous areas, both to the standard",
    ),
    item(
        13,
        "item_13_control_room_protection",
        "控制室或机柜间面向火灾、爆炸危险装置一侧满足国家标准的防火防爆要求",
        "The side of the control or rack room facing fire or explosion hazards meets the fire and blast requirements",
    ),
    item(
        14,
        "item_14_dual_power_ups",
        "化工生产装置按国家标准设置双重电源供电，自动化控制系统设置不间断电源",
        "Chemical units have a dual power supply and the control system a UPS, as the standard requires",
    ),
    item(
        15,
        "item_15_safety_accessories",
        "安全阀、爆破片等安全附件正常投用",
        "Safety valves, bursting discs and other safety accessories are in normal service",
    ),
    item(
        16,
        "item_16_responsibility_and_hazard_system",
        "已建立与岗位相匹配的全员安全生产责任制，并制定实施生产安全事故隐患排查治理制度",
        "A post-matched all-staff responsibility system exists and a hazard investigation system is drawn up and applied",
    ),
    item(
        17,
        "item_17_procedures_and_limits",
        "已制定操作规程和工艺控制指标",
        "Operating procedures and process control limits exist",
    ),
    item(
        18,
        "item_18_special_work_rules",
        "已按国家标准制定动火、进入受限空间等特殊作业管理制度并有效执行",
        "Rules for hot work, confined-space entry and other special work exist to the standard and are enforced",
    ),
    item(
        19,
        "item_19_process_validation",
        "新开发工艺经小试、中试、工业化试验；国内首次使用的工艺经省级部门组织安全可靠性论证；新建装置制定试生产方案；精细化工企业按规定开展反应安全风险评估",
        "New processes went through lab, pilot and industrial trials; first-in-China processes passed a provincial reliability review; new plants have a trial-run plan; fine-chemical firms did the reaction hazard assessment",
    ),
    item(
        20,
        "item_20_storage_segregation",
        "危险化学品按国家标准分区分类储存，未超量、超品种储存，无相互禁配物质混放混存",
        "Chemicals stored by zone and class, within permitted quantity and types, with no incompatibles together",
    ),
]

CRITERIA = [
    {
        "key": "chem_major_hazard_criteria",
        "kind": "checklist",
        "industry": "chemicals",
        "edition": "chem_2017_121",
        "title": text(
            "化工和危险化学品重大生产安全事故隐患判定检查表",
            "Major accident hazard determination checklist: chemicals",
        ),
        "description": text(
            "逐项对照安监总管三〔2017〕121号；任一项不符合即判定为重大事故隐患。",
            "Item by item against 安监总管三〔2017〕121号; any non-compliant item is a major accident hazard.",
        ),
        "operations": [],
        "scoring": {"method": "none"},
        "sections": [
            section(
                "management",
                "人员与管理制度",
                "People and management systems",
                [ITEMS[i] for i in (0, 1, 15, 16, 17, 18)],
            ),
            section(
                "siting_and_design",
                "选址、设计与工艺",
                "Siting, design and processes",
                [ITEMS[i] for i in (2, 7, 8, 9, 10)],
            ),
            section(
                "installations",
                "设备设施与安全仪表",
                "Installations and safety instrumentation",
                [ITEMS[i] for i in (3, 4, 5, 6, 11, 12, 13, 14)],
            ),
            section("storage", "储存", "Storage", [ITEMS[19]]),
        ],
    }
]
