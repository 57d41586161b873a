"""What road transport adds to the handbook, post cards and emergency cards.

The core's templates hold the common sections (FACTS §7). A transport
enterprise's risks move with its vehicles, so its handbook adds lines,
vehicles and drivers; its cards are carried in the cab.
"""

from plugins.pack_support.content import doc_section, text

DOCUMENTS = {
    "handbook": [
        doc_section(
            "lines_and_routes",
            "客运班线和运输线路风险",
            "Lines and routes",
            "班线和固定线路的里程、危险路段（长下坡、急弯、临水临崖、团雾）、停车休息和接驳点，800公里及以上班线的风险评估结论",
            "Length, dangerous sections (long descents, sharp bends, water or cliff edges, fog patches), rest and relay points; the risk assessment of lines of 800 km or more",
        ),
        doc_section(
            "vehicle_register",
            "营运车辆台账",
            "Vehicle register",
            "车辆类别、技术等级、检验和二级维护日期、卫星定位终端和视频装置状态",
            "Type, technical grade, test and maintenance dates, terminal and video status",
        ),
        doc_section(
            "driver_register",
            "驾驶员台账",
            "Driver register",
            "从业资格、体检、违法记分、安全教育和考核记录",
            "Qualifications, medicals, penalty points, training and appraisals",
        ),
        doc_section(
            "dangerous_goods_scope",
            "危险货物运输范围",
            "Dangerous goods carried",
            "经营的危险货物类别、罐车适装介质清单、装货人和收货人",
            "Classes carried, approved media of each tanker, consignors and consignees",
        ),
        doc_section(
            "monitoring_rules",
            "动态监控制度",
            "Dynamic monitoring rules",
            "监控人员配备、报警处置流程、违法行为处理和一个月内的闭环记录",
            "Monitoring staffing, alarm handling, treatment of breaches and their close-out within a month",
        ),
        doc_section(
            "weather_stop_plan",
            "恶劣天气停运预案",
            "Severe-weather stop plan",
            "各类气象预警级别对应的调整和停运措施",
            "What is adjusted or stopped at each warning type and level",
        ),
        doc_section(
            "major_hazard_criteria_self_check",
            "重大事故隐患自查",
            "Major accident hazard self-check",
            "对照交办运〔2023〕52号已载入条目的自查结论和整改情况",
            "Result against the loaded items of 交办运〔2023〕52号 and the follow-up",
        ),
    ],
    "post_card": [
        doc_section(
            "route_hazards",
            "本线路危险路段",
            "Dangerous sections on this route",
            "线路上的急弯、长下坡、事故多发点和休息点",
            "Sharp bends, long descents, black spots and rest points on the route",
        ),
        doc_section(
            "driving_time_rules",
            "驾驶时间规定",
            "Driving time rules",
            "连续驾驶和休息要求、凌晨2时至5时停车或接驳要求",
            "Continuous driving and break rules; the 02:00-05:00 stop or relay rule",
        ),
        doc_section(
            "cargo_hazards",
            "所运货物危险特性",
            "Hazards of the goods carried",
            "危险货物的类别、联合国编号和主要危险（危货车辆）",
            "Class, UN number and main hazards of the goods (dangerous goods vehicles)",
        ),
    ],
    "emergency_card": [
        doc_section(
            "crash_response",
            "交通事故处置",
            "Crash response",
            "开启危险报警灯、设置警告标志、疏散乘客到护栏外、报警122/120",
            "Hazard lights, warning triangle, passengers behind the barrier, call 122/120",
        ),
        doc_section(
            "vehicle_fire_response",
            "车辆火灾处置",
            "Vehicle fire",
            "靠边停车熄火、打开车门和应急窗、组织乘客撤离、使用灭火器初期扑救、报警119",
            "Pull over, engine off, open doors and emergency windows, evacuate, first-aid firefighting, call 119",
        ),
        doc_section(
            "dangerous_goods_leak",
            "危险货物泄漏处置",
            "Dangerous goods leak",
            "关闭紧急切断阀、设置警戒、上风向撤离、按运单和安全卡报告",
            "Close the emergency shut-off, cordon off, move upwind, report using the waybill and safety card",
        ),
        doc_section(
            "company_contacts",
            "企业报告电话",
            "Company contacts",
            "监控中心、安全管理人员和承运企业应急电话",
            "Monitoring centre, safety managers and the company's emergency line",
        ),
    ],
}

EMERGENCY_CARDS = [
    {
        "key": "coach_fire",
        "scenario": text("客车火灾", "Coach fire"),
        "risk_points": ["long_distance_coach", "operating_vehicles", "city_bus"],
        "signs": text(
            "烟雾、焦糊味、仪表报警、乘客呼救",
            "Smoke, burning smell, dashboard alarm, passengers calling out",
        ),
        "steps": [
            {
                "action": text(
                    "立即靠边停车、熄火、拉手刹，打开所有车门",
                    "Pull over, engine off, handbrake on, open all doors",
                ),
                "by": text("驾驶员", "Driver"),
            },
            {
                "action": text(
                    "组织乘客从车门和应急窗撤离到安全地带",
                    "Get passengers out through doors and emergency windows to a safe place",
                ),
                "by": text("驾驶员、乘务员", "Driver and attendant"),
            },
            {
                "action": text(
                    "用车载灭火器扑救初期火灾",
                    "Fight the early fire with the on-board extinguishers",
                ),
                "by": text("驾驶员", "Driver"),
            },
            {
                "action": text(
                    "拨打119、120，报告企业监控中心",
                    "Call 119 and 120; report to the monitoring centre",
                ),
                "by": text("乘务员", "Attendant"),
            },
        ],
        "notes": text(
            "先救人后救车；不要返回车内取行李",
            "People before the vehicle; nobody goes back for luggage",
        ),
    },
    {
        "key": "tanker_leak",
        "scenario": text("罐车泄漏", "Tanker leak"),
        "risk_points": ["hazmat_tanker"],
        "signs": text("气味、液体滴漏、压力异常", "Smell, dripping, abnormal pressure"),
        "steps": [
            {
                "action": text(
                    "选择安全地点停车，熄火，关闭紧急切断阀",
                    "Stop at a safe place, engine off, close the emergency shut-off",
                ),
                "by": text("驾驶员", "Driver"),
            },
            {
                "action": text(
                    "设置警戒区，禁止烟火，人员向上风向撤离",
                    "Cordon off, no ignition, move people upwind",
                ),
                "by": text("押运员", "Escort"),
            },
            {
                "action": text(
                    "报警119并报告企业，说明货物名称和联合国编号",
                    "Call 119 and the company; give the goods' name and UN number",
                ),
                "by": text("押运员", "Escort"),
            },
        ],
        "notes": text(
            "无防护不得堵漏；按货物安全卡要求处置",
            "No leak sealing without protection; follow the goods' safety card",
        ),
    },
]
