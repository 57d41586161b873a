"""Typical monitored parameters of the major risk points of chemical enterprises.

Thresholds cite the standard that sets them; values that depend on the
installation's design are given as typical defaults (``typical``) that the
enterprise replaces with its own design values. For gas detection the
standard caps the alarm setting (the setting shall be at most the value).
"""

from plugins.pack_support.content import ref, text

GAS_STANDARD = "GB/T 50493-2019"


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
            "tank_farm",
            "loading_unloading",
            "hazardous_process_reactor",
            "pressure_piping",
            "chemical_warehouse",
            "gas_detection_system",
        ],
        "parameter": text("可燃气体浓度", "Combustible gas concentration"),
        "unit": "%LEL",
        "sensor": text(
            "固定式催化燃烧或红外可燃气体探测器",
            "Fixed catalytic or infrared combustible gas detector",
        ),
        "thresholds": [
            threshold(
                "一级报警（设定值上限）",
                "First alarm (maximum setting)",
                ">=",
                25,
                basis=ref(GAS_STANDARD),
            ),
            threshold(
                "二级报警（设定值上限）",
                "Second alarm (maximum setting)",
                ">=",
                50,
                basis=ref(GAS_STANDARD),
            ),
        ],
    },
    {
        "key": "toxic_gas",
        "risk_points": [
            "toxic_liquefied_gas_storage",
            "hazardous_process_reactor",
            "wastewater_treatment",
            "gas_detection_system",
        ],
        "parameter": text(
            "有毒气体浓度（氯、氨、硫化氢等）",
            "Toxic gas concentration (chlorine, ammonia, H2S...)",
        ),
        "unit": "%OEL",
        "sensor": text(
            "固定式电化学有毒气体探测器", "Fixed electrochemical toxic gas detector"
        ),
        "thresholds": [
            threshold(
                "一级报警（设定值上限）",
                "First alarm (maximum setting)",
                ">=",
                100,
                basis=ref(GAS_STANDARD),
            ),
            threshold(
                "二级报警（设定值上限）",
                "Second alarm (maximum setting)",
                ">=",
                200,
                basis=ref(GAS_STANDARD),
            ),
        ],
        "note": text(
            "探测器量程不能满足时，一级不超过5%IDLH、二级不超过10%IDLH",
            "Where the detector's range cannot reach these, first at most 5% IDLH and second at most 10% IDLH",
        ),
    },
    {
        "key": "tank_level",
        "risk_points": ["tank_farm", "toxic_liquefied_gas_storage"],
        "parameter": text("储罐液位", "Tank level"),
        "unit": "%",
        "sensor": text(
            "雷达或伺服液位计，另设独立高高液位开关",
            "Radar or servo gauge plus an independent high-high switch",
        ),
        "thresholds": [
            threshold("高液位报警", "High level alarm", ">=", 85, typical=True),
            threshold(
                "高高液位联锁切断进料",
                "High-high level trip of the feed",
                ">=",
                90,
                typical=True,
            ),
            threshold(
                "低液位报警（防止浮盘落底或泵抽空）",
                "Low level alarm (floating roof landing, pump running dry)",
                "<=",
                10,
                typical=True,
            ),
        ],
        "note": text(
            "设定值以储罐设计文件的安全高度为准",
            "The tank's design safe heights govern the settings",
        ),
    },
    {
        "key": "tank_temperature",
        "risk_points": ["tank_farm", "toxic_liquefied_gas_storage"],
        "parameter": text("储罐温度", "Tank temperature"),
        "unit": "℃",
        "sensor": text("多点温度计", "Multi-point thermometer"),
        "thresholds": [
            threshold("高温报警", "High temperature alarm", ">=", 40, typical=True),
        ],
        "note": text(
            "按介质特性和设计温度设定",
            "Set from the medium's properties and the design temperature",
        ),
    },
    {
        "key": "vessel_pressure",
        "risk_points": [
            "toxic_liquefied_gas_storage",
            "hazardous_process_reactor",
            "pressure_piping",
            "safety_accessories",
        ],
        "parameter": text("容器和管道压力", "Vessel and pipe pressure"),
        "unit": "MPa",
        "sensor": text("压力变送器", "Pressure transmitter"),
        "thresholds": [],
        "note": text(
            "高报、高高联锁按工艺控制指标和设计压力设定，低于安全阀整定压力",
            "High alarm and high-high trip from the process limits and design pressure, below the relief valve set pressure",
        ),
    },
    {
        "key": "reactor_temperature",
        "risk_points": ["hazardous_process_reactor"],
        "parameter": text("反应温度", "Reaction temperature"),
        "unit": "℃",
        "sensor": text("双冗余温度变送器", "Redundant temperature transmitters"),
        "thresholds": [],
        "note": text(
            "报警和联锁值取自反应安全风险评估和工艺控制指标",
            "Alarm and trip values come from the reaction hazard assessment and process limits",
        ),
    },
    {
        "key": "cooling_water_flow",
        "risk_points": ["hazardous_process_reactor"],
        "parameter": text("冷却介质流量", "Coolant flow"),
        "unit": "m³/h",
        "sensor": text("流量计", "Flow meter"),
        "thresholds": [],
        "note": text("低流量联锁停止进料", "Low flow stops the feed"),
    },
    {
        "key": "oxygen_content",
        "risk_points": ["confined_space_entry", "wastewater_treatment"],
        "parameter": text("受限空间氧含量", "Oxygen in a confined space"),
        "unit": "%vol",
        "sensor": text("便携式多合一气体检测仪", "Portable multi-gas detector"),
        "thresholds": [
            threshold(
                "缺氧", "Oxygen deficient", "<", 19.5, basis=ref("GB 30871-2022")
            ),
            threshold("富氧", "Oxygen enriched", ">", 23.5, basis=ref("GB 30871-2022")),
        ],
    },
    {
        "key": "warehouse_climate",
        "risk_points": ["chemical_warehouse"],
        "parameter": text("库房温度", "Warehouse temperature"),
        "unit": "℃",
        "sensor": text("温湿度传感器", "Temperature and humidity sensor"),
        "thresholds": [
            threshold("高温报警", "High temperature alarm", ">=", 30, typical=True),
        ],
        "note": text(
            "按所储物品安全技术说明书的储存条件调整",
            "Adjust to the storage conditions in the goods' SDS",
        ),
    },
]
