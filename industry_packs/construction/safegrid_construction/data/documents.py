"""What construction adds to the handbook, post cards and emergency cards.

The core's templates hold the common sections (FACTS §7). A construction
project's handbook also follows the stages of the works, because its risks
change as the site moves from foundations to structure to finishes.
"""

from plugins.pack_support.content import doc_section, text

DOCUMENTS = {
    "handbook": [
        doc_section(
            "dangerous_works",
            "危险性较大的分部分项工程清单",
            "Dangerous sub-divisional works",
            "危大工程和超过一定规模的危大工程名称、部位、专项方案审批、专家论证、验收和监测情况",
            "Dangerous works and those above the scale, with location, scheme approval, expert review, acceptance and monitoring",
        ),
        doc_section(
            "stage_risks",
            "分阶段风险",
            "Risks by construction stage",
            "基础、主体、装饰装修各阶段的主要风险点、等级变化和对应管控措施",
            "Main risk points of the foundation, structure and finishing stages, how their levels change and the measures",
        ),
        doc_section(
            "crane_register",
            "建筑起重机械台账",
            "Crane and hoist register",
            "塔式起重机、施工升降机、物料提升机的产权备案、安装告知、验收、使用登记和定期检查记录",
            "Ownership filing, erection notice, acceptance, registration and periodic checks of cranes and hoists",
        ),
        doc_section(
            "special_workers",
            "特种作业人员台账",
            "Special-operation workers",
            "架子工、电工、焊工、起重司机、信号工、司索工等的证书编号和有效期",
            "Certificates and expiry of scaffolders, electricians, welders, crane operators, signallers and riggers",
        ),
        doc_section(
            "jgj59_results",
            "安全检查评分",
            "Safety inspection scores",
            "最近一次JGJ 59-2011检查的分项表得分、汇总得分和评定等级，以及不合格项整改情况",
            "Latest JGJ 59-2011 table scores, total and grade, and the follow-up of failed items",
        ),
        doc_section(
            "major_hazard_criteria_self_check",
            "重大事故隐患自查",
            "Major accident hazard self-check",
            "对照建质规〔2024〕5号第四条至第十七条的自查结论和整改闭环",
            "Result against Arts. 4-17 of 建质规〔2024〕5号 and the follow-up",
        ),
        doc_section(
            "site_layout",
            "施工现场平面布置与四色风险图",
            "Site layout and four-colour risk map",
            "按施工阶段更新的平面布置、危险区域、疏散通道和四色风险分布",
            "Site layout, danger zones, escape routes and four-colour risk map, updated by stage",
        ),
    ],
    "post_card": [
        doc_section(
            "certificate_required",
            "持证要求",
            "Certificate required",
            "本岗位需持有的特种作业或岗位证书",
            "The special-operation or post certificate this post needs",
        ),
        doc_section(
            "dangerous_work_briefing",
            "危大工程交底要点",
            "Dangerous-work briefing points",
            "本岗位参与的危大工程及其方案交底的关键控制点",
            "The dangerous works this post takes part in and the key points of their briefing",
        ),
        doc_section(
            "weather_stop_rules",
            "恶劣天气停止作业条件",
            "When to stop for weather",
            "雷雨、大雪、大雾、大风等天气下须停止的作业",
            "Work to stop in thunderstorms, heavy snow, fog or high wind",
        ),
        doc_section(
            "fall_protection_points",
            "防坠落要点",
            "Fall protection points",
            "安全带挂点、临边洞口和通道的防护要求",
            "Harness anchor points, edge and opening protection, access ways",
        ),
    ],
    "emergency_card": [
        doc_section(
            "collapse_response",
            "坍塌险情处置",
            "Collapse danger",
            "发现变形、裂缝、渗漏时立即停止作业、撤离人员、设置警戒，严禁盲目进入抢救",
            "On deformation, cracks or leaks stop work, evacuate, cordon off; no unplanned rescue entry",
        ),
        doc_section(
            "fall_response",
            "高处坠落处置",
            "Fall from height",
            "不随意搬动伤员，判断伤情，拨打120并报告项目部",
            "Do not move the casualty carelessly; assess, call 120, report to the project office",
        ),
        doc_section(
            "electric_shock_response",
            "触电处置",
            "Electric shock",
            "先断电或用绝缘物使触电者脱离电源，再施救",
            "Cut the power or free the casualty with an insulator before helping",
        ),
        doc_section(
            "assembly_point",
            "紧急集合点",
            "Assembly point",
            "现场疏散路线和集合点位置，项目部应急电话",
            "Site escape routes, assembly point, project emergency number",
        ),
    ],
}

EMERGENCY_CARDS = [
    {
        "key": "excavation_collapse",
        "scenario": text("基坑坍塌险情", "Excavation collapse danger"),
        "risk_points": ["deep_excavation"],
        "signs": text(
            "支护变形加速、坑壁渗漏流土、坑底管涌、周边地面开裂",
            "Support deforming faster, wall leakage or soil flow, piping at the bottom, ground cracks nearby",
        ),
        "steps": [
            {
                "action": text(
                    "立即停止坑内作业，撤出坑内人员和机械",
                    "Stop work in the pit; get people and machines out",
                ),
                "by": text("现场带班人员", "Foreman"),
            },
            {
                "action": text(
                    "设置警戒，停止坑边堆载和车辆通行",
                    "Cordon off; remove edge loads and stop traffic",
                ),
                "by": text("安全员", "Safety officer"),
            },
            {
                "action": text(
                    "报告项目负责人和监测单位，加密监测",
                    "Report to the project manager and monitor; increase monitoring",
                ),
                "by": text("技术负责人", "Technical lead"),
            },
            {
                "action": text(
                    "按方案回填反压、加设支撑或封堵渗漏点",
                    "Back-fill, add props or seal leaks as the plan sets",
                ),
                "by": text("抢险队", "Response team"),
            },
            {
                "action": text(
                    "有人员被埋时拨打119、120，组织专业救援",
                    "Call 119 and 120 if anyone is buried; organise professional rescue",
                ),
                "by": text("项目负责人", "Project manager"),
            },
        ],
        "notes": text(
            "严禁未经评估进入坍塌区域施救，防止二次坍塌",
            "Do not enter the collapse zone before it is assessed: a second collapse is likely",
        ),
    },
    {
        "key": "fall_from_height",
        "scenario": text("高处坠落", "Fall from height"),
        "risk_points": ["edges_openings", "scaffold", "steel_structure"],
        "signs": text(
            "人员从临边、洞口、脚手架坠落",
            "Someone falls from an edge, opening or scaffold",
        ),
        "steps": [
            {
                "action": text(
                    "停止周边作业，保护现场", "Stop nearby work; secure the scene"
                ),
                "by": text("发现人", "Whoever finds it"),
            },
            {
                "action": text(
                    "拨打120，报告项目部", "Call 120; report to the project office"
                ),
                "by": text("班组长", "Team leader"),
            },
            {
                "action": text(
                    "判断伤情，止血固定，不随意搬动",
                    "Assess, stop bleeding, immobilise; do not move carelessly",
                ),
                "by": text("急救员", "First aider"),
            },
            {
                "action": text("引导救护车到达", "Guide the ambulance in"),
                "by": text("门卫", "Gatekeeper"),
            },
        ],
        "notes": text(
            "疑似脊柱损伤时保持平卧，用硬板搬运",
            "With a suspected spinal injury keep the casualty flat and use a rigid board",
        ),
    },
    {
        "key": "electric_shock",
        "scenario": text("触电", "Electric shock"),
        "risk_points": ["temporary_power", "construction_machinery"],
        "signs": text(
            "人员触电倒地、设备漏电", "Someone collapses from a shock; equipment live"
        ),
        "steps": [
            {
                "action": text(
                    "立即拉闸断电或用干燥绝缘物挑开电线",
                    "Switch off or move the wire away with a dry insulator",
                ),
                "by": text("发现人", "Whoever finds it"),
            },
            {
                "action": text(
                    "检查呼吸心跳，必要时心肺复苏",
                    "Check breathing and pulse; CPR if needed",
                ),
                "by": text("急救员", "First aider"),
            },
            {
                "action": text(
                    "拨打120，报告项目部和电工",
                    "Call 120; report to the project office and the electrician",
                ),
                "by": text("班组长", "Team leader"),
            },
        ],
        "notes": text(
            "未断电前不得直接接触触电者",
            "Never touch the casualty before the power is off",
        ),
    },
]
