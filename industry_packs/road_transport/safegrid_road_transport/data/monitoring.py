"""Typical monitored parameters of road transport risk points.

Most come from the satellite positioning terminals and in-vehicle video that
dynamic monitoring already collects. Statutory limits cite their source;
company targets are marked ``typical``.
"""

from plugins.pack_support.content import ref, text

ROAD_RULES = "道路交通安全法实施条例"


def threshold(zh_hans, en, op, value, *, basis=None, typical=False):
    result = {"level": text(zh_hans, en), "op": op, "value": value}
    if basis is not None:
        result["basis"] = basis
    if typical:
        result["typical"] = True
    return result


MONITORED_PARAMETERS = [
    {
        "key": "vehicle_speed",
        "risk_points": [
            "speeding_overloading",
            "long_distance_coach",
            "hazmat_tanker",
            "night_operation",
        ],
        "parameter": text("车辆行驶速度", "Vehicle speed"),
        "unit": "km/h",
        "sensor": text("卫星定位车载终端", "Satellite positioning terminal"),
        "thresholds": [
            threshold(
                "高速公路超速（小型载客汽车以外的机动车）",
                "Expressway speeding (vehicles other than small passenger cars)",
                ">",
                100,
                basis=ref(ROAD_RULES, "第七十八条"),
            ),
        ],
        "note": text(
            "其他道路按限速标志；夜间限速按企业和地方规定",
            "Elsewhere the posted limit applies; night limits per company and local rules",
        ),
    },
    {
        "key": "continuous_driving_time",
        "risk_points": ["driver_fatigue", "long_distance_coach"],
        "parameter": text("连续驾驶时间", "Continuous driving time"),
        "unit": "h",
        "sensor": text(
            "卫星定位终端与驾驶员身份识别",
            "Satellite terminal with driver identification",
        ),
        "thresholds": [
            threshold(
                "超过4小时未停车休息20分钟",
                "Over 4 hours without a 20-minute stop",
                ">",
                4,
                basis=ref(ROAD_RULES, "第六十二条第（七）项"),
            ),
        ],
    },
    {
        "key": "daily_driving_time",
        "risk_points": ["driver_fatigue"],
        "parameter": text("日累计驾驶时间", "Daily driving time"),
        "unit": "h",
        "sensor": text(
            "卫星定位终端与驾驶员身份识别",
            "Satellite terminal with driver identification",
        ),
        "thresholds": [
            threshold("超过企业限值", "Above the company limit", ">", 8, typical=True),
        ],
    },
    {
        "key": "early_morning_running",
        "risk_points": ["long_distance_coach", "night_operation"],
        "parameter": text(
            "800公里及以上班线客车凌晨2时至5时在途运行时长",
            "Time running between 02:00 and 05:00 for coaches on lines of 800 km or more",
        ),
        "unit": "min",
        "sensor": text("卫星定位车载终端", "Satellite positioning terminal"),
        "thresholds": [
            threshold(
                "凌晨时段未停车休息或接驳",
                "Running in the early-morning window",
                ">",
                0,
                basis=ref("交办运〔2023〕52号", "第四条第（一）项"),
            ),
        ],
    },
    {
        "key": "driver_fatigue_events",
        "risk_points": ["driver_fatigue", "city_bus", "hazmat_tanker"],
        "parameter": text("疲劳、分神驾驶报警次数", "Fatigue and distraction alarms"),
        "unit": "次/班",
        "sensor": text(
            "驾驶员状态监测摄像头（智能视频）", "Driver monitoring camera (smart video)"
        ),
        "thresholds": [
            threshold(
                "当班出现报警即提醒并跟踪",
                "Any alarm in the shift: remind and follow up",
                ">=",
                1,
                typical=True,
            ),
        ],
    },
    {
        "key": "terminal_online_rate",
        "risk_points": ["dynamic_monitoring"],
        "parameter": text("车载终端在线率", "Terminal online rate"),
        "unit": "%",
        "sensor": text("监控平台统计", "Platform statistics"),
        "thresholds": [
            threshold(
                "低于企业目标", "Below the company target", "<", 95, typical=True
            ),
        ],
    },
    {
        "key": "tyre_temperature",
        "risk_points": ["operating_vehicles", "long_distance_coach", "hazmat_tanker"],
        "parameter": text("轮胎温度", "Tyre temperature"),
        "unit": "℃",
        "sensor": text("胎压胎温监测系统", "Tyre pressure and temperature monitoring"),
        "thresholds": [
            threshold("高温报警", "High temperature alarm", ">=", 85, typical=True),
        ],
        "note": text(
            "以轮胎和监测系统厂家设定为准",
            "The tyre and system makers' settings govern",
        ),
    },
    {
        "key": "battery_temperature",
        "risk_points": ["ev_charging", "city_bus"],
        "parameter": text("动力电池最高温度", "Traction battery maximum temperature"),
        "unit": "℃",
        "sensor": text("电池管理系统", "Battery management system"),
        "thresholds": [
            threshold("过温报警", "Over-temperature alarm", ">=", 55, typical=True),
        ],
        "note": text(
            "以车辆和电池厂家设定为准",
            "The vehicle and battery makers' settings govern",
        ),
    },
]
