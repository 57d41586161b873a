"""道路运输企业和城市客运企业安全生产重大事故隐患判定标准（试行）, as a checklist.

交办运〔2023〕52号 (MOT general office), in force 2023-10-01. Art. 3 applies
to every enterprise and each sector article adds its own items ("存在本标准
第三条规定的情形或下列情形之一的"), so Art. 3 is one always-shown step and the
sector items are steps shown for the sectors the enterprise runs.

Art. 3(3) has two cases, each major only when both of its conditions hold
(long-standing 三超一疲劳 and not corrected in transit nor dealt with within a
month; a driver with 10 or more points at once and kept at work without
serious handling): each case asks its first condition, then its criterion
only when the first holds.

Only the items checked against published sources are seeded (FACTS-2 §2):
Art. 3 (1)-(5), Art. 4(1), Art. 6(2) and item (1) of the taxi article, whose
article number is not confirmed (``article`` None). Everything else is listed
in the edition's ``not_loaded`` and must be loaded from the official text
before the pack ships. Keys match the ``road_transport_check`` scoring rule.
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

DOCUMENT = "交办运〔2023〕52号"

CRITERIA_EDITIONS = [
    {
        "key": "road_2023_52",
        "document": DOCUMENT,
        "title": text(
            "道路运输企业和城市客运企业安全生产重大事故隐患判定标准（试行）",
            "Criteria for major accident hazards in road transport and urban passenger transport enterprises (trial)",
        ),
        "issued": None,
        "effective": "2023-10-01",
        "status": "current",
        "valid_until": None,
        "counts": {"seeded": 8},
        "not_loaded": [
            text(
                "第四条（道路旅客运输企业）第（二）项及以后各项",
                "Art. 4 (road passenger transport), items (2) onward",
            ),
            text(
                "第五条全部条目（按体例推测为道路普通货物运输企业）",
                "Art. 5, all items (by the pattern, road freight)",
            ),
            text(
                "第六条（道路危险货物运输企业）第（一）项和第（三）项及以后各项",
                "Art. 6 (dangerous goods), item (1) and items (3) onward",
            ),
            text(
                "第七条至第九条全部条目（按体例推测为汽车客运站、城市公共汽电车、城市轨道交通）",
                "Arts. 7-9, all items (by the pattern, bus stations, city buses, urban rail)",
            ),
            text(
                "出租汽车客运企业条款第（二）项及以后各项（条号待核实）",
                "Taxi article, items (2) onward (article number to be confirmed)",
            ),
        ],
        "note": text(
            "印发日期未核实；未载入条目须以交通运输部官方文本补录",
            "Issue date not checked; the items not loaded must come from the official MOT text",
        ),
    }
]

NUMERALS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六"}


def criterion(
    key,
    article,
    number,
    zh_hans,
    en,
    *,
    clause=None,
    catch_all=False,
    answers=None,
    when=None,
):
    """One seeded criterion; ``article`` None where the number is unconfirmed.

    ``answers`` names the criterion a second check answers (Art. 3(3) has two
    cases); ``when`` is the question that must be answered yes first.
    """
    if clause is None:
        clause = f"第{NUMERALS[article]}条第（{NUMERALS[number]}）项"
    item = check(
        key,
        zh_hans,
        en,
        basis=[ref(DOCUMENT, clause)],
        grade="major",
        criterion=answers,
        evidence=("photo", "note") if not catch_all else ("note",),
        show_if=show_if(when, "yes") if when else None,
    )
    item.update({"article": article, "item": number, "catch_all": catch_all})
    return item


def first_condition(key, zh_hans, en):
    """The first of two conditions the standard joins with "且", asked first."""
    return question(key, "single_choice", zh_hans, en, choices=YES_NO)


GENERAL = [
    criterion(
        "art3_1",
        3,
        1,
        "取得经营许可或备案，未超范围、超期限经营",
        "Licensed or filed, and operating within scope and validity",
    ),
    criterion(
        "art3_2",
        3,
        2,
        "未使用报废、擅自改装、拼装、检验检测不合格（含未在有效期内）以及其他不符合国家规定的车辆装备、设施设备从事经营活动",
        "No scrapped, illegally modified or assembled, failed or out-of-test vehicles or equipment, or any other vehicles, equipment or facilities that do not meet national rules, in service",
    ),
    # Art. 3(3), two cases, each major only when both of its conditions hold.
    first_condition(
        "art3_3_long_standing",
        "所属经营性驾驶员和车辆是否存在长期“三超一疲劳”（超速、超员、超载、疲劳驾驶）",
        "Do the firm's drivers or vehicles show long-standing speeding, over-capacity, overloading or fatigue?",
    ),
    criterion(
        "art3_3",
        3,
        3,
        "存在长期“三超一疲劳”的，运输过程中已及时提醒纠正，或运输行为结束后一个月内已严肃处理",
        "Where it is long-standing: corrected during the trip, or dealt with seriously within a month after it",
        when="art3_3_long_standing",
    ),
    first_condition(
        "art3_3_ten_points",
        "是否有所属经营性驾驶员一次计10分及以上诚信考核计分",
        "Has any of the firm's drivers been given 10 or more integrity points at once?",
    ),
    criterion(
        "art3_3_points",
        3,
        3,
        "一次计10分及以上的驾驶员，经严肃处理后才继续安排上岗作业",
        "A driver given 10 or more points at once is dealt with seriously before working again",
        answers="art3_3",
        when="art3_3_ten_points",
    ),
    criterion(
        "art3_4",
        3,
        4,
        "台风橙色及以上预警，或暴雨、暴雪、冰雹、大雾、沙尘暴、大风、道路结冰、地质灾害红色预警期间，按政府要求和本企业应急预案停运",
        "Under a typhoon warning of orange or above, or a red warning for rainstorm, snowstorm, hail, fog, sandstorm, gale, road icing or geological hazard, transport stopped as the government and the firm's plan require",
    ),
    criterion(
        "art3_5",
        3,
        5,
        "无法律法规规定的其他重大事故隐患（发现时须写明具体情形）",
        "No other major accident hazard defined by law or regulation (state what was found)",
        catch_all=True,
    ),
]

PASSENGER = [
    criterion(
        "art4_1",
        4,
        1,
        "800公里及以上客运班线按规定开展安全风险评估，所属客车落实凌晨2时至5时停车休息或接驳运输",
        "Lines of 800 km or more have the required safety risk assessment, and their coaches stop or relay between 02:00 and 05:00",
    ),
]

DANGEROUS_GOODS = [
    criterion(
        "art6_2",
        6,
        2,
        "常压液体罐车只装运罐体适装介质，且不超核定载质量",
        "Normal-pressure liquid tankers carry only their approved media, within the rated payload",
    ),
]

TAXI = [
    criterion(
        "taxi_1",
        None,
        1,
        "网约车平台公司线上登记的车辆、驾驶员与实际提供服务的一致",
        "The ride-hailing platform's vehicle and driver online are the ones actually giving the service",
        clause="出租汽车客运企业条款第（一）项（条号待核实）",
    ),
]

SECTORS = [
    {"value": "passenger", "label": text("道路旅客运输", "Road passenger transport")},
    {"value": "freight", "label": text("道路普通货物运输", "Road freight")},
    {"value": "dangerous_goods", "label": text("道路危险货物运输", "Dangerous goods")},
    {"value": "bus_station", "label": text("汽车客运站", "Bus station")},
    {"value": "city_bus", "label": text("城市公共汽电车", "City buses")},
    {"value": "taxi", "label": text("出租汽车（含网约车）", "Taxis and ride-hailing")},
]

CRITERIA = [
    {
        "key": "road_major_hazard_criteria",
        "kind": "checklist",
        "industry": "road_transport",
        "edition": "road_2023_52",
        "title": text(
            "道路运输企业和城市客运企业重大事故隐患判定检查表",
            "Major accident hazard determination checklist: road transport",
        ),
        "description": text(
            "第三条适用于所有企业，行业条款按企业经营类别显示；任一项不符合即判定为重大事故隐患。仅载入已核实条目。",
            "Art. 3 applies to every enterprise; sector items show for the sectors it runs. Any non-compliant item is a major accident hazard. Only checked items are loaded.",
        ),
        "operations": [],
        "scoring": {"method": "rule", "rule": "road_transport_check"},
        "sections": [
            section(
                "enterprise_sectors",
                "经营类别",
                "Sectors",
                [
                    question(
                        "sectors",
                        "multiple_choice",
                        "企业经营类别",
                        "Sectors the enterprise runs",
                        choices=SECTORS,
                    ),
                    question(
                        "operates_long_lines",
                        "single_choice",
                        "是否经营800公里及以上客运班线",
                        "Does it run lines of 800 km or more?",
                        choices=YES_NO,
                        show_if=show_if("sectors", "passenger"),
                    ),
                ],
            ),
            section("article_3", "第三条 通用情形", "Art. 3: all enterprises", GENERAL),
            section(
                "article_4",
                "第四条 道路旅客运输企业",
                "Art. 4: road passenger transport",
                PASSENGER,
                show_if=show_if("sectors", "passenger"),
            ),
            section(
                "article_6",
                "第六条 道路危险货物运输企业",
                "Art. 6: dangerous goods",
                DANGEROUS_GOODS,
                show_if=show_if("sectors", "dangerous_goods"),
            ),
            section(
                "taxi",
                "出租汽车客运企业",
                "Taxi enterprises",
                TAXI,
                show_if=show_if("sectors", "taxi"),
            ),
        ],
    }
]
