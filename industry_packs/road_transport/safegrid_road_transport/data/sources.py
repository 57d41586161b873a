"""The documents this pack's content cites, by the key a basis uses.

``checked`` is True where the project's domain notes (FACTS.md, FACTS-2.md)
checked the document against a published source; other entries are named
from general domain knowledge and cited by title or number only, never by
clause (except the one clause noted below).
"""

from plugins.pack_support.content import text

INDUSTRY = "road_transport"
# What the industry is, in both languages (the industry hook).
INDUSTRY_NAME = text("道路运输", "Road transport")
INDUSTRY_DESCRIPTION = text(
    "道路旅客、普通货物和危险货物运输企业",
    "Road passenger, general freight and dangerous goods transport",
)


def _source(zh_hans, en, kind="regulation", *, checked=False, note=None):
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
    "交办运〔2023〕52号": _source(
        "道路运输企业和城市客运企业安全生产重大事故隐患判定标准（试行）",
        "Criteria for major accident hazards in road transport and urban passenger transport enterprises (trial)",
        "criteria",
        checked=True,
        note=text(
            "2023-10-01起施行；与公路运营领域的交办公路〔2023〕59号不同",
            "In force from 2023-10-01; not the highway-operation standard 交办公路〔2023〕59号",
        ),
    ),
    "道路交通安全法实施条例": _source(
        "中华人民共和国道路交通安全法实施条例",
        "Regulations for the implementation of the Road Traffic Safety Law",
        note=text(
            "第六十二条第（七）项：连续驾驶超过4小时须停车休息不少于20分钟",
            "Art. 62(7): stop for at least 20 minutes after 4 hours of continuous driving",
        ),
    ),
    "道路旅客运输企业安全管理规范": _source(
        "道路旅客运输企业安全管理规范",
        "Safety management specification for road passenger transport enterprises",
    ),
    "道路旅客运输及客运站管理规定": _source(
        "道路旅客运输及客运站管理规定",
        "Provisions on road passenger transport and bus stations",
    ),
    "道路运输车辆动态监督管理办法": _source(
        "道路运输车辆动态监督管理办法",
        "Measures for the dynamic supervision of road transport vehicles",
    ),
    "危险货物道路运输安全管理办法": _source(
        "危险货物道路运输安全管理办法",
        "Measures for the safe management of road transport of dangerous goods",
    ),
    "JT/T 617-2018": _source(
        "危险货物道路运输规则",
        "Rules for road transport of dangerous goods",
        "standard",
    ),
    "GB 7258-2017": _source(
        "机动车运行安全技术条件",
        "Technical specifications for safety of power-driven vehicles operating on roads",
        "standard",
    ),
    "城市公共汽车和电车客运管理规定": _source(
        "城市公共汽车和电车客运管理规定",
        "Provisions on urban bus and trolleybus passenger transport",
    ),
    "网络预约出租汽车经营服务管理暂行办法": _source(
        "网络预约出租汽车经营服务管理暂行办法",
        "Interim measures on ride-hailing taxi services",
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
        checked=True,
    ),
    "GB 6441-1986": _source(
        "企业职工伤亡事故分类",
        "Classification of casualty accidents of enterprise staff",
        "standard",
        checked=True,
    ),
    "GB/T 13861-2022": _source(
        "生产过程危险和有害因素分类与代码",
        "Classification and code of hazardous factors in production processes",
        "standard",
        checked=True,
    ),
}
