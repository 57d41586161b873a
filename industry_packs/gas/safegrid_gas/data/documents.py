"""What urban gas adds to the handbook, post cards and emergency cards.

The core's templates hold the common sections (FACTS §7). A gas operator's
risks are spread along its network and in its users' homes, so the handbook
adds the network, the user checks and the bottled gas chain.
"""

from plugins.pack_support.content import doc_section, text

DOCUMENTS = {
    "handbook": [
        doc_section(
            "stations",
            "厂站清单",
            "Stations",
            "门站、储配站、LNG、CNG、LPG站的位置、储罐容积、储存量和是否构成重大危险源",
            "Location, tank volumes, stock and major-hazard status of each station",
        ),
        doc_section(
            "network",
            "管网与高后果区",
            "Network and high-consequence areas",
            "各压力级制管网长度、调压设施分布、人员密集和地下空间相邻的高后果区段",
            "Length by pressure class, regulators, and sections next to crowds or underground spaces",
        ),
        doc_section(
            "encroachments_crossings",
            "占压和穿越清单",
            "Encroachments and crossings",
            "保护范围内的占压、敷设在地下设施内或穿越的管段及整治进度",
            "Encroachments, sections inside or crossing underground utilities, and their remediation",
        ),
        doc_section(
            "user_checks",
            "用户安全检查",
            "User safety checks",
            "居民和商业用户安检计划、覆盖率、第九条情形的书面告知和整改跟踪",
            "Check plans, coverage, written notices of Art. 9 situations and their follow-up",
        ),
        doc_section(
            "bottled_gas_chain",
            "瓶装气全链条",
            "Bottled gas chain",
            "充装站、供应站、配送车辆和自有气瓶追溯情况",
            "Filling plants, outlets, delivery vehicles and traceability of own cylinders",
        ),
        doc_section(
            "repair_capacity",
            "抢修能力",
            "Repair capacity",
            "抢修队伍、值班、物资和车辆分布",
            "Crews, duty rota, stock and vehicles",
        ),
        doc_section(
            "major_hazard_criteria_self_check",
            "重大隐患自查",
            "Major hazard self-check",
            "对照建城规〔2023〕4号22项判定标准的自查结论和整改情况",
            "Result against the 22 criteria of 建城规〔2023〕4号 and the follow-up",
        ),
    ],
    "post_card": [
        doc_section(
            "gas_properties",
            "燃气特性",
            "Gas properties",
            "天然气比空气轻、向上聚集；液化石油气比空气重、在低洼处积聚；爆炸极限和臭味识别",
            "Natural gas is lighter than air and rises; LPG is heavier and collects low; explosive limits; recognising the odour",
        ),
        doc_section(
            "ignition_control",
            "火源管控",
            "Ignition control",
            "禁止的火源、防爆工具和防静电要求",
            "Forbidden ignition sources, non-sparking tools, antistatic rules",
        ),
        doc_section(
            "valves_and_shutoffs",
            "紧急切断位置",
            "Emergency shut-offs",
            "本岗位相关的紧急切断阀、总阀和急停按钮位置",
            "Where this post's emergency shut-offs, main valves and stop buttons are",
        ),
    ],
    "emergency_card": [
        doc_section(
            "leak_response",
            "泄漏处置",
            "Leak response",
            "关阀切断气源、严禁开关电器和使用明火、开窗通风、疏散、在安全处报警",
            "Shut the gas off, no switches or flames, ventilate, evacuate, call from a safe place",
        ),
        doc_section(
            "fire_response",
            "着火处置",
            "Fire response",
            "先切断气源再灭火，冷却相邻储罐和气瓶，防止复燃",
            "Shut off the gas before putting out the fire; cool adjacent tanks and cylinders; watch for re-ignition",
        ),
        doc_section(
            "hotline",
            "抢险电话",
            "Emergency line",
            "燃气企业24小时抢险电话和119、120",
            "The operator's 24-hour emergency line, 119 and 120",
        ),
    ],
}

EMERGENCY_CARDS = [
    {
        "key": "user_gas_leak",
        "scenario": text("用户户内燃气泄漏", "Gas leak in a user's home"),
        "risk_points": ["residential_users", "catering_users"],
        "signs": text("闻到燃气臭味、报警器报警", "Smell of gas, alarm sounding"),
        "steps": [
            {
                "action": text(
                    "关闭燃气表前阀或气瓶角阀",
                    "Close the meter valve or the cylinder valve",
                ),
                "by": text("发现人", "Whoever finds it"),
            },
            {
                "action": text(
                    "不开关电器、不使用明火和手机，打开门窗通风",
                    "No switches, flames or phones; open doors and windows",
                ),
                "by": text("发现人", "Whoever finds it"),
            },
            {
                "action": text(
                    "撤离到室外，在安全处拨打燃气抢险电话",
                    "Leave and call the gas emergency line from a safe place",
                ),
                "by": text("发现人", "Whoever finds it"),
            },
            {
                "action": text(
                    "抢修人员到场检测、警戒和处置",
                    "Repair crew tests, cordons and fixes",
                ),
                "by": text("抢修班组", "Repair crew"),
            },
        ],
        "notes": text(
            "液化石油气比空气重，注意检查低洼处和地下空间",
            "LPG is heavier than air: check low places and underground spaces",
        ),
    },
    {
        "key": "station_leak_fire",
        "scenario": text("厂站泄漏着火", "Leak and fire at a station"),
        "risk_points": [
            "gate_station",
            "storage_tanks",
            "lng_unloading",
            "lpg_unloading",
        ],
        "signs": text(
            "报警器报警、嘶嘶声、白雾（液化气体）、火焰",
            "Alarm, hissing, white fog (liquefied gas), flames",
        ),
        "steps": [
            {
                "action": text(
                    "启动紧急切断，停止装卸和进出站作业",
                    "Trigger the emergency shut-off; stop transfer and traffic",
                ),
                "by": text("值班员", "Duty operator"),
            },
            {
                "action": text(
                    "启动消防喷淋冷却储罐，设置警戒",
                    "Start cooling sprays on tanks; cordon off",
                ),
                "by": text("运行班组", "Operating crew"),
            },
            {
                "action": text(
                    "拨打119并报告企业调度中心", "Call 119 and report to dispatch"
                ),
                "by": text("值班长", "Shift leader"),
            },
            {
                "action": text(
                    "疏散站内和周边人员", "Evacuate the station and neighbours"
                ),
                "by": text("安全员", "Safety officer"),
            },
        ],
        "notes": text(
            "气源未切断前不得扑灭稳定燃烧的火焰",
            "Do not put out a steady gas flame before the gas is shut off",
        ),
    },
    {
        "key": "main_struck",
        "scenario": text("第三方施工挖断管道", "Main struck by third-party works"),
        "risk_points": ["third_party_works", "medium_pressure_network"],
        "signs": text(
            "管道破损、燃气喷出、刺鼻气味", "Broken pipe, gas blowing out, strong smell"
        ),
        "steps": [
            {
                "action": text(
                    "停止施工机械，熄灭火源，疏散人员",
                    "Stop machines, remove ignition, evacuate",
                ),
                "by": text("现场监护人", "Site watch"),
            },
            {
                "action": text(
                    "报告调度，关闭上下游阀门",
                    "Report to dispatch; close upstream and downstream valves",
                ),
                "by": text("调度中心", "Dispatch"),
            },
            {
                "action": text(
                    "设置警戒并检测周边建筑和地下空间",
                    "Cordon off; test nearby buildings and underground spaces",
                ),
                "by": text("抢修班组", "Repair crew"),
            },
        ],
        "notes": text(
            "燃气可能沿管沟进入周边建筑，扩大检测范围",
            "Gas can travel along trenches into buildings: widen the testing",
        ),
    },
]
