"""Typical monitored parameters of the major risk points of gas operators.

Art. 5(1) of 建城规〔2023〕4号 makes tank pressure, volume or level
monitoring with over-limit alarms a criterion, and Art. 5(5) requires fixed
alarms wherever a leak could reach 20% of LEL; the set values themselves
come from the design and the operator, so they are marked ``typical``.
"""

from plugins.pack_support.content import text

CRITERIA = "建城规〔2023〕4号"


def threshold(zh_hans, en, op, value, *, basis=None, typical=False):
    result = {"level": text(zh_hans, en), "op": op, "value": value}
    if basis is not None:
        result["basis"] = basis
    if typical:
        result["typical"] = True
    return result


MONITORED_PARAMETERS = [
    {
        "key": "combustible_gas",
        "risk_points": [
            "gate_station",
            "storage_tanks",
            "gas_alarms",
            "lng_unloading",
            "lpg_unloading",
            "cylinder_supply_station",
            "catering_users",
        ],
        "parameter": text("可燃气体浓度", "Combustible gas concentration"),
        "unit": "%LEL",
        "sensor": text("固定式可燃气体探测器", "Fixed combustible gas detector"),
        "thresholds": [
            threshold("一级报警", "First alarm", ">=", 20, typical=True),
            threshold(
                "二级报警并联锁切断",
                "Second alarm with shut-off",
                ">=",
                50,
                typical=True,
            ),
        ],
        "note": text(
            "泄漏可能达到爆炸下限20%的设施区和建筑必须设固定式报警器（第五条第（五）项）",
            "Fixed alarms are required wherever a leak could reach 20% of LEL (Art. 5(5))",
        ),
    },
    {
        "key": "tank_pressure",
        "risk_points": ["storage_tanks"],
        "parameter": text("储罐压力", "Tank pressure"),
        "unit": "MPa",
        "sensor": text("压力变送器", "Pressure transmitter"),
        "thresholds": [],
        "note": text(
            "高、低限报警按设计压力设定；监测和超限报警是第五条第（一）项的要求",
            "High and low alarms from the design pressure; monitoring with over-limit alarms is required by Art. 5(1)",
        ),
    },
    {
        "key": "tank_level",
        "risk_points": ["storage_tanks"],
        "parameter": text("储罐液位（充装率）", "Tank level (fill)"),
        "unit": "%",
        "sensor": text("液位计", "Level gauge"),
        "thresholds": [
            threshold("高液位报警", "High level alarm", ">=", 85, typical=True),
            threshold("高高液位联锁", "High-high level trip", ">=", 90, typical=True),
        ],
        "note": text(
            "以储罐设计的最大充装率为准", "The tank's design maximum fill governs"
        ),
    },
    {
        "key": "station_outlet_pressure",
        "risk_points": ["gate_station", "pressure_regulators"],
        "parameter": text("调压出口压力", "Regulator outlet pressure"),
        "unit": "kPa",
        "sensor": text("压力变送器（SCADA远传）", "Pressure transmitter on SCADA"),
        "thresholds": [],
        "note": text(
            "超压切断和放散压力按下游允许压力设定（第五条第（二）项、第六条第（三）项）",
            "Shut-off and relief set from the downstream limit (Arts. 5(2) and 6(3))",
        ),
    },
    {
        "key": "network_pressure",
        "risk_points": ["medium_pressure_network"],
        "parameter": text("管网压力", "Network pressure"),
        "unit": "MPa",
        "sensor": text("管网压力监测点", "Network pressure points"),
        "thresholds": [],
        "note": text(
            "压力骤降提示可能发生爆管或第三方破坏",
            "A sudden drop may mean a burst or third-party damage",
        ),
    },
    {
        "key": "odorant_concentration",
        "risk_points": ["odorization"],
        "parameter": text(
            "管网末端加臭剂浓度", "Odorant concentration at network ends"
        ),
        "unit": "mg/m³",
        "sensor": text("加臭剂浓度检测仪", "Odorant analyser"),
        "thresholds": [
            threshold("加臭量不足", "Under-odorised", "<", 20, typical=True),
        ],
        "note": text(
            "无警示性臭味供气属重大隐患（第八条）",
            "Supplying gas without warning odour is a major hazard (Art. 8)",
        ),
    },
    {
        "key": "underground_space_gas",
        "risk_points": ["pipe_crossings", "medium_pressure_network"],
        "parameter": text(
            "相邻地下空间可燃气体浓度", "Gas in adjacent underground spaces"
        ),
        "unit": "%LEL",
        "sensor": text("井下可燃气体监测终端", "Manhole gas monitoring terminal"),
        "thresholds": [
            threshold("报警", "Alarm", ">=", 20, typical=True),
        ],
    },
]
