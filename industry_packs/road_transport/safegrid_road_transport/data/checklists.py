"""Hidden-hazard investigation checklists of road transport enterprises.

One or more per main operation. Scored by the pack's ``road_transport_check``
rule (deductions scaled to 100, pass mark 80, automatic fail on any criterion
of 交办运〔2023〕52号); ``rule_input.rule_input`` maps a filled checklist onto
that rule's input. Check items that match a seeded criterion name it and open
a major hazard.
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

CRITERIA = "交办运〔2023〕52号"
PASSENGER_RULES = "道路旅客运输企业安全管理规范"
MONITORING_RULES = "道路运输车辆动态监督管理办法"
DG_RULES = "危险货物道路运输安全管理办法"
SCORING = {"method": "rule", "rule": "road_transport_check", "pass_mark": 80}


def c(clause):
    return ref(CRITERIA, clause)


def rt_checklist(key, zh_hans, en, *, operations, risk_points, about, sections):
    return {
        "key": key,
        "kind": "checklist",
        "industry": "road_transport",
        "title": text(zh_hans, en),
        "description": about,
        "operations": operations,
        "risk_points": risk_points,
        "scoring": SCORING,
        "sections": sections,
    }


VEHICLE_CHECK = rt_checklist(
    "rt_vehicle_pre_trip",
    "营运车辆出车前安全例检表",
    "Pre-trip vehicle safety check",
    operations=["vehicle_technical", "passenger"],
    risk_points=["operating_vehicles", "long_distance_coach"],
    about=text(
        "每车每趟出车前填写；例检不合格不得出车。",
        "One per vehicle and trip; a failed check means no departure.",
    ),
    sections=[
        section(
            "vehicle",
            "车辆",
            "Vehicle",
            [
                question("plate_no", "text", "车牌号", "Plate number"),
                question(
                    "vehicle_type",
                    "single_choice",
                    "车辆类别",
                    "Vehicle type",
                    choices=[
                        {"value": "coach", "label": text("客车", "Coach")},
                        {"value": "truck", "label": text("货车", "Truck")},
                        {
                            "value": "dangerous_goods",
                            "label": text(
                                "危险货物运输车辆", "Dangerous goods vehicle"
                            ),
                        },
                        {"value": "bus", "label": text("公交车", "City bus")},
                    ],
                ),
                check(
                    "vehicle_papers_valid",
                    "行驶证、道路运输证有效",
                    "Registration and road transport certificate valid",
                    basis=[ref(PASSENGER_RULES)],
                    deduction=10,
                ),
                check(
                    "vehicle_fit_for_service",
                    "车辆未报废、未擅自改装或拼装，检验检测合格并在有效期内",
                    "Vehicle not scrapped, modified or assembled without approval; tested, passed and in date",
                    basis=[c("第三条第（二）项"), ref("GB 7258-2017")],
                    deduction=20,
                    grade="major",
                    criterion="art3_2",
                ),
            ],
        ),
        section(
            "running_gear",
            "制动、转向与轮胎",
            "Brakes, steering and tyres",
            [
                check(
                    "brakes_ok",
                    "行车和驻车制动有效，无漏气漏油",
                    "Service and parking brakes work; no air or fluid leaks",
                    basis=[ref("GB 7258-2017")],
                    deduction=10,
                ),
                check(
                    "steering_ok",
                    "转向灵活，无卡滞和异常间隙",
                    "Steering free with no binding or play",
                    basis=[ref("GB 7258-2017")],
                    deduction=10,
                ),
                question(
                    "steer_tyre_tread",
                    "number",
                    "转向轮胎冠花纹深度",
                    "Steer tyre tread depth",
                    unit="mm",
                    min=0,
                    max=30,
                    warn_min=3.2,
                    basis=[ref("GB 7258-2017")],
                ),
                check(
                    "tyres_ok",
                    "轮胎无鼓包、割伤，气压正常，未使用翻新轮胎作转向轮",
                    "Tyres free of bulges and cuts, pressures right, no retreads on steer axles",
                    basis=[ref("GB 7258-2017")],
                    deduction=10,
                ),
            ],
        ),
        section(
            "lights_safety",
            "灯光与安全设施",
            "Lights and safety equipment",
            [
                check(
                    "lights_ok",
                    "灯光、喇叭、雨刮器工作正常",
                    "Lights, horn and wipers work",
                    basis=[ref("GB 7258-2017")],
                    deduction=5,
                ),
                check(
                    "extinguishers_ok",
                    "灭火器在有效期内且数量足够",
                    "Enough extinguishers, in date",
                    basis=[ref("GB 7258-2017")],
                    deduction=5,
                ),
                check(
                    "emergency_exits_ok",
                    "应急出口、安全锤完好，应急门开关有效",
                    "Emergency exits and hammers in place; emergency doors work",
                    basis=[ref("GB 7258-2017")],
                    deduction=5,
                    show_if=show_if("vehicle_type", "coach"),
                ),
                check(
                    "seat_belts_ok",
                    "座椅安全带齐全有效",
                    "Seat belts complete and working",
                    basis=[ref("GB 7258-2017")],
                    deduction=5,
                ),
                check(
                    "terminal_online",
                    "卫星定位终端和视频装置工作正常",
                    "Satellite terminal and video working",
                    basis=[ref(MONITORING_RULES)],
                    deduction=10,
                ),
            ],
        ),
    ],
)

DRIVER_MANAGEMENT = rt_checklist(
    "rt_driver_management",
    "驾驶员安全管理检查表",
    "Driver safety management inspection",
    operations=["driver_management"],
    risk_points=["driver_fatigue", "speeding_overloading"],
    about=text(
        "企业每月检查驾驶员管理；出车前状态确认逐人记录。",
        "Monthly check of driver management; pre-duty fitness recorded per driver.",
    ),
    sections=[
        section(
            "pre_duty",
            "出车前状态",
            "Fitness before duty",
            [
                question(
                    "drivers",
                    "group",
                    "驾驶员",
                    "Drivers",
                    repeatable=True,
                    min_items=1,
                    max_items=500,
                    questions=[
                        question("driver_name", "text", "驾驶员姓名", "Driver"),
                        question(
                            "alcohol_reading",
                            "number",
                            "出车前酒精检测值",
                            "Pre-duty alcohol reading",
                            unit="mg/100mL",
                            min=0,
                            max=500,
                            warn_max=0,
                            help=text(
                                "检出酒精即不得出车", "Any alcohol means no duty"
                            ),
                        ),
                        question(
                            "rest_hours",
                            "number",
                            "出车前休息时间",
                            "Rest before duty",
                            unit="h",
                            min=0,
                            max=72,
                        ),
                        check(
                            "qualification_valid",
                            "从业资格证有效，准驾车型相符",
                            "Qualification certificate valid and licence class matches",
                            basis=[ref(PASSENGER_RULES)],
                            deduction=10,
                        ),
                    ],
                ),
            ],
        ),
        section(
            "records",
            "违法违规处理",
            "Handling of breaches",
            [
                question(
                    "long_standing_breaches",
                    "single_choice",
                    "抽查中是否发现驾驶员、车辆长期“三超一疲劳”",
                    "Does the sample show long-standing speeding, over-capacity, overloading or fatigue?",
                    choices=YES_NO,
                ),
                check(
                    "breaches_handled",
                    "长期“三超一疲劳”在运输过程中已及时提醒纠正，或运输结束后一个月内已严肃处理",
                    "The long-standing breaches were corrected during the trip, or dealt with seriously within a month",
                    basis=[c("第三条第（三）项")],
                    deduction=20,
                    grade="major",
                    criterion="art3_3",
                    show_if=show_if("long_standing_breaches", "yes"),
                ),
                question(
                    "ten_points_driver",
                    "single_choice",
                    "是否有驾驶员一次计10分及以上诚信考核计分",
                    "Has any driver been given 10 or more integrity points at once?",
                    choices=YES_NO,
                ),
                check(
                    "ten_points_handled",
                    "一次计10分及以上的驾驶员经严肃处理后才继续上岗",
                    "Drivers given 10 or more points at once dealt with before working again",
                    basis=[c("第三条第（三）项")],
                    deduction=20,
                    grade="major",
                    criterion="art3_3",
                    show_if=show_if("ten_points_driver", "yes"),
                ),
                question(
                    "max_continuous_driving",
                    "number",
                    "抽查中最长连续驾驶时间",
                    "Longest continuous driving in the sample",
                    unit="h",
                    min=0,
                    max=24,
                    warn_max=4,
                    basis=[ref("道路交通安全法实施条例", "第六十二条第（七）项")],
                ),
                check(
                    "rest_breaks_kept",
                    "连续驾驶4小时停车休息不少于20分钟",
                    "A break of at least 20 minutes after 4 hours of driving",
                    basis=[ref("道路交通安全法实施条例", "第六十二条第（七）项")],
                    deduction=10,
                ),
            ],
        ),
        section(
            "education",
            "教育与档案",
            "Training and records",
            [
                check(
                    "monthly_training",
                    "按规定开展驾驶员安全教育并记录",
                    "Driver safety training held and recorded",
                    basis=[ref(PASSENGER_RULES)],
                    deduction=5,
                ),
                check(
                    "driver_files",
                    "驾驶员档案完整（体检、违法记录、考核）",
                    "Driver files complete (medicals, breaches, appraisals)",
                    basis=[ref(PASSENGER_RULES)],
                    deduction=5,
                ),
            ],
        ),
    ],
)

DYNAMIC_MONITORING = rt_checklist(
    "rt_dynamic_monitoring",
    "动态监控管理检查表",
    "Dynamic monitoring inspection",
    operations=["driver_management"],
    risk_points=["dynamic_monitoring", "driver_fatigue", "speeding_overloading"],
    about=text(
        "监控平台运行和报警处置检查。", "Platform operation and alarm handling."
    ),
    sections=[
        section(
            "platform",
            "平台与终端",
            "Platform and terminals",
            [
                question(
                    "online_rate",
                    "number",
                    "车辆入网在线率",
                    "Vehicle online rate",
                    unit="%",
                    min=0,
                    max=100,
                    warn_min=95,
                    help=text(
                        "低于企业目标时查找离线车辆原因",
                        "Find the offline vehicles when below the company target",
                    ),
                ),
                check(
                    "staffing",
                    "按规定配备专职监控人员并24小时值守",
                    "Full-time monitoring staff as required, on duty 24 h",
                    basis=[ref(MONITORING_RULES)],
                    deduction=10,
                ),
                check(
                    "no_tampering",
                    "无屏蔽、破坏车载终端行为",
                    "No terminals blocked or tampered with",
                    basis=[ref(MONITORING_RULES)],
                    deduction=10,
                ),
            ],
        ),
        section(
            "alarms",
            "报警处置",
            "Alarm handling",
            [
                check(
                    "alarms_closed",
                    "超速、疲劳报警及时提醒纠正并闭环记录",
                    "Speeding and fatigue alarms acted on and closed out",
                    basis=[ref(MONITORING_RULES)],
                    deduction=15,
                ),
                check(
                    "data_kept",
                    "监控数据按规定保存",
                    "Monitoring data kept as required",
                    basis=[ref(MONITORING_RULES)],
                    deduction=5,
                ),
            ],
        ),
    ],
)

LONG_DISTANCE = rt_checklist(
    "rt_long_distance_line",
    "长途客运班线安全检查表",
    "Long-distance coach line inspection",
    operations=["passenger"],
    risk_points=["long_distance_coach", "night_operation"],
    about=text(
        "800公里及以上班线的专项检查。", "Specialist check of lines of 800 km or more."
    ),
    sections=[
        section(
            "line",
            "班线",
            "Line",
            [
                question(
                    "line_length",
                    "number",
                    "班线单程里程",
                    "One-way length",
                    unit="km",
                    min=0,
                    max=5000,
                ),
                check(
                    "line_risk_assessment",
                    "按规定开展班线安全风险评估",
                    "Safety risk assessment of the line done",
                    basis=[c("第四条第（一）项")],
                    deduction=20,
                    grade="major",
                    criterion="art4_1",
                ),
                check(
                    "night_stop_or_relay",
                    "凌晨2时至5时停车休息或接驳运输",
                    "Stop or relay between 02:00 and 05:00",
                    basis=[c("第四条第（一）项")],
                    deduction=20,
                    grade="major",
                    criterion="art4_1",
                ),
            ],
        ),
        section(
            "crew",
            "驾乘人员",
            "Crew",
            [
                check(
                    "enough_drivers",
                    "按里程和时长配备足够驾驶员",
                    "Enough drivers for the distance and hours",
                    basis=[ref("道路旅客运输及客运站管理规定")],
                    deduction=10,
                ),
                check(
                    "passenger_briefing",
                    "发车前安全告知，提醒乘客系安全带",
                    "Safety announcement and seat-belt reminder before departure",
                    basis=[ref(PASSENGER_RULES)],
                    deduction=5,
                ),
            ],
        ),
    ],
)

TERMINAL = rt_checklist(
    "rt_bus_station",
    "汽车客运站安全检查表",
    "Bus station inspection",
    operations=["passenger"],
    risk_points=["bus_terminal"],
    about=text(
        "客运站三品查堵和出站检查。",
        "Screening for dangerous items and departure checks.",
    ),
    sections=[
        section(
            "screening",
            "三品查堵",
            "Screening for dangerous items",
            [
                check(
                    "screening_working",
                    "行包安检设备运行正常，安检人员在岗",
                    "Screening equipment working and staffed",
                    basis=[ref("道路旅客运输及客运站管理规定")],
                    deduction=10,
                ),
                check(
                    "dangerous_items_refused",
                    "易燃易爆危险品不得进站上车",
                    "Flammable and explosive items kept out",
                    basis=[ref("道路旅客运输及客运站管理规定")],
                    deduction=10,
                ),
            ],
        ),
        section(
            "departure",
            "出站检查",
            "Departure checks",
            [
                check(
                    "departure_vehicle_checked",
                    "出站车辆例检合格",
                    "Departing vehicles passed their check",
                    basis=[ref("道路旅客运输及客运站管理规定")],
                    deduction=10,
                ),
                check(
                    "departure_not_over_capacity",
                    "核对驾驶员资格，车辆不超员",
                    "Driver qualification checked; not over capacity",
                    basis=[ref("道路旅客运输及客运站管理规定")],
                    deduction=10,
                ),
            ],
        ),
        section(
            "station",
            "站场",
            "Station",
            [
                check(
                    "evacuation_routes",
                    "疏散通道畅通，消防设施完好",
                    "Escape routes clear; fire equipment in order",
                    basis=[ref("应急管理部令第2号")],
                    deduction=5,
                ),
            ],
        ),
    ],
)

HAZMAT = rt_checklist(
    "rt_dangerous_goods_vehicle",
    "危险货物运输车辆出车检查表",
    "Dangerous goods vehicle departure check",
    operations=["dangerous_goods"],
    risk_points=["hazmat_tanker", "hazmat_loading", "hazmat_parking"],
    about=text(
        "每趟出车前对车辆、罐体、人员和货物的核查。",
        "Check of vehicle, tank, crew and goods before each trip.",
    ),
    sections=[
        section(
            "goods",
            "货物与装载",
            "Goods and load",
            [
                question("un_number", "text", "货物联合国编号", "UN number"),
                question(
                    "is_tanker",
                    "single_choice",
                    "是否常压液体罐车",
                    "Normal-pressure liquid tanker?",
                    choices=YES_NO,
                ),
                check(
                    "approved_media",
                    "所装货物属于罐体适装介质",
                    "The goods are among the tank's approved media",
                    basis=[c("第六条第（二）项")],
                    deduction=20,
                    grade="major",
                    criterion="art6_2",
                    show_if=show_if("is_tanker", "yes"),
                ),
                question(
                    "loaded_mass",
                    "number",
                    "实际装载质量",
                    "Loaded mass",
                    unit="t",
                    min=0,
                    max=100,
                ),
                question(
                    "rated_payload",
                    "number",
                    "核定载质量",
                    "Rated payload",
                    unit="t",
                    min=0,
                    max=100,
                ),
                check(
                    "within_payload",
                    "实际装载质量不超过核定载质量",
                    "Loaded mass within the rated payload",
                    basis=[c("第六条第（二）项")],
                    deduction=20,
                    grade="major",
                    criterion="art6_2",
                ),
                check(
                    "waybill",
                    "电子运单信息与实际一致",
                    "Electronic waybill matches the load",
                    basis=[ref(DG_RULES)],
                    deduction=5,
                ),
            ],
        ),
        section(
            "vehicle",
            "车辆与罐体",
            "Vehicle and tank",
            [
                check(
                    "tank_inspection_valid",
                    "罐体检验在有效期内",
                    "Tank inspection in date",
                    basis=[ref(DG_RULES), c("第三条第（二）项")],
                    deduction=10,
                    grade="major",
                    criterion="art3_2",
                ),
                check(
                    "shutoff_closed",
                    "紧急切断阀完好并在行车时关闭",
                    "Emergency shut-off working and closed for the trip",
                    basis=[ref("JT/T 617-2018")],
                    deduction=10,
                ),
                check(
                    "placards",
                    "标志牌、矩形标志和菱形标志齐全",
                    "Plates, orange panels and diamond labels in place",
                    basis=[ref("JT/T 617-2018")],
                    deduction=5,
                ),
                check(
                    "emergency_kit",
                    "随车应急器材和防护用品齐全",
                    "On-board emergency kit and PPE complete",
                    basis=[ref("JT/T 617-2018")],
                    deduction=5,
                ),
            ],
        ),
        section(
            "crew",
            "人员",
            "Crew",
            [
                check(
                    "escort_on_board",
                    "押运员随车，驾驶员和押运员持有效从业资格证",
                    "Escort on board; driver and escort qualified",
                    basis=[ref(DG_RULES)],
                    deduction=10,
                ),
            ],
        ),
    ],
)

WEATHER = rt_checklist(
    "rt_severe_weather",
    "恶劣天气运营安全检查表",
    "Severe-weather operation check",
    operations=["severe_weather"],
    risk_points=["severe_weather"],
    about=text(
        "收到气象预警时填写，确认停运或调整措施。",
        "Filled when a weather warning arrives, to confirm stops or adjustments.",
    ),
    sections=[
        section(
            "warning",
            "预警",
            "Warning",
            [
                question(
                    "warning_type",
                    "single_choice",
                    "预警种类",
                    "Warning type",
                    choices=[
                        {"value": "typhoon", "label": text("台风", "Typhoon")},
                        {"value": "rainstorm", "label": text("暴雨", "Rainstorm")},
                        {"value": "snowstorm", "label": text("暴雪", "Snowstorm")},
                        {"value": "hail", "label": text("冰雹", "Hail")},
                        {"value": "fog", "label": text("大雾", "Fog")},
                        {"value": "sandstorm", "label": text("沙尘暴", "Sandstorm")},
                        {"value": "gale", "label": text("大风", "Gale")},
                        {"value": "icing", "label": text("道路结冰", "Road icing")},
                        {
                            "value": "geological",
                            "label": text("地质灾害", "Geological hazard"),
                        },
                    ],
                ),
                question(
                    "warning_level",
                    "single_choice",
                    "预警级别",
                    "Warning level",
                    choices=[
                        {"value": "blue", "label": text("蓝色", "Blue")},
                        {"value": "yellow", "label": text("黄色", "Yellow")},
                        {"value": "orange", "label": text("橙色", "Orange")},
                        {"value": "red", "label": text("红色", "Red")},
                    ],
                ),
            ],
        ),
        section(
            "response",
            "响应",
            "Response",
            [
                check(
                    "stopped_as_required",
                    "按政府停运要求和本企业应急预案停运或调整，未违规组织运输",
                    "Stopped or adjusted as the government and the firm's plan require; no transport against them",
                    basis=[c("第三条第（四）项")],
                    deduction=20,
                    grade="major",
                    criterion="art3_4",
                ),
                check(
                    "en_route_informed",
                    "已向在途车辆推送预警并安排就近停靠",
                    "Vehicles en route warned and sent to shelter",
                    basis=[ref(MONITORING_RULES)],
                    deduction=10,
                ),
                check(
                    "passengers_cared_for",
                    "滞留旅客安置和信息发布",
                    "Stranded passengers looked after and informed",
                    basis=[ref("应急管理部令第2号")],
                    deduction=5,
                ),
            ],
        ),
    ],
)

URBAN_TRANSIT = rt_checklist(
    "rt_city_bus_and_taxi",
    "城市公交与出租汽车安全检查表",
    "City bus and taxi inspection",
    operations=["urban_transit"],
    risk_points=["city_bus", "ev_charging", "depot_yard", "taxi_ride_hailing"],
    about=text(
        "公交车辆、场站、充电设施和出租汽车的检查。",
        "Buses, depots, chargers and taxis.",
    ),
    sections=[
        section(
            "bus",
            "公交车辆",
            "Buses",
            [
                check(
                    "cab_barrier",
                    "驾驶区防护隔离设施完好",
                    "Driver cab barrier in place",
                    basis=[ref("城市公共汽车和电车客运管理规定")],
                    deduction=10,
                ),
                check(
                    "bus_safety_kit",
                    "安全锤、灭火器和应急开关完好并有标识",
                    "Hammers, extinguishers and emergency switches in place and marked",
                    basis=[ref("GB 7258-2017")],
                    deduction=10,
                ),
            ],
        ),
        section(
            "charging",
            "场站与充电",
            "Depots and charging",
            [
                check(
                    "charging_attended",
                    "充电过程有人值守，充电区消防设施完好",
                    "Charging attended; fire equipment at the charging area",
                    basis=[ref("城市公共汽车和电车客运管理规定")],
                    deduction=10,
                ),
                check(
                    "yard_layout",
                    "场站人车分流、限速标志齐全",
                    "Pedestrian routes and speed signs in the yard",
                    basis=[ref("城市公共汽车和电车客运管理规定")],
                    deduction=5,
                ),
            ],
        ),
        section(
            "taxi",
            "出租汽车",
            "Taxis",
            [
                question(
                    "runs_ride_hailing",
                    "single_choice",
                    "是否经营网约车平台",
                    "Runs a ride-hailing platform?",
                    choices=YES_NO,
                ),
                check(
                    "identity_match",
                    "线上车辆、驾驶员与实际提供服务的一致",
                    "Vehicle and driver online match the ones giving the service",
                    basis=[
                        c("出租汽车客运企业条款第（一）项（条号待核实）"),
                        ref("网络预约出租汽车经营服务管理暂行办法"),
                    ],
                    deduction=20,
                    grade="major",
                    criterion="taxi_1",
                    show_if=show_if("runs_ride_hailing", "yes"),
                ),
            ],
        ),
    ],
)

MAINTENANCE = rt_checklist(
    "rt_vehicle_maintenance",
    "车辆维修作业安全检查表",
    "Vehicle repair workshop inspection",
    operations=["vehicle_technical"],
    risk_points=["vehicle_maintenance", "operating_vehicles"],
    about=text(
        "企业维修车间和车辆维护计划检查。", "Company workshop and maintenance plan."
    ),
    sections=[
        section(
            "workshop",
            "维修车间",
            "Workshop",
            [
                check(
                    "lift_stands",
                    "举升后使用安全支撑，地沟有防护",
                    "Safety stands after lifting; pits guarded",
                    basis=[ref("安全生产法")],
                    deduction=10,
                ),
                check(
                    "ev_isolation",
                    "新能源车辆维修前断电并检测绝缘",
                    "New-energy vehicles isolated and insulation tested before repair",
                    basis=[ref("安全生产法")],
                    deduction=10,
                ),
                check(
                    "hot_work_approval",
                    "维修动火经审批，油料和油漆专区存放",
                    "Hot work approved; fuels and paints stored apart",
                    basis=[ref("安全生产法")],
                    deduction=5,
                ),
            ],
        ),
        section(
            "maintenance_plan",
            "维护计划",
            "Maintenance plan",
            [
                check(
                    "second_level_maintenance",
                    "车辆按期二级维护和综合性能检测",
                    "Second-level maintenance and performance tests on schedule",
                    basis=[ref("GB 7258-2017")],
                    deduction=15,
                ),
            ],
        ),
    ],
)

FREIGHT = rt_checklist(
    "rt_freight_loading",
    "普通货物装载检查表",
    "General freight loading check",
    operations=["freight"],
    risk_points=["freight_loading"],
    about=text(
        "装车后发车前的装载和捆扎检查。", "Load and securing check before departure."
    ),
    sections=[
        section(
            "load",
            "装载",
            "Load",
            [
                question(
                    "gross_mass",
                    "number",
                    "车货总质量",
                    "Gross mass",
                    unit="t",
                    min=0,
                    max=100,
                ),
                check(
                    "not_overloaded",
                    "不超限超载",
                    "Not overloaded or oversize",
                    basis=[ref("道路交通安全法实施条例")],
                    deduction=20,
                ),
                check(
                    "load_secured",
                    "货物捆扎牢固，篷布完好",
                    "Load secured; covers intact",
                    basis=[ref("GB 7258-2017")],
                    deduction=10,
                ),
                check(
                    "no_people_on_load",
                    "货厢内不载人",
                    "Nobody riding in the load space",
                    basis=[ref("GB 7258-2017")],
                    deduction=10,
                ),
            ],
        ),
    ],
)

CHECKLISTS = [
    VEHICLE_CHECK,
    DRIVER_MANAGEMENT,
    DYNAMIC_MONITORING,
    LONG_DISTANCE,
    TERMINAL,
    HAZMAT,
    WEATHER,
    URBAN_TRANSIT,
    MAINTENANCE,
    FREIGHT,
]

FORMS: list[dict] = []
