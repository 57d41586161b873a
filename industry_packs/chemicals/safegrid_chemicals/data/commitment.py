"""The daily safety risk judgement and commitment (安全风险研判与承诺公告).

Since 2018 the emergency ministry has required hazardous-chemical enterprises
to judge their safety risks every day, bottom up (post → team → workshop →
company), on three things: the running state of the units, the high-risk
activities and special work under way, and the state of the major hazard
installations (tank farms, warehouses). The principal leader then signs a
commitment that is published at the gate and online.

This module is the form the responsible head fills each day, in the neutral
shape of ``plugins.pack_support.content``. ``publication.shown_fields`` are
the answers published: the adapter passes them as the definition's
``public_fields``, and the core's public notice page (``core/notices``, at
``/notices/<enterprise id>/``, linked from the portal's "Public notices")
shows the enterprise's latest submission with those answers only, labelled as
in the version it answered, replacing the previous day's (the history stays
in the submissions). When ``major_hazards_controlled`` is "no" the commitment
sentence is hidden by its condition and the notice shows
``uncontrolled_detail`` instead. The rest of ``publication`` (a text template
and the flag to the supervising department) is kept for the notices feature
to come and is not used yet.
"""

from plugins.pack_support.content import YES_NO, question, ref, section, text

SOURCE = "应急〔2018〕74号"


def count(key: str, zh_hans: str, en: str, unit: str = "处") -> dict:
    """A count of work under way today (0 when none)."""
    return question(key, "number", zh_hans, en, unit=unit, min=0, max=999)


DAILY_COMMITMENT = {
    "key": "chem_daily_risk_commitment",
    "kind": "form",
    "industry": "chemicals",
    "title": text(
        "安全风险研判与承诺公告", "Daily safety risk judgement and commitment"
    ),
    "description": text(
        "涉及重大危险源的企业主要负责人每日研判后填写并签字，提交后生成当日承诺公告。",
        "Filled and signed each day by the principal leader of an enterprise with major hazard installations; submitting it produces the day's public commitment.",
    ),
    "operations": [],
    "applies_to": {"enterprise_flag": "has_major_hazard_installation"},
    "recurrence": {"every": 1, "unit": "day"},
    "fillers": "manager",  # the principal (or safety manager) signs it
    "basis": [ref(SOURCE)],
    "scoring": {"method": "none"},
    "sections": [
        section(
            "units",
            "生产装置运行状态",
            "State of the units",
            [
                question(
                    "units_total",
                    "number",
                    "生产装置总数",
                    "Units in total",
                    unit="套",
                    min=0,
                    max=999,
                ),
                question(
                    "units_running",
                    "number",
                    "运行装置",
                    "Units running",
                    unit="套",
                    min=0,
                    max=999,
                ),
                question(
                    "units_stopped",
                    "number",
                    "停产装置",
                    "Units stopped",
                    unit="套",
                    min=0,
                    max=999,
                ),
                question(
                    "units_overhaul",
                    "number",
                    "检修装置",
                    "Units under maintenance",
                    unit="套",
                    min=0,
                    max=999,
                ),
                question(
                    "trial_production",
                    "single_choice",
                    "是否处于试生产",
                    "Is any unit in trial production?",
                    choices=YES_NO,
                ),
                question(
                    "startup_shutdown",
                    "single_choice",
                    "今日是否有开停车",
                    "Any start-up or shutdown today?",
                    choices=YES_NO,
                ),
            ],
            help=text(
                "运行、停产、检修装置之和应等于装置总数",
                "Running, stopped and maintenance units add up to the total",
            ),
            checks=[
                {
                    "left": "units_running + units_stopped + units_overhaul",
                    "comparison": "eq",
                    "right": "units_total",
                    "message": text(
                        "运行、停产、检修装置之和应等于装置总数",
                        "Running, stopped and maintenance units must add up to the total",
                    ),
                }
            ],
        ),
        section(
            "special_work",
            "特殊作业和高危作业",
            "Special and high-risk work under way",
            [
                count("hot_work_special", "特级动火作业", "Special-grade hot work"),
                count("hot_work_level1", "一级动火作业", "Grade 1 hot work"),
                count("hot_work_level2", "二级动火作业", "Grade 2 hot work"),
                count("confined_space", "受限空间作业", "Confined space entry"),
                count("blind_plate", "盲板抽堵作业", "Blind plate work"),
                count("work_at_height", "高处作业", "Work at height"),
                count("lifting", "吊装作业", "Lifting"),
                count("temporary_power", "临时用电作业", "Temporary power"),
                count("excavation", "动土作业", "Excavation"),
                count("road_closure", "断路作业", "Road closure"),
                question(
                    "contractor_work",
                    "single_choice",
                    "是否有承包商作业",
                    "Any contractor work?",
                    choices=YES_NO,
                ),
            ],
        ),
        section(
            "major_hazards",
            "重大危险源安全状态",
            "Major hazard installations",
            [
                question(
                    "major_hazard_count",
                    "number",
                    "重大危险源数量",
                    "Major hazard installations",
                    unit="个",
                    min=0,
                    max=999,
                ),
                question(
                    "major_hazards_controlled",
                    "single_choice",
                    "重大危险源是否均处于安全受控状态",
                    "Are all major hazard installations under safe control?",
                    choices=YES_NO,
                ),
                question(
                    "uncontrolled_detail",
                    "text",
                    "未受控的重大危险源及已采取的措施",
                    "Installations not under control and the measures taken",
                    show_if={"question": "major_hazards_controlled", "equals": "no"},
                ),
            ],
        ),
        section(
            "commitment",
            "承诺",
            "Commitment",
            [
                question(
                    "commitment_statement",
                    "confirm",
                    "本企业今日已完成安全风险研判，各项风险防控措施已落实；我承诺生产装置处于安全运行状态，罐区、仓库等重大危险源的安全风险得到有效管控。",
                    "We have judged today's safety risks and put every control in place; I commit that the units are running safely and that the risks of the tank farms, warehouses and other major hazard installations are under effective control.",
                    show_if={"question": "major_hazards_controlled", "equals": "yes"},
                ),
                question(
                    "responsible_person",
                    "text",
                    "承诺人（主要负责人）",
                    "Signed by (principal leader)",
                ),
                question("position", "text", "职务", "Position"),
                question("signature", "signature", "签名", "Signature"),
                question("date", "date", "日期", "Date"),
            ],
        ),
    ],
    "publication": {
        "as": "notice",
        "when": "on_submit",
        "replaces_previous": True,
        "title": text("安全风险研判与承诺公告", "Safety risk commitment notice"),
        "template": text(
            "{date}，本企业共有生产装置{units_total}套，运行{units_running}套，停产{units_stopped}套，检修{units_overhaul}套；"
            "特级动火{hot_work_special}处，一级动火{hot_work_level1}处，二级动火{hot_work_level2}处，受限空间{confined_space}处，"
            "其他特殊作业见明细；重大危险源{major_hazard_count}个。{commitment_statement}承诺人：{responsible_person}（{position}）",
            "On {date} we have {units_total} units: {units_running} running, {units_stopped} stopped, {units_overhaul} under maintenance; "
            "special hot work {hot_work_special}, grade 1 {hot_work_level1}, grade 2 {hot_work_level2}, confined spaces {confined_space}, "
            "other special work in the detail; {major_hazard_count} major hazard installations. {commitment_statement} Signed: {responsible_person} ({position})",
        ),
        "shown_fields": [
            "date",
            "units_total",
            "units_running",
            "units_stopped",
            "units_overhaul",
            "trial_production",
            "startup_shutdown",
            "hot_work_special",
            "hot_work_level1",
            "hot_work_level2",
            "confined_space",
            "blind_plate",
            "work_at_height",
            "lifting",
            "temporary_power",
            "excavation",
            "road_closure",
            "major_hazard_count",
            "major_hazards_controlled",
            "uncontrolled_detail",
            "commitment_statement",
            "responsible_person",
            "position",
        ],
        "on_not_controlled": text(
            "重大危险源未全部受控时不发布承诺语句，公告列明情况并推送监管部门",
            "When not all installations are under control the commitment sentence is withheld; the notice states the situation and is sent to the supervising department",
        ),
    },
}
