"""Typical risk points of a building or municipal construction site.

Assessed with LEC, as construction job hazard analysis usually is. The
inputs are suggestions for a site with its usual controls: each project
re-assesses its own points. ``company`` is the contractor's head office or
project leader, ``workshop`` the project department (项目部), ``team`` the
work team. Dangerous sub-divisional works (危大工程, 住房城乡建设部令第37号)
are marked with the direct-determination hint where a breach is a major
accident hazard under 建质规〔2024〕5号.
"""

from plugins.pack_support.content import event, every, factor, lec, measure, text

OPERATIONS = [
    {
        "key": "site_management",
        "name": text("安全管理与文明施工", "Safety management and site order"),
        "risk_points": ["temporary_buildings", "hot_work"],
    },
    {
        "key": "excavation",
        "name": text("基坑与土方工程", "Excavation and earthworks"),
        "risk_points": ["deep_excavation", "temporary_load"],
    },
    {
        "key": "formwork",
        "name": text("模板工程及支撑体系", "Formwork and falsework"),
        "risk_points": ["formwork_support"],
    },
    {
        "key": "scaffolding",
        "name": text("脚手架工程", "Scaffolding"),
        "risk_points": ["scaffold", "attached_lifting_scaffold", "suspended_platform"],
    },
    {
        "key": "hoisting",
        "name": text("起重机械与吊装", "Cranes, hoists and lifting"),
        "risk_points": [
            "tower_crane",
            "construction_hoist",
            "material_hoist",
            "lifting_operation",
            "heavy_mobile_machinery",
        ],
    },
    {
        "key": "electricity",
        "name": text("施工临时用电", "Temporary electricity"),
        "risk_points": ["temporary_power"],
    },
    {
        "key": "work_at_height",
        "name": text("高处作业", "Work at height"),
        "risk_points": ["edges_openings", "steel_structure"],
    },
    {
        "key": "machinery",
        "name": text("施工机具", "Construction machinery and tools"),
        "risk_points": ["construction_machinery"],
    },
    {
        "key": "confined_space",
        "name": text("有限空间作业", "Confined space work"),
        "risk_points": ["confined_space"],
    },
    {
        "key": "demolition",
        "name": text("拆除工程", "Demolition"),
        "risk_points": ["demolition"],
    },
    {
        "key": "tunnel",
        "name": text("隧道与暗挖工程", "Tunnelling"),
        "risk_points": ["tunnel"],
    },
]

RISK_POINTS = [
    {
        "key": "deep_excavation",
        "name": text("深基坑工程", "Deep excavation"),
        "kind": "operation",
        "description": text(
            "开挖深度3 m及以上的基坑土方开挖、支护和降水属危大工程，5 m及以上属超过一定规模的危大工程。",
            "Excavation, support and dewatering of pits 3 m deep or more are dangerous works; 5 m or more exceed the scale that needs expert review.",
        ),
        "hazard_factors": [
            factor(
                "210103",
                "支护结构变形过大、失稳",
                "Support deforming too much or losing stability",
                events=["excavation_collapse"],
            ),
            factor(
                "33",
                "地下水、流砂、管涌",
                "Groundwater, running sand, piping",
                events=["excavation_collapse"],
            ),
            factor(
                "120202",
                "超挖、未按方案分层分段开挖",
                "Over-excavation; not digging in the layers and sections the scheme sets",
                events=["excavation_collapse"],
            ),
            factor(
                "43",
                "未开展第三方监测或预警未处置",
                "No third-party monitoring, or warnings not acted on",
                events=["excavation_collapse"],
            ),
            factor(
                "2101",
                "坑边临边防护缺失",
                "Missing edge protection",
                events=["excavation_fall"],
            ),
        ],
        "events": [
            event(
                "excavation_collapse",
                "基坑坍塌，周边建筑和管线受损",
                "Pit collapse damaging nearby buildings and pipes",
                ["10"],
                *lec(1, 6, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "excavation_scheme",
                        "management",
                        "专项施工方案编制审核，超过一定规模的组织专家论证，按方案分层分段开挖",
                        "Special scheme prepared and reviewed, expert review where required; dig in the layers and sections set",
                    ),
                    measure(
                        "excavation_support",
                        "engineering",
                        "支护、降排水按设计施工，周边建筑和管线专项保护",
                        "Support and dewatering built as designed; special protection of nearby buildings and pipes",
                    ),
                    measure(
                        "excavation_monitoring",
                        "monitoring",
                        "第三方监测和施工方巡查，位移、沉降、水位超限预警",
                        "Third-party monitoring and site patrols; alerts on movement, settlement and water level",
                    ),
                    measure(
                        "excavation_emergency",
                        "emergency",
                        "坍塌预警时立即停工撤人，抢险物资（砂袋、钢支撑）就位",
                        "Stop and evacuate on a collapse warning; sandbags and steel props ready",
                    ),
                ],
            ),
            event(
                "excavation_fall",
                "人员坠入基坑",
                "Falling into the pit",
                ["09"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "excavation_edges",
                        "engineering",
                        "坑边防护栏杆、上下通道和夜间警示灯",
                        "Edge guardrails, access stairs and night warning lights",
                    ),
                    measure(
                        "excavation_training",
                        "training",
                        "作业人员安全技术交底",
                        "Safety briefing for the crew",
                    ),
                    measure(
                        "excavation_ppe",
                        "ppe",
                        "安全帽、反光背心",
                        "Helmets and high-visibility vests",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "temporary_load",
        "name": text("施工临时堆载", "Temporary stockpiles and loads"),
        "kind": "area",
        "description": text(
            "基坑周边、楼板、屋面、地下室顶板和脚手架上的材料、土方和设备堆载。",
            "Materials, spoil and plant stacked around pits and on slabs, roofs, basement roofs and scaffolds.",
        ),
        "hazard_factors": [
            factor(
                "210101",
                "楼板、顶板或脚手架承载力不足",
                "Slab, roof or scaffold too weak for the load",
                events=["overload_collapse"],
            ),
            factor(
                "120202",
                "超设计允许值堆载，无支护坑边近距离堆土",
                "Loads above the design allowance; spoil close to an unsupported trench",
                events=["overload_collapse"],
            ),
            factor(
                "43",
                "堆载限值未公示",
                "Load limits not posted",
                events=["overload_collapse"],
            ),
        ],
        "events": [
            event(
                "overload_collapse",
                "超载导致坑壁或结构坍塌",
                "Overload collapsing a pit wall or structure",
                ["10"],
                *lec(1, 3, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "load_limits_posted",
                        "management",
                        "明确并公示堆载限值，堆载区划线",
                        "Load limits set and posted; stacking areas marked",
                    ),
                    measure(
                        "load_spread",
                        "engineering",
                        "大型设备和材料分散堆放，必要时加设支撑",
                        "Spread heavy loads; add props where needed",
                    ),
                    measure(
                        "load_training",
                        "training",
                        "材料员、机械司机交底",
                        "Briefing for storekeepers and drivers",
                    ),
                    measure("load_ppe", "ppe", "安全帽", "Helmets"),
                    measure(
                        "load_emergency",
                        "emergency",
                        "发现裂缝、变形立即卸载撤人",
                        "Unload and evacuate on cracks or deformation",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "formwork_support",
        "name": text("高大模板支撑体系", "High formwork support"),
        "kind": "operation",
        "description": text(
            "搭设高度5 m及以上的混凝土模板支撑属危大工程，8 m及以上等情形属超过一定规模的危大工程。",
            "Formwork supports 5 m high or more are dangerous works; 8 m or more (and other cases) exceed the scale that needs expert review.",
        ),
        "hazard_factors": [
            factor(
                "210103",
                "立杆间距、扫地杆、剪刀撑不符合方案，架体失稳",
                "Standard spacing, sweeping poles or bracing off-scheme; frame unstable",
                events=["formwork_collapse"],
            ),
            factor(
                "210101",
                "地基承载力不足、构配件材质不合格",
                "Weak foundation; substandard components",
                events=["formwork_collapse"],
            ),
            factor(
                "120202",
                "超载浇筑、未按方案顺序浇筑，混凝土未达强度拆模",
                "Overloaded or out-of-sequence pouring; striking before the concrete is strong enough",
                events=["formwork_collapse"],
            ),
            factor(
                "43",
                "未验收即浇筑",
                "Pouring before acceptance",
                events=["formwork_collapse"],
            ),
            factor(
                "2101",
                "搭拆作业层无防护栏杆、安全网",
                "No guardrails or nets at the working level while erecting or striking",
                events=["formwork_fall"],
            ),
        ],
        "events": [
            event(
                "formwork_collapse",
                "模板支撑体系坍塌",
                "Formwork support collapse",
                ["10"],
                *lec(1, 6, 40),
                ["violates_law", "ten_or_more_people"],
                measures=[
                    measure(
                        "formwork_scheme",
                        "management",
                        "专项方案和专家论证，搭设完成经验收合格后浇筑",
                        "Special scheme and expert review; pour only after acceptance",
                    ),
                    measure(
                        "formwork_construction",
                        "engineering",
                        "基础、立杆、水平杆、剪刀撑和顶托按方案设置",
                        "Foundation, standards, ledgers, bracing and jacks as the scheme sets",
                    ),
                    measure(
                        "formwork_monitoring",
                        "monitoring",
                        "浇筑过程监测架体沉降和位移",
                        "Monitor settlement and movement while pouring",
                    ),
                    measure(
                        "formwork_emergency",
                        "emergency",
                        "浇筑时架体下方禁止站人，异常立即撤离",
                        "Nobody under the falsework while pouring; leave at once on any sign",
                    ),
                ],
            ),
            event(
                "formwork_fall",
                "搭拆时人员坠落",
                "Fall while erecting or dismantling",
                ["09"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "formwork_training",
                        "training",
                        "架子工持证，浇筑前交底",
                        "Certified scaffolders; briefing before pouring",
                    ),
                    measure(
                        "formwork_ppe", "ppe", "安全带、安全帽", "Harnesses and helmets"
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "scaffold",
        "name": text("落地式和悬挑式脚手架", "Ground-based and cantilever scaffolds"),
        "kind": "facility",
        "description": text(
            "扣件式、盘扣式等落地式作业脚手架和型钢悬挑脚手架。",
            "Coupler and disc-lock scaffolds on the ground and steel cantilever scaffolds.",
        ),
        "hazard_factors": [
            factor(
                "210103",
                "连墙件缺失、立杆基础沉降导致失稳",
                "Missing wall ties or settling bases making the frame unstable",
                events=["scaffold_collapse"],
            ),
            factor(
                "2101",
                "脚手板、防护栏杆、安全网缺失",
                "Missing boards, guardrails or nets",
                events=["scaffold_fall"],
            ),
            factor(
                "120202",
                "随意拆除连墙件、超载堆料",
                "Removing ties at will; overloading",
                events=["scaffold_collapse"],
            ),
            factor(
                "32",
                "大风、雨雪天气",
                "High wind, rain and snow",
                events=["scaffold_collapse", "scaffold_fall"],
            ),
        ],
        "events": [
            event(
                "scaffold_collapse",
                "脚手架整体或局部坍塌",
                "Scaffold collapse",
                ["10"],
                *lec(1, 6, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "scaffold_scheme",
                        "management",
                        "专项方案，分段验收挂牌使用",
                        "Special scheme; accepted and tagged section by section",
                    ),
                    measure(
                        "scaffold_ties",
                        "engineering",
                        "连墙件按方案设置，基础坚实排水通畅",
                        "Wall ties as the scheme sets; firm, drained base",
                    ),
                    measure(
                        "scaffold_emergency",
                        "emergency",
                        "六级及以上大风停止作业，险情时疏散",
                        "Stop in wind of force 6 or more; evacuate on danger",
                    ),
                ],
            ),
            event(
                "scaffold_fall",
                "作业人员从脚手架坠落",
                "Fall from the scaffold",
                ["09"],
                *lec(3, 6, 7),
                measures=[
                    measure(
                        "scaffold_guarding",
                        "engineering",
                        "满铺脚手板、设防护栏杆和挡脚板、密目网封闭",
                        "Fully boarded with guardrails, toe boards and mesh",
                    ),
                    measure(
                        "scaffold_training",
                        "training",
                        "架子工持证上岗",
                        "Certified scaffolders",
                    ),
                    measure(
                        "scaffold_ppe", "ppe", "安全带高挂低用", "Harness anchored high"
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "attached_lifting_scaffold",
        "name": text("附着式升降脚手架", "Attached lifting scaffold"),
        "kind": "equipment",
        "description": text(
            "附着在建筑结构上、依靠升降设备随结构施工逐层升降的脚手架。",
            "A scaffold fixed to the structure that climbs storey by storey with its own lifting gear.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "防倾覆、防坠落、同步升降控制装置失效",
                "Anti-tilt, anti-fall or synchronous-lift devices failed",
                events=["climbing_scaffold_fall"],
            ),
            factor(
                "210101",
                "附着支座和穿墙螺栓强度不足",
                "Weak attachment supports or through-bolts",
                events=["climbing_scaffold_fall"],
            ),
            factor(
                "120202",
                "升降时架体上站人、未验收即使用",
                "People on the frame during a lift; used before acceptance",
                events=["climbing_scaffold_fall"],
            ),
        ],
        "events": [
            event(
                "climbing_scaffold_fall",
                "架体坠落",
                "The frame falls",
                ["09", "10"],
                *lec(1, 3, 100),
                ["violates_law", "ten_or_more_people"],
                measures=[
                    measure(
                        "climbing_devices",
                        "engineering",
                        "防倾覆、防坠落和同步控制装置齐全有效",
                        "Anti-tilt, anti-fall and synchronous control devices in place and working",
                    ),
                    measure(
                        "climbing_acceptance",
                        "management",
                        "每次升降前后检查验收，专业队伍操作",
                        "Inspected and accepted before and after each lift; specialist crew",
                    ),
                    measure(
                        "climbing_load_monitoring",
                        "monitoring",
                        "升降荷载和同步性监控",
                        "Lift load and synchronism monitored",
                    ),
                    measure(
                        "climbing_training",
                        "training",
                        "操作人员专项培训",
                        "Specific training for operators",
                    ),
                    measure("climbing_ppe", "ppe", "安全带", "Harnesses"),
                    measure(
                        "climbing_emergency",
                        "emergency",
                        "升降时架体下方警戒、架上无人",
                        "Cordon below and nobody on the frame during lifts",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "suspended_platform",
        "name": text("高处作业吊篮", "Suspended work platform (gondola)"),
        "kind": "equipment",
        "description": text(
            "外墙装饰、清洗等使用的电动吊篮。",
            "Powered gondolas for facade work and cleaning.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "安全锁失效、配重不足",
                "Failed safety lock or too little counterweight",
                events=["gondola_fall"],
            ),
            factor(
                "120202",
                "超载、安全绳未独立设置",
                "Overloading; lifeline not independent",
                events=["gondola_fall"],
            ),
            factor(
                "32", "大风天气作业", "Working in high wind", events=["gondola_fall"]
            ),
        ],
        "events": [
            event(
                "gondola_fall",
                "吊篮坠落或倾翻",
                "Gondola falls or tips",
                ["09"],
                *lec(3, 6, 15),
                ["violates_law"],
                measures=[
                    measure(
                        "gondola_locks",
                        "engineering",
                        "安全锁在标定有效期内，配重固定可靠",
                        "Safety lock within calibration; counterweight fixed",
                    ),
                    measure(
                        "gondola_lifeline",
                        "engineering",
                        "安全带系挂在独立设置的安全绳上",
                        "Harness on an independent lifeline",
                    ),
                    measure(
                        "gondola_acceptance",
                        "management",
                        "安装验收，限载标识，班前检查",
                        "Acceptance after installation, load limit sign, pre-shift check",
                    ),
                    measure(
                        "gondola_training",
                        "training",
                        "操作人员培训合格",
                        "Trained operators",
                    ),
                    measure(
                        "gondola_ppe", "ppe", "安全带、安全帽", "Harness and helmet"
                    ),
                    measure(
                        "gondola_emergency",
                        "emergency",
                        "停电或故障时的手动下降和救援程序",
                        "Manual descent and rescue on power loss or fault",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "tower_crane",
        "name": text("塔式起重机", "Tower crane"),
        "kind": "equipment",
        "description": text(
            "施工现场塔式起重机的安装、顶升、附着、使用和拆卸。",
            "Erection, climbing, tying, use and dismantling of tower cranes.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "力矩限制器、起重量限制器、限位装置失效",
                "Failed moment, load or travel limiters",
                events=["crane_overturn", "crane_dropped_load"],
            ),
            factor(
                "210101",
                "主要结构件裂纹、螺栓销轴缺失",
                "Cracked main members; missing bolts or pins",
                events=["crane_overturn"],
            ),
            factor(
                "210103",
                "基础不符合设计，附着间距、自由高度超限",
                "Foundation not as designed; tie spacing or free height exceeded",
                events=["crane_overturn"],
            ),
            factor(
                "120102",
                "违章指挥、斜拉歪吊",
                "Orders against rules; side pulls",
                events=["crane_dropped_load"],
            ),
            factor("32", "大风天气", "High wind", events=["crane_overturn"]),
        ],
        "events": [
            event(
                "crane_overturn",
                "塔机倾覆或结构折断",
                "Crane overturns or its structure breaks",
                ["04"],
                *lec(1, 6, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "crane_registration",
                        "management",
                        "产权备案、安装告知、验收合格并办理使用登记",
                        "Ownership filed, erection notified, accepted and registered before use",
                    ),
                    measure(
                        "crane_safety_devices",
                        "engineering",
                        "安全装置齐全有效，每日班前检查",
                        "Safety devices complete and checked every shift",
                    ),
                    measure(
                        "crane_monitoring",
                        "monitoring",
                        "安全监控系统实时监测载荷、力矩、风速和群塔防碰撞",
                        "Monitoring system for load, moment, wind speed and anti-collision",
                    ),
                    measure(
                        "crane_emergency",
                        "emergency",
                        "大风预警停用并松开回转制动，倾覆险情疏散",
                        "Stop on wind warnings with slewing brake released; evacuate on danger",
                    ),
                ],
            ),
            event(
                "crane_dropped_load",
                "吊物坠落伤人",
                "Dropped load hits someone",
                ["04"],
                *lec(1, 6, 15),
                measures=[
                    measure("crane_video", "video", "吊钩可视化", "Hook camera"),
                    measure(
                        "crane_training",
                        "training",
                        "司机、信号工、司索工持证上岗",
                        "Certified operators, signallers and riggers",
                    ),
                    measure(
                        "crane_ppe",
                        "ppe",
                        "安全帽、安全带（高处检修）",
                        "Helmet; harness for work aloft",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "construction_hoist",
        "name": text("施工升降机", "Construction hoist"),
        "kind": "equipment",
        "description": text(
            "载人载货施工升降机。", "Passenger and goods construction hoists."
        ),
        "hazard_factors": [
            factor(
                "2101",
                "防坠安全器超期、限位失效",
                "Anti-fall device overdue; limits failed",
                events=["hoist_fall"],
            ),
            factor(
                "210103",
                "附墙间距、自由端高度超限，标准节螺栓缺失",
                "Tie spacing or free height exceeded; mast bolts missing",
                events=["hoist_fall"],
            ),
            factor(
                "120202",
                "超载、无证驾驶",
                "Overloading; uncertified driver",
                events=["hoist_fall"],
            ),
        ],
        "events": [
            event(
                "hoist_fall",
                "吊笼坠落",
                "Cage falls",
                ["04"],
                *lec(1, 6, 40),
                ["violates_law", "ten_or_more_people"],
                measures=[
                    measure(
                        "hoist_anti_fall",
                        "engineering",
                        "防坠安全器在有效标定期内，坠落试验合格",
                        "Anti-fall device within calibration; drop test passed",
                    ),
                    measure(
                        "hoist_acceptance",
                        "management",
                        "验收登记，每日检查，限载限员标识",
                        "Accepted and registered; daily checks; load and people limits posted",
                    ),
                    measure(
                        "hoist_monitoring",
                        "monitoring",
                        "载重、楼层和驾驶员身份识别监控",
                        "Load, floor and driver identification monitoring",
                    ),
                    measure(
                        "hoist_training",
                        "training",
                        "司机持证上岗",
                        "Certified drivers",
                    ),
                    measure("hoist_ppe", "ppe", "安全帽", "Helmets"),
                    measure(
                        "hoist_emergency",
                        "emergency",
                        "困人和坠落应急救援程序",
                        "Rescue procedure for trapped people and falls",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "material_hoist",
        "name": text("物料提升机", "Material hoist"),
        "kind": "equipment",
        "description": text(
            "只运物料的龙门架或井架提升机。", "Goods-only gantry or shaft hoists."
        ),
        "hazard_factors": [
            factor(
                "2101",
                "停层、防坠、限位装置缺失",
                "Missing landing stops, anti-fall or limits",
                events=["material_hoist_accident"],
            ),
            factor(
                "120202",
                "违规乘人",
                "People riding",
                events=["material_hoist_accident"],
            ),
            factor(
                "210103",
                "缆风绳、附墙架设置不当",
                "Guy ropes or wall ties wrongly set",
                events=["material_hoist_accident"],
            ),
        ],
        "events": [
            event(
                "material_hoist_accident",
                "吊笼坠落或人员乘吊笼坠落",
                "Cage falls, or a rider falls with it",
                ["04"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "material_hoist_devices",
                        "engineering",
                        "安全停层、防坠和上下限位装置齐全",
                        "Landing stops, anti-fall and limits in place",
                    ),
                    measure(
                        "material_hoist_rules",
                        "management",
                        "严禁乘人，验收后使用",
                        "No riders; use only after acceptance",
                    ),
                    measure(
                        "material_hoist_training",
                        "training",
                        "司机持证",
                        "Certified driver",
                    ),
                    measure("material_hoist_ppe", "ppe", "安全帽", "Helmets"),
                    measure(
                        "material_hoist_emergency",
                        "emergency",
                        "故障停机和救援程序",
                        "Stop and rescue procedure on faults",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "lifting_operation",
        "name": text("起重吊装作业", "Lifting operations"),
        "kind": "operation",
        "description": text(
            "使用汽车吊、履带吊等进行构件和设备吊装。",
            "Lifting members and equipment with truck or crawler cranes.",
        ),
        "hazard_factors": [
            factor(
                "210101",
                "吊索具达到报废标准仍使用",
                "Rigging used past its discard criteria",
                events=["lifting_drop"],
            ),
            factor(
                "120102",
                "违章指挥、指挥信号不清",
                "Orders against rules; unclear signals",
                events=["lifting_drop"],
            ),
            factor(
                "32",
                "雷雨、大雪、大雾、大风天气作业",
                "Work in thunderstorms, heavy snow, fog or high wind",
                events=["lifting_drop"],
            ),
            factor(
                "1203",
                "吊装区域无警戒监护",
                "No cordon or watch",
                events=["lifting_drop"],
            ),
        ],
        "events": [
            event(
                "lifting_drop",
                "吊物坠落、起重机倾覆",
                "Dropped load or crane overturning",
                ["04"],
                *lec(3, 3, 15),
                ["violates_law"],
                measures=[
                    measure(
                        "lifting_scheme",
                        "management",
                        "吊装方案，非常规吊装组织专家论证",
                        "Lift plan; expert review for non-routine lifts",
                    ),
                    measure(
                        "lifting_rigging",
                        "engineering",
                        "吊索具检查，地基承载力核验后支腿",
                        "Rigging checked; outriggers set after checking ground capacity",
                    ),
                    measure(
                        "lifting_training",
                        "training",
                        "司机、司索、信号工持证上岗",
                        "Certified operator, rigger and signaller",
                    ),
                    measure(
                        "lifting_ppe", "ppe", "安全帽、防护手套", "Helmet and gloves"
                    ),
                    measure(
                        "lifting_emergency",
                        "emergency",
                        "恶劣天气停止作业，警戒区内禁止人员停留",
                        "Stop in bad weather; nobody in the cordon",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "heavy_mobile_machinery",
        "name": text(
            "桩机、泵车等大型移动机械",
            "Piling rigs, pump trucks and other large mobile machines",
        ),
        "kind": "equipment",
        "description": text(
            "混凝土泵车、桩工机械、汽车吊和履带吊的行走和作业。",
            "Travel and work of concrete pumps, piling rigs and truck or crawler cranes.",
        ),
        "hazard_factors": [
            factor(
                "32",
                "行走路线和作业位置地基承载力不足",
                "Ground too weak on the route or at the working position",
                events=["machine_overturn"],
            ),
            factor(
                "120202",
                "未核验地基即作业",
                "Working without checking the ground",
                events=["machine_overturn"],
            ),
            factor(
                "2101",
                "支腿、臂架缺陷",
                "Defective outriggers or booms",
                events=["machine_overturn"],
            ),
        ],
        "events": [
            event(
                "machine_overturn",
                "机械倾覆",
                "Machine overturns",
                ["03"],
                *lec(1, 3, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "machine_ground_check",
                        "management",
                        "核验行走路线和作业位置地基承载力，必要时铺设路基箱",
                        "Check ground capacity on the route and at the position; mats where needed",
                    ),
                    measure(
                        "machine_outriggers",
                        "engineering",
                        "支腿全伸并垫枕木",
                        "Outriggers fully extended on timber pads",
                    ),
                    measure(
                        "machine_training",
                        "training",
                        "司机持证，进场交底",
                        "Certified drivers; site briefing",
                    ),
                    measure(
                        "machine_ppe",
                        "ppe",
                        "安全帽、反光背心",
                        "Helmet and high-visibility vest",
                    ),
                    measure(
                        "machine_emergency",
                        "emergency",
                        "倾覆险情撤离和警戒",
                        "Evacuation and cordon on overturn danger",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "temporary_power",
        "name": text("施工临时用电", "Temporary electricity on site"),
        "kind": "facility",
        "description": text(
            "配电室、各级配电箱、开关箱、线路和现场照明。",
            "Switch room, distribution and switch boxes, lines and site lighting.",
        ),
        "hazard_factors": [
            factor(
                "21",
                "漏电、外电线路安全距离不足",
                "Leakage current; too close to overhead lines",
                events=["electrocution"],
            ),
            factor(
                "2101",
                "未采用TN-S系统、漏电保护失效",
                "No TN-S system; RCD not working",
                events=["electrocution"],
            ),
            factor(
                "31",
                "隧道、人防、潮湿场所照明未用安全特低电压",
                "No safety extra-low voltage lighting in tunnels, shelters or damp places",
                events=["electrocution"],
            ),
            factor(
                "120202",
                "非电工接线、一闸多机",
                "Wiring by non-electricians; one switch for several machines",
                events=["electrocution", "electrical_fire"],
            ),
        ],
        "events": [
            event(
                "electrocution",
                "触电",
                "Electrocution",
                ["05"],
                *lec(1, 6, 15),
                ["violates_law"],
                measures=[
                    measure(
                        "power_tns",
                        "engineering",
                        "TN-S接零保护，三级配电两级漏电保护，一机一闸一漏一箱",
                        "TN-S system, three-tier distribution with two RCD stages, one box, switch and RCD per machine",
                    ),
                    measure(
                        "power_elv",
                        "engineering",
                        "特殊环境照明采用安全特低电压",
                        "Safety extra-low voltage lighting in special environments",
                    ),
                    measure(
                        "power_external_lines",
                        "engineering",
                        "外电线路安全距离不足时设防护",
                        "Protection where overhead lines are too close",
                    ),
                    measure(
                        "power_plan",
                        "management",
                        "临时用电施工组织设计，电工巡检和接地电阻测试记录",
                        "Temporary power design; electrician rounds and earth resistance records",
                    ),
                    measure(
                        "power_training",
                        "training",
                        "电工持证上岗",
                        "Certified electricians",
                    ),
                    measure(
                        "power_ppe",
                        "ppe",
                        "绝缘鞋、绝缘手套",
                        "Insulating boots and gloves",
                    ),
                    measure(
                        "power_emergency",
                        "emergency",
                        "触电急救和断电程序",
                        "Shock first aid and isolation procedure",
                    ),
                ],
            ),
            event(
                "electrical_fire",
                "电气线路火灾",
                "Electrical fire",
                ["08"],
                *lec(1, 6, 7),
                measures=[
                    measure(
                        "power_fire_prevention",
                        "engineering",
                        "导线按负荷选型，配电箱周边无可燃物并配灭火器",
                        "Cables sized for the load; no combustibles near boxes, extinguishers at hand",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "edges_openings",
        "name": text("临边与洞口", "Open edges and openings"),
        "kind": "area",
        "description": text(
            "楼层临边、电梯井口、预留洞口、通道口和脚手架与结构之间的空隙。",
            "Floor edges, lift shafts, openings, entrances and gaps between scaffold and structure.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "防护栏杆、盖板、安全网缺失或被拆除",
                "Missing or removed guardrails, covers or nets",
                events=["edge_fall", "edge_falling_object"],
            ),
            factor(
                "120202",
                "未系安全带、擅自拆除防护",
                "No harness; guarding removed",
                events=["edge_fall"],
            ),
            factor("110402", "冒险作业", "Taking risks", events=["edge_fall"]),
        ],
        "events": [
            event(
                "edge_fall",
                "从临边或洞口坠落",
                "Fall from an edge or through an opening",
                ["09"],
                *lec(3, 6, 15),
                ["violates_law"],
                measures=[
                    measure(
                        "edge_guardrails",
                        "engineering",
                        "临边设防护栏杆和挡脚板，洞口加盖或设栏杆，电梯井设防护门和水平网",
                        "Guardrails and toe boards at edges; covers or rails at openings; gates and nets in lift shafts",
                    ),
                    measure(
                        "edge_inspections",
                        "management",
                        "防护设施验收和日常检查，拆除须审批并及时恢复",
                        "Protection accepted and checked daily; removal approved and restored",
                    ),
                    measure(
                        "edge_training",
                        "training",
                        "高处作业安全交底",
                        "Briefing on work at height",
                    ),
                    measure(
                        "edge_ppe",
                        "ppe",
                        "安全带、安全帽、防滑鞋",
                        "Harness, helmet, non-slip shoes",
                    ),
                    measure(
                        "edge_emergency",
                        "emergency",
                        "坠落急救和报告程序",
                        "Fall first aid and reporting",
                    ),
                ],
            ),
            event(
                "edge_falling_object",
                "物体从临边坠落打击",
                "Object falling from an edge",
                ["01"],
                *lec(1, 6, 7),
                measures=[
                    measure(
                        "edge_exclusion",
                        "management",
                        "临边下方设警戒区，材料工具不得临边堆放",
                        "Cordon below edges; no materials or tools stacked at the edge",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "steel_structure",
        "name": text("钢结构与网架安装", "Steel structure and space frame erection"),
        "kind": "operation",
        "description": text(
            "钢构件、钢桁架和网架的吊装就位及临时支承。",
            "Lifting and placing steel members, trusses and space frames, and their temporary supports.",
        ),
        "hazard_factors": [
            factor(
                "210103",
                "单榀桁架无防失稳措施，临时支承无防倾覆装置",
                "Single trusses without anti-buckling measures; supports without anti-overturn devices",
                events=["steel_collapse"],
            ),
            factor(
                "120202",
                "在构件上行走不系安全带",
                "Walking on members without a harness",
                events=["steel_fall"],
            ),
            factor(
                "32",
                "大风、雨雪天气",
                "Wind, rain and snow",
                events=["steel_collapse", "steel_fall"],
            ),
        ],
        "events": [
            event(
                "steel_collapse",
                "构件失稳倒塌",
                "Members buckle and collapse",
                ["10", "04"],
                *lec(1, 3, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "steel_temporary_supports",
                        "engineering",
                        "临时支承基础和防倾覆装置按设计设置，单榀桁架设缆风或临时支撑",
                        "Support foundations and anti-overturn devices as designed; guys or props on single trusses",
                    ),
                    measure(
                        "steel_scheme",
                        "management",
                        "安装方案和吊装顺序交底",
                        "Erection plan and lifting sequence briefed",
                    ),
                ],
            ),
            event(
                "steel_fall",
                "安装人员坠落",
                "Erector falls",
                ["09"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "steel_lifelines",
                        "engineering",
                        "设置生命线和操作平台",
                        "Lifelines and work platforms",
                    ),
                    measure(
                        "steel_training",
                        "training",
                        "安装工和焊工持证",
                        "Certified erectors and welders",
                    ),
                    measure("steel_ppe", "ppe", "双钩安全带", "Double-lanyard harness"),
                    measure(
                        "steel_emergency",
                        "emergency",
                        "高处悬挂救援程序",
                        "Suspended worker rescue",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "construction_machinery",
        "name": text("中小型施工机具", "Small construction machinery and tools"),
        "kind": "equipment",
        "description": text(
            "平刨、圆盘锯、钢筋机械、电焊机、搅拌机、手持电动工具和气瓶。",
            "Planers, circular saws, rebar machines, welders, mixers, power tools and gas cylinders.",
        ),
        "hazard_factors": [
            factor(
                "2101",
                "防护罩缺失、外露转动部件",
                "Missing guards; exposed moving parts",
                events=["machine_injury"],
            ),
            factor(
                "21",
                "漏电、接零保护缺失",
                "Leakage current; no protective neutral",
                events=["tool_shock"],
            ),
            factor(
                "120202",
                "违规操作、带电维修",
                "Misuse; repairs while live",
                events=["machine_injury", "tool_shock"],
            ),
        ],
        "events": [
            event(
                "machine_injury",
                "机械伤害",
                "Machinery injury",
                ["03"],
                *lec(3, 6, 7),
                measures=[
                    measure(
                        "tools_guards",
                        "engineering",
                        "防护罩、分料器等防护装置齐全",
                        "Guards, riving knives and other protective devices complete",
                    ),
                    measure(
                        "tools_acceptance",
                        "management",
                        "进场验收和定期检查",
                        "Accepted on arrival and checked regularly",
                    ),
                    measure(
                        "tools_training",
                        "training",
                        "操作人员培训",
                        "Operator training",
                    ),
                    measure(
                        "tools_ppe",
                        "ppe",
                        "护目镜、防护手套（旋转机械不得戴手套）",
                        "Goggles; gloves, but not at rotating machines",
                    ),
                ],
            ),
            event(
                "tool_shock",
                "手持电动工具触电",
                "Shock from a power tool",
                ["05"],
                *lec(1, 6, 7),
                measures=[
                    measure(
                        "tools_switch_box",
                        "engineering",
                        "每台机具设专用开关箱和漏电保护，金属外壳接保护零线",
                        "A switch box with RCD per machine; metal casings on the PE conductor",
                    ),
                    measure(
                        "tools_emergency",
                        "emergency",
                        "急停和断电，伤员急救",
                        "Emergency stop, isolation, first aid",
                    ),
                ],
            ),
        ],
        "control_level": "team",
        "inspection_period": every(1, "week"),
    },
    {
        "key": "confined_space",
        "name": text("有限空间作业", "Confined space work"),
        "kind": "operation",
        "description": text(
            "污水井、管道、地下室、人工挖孔桩、箱涵等有限空间内作业。",
            "Work in manholes, pipes, basements, hand-dug piles and box culverts.",
        ),
        "hazard_factors": [
            factor(
                "33",
                "缺氧、有毒有害气体积聚",
                "Oxygen deficiency; toxic gas build-up",
                events=["confined_asphyxiation"],
            ),
            factor(
                "120202",
                "未审批、未通风检测即进入",
                "Entering without approval, ventilation or testing",
                events=["confined_asphyxiation"],
            ),
            factor(
                "1203",
                "无专人监护",
                "No dedicated attendant",
                events=["confined_asphyxiation"],
            ),
            factor(
                "110402",
                "盲目施救",
                "Untrained rescue",
                events=["confined_asphyxiation"],
            ),
        ],
        "events": [
            event(
                "confined_asphyxiation",
                "中毒窒息及盲目施救致多人伤亡",
                "Poisoning with several casualties from untrained rescue",
                ["19"],
                *lec(3, 2, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "confined_identification",
                        "management",
                        "辨识有限空间并设置明显警示标志",
                        "Confined spaces identified with clear warning signs",
                    ),
                    measure(
                        "confined_approval",
                        "management",
                        "作业审批，先通风、再检测、后作业，专人监护",
                        "Approval; ventilate, test, then enter; dedicated attendant",
                    ),
                    measure(
                        "confined_equipment",
                        "engineering",
                        "配备气体检测、机械通风、呼吸防护和应急救援设备",
                        "Gas detection, mechanical ventilation, breathing protection and rescue gear on site",
                    ),
                    measure(
                        "confined_gas_monitoring",
                        "monitoring",
                        "作业全程连续气体检测",
                        "Continuous gas testing throughout",
                    ),
                    measure(
                        "confined_training",
                        "training",
                        "专项安全培训",
                        "Specific training",
                    ),
                    measure(
                        "confined_ppe",
                        "ppe",
                        "正压式空气呼吸器、安全带和救生索",
                        "SCBA, harness and lifeline",
                    ),
                    measure(
                        "confined_emergency",
                        "emergency",
                        "严禁盲目施救，救援预案演练",
                        "No untrained rescue; rescue plan drilled",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "demolition",
        "name": text("拆除工程", "Demolition"),
        "kind": "operation",
        "description": text(
            "建筑物、构筑物拆除和装修改造中的结构拆改。",
            "Demolition of buildings and structures and structural alterations in fit-outs.",
        ),
        "hazard_factors": [
            factor(
                "210103",
                "拆除顺序不当导致结构失稳",
                "Wrong sequence making the structure unstable",
                events=["demolition_collapse"],
            ),
            factor(
                "120202",
                "擅自拆改承重结构",
                "Load-bearing members removed without a structural check",
                events=["demolition_collapse"],
            ),
            factor(
                "2101",
                "拆除区域未封闭",
                "Area not closed off",
                events=["demolition_collapse"],
            ),
        ],
        "events": [
            event(
                "demolition_collapse",
                "结构坍塌",
                "Structural collapse",
                ["10"],
                *lec(1, 3, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "demolition_scheme",
                        "management",
                        "拆除方案，按自上而下、先非承重后承重的顺序拆除",
                        "Demolition plan; top down, non-load-bearing before load-bearing",
                    ),
                    measure(
                        "demolition_structural_check",
                        "management",
                        "拆改承重结构前由原设计或有资质单位核验",
                        "Structural check by the original or a qualified designer before removing load-bearing parts",
                    ),
                    measure(
                        "demolition_cordon",
                        "engineering",
                        "拆除区域封闭警戒，防尘防坠",
                        "Area closed off; dust and fall protection",
                    ),
                    measure(
                        "demolition_training",
                        "training",
                        "作业人员交底",
                        "Crew briefing",
                    ),
                    measure(
                        "demolition_ppe",
                        "ppe",
                        "安全帽、防尘口罩",
                        "Helmets and dust masks",
                    ),
                    measure(
                        "demolition_emergency",
                        "emergency",
                        "结构异常立即撤离",
                        "Leave at once on structural warning signs",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "tunnel",
        "name": text("隧道与暗挖工程", "Tunnelling"),
        "kind": "operation",
        "description": text(
            "矿山法暗挖、盾构和顶管施工。",
            "Mined tunnels, shield tunnelling and pipe jacking.",
        ),
        "hazard_factors": [
            factor(
                "33",
                "地下水、不良地质、突水突泥",
                "Groundwater, poor ground, water or mud inrush",
                events=["tunnel_collapse", "tunnel_inrush"],
            ),
            factor(
                "210103",
                "支护变形开裂",
                "Support deforming or cracking",
                events=["tunnel_collapse"],
            ),
            factor(
                "43",
                "无超前地质预报和监控量测",
                "No advance geological forecast or monitoring",
                events=["tunnel_collapse"],
            ),
            factor(
                "120202",
                "未按规定带压进仓",
                "Pressurised chamber entry against the rules",
                events=["tunnel_inrush"],
            ),
        ],
        "events": [
            event(
                "tunnel_collapse",
                "坍塌冒顶",
                "Roof collapse",
                ["10", "11"],
                *lec(1, 6, 40),
                ["violates_law"],
                measures=[
                    measure(
                        "tunnel_forecast",
                        "management",
                        "超前地质预报和监控量测，超限立即处置",
                        "Advance geological forecast and monitoring; act at once on exceedance",
                    ),
                    measure(
                        "tunnel_support",
                        "engineering",
                        "按方案开挖和支护，端头加固满足要求",
                        "Excavate and support to the scheme; launch and reception zones reinforced",
                    ),
                    measure(
                        "tunnel_monitoring",
                        "monitoring",
                        "拱顶沉降、收敛和有害气体在线监测",
                        "Online crown settlement, convergence and gas monitoring",
                    ),
                ],
            ),
            event(
                "tunnel_inrush",
                "突水涌砂",
                "Water and sand inrush",
                ["12"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "tunnel_training",
                        "training",
                        "作业人员和带压进仓人员专项培训",
                        "Specific training, including for pressurised entry",
                    ),
                    measure(
                        "tunnel_ppe",
                        "ppe",
                        "安全帽、自救器、照明",
                        "Helmets, self-rescuers, lamps",
                    ),
                    measure(
                        "tunnel_emergency",
                        "emergency",
                        "险情预警撤离，洞内逃生通道和应急物资",
                        "Warning and evacuation; escape route and supplies underground",
                    ),
                ],
            ),
        ],
        "control_level": "company",
        "inspection_period": every(1, "shift"),
    },
    {
        "key": "hot_work",
        "name": text("现场动火作业", "Hot work on site"),
        "kind": "operation",
        "description": text(
            "电焊、气割和熔融作业，尤其在保温材料和易燃物附近。",
            "Welding, cutting and torch work, especially near insulation and combustibles.",
        ),
        "hazard_factors": [
            factor(
                "21",
                "焊渣飞溅、明火",
                "Spatter and flames",
                events=["site_fire", "welding_burn"],
            ),
            factor(
                "22",
                "易燃保温材料、油漆和气瓶",
                "Flammable insulation, paints and cylinders",
                events=["site_fire"],
            ),
            factor(
                "120202",
                "未审批动火、无监护",
                "Hot work without approval or watch",
                events=["site_fire"],
            ),
        ],
        "events": [
            event(
                "site_fire",
                "引燃可燃物造成火灾",
                "Combustibles ignite and start a fire",
                ["08"],
                *lec(1, 6, 15),
                measures=[
                    measure(
                        "hot_work_approval",
                        "management",
                        "动火审批，清理可燃物，设看火人",
                        "Approved hot work, combustibles cleared, fire watch",
                    ),
                    measure(
                        "hot_work_separation",
                        "engineering",
                        "气瓶间距和防倾倒，接火盆和防火毯",
                        "Cylinder spacing and anti-tip; spark trays and fire blankets",
                    ),
                    measure(
                        "hot_work_emergency",
                        "emergency",
                        "灭火器就位，作业后检查余火",
                        "Extinguisher at hand; check for embers afterwards",
                    ),
                ],
            ),
            event(
                "welding_burn",
                "灼烫",
                "Burns",
                ["07"],
                *lec(3, 6, 3),
                measures=[
                    measure(
                        "hot_work_training",
                        "training",
                        "焊工持证上岗",
                        "Certified welders",
                    ),
                    measure(
                        "hot_work_ppe",
                        "ppe",
                        "焊接面罩、阻燃手套",
                        "Welding mask and flame-resistant gloves",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "day"),
    },
    {
        "key": "temporary_buildings",
        "name": text("临时建筑与生活区", "Temporary buildings and living quarters"),
        "kind": "area",
        "description": text(
            "现场办公室、宿舍、食堂和库房等临时建筑。",
            "Site offices, dormitories, canteens and stores.",
        ),
        "hazard_factors": [
            factor(
                "22",
                "易燃夹芯板、违规用电和明火",
                "Flammable sandwich panels, unsafe electrics and flames",
                events=["dormitory_fire"],
            ),
            factor(
                "32",
                "大风、暴雨对临建的影响",
                "Wind and storms on temporary buildings",
                events=["temporary_building_collapse"],
            ),
            factor(
                "43",
                "宿舍私拉乱接、超员居住",
                "Makeshift wiring; overcrowding",
                events=["dormitory_fire"],
            ),
        ],
        "events": [
            event(
                "dormitory_fire",
                "宿舍火灾",
                "Dormitory fire",
                ["08"],
                *lec(1, 6, 15),
                ["ten_or_more_people"],
                measures=[
                    measure(
                        "camp_materials",
                        "engineering",
                        "临建采用不燃材料，宿舍设安全出口和烟感",
                        "Non-combustible materials; exits and smoke detectors in dormitories",
                    ),
                    measure(
                        "camp_rules",
                        "management",
                        "宿舍用电管理、禁止使用大功率电器，定期检查",
                        "Dormitory electricity rules, no high-power appliances, regular checks",
                    ),
                    measure(
                        "camp_training",
                        "training",
                        "消防知识和疏散演练",
                        "Fire training and evacuation drills",
                    ),
                    measure("camp_ppe", "ppe", "配备逃生面罩", "Escape hoods"),
                    measure(
                        "camp_emergency",
                        "emergency",
                        "灭火器和消防水源，疏散路线图",
                        "Extinguishers, water supply, escape map",
                    ),
                ],
            ),
            event(
                "temporary_building_collapse",
                "临建倒塌",
                "Temporary building collapses",
                ["10"],
                *lec(1, 3, 15),
                measures=[
                    measure(
                        "camp_structure",
                        "engineering",
                        "临建按设计搭设并验收，大风暴雨前加固检查",
                        "Temporary buildings erected to design and accepted; checked and braced before storms",
                    ),
                ],
            ),
        ],
        "control_level": "workshop",
        "inspection_period": every(1, "week"),
    },
]
