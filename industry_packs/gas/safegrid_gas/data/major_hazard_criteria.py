"""城镇燃气经营安全重大隐患判定标准, as a checklist.

建城规〔2023〕4号 (MOHURD) has 11 articles and takes effect on issue (Art. 11);
the notice is dated 2023-09-21 (one reprint says 2023-09-08: to be checked).
Arts. 4, 5, 6, 7 and 9 hold 5 + 5 + 3 + 3 + 4 = 20 numbered items and Arts. 8
and 10 are whole-article criteria: 22 criteria (FACTS-2 §1). Items are
paraphrased in the project's own words; keys match the ``gas_check`` rule.

Art. 9 applies only to what the operator finds during a user safety check:
the situation is a major hazard only when the operator then does not notify
the user in writing (or take the other required steps). Each Art. 9 item
therefore carries a ``precondition`` naming the follow-up question that
records the written notice; the physical condition alone is not major.
Art. 10 is a catch-all: a non-compliant answer must say what was found.
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

DOCUMENT = "建城规〔2023〕4号"
NUMERALS = {
    1: "一",
    2: "二",
    3: "三",
    4: "四",
    5: "五",
    6: "六",
    7: "七",
    8: "八",
    9: "九",
    10: "十",
}
NOTICE_FLAG = "found_in_user_check_and_not_notified_in_writing"

CRITERIA_EDITIONS = [
    {
        "key": "gas_2023_4",
        "document": DOCUMENT,
        "title": text(
            "城镇燃气经营安全重大隐患判定标准",
            "Criteria for major hazards in urban gas operation",
        ),
        "issued": "2023-09-21",
        "effective": "2023-09-21",
        "status": "current",
        "valid_until": None,
        "counts": {
            "articles": 7,
            "numbered_items": 20,
            "whole_article_criteria": 2,
            "criteria": 22,
        },
        "not_loaded": [],
        "note": text(
            "第十一条：自印发之日起施行；发布日期另有2023-09-08的转载，待核；国家标准计划20262973-Q-333尚未替代本标准",
            "Art. 11: in force on issue; a reprint gives 2023-09-08, to be checked; the national standard plan 20262973-Q-333 has not replaced it",
        ),
    }
]


def criterion(article, number, zh_hans, en, *, catch_all=False, user_check=False):
    """One criterion; ``number`` None for a whole-article criterion."""
    key = f"art{article}" if number is None else f"art{article}_{number}"
    clause = f"第{NUMERALS[article]}条" + (
        "" if number is None else f"第（{NUMERALS[number]}）项"
    )
    precondition = None
    if user_check:
        precondition = {
            "key": NOTICE_FLAG,
            "question": f"{key}_notified",
            "text": text(
                "用户安全检查中发现该情形，且未书面告知用户整改（或未按规定采取其他措施）时才判定为重大隐患",
                "A major hazard only when found during a user safety check and the user was not notified in writing to fix it (or the other required steps were not taken)",
            ),
        }
    item = check(
        key,
        zh_hans,
        en,
        basis=[ref(DOCUMENT, clause)],
        grade="major",
        evidence=("note",) if catch_all else ("photo", "note"),
        precondition=precondition,
    )
    item.update({"article": article, "item": number, "catch_all": catch_all})
    return item


def notified(key):
    """The follow-up that records the written notice for an Art. 9 finding."""
    return question(
        f"{key}_notified",
        "single_choice",
        "是否已书面告知用户整改",
        "Was the user notified in writing to fix it?",
        choices=YES_NO,
        show_if=show_if(key, "non_compliant"),
    )


def user_check_items(number, zh_hans, en):
    item = criterion(9, number, zh_hans, en, user_check=True)
    return [item, notified(item["key"])]


ARTICLES = [
    (
        "article_4",
        "第四条 安全生产管理",
        "Art. 4: safety management",
        [
            criterion(4, 1, "持有燃气经营许可证", "Holds a gas business licence"),
            criterion(
                4,
                2,
                "建立安全风险分级管控制度",
                "Has a safety risk grading and control system",
            ),
            criterion(
                4,
                3,
                "建立事故隐患排查治理制度",
                "Has a hazard investigation and remediation system",
            ),
            criterion(
                4, 4, "制定生产安全事故应急救援预案", "Has an emergency rescue plan"
            ),
            criterion(
                4,
                5,
                "建立对用户燃气设施定期安全检查制度",
                "Has a system of periodic safety checks of users' gas facilities",
            ),
        ],
    ),
    (
        "article_5",
        "第五条 燃气厂站",
        "Art. 5: gas stations",
        [
            criterion(
                5,
                1,
                "储罐设有压力、罐容或液位监测，并设超限报警",
                "Tanks have pressure, volume or level monitoring with over-limit alarms",
            ),
            criterion(
                5,
                2,
                "厂站设备和管道设有系统压力超限时的自动切断和放散装置",
                "Station equipment and piping have automatic shut-off and venting against over-limit pressure",
            ),
            criterion(
                5,
                3,
                "CNG、LNG、LPG装卸系统设有防止装卸用管拉脱的联锁保护装置",
                "CNG, LNG and LPG transfer systems have an interlock against hose pull-off",
            ),
            criterion(
                5,
                4,
                "爆炸危险区域内电气和仪表设备的防爆等级符合该区域要求",
                "Electrical and instrument equipment in hazardous areas meets the area's explosion-protection grade",
            ),
            criterion(
                5,
                5,
                "燃气泄漏可能达到爆炸下限20%的设施区域和建筑物内设有固定式可燃气体报警器",
                "Fixed gas alarms wherever a leak could reach 20% of LEL, in facility areas and buildings",
            ),
        ],
    ),
    (
        "article_6",
        "第六条 燃气管道和调压设施",
        "Art. 6: mains and regulators",
        [
            criterion(
                6,
                1,
                "中压及以上埋地燃气管道保护范围内无建（构）筑物或其他设施占压",
                "No building, structure or other facility over the protection zone of buried mains at medium pressure and above",
            ),
            criterion(
                6,
                2,
                "燃气输配管道未敷设在排水管（沟）、供水管渠、热力管沟、电缆沟、城市交通隧道、城市轨道交通隧道和地下人行通道等设施内（确需穿越且有效防护的除外）",
                "Distribution pipes not laid inside drains, water conduits, heating or cable trenches, road or metro tunnels or underground walkways (unless the crossing is truly needed and effectively protected)",
            ),
            criterion(
                6,
                3,
                "调压设施设有防止出口压力超过下游允许压力的安全保护措施",
                "Regulators protected against outlet pressure above what downstream allows",
            ),
        ],
    ),
    (
        "article_7",
        "第七条 气瓶",
        "Art. 7: cylinders",
        [
            criterion(
                7,
                1,
                "未擅自为非自有气瓶充装",
                "No unauthorised filling of cylinders the operator does not own",
            ),
            criterion(
                7,
                2,
                "未销售未经许可的充装单位充装的瓶装燃气",
                "No sale of bottled gas filled by a filling unit without the required licence",
            ),
            criterion(
                7,
                3,
                "未销售充装单位擅自为非自有气瓶充装的瓶装燃气",
                "No sale of bottled gas a filling unit put into cylinders it does not own",
            ),
        ],
    ),
    (
        "article_8",
        "第八条 加臭",
        "Art. 8: odorisation",
        [
            criterion(
                8,
                None,
                "供应的燃气具有标准要求的警示性臭味",
                "The gas supplied has the warning odour the standards require",
            ),
        ],
    ),
    (
        "article_9",
        "第九条 用户安全检查发现的情形",
        "Art. 9: found during user safety checks",
        [
            *user_check_items(
                1,
                "相对密度大于等于0.75的燃气的管道、调压装置和燃具未设在地下室、半地下室、地下箱体及其他地下密闭空间内",
                "For gas of relative density 0.75 or more: no pipes, regulators or appliances in basements, semi-basements, underground boxes or other closed underground spaces",
            ),
            *user_check_items(
                2,
                "燃气引入管、立管、水平干管未设在卫生间内",
                "No service riser, riser or horizontal main inside a toilet or bathroom",
            ),
            *user_check_items(
                3,
                "燃气管道及附件、燃具未设在卧室、客房等人员居住和休息的房间内",
                "No gas pipes, fittings or appliances in bedrooms, guest rooms or other rooms for sleeping",
            ),
            *user_check_items(
                4,
                "未使用国家明令淘汰的燃气燃烧器具、连接管",
                "No gas appliances or connecting hoses ordered phased out",
            ),
        ],
    ),
    (
        "article_10",
        "第十条 其他",
        "Art. 10: other",
        [
            criterion(
                10,
                None,
                "无其他严重违反燃气安全相关法律法规和标准、存在群死群伤或重大经济损失现实危险的情形（发现时须写明具体情形）",
                "No other serious breach of gas safety law or standards with a real danger of mass casualties or major loss (state what was found)",
                catch_all=True,
            ),
        ],
    ),
]

CRITERIA = [
    {
        "key": "gas_major_hazard_criteria",
        "kind": "checklist",
        "industry": "gas",
        "edition": "gas_2023_4",
        "title": text(
            "城镇燃气经营安全重大隐患判定检查表",
            "Major hazard determination checklist: urban gas",
        ),
        "description": text(
            "逐条对照建城规〔2023〕4号第四条至第十条；任一项不符合即判定为重大隐患，第九条须为检查发现且未书面告知用户整改。",
            "Against Arts. 4-10 of 建城规〔2023〕4号; any non-compliant item is a major hazard, Art. 9 items only when found in a user check and not notified in writing.",
        ),
        "operations": [],
        "scoring": {"method": "rule", "rule": "gas_check"},
        "sections": [section(key, zh, en, items) for key, zh, en, items in ARTICLES],
    }
]
