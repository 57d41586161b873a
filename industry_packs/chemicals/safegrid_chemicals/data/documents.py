"""What the chemicals industry adds to the handbook, post cards and emergency cards.

The core's templates hold the common sections of FACTS §7 (overview, methods,
risk point list, assessments, measures, control levels, four-colour map,
review log; card name, level, factors, measures, PPE, numbers). These are the
sections a hazardous-chemical enterprise adds after them.
"""

from plugins.pack_support.content import doc_section, text

DOCUMENTS = {
    "handbook": [
        doc_section(
            "major_hazard_installations",
            "危险化学品重大危险源辨识与分级",
            "Major hazard installations",
            "按GB 18218-2018划分的生产单元和储存单元，各单元物质、最大量q、临界量Q、S值、α、β、R值和级别，以及包保责任人",
            "Production and storage units per GB 18218-2018 with substances, q, Q, S, α, β, R and grade, and the named accountable persons",
        ),
        doc_section(
            "key_processes",
            "重点监管危险化工工艺",
            "Key-supervised hazardous processes",
            "涉及的工艺名称、重点监控参数、自动化控制和安全仪表系统的配置与投用情况",
            "Processes run, key monitored parameters, automatic control and SIS and whether they are in service",
        ),
        doc_section(
            "key_chemicals",
            "重点监管危险化学品清单",
            "Key-supervised hazardous chemicals",
            "品名、CAS号、危险性类别、最大储存量和所在位置，安全技术说明书索引",
            "Name, CAS number, hazard classes, maximum stock and location, SDS index",
        ),
        doc_section(
            "special_work_control",
            "特殊作业分级管控",
            "Special work control",
            "GB 30871-2022规定的八类特殊作业、作业票审批层级和监护要求",
            "The eight special works of GB 30871-2022, permit approval levels and supervision",
        ),
        doc_section(
            "inspection_frequency",
            "隐患排查频次",
            "Inspection frequency",
            "按应急〔2019〕78号确定的岗位巡检、专业检查、车间、厂级、季节性和节假日排查频次",
            "Rounds, specialist, workshop, plant, seasonal and holiday checks set per 应急〔2019〕78号",
        ),
        doc_section(
            "major_hazard_criteria_self_check",
            "重大事故隐患自查",
            "Major accident hazard self-check",
            "对照安监总管三〔2017〕121号20项的最近一次自查结论和整改情况",
            "Latest result against the 20 items of 安监总管三〔2017〕121号 and the follow-up",
        ),
        doc_section(
            "daily_commitment",
            "安全风险研判与承诺公告",
            "Daily risk judgement and commitment",
            "逐级研判的职责分工、研判内容、公告方式和最近的承诺记录",
            "Who judges what at each level, what is judged, how it is published and the recent commitments",
        ),
        doc_section(
            "external_distance",
            "外部安全防护距离与周边告知",
            "External safety distances and neighbours",
            "周边敏感目标、外部安全防护距离核算结论，以及向相邻单位告知风险和应急措施的记录",
            "Nearby sensitive sites, the external distance result, and the record of telling neighbours the risks and emergency measures",
        ),
    ],
    "post_card": [
        doc_section(
            "chemical_hazards",
            "岗位接触的危险化学品",
            "Hazardous chemicals at this post",
            "品名、GHS象形图、主要理化和毒性危害、职业接触限值",
            "Names, GHS pictograms, main physical and toxic hazards, exposure limits",
        ),
        doc_section(
            "process_limits",
            "关键工艺参数和控制指标",
            "Key process limits",
            "本岗位监控的温度、压力、液位、流量等指标范围和报警值",
            "Ranges and alarm values of the temperatures, pressures, levels and flows this post watches",
        ),
        doc_section(
            "special_work_on_post",
            "本岗位涉及的特殊作业",
            "Special work at this post",
            "可能涉及的特殊作业类型和须办理的作业票",
            "Special work that may occur here and the permits it needs",
        ),
        doc_section(
            "nearby_safety_equipment",
            "就近应急设施",
            "Nearby emergency equipment",
            "气体报警器、洗眼器、紧急喷淋、空气呼吸器和紧急停车按钮的位置",
            "Where the gas alarms, eyewash, safety shower, breathing apparatus and emergency stop are",
        ),
    ],
    "emergency_card": [
        doc_section(
            "leak_isolation",
            "泄漏切断与隔离",
            "Isolating a leak",
            "关闭的阀门和紧急切断按钮，警戒范围，禁止的点火源",
            "Valves and emergency stops to operate, exclusion zone, ignition sources to stop",
        ),
        doc_section(
            "toxic_rescue",
            "中毒窒息救护",
            "Rescue from poisoning",
            "佩戴正压式空气呼吸器、从上风向接近、严禁盲目施救、转移至空气新鲜处",
            "Wear SCBA, approach upwind, no untrained rescue, move the casualty to fresh air",
        ),
        doc_section(
            "emergency_shutdown",
            "紧急停车步骤",
            "Emergency shutdown",
            "本岗位紧急停车的顺序和确认项",
            "This post's emergency shutdown sequence and checks",
        ),
        doc_section(
            "wind_and_assembly",
            "风向与集合点",
            "Wind and assembly point",
            "风向标位置、上风向疏散路线和集合点",
            "Wind sock locations, upwind escape route and assembly point",
        ),
    ],
}

EMERGENCY_CARDS = [
    {
        "key": "ammonia_leak",
        "scenario": text("液氨泄漏", "Liquid ammonia leak"),
        "risk_points": ["toxic_liquefied_gas_storage", "loading_unloading"],
        "signs": text(
            "刺激性气味、白色雾团、氨气报警器报警",
            "Pungent smell, white cloud, ammonia alarm",
        ),
        "steps": [
            {
                "action": text(
                    "佩戴正压式空气呼吸器和防化服，报告中控室",
                    "Put on SCBA and chemical suit; report to the control room",
                ),
                "by": text("发现人", "Whoever finds it"),
            },
            {
                "action": text(
                    "远程关闭紧急切断阀，停止充装和输送",
                    "Close the emergency shut-off remotely; stop filling and transfer",
                ),
                "by": text("当班班长", "Shift leader"),
            },
            {
                "action": text(
                    "启动喷淋水幕稀释，划定警戒区",
                    "Start the water curtain; set the exclusion zone",
                ),
                "by": text("操作工", "Operator"),
            },
            {
                "action": text(
                    "组织下风向人员向上风向疏散，清点人数",
                    "Evacuate people downwind to upwind; count heads",
                ),
                "by": text("安全员", "Safety officer"),
            },
            {
                "action": text(
                    "拨打119、120，向企业应急指挥报告",
                    "Call 119 and 120; report to the company's emergency command",
                ),
                "by": text("中控室", "Control room"),
            },
        ],
        "notes": text(
            "不得用水直接喷射液氨；救人先自保，严禁盲目施救",
            "Never spray water straight onto liquid ammonia; protect yourself first, no untrained rescue",
        ),
    },
    {
        "key": "tank_fire",
        "scenario": text("储罐火灾", "Tank fire"),
        "risk_points": ["tank_farm"],
        "signs": text(
            "火焰、浓烟、可燃气体报警、温度急升",
            "Flames, smoke, gas alarm, rapidly rising temperature",
        ),
        "steps": [
            {
                "action": text(
                    "报警并报告中控室，启动消防系统",
                    "Raise the alarm, report to the control room, start the fire systems",
                ),
                "by": text("发现人", "Whoever finds it"),
            },
            {
                "action": text(
                    "关闭着火罐和相邻罐进出口阀门",
                    "Close inlet and outlet valves of the burning and adjacent tanks",
                ),
                "by": text("当班班长", "Shift leader"),
            },
            {
                "action": text(
                    "启动着火罐和邻近罐冷却喷淋，泡沫灭火",
                    "Cool the burning and adjacent tanks; apply foam",
                ),
                "by": text("操作工", "Operator"),
            },
            {
                "action": text(
                    "关闭防火堤雨水排放阀，防止污染扩散",
                    "Close the dike drain to contain run-off",
                ),
                "by": text("操作工", "Operator"),
            },
            {
                "action": text(
                    "疏散无关人员，引导消防队",
                    "Evacuate others; guide the fire brigade",
                ),
                "by": text("安全员", "Safety officer"),
            },
        ],
        "notes": text(
            "注意沸溢、喷溅征兆，发现时立即撤离",
            "Watch for boil-over signs and withdraw at once if seen",
        ),
    },
    {
        "key": "confined_space_poisoning",
        "scenario": text("受限空间中毒窒息", "Poisoning in a confined space"),
        "risk_points": ["confined_space_entry", "wastewater_treatment"],
        "signs": text(
            "作业人员无应答、检测仪报警、人员倒地",
            "Entrant does not answer, detector alarms, someone collapses",
        ),
        "steps": [
            {
                "action": text(
                    "监护人呼救并报告，严禁未防护进入",
                    "Attendant calls for help; nobody enters unprotected",
                ),
                "by": text("监护人", "Attendant"),
            },
            {
                "action": text("加强强制通风", "Increase forced ventilation"),
                "by": text("监护人", "Attendant"),
            },
            {
                "action": text(
                    "救援人员佩戴空气呼吸器、系救生绳进入施救",
                    "Rescuers enter with SCBA and lifeline",
                ),
                "by": text("救援组", "Rescue team"),
            },
            {
                "action": text(
                    "移至空气新鲜处，心肺复苏，拨打120",
                    "Move to fresh air, start CPR, call 120",
                ),
                "by": text("救援组", "Rescue team"),
            },
        ],
        "notes": text(
            "受限空间事故中盲目施救常使伤亡扩大",
            "Untrained rescue is what usually multiplies confined-space casualties",
        ),
    },
]
