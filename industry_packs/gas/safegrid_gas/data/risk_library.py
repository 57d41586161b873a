"""Typical risk points of urban gas operators (城镇燃气经营企业).

Stations, tanks and network facilities are assessed with the risk matrix
(LS), operations and activities with LEC. The inputs are suggestions for an
operator with its usual controls: each enterprise re-assesses its own
points. Points that touch a criterion of 建城规〔2023〕4号 carry the
``law_violation`` hint; LNG and LPG tank farms above the GB 18218 critical
quantities also carry ``major_hazard_installation``.
"""

from plugins.pack_support.content import event, every, factor, lec, ls, measure, text

OPERATIONS = [
    {
        "key": "stations",
        "name": text("燃气厂站", "Gas stations and plants"),
        "risk_points": ["gate_station", "storage_tanks", "gas_alarms", "odorization"],
    },
    {
        "key": "loading",
        "name": text("LNG、CNG、LPG装卸", "LNG, CNG and LPG transfer"),
        "risk_points": ["lng_unloading", "cng_station", "lpg_unloading"],
    },
    {
        "key": "pipelines",
        "name": text("管网与调压设施", "Mains and regulators"),
        "risk_points": [
            "medium_pressure_network",
            "pipe_crossings",
            "third_party_works",
            "pressure_regulators",
            "pipeline_patrol",
        ],
    },
    {
        "key": "bottled_gas",
        "name": text("瓶装液化石油气", "Bottled LPG"),
        "risk_points": [
            "cylinder_filling",
            "cylinder_delivery",
            "cylinder_supply_station",
        ],
    },
    {
        "key": "users",
        "name": text("用户安全检查", "User safety checks"),
        "risk_points": ["residential_users", "catering_users"],
    },
    {
        "key": "repair",
        "name": text("抢修与带气作业", "Emergency repair and live gas work"),
        "risk_points": ["emergency_repair", "live_gas_work"],
    },
]

RISK_POINTS = [
    {
        "key": "gate_station",
        "name": text("门站、储配站", "Gate and storage-distribution stations"),
        "kind": "facility",
        "description": text(
            "接收、计量、调压、加臭和储存燃气的厂站。",
            "Stations that receive, meter, regulate, odorise and store gas.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "天然气、液化石油气易燃易爆",
                "Flammable, explosive natural gas and LPG",
                events=["station_explosion"],
            ),
            factor(
                "210104",
                "阀门、法兰和过滤器密封不良",
                "Leaking valves, flanges and filters",
                events=["station_explosion"],
            ),
            factor(
                "2101",
                "超压切断和放散装置失效",
                "Over-pressure shut-off or venting failed",
                events=["station_explosion"],
            ),
            factor(
                "21",
                "爆炸危险区域非防爆电气、静电和雷击",
                "Non-Ex electrics, static and lightning in hazardous areas",
                events=["station_explosion"],
            ),
        ],
        "events": [
            event(
                "station_explosion",
                "泄漏引发火灾爆炸",
                "Leak leading to fire or explosion",
                ["08", "18"],
                *ls(3, 5),
                ["violates_law"],
                measures=[
                    measure(
                        "station_shutoff_vent",
                        "automation",
                        "超压自动切断和放散装置",
                        "Automatic over-pressure shut-off and venting",
                    ),
                    measure(
                        "station_ex_electrics",
                        "engineering",
                        "爆炸危险区域电气防爆等级符合要求，防雷防静电接地检测合格",
                        "Ex grade matches the zone; lightning and static earthing tested",
                    ),
                    measure(
                        "station_scada",
                        "monitoring",
                        "压力、流量和可燃气体浓度SCADA监测",
                        "Pressure, flow and gas concentration on SCADA",
                    ),
                    measure(
                        "station_video",
                        "video",
                        "厂站周界和工艺区视频监控",
                        "Perimeter and process area video",
                    ),
                    measure(
                        "station_rules",
                        "management",
                        "巡检、动火和进站管理制度",
                        "Rounds, hot work and site access rules",
                    ),
                    measure(
                        "station_training",
                        "training",
                        "运行人员持证和岗位培训",
                        "Certified, trained operators",
                    ),
                    measure(
                        "station_ppe",
                        "ppe",
                        "防静电工作服、便携式检测仪",
                        "Antistatic clothing, portable detector",
                    ),
                    measure(
                        "station_emergency",
                        "emergency",
                        "厂站泄漏和火灾现场处置方案，消防设施完好",
                        "Station leak and fire plan; firefighting equipment ready",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(2, "hour"),
    },
    {
        "key": "storage_tanks",
        "name": text("LNG、LPG储罐", "LNG and LPG storage tanks"),
        "kind": "equipment",
        "description": text(
            "LNG低温储罐、LPG球罐和卧罐及其安全附件。",
            "LNG cryogenic tanks, LPG spheres and bullets with their accessories.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "液化气体大量泄漏和蒸气云",
                "Large liquefied gas release and vapour cloud",
                events=["tank_bleve", "lng_cold_burn"],
            ),
            factor(
                "2101",
                "压力、液位监测或超限报警缺失",
                "No pressure or level monitoring, or no over-limit alarm",
                events=["tank_bleve"],
            ),
            factor(
                "210101",
                "超装、超压",
                "Overfilling or overpressure",
                events=["tank_bleve"],
            ),
            factor(
                "210105",
                "罐体和管线腐蚀",
                "Corrosion of tanks and lines",
                events=["tank_bleve"],
            ),
        ],
        "events": [
            event(
                "tank_bleve",
                "储罐超压破裂、蒸气云爆炸",
                "Tank rupture or vapour cloud explosion",
                ["17", "18", "08"],
                *ls(3, 5),
                ["violates_law", "major_hazard_installation"],
                measures=[
                    measure(
                        "tank_instruments",
                        "monitoring",
                        "压力、液位和温度监测并设超限报警",
                        "Pressure, level and temperature monitoring with over-limit alarms",
                    ),
                    measure(
                        "tank_shutoff",
                        "automation",
                        "紧急切断阀和高液位联锁",
                        "Emergency shut-off and high-level interlock",
                    ),
                    measure(
                        "tank_accessories",
                        "engineering",
                        "安全阀、液位计定期校验，防火堤和喷淋设施完好",
                        "Relief valves and gauges calibrated; dike and sprays in order",
                    ),
                    measure(
                        "tank_rules",
                        "management",
                        "储罐充装量控制和巡检制度",
                        "Fill limits and rounds",
                    ),
                    measure(
                        "tank_training",
                        "training",
                        "储罐操作和应急处置培训",
                        "Tank operation and emergency training",
                    ),
                    measure(
                        "tank_emergency",
                        "emergency",
                        "储罐泄漏冷却、稀释和疏散预案",
                        "Plan for cooling, dilution and evacuation on a tank leak",
                    ),
                ],
            ),
            event(
                "lng_cold_burn",
                "LNG泄漏低温冻伤",
                "Cold burns from an LNG spill",
                ["20"],
                *ls(2, 3),
                measures=[
                    measure(
                        "tank_ppe",
                        "ppe",
                        "防冻手套、面罩（LNG）",
                        "Cryogenic gloves and face shield (LNG)",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(2, "hour"),
    },
    {
        "key": "gas_alarms",
        "name": text("厂站可燃气体报警系统", "Station gas detection system"),
        "kind": "equipment",
        "description": text(
            "厂站设施区和建筑内的固定式可燃气体探测器及报警控制器。",
            "Fixed gas detectors and controllers in station areas and buildings.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "探测器未设置、失效或漂移",
                "Detectors missing, failed or drifting",
                events=["alarm_failure"],
            ),
            factor(
                "43",
                "未定期标定和测试",
                "Not calibrated or tested",
                events=["alarm_failure"],
            ),
        ],
        "events": [
            event(
                "alarm_failure",
                "泄漏未报警引发爆炸",
                "Undetected leak leading to explosion",
                ["18"],
                *ls(2, 5),
                ["violates_law"],
                measures=[
                    measure(
                        "alarm_fixed",
                        "engineering",
                        "泄漏可能达到爆炸下限20%的设施区和建筑设固定式报警器",
                        "Fixed alarms wherever a leak could reach 20% of LEL",
                    ),
                    measure(
                        "alarm_linkage",
                        "automation",
                        "报警联锁启动通风和切断",
                        "Alarms start ventilation and shut-off",
                    ),
                    measure(
                        "alarm_remote",
                        "monitoring",
                        "报警信号上传值班室和监控中心",
                        "Alarms reach the duty room and control centre",
                    ),
                    measure(
                        "alarm_calibration",
                        "management",
                        "定期标定和功能测试",
                        "Regular calibration and tests",
                    ),
                    measure(
                        "alarm_training",
                        "training",
                        "报警响应培训",
                        "Alarm response training",
                    ),
                    measure(
                        "alarm_ppe",
                        "ppe",
                        "便携式检测仪复核",
                        "Portable detector to confirm",
                    ),
                    measure(
                        "alarm_emergency",
                        "emergency",
                        "报警后确认、关阀、通风、疏散程序",
                        "Confirm, close valves, ventilate and evacuate after an alarm",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "odorization",
        "name": text("加臭装置", "Odorisation unit"),
        "kind": "equipment",
        "description": text(
            "向管道燃气注入四氢噻吩等加臭剂的装置。",
            "Units that inject THT or another odorant into piped gas.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "加臭泵故障、加臭剂耗尽",
                "Pump failure or odorant run out",
                events=["no_odour_leak"],
            ),
            factor(
                "43",
                "加臭量未检测",
                "Odorant level not measured",
                events=["no_odour_leak"],
            ),
            factor(
                "22",
                "加臭剂本身易燃有害",
                "The odorant itself is flammable and harmful",
                events=["no_odour_leak"],
            ),
        ],
        "events": [
            event(
                "no_odour_leak",
                "燃气无警示臭味导致泄漏未被察觉而爆炸",
                "Gas without warning odour: leaks go unnoticed and explode",
                ["18", "19"],
                *ls(2, 5),
                ["violates_law"],
                measures=[
                    measure(
                        "odorant_dosing",
                        "automation",
                        "按流量比例自动加臭",
                        "Flow-proportional automatic dosing",
                    ),
                    measure(
                        "odorant_testing",
                        "monitoring",
                        "管网末端加臭剂浓度定期检测",
                        "Odorant measured at network ends",
                    ),
                    measure(
                        "odorant_storage",
                        "engineering",
                        "加臭剂储罐密闭，防泄漏托盘",
                        "Closed odorant tank with a spill tray",
                    ),
                    measure(
                        "odorant_rules",
                        "management",
                        "加臭剂补充和检测记录",
                        "Refill and test records",
                    ),
                    measure(
                        "odorant_training",
                        "training",
                        "加臭作业培训",
                        "Odorisation training",
                    ),
                    measure(
                        "odorant_ppe",
                        "ppe",
                        "防护手套和防毒口罩",
                        "Gloves and respirator",
                    ),
                    measure(
                        "odorant_emergency",
                        "emergency",
                        "加臭剂泄漏处置",
                        "Odorant spill response",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "lng_unloading",
        "name": text("LNG槽车卸车", "LNG tanker unloading"),
        "kind": "operation",
        "description": text(
            "LNG槽车向储罐卸液作业。", "Unloading LNG tankers into storage."
        ),
        "hazard_factors": [
            factor(
                "22",
                "低温液体和蒸发气",
                "Cryogenic liquid and boil-off gas",
                events=["lng_pull_off"],
            ),
            factor(
                "2101",
                "装卸软管拉脱，无联锁保护",
                "Hose pulled off with no interlock",
                events=["lng_pull_off"],
            ),
            factor(
                "120202",
                "未接地、未设止动即卸车",
                "Unloading without earthing or chocks",
                events=["lng_pull_off"],
            ),
        ],
        "events": [
            event(
                "lng_pull_off",
                "车辆移动拉脱软管导致大量泄漏",
                "Vehicle moves and pulls off the hose, releasing LNG",
                ["18", "08", "20"],
                *lec(1, 6, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "lng_interlock",
                        "automation",
                        "防止装卸用管拉脱的联锁保护装置",
                        "Interlock against hose pull-off",
                    ),
                    measure(
                        "lng_earthing",
                        "engineering",
                        "静电接地、止动器和紧急切断",
                        "Earthing, chocks and emergency shut-off",
                    ),
                    measure(
                        "lng_rules",
                        "management",
                        "卸车操作规程和全程监护",
                        "Unloading procedure and constant attendance",
                    ),
                    measure(
                        "lng_training",
                        "training",
                        "卸车人员持证培训",
                        "Certified, trained operators",
                    ),
                    measure(
                        "lng_ppe",
                        "ppe",
                        "防冻手套、面罩和防静电服",
                        "Cryogenic gloves, face shield, antistatic clothing",
                    ),
                    measure(
                        "lng_emergency",
                        "emergency",
                        "泄漏紧急切断和冻伤急救",
                        "Emergency shut-off and cold-burn first aid",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "shift"),
    },
    {
        "key": "cng_station",
        "name": text("CNG加气和装卸", "CNG filling and transfer"),
        "kind": "operation",
        "description": text(
            "CNG加气站、减压站的加气和长管拖车装卸。",
            "Filling at CNG stations and transfer from tube trailers.",
        ),
        "hazard_factors": [
            factor(
                "210101",
                "高压气瓶和管路超压",
                "Overpressure in high-pressure cylinders and lines",
                events=["cng_burst"],
            ),
            factor(
                "2101",
                "拉断阀和联锁失效",
                "Breakaway valve or interlock failed",
                events=["cng_burst"],
            ),
            factor(
                "120202",
                "为不合格气瓶充装",
                "Filling unfit cylinders",
                events=["cng_burst"],
            ),
        ],
        "events": [
            event(
                "cng_burst",
                "高压容器或管路爆裂",
                "High-pressure vessel or line bursts",
                ["17", "18"],
                *lec(1, 6, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "cng_interlock",
                        "automation",
                        "拉断阀和防拉脱联锁",
                        "Breakaway valves and pull-off interlock",
                    ),
                    measure(
                        "cng_pressure",
                        "monitoring",
                        "充装压力监控和超压切断",
                        "Filling pressure monitoring and overpressure cut-off",
                    ),
                    measure(
                        "cng_rules",
                        "management",
                        "充装前气瓶检查",
                        "Cylinders checked before filling",
                    ),
                    measure(
                        "cng_guarding",
                        "engineering",
                        "加气区防撞设施",
                        "Crash barriers at the dispensers",
                    ),
                    measure(
                        "cng_training",
                        "training",
                        "加气工持证",
                        "Certified filling staff",
                    ),
                    measure(
                        "cng_ppe",
                        "ppe",
                        "防静电服、护目镜",
                        "Antistatic clothing, goggles",
                    ),
                    measure(
                        "cng_emergency",
                        "emergency",
                        "紧急停机和疏散",
                        "Emergency stop and evacuation",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "shift"),
    },
    {
        "key": "lpg_unloading",
        "name": text("LPG槽车装卸", "LPG tanker transfer"),
        "kind": "operation",
        "description": text(
            "LPG槽车与储罐之间的装卸。", "Transfer between LPG tankers and storage."
        ),
        "hazard_factors": [
            factor(
                "22",
                "液化石油气比空气重，易在低洼处积聚",
                "LPG is heavier than air and collects in low places",
                events=["lpg_transfer_explosion"],
            ),
            factor(
                "2101",
                "装卸管拉脱，无联锁",
                "Hose pulled off with no interlock",
                events=["lpg_transfer_explosion"],
            ),
            factor(
                "21",
                "静电和车辆火花",
                "Static and vehicle sparks",
                events=["lpg_transfer_explosion"],
            ),
        ],
        "events": [
            event(
                "lpg_transfer_explosion",
                "装卸泄漏引发爆炸",
                "Transfer leak leading to explosion",
                ["18", "08"],
                *lec(1, 6, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "lpg_interlock",
                        "automation",
                        "防拉脱联锁保护装置和紧急切断",
                        "Pull-off interlock and emergency shut-off",
                    ),
                    measure(
                        "lpg_earthing",
                        "engineering",
                        "静电接地和止动器",
                        "Earthing and chocks",
                    ),
                    measure(
                        "lpg_rules",
                        "management",
                        "装卸作业票和全程监护",
                        "Transfer permit and constant attendance",
                    ),
                    measure(
                        "lpg_training", "training", "装卸人员培训", "Operator training"
                    ),
                    measure(
                        "lpg_ppe",
                        "ppe",
                        "防静电服、防冻手套",
                        "Antistatic clothing, cold-resistant gloves",
                    ),
                    measure(
                        "lpg_emergency",
                        "emergency",
                        "泄漏切断、驱散和疏散",
                        "Isolate, disperse and evacuate on a leak",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "shift"),
    },
    {
        "key": "medium_pressure_network",
        "name": text("中压及以上埋地管网", "Buried mains at medium pressure and above"),
        "kind": "facility",
        "description": text(
            "中压、次高压和高压埋地燃气管道。",
            "Buried gas mains at medium, sub-high and high pressure.",
        ),
        "hazard_factors": [
            factor(
                "32",
                "建（构）筑物占压管道保护范围",
                "Buildings or structures over the pipeline protection zone",
                events=["main_leak_explosion"],
            ),
            factor(
                "210105",
                "管道腐蚀、防腐层破损",
                "Pipe corrosion and coating damage",
                events=["main_leak_explosion"],
            ),
            factor(
                "210104", "接口泄漏", "Leaking joints", events=["main_leak_explosion"]
            ),
        ],
        "events": [
            event(
                "main_leak_explosion",
                "管道泄漏在建筑或地下空间积聚爆炸",
                "Main leak collecting in a building or underground space and exploding",
                ["18", "08"],
                *ls(3, 5),
                ["violates_law"],
                measures=[
                    measure(
                        "network_clearance",
                        "management",
                        "占压排查和清理，保护范围标识",
                        "Find and clear encroachments; mark the protection zone",
                    ),
                    measure(
                        "network_cathodic",
                        "engineering",
                        "阴极保护和防腐层检测",
                        "Cathodic protection and coating surveys",
                    ),
                    measure(
                        "network_leak_survey",
                        "monitoring",
                        "定期泄漏检测和压力监测",
                        "Regular leak surveys and pressure monitoring",
                    ),
                    measure(
                        "network_training",
                        "training",
                        "巡线人员培训",
                        "Patrol staff training",
                    ),
                    measure(
                        "network_ppe",
                        "ppe",
                        "便携式检测仪、反光背心",
                        "Portable detector, reflective vest",
                    ),
                    measure(
                        "network_emergency",
                        "emergency",
                        "管网泄漏关阀区段图和抢修预案",
                        "Valve section map and repair plan",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "week"),
    },
    {
        "key": "pipe_crossings",
        "name": text("穿越管段", "Pipe crossings"),
        "kind": "facility",
        "description": text(
            "穿越河流、道路、铁路及敷设于暗渠、管沟、综合管廊附近的管段。",
            "Sections crossing rivers, roads and railways, and those near culverts, trenches and utility tunnels.",
        ),
        "hazard_factors": [
            factor(
                "33",
                "管道敷设于暗渠、雨污水管、热力和电缆沟等密闭空间",
                "Pipes laid in culverts, sewers, heating or cable trenches",
                events=["crossing_confined_explosion"],
            ),
            factor(
                "2101",
                "套管和防护措施缺失",
                "No sleeve or protection",
                events=["crossing_confined_explosion"],
            ),
            factor(
                "32",
                "河床冲刷、道路荷载",
                "River scour and road loads",
                events=["crossing_confined_explosion"],
            ),
        ],
        "events": [
            event(
                "crossing_confined_explosion",
                "泄漏燃气进入地下密闭空间爆炸",
                "Leaking gas enters an underground space and explodes",
                ["18"],
                *ls(2, 5),
                ["violates_law"],
                measures=[
                    measure(
                        "crossing_relocation",
                        "engineering",
                        "违规敷设的管段迁改，确需穿越的加设有效防护",
                        "Relocate sections laid against the rules; effective protection where a crossing is truly needed",
                    ),
                    measure(
                        "crossing_monitoring",
                        "monitoring",
                        "相邻地下空间可燃气体监测",
                        "Gas monitoring in adjacent underground spaces",
                    ),
                    measure(
                        "crossing_register",
                        "management",
                        "穿越管段台账和重点巡查",
                        "Crossing register and closer patrols",
                    ),
                    measure(
                        "crossing_training",
                        "training",
                        "巡线人员识别培训",
                        "Patrol staff trained to spot them",
                    ),
                    measure(
                        "crossing_ppe",
                        "ppe",
                        "检测井盖下气体时使用检测仪",
                        "Detector when checking under covers",
                    ),
                    measure(
                        "crossing_emergency",
                        "emergency",
                        "地下空间燃气积聚处置程序",
                        "Procedure for gas in underground spaces",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "week"),
    },
    {
        "key": "third_party_works",
        "name": text("管道周边第三方施工", "Third-party works near mains"),
        "kind": "activity",
        "description": text(
            "他人在燃气管道保护范围内的开挖、顶管、打桩等施工。",
            "Digging, jacking or piling by others within the pipeline protection zone.",
        ),
        "hazard_factors": [
            factor(
                "120202",
                "未告知、未交底即机械开挖",
                "Mechanical digging without notice or briefing",
                events=["excavator_strike"],
            ),
            factor(
                "43",
                "管位信息未交底、无现场监护",
                "Pipe location not given; no watch on site",
                events=["excavator_strike"],
            ),
        ],
        "events": [
            event(
                "excavator_strike",
                "挖断管道引发泄漏爆炸",
                "Excavator strikes a main, causing a leak and explosion",
                ["18", "08"],
                *lec(3, 2, 40),
                measures=[
                    measure(
                        "works_agreement",
                        "management",
                        "施工前签订安全保护协议并交底管位",
                        "Protection agreement and pipe location briefing before work",
                    ),
                    measure(
                        "works_watch",
                        "management",
                        "现场监护和探管定位",
                        "Watch on site and pipe locating",
                    ),
                    measure(
                        "works_markers",
                        "engineering",
                        "警示标志和开挖警戒",
                        "Warning markers and cordon",
                    ),
                    measure(
                        "works_video",
                        "video",
                        "高风险施工点视频监控",
                        "Video at high-risk work sites",
                    ),
                    measure(
                        "works_training",
                        "training",
                        "巡线人员第三方施工管理培训",
                        "Patrol training on third-party works",
                    ),
                    measure(
                        "works_ppe",
                        "ppe",
                        "监护人员反光背心和检测仪",
                        "Reflective vest and detector for the watch",
                    ),
                    measure(
                        "works_emergency",
                        "emergency",
                        "挖断管道快速关阀和抢修",
                        "Quick valve closure and repair when a main is hit",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "pressure_regulators",
        "name": text("调压站和调压箱", "Regulator stations and boxes"),
        "kind": "facility",
        "description": text(
            "区域调压站、楼栋调压箱和用户调压器。",
            "District stations, building regulator boxes and service regulators.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "超压切断和安全放散失效",
                "Over-pressure shut-off or relief failed",
                events=["regulator_overpressure"],
            ),
            factor(
                "210104",
                "调压器和阀门泄漏",
                "Leaking regulators and valves",
                events=["regulator_overpressure"],
            ),
            factor(
                "32",
                "车辆撞击、人为破坏",
                "Vehicle impact and vandalism",
                events=["regulator_overpressure"],
            ),
        ],
        "events": [
            event(
                "regulator_overpressure",
                "出口超压导致下游设施和用户泄漏爆炸",
                "Outlet overpressure causing leaks and explosions downstream",
                ["18", "08"],
                *ls(2, 5),
                ["violates_law"],
                measures=[
                    measure(
                        "regulator_protection",
                        "automation",
                        "出口超压切断和安全放散",
                        "Outlet over-pressure shut-off and relief",
                    ),
                    measure(
                        "regulator_pressure",
                        "monitoring",
                        "出口压力远传监测",
                        "Remote outlet pressure monitoring",
                    ),
                    measure(
                        "regulator_guard",
                        "engineering",
                        "防撞和防盗设施",
                        "Crash and anti-theft protection",
                    ),
                    measure(
                        "regulator_maintenance",
                        "management",
                        "定期维护和切断压力测试",
                        "Regular maintenance and shut-off tests",
                    ),
                    measure(
                        "regulator_training",
                        "training",
                        "维护人员培训",
                        "Maintenance training",
                    ),
                    measure(
                        "regulator_ppe",
                        "ppe",
                        "便携式检测仪和防爆工具",
                        "Portable detector and non-sparking tools",
                    ),
                    measure(
                        "regulator_emergency",
                        "emergency",
                        "超压事故处置和用户告知",
                        "Overpressure response and user notice",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "week"),
    },
    {
        "key": "pipeline_patrol",
        "name": text("管网巡线作业", "Pipeline patrols"),
        "kind": "activity",
        "description": text(
            "沿管网徒步或驾车巡查和泄漏检测。",
            "Walking or driving patrols and leak surveys along the network.",
        ),
        "hazard_factors": [
            factor(
                "32",
                "道路交通和恶劣天气",
                "Road traffic and bad weather",
                events=["patrol_traffic"],
            ),
            factor(
                "33",
                "打开阀井时燃气积聚",
                "Gas collected in valve pits",
                events=["valve_pit_poisoning"],
            ),
        ],
        "events": [
            event(
                "patrol_traffic",
                "巡线人员被车辆撞伤",
                "Patrol worker hit by a vehicle",
                ["02"],
                *lec(1, 6, 7),
                measures=[
                    measure(
                        "patrol_training",
                        "training",
                        "交通安全和检测设备培训",
                        "Traffic safety and detector training",
                    ),
                    measure(
                        "patrol_ppe",
                        "ppe",
                        "反光背心、安全帽",
                        "Reflective vest, helmet",
                    ),
                ],
            ),
            event(
                "valve_pit_poisoning",
                "进入阀井窒息",
                "Asphyxiation entering a valve pit",
                ["19"],
                *lec(0.5, 3, 15),
                measures=[
                    measure(
                        "patrol_route",
                        "management",
                        "巡线路线和频次，阀井作业按有限空间管理",
                        "Routes and frequencies; valve pits treated as confined spaces",
                    ),
                    measure(
                        "patrol_tracking",
                        "monitoring",
                        "巡检轨迹和泄漏检测记录",
                        "Patrol tracks and leak survey records",
                    ),
                    measure(
                        "patrol_equipment",
                        "engineering",
                        "激光甲烷检测仪等检测设备",
                        "Laser methane detectors and similar",
                    ),
                    measure(
                        "patrol_emergency",
                        "emergency",
                        "发现泄漏后的警戒和报告",
                        "Cordon and report on finding a leak",
                    ),
                ],
            ),
        ],
        "control_level": "team",
        "inspection_period": every(1, "week"),
    },
    {
        "key": "cylinder_filling",
        "name": text("液化石油气瓶充装", "LPG cylinder filling"),
        "kind": "operation",
        "description": text(
            "充装站的气瓶检查、充装、复秤和检漏。",
            "Cylinder checks, filling, re-weighing and leak tests at the filling plant.",
        ),
        "hazard_factors": [
            factor(
                "210101",
                "超装、充装过期或报废气瓶",
                "Overfilling; filling out-of-date or scrapped cylinders",
                events=["cylinder_burst"],
            ),
            factor(
                "43",
                "充装非自有气瓶",
                "Filling cylinders the operator does not own",
                events=["cylinder_burst"],
            ),
            factor(
                "210104",
                "瓶阀泄漏",
                "Leaking cylinder valves",
                events=["cylinder_burst"],
            ),
        ],
        "events": [
            event(
                "cylinder_burst",
                "气瓶超装爆炸",
                "Overfilled cylinder bursts",
                ["17", "18"],
                *lec(1, 6, 15),
                ["violates_law"],
                measures=[
                    measure(
                        "filling_scales",
                        "automation",
                        "自动充装秤和超装切断",
                        "Automatic filling scales with overfill cut-off",
                    ),
                    measure(
                        "filling_traceability",
                        "management",
                        "气瓶信息化追溯，只充自有产权气瓶",
                        "Cylinder traceability; fill own cylinders only",
                    ),
                    measure(
                        "filling_checks",
                        "engineering",
                        "充装前后检查和检漏",
                        "Checks and leak tests before and after",
                    ),
                    measure(
                        "filling_monitoring",
                        "monitoring",
                        "充装间可燃气体报警",
                        "Gas alarms in the filling hall",
                    ),
                    measure(
                        "filling_training",
                        "training",
                        "充装人员持证",
                        "Certified fillers",
                    ),
                    measure(
                        "filling_ppe",
                        "ppe",
                        "防静电服、防冻手套",
                        "Antistatic clothing, cold-resistant gloves",
                    ),
                    measure(
                        "filling_emergency",
                        "emergency",
                        "充装间泄漏和火灾预案",
                        "Filling hall leak and fire plan",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "shift"),
    },
    {
        "key": "cylinder_delivery",
        "name": text("瓶装气配送", "Bottled gas delivery"),
        "kind": "activity",
        "description": text(
            "气瓶运输和送气入户。",
            "Transporting cylinders and delivering them to users.",
        ),
        "hazard_factors": [
            factor(
                "120202",
                "使用非专用车辆配送、超载",
                "Delivering in unsuitable vehicles; overloading",
                events=["delivery_leak_fire", "delivery_traffic"],
            ),
            factor(
                "43",
                "销售无证充装单位或他人气瓶充装的气",
                "Selling gas filled by unlicensed units or in others' cylinders",
                events=["delivery_leak_fire"],
            ),
        ],
        "events": [
            event(
                "delivery_leak_fire",
                "运输或入户时气瓶泄漏着火",
                "Cylinder leak and fire in transit or at the user",
                ["08", "18"],
                *lec(1, 6, 15),
                ["violates_law"],
                measures=[
                    measure(
                        "delivery_traceability",
                        "management",
                        "扫码配送，只销售自有合格气瓶",
                        "Scan on delivery; sell only own, fit cylinders",
                    ),
                    measure(
                        "delivery_user_check",
                        "management",
                        "送气入户时安全检查和告知",
                        "Safety check and advice at each delivery",
                    ),
                    measure(
                        "delivery_emergency",
                        "emergency",
                        "气瓶泄漏处置",
                        "Cylinder leak response",
                    ),
                ],
            ),
            event(
                "delivery_traffic",
                "配送车辆事故",
                "Delivery vehicle crash",
                ["02"],
                *lec(1, 6, 7),
                measures=[
                    measure(
                        "delivery_vehicles",
                        "engineering",
                        "专用配送车辆，气瓶固定防倾倒",
                        "Dedicated vehicles; cylinders secured",
                    ),
                    measure(
                        "delivery_training",
                        "training",
                        "送气工培训",
                        "Delivery staff training",
                    ),
                    measure(
                        "delivery_ppe",
                        "ppe",
                        "防护手套、防砸鞋",
                        "Gloves and safety shoes",
                    ),
                ],
            ),
        ],
        "control_level": "team",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "cylinder_supply_station",
        "name": text("瓶装供应站", "Bottled gas supply outlet"),
        "kind": "area",
        "description": text(
            "气瓶储存和销售的供应站点。", "Outlets that store and sell cylinders."
        ),
        "hazard_factors": [
            factor(
                "22",
                "实瓶储存量大",
                "Many full cylinders stored",
                events=["outlet_explosion"],
            ),
            factor(
                "31", "瓶库通风不良", "Poor ventilation", events=["outlet_explosion"]
            ),
            factor(
                "43",
                "超量储存、实瓶空瓶混放",
                "Over-quantity storage; full and empty mixed",
                events=["outlet_explosion"],
            ),
        ],
        "events": [
            event(
                "outlet_explosion",
                "瓶库泄漏爆炸",
                "Leak and explosion in the store",
                ["18", "08"],
                *ls(2, 4),
                measures=[
                    measure(
                        "outlet_alarms",
                        "monitoring",
                        "瓶库可燃气体报警",
                        "Gas alarms in the store",
                    ),
                    measure(
                        "outlet_building",
                        "engineering",
                        "瓶库通风、防爆电气和泄压",
                        "Ventilation, Ex electrics and pressure relief",
                    ),
                    measure(
                        "outlet_rules",
                        "management",
                        "储量限制、实瓶空瓶分区",
                        "Quantity limits; full and empty apart",
                    ),
                    measure(
                        "outlet_training", "training", "站点人员培训", "Staff training"
                    ),
                    measure("outlet_ppe", "ppe", "防静电服", "Antistatic clothing"),
                    measure(
                        "outlet_emergency",
                        "emergency",
                        "泄漏和火灾处置",
                        "Leak and fire response",
                    ),
                ],
            ),
        ],
        "control_level": "team",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "residential_users",
        "name": text("居民用户用气安全", "Residential users"),
        "kind": "activity",
        "description": text(
            "居民户内燃气管道、阀门、软管、燃具和报警器。",
            "Pipes, valves, hoses, appliances and alarms in homes.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "使用国家明令淘汰的燃具或连接管，软管老化",
                "Appliances or hoses ordered phased out; aged hoses",
                events=["home_explosion"],
            ),
            factor(
                "31",
                "燃气设施设在卧室、卫生间或地下密闭空间",
                "Gas facilities in bedrooms, bathrooms or closed underground spaces",
                events=["home_explosion", "home_co_poisoning"],
            ),
            factor(
                "120202",
                "私改燃气设施",
                "Unauthorised alterations",
                events=["home_explosion"],
            ),
            factor(
                "43",
                "未定期入户安检或隐患未书面告知",
                "No periodic home checks, or hazards not notified in writing",
                events=["home_explosion", "home_co_poisoning"],
            ),
        ],
        "events": [
            event(
                "home_explosion",
                "户内泄漏爆炸",
                "Gas explosion in a home",
                ["18", "08"],
                *lec(1, 6, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "user_checks",
                        "management",
                        "定期入户安全检查，发现隐患书面告知并跟踪整改",
                        "Periodic home checks; hazards notified in writing and followed up",
                    ),
                    measure(
                        "user_hardware",
                        "engineering",
                        "推广金属软管、熄火保护燃具和自闭阀",
                        "Metal hoses, flame-failure appliances and self-closing valves",
                    ),
                    measure(
                        "user_alarms",
                        "monitoring",
                        "推广家用燃气报警器",
                        "Household gas alarms",
                    ),
                    measure(
                        "user_ppe",
                        "ppe",
                        "安检人员携带检测仪",
                        "Inspectors carry detectors",
                    ),
                    measure(
                        "user_emergency",
                        "emergency",
                        "用户报修和泄漏抢险热线",
                        "Repair and leak hotline",
                    ),
                ],
            ),
            event(
                "home_co_poisoning",
                "燃烧不完全一氧化碳中毒",
                "Carbon monoxide poisoning from poor combustion",
                ["19"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "user_flue",
                        "engineering",
                        "燃气热水器等燃具按规定设置排烟管，用气场所保持通风",
                        "Flues fitted to water heaters and similar appliances; rooms kept ventilated",
                    ),
                    measure(
                        "user_education",
                        "training",
                        "用户安全用气宣传",
                        "User safety advice",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "year"),
    },
    {
        "key": "catering_users",
        "name": text("餐饮等商业用户", "Restaurants and other commercial users"),
        "kind": "area",
        "description": text(
            "餐饮、酒店等商业用户的用气场所。",
            "Gas-using premises of restaurants, hotels and shops.",
        ),
        "hazard_factors": [
            factor(
                "31",
                "厨房通风不良、地下或半地下用气",
                "Poor kitchen ventilation; gas in basements",
                events=["restaurant_explosion"],
            ),
            factor(
                "2101",
                "未安装可燃气体报警和切断装置",
                "No gas alarm or shut-off",
                events=["restaurant_explosion"],
            ),
            factor(
                "120202",
                "违规使用瓶装气、私接软管",
                "Cylinders used against the rules; makeshift hoses",
                events=["restaurant_explosion"],
            ),
        ],
        "events": [
            event(
                "restaurant_explosion",
                "商业用户燃气爆炸群死群伤",
                "Restaurant gas explosion with many casualties",
                ["18", "08"],
                *lec(1, 6, 40),
                ["violates_law", "ten_or_more_people"],
                measures=[
                    measure(
                        "catering_alarms",
                        "automation",
                        "可燃气体报警器与紧急切断阀联动",
                        "Gas alarm linked to an emergency shut-off valve",
                    ),
                    measure(
                        "catering_checks",
                        "management",
                        "商业用户定期安检和隐患书面告知",
                        "Periodic checks and written hazard notices",
                    ),
                    measure(
                        "catering_ventilation",
                        "engineering",
                        "厨房机械通风",
                        "Mechanical kitchen ventilation",
                    ),
                    measure(
                        "catering_monitoring",
                        "monitoring",
                        "报警信号接入物联网平台",
                        "Alarms connected to the IoT platform",
                    ),
                    measure(
                        "catering_training",
                        "training",
                        "用户员工安全用气培训",
                        "Training for restaurant staff",
                    ),
                    measure(
                        "catering_ppe", "ppe", "厨房灭火毯", "Fire blankets in kitchens"
                    ),
                    measure(
                        "catering_emergency",
                        "emergency",
                        "泄漏时关阀、开窗、禁火、撤离",
                        "Close valve, open windows, no flames, leave",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "quarter"),
    },
    {
        "key": "emergency_repair",
        "name": text("燃气抢修作业", "Gas emergency repair"),
        "kind": "operation",
        "description": text(
            "接报后对泄漏、爆管、停气等事故的现场抢修。",
            "On-site repair after reports of leaks, bursts or outages.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "抢修现场燃气浓度高",
                "High gas concentration on site",
                events=["repair_explosion", "repair_poisoning"],
            ),
            factor(
                "120202",
                "未检测、未警戒即作业",
                "Working without testing or a cordon",
                events=["repair_explosion", "repair_poisoning"],
            ),
            factor(
                "45",
                "抢修队伍和物资不足",
                "Too few repair crews or supplies",
                events=["repair_explosion"],
            ),
        ],
        "events": [
            event(
                "repair_explosion",
                "抢修中燃气爆炸",
                "Explosion during repair",
                ["18", "08"],
                *lec(3, 2, 40),
                measures=[
                    measure(
                        "repair_cordon",
                        "management",
                        "到场后先检测、警戒、疏散、消除火源",
                        "On arrival test, cordon, evacuate, remove ignition",
                    ),
                    measure(
                        "repair_tools",
                        "engineering",
                        "防爆工具和通风设备",
                        "Non-sparking tools and ventilation fans",
                    ),
                    measure(
                        "repair_gas_test",
                        "monitoring",
                        "作业全程连续检测",
                        "Continuous testing throughout",
                    ),
                    measure(
                        "repair_emergency",
                        "emergency",
                        "24小时值班和抢修物资储备",
                        "24-hour duty and repair stock",
                    ),
                ],
            ),
            event(
                "repair_poisoning",
                "抢修人员窒息",
                "Repair worker asphyxiated",
                ["19"],
                *lec(1, 2, 15),
                measures=[
                    measure(
                        "repair_training",
                        "training",
                        "抢修队伍培训和演练",
                        "Crew training and drills",
                    ),
                    measure(
                        "repair_ppe",
                        "ppe",
                        "防静电服、空气呼吸器",
                        "Antistatic clothing, SCBA",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "live_gas_work",
        "name": text("带气接线与动火作业", "Live gas tie-ins and hot work"),
        "kind": "operation",
        "description": text(
            "管道带气接线、置换、通气和燃气设施动火。",
            "Live tie-ins, purging, commissioning and hot work on gas facilities.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "置换不合格、残余燃气",
                "Poor purging; residual gas",
                events=["live_work_explosion"],
            ),
            factor(
                "120202",
                "无方案、无审批动火",
                "Hot work without plan or approval",
                events=["live_work_explosion"],
            ),
            factor(
                "1203",
                "监护不到位",
                "Inadequate supervision",
                events=["live_work_explosion"],
            ),
        ],
        "events": [
            event(
                "live_work_explosion",
                "动火引爆管内燃气",
                "Hot work ignites gas in the pipe",
                ["18"],
                *lec(1, 3, 40),
                measures=[
                    measure(
                        "live_plan",
                        "management",
                        "作业方案和动火审批，专人监护",
                        "Work plan and hot-work approval; dedicated watch",
                    ),
                    measure(
                        "live_pressure_control",
                        "engineering",
                        "控制管内压力，置换检测合格",
                        "Pressure controlled; purge tested",
                    ),
                    measure(
                        "live_gas_test",
                        "monitoring",
                        "作业点连续检测",
                        "Continuous testing at the work point",
                    ),
                    measure(
                        "live_training",
                        "training",
                        "作业人员持证和交底",
                        "Certified, briefed crew",
                    ),
                    measure(
                        "live_ppe",
                        "ppe",
                        "阻燃服、防爆工具",
                        "Flame-resistant clothing, non-sparking tools",
                    ),
                    measure(
                        "live_emergency",
                        "emergency",
                        "灭火器材和紧急关阀",
                        "Extinguishers and emergency valve closure",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
]
