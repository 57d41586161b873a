"""The documents this pack's content cites, by the key a basis uses.

``checked`` is True where the project's domain notes (FACTS.md, FACTS-2.md)
checked the document against a published source; other entries are named
from general domain knowledge and cited by number only, never by clause.
"""

from plugins.pack_support.content import text

INDUSTRY = "construction"
# What the industry is, in both languages (the industry hook).
INDUSTRY_NAME = text("建筑施工", "Construction")
INDUSTRY_DESCRIPTION = text(
    "房屋建筑和市政基础设施工程施工",
    "Building and municipal infrastructure construction",
)


def _source(
    zh_hans, en, kind="standard", *, checked=False, status="current", note=None
):
    entry = {
        "title": text(zh_hans, en),
        "kind": kind,
        "status": status,
        "checked": checked,
    }
    if note:
        entry["note"] = note
    return entry


SOURCES = {
    "建质规〔2024〕5号": _source(
        "房屋市政工程生产安全重大事故隐患判定标准（2024版）",
        "Criteria for major accident hazards in housing and municipal works (2024)",
        "criteria",
        checked=True,
    ),
    "建质规〔2022〕2号": _source(
        "房屋市政工程生产安全重大事故隐患判定标准（2022版）",
        "Criteria for major accident hazards in housing and municipal works (2022)",
        "criteria",
        checked=True,
        status="repealed",
        note=text(
            "2024-12-13起由建质规〔2024〕5号废止",
            "Repealed by 建质规〔2024〕5号 on 2024-12-13",
        ),
    ),
    "JGJ 59-2011": _source(
        "建筑施工安全检查标准",
        "Standard for construction safety inspection",
        checked=True,
    ),
    "住房城乡建设部令第37号": _source(
        "危险性较大的分部分项工程安全管理规定",
        "Provisions on the safety management of dangerous sub-divisional works",
        "regulation",
    ),
    "建办质〔2018〕31号": _source(
        "关于实施《危险性较大的分部分项工程安全管理规定》有关问题的通知",
        "Notice on implementing the provisions on dangerous sub-divisional works (scope lists)",
        "regulation",
    ),
    "建设部令第166号": _source(
        "建筑起重机械安全监督管理规定",
        "Provisions on the safety supervision of construction cranes",
        "regulation",
    ),
    "JGJ 120-2012": _source(
        "建筑基坑支护技术规程",
        "Technical specification for retaining and protection of building foundation excavations",
    ),
    "GB 50497-2019": _source(
        "建筑基坑工程监测技术标准",
        "Technical standard for monitoring of building excavation engineering",
    ),
    "JGJ 162-2008": _source(
        "建筑施工模板安全技术规范", "Technical code for safety of forms in construction"
    ),
    "JGJ 130-2011": _source(
        "建筑施工扣件式钢管脚手架安全技术规范",
        "Technical code for safety of steel tubular scaffold with couplers",
    ),
    "JGJ 80-2016": _source(
        "建筑施工高处作业安全技术规范", "Technical code for safety of working at height"
    ),
    "JGJ 196-2010": _source(
        "建筑施工塔式起重机安装、使用、拆卸安全技术规程",
        "Technical specification for tower cranes: erection, use and dismantling",
    ),
    "JGJ 215-2010": _source(
        "建筑施工升降机安装、使用、拆卸安全技术规程",
        "Technical specification for construction hoists: erection, use and dismantling",
    ),
    "JGJ 276-2012": _source(
        "建筑施工起重吊装工程安全技术规范",
        "Technical code for safety of lifting in construction",
    ),
    "JGJ 46": _source(
        "施工现场临时用电安全技术规范（现行版本）",
        "Technical code for safety of temporary electricity on construction sites (current edition)",
        note=text("以现行有效版本为准", "The edition in force governs"),
    ),
    "GB 50194-2014": _source(
        "建设工程施工现场供用电安全规范",
        "Code for safety of power supply and consumption on construction sites",
    ),
    "JGJ 147-2016": _source(
        "建筑拆除工程安全技术规范", "Technical code for safety of demolition"
    ),
    "GB 50720-2011": _source(
        "建设工程施工现场消防安全技术规范",
        "Technical code for fire safety of construction sites",
    ),
    "JGJ 33-2012": _source(
        "建筑机械使用安全技术规程",
        "Technical specification for safe use of construction machinery",
    ),
    "GB 8958-2006": _source(
        "缺氧危险作业安全规程", "Safety regulations for work in oxygen-deficient places"
    ),
    "安全生产法": _source(
        "中华人民共和国安全生产法（2021年修正）",
        "Work Safety Law of the PRC (2021 amendment)",
        "law",
        checked=True,
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
