"""The documents this pack's content cites, by the key a basis uses.

``checked`` is True where the project's domain notes (FACTS.md, FACTS-2.md)
checked the document against a published source; other entries are named
from general domain knowledge and cited by number or title only.
"""

from plugins.pack_support.content import text

INDUSTRY = "gas"
# What the industry is, in both languages (the industry hook).
INDUSTRY_NAME = text("城镇燃气", "Urban gas")
INDUSTRY_DESCRIPTION = text(
    "城镇燃气经营企业：厂站、管网、瓶装气",
    "Urban gas operators: stations, pipelines, bottled gas",
)


def _source(zh_hans, en, kind="standard", *, checked=False, note=None):
    entry = {
        "title": text(zh_hans, en),
        "kind": kind,
        "status": "current",
        "checked": checked,
    }
    if note:
        entry["note"] = note
    return entry


SOURCES = {
    "建城规〔2023〕4号": _source(
        "城镇燃气经营安全重大隐患判定标准",
        "Criteria for major hazards in urban gas operation",
        "criteria",
        checked=True,
        note=text(
            "第十一条：自印发之日起施行；通知日期2023-09-21（另有转载作2023-09-08，待与住建部原文核对）",
            "Art. 11: in force on issue; notice dated 2023-09-21 (one reprint says 2023-09-08; check against the MOHURD original)",
        ),
    ),
    "城镇燃气管理条例": _source(
        "城镇燃气管理条例",
        "Regulations on the administration of urban gas",
        "regulation",
    ),
    "GB 55009-2021": _source("燃气工程项目规范", "Project code for gas engineering"),
    "GB 50028-2006": _source(
        "城镇燃气设计规范（2020年版）",
        "Code for design of city gas engineering (2020 edition)",
    ),
    "CJJ 51-2016": _source(
        "城镇燃气设施运行、维护和抢修安全技术规程",
        "Technical specification for safety of operation, maintenance and emergency repair of city gas facilities",
    ),
    "CJJ/T 148-2010": _source(
        "城镇燃气加臭技术规程", "Technical specification for odorization of city gas"
    ),
    "GB 50156-2021": _source(
        "汽车加油加气加氢站技术标准",
        "Technical standard for fuel, gas and hydrogen filling stations",
    ),
    "TSG 23-2021": _source(
        "气瓶安全技术规程", "Safety technical regulation for gas cylinders"
    ),
    "GB 50058-2014": _source(
        "爆炸危险环境电力装置设计规范",
        "Code for design of electrical installations in explosive atmospheres",
    ),
    "安全生产法": _source(
        "中华人民共和国安全生产法（2021年修正）",
        "Work Safety Law of the PRC (2021 amendment)",
        "law",
        checked=True,
        note=text(
            "第三十六条：餐饮等行业使用燃气的应安装可燃气体报警装置",
            "Art. 36: restaurants and similar users of gas must install gas alarms",
        ),
    ),
    "应急管理部令第2号": _source(
        "生产安全事故应急预案管理办法",
        "Measures for the management of production safety emergency plans",
        "regulation",
        checked=True,
    ),
    "GB 6441-1986": _source(
        "企业职工伤亡事故分类",
        "Classification of casualty accidents of enterprise staff",
        checked=True,
    ),
    "GB/T 13861-2022": _source(
        "生产过程危险和有害因素分类与代码",
        "Classification and code of hazardous factors in production processes",
        checked=True,
    ),
}
