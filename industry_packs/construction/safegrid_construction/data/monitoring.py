"""Typical monitored parameters of the major risk points of a construction site.

Deformation alarms are expressed against the design control value (设计控制值)
that each scheme sets: exceeding it is one of the collapse warning signs of
建质规〔2024〕5号 Art. 5(4). Other values are common practice (``typical``):
replace them with the scheme's or the machine's own values.
"""

from plugins.pack_support.content import ref, text

CRITERIA_DOC = "建质规〔2024〕5号"


def threshold(zh_hans, en, op, value, *, basis=None, typical=False):
    result = {"level": text(zh_hans, en), "op": op, "value": value}
    if basis is not None:
        result["basis"] = basis
    if typical:
        result["typical"] = True
    return result


MONITORED_PARAMETERS = [
    {
        "key": "pit_deformation_ratio",
        "risk_points": ["deep_excavation"],
        "parameter": text(
            "支护结构及周边建筑变形（占设计控制值）",
            "Support and nearby building deformation (share of the design control value)",
        ),
        "unit": "%",
        "sensor": text(
            "全站仪、测斜仪、静力水准仪（第三方监测）",
            "Total station, inclinometer, hydrostatic levelling (third-party monitoring)",
        ),
        "thresholds": [
            threshold("预警", "Early warning", ">=", 70, typical=True),
            threshold(
                "超过设计控制值（重大事故隐患征兆）",
                "Above the design control value (a major-hazard warning sign)",
                ">",
                100,
                basis=ref(CRITERIA_DOC, "第五条第（四）项"),
            ),
        ],
        "note": text(
            "设计控制值取自基坑设计和监测方案（GB 50497-2019）",
            "Control values come from the pit design and monitoring plan (GB 50497-2019)",
        ),
    },
    {
        "key": "pit_groundwater_level",
        "risk_points": ["deep_excavation"],
        "parameter": text("坑外地下水位变化", "Groundwater level outside the pit"),
        "unit": "mm",
        "sensor": text("水位计", "Water level gauge"),
        "thresholds": [],
        "note": text(
            "报警值按监测方案设定；水位骤降常伴随渗漏或流土",
            "Alarm values from the monitoring plan; a sudden drop often means leakage or soil flow",
        ),
    },
    {
        "key": "formwork_settlement_ratio",
        "risk_points": ["formwork_support"],
        "parameter": text(
            "浇筑时支撑体系沉降与位移（占方案控制值）",
            "Falsework settlement and movement while pouring (share of the scheme's limit)",
        ),
        "unit": "%",
        "sensor": text("位移传感器或全站仪", "Displacement sensors or total station"),
        "thresholds": [
            threshold("预警", "Early warning", ">=", 70, typical=True),
            threshold(
                "报警，停止浇筑撤离",
                "Alarm: stop pouring and leave",
                ">=",
                100,
                typical=True,
            ),
        ],
    },
    {
        "key": "crane_load_ratio",
        "risk_points": ["tower_crane", "construction_hoist"],
        "parameter": text(
            "起重量和力矩（占额定值）", "Load and moment (share of the rating)"
        ),
        "unit": "%",
        "sensor": text(
            "塔机安全监控系统的重量和力矩传感器",
            "Load and moment sensors of the crane monitoring system",
        ),
        "thresholds": [
            threshold("预警", "Warning", ">=", 90, typical=True),
            threshold(
                "报警并限制起升", "Alarm and hoisting cut", ">=", 100, typical=True
            ),
        ],
        "note": text(
            "限制器的动作值以产品说明书和相关标准为准",
            "The limiters' trip values follow the manufacturer and the applicable standards",
        ),
    },
    {
        "key": "crane_wind_speed",
        "risk_points": [
            "tower_crane",
            "lifting_operation",
            "suspended_platform",
            "scaffold",
        ],
        "parameter": text("风速", "Wind speed"),
        "unit": "m/s",
        "sensor": text("塔顶风速仪", "Anemometer on the crane top"),
        "thresholds": [
            threshold(
                "六级风，停止吊装和高处作业",
                "Force 6: stop lifting and work at height",
                ">=",
                10.8,
                typical=True,
            ),
        ],
        "note": text(
            "安装拆卸和使用的停止风速以机械说明书和相关规程为准",
            "Stop speeds for erection and use follow the manual and the applicable code",
        ),
    },
    {
        "key": "crane_tilt",
        "risk_points": ["tower_crane"],
        "parameter": text("塔身垂直度偏差", "Tower verticality deviation"),
        "unit": "‰",
        "sensor": text("倾角传感器", "Inclinometer"),
        "thresholds": [
            threshold("独立状态报警", "Alarm (free-standing)", ">", 4, typical=True),
        ],
        "note": text(
            "附着状态的允许偏差按说明书和规程取值",
            "Tolerances when tied follow the manual and code",
        ),
    },
    {
        "key": "confined_space_oxygen",
        "risk_points": ["confined_space"],
        "parameter": text("有限空间氧含量", "Oxygen in a confined space"),
        "unit": "%vol",
        "sensor": text("便携式多合一气体检测仪", "Portable multi-gas detector"),
        "thresholds": [
            threshold("缺氧", "Oxygen deficient", "<", 19.5, basis=ref("GB 8958-2006")),
            threshold("富氧", "Oxygen enriched", ">", 23.5, typical=True),
        ],
    },
    {
        "key": "earth_resistance",
        "risk_points": ["temporary_power"],
        "parameter": text("重复接地电阻", "Repeat earth resistance"),
        "unit": "Ω",
        "sensor": text(
            "接地电阻测试仪（定期测量）", "Earth resistance tester (periodic)"
        ),
        "thresholds": [
            threshold("超过限值", "Above the limit", ">", 10, typical=True),
        ],
        "note": text(
            "工作接地电阻一般不大于4 Ω；以现行临时用电规范为准",
            "Working earth usually at most 4 Ω; the temporary electricity code in force governs",
        ),
    },
    {
        "key": "tunnel_crown_settlement_ratio",
        "risk_points": ["tunnel"],
        "parameter": text(
            "拱顶沉降和净空收敛（占设计控制值）",
            "Crown settlement and convergence (share of the design limit)",
        ),
        "unit": "%",
        "sensor": text("全站仪、收敛计", "Total station, convergence meter"),
        "thresholds": [
            threshold("预警", "Early warning", ">=", 70, typical=True),
            threshold(
                "超过设计控制值，及时处置",
                "Above the design limit: act at once",
                ">",
                100,
                basis=ref(CRITERIA_DOC, "第十三条第（三）项"),
            ),
        ],
    },
]
