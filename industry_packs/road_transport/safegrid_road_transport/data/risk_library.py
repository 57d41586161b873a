"""Typical risk points of road transport and urban passenger transport enterprises.

Vehicles and facilities are assessed with the risk matrix (LS), driving and
other activities with LEC. The inputs are suggestions for an operator with
its usual controls: each enterprise re-assesses its own points. Points that
touch a criterion of 交办运〔2023〕52号 carry the ``law_violation`` hint.
"""

from plugins.pack_support.content import event, every, factor, lec, ls, measure, text

OPERATIONS = [
    {
        "key": "passenger",
        "name": text("道路旅客运输", "Road passenger transport"),
        "risk_points": ["long_distance_coach", "night_operation", "bus_terminal"],
    },
    {
        "key": "driver_management",
        "name": text("驾驶员与动态监控", "Drivers and dynamic monitoring"),
        "risk_points": ["driver_fatigue", "speeding_overloading", "dynamic_monitoring"],
    },
    {
        "key": "vehicle_technical",
        "name": text("车辆技术管理", "Vehicle technical management"),
        "risk_points": ["operating_vehicles", "vehicle_maintenance"],
    },
    {
        "key": "dangerous_goods",
        "name": text("道路危险货物运输", "Road transport of dangerous goods"),
        "risk_points": ["hazmat_tanker", "hazmat_loading", "hazmat_parking"],
    },
    {
        "key": "severe_weather",
        "name": text("恶劣天气运营", "Operation in severe weather"),
        "risk_points": ["severe_weather"],
    },
    {
        "key": "urban_transit",
        "name": text("城市公交与出租汽车", "City buses and taxis"),
        "risk_points": ["city_bus", "ev_charging", "depot_yard", "taxi_ride_hailing"],
    },
    {
        "key": "freight",
        "name": text("道路普通货物运输", "Road freight"),
        "risk_points": ["freight_loading"],
    },
]

RISK_POINTS = [
    {
        "key": "long_distance_coach",
        "name": text(
            "长途客运班线（800公里及以上）",
            "Long-distance coach lines (800 km or more)",
        ),
        "kind": "activity",
        "description": text(
            "单程800公里及以上的道路客运班线运营，驾驶时间长、夜间运行多、载客集中。",
            "Scheduled coach lines of 800 km or more: long driving hours, night running, many passengers at once.",
        ),
        "hazard_factors": [
            factor(
                "1101",
                "长时间驾驶导致体力和视力负荷超限",
                "Physical and visual overload from long driving",
                events=["coach_crash"],
            ),
            factor(
                "32",
                "长下坡、急弯、夜间和团雾路段",
                "Long descents, sharp bends, night and fog patches",
                events=["coach_crash"],
            ),
            factor(
                "43",
                "未开展班线安全风险评估",
                "No safety risk assessment of the line",
                events=["coach_crash"],
            ),
            factor(
                "120202",
                "凌晨2时至5时未停车休息或接驳",
                "Not stopping or relaying between 02:00 and 05:00",
                events=["coach_crash"],
            ),
            factor(
                "2101",
                "电气线路老化、轮胎和制动器过热",
                "Ageing wiring; overheating tyres and brakes",
                events=["coach_fire"],
            ),
        ],
        "events": [
            event(
                "coach_crash",
                "客车碰撞、翻车造成群死群伤",
                "Coach collision or rollover with many casualties",
                ["02"],
                *lec(1, 6, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "line_assessment",
                        "management",
                        "开通和运营中开展班线安全风险评估，确定停车休息和接驳点",
                        "Safety risk assessment of the line; rest and relay points set",
                    ),
                    measure(
                        "night_stop_relay",
                        "management",
                        "凌晨2时至5时停车休息或实行接驳运输",
                        "Stop or relay between 02:00 and 05:00",
                    ),
                    measure(
                        "coach_monitoring",
                        "monitoring",
                        "卫星定位动态监控超速、疲劳和违规运行",
                        "Satellite monitoring of speeding, fatigue and off-rule running",
                    ),
                    measure(
                        "coach_video",
                        "video",
                        "车内视频和驾驶员行为监测",
                        "In-vehicle video and driver behaviour monitoring",
                    ),
                    measure(
                        "coach_aebs",
                        "automation",
                        "限速装置和自动紧急制动系统",
                        "Speed limiter and automatic emergency braking",
                    ),
                    measure(
                        "coach_training",
                        "training",
                        "驾驶员线路熟悉和安全教育",
                        "Route familiarisation and safety training",
                    ),
                    measure(
                        "coach_vehicle",
                        "engineering",
                        "车辆技术等级和安全配置符合要求",
                        "Vehicle technical grade and safety equipment as required",
                    ),
                ],
            ),
            event(
                "coach_fire",
                "客车火灾",
                "Coach fire",
                ["08"],
                *lec(0.5, 6, 40),
                measures=[
                    measure(
                        "coach_ppe",
                        "ppe",
                        "乘客系安全带提醒，配备安全锤",
                        "Seat-belt reminders; safety hammers",
                    ),
                    measure(
                        "coach_emergency",
                        "emergency",
                        "车辆事故和火灾应急处置程序，应急疏散演练",
                        "Crash and fire response; evacuation drills",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "night_operation",
        "name": text("夜间和凌晨运行", "Night and early-morning running"),
        "kind": "activity",
        "description": text(
            "22时至次日6时的客货车辆运行，凌晨时段事故后果更重。",
            "Running between 22:00 and 06:00; early-morning crashes are more severe.",
        ),
        "hazard_factors": [
            factor(
                "1102",
                "生理节律导致困倦",
                "Drowsiness from the body clock",
                events=["night_crash"],
            ),
            factor(
                "32", "夜间视线差", "Poor visibility at night", events=["night_crash"]
            ),
            factor("120202", "夜间超速", "Speeding at night", events=["night_crash"]),
        ],
        "events": [
            event(
                "night_crash",
                "夜间疲劳或超速导致事故",
                "Night crash from fatigue or speeding",
                ["02"],
                *lec(1, 3, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "night_speed_limit",
                        "management",
                        "夜间限速和禁行时段管理",
                        "Night speed limits and banned hours",
                    ),
                    measure(
                        "night_monitoring",
                        "monitoring",
                        "夜间重点监控和提醒",
                        "Close monitoring and reminders at night",
                    ),
                    measure(
                        "night_video",
                        "video",
                        "疲劳驾驶视频识别预警",
                        "Video fatigue detection",
                    ),
                    measure(
                        "night_lighting",
                        "engineering",
                        "车辆灯光完好",
                        "Vehicle lights in order",
                    ),
                    measure(
                        "night_training",
                        "training",
                        "夜间行车安全教育",
                        "Night driving training",
                    ),
                    measure(
                        "night_ppe",
                        "ppe",
                        "反光背心和警告标志（停车时使用）",
                        "Reflective vest and warning triangle for stops",
                    ),
                    measure(
                        "night_emergency",
                        "emergency",
                        "夜间故障停车和事故报告程序",
                        "Night breakdown and accident reporting",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "driver_fatigue",
        "name": text("驾驶员疲劳驾驶", "Driver fatigue"),
        "kind": "activity",
        "description": text(
            "连续驾驶和日累计驾驶时间过长、休息不足。",
            "Driving too long without a break or too many hours in a day.",
        ),
        "hazard_factors": [
            factor(
                "1101",
                "连续驾驶超过4小时未休息",
                "More than 4 hours of continuous driving without a break",
                events=["fatigue_crash"],
            ),
            factor(
                "1102",
                "驾驶员健康状况异常",
                "Driver's health abnormal",
                events=["fatigue_crash"],
            ),
            factor(
                "1104",
                "情绪异常、心理压力",
                "Emotional strain",
                events=["fatigue_crash"],
            ),
            factor(
                "42",
                "排班不合理，考核导向赶时间",
                "Poor rostering; pay that rewards hurrying",
                events=["fatigue_crash"],
            ),
        ],
        "events": [
            event(
                "fatigue_crash",
                "疲劳驾驶导致交通事故",
                "Crash caused by fatigue",
                ["02"],
                *lec(3, 6, 15),
                ["violates_law"],
                measures=[
                    measure(
                        "fatigue_rostering",
                        "management",
                        "合理排班，控制连续和日累计驾驶时间",
                        "Rosters that limit continuous and daily driving",
                    ),
                    measure(
                        "fatigue_monitoring",
                        "monitoring",
                        "动态监控疲劳驾驶报警并及时纠正",
                        "Fatigue alarms from dynamic monitoring, corrected at once",
                    ),
                    measure(
                        "fatigue_video",
                        "video",
                        "驾驶员状态视频监测",
                        "Driver state video monitoring",
                    ),
                    measure(
                        "fatigue_rest_areas",
                        "engineering",
                        "配备驾驶员休息场所",
                        "Rest facilities for drivers",
                    ),
                    measure(
                        "fatigue_training",
                        "training",
                        "疲劳驾驶危害教育",
                        "Training on fatigue",
                    ),
                    measure(
                        "fatigue_ppe",
                        "ppe",
                        "配备提神和防眩目用品",
                        "Anti-glare and alertness aids",
                    ),
                    measure(
                        "fatigue_emergency",
                        "emergency",
                        "疲劳报警后就近停车休息的处置程序",
                        "Procedure to stop at the nearest safe place after a fatigue alarm",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "speeding_overloading",
        "name": text("超速、超员、超载", "Speeding, over-capacity and overloading"),
        "kind": "activity",
        "description": text(
            "“三超一疲劳”中的超速、超员和超载行为。",
            "Speeding, carrying too many passengers or too much load.",
        ),
        "hazard_factors": [
            factor(
                "120202",
                "超速行驶、超员超载",
                "Speeding; over-capacity; overloading",
                events=["speeding_crash"],
            ),
            factor(
                "110402",
                "赶时间的冒险心理",
                "Risk-taking to save time",
                events=["speeding_crash"],
            ),
            factor(
                "43",
                "违法行为未在途纠正、一个月内未严肃处理",
                "Breaches not corrected on the trip nor dealt with within a month",
                events=["speeding_crash"],
            ),
        ],
        "events": [
            event(
                "speeding_crash",
                "超速超载导致事故扩大",
                "Crash made worse by speed or overload",
                ["02"],
                *lec(3, 6, 15),
                ["violates_law"],
                measures=[
                    measure(
                        "speeding_monitoring",
                        "monitoring",
                        "实时超速报警和途中纠正",
                        "Real-time speeding alarms and correction on the trip",
                    ),
                    measure(
                        "speeding_handling",
                        "management",
                        "违法违规行为一个月内严肃处理并记录，一次记10分及以上驾驶员未处理不得上岗",
                        "Breaches dealt with within a month and recorded; a driver with 10 or more points at once kept off duty until dealt with",
                    ),
                    measure(
                        "speeding_limiter",
                        "automation",
                        "车辆限速装置",
                        "Speed limiter",
                    ),
                    measure(
                        "speeding_station_check",
                        "engineering",
                        "出站核载检查和称重",
                        "Passenger count and weighing at departure",
                    ),
                    measure(
                        "speeding_training",
                        "training",
                        "违法案例警示教育",
                        "Training with real cases",
                    ),
                    measure("speeding_ppe", "ppe", "全员系安全带", "Everyone belted"),
                    measure(
                        "speeding_emergency",
                        "emergency",
                        "超员超载车辆途中处置和转运",
                        "Handling and transfer of over-capacity vehicles en route",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "dynamic_monitoring",
        "name": text("卫星定位动态监控", "Satellite dynamic monitoring"),
        "kind": "facility",
        "description": text(
            "监控平台、车载终端和监控值守人员。",
            "Monitoring platform, on-board terminals and monitoring staff.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "车载终端故障、不在线",
                "On-board terminal faulty or offline",
                events=["monitoring_blind"],
            ),
            factor(
                "41",
                "监控人员配备不足",
                "Too few monitoring staff",
                events=["monitoring_blind"],
            ),
            factor(
                "120202",
                "屏蔽、破坏终端",
                "Terminals blocked or tampered with",
                events=["monitoring_blind"],
            ),
        ],
        "events": [
            event(
                "monitoring_blind",
                "监控失效导致违法行为未被发现",
                "Monitoring fails and breaches go unseen",
                ["02"],
                *ls(3, 4),
                measures=[
                    measure(
                        "monitoring_online",
                        "monitoring",
                        "终端在线率和数据上传质量监测",
                        "Terminal online rate and data quality tracked",
                    ),
                    measure(
                        "monitoring_staff",
                        "management",
                        "按规定配备专职监控人员，24小时值守，报警处置闭环",
                        "Full-time monitoring staff as required, 24 h, alarms closed out",
                    ),
                    measure(
                        "monitoring_terminal",
                        "engineering",
                        "终端符合标准并定期检测",
                        "Terminals to standard and tested regularly",
                    ),
                    measure(
                        "monitoring_training",
                        "training",
                        "监控人员业务培训",
                        "Monitoring staff training",
                    ),
                    measure(
                        "monitoring_ppe",
                        "ppe",
                        "监控人员工位防眩光和视力保护",
                        "Anti-glare workstations for monitors",
                    ),
                    measure(
                        "monitoring_emergency",
                        "emergency",
                        "平台故障时的人工跟踪和通信预案",
                        "Manual tracking and calls when the platform fails",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "operating_vehicles",
        "name": text("营运车辆技术状况", "Technical condition of operating vehicles"),
        "kind": "equipment",
        "description": text(
            "客车、货车和危货车辆的制动、转向、轮胎、灯光和安全设施。",
            "Brakes, steering, tyres, lights and safety equipment of coaches, trucks and dangerous goods vehicles.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "制动、转向、轮胎等部件缺陷",
                "Defective brakes, steering or tyres",
                events=["vehicle_failure_crash", "vehicle_fire"],
            ),
            factor(
                "43",
                "车辆逾期未检、报废或非法改装",
                "Vehicles out of test, scrapped or illegally modified",
                events=["vehicle_failure_crash"],
            ),
            factor(
                "120202",
                "带病出车",
                "Driving a defective vehicle",
                events=["vehicle_failure_crash", "vehicle_fire"],
            ),
        ],
        "events": [
            event(
                "vehicle_failure_crash",
                "车辆故障导致交通事故",
                "Crash caused by a vehicle defect",
                ["02"],
                *ls(2, 5),
                ["violates_law"],
                measures=[
                    measure(
                        "vehicle_daily_check",
                        "management",
                        "出车前安全例检，不合格不得出车",
                        "Pre-trip check; no departure when it fails",
                    ),
                    measure(
                        "vehicle_maintenance_plan",
                        "management",
                        "二级维护和综合性能检测按期进行",
                        "Scheduled second-level maintenance and performance tests",
                    ),
                    measure(
                        "vehicle_tpms",
                        "monitoring",
                        "胎压和温度监测",
                        "Tyre pressure and temperature monitoring",
                    ),
                    measure(
                        "vehicle_training",
                        "training",
                        "驾驶员日常检查培训",
                        "Drivers trained on daily checks",
                    ),
                    measure("vehicle_ppe", "ppe", "反光背心", "Reflective vest"),
                ],
            ),
            event(
                "vehicle_fire",
                "车辆自燃",
                "Vehicle fire",
                ["08"],
                *ls(2, 4),
                measures=[
                    measure(
                        "vehicle_safety_kit",
                        "engineering",
                        "灭火器、安全锤、应急出口和警告标志齐全",
                        "Extinguishers, safety hammers, emergency exits and warning triangles",
                    ),
                    measure(
                        "vehicle_emergency",
                        "emergency",
                        "途中故障和火灾处置程序",
                        "Breakdown and fire procedure en route",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "vehicle_maintenance",
        "name": text("车辆维修作业", "Vehicle repair work"),
        "kind": "operation",
        "description": text(
            "企业自有维修车间的维修、举升、焊接和喷漆作业。",
            "Repairs, lifting, welding and painting in the company workshop.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "举升机、千斤顶失效",
                "Failed lifts or jacks",
                events=["repair_crush"],
            ),
            factor(
                "22",
                "油料、油漆和电池电解液",
                "Fuels, paints and battery electrolyte",
                events=["repair_fire"],
            ),
            factor(
                "21",
                "高压电（新能源车辆）",
                "High voltage in new-energy vehicles",
                events=["repair_ev_shock"],
            ),
            factor(
                "120202",
                "车底作业未设支撑",
                "Working under a vehicle without stands",
                events=["repair_crush"],
            ),
        ],
        "events": [
            event(
                "repair_crush",
                "车辆坠落挤压",
                "Crushed by a falling vehicle",
                ["04"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "repair_stands",
                        "engineering",
                        "举升后加设安全支撑，地沟设防护",
                        "Safety stands after lifting; pit guards",
                    ),
                    measure(
                        "repair_training",
                        "training",
                        "维修工持证和安全培训",
                        "Certified and trained mechanics",
                    ),
                ],
            ),
            event(
                "repair_fire",
                "维修动火或油料引发火灾",
                "Fire from hot work or fuel",
                ["08"],
                *lec(1, 6, 7),
                measures=[
                    measure(
                        "repair_rules",
                        "management",
                        "维修操作规程和动火审批",
                        "Repair procedures and hot-work approval",
                    ),
                    measure(
                        "repair_emergency",
                        "emergency",
                        "灭火器和急救箱",
                        "Extinguishers and first-aid kit",
                    ),
                ],
            ),
            event(
                "repair_ev_shock",
                "新能源车辆高压系统维修触电",
                "Electric shock while servicing an EV's high-voltage system",
                ["05"],
                *lec(1, 3, 15),
                measures=[
                    measure(
                        "repair_ev_isolation",
                        "management",
                        "新能源车辆维修断电和绝缘检测",
                        "Power isolation and insulation checks on new-energy vehicles",
                    ),
                    measure(
                        "repair_ppe",
                        "ppe",
                        "绝缘手套、防护眼镜",
                        "Insulating gloves and safety glasses",
                    ),
                ],
            ),
        ],
        "control_level": "team",
        "inspection_period": every(1, "week"),
    },
    {
        "key": "hazmat_tanker",
        "name": text(
            "危险货物常压罐车运输", "Dangerous goods in normal-pressure tankers"
        ),
        "kind": "activity",
        "description": text(
            "常压液体危险货物罐车的道路运输。",
            "Road transport of liquid dangerous goods in normal-pressure tankers.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "易燃、有毒、腐蚀性货物",
                "Flammable, toxic or corrosive goods",
                events=["tanker_leak_fire", "tanker_toxic"],
            ),
            factor(
                "120202",
                "装运适装介质以外货物、超核定载质量",
                "Goods outside the approved media; loaded above the rated payload",
                events=["tanker_leak_fire"],
            ),
            factor(
                "210104",
                "罐体、阀门密封失效",
                "Tank or valve seals failed",
                events=["tanker_leak_fire", "tanker_toxic"],
            ),
            factor(
                "1203",
                "押运员未随车监管",
                "Escort not on board",
                events=["tanker_leak_fire"],
            ),
        ],
        "events": [
            event(
                "tanker_leak_fire",
                "罐车泄漏引发火灾爆炸",
                "Tanker leak leading to fire or explosion",
                ["08", "18"],
                *lec(1, 6, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "tanker_media_check",
                        "management",
                        "核对罐体适装介质和核定载质量，电子运单管理",
                        "Check approved media and rated payload; electronic waybill",
                    ),
                    measure(
                        "tanker_shutoff",
                        "engineering",
                        "紧急切断装置完好，行车时关闭",
                        "Emergency shut-off working and closed in transit",
                    ),
                    measure(
                        "tanker_monitoring",
                        "monitoring",
                        "卫星定位和行驶路线监控",
                        "Satellite tracking and route monitoring",
                    ),
                    measure(
                        "tanker_video", "video", "驾驶室智能视频监控", "Smart cab video"
                    ),
                    measure(
                        "tanker_training",
                        "training",
                        "驾驶员、押运员持证并培训",
                        "Certified, trained driver and escort",
                    ),
                ],
            ),
            event(
                "tanker_toxic",
                "有毒货物泄漏中毒",
                "Toxic release",
                ["19"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "tanker_ppe",
                        "ppe",
                        "按货物配备防护用品",
                        "PPE for the goods carried",
                    ),
                    measure(
                        "tanker_emergency",
                        "emergency",
                        "随车应急器材和泄漏处置卡",
                        "On-board emergency kit and leak card",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "hazmat_loading",
        "name": text("危险货物装卸", "Dangerous goods loading and unloading"),
        "kind": "operation",
        "description": text(
            "在装货人、收货人场所的充装和卸货。",
            "Filling and unloading at the consignor's or consignee's site.",
        ),
        "hazard_factors": [
            factor(
                "21",
                "静电和车辆火花",
                "Static and vehicle sparks",
                events=["loading_fire"],
            ),
            factor(
                "120202",
                "未熄火、未接地即装卸",
                "Loading without engine off or earthing",
                events=["loading_fire"],
            ),
            factor(
                "22",
                "易燃有毒货物挥发",
                "Vapours of flammable or toxic goods",
                events=["loading_fire"],
            ),
        ],
        "events": [
            event(
                "loading_fire",
                "装卸时火灾爆炸",
                "Fire or explosion during loading",
                ["08", "18"],
                *lec(1, 3, 40),
                measures=[
                    measure(
                        "loading_checks",
                        "management",
                        "装卸前查验车辆、人员证件和罐体检验",
                        "Check vehicle, crew papers and tank inspection before loading",
                    ),
                    measure(
                        "loading_earthing",
                        "engineering",
                        "熄火、接地、设止动器",
                        "Engine off, earthed, chocked",
                    ),
                    measure(
                        "loading_training",
                        "training",
                        "装卸管理人员培训",
                        "Training for loading supervisors",
                    ),
                    measure(
                        "loading_ppe",
                        "ppe",
                        "防静电服和防护手套",
                        "Antistatic clothing and gloves",
                    ),
                    measure(
                        "loading_emergency",
                        "emergency",
                        "装卸泄漏处置程序",
                        "Leak procedure during loading",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "hazmat_parking",
        "name": text("危险货物车辆停车场", "Dangerous goods vehicle parking"),
        "kind": "area",
        "description": text(
            "危货车辆专用停车区域。", "Dedicated parking for dangerous goods vehicles."
        ),
        "hazard_factors": [
            factor(
                "22",
                "罐内残液和挥发气体",
                "Residues and vapours in tanks",
                events=["parking_fire"],
            ),
            factor(
                "32",
                "停车场与周边安全距离不足",
                "Too close to neighbours",
                events=["parking_fire"],
            ),
            factor(
                "43",
                "分类停放和巡查不落实",
                "Not parked by class or patrolled",
                events=["parking_fire"],
            ),
        ],
        "events": [
            event(
                "parking_fire",
                "停车场火灾爆炸",
                "Fire or explosion in the car park",
                ["08", "18"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "parking_zoning",
                        "management",
                        "按类别分区停放，定时巡查",
                        "Parked by class; regular patrols",
                    ),
                    measure(
                        "parking_facilities",
                        "engineering",
                        "消防设施、防火间距和进出通道",
                        "Fire equipment, spacing and access",
                    ),
                    measure(
                        "parking_video", "video", "停车场视频监控", "Car park video"
                    ),
                    measure(
                        "parking_training",
                        "training",
                        "值守人员培训",
                        "Training for guards",
                    ),
                    measure(
                        "parking_ppe",
                        "ppe",
                        "巡查配备便携式气体检测仪",
                        "Portable gas detector on patrols",
                    ),
                    measure(
                        "parking_emergency",
                        "emergency",
                        "停车场火灾和泄漏预案",
                        "Car park fire and leak plan",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "severe_weather",
        "name": text("恶劣天气运营", "Operating in severe weather"),
        "kind": "activity",
        "description": text(
            "台风、暴雨、暴雪、冰雹、大雾、沙尘暴、大风、道路结冰和地质灾害预警期间的运营。",
            "Running during warnings of typhoon, rainstorm, snowstorm, hail, fog, sandstorm, gale, road icing or geological hazard.",
        ),
        "hazard_factors": [
            factor(
                "32",
                "能见度低、路面湿滑、积水和地质灾害",
                "Low visibility, slippery or flooded roads, landslides",
                events=["weather_crash", "weather_flooding"],
            ),
            factor(
                "43",
                "未执行政府停运要求或本企业应急预案",
                "Government stop order or own plan not followed",
                events=["weather_crash", "weather_flooding"],
            ),
            factor(
                "120102",
                "违章调度冒险发车",
                "Dispatching against the rules",
                events=["weather_crash"],
            ),
        ],
        "events": [
            event(
                "weather_crash",
                "恶劣天气下交通事故",
                "Crash in severe weather",
                ["02"],
                *lec(1, 3, 100),
                ["violates_law"],
                measures=[
                    measure(
                        "weather_warnings",
                        "management",
                        "接收气象预警并按预案调整或停运",
                        "Receive weather warnings and adjust or stop as the plan says",
                    ),
                    measure(
                        "weather_monitoring",
                        "monitoring",
                        "向在途车辆推送预警并跟踪",
                        "Warnings pushed to vehicles en route and tracked",
                    ),
                    measure(
                        "weather_vehicles",
                        "engineering",
                        "防滑链、雾灯等季节性装备",
                        "Snow chains, fog lights and other seasonal kit",
                    ),
                    measure(
                        "weather_training",
                        "training",
                        "恶劣天气驾驶技能培训",
                        "Severe-weather driving training",
                    ),
                    measure(
                        "weather_ppe",
                        "ppe",
                        "雨具、防寒用品和反光背心",
                        "Rainwear, cold-weather kit and reflective vests",
                    ),
                ],
            ),
            event(
                "weather_flooding",
                "车辆涉水被困淹溺",
                "Vehicle trapped in floodwater",
                ["06"],
                *lec(0.5, 3, 40),
                measures=[
                    measure(
                        "weather_emergency",
                        "emergency",
                        "停运、就近停靠和旅客安置预案",
                        "Plan to stop, shelter and look after passengers",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "bus_terminal",
        "name": text("汽车客运站", "Bus station"),
        "kind": "area",
        "description": text(
            "候车、售检票、安检和发车区域。",
            "Waiting, ticketing, security screening and departure areas.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "旅客夹带易燃易爆危险品",
                "Passengers carrying flammable or explosive items",
                events=["terminal_fire"],
            ),
            factor(
                "31",
                "候车区人员密集",
                "Crowded waiting areas",
                events=["terminal_fire", "terminal_vehicle_injury"],
            ),
            factor(
                "43",
                "出站检查不落实",
                "Departure checks not applied",
                events=["terminal_fire"],
            ),
        ],
        "events": [
            event(
                "terminal_fire",
                "危险品引发车站或车辆火灾",
                "Dangerous items causing a fire in the station or a bus",
                ["08", "18"],
                *lec(0.5, 10, 15),
                measures=[
                    measure(
                        "terminal_screening",
                        "engineering",
                        "行包安检设备",
                        "Baggage screening equipment",
                    ),
                    measure(
                        "terminal_departure_checks",
                        "management",
                        "三品查堵和出站检查（例检合格、驾驶员资格、不超员）",
                        "Screening for dangerous items; departure checks (vehicle check passed, driver qualified, not over capacity)",
                    ),
                    measure("terminal_video", "video", "站场视频监控", "Station video"),
                    measure(
                        "terminal_training",
                        "training",
                        "安检员培训",
                        "Screening staff training",
                    ),
                    measure(
                        "terminal_emergency",
                        "emergency",
                        "人员疏散和火灾预案",
                        "Evacuation and fire plan",
                    ),
                ],
            ),
            event(
                "terminal_vehicle_injury",
                "站内车辆伤人",
                "Vehicle hits someone in the station",
                ["02"],
                *lec(1, 6, 7),
                measures=[
                    measure(
                        "terminal_traffic_separation",
                        "engineering",
                        "站内人车分流，进出站限速",
                        "People and vehicles separated in the station; speed limits at entry and exit",
                    ),
                    measure(
                        "terminal_ppe",
                        "ppe",
                        "站务人员反光背心",
                        "Reflective vests for yard staff",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "depot_yard",
        "name": text("公交场站和停车场", "Bus depots and yards"),
        "kind": "area",
        "description": text(
            "公交停保场、首末站和企业停车场。",
            "Bus depots, terminals and company yards.",
        ),
        "hazard_factors": [
            factor(
                "32",
                "场内车辆调度交叉",
                "Crossing vehicle movements in the yard",
                events=["yard_collision"],
            ),
            factor(
                "22",
                "车辆密集停放，火灾易蔓延",
                "Tight parking lets fire spread",
                events=["yard_fire"],
            ),
            factor(
                "43",
                "场内限速和人车分流不落实",
                "Yard speed limits and pedestrian routes not applied",
                events=["yard_collision"],
            ),
        ],
        "events": [
            event(
                "yard_collision",
                "场内车辆碰撞碾压",
                "Yard collisions and run-overs",
                ["02"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "yard_layout",
                        "engineering",
                        "人车分流，场内设限速标志",
                        "People and vehicles separated; speed-limit signs in the yard",
                    ),
                    measure(
                        "yard_rules",
                        "management",
                        "场内调度和巡查制度",
                        "Yard dispatch and patrol rules",
                    ),
                    measure(
                        "yard_training",
                        "training",
                        "场站人员培训",
                        "Yard staff training",
                    ),
                    measure("yard_ppe", "ppe", "反光背心", "Reflective vests"),
                ],
            ),
            event(
                "yard_fire",
                "停放车辆火灾蔓延",
                "Fire spreading between parked vehicles",
                ["08"],
                *lec(0.5, 6, 15),
                measures=[
                    measure(
                        "yard_fire_spacing",
                        "engineering",
                        "车辆停放保持防火间距，配置消防设施",
                        "Fire spacing between parked vehicles; firefighting equipment",
                    ),
                    measure("yard_video", "video", "场站视频监控", "Yard video"),
                    measure(
                        "yard_emergency",
                        "emergency",
                        "场站火灾和疏散预案",
                        "Yard fire and evacuation plan",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "week"),
    },
    {
        "key": "city_bus",
        "name": text("城市公共汽电车运营", "City bus operation"),
        "kind": "activity",
        "description": text(
            "城市公交线路运营，乘客上下车频繁、站立乘客多。",
            "City bus routes: frequent stops, many standing passengers.",
        ),
        "hazard_factors": [
            factor(
                "32", "城市道路交通复杂", "Complex urban traffic", events=["bus_crash"]
            ),
            factor(
                "1299",
                "乘客干扰驾驶员、抢夺方向盘",
                "Passengers interfering with the driver or grabbing the wheel",
                events=["bus_crash"],
            ),
            factor(
                "1104",
                "驾驶员情绪异常",
                "Driver's emotional state",
                events=["bus_crash"],
            ),
            factor(
                "120201",
                "急加速、急刹车，车门未确认即开关",
                "Harsh acceleration or braking; doors worked without checking",
                events=["bus_passenger_fall"],
            ),
        ],
        "events": [
            event(
                "bus_crash",
                "公交车碰撞或坠河",
                "Bus collision or plunge into water",
                ["02"],
                *lec(1, 10, 15),
                measures=[
                    measure(
                        "bus_cab_barrier",
                        "engineering",
                        "驾驶区防护隔离设施",
                        "Driver cab barrier",
                    ),
                    measure(
                        "bus_video",
                        "video",
                        "车内视频和驾驶员行为监测",
                        "In-vehicle video and driver monitoring",
                    ),
                    measure(
                        "bus_monitoring",
                        "monitoring",
                        "车辆运行和超速监测",
                        "Running and speeding monitoring",
                    ),
                    measure(
                        "bus_rules",
                        "management",
                        "驾驶员心理健康关注和岗前状态确认",
                        "Attention to drivers' mental health; fitness check before duty",
                    ),
                    measure(
                        "bus_ppe",
                        "ppe",
                        "安全锤、灭火器和应急开关标识",
                        "Safety hammers, extinguishers, emergency door switches marked",
                    ),
                    measure(
                        "bus_emergency",
                        "emergency",
                        "车辆落水、火灾和冲突事件处置预案",
                        "Plans for water, fire and conflict incidents",
                    ),
                ],
            ),
            event(
                "bus_passenger_fall",
                "乘客车内摔伤、车门夹伤",
                "Passengers falling or caught in doors",
                ["02"],
                *lec(3, 10, 1),
                measures=[
                    measure(
                        "bus_training",
                        "training",
                        "驾驶员应急处置和服务培训",
                        "Driver training on emergencies and service",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "ev_charging",
        "name": text("新能源车辆及充电设施", "New-energy vehicles and charging"),
        "kind": "equipment",
        "description": text(
            "纯电动公交和客车的动力电池及场站充电设施。",
            "Traction batteries of electric buses and coaches and the depot chargers.",
        ),
        "hazard_factors": [
            factor(
                "21",
                "动力电池热失控、高压电",
                "Battery thermal runaway; high voltage",
                events=["battery_fire", "charging_shock"],
            ),
            factor(
                "2101", "充电设施缺陷", "Defective chargers", events=["charging_shock"]
            ),
            factor(
                "43", "充电过程无人值守", "Charging unattended", events=["battery_fire"]
            ),
        ],
        "events": [
            event(
                "battery_fire",
                "电池热失控火灾",
                "Battery thermal runaway fire",
                ["08"],
                *ls(3, 4),
                measures=[
                    measure(
                        "battery_monitoring",
                        "monitoring",
                        "电池管理系统温度、电压监测和报警",
                        "Battery management temperature and voltage alarms",
                    ),
                    measure(
                        "charging_facilities",
                        "engineering",
                        "充电区防火分隔和消防设施",
                        "Fire separation and equipment in charging areas",
                    ),
                    measure(
                        "charging_rules",
                        "management",
                        "充电值守和巡检制度",
                        "Charging attendance and rounds",
                    ),
                    measure(
                        "charging_training",
                        "training",
                        "新能源车辆安全培训",
                        "New-energy vehicle training",
                    ),
                    measure(
                        "charging_emergency",
                        "emergency",
                        "电池火灾隔离和处置程序",
                        "Battery fire isolation procedure",
                    ),
                ],
            ),
            event(
                "charging_shock",
                "充电触电",
                "Shock while charging",
                ["05"],
                *ls(1, 4),
                measures=[
                    measure("charging_ppe", "ppe", "绝缘手套", "Insulating gloves"),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "taxi_ride_hailing",
        "name": text("出租汽车和网约车运营", "Taxi and ride-hailing operation"),
        "kind": "activity",
        "description": text(
            "巡游出租汽车和网络预约出租汽车运营。",
            "Street taxis and app-based ride-hailing.",
        ),
        "hazard_factors": [
            factor(
                "43",
                "线上车辆、驾驶员与线下实际不一致",
                "Vehicle or driver online differs from the one on the road",
                events=["taxi_crash"],
            ),
            factor(
                "1101",
                "长时间在线接单疲劳",
                "Fatigue from long hours online",
                events=["taxi_crash"],
            ),
            factor("120202", "违法驾驶", "Unlawful driving", events=["taxi_crash"]),
        ],
        "events": [
            event(
                "taxi_crash",
                "出租汽车交通事故",
                "Taxi crash",
                ["02"],
                *lec(1, 6, 15),
                ["violates_law"],
                measures=[
                    measure(
                        "taxi_identity",
                        "management",
                        "人车一致核验和平台数据比对",
                        "Driver and vehicle identity checks against platform data",
                    ),
                    measure(
                        "taxi_online_hours",
                        "monitoring",
                        "在线时长和疲劳提醒",
                        "Online hours and fatigue reminders",
                    ),
                    measure(
                        "taxi_vehicle",
                        "engineering",
                        "车辆安全设施和报警装置",
                        "Vehicle safety kit and alarm button",
                    ),
                    measure(
                        "taxi_training",
                        "training",
                        "驾驶员岗前和继续教育",
                        "Induction and continuing training",
                    ),
                    measure(
                        "taxi_ppe",
                        "ppe",
                        "安全带和防护隔离（巡游车）",
                        "Seat belts; partition in street taxis",
                    ),
                    measure(
                        "taxi_emergency",
                        "emergency",
                        "乘客紧急求助处置",
                        "Passenger emergency help",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "week"),
    },
    {
        "key": "freight_loading",
        "name": text("普通货物装载与运输", "General freight loading and transport"),
        "kind": "operation",
        "description": text(
            "普通货物的装载、捆扎加固和运输。",
            "Loading, securing and carrying general freight.",
        ),
        "hazard_factors": [
            factor(
                "120202",
                "超载、装载不牢",
                "Overloading; loads not secured",
                events=["cargo_shift"],
            ),
            factor(
                "210101",
                "捆扎带、篷布强度不够",
                "Straps or covers too weak",
                events=["cargo_shift"],
            ),
            factor("32", "高处装卸", "Loading at height", events=["loading_fall"]),
        ],
        "events": [
            event(
                "cargo_shift",
                "货物移位坠落",
                "Load shifts or falls",
                ["01", "02"],
                *lec(3, 3, 15),
                measures=[
                    measure(
                        "freight_securing",
                        "engineering",
                        "按货物特性捆扎加固",
                        "Securing suited to the goods",
                    ),
                    measure(
                        "freight_weighing",
                        "management",
                        "源头称重，禁止超限超载",
                        "Weigh at source; no overloading",
                    ),
                    measure(
                        "freight_monitoring",
                        "monitoring",
                        "重型货车动态监控",
                        "Dynamic monitoring of heavy trucks",
                    ),
                    measure(
                        "freight_emergency",
                        "emergency",
                        "货物散落处置和报警",
                        "Spilled-load response and reporting",
                    ),
                ],
            ),
            event(
                "loading_fall",
                "车厢顶部装卸坠落",
                "Fall from the top of the load",
                ["09"],
                *lec(1, 6, 7),
                measures=[
                    measure(
                        "freight_training",
                        "training",
                        "装载加固培训",
                        "Training on securing loads",
                    ),
                    measure(
                        "freight_ppe", "ppe", "安全帽、防滑鞋", "Helmet, non-slip shoes"
                    ),
                ],
            ),
        ],
        "control_level": "team",
        "inspection_period": every(1, "day"),
    },
]
