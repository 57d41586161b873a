"""Typical risk points of hazardous-chemical enterprises (the pack's risk library).

Equipment, facilities and areas are assessed with the risk matrix (LS, as in
safety-checklist analysis); operations and activities with LEC (as in job
hazard analysis). The inputs are typical suggestions for a plant with its
usual controls in place: each enterprise re-assesses its own points. Points
that involve a major hazard installation (GB 18218-2018) or a criterion of
安监总管三〔2017〕121号 carry the matching direct-determination hint.
"""

from plugins.pack_support.content import event, every, factor, lec, ls, measure, text

OPERATIONS = [
    {
        "key": "storage",
        "name": text(
            "储存（罐区、仓库、有毒液化气体）",
            "Storage (tank farms, warehouses, toxic liquefied gases)",
        ),
        "risk_points": [
            "tank_farm",
            "toxic_liquefied_gas_storage",
            "chemical_warehouse",
        ],
    },
    {
        "key": "loading",
        "name": text("装卸作业", "Loading and unloading"),
        "risk_points": ["loading_unloading"],
    },
    {
        "key": "process",
        "name": text("生产工艺与装置运行", "Processes and plant operation"),
        "risk_points": [
            "hazardous_process_reactor",
            "pressure_piping",
            "pumps_compressors",
            "safety_accessories",
            "startup_shutdown",
            "control_room",
        ],
    },
    {
        "key": "gas_detection",
        "name": text("可燃和有毒气体检测报警", "Combustible and toxic gas detection"),
        "risk_points": ["gas_detection_system"],
    },
    {
        "key": "special_work",
        "name": text("特殊作业", "Special work"),
        "risk_points": [
            "hot_work",
            "confined_space_entry",
            "work_at_height",
            "temporary_power",
            "lifting_work",
            "blind_plate_work",
        ],
    },
    {
        "key": "maintenance",
        "name": text("检维修作业", "Maintenance"),
        "risk_points": ["maintenance_work"],
    },
    {
        "key": "utilities",
        "name": text(
            "公用工程（变配电、污水处理）", "Utilities (power supply, wastewater)"
        ),
        "risk_points": ["substation", "wastewater_treatment"],
    },
]

RISK_POINTS = [
    {
        "key": "tank_farm",
        "name": text("易燃液体储罐区", "Flammable liquid tank farm"),
        "kind": "facility",
        "description": text(
            "常压或内浮顶储罐、防火堤、罐前阀组和收发油管线组成的储存单元，常构成重大危险源。",
            "Atmospheric or internal floating-roof tanks, dike, valve manifolds and transfer lines; often a major hazard installation.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "易燃液体及其蒸气，遇点火源燃烧爆炸",
                "Flammable liquid and vapour that ignite",
                events=["tank_fire_explosion", "tank_overfill"],
            ),
            factor(
                "210104",
                "罐体、阀门、法兰密封不良导致泄漏",
                "Leaking tank shell, valves or flanges",
                events=["tank_fire_explosion"],
            ),
            factor(
                "210105",
                "罐底板、管线腐蚀减薄",
                "Corroded tank floor or lines",
                events=["tank_fire_explosion"],
            ),
            factor(
                "21",
                "静电、雷击及明火等点火源",
                "Static, lightning and open flames as ignition sources",
                events=["tank_fire_explosion"],
            ),
            factor(
                "120201",
                "收发油误操作导致冒罐",
                "Operating error that overfills a tank",
                events=["tank_overfill"],
            ),
            factor(
                "43",
                "液位、切水等操作规程未落实",
                "Level and water-draining procedures not followed",
                events=["tank_overfill"],
            ),
        ],
        "events": [
            event(
                "tank_fire_explosion",
                "储罐泄漏引发火灾、爆炸",
                "Tank leak leading to fire or explosion",
                ["08", "18"],
                *ls(3, 5),
                ["major_hazard_installation"],
                measures=[
                    measure(
                        "tank_dike",
                        "engineering",
                        "防火堤完好、有效容积满足要求，排水阀常闭",
                        "Dike intact with enough volume; drain valve normally closed",
                    ),
                    measure(
                        "tank_online_monitoring",
                        "monitoring",
                        "液位、温度、压力及可燃气体浓度接入DCS并远传",
                        "Level, temperature, pressure and gas readings in the DCS and sent on",
                    ),
                    measure(
                        "tank_video",
                        "video",
                        "罐区全覆盖视频监控",
                        "Video covering the whole tank farm",
                    ),
                    measure(
                        "tank_grounding",
                        "engineering",
                        "防雷防静电接地定期检测合格",
                        "Lightning and static earthing tested on schedule",
                    ),
                    measure(
                        "tank_ppe",
                        "ppe",
                        "防静电工作服、防毒面具，禁带火种和非防爆通讯工具",
                        "Antistatic clothing, respirators; no ignition sources or non-Ex phones",
                    ),
                    measure(
                        "tank_emergency",
                        "emergency",
                        "泡沫、冷却喷淋系统完好，编制储罐泄漏火灾处置方案并演练",
                        "Foam and cooling sprays ready; tank fire scenario plan drilled",
                    ),
                ],
            ),
            event(
                "tank_overfill",
                "冒罐溢流",
                "Tank overfill",
                ["08", "18", "19"],
                *ls(2, 5),
                measures=[
                    measure(
                        "tank_level_interlock",
                        "automation",
                        "高高液位联锁关闭进料阀，罐根设紧急切断阀",
                        "High-high level interlock closes inlet; emergency shut-off valves at tank roots",
                    ),
                    measure(
                        "tank_rounds",
                        "management",
                        "按规定频次巡检；收发油、切水时人员在岗",
                        "Rounds at the set frequency; staff present while transferring or draining water",
                    ),
                    measure(
                        "tank_training",
                        "training",
                        "罐区操作人员岗位培训、收发油规程培训",
                        "Post training and transfer procedures for tank-farm operators",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "hour"),
    },
    {
        "key": "toxic_liquefied_gas_storage",
        "name": text("液氯、液氨储存单元", "Liquid chlorine and ammonia storage"),
        "kind": "facility",
        "description": text(
            "液氯钢瓶库或储罐、液氨储罐及其充装、汽化设施；毒性气体重大危险源。",
            "Liquid chlorine cylinders or tanks, liquid ammonia tanks and their filling and vaporising plant; toxic major hazard installations.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "氯、氨急性毒性和腐蚀性，氨还具可燃性",
                "Acute toxicity and corrosiveness of chlorine and ammonia; ammonia is also flammable",
                events=["toxic_gas_release", "toxic_tank_burst"],
            ),
            factor(
                "210104",
                "阀门、法兰、充装接头密封失效",
                "Failed seals at valves, flanges and filling connections",
                events=["toxic_gas_release"],
            ),
            factor(
                "210101",
                "储罐或钢瓶超装超压",
                "Overfilled or overpressured tanks or cylinders",
                events=["toxic_tank_burst"],
            ),
            factor(
                "120202",
                "未按规程充装、未使用万向管道充装系统",
                "Filling against the procedure or without a universal-joint loading arm",
                events=["toxic_gas_release", "toxic_tank_burst"],
            ),
            factor(
                "45",
                "泄漏应急处置设施和演练不足",
                "Leak response equipment and drills lacking",
                events=["toxic_gas_release"],
            ),
        ],
        "events": [
            event(
                "toxic_gas_release",
                "液氯或液氨泄漏导致中毒",
                "Chlorine or ammonia release causing poisoning",
                ["19"],
                *ls(3, 5),
                ["major_hazard_installation", "ten_or_more_people"],
                measures=[
                    measure(
                        "toxic_sis",
                        "automation",
                        "一级、二级重大危险源配备独立安全仪表系统，紧急切断阀远程可控",
                        "Independent SIS for grade 1 and 2 installations; remotely operated emergency shut-off",
                    ),
                    measure(
                        "toxic_loading_arm",
                        "engineering",
                        "充装采用万向管道充装系统",
                        "Filling through universal-joint loading arms",
                    ),
                    measure(
                        "toxic_absorption",
                        "engineering",
                        "液氯库设事故氯吸收装置，液氨区设喷淋水幕",
                        "Emergency chlorine absorption at the chlorine store; sprays or water curtain at the ammonia area",
                    ),
                    measure(
                        "toxic_detectors",
                        "monitoring",
                        "有毒气体检测报警并联锁启动吸收或喷淋",
                        "Toxic gas detectors interlocked with absorption or sprays",
                    ),
                    measure(
                        "toxic_video",
                        "video",
                        "储存和充装区视频监控",
                        "Video on storage and filling areas",
                    ),
                    measure(
                        "toxic_baobao",
                        "management",
                        "重大危险源落实包保责任制，包保责任人公示",
                        "Accountable persons named and posted for the major hazard source",
                    ),
                    measure(
                        "toxic_training",
                        "training",
                        "毒性气体特性、泄漏处置和正压式空气呼吸器使用培训",
                        "Training on toxic properties, leak response and breathing apparatus",
                    ),
                    measure(
                        "toxic_ppe",
                        "ppe",
                        "现场配备正压式空气呼吸器、重型防化服和防毒面具",
                        "SCBA, gas-tight suits and respirators on site",
                    ),
                    measure(
                        "toxic_emergency",
                        "emergency",
                        "毒性气体泄漏现场处置方案，堵漏工具和应急物资就位",
                        "Toxic release scenario plan; leak-sealing kits and supplies at hand",
                    ),
                ],
            ),
            event(
                "toxic_tank_burst",
                "储罐或钢瓶超压爆裂",
                "Tank or cylinder bursting from overpressure",
                ["17", "19"],
                *ls(2, 5),
                measures=[
                    measure(
                        "toxic_weighing",
                        "management",
                        "充装前后称重复核，严禁超装",
                        "Weighed before and after filling; never overfilled",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "hour"),
    },
    {
        "key": "chemical_warehouse",
        "name": text("危险化学品仓库", "Hazardous chemical warehouse"),
        "kind": "facility",
        "description": text(
            "甲、乙类危险化学品库房及其装卸、搬运区域。",
            "Warehouses for class A and B hazardous chemicals and their handling areas.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "易燃、氧化性、遇湿易燃等危险化学品",
                "Flammable, oxidising and water-reactive chemicals",
                events=["warehouse_fire"],
            ),
            factor(
                "43",
                "未分区分类储存、超量或禁忌物混存",
                "Not stored by zone and class; over quantity or incompatibles together",
                events=["warehouse_fire", "warehouse_poisoning"],
            ),
            factor(
                "31",
                "库房通风不良、温湿度超限",
                "Poor ventilation; temperature or humidity out of range",
                events=["warehouse_fire", "warehouse_poisoning"],
            ),
            factor(
                "21",
                "非防爆电气、搬运撞击摩擦产生火花",
                "Non-Ex electrics; sparks from impact or friction in handling",
                events=["warehouse_fire"],
            ),
        ],
        "events": [
            event(
                "warehouse_fire",
                "危险化学品泄漏或反应引发火灾爆炸",
                "Leak or reaction leading to fire or explosion",
                ["08", "18"],
                *ls(3, 4),
                measures=[
                    measure(
                        "warehouse_explosion_proof",
                        "engineering",
                        "防爆电气、通风和泄压设施，地面防静电",
                        "Ex electrics, ventilation, pressure relief and antistatic floors",
                    ),
                    measure(
                        "warehouse_segregation",
                        "management",
                        "按GB 15603分区分类储存，禁忌物隔离，不超量不超品种",
                        "Zone and class storage per GB 15603; incompatibles apart; within permitted quantity and types",
                    ),
                    measure(
                        "warehouse_monitoring",
                        "monitoring",
                        "温湿度和可燃、有毒气体检测报警",
                        "Temperature, humidity and gas detection",
                    ),
                    measure(
                        "warehouse_video",
                        "video",
                        "库区视频监控",
                        "Video on the warehouse",
                    ),
                    measure(
                        "warehouse_emergency",
                        "emergency",
                        "灭火器材、洗眼器和吸附收容物资，泄漏处置卡",
                        "Extinguishers, eyewash, spill kits and a leak response card",
                    ),
                ],
            ),
            event(
                "warehouse_poisoning",
                "有毒化学品泄漏中毒",
                "Poisoning by a toxic chemical leak",
                ["19"],
                *ls(2, 4),
                measures=[
                    measure(
                        "warehouse_ledger",
                        "management",
                        "出入库登记和双人收发，安全技术说明书齐全",
                        "Entry and issue records, two-person handling, SDS on file",
                    ),
                    measure(
                        "warehouse_training",
                        "training",
                        "仓管员危险化学品特性和禁忌知识培训",
                        "Storekeeper training on properties and incompatibilities",
                    ),
                    measure(
                        "warehouse_ppe",
                        "ppe",
                        "防护手套、护目镜、防毒面具",
                        "Gloves, goggles, respirators",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "loading_unloading",
        "name": text("危险化学品汽车装卸", "Road tanker loading and unloading"),
        "kind": "operation",
        "description": text(
            "易燃液体、液化烃和有毒液化气体的汽车槽车装卸作业。",
            "Loading and unloading road tankers of flammable liquids, liquefied hydrocarbons and toxic liquefied gases.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "易燃、有毒介质",
                "Flammable or toxic media",
                events=["loading_static_fire", "loading_pull_away"],
            ),
            factor(
                "21",
                "静电积聚放电、车辆排气火花",
                "Static discharge and exhaust sparks",
                events=["loading_static_fire"],
            ),
            factor(
                "210104",
                "装卸软管或鹤管连接泄漏",
                "Leaking hoses or loading arms",
                events=["loading_pull_away"],
            ),
            factor(
                "120202",
                "未接静电接地、未熄火、未设止动器即作业",
                "Working without earthing, engine off or wheel chocks",
                events=["loading_static_fire", "loading_pull_away"],
            ),
            factor(
                "1203",
                "装卸过程无人监护",
                "No attendant during transfer",
                events=["loading_pull_away"],
            ),
        ],
        "events": [
            event(
                "loading_static_fire",
                "静电或车辆火花引发火灾爆炸",
                "Fire or explosion from static or vehicle sparks",
                ["08", "18"],
                *lec(3, 6, 15),
                measures=[
                    measure(
                        "loading_static_alarm",
                        "automation",
                        "静电接地报警器与装车泵联锁，溢流报警联锁切断",
                        "Earthing monitor interlocked with the pump; overfill alarm trips the transfer",
                    ),
                    measure(
                        "loading_video",
                        "video",
                        "装卸台视频监控",
                        "Video on the loading bay",
                    ),
                    measure(
                        "loading_ppe",
                        "ppe",
                        "防静电服、防护手套、面屏",
                        "Antistatic clothing, gloves, face shield",
                    ),
                    measure(
                        "loading_emergency",
                        "emergency",
                        "紧急切断按钮、消防设施和泄漏处置程序",
                        "Emergency stop, firefighting kit and leak procedure",
                    ),
                ],
            ),
            event(
                "loading_pull_away",
                "车辆未停稳或误启动拉脱管线泄漏",
                "Vehicle moves and pulls off the hose",
                ["19", "08"],
                *lec(1, 6, 40),
                measures=[
                    measure(
                        "loading_arm",
                        "engineering",
                        "液化烃、液氨、液氯充装采用万向管道充装系统",
                        "Universal-joint loading arms for liquefied hydrocarbons, ammonia and chlorine",
                    ),
                    measure(
                        "loading_procedure",
                        "management",
                        "车辆、驾驶员、押运员资质核查，熄火、止动、接地后方可作业，全程监护",
                        "Check vehicle and crew papers; engine off, chocks and earthing before transfer; attended throughout",
                    ),
                    measure(
                        "loading_training",
                        "training",
                        "装卸工岗位培训和应急演练",
                        "Loader training and drills",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "shift"),
    },
    {
        "key": "hazardous_process_reactor",
        "name": text(
            "重点监管危险化工工艺反应釜",
            "Reactor running a key-supervised hazardous process",
        ),
        "kind": "equipment",
        "description": text(
            "硝化、氯化、氧化、加氢等重点监管危险化工工艺的反应釜及其进料、冷却和泄放系统。",
            "Reactors for key-supervised processes (nitration, chlorination, oxidation, hydrogenation...) with their feed, cooling and relief systems.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "放热反应物料及产物的燃爆和毒性",
                "Flammable, explosive or toxic reactants and products",
                events=["reactor_runaway", "reactor_toxic_release"],
            ),
            factor(
                "2101",
                "冷却失效、搅拌故障、泄放能力不足",
                "Failed cooling or agitation; insufficient relief",
                events=["reactor_runaway"],
            ),
            factor(
                "120201",
                "加料速度、配比误操作",
                "Wrong feed rate or ratio",
                events=["reactor_runaway", "reactor_toxic_release"],
            ),
            factor(
                "43",
                "工艺控制指标和操作规程缺失或未执行",
                "Process limits or operating procedures missing or ignored",
                events=["reactor_runaway"],
            ),
        ],
        "events": [
            event(
                "reactor_runaway",
                "反应失控超温超压导致爆炸",
                "Runaway reaction over temperature and pressure, causing explosion",
                ["17", "18", "08"],
                *ls(3, 5),
                ["violates_law"],
                measures=[
                    measure(
                        "reactor_automation",
                        "automation",
                        "温度、压力、进料与冷却联锁控制，设紧急停车系统并投用",
                        "Temperature, pressure, feed and cooling interlocks; emergency shutdown installed and in service",
                    ),
                    measure(
                        "reactor_relief",
                        "engineering",
                        "安全阀或爆破片、紧急泄放和冷却系统",
                        "Relief valve or bursting disc, emergency venting and cooling",
                    ),
                    measure(
                        "reactor_dcs",
                        "monitoring",
                        "关键工艺参数DCS监控和报警",
                        "Key process parameters monitored and alarmed in the DCS",
                    ),
                    measure(
                        "reactor_hazard_assessment",
                        "management",
                        "开展反应安全风险评估，工艺控制指标受控并定期确认",
                        "Reaction hazard assessment done; process limits controlled and reviewed",
                    ),
                    measure(
                        "reactor_training",
                        "training",
                        "工艺原理、异常工况处置培训，持证上岗",
                        "Training on process chemistry and abnormal situations; certified operators",
                    ),
                ],
            ),
            event(
                "reactor_toxic_release",
                "反应釜泄漏有毒物料",
                "Toxic release from the reactor",
                ["19", "07"],
                *ls(2, 5),
                measures=[
                    measure(
                        "reactor_ppe",
                        "ppe",
                        "防护面屏、耐酸碱手套、防毒面具",
                        "Face shield, chemical gloves, respirator",
                    ),
                    measure(
                        "reactor_emergency",
                        "emergency",
                        "超温超压应急处置卡，紧急停车和撤离演练",
                        "Emergency card for over-temperature and overpressure; shutdown and evacuation drills",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "hour"),
    },
    {
        "key": "pressure_piping",
        "name": text("工艺压力管道", "Process pressure piping"),
        "kind": "equipment",
        "description": text(
            "输送易燃、有毒介质的压力管道、阀门、法兰和管廊。",
            "Pressure piping, valves, flanges and pipe racks carrying flammable or toxic media.",
        ),
        "hazard_factors": [
            factor(
                "210105",
                "管道腐蚀、冲刷减薄",
                "Corrosion and erosion thinning",
                events=["piping_leak_fire", "piping_leak_toxic"],
            ),
            factor(
                "210104",
                "法兰垫片、阀门填料密封失效",
                "Failed gaskets and valve packing",
                events=["piping_leak_fire", "piping_leak_toxic"],
            ),
            factor(
                "210101",
                "焊缝缺陷、超压运行",
                "Weld defects; running above design pressure",
                events=["piping_leak_fire"],
            ),
            factor(
                "43",
                "未按期定期检验",
                "Periodic inspection overdue",
                events=["piping_leak_fire"],
            ),
        ],
        "events": [
            event(
                "piping_leak_fire",
                "管道泄漏引发火灾爆炸",
                "Pipe leak leading to fire or explosion",
                ["08", "18"],
                *ls(3, 4),
                measures=[
                    measure(
                        "piping_inspection",
                        "management",
                        "压力管道登记并按期定期检验，腐蚀部位定点测厚",
                        "Registered and inspected on schedule; thickness measured at corrosion points",
                    ),
                    measure(
                        "piping_supports",
                        "engineering",
                        "管架、支吊架完好，跨越道路处设防撞和限高",
                        "Sound supports; crash protection and height limits at road crossings",
                    ),
                    measure(
                        "piping_ldar",
                        "monitoring",
                        "泄漏检测与修复，关键部位气体检测",
                        "Leak detection and repair; gas detectors at key points",
                    ),
                ],
            ),
            event(
                "piping_leak_toxic",
                "有毒介质管道泄漏中毒灼伤",
                "Toxic or corrosive leak causing poisoning or burns",
                ["19", "07"],
                *ls(2, 4),
                measures=[
                    measure(
                        "piping_training",
                        "training",
                        "巡检人员管道泄漏识别和处置培训",
                        "Training to spot and handle leaks",
                    ),
                    measure(
                        "piping_ppe",
                        "ppe",
                        "巡检时佩戴便携式气体检测仪和防护用品",
                        "Portable gas detector and PPE on rounds",
                    ),
                    measure(
                        "piping_emergency",
                        "emergency",
                        "泄漏隔离阀位图和带压堵漏预案",
                        "Isolation valve map and live leak-sealing plan",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(2, "hour"),
    },
    {
        "key": "pumps_compressors",
        "name": text("机泵与压缩机", "Pumps and compressors"),
        "kind": "equipment",
        "description": text(
            "输送易燃、有毒介质的离心泵、往复泵和压缩机组。",
            "Centrifugal and reciprocating pumps and compressors handling flammable or toxic media.",
        ),
        "hazard_factors": [
            factor(
                "210104",
                "机械密封失效泄漏",
                "Mechanical seal failure",
                events=["pump_seal_fire"],
            ),
            factor(
                "2101",
                "联轴器、皮带等外露转动部件缺少防护",
                "Unguarded couplings, belts and other moving parts",
                events=["pump_entanglement"],
            ),
            factor(
                "21", "噪声和振动", "Noise and vibration", events=["pump_seal_fire"]
            ),
            factor(
                "120202",
                "运转中清理或检修",
                "Cleaning or repairing while running",
                events=["pump_entanglement"],
            ),
        ],
        "events": [
            event(
                "pump_seal_fire",
                "密封泄漏遇点火源着火",
                "Seal leak that ignites",
                ["08"],
                *ls(2, 4),
                measures=[
                    measure(
                        "pump_ex_motor",
                        "engineering",
                        "电机防爆等级符合区域要求，接地可靠",
                        "Motors of the area's explosion-protection grade, reliably earthed",
                    ),
                    measure(
                        "pump_vibration",
                        "monitoring",
                        "关键机组振动、温度在线监测",
                        "Online vibration and temperature on key machines",
                    ),
                    measure(
                        "pump_training",
                        "training",
                        "机泵操作规程和切换培训",
                        "Training on pump operation and changeover",
                    ),
                    measure(
                        "pump_emergency",
                        "emergency",
                        "机泵泄漏着火处置程序和就近灭火器材",
                        "Pump leak-fire procedure and extinguishers nearby",
                    ),
                ],
            ),
            event(
                "pump_entanglement",
                "转动部件绞伤",
                "Caught in moving parts",
                ["03"],
                *lec(1, 6, 7),
                measures=[
                    measure(
                        "pump_guards",
                        "engineering",
                        "联轴器、皮带等转动部件防护罩齐全",
                        "Guards on couplings, belts and other rotating parts",
                    ),
                    measure(
                        "pump_rounds",
                        "management",
                        "巡检密封、润滑和振动，检修执行能量隔离",
                        "Rounds on seals, lubrication and vibration; energy isolation before repair",
                    ),
                    measure(
                        "pump_ppe",
                        "ppe",
                        "耳塞、防护手套，禁止穿戴松散衣物",
                        "Ear plugs, gloves; no loose clothing",
                    ),
                ],
            ),
        ],
        "control_level": "team",
        "inspection_period": every(2, "hour"),
    },
    {
        "key": "safety_accessories",
        "name": text(
            "安全阀、爆破片等安全附件",
            "Safety valves, bursting discs and other safety accessories",
        ),
        "kind": "equipment",
        "description": text(
            "压力容器、管道上的安全阀、爆破片、紧急切断阀、压力表和液位计。",
            "Safety valves, bursting discs, emergency shut-off valves, gauges and level indicators on vessels and piping.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "安全附件失效、超期未校验",
                "Failed accessories or calibration overdue",
                events=["accessory_failure_burst"],
            ),
            factor(
                "120202",
                "安全阀前后切断阀关闭或擅自拆除附件",
                "Block valves shut under a relief valve, or accessories removed",
                events=["accessory_failure_burst"],
            ),
            factor(
                "43",
                "安全附件台账和校验管理缺失",
                "No register or calibration schedule",
                events=["accessory_failure_burst"],
            ),
        ],
        "events": [
            event(
                "accessory_failure_burst",
                "安全附件失效致容器超压爆炸",
                "Vessel overpressure because an accessory failed",
                ["17", "18"],
                *ls(2, 5),
                ["violates_law"],
                measures=[
                    measure(
                        "accessory_calibration",
                        "management",
                        "安全阀每年校验、爆破片按期更换，建立台账",
                        "Relief valves calibrated yearly, bursting discs replaced on schedule, register kept",
                    ),
                    measure(
                        "accessory_lock",
                        "engineering",
                        "安全阀根部切断阀全开并铅封",
                        "Block valves under relief valves locked open",
                    ),
                    measure(
                        "accessory_alarms",
                        "monitoring",
                        "压力超限报警",
                        "Overpressure alarms",
                    ),
                    measure(
                        "accessory_training",
                        "training",
                        "安全附件作用和检查方法培训",
                        "Training on accessories and how to check them",
                    ),
                    measure(
                        "accessory_ppe",
                        "ppe",
                        "校验、拆装时佩戴防护用品",
                        "PPE while testing or removing accessories",
                    ),
                    measure(
                        "accessory_emergency",
                        "emergency",
                        "超压处置程序：紧急泄压、切断进料",
                        "Overpressure procedure: depressurise and cut feed",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "week"),
    },
    {
        "key": "startup_shutdown",
        "name": text("装置开停车", "Plant start-up and shutdown"),
        "kind": "activity",
        "description": text(
            "装置开车、停车、试生产和工艺切换等非正常工况。",
            "Start-up, shutdown, trial production and changeovers.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "开停车阶段物料置换、吹扫不彻底",
                "Incomplete purging during start-up or shutdown",
                events=["startup_explosion", "startup_poisoning"],
            ),
            factor(
                "120102",
                "抢进度违章指挥",
                "Orders that skip steps to save time",
                events=["startup_explosion"],
            ),
            factor(
                "43",
                "无开停车方案或试生产方案",
                "No start-up/shutdown or trial-run plan",
                events=["startup_explosion"],
            ),
            factor(
                "1203",
                "关键步骤确认和监护不到位",
                "Key steps not confirmed or supervised",
                events=["startup_explosion", "startup_poisoning"],
            ),
        ],
        "events": [
            event(
                "startup_explosion",
                "置换不合格或误操作导致火灾爆炸",
                "Fire or explosion from poor purging or an operating error",
                ["08", "18"],
                *lec(1, 3, 100),
                measures=[
                    measure(
                        "startup_plan",
                        "management",
                        "编制并审批开停车方案，试生产方案经专家论证，逐项确认",
                        "Approved start-up/shutdown plan; trial-run plan reviewed by experts; step-by-step sign-off",
                    ),
                    measure(
                        "startup_checks",
                        "engineering",
                        "开车前安全检查、气密试验和置换分析合格",
                        "Pre-start-up safety review, leak test and purge analysis passed",
                    ),
                    measure(
                        "startup_interlocks",
                        "automation",
                        "联锁投用确认，摘除联锁须审批",
                        "Interlocks confirmed in service; bypass only with approval",
                    ),
                    measure(
                        "startup_training",
                        "training",
                        "开停车方案交底和演练",
                        "Briefing and rehearsal of the plan",
                    ),
                ],
            ),
            event(
                "startup_poisoning",
                "开停车排放有毒物料中毒",
                "Poisoning by toxic releases during start-up or shutdown",
                ["19"],
                *lec(1, 3, 40),
                measures=[
                    measure(
                        "startup_ppe",
                        "ppe",
                        "防毒面具、便携式检测仪",
                        "Respirators and portable detectors",
                    ),
                    measure(
                        "startup_emergency",
                        "emergency",
                        "开停车异常处置预案，应急人员现场值守",
                        "Plan for abnormal situations; responders on standby",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "shift"),
    },
    {
        "key": "control_room",
        "name": text("中控室与机柜间", "Control room and rack room"),
        "kind": "area",
        "description": text(
            "DCS、SIS操作站和机柜所在房间，装置运行的指挥中心。",
            "Rooms with the DCS and SIS consoles and cabinets, the plant's command centre.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "面向火灾爆炸危险装置一侧抗爆、防火不满足要求",
                "Side facing fire or explosion hazards not blast- or fire-protected",
                events=["control_room_blast"],
            ),
            factor(
                "21",
                "控制系统无不间断电源",
                "No UPS for the control system",
                events=["control_loss"],
            ),
            factor(
                "110103",
                "长时间监盘视觉疲劳",
                "Visual fatigue from long console shifts",
                events=["control_loss"],
            ),
            factor(
                "120201",
                "误操作、报警处置不当",
                "Operating errors or mishandled alarms",
                events=["control_loss"],
            ),
        ],
        "events": [
            event(
                "control_room_blast",
                "外部爆炸冲击波或火灾波及中控室",
                "Blast wave or fire from the plant reaching the control room",
                ["18", "08"],
                *ls(2, 5),
                measures=[
                    measure(
                        "control_room_blast_proof",
                        "engineering",
                        "按标准进行抗爆设计或改造，门窗朝向满足要求",
                        "Blast-resistant design or retrofit; doors and windows facing away",
                    ),
                    measure(
                        "control_room_ppe",
                        "ppe",
                        "配备正压式空气呼吸器和逃生面具",
                        "SCBA and escape hoods in the room",
                    ),
                    measure(
                        "control_room_emergency",
                        "emergency",
                        "紧急停车程序和撤离路线",
                        "Emergency shutdown procedure and escape route",
                    ),
                ],
            ),
            event(
                "control_loss",
                "失电或误操作导致装置失控",
                "Loss of control from power loss or error",
                ["18", "19"],
                *ls(2, 4),
                measures=[
                    measure(
                        "control_room_ups",
                        "engineering",
                        "控制系统配置不间断电源，双重电源供电",
                        "UPS for control systems; dual power supply",
                    ),
                    measure(
                        "control_room_alarm_management",
                        "management",
                        "报警管理和交接班制度，控制人员数量",
                        "Alarm management and shift handover; limit people present",
                    ),
                    measure(
                        "control_room_video",
                        "video",
                        "关键装置视频画面接入中控室",
                        "Video of key units shown in the control room",
                    ),
                    measure(
                        "control_room_training",
                        "training",
                        "异常工况和紧急停车操作培训",
                        "Training on abnormal situations and emergency shutdown",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "shift"),
    },
    {
        "key": "gas_detection_system",
        "name": text(
            "可燃和有毒气体检测报警系统", "Combustible and toxic gas detection system"
        ),
        "kind": "equipment",
        "description": text(
            "装置、罐区、装卸台和仓库的固定式探测器、报警控制器及其联锁。",
            "Fixed detectors, alarm controllers and their interlocks in units, tank farms, loading bays and warehouses.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "探测器失效、漂移或未按标准设置",
                "Detectors failed, drifting or not placed to the standard",
                events=["detection_failure"],
            ),
            factor(
                "43",
                "未定期标定，报警设定值不符合标准",
                "Not calibrated on schedule; alarm settings off-standard",
                events=["detection_failure"],
            ),
            factor(
                "120202",
                "屏蔽报警或旁路联锁",
                "Alarms masked or interlocks bypassed",
                events=["detection_failure"],
            ),
        ],
        "events": [
            event(
                "detection_failure",
                "泄漏未被及时发现引发火灾爆炸或中毒",
                "Leak not detected in time, leading to fire, explosion or poisoning",
                ["08", "18", "19"],
                *ls(3, 4),
                ["violates_law"],
                measures=[
                    measure(
                        "detector_layout",
                        "engineering",
                        "按GB/T 50493设置可燃和有毒气体探测器，爆炸危险场所电气防爆",
                        "Detectors placed per GB/T 50493; Ex electrics in hazardous areas",
                    ),
                    measure(
                        "detector_signal",
                        "monitoring",
                        "报警信号送至有人值守的控制室并声光报警",
                        "Alarms to a staffed control room with sound and light",
                    ),
                    measure(
                        "detector_calibration",
                        "management",
                        "定期标定并记录，报警设定值受控",
                        "Calibrated on schedule and recorded; settings controlled",
                    ),
                    measure(
                        "detector_training",
                        "training",
                        "报警响应和便携式检测仪使用培训",
                        "Training on alarm response and portable detectors",
                    ),
                    measure(
                        "detector_ppe",
                        "ppe",
                        "巡检配备便携式气体检测仪",
                        "Portable detectors on rounds",
                    ),
                    measure(
                        "detector_emergency",
                        "emergency",
                        "报警响应程序：确认、隔离、疏散",
                        "Alarm response: confirm, isolate, evacuate",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "hot_work",
        "name": text("动火作业", "Hot work"),
        "kind": "operation",
        "description": text(
            "在禁火区进行焊接、切割、打磨等可能产生火焰、火花和炽热表面的作业，分特级、一级、二级。",
            "Welding, cutting, grinding and other work that makes flames, sparks or hot surfaces in a no-fire zone; special, grade 1 and grade 2.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "作业环境中的可燃气体、易燃物料",
                "Combustible gas or flammable material around the work",
                events=["hot_work_fire"],
            ),
            factor(
                "21",
                "明火、焊接飞溅和高温表面",
                "Flames, spatter and hot surfaces",
                events=["hot_work_fire", "hot_work_burn"],
            ),
            factor(
                "120202",
                "无票作业、动火分析不合格或超时",
                "Working without a permit, or with a failed or stale gas test",
                events=["hot_work_fire"],
            ),
            factor(
                "1203",
                "监火人不在场或监护失职",
                "Fire watch absent or inattentive",
                events=["hot_work_fire"],
            ),
        ],
        "events": [
            event(
                "hot_work_fire",
                "动火引燃可燃物导致火灾爆炸",
                "Hot work ignites combustibles, causing fire or explosion",
                ["08", "18"],
                *lec(3, 6, 15),
                measures=[
                    measure(
                        "hot_work_isolation",
                        "engineering",
                        "可靠隔离：加盲板、清洗置换，清除周边可燃物，下水井和地漏封堵",
                        "Isolation by blinds, cleaning and purging; combustibles cleared; drains covered",
                    ),
                    measure(
                        "hot_work_permit",
                        "management",
                        "分级审批动火作业票，作业前气体分析合格，专人监火",
                        "Graded hot-work permit; gas test passed before work; dedicated fire watch",
                    ),
                    measure(
                        "hot_work_gas_test",
                        "monitoring",
                        "作业过程连续或定时气体检测",
                        "Continuous or periodic gas testing during work",
                    ),
                    measure(
                        "hot_work_emergency",
                        "emergency",
                        "现场配备灭火器和消防水带，发现异常立即停止作业",
                        "Extinguishers and hose on site; stop at once on any abnormality",
                    ),
                ],
            ),
            event(
                "hot_work_burn",
                "焊接灼烫",
                "Burns from welding",
                ["07"],
                *lec(3, 6, 3),
                measures=[
                    measure(
                        "hot_work_training",
                        "training",
                        "焊工持证，作业前安全交底",
                        "Certified welders; safety briefing before work",
                    ),
                    measure(
                        "hot_work_ppe",
                        "ppe",
                        "焊接面罩、阻燃服、绝缘手套",
                        "Welding mask, flame-resistant clothing, insulating gloves",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "hour"),
    },
    {
        "key": "confined_space_entry",
        "name": text("受限空间作业", "Confined space entry"),
        "kind": "operation",
        "description": text(
            "进入塔、釜、罐、槽车、管道、地坑、下水道等受限空间的作业。",
            "Entering columns, reactors, tanks, tankers, pipes, pits and sewers.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "残留有毒、易燃物料或缺氧环境",
                "Residual toxic or flammable material; oxygen deficiency",
                events=["confined_poisoning", "confined_fire"],
            ),
            factor(
                "33",
                "进出口狭小、通风不良",
                "Narrow openings and poor ventilation",
                events=["confined_poisoning"],
            ),
            factor(
                "120202",
                "未隔离、未置换通风、未分析即进入",
                "Entering without isolation, purging, ventilation or gas testing",
                events=["confined_poisoning", "confined_fire"],
            ),
            factor(
                "1203",
                "无专人监护或监护人离岗",
                "No attendant or the attendant leaves",
                events=["confined_poisoning"],
            ),
            factor(
                "110402",
                "盲目施救",
                "Untrained rescue attempts",
                events=["confined_poisoning"],
            ),
        ],
        "events": [
            event(
                "confined_poisoning",
                "中毒窒息（含盲目施救扩大伤亡）",
                "Poisoning or asphyxiation, made worse by untrained rescue",
                ["19"],
                *lec(3, 2, 40),
                measures=[
                    measure(
                        "confined_permit",
                        "management",
                        "受限空间作业票，先通风、再检测、后作业，出入人员登记",
                        "Entry permit; ventilate, test, then enter; log people in and out",
                    ),
                    measure(
                        "confined_training",
                        "training",
                        "作业人员和监护人专项培训，严禁盲目施救",
                        "Specific training for entrants and attendants; no untrained rescue",
                    ),
                    measure(
                        "confined_ppe",
                        "ppe",
                        "正压式空气呼吸器或长管呼吸器、安全带和救生绳",
                        "SCBA or airline respirator, harness and lifeline",
                    ),
                    measure(
                        "confined_emergency",
                        "emergency",
                        "监护人全程在场，救援器材就位，救援预案演练",
                        "Attendant present throughout; rescue gear ready; rescue plan drilled",
                    ),
                ],
            ),
            event(
                "confined_fire",
                "受限空间内可燃气体燃爆",
                "Flammable gas ignites inside the space",
                ["18", "08"],
                *lec(1, 3, 40),
                measures=[
                    measure(
                        "confined_isolation",
                        "engineering",
                        "可靠隔离（盲板、断电上锁），清洗置换，强制通风",
                        "Positive isolation (blinds, lock-out), cleaning, purging, forced ventilation",
                    ),
                    measure(
                        "confined_gas_monitoring",
                        "monitoring",
                        "作业中连续监测氧含量和有毒、可燃气体",
                        "Continuous oxygen, toxic and flammable gas monitoring during work",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "hour"),
    },
    {
        "key": "work_at_height",
        "name": text("高处作业", "Work at height"),
        "kind": "operation",
        "description": text(
            "在距坠落基准面2 m及以上有可能坠落的高处进行的作业，如塔器、管廊和罐顶作业。",
            "Work where a fall of 2 m or more is possible: columns, pipe racks, tank roofs.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "脚手架、平台、护栏缺陷",
                "Defective scaffolds, platforms or guardrails",
                events=["height_fall", "height_falling_object"],
            ),
            factor(
                "120202",
                "未系挂安全带、无票作业",
                "No harness attached or no permit",
                events=["height_fall"],
            ),
            factor(
                "32",
                "大风、雨雪、夜间照明不足",
                "High wind, rain or snow, poor lighting at night",
                events=["height_fall", "height_falling_object"],
            ),
            factor(
                "1103",
                "患有高处作业禁忌症人员作业",
                "Workers unfit for work at height",
                events=["height_fall"],
            ),
        ],
        "events": [
            event(
                "height_fall",
                "人员高处坠落",
                "Fall from height",
                ["09"],
                *lec(3, 3, 15),
                measures=[
                    measure(
                        "height_platform",
                        "engineering",
                        "搭设合格脚手架或作业平台，设防护栏和安全网",
                        "Inspected scaffold or platform with guardrails and nets",
                    ),
                    measure(
                        "height_permit",
                        "management",
                        "高处作业票，恶劣天气停止作业",
                        "Work-at-height permit; work stops in bad weather",
                    ),
                    measure(
                        "height_training",
                        "training",
                        "作业人员体检和安全交底",
                        "Medical check and briefing for workers",
                    ),
                    measure(
                        "height_ppe",
                        "ppe",
                        "全身式安全带高挂低用、安全帽、防滑鞋",
                        "Full-body harness anchored high, helmet, non-slip shoes",
                    ),
                    measure(
                        "height_emergency",
                        "emergency",
                        "坠落悬吊救援措施和急救箱",
                        "Suspension rescue arrangements and first-aid kit",
                    ),
                ],
            ),
            event(
                "height_falling_object",
                "工具材料坠落打击",
                "Struck by a falling tool or material",
                ["01"],
                *lec(1, 3, 15),
                measures=[
                    measure(
                        "height_exclusion_zone",
                        "management",
                        "工具材料防坠系挂，下方设警戒区并专人监护",
                        "Tools and materials tethered; cordon below with a watcher",
                    ),
                ],
            ),
        ],
        "control_level": "team",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "temporary_power",
        "name": text("临时用电作业", "Temporary electrical supply"),
        "kind": "operation",
        "description": text(
            "检修、施工期间在正式运行电源上接临时用电线路和设备。",
            "Temporary lines and equipment connected to the plant supply during maintenance or construction.",
        ),
        "hazard_factors": [
            factor(
                "21",
                "漏电、线路破损，爆炸危险区域电气火花",
                "Leakage current, damaged cables, sparks in hazardous areas",
                events=["temp_power_shock", "temp_power_ignition"],
            ),
            factor(
                "120202",
                "非电工接线，无漏电保护",
                "Wiring by non-electricians; no RCD",
                events=["temp_power_shock"],
            ),
            factor(
                "43",
                "未办理临时用电作业票",
                "No temporary power permit",
                events=["temp_power_ignition"],
            ),
        ],
        "events": [
            event(
                "temp_power_shock",
                "人员触电",
                "Electric shock",
                ["05"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "temp_power_rcd",
                        "engineering",
                        "配电箱设漏电保护，一机一闸一保护，爆炸危险区域用防爆电器",
                        "RCD on every board; one switch and protection per device; Ex equipment in hazardous areas",
                    ),
                    measure(
                        "temp_power_training",
                        "training",
                        "用电安全培训",
                        "Electrical safety training",
                    ),
                    measure(
                        "temp_power_ppe",
                        "ppe",
                        "绝缘手套、绝缘鞋",
                        "Insulating gloves and boots",
                    ),
                    measure(
                        "temp_power_emergency",
                        "emergency",
                        "触电急救和断电程序",
                        "Electric shock first aid and isolation procedure",
                    ),
                ],
            ),
            event(
                "temp_power_ignition",
                "电火花引燃可燃气体",
                "Electrical spark ignites flammable gas",
                ["08", "18"],
                *lec(1, 3, 40),
                measures=[
                    measure(
                        "temp_power_permit",
                        "management",
                        "临时用电作业票，持证电工接线，在爆炸危险区域先做气体分析",
                        "Temporary power permit; certified electrician; gas test first in hazardous areas",
                    ),
                ],
            ),
        ],
        "control_level": "team",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "lifting_work",
        "name": text("吊装作业", "Lifting work"),
        "kind": "operation",
        "description": text(
            "在装置区内使用起重机械吊装设备、构件和材料。",
            "Lifting equipment, members and materials with cranes in the plant.",
        ),
        "hazard_factors": [
            factor(
                "210101",
                "吊索具强度不够或报废",
                "Rigging too weak or past discard",
                events=["lifting_drop"],
            ),
            factor(
                "120102",
                "违章指挥、超载起吊",
                "Orders against rules; overloading",
                events=["lifting_drop"],
            ),
            factor(
                "32",
                "大风等恶劣天气",
                "High wind and bad weather",
                events=["lifting_drop"],
            ),
            factor(
                "21",
                "吊物碰撞运行管线和设备",
                "Load striking live lines or equipment",
                events=["lifting_drop"],
            ),
        ],
        "events": [
            event(
                "lifting_drop",
                "吊物坠落或起重机倾覆",
                "Dropped load or crane overturning",
                ["04"],
                *lec(1, 3, 40),
                measures=[
                    measure(
                        "lifting_plan",
                        "management",
                        "分级办理吊装作业票，大型吊装编制吊装方案",
                        "Graded lifting permit; lift plan for heavy lifts",
                    ),
                    measure(
                        "lifting_gear",
                        "engineering",
                        "吊索具检查合格，起重机限位、力矩限制器有效",
                        "Rigging inspected; crane limiters working",
                    ),
                    measure(
                        "lifting_training",
                        "training",
                        "司机、司索、指挥持证上岗",
                        "Certified operator, rigger and signaller",
                    ),
                    measure(
                        "lifting_ppe", "ppe", "安全帽、防护手套", "Helmet and gloves"
                    ),
                    measure(
                        "lifting_emergency",
                        "emergency",
                        "吊装区域警戒，异常立即停吊",
                        "Exclusion zone; stop lifting at once on any abnormality",
                    ),
                ],
            ),
        ],
        "control_level": "team",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "blind_plate_work",
        "name": text("盲板抽堵作业", "Blind plate insertion and removal"),
        "kind": "operation",
        "description": text(
            "在设备、管道上安装或拆卸盲板的作业。",
            "Inserting or removing blind plates in equipment and piping.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "管道内残留有毒、易燃介质",
                "Residual toxic or flammable media in the line",
                events=["blind_release"],
            ),
            factor(
                "120202",
                "未泄压、未办票即拆法兰",
                "Breaking flanges without depressurising or a permit",
                events=["blind_release"],
            ),
            factor(
                "43",
                "盲板位置图和编号管理缺失",
                "No blind list or position drawing",
                events=["blind_release"],
            ),
        ],
        "events": [
            event(
                "blind_release",
                "介质喷出导致中毒、灼烫或火灾",
                "Release causing poisoning, burns or fire",
                ["19", "07", "08"],
                *lec(1, 3, 40),
                measures=[
                    measure(
                        "blind_permit",
                        "management",
                        "盲板抽堵作业票，盲板位置图、编号、挂牌",
                        "Permit, blind position drawing, numbering and tags",
                    ),
                    measure(
                        "blind_depressurise",
                        "engineering",
                        "泄压、排空、置换后作业，使用防爆工具",
                        "Depressurise, drain and purge first; non-sparking tools",
                    ),
                    measure(
                        "blind_training",
                        "training",
                        "作业人员交底",
                        "Briefing for the crew",
                    ),
                    measure(
                        "blind_ppe",
                        "ppe",
                        "防毒面具或空气呼吸器、防护面屏",
                        "Respirator or SCBA, face shield",
                    ),
                    measure(
                        "blind_emergency",
                        "emergency",
                        "专人监护，现场配备应急器材",
                        "Attendant and emergency equipment on site",
                    ),
                ],
            ),
        ],
        "control_level": "team",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "maintenance_work",
        "name": text("设备检维修作业", "Equipment maintenance"),
        "kind": "operation",
        "description": text(
            "装置停车大修、日常检修和承包商作业，常同时涉及多种特殊作业。",
            "Turnarounds, routine repairs and contractor work, often with several special works at once.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "设备内残留危险化学品",
                "Hazardous chemicals left in equipment",
                events=["maintenance_chemical"],
            ),
            factor(
                "21",
                "未隔离的机械、电气和压力能量",
                "Unisolated mechanical, electrical and pressure energy",
                events=["maintenance_mechanical"],
            ),
            factor(
                "120202",
                "未执行能量隔离和上锁挂牌",
                "Lock-out tag-out not applied",
                events=["maintenance_mechanical"],
            ),
            factor(
                "41",
                "承包商资质和人员管理不到位",
                "Contractor qualification and staffing not managed",
                events=["maintenance_mechanical"],
            ),
            factor(
                "43",
                "检修方案和交底缺失",
                "No repair plan or briefing",
                events=["maintenance_mechanical", "maintenance_chemical"],
            ),
        ],
        "events": [
            event(
                "maintenance_mechanical",
                "设备意外启动造成机械伤害",
                "Unexpected start-up injures a worker",
                ["03"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "maintenance_loto",
                        "engineering",
                        "能量隔离、上锁挂牌，隔离效果确认",
                        "Energy isolation, lock-out tag-out, isolation verified",
                    ),
                    measure(
                        "maintenance_plan",
                        "management",
                        "检修方案审批，交出与接收确认，承包商纳入统一管理",
                        "Approved repair plan; hand-over and hand-back sign-off; contractors managed like own staff",
                    ),
                    measure(
                        "maintenance_training",
                        "training",
                        "检修人员和承包商入厂安全培训",
                        "Site induction for repair staff and contractors",
                    ),
                ],
            ),
            event(
                "maintenance_chemical",
                "残留物料喷出造成中毒灼烫",
                "Residual material sprays out, poisoning or burning a worker",
                ["19", "07"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "maintenance_ppe",
                        "ppe",
                        "按风险配备防护用品",
                        "PPE matched to the risks",
                    ),
                    measure(
                        "maintenance_emergency",
                        "emergency",
                        "检修期间应急值守和救援力量",
                        "Emergency cover during the work",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "substation",
        "name": text("变配电室", "Substation and switch room"),
        "kind": "facility",
        "description": text(
            "装置供电的变配电室、双重电源和应急电源。",
            "Switch rooms feeding the plant, dual supplies and emergency power.",
        ),
        "hazard_factors": [
            factor(
                "21",
                "高压带电体、电弧",
                "Live high-voltage parts and arcs",
                events=["substation_shock"],
            ),
            factor(
                "2101",
                "绝缘老化、防护遮栏缺失",
                "Aged insulation, missing barriers",
                events=["substation_shock", "substation_outage"],
            ),
            factor(
                "120202",
                "无票操作或未验电挂地线",
                "Switching without a ticket or without test-before-earth",
                events=["substation_shock"],
            ),
            factor(
                "39",
                "小动物进入、积水",
                "Animals getting in; standing water",
                events=["substation_outage"],
            ),
        ],
        "events": [
            event(
                "substation_shock",
                "电气误操作触电或电弧灼伤",
                "Shock or arc burns from a switching error",
                ["05"],
                *lec(1, 3, 40),
                measures=[
                    measure(
                        "substation_barriers",
                        "engineering",
                        "防小动物挡板、绝缘垫和遮栏齐全",
                        "Animal guards, insulating mats and barriers in place",
                    ),
                    measure(
                        "substation_tickets",
                        "management",
                        "工作票、操作票制度，双人操作监护",
                        "Work and switching tickets; two-person switching",
                    ),
                    measure(
                        "substation_training",
                        "training",
                        "电工持证上岗",
                        "Certified electricians",
                    ),
                    measure(
                        "substation_ppe",
                        "ppe",
                        "绝缘手套、绝缘靴、验电器",
                        "Insulating gloves, boots, voltage tester",
                    ),
                    measure(
                        "substation_first_aid",
                        "emergency",
                        "触电急救和断电程序",
                        "Electric-shock first aid and isolation procedure",
                    ),
                ],
            ),
            event(
                "substation_outage",
                "失电导致装置非计划停车",
                "Power loss tripping the plant",
                ["18", "19"],
                *ls(2, 4),
                measures=[
                    measure(
                        "substation_dual_supply",
                        "engineering",
                        "按标准设置双重电源，配置应急电源和UPS",
                        "Dual supply to the standard; emergency power and UPS",
                    ),
                    measure(
                        "substation_monitoring",
                        "monitoring",
                        "电气参数和温度在线监测",
                        "Online electrical and temperature monitoring",
                    ),
                    measure(
                        "substation_emergency",
                        "emergency",
                        "失电应急预案，保安负荷切换演练",
                        "Power-loss plan; drills of switching essential loads",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "shift"),
    },
    {
        "key": "wastewater_treatment",
        "name": text("污水处理场", "Wastewater treatment"),
        "kind": "facility",
        "description": text(
            "调节池、隔油池、生化池及污泥处理设施，产生硫化氢和可燃气体。",
            "Equalisation, oil-separation and biological tanks and sludge handling, which give off hydrogen sulphide and flammable gas.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "硫化氢、可燃气体积聚",
                "Hydrogen sulphide and flammable gas accumulating",
                events=["wastewater_h2s"],
            ),
            factor(
                "32",
                "池边湿滑、无护栏",
                "Slippery edges without rails",
                events=["wastewater_drowning"],
            ),
            factor(
                "120202",
                "单人进入池体或密闭间作业",
                "Working alone in tanks or enclosed rooms",
                events=["wastewater_h2s", "wastewater_drowning"],
            ),
        ],
        "events": [
            event(
                "wastewater_h2s",
                "硫化氢中毒",
                "Hydrogen sulphide poisoning",
                ["19"],
                *lec(1, 6, 40),
                measures=[
                    measure(
                        "wastewater_covers",
                        "engineering",
                        "池体加盖收集废气",
                        "Basins covered and off-gas collected",
                    ),
                    measure(
                        "wastewater_detectors",
                        "monitoring",
                        "硫化氢和可燃气体检测报警",
                        "H2S and flammable gas detectors",
                    ),
                    measure(
                        "wastewater_rules",
                        "management",
                        "进入池体按受限空间管理，禁止单人作业",
                        "Tank entry treated as confined space; no lone work",
                    ),
                    measure(
                        "wastewater_training",
                        "training",
                        "硫化氢防护和救援培训",
                        "H2S protection and rescue training",
                    ),
                    measure(
                        "wastewater_ppe",
                        "ppe",
                        "便携式硫化氢检测仪、防毒面具",
                        "Portable H2S detector and respirator",
                    ),
                ],
            ),
            event(
                "wastewater_drowning",
                "落入池中淹溺",
                "Falling into a tank and drowning",
                ["06"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "wastewater_guardrails",
                        "engineering",
                        "池边设护栏、盖板和救生圈",
                        "Guardrails, covers and lifebuoys at the basins",
                    ),
                    measure(
                        "wastewater_emergency",
                        "emergency",
                        "落水救援预案，池边配救生衣和救生绳",
                        "Rescue plan for falls into basins; lifejackets and lines at hand",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "shift"),
    },
]
