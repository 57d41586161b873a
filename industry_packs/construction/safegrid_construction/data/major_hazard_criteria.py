"""房屋市政工程生产安全重大事故隐患判定标准 (2024版), as a checklist.

建质规〔2024〕5号 was issued and took effect on 2024-12-13; its Art. 18
repealed the 2022 version (建质规〔2022〕2号). Arts. 4-15 hold 51 numbered
items and Arts. 16 and 17 are whole-article criteria: 53 criteria in all
(FACTS-2 §3). Item 5(4) has four warning signs that the source does not count
separately; they are listed in its help text. Items are paraphrased in the
project's own words; ``article`` and ``item`` follow the source exactly.

Two items join their conditions with "且": 9(3) (a cantilever platform's
rests, ties and supports not on stable main structure *and* not reliably
connected) and 11(1) (confined spaces not identified *and* no warning signs).
They are major only when both conditions fail, so the first is asked as a
question and the criterion, its second condition, only when the first fails
(``both``). The other items whose text has "且" (9(4), 10(2), 13(3), 13(4))
pair it inside one alternative; a single check says it exactly.

The 2022 edition is kept only as an expired edition entry (valid until
2024-12-13) so that historic inspection records can name it; its items are
not loaded.
"""

from plugins.pack_support.content import (
    check,
    question,
    ref,
    section,
    show_if,
    text,
)

DOCUMENT = "建质规〔2024〕5号"

CRITERIA_EDITIONS = [
    {
        "key": "construction_2024_5",
        "document": DOCUMENT,
        "title": text(
            "房屋市政工程生产安全重大事故隐患判定标准（2024版）",
            "Criteria for major accident hazards in housing and municipal works (2024)",
        ),
        "issued": "2024-12-13",
        "effective": "2024-12-13",
        "status": "current",
        "valid_until": None,
        "counts": {
            "articles": 14,
            "numbered_items": 51,
            "whole_article_criteria": 2,
            "criteria": 53,
        },
        "not_loaded": [],
        "note": text(
            "第十八条同时废止2022版；行政规范性文件，尚无国家或行业标准替代",
            "Art. 18 repeals the 2022 version; an administrative document, not replaced by any national or sector standard",
        ),
    },
    {
        "key": "construction_2022_2",
        "document": "建质规〔2022〕2号",
        "title": text(
            "房屋市政工程生产安全重大事故隐患判定标准（2022版）",
            "Criteria for major accident hazards in housing and municipal works (2022)",
        ),
        "issued": "2022-04-19",
        "effective": None,
        "status": "repealed",
        "valid_until": "2024-12-13",
        "counts": None,
        "not_loaded": [
            text(
                "全部条目（仅供历史记录引用版本）",
                "All items (kept only so old records can name the edition)",
            )
        ],
        "note": text("已被建质规〔2024〕5号废止", "Repealed by 建质规〔2024〕5号"),
    },
]


NUMERALS = "零一二三四五六七八九十"


def numeral(number: int) -> str:
    """A Chinese numeral for 1-99, as article and item numbers are written."""
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else NUMERALS[tens] + "十")
    return head + (NUMERALS[units] if units else "")


def criterion(
    article: int, number: int | None, zh_hans: str, en: str, help_text=None
) -> dict:
    """One criterion; ``number`` is None for a whole-article criterion."""
    clause = f"第{numeral(article)}条"
    if number is not None:
        clause += f"第（{numeral(number)}）项"
    key = f"art{article}" if number is None else f"art{article}_{number}"
    result = check(
        key,
        zh_hans,
        en,
        basis=[ref(DOCUMENT, clause)],
        grade="major",
        help_text=help_text,
    )
    result.update({"article": article, "item": number})
    return result


YES_NO_NA = [
    {"value": "yes", "label": text("是", "Yes")},
    {"value": "no", "label": text("否", "No")},
    {"value": "not_applicable", "label": text("不涉及", "Not applicable")},
]


def both(
    article: int,
    number: int,
    first: tuple[str, str, str],
    zh_hans: str,
    en: str,
) -> list[dict]:
    """A criterion whose two conditions the standard joins with "且".

    ``first`` is ``(key suffix, question zh, question en)``: asked first,
    answered yes / no / not applicable. The criterion (the second condition)
    is asked only when the first fails; a non-compliant answer then means
    both failed, the only case the standard makes major.
    """
    suffix, first_zh, first_en = first
    condition = question(
        f"art{article}_{number}_{suffix}",
        "single_choice",
        first_zh,
        first_en,
        choices=YES_NO_NA,
    )
    item = criterion(
        article,
        number,
        zh_hans,
        en,
        help_text=text(
            "两个条件同时不满足才判定为重大事故隐患；只有一项不满足的按一般隐患整改",
            "A major hazard only when both conditions fail; one alone is a general hazard",
        ),
    )
    item["show_if"] = show_if(condition["key"], "no")
    return [condition, item]


ARTICLES = {
    4: (
        "施工安全管理",
        "Site safety management",
        [
            criterion(
                4,
                1,
                "取得安全生产许可证，未超资质或无资质承揽工程",
                "Holds a safety licence and works within its qualification",
            ),
            criterion(
                4,
                2,
                "安全生产管理人员配备满足要求，主要负责人、项目负责人、专职安全生产管理人员持有效考核合格证书",
                "Enough safety staff; principal leader, project manager and full-time safety staff hold valid certificates",
            ),
            criterion(
                4,
                3,
                "特种作业人员持有效证件上岗",
                "Special-operation workers hold valid certificates",
            ),
            criterion(
                4,
                4,
                "危大工程专项施工方案已编制、审核且无严重缺陷，超过一定规模的已组织专家论证",
                "Special schemes for dangerous works prepared, reviewed and sound; expert review held where the scale requires",
            ),
            criterion(
                4,
                5,
                "需验收的危大工程经验收合格后才进入下道工序或投入使用",
                "Dangerous works that need acceptance pass it before the next step or use",
            ),
        ],
    ),
    5: (
        "基坑、边坡工程",
        "Excavations and slopes",
        [
            criterion(
                5,
                1,
                "对可能受影响的相邻建（构）筑物、地下管线采取专项防护措施",
                "Special protection for adjacent structures and underground pipes that may be affected",
            ),
            criterion(
                5,
                2,
                "无超挖，或超挖时已采取有效措施",
                "No over-excavation, or effective measures taken for it",
            ),
            criterion(
                5,
                3,
                "深基坑和一、二级高边坡开展第三方监测",
                "Third-party monitoring of deep pits and grade 1 or 2 high slopes",
            ),
            criterion(
                5,
                4,
                "出现坍塌征兆时及时处置",
                "Collapse warning signs are dealt with at once",
                help_text=text(
                    "征兆：支护结构或周边建筑物变形超过设计控制值；基坑侧壁出现大量漏水、流土；基坑底部出现管涌或突涌；桩间土流失形成孔洞深度超过桩径",
                    "Signs: support or nearby building deformation above the design control value; heavy leakage or soil flow on the pit wall; piping or heave at the bottom; soil loss between piles leaving holes deeper than the pile diameter",
                ),
            ),
        ],
    ),
    6: (
        "模板工程及支撑体系",
        "Formwork and support",
        [
            criterion(
                6,
                1,
                "模板支架地基承载力和变形满足设计要求",
                "Formwork-support foundation bearing and deformation meet the design",
            ),
            criterion(
                6,
                2,
                "施工荷载不超过设计值",
                "Construction load within the design value",
            ),
            criterion(
                6,
                3,
                "混凝土达到设计或规范强度后才拆除支撑、提升滑模或爬模",
                "Supports struck, slip or climbing forms lifted only after the concrete reaches the required strength",
            ),
            criterion(
                6,
                4,
                "危大模板支撑工程按方案规定的顺序和分层厚度浇筑混凝土",
                "Concrete on dangerous formwork supports poured in the sequence and layer thickness the scheme sets",
            ),
        ],
    ),
    7: (
        "脚手架工程",
        "Scaffolding",
        [
            criterion(
                7,
                1,
                "脚手架地基承载力和变形满足设计要求",
                "Scaffold foundation bearing and deformation meet the design",
            ),
            criterion(
                7,
                2,
                "按要求设置连墙件，无整层缺失",
                "Wall ties set as required, no storey missing them",
            ),
            criterion(
                7,
                3,
                "附着式升降脚手架的防倾覆、防坠落或同步升降控制装置符合设计且有效",
                "Attached lifting scaffold's anti-tilt, anti-fall and synchronous-lift devices as designed and working",
            ),
        ],
    ),
    8: (
        "建筑起重机械及吊装工程",
        "Construction cranes, hoists and lifting",
        [
            criterion(
                8,
                1,
                "塔式起重机、施工升降机、物料提升机等经验收合格并办理使用登记后使用",
                "Tower cranes, hoists, material lifts and the like used only after acceptance and registration",
            ),
            criterion(
                8,
                2,
                "起重机械基础承载力和变形满足设计要求",
                "Machine foundation bearing and deformation meet the design",
            ),
            criterion(
                8,
                3,
                "安装、拆卸、顶升加节或附着前对结构件、顶升和附着装置、高强螺栓、销轴、定位板及安全装置进行检查",
                "Before erection, dismantling, climbing or tying: structure, climbing and tie devices, high-strength bolts, pins, locating plates and safety devices inspected",
            ),
            criterion(
                8,
                4,
                "安全装置齐全有效，无违规拆除或破坏",
                "Safety devices complete and working, none removed or damaged",
            ),
            criterion(
                8,
                5,
                "主要受力构件无明显裂纹、严重锈蚀、塑性变形或开焊，连接螺栓、销轴齐全有效",
                "Main load members free of visible cracks, heavy corrosion, plastic deformation or broken welds; bolts and pins complete",
            ),
            criterion(
                8,
                6,
                "施工升降机附着间距、最高附着点以上自由高度和垂直度符合规范",
                "Hoist tie spacing, free height above the top tie and verticality to code",
            ),
            criterion(
                8,
                7,
                "塔式起重机独立起升高度、附着间距、最高附着点以上自由高度和垂直度符合规范",
                "Tower crane free-standing height, tie spacing, free height above the top tie and verticality to code",
            ),
            criterion(
                8,
                8,
                "塔式起重机与周边建（构）筑物及群塔之间保持安全距离",
                "Safe clearance between tower cranes and nearby structures, and between cranes in a group",
            ),
            criterion(
                8,
                9,
                "未使用达到报废标准的起重机械或吊索具",
                "No crane, hoist or lifting gear past its scrap standard in use",
            ),
        ],
    ),
    9: (
        "高处作业",
        "Work at height",
        [
            criterion(
                9,
                1,
                "钢结构、网架安装用临时支承结构的基础符合设计、不超载，并按设计设置防倾覆装置",
                "Temporary supports for steel or space-frame erection on foundations as designed, within capacity, with the designed anti-overturn devices",
            ),
            criterion(
                9,
                2,
                "单榀钢桁架（屋架）等预制构件安装时采取防失稳措施",
                "Anti-buckling measures when erecting single steel trusses and similar precast members",
            ),
            *both(
                9,
                3,
                (
                    "on_structure",
                    "悬挑式卸料平台的搁置点、拉结点、支撑点是否设置在稳定的主体结构上",
                    "Are the cantilever unloading platform's rests, ties and supports on stable main structure?",
                ),
                "搁置点、拉结点、支撑点未设在稳定的主体结构上时，已做可靠连接",
                "Where the rests, ties and supports are not on stable main structure, they are reliably connected",
            ),
            criterion(
                9,
                4,
                "脚手架与结构外表面之间贯通空隙设水平防护；电梯井道贯通时设水平防护或井口防护门",
                "Horizontal protection over through gaps between scaffold and building face; a through lift shaft has horizontal protection or a gate at its opening",
            ),
            criterion(
                9,
                5,
                "高处作业吊篮不超载，安全锁有效，安全带挂在独立设置的安全绳上",
                "Gondola within its load, safety lock working, harness on an independent lifeline",
            ),
        ],
    ),
    10: (
        "施工临时用电",
        "Temporary electricity",
        [
            criterion(
                10,
                1,
                "通风不良、高温、导电灰尘、湿度长期大于75%、泥泞、积水等特殊环境照明使用安全特低电压",
                "Safety extra-low voltage lighting in special environments: poor ventilation, heat, conductive dust, humidity long above 75%, mud or standing water",
            ),
            criterion(
                10,
                2,
                "外电架空线路与在建工程、脚手架、机械设备和场内道路保持安全距离或采取防护措施",
                "Safe distance, or protection, between overhead lines and the works, scaffolds, machines and site roads",
            ),
        ],
    ),
    11: (
        "有限空间作业",
        "Confined space work",
        [
            *both(
                11,
                1,
                (
                    "identified",
                    "是否已辨识施工现场的有限空间",
                    "Have the confined spaces on site been identified?",
                ),
                "有限空间未辨识时，已在显著位置设置警示标志",
                "Where confined spaces were not identified, warning signs are posted in plain view",
            ),
            criterion(
                11,
                2,
                "落实作业审批，开展专项安全培训，执行“先通风、再检测、后作业”",
                "Work approval, specific training, and ventilate-test-then-enter applied",
            ),
            criterion(
                11,
                3,
                "作业现场有专人监护，并有专职安全生产管理人员现场监督",
                "A dedicated attendant on site and a full-time safety officer supervising",
            ),
            criterion(
                11,
                4,
                "现场配备气体检测、机械通风、呼吸防护和应急救援设施设备",
                "Gas detection, mechanical ventilation, breathing protection and rescue equipment on site",
            ),
        ],
    ),
    12: (
        "拆除工程",
        "Demolition",
        [
            criterion(
                12,
                1,
                "装修工程拆除承重结构前经原设计单位或具备相应资质的设计单位进行结构复核",
                "Load-bearing structure removed in a fit-out only after a structural check by the original or a qualified designer",
            ),
            criterion(
                12,
                2,
                "拆除施工顺序符合规范和施工方案",
                "Demolition sequence as the code and scheme require",
            ),
        ],
    ),
    13: (
        "隧道工程",
        "Tunnelling",
        [
            criterion(
                13,
                1,
                "有水作业采取措施，降水失效时不继续作业",
                "Measures taken for work in water; work stops when groundwater control fails",
            ),
            criterion(
                13,
                2,
                "突水突泥、局部坍塌或支护结构扭曲变形开裂时及时处置",
                "Water or sand inrush, local collapse, or twisting or cracking supports dealt with in time",
            ),
            criterion(
                13,
                3,
                "开挖和支护方法符合规范和方案，开展超前地质预报和监控量测，数据超限及时处置",
                "Excavation and support methods to code and scheme; advance geological forecast and monitoring; exceedances dealt with in time",
            ),
            criterion(
                13,
                4,
                "盾构始发、接收端头按设计加固，加固不满足要求时采取措施后才施工",
                "Shield launch and reception zones reinforced as designed; where short, measures taken before work",
            ),
            criterion(
                13,
                5,
                "盾尾密封失效或铰接部位渗漏时不继续掘进；带压进仓检查换刀按规定实施",
                "No boring on with failed tail seals or leaking articulation; pressurised entry for inspection or cutter change done by the rules",
            ),
            criterion(
                13,
                6,
                "对可能受影响的相邻建（构）筑物、地下管线采取专项防护措施",
                "Special protection for adjacent structures and pipes that may be affected",
            ),
            criterion(
                13,
                7,
                "城市轨道交通安全保护区内新建、管线施工、架空、挖掘、爆破等作业经审批",
                "Building, pipe-laying, overhead work, digging or blasting inside a rail-transit protection zone approved",
            ),
        ],
    ),
    14: (
        "施工临时堆载",
        "Temporary loads",
        [
            criterion(
                14,
                1,
                "基坑周边堆载不超过设计允许值",
                "Stockpiles around a pit within the design allowance",
            ),
            criterion(
                14,
                2,
                "无支护基坑（槽）周边在坑底边线以外开挖深度范围内无堆载",
                "No stockpile around an unsupported pit or trench within a distance from its bottom edge equal to the dig depth",
            ),
            criterion(
                14,
                3,
                "楼板、屋面、地下室顶板和脚手架上的堆载不超过设计允许值",
                "Loads on slabs, roofs, basement roofs and scaffolds within the design allowance",
            ),
        ],
    ),
    15: (
        "冒险作业",
        "Reckless work",
        [
            criterion(
                15,
                1,
                "混凝土泵车、桩工机械、汽车吊、履带吊等大型机械作业前核验行走路线和作业位置地基承载力",
                "Ground capacity on the route and at the working position checked before concrete pumps, piling rigs, truck or crawler cranes work",
            ),
            criterion(
                15,
                2,
                "雷雨、大雪、大雾、大风天气不违规进行吊装、起重机械安拆或高处作业",
                "No lifting, crane erection or dismantling, or work at height against the rules in thunderstorm, heavy snow, fog or high wind",
            ),
            criterion(
                15,
                3,
                "未使用塔式起重机、汽车吊、履带吊、轮胎吊等非载人设备吊运人员",
                "Tower, truck, crawler or wheeled cranes not used to lift people",
            ),
        ],
    ),
    16: (
        "淘汰工艺设备材料",
        "Banned processes, equipment and materials",
        [
            criterion(
                16,
                None,
                "未使用国家明令禁止或限制使用、危害程度较大的施工工艺、设备和材料",
                "No state-banned or restricted process, equipment or material of high harm in use",
            ),
        ],
    ),
    17: (
        "其他",
        "Other",
        [
            criterion(
                17,
                None,
                "无其他严重违反法律法规、规章和强制性标准且存在群死群伤或重大经济损失现实危险的情形（发现时须写明具体情形）",
                "No other serious breach of laws, rules or mandatory standards with a real danger of mass casualties or major loss (state what was found)",
            ),
        ],
    ),
}

CRITERIA = [
    {
        "key": "construction_major_hazard_criteria_2024",
        "kind": "checklist",
        "industry": "construction",
        "edition": "construction_2024_5",
        "title": text(
            "房屋市政工程生产安全重大事故隐患判定检查表（2024版）",
            "Major accident hazard determination checklist: housing and municipal works (2024)",
        ),
        "description": text(
            "逐条对照建质规〔2024〕5号第四条至第十七条；任一项不符合即判定为重大事故隐患。",
            "Against Arts. 4-17 of 建质规〔2024〕5号; any non-compliant item is a major accident hazard.",
        ),
        "operations": [],
        "scoring": {"method": "none"},
        "sections": [
            section(
                f"article_{number:02d}",
                f"第{numeral(number)}条 {zh}",
                f"Art. {number}: {en}",
                items,
            )
            for number, (zh, en, items) in ARTICLES.items()
        ],
    }
]
