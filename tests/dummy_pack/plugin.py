"""A test-only pack that implements every SafeGrid hook.

It proves the hook contract: ``tests/plugins/test_hook_contract.py`` fails when
a hook in ``plugins/hookspecs.py`` has no implementation here.
"""

from plugins import hookimpl
from plugins.contributions import (
    DirectCondition,
    DocumentSection,
    EmergencyTemplate,
    FormDefinitionContribution,
    I18nText,
    IndustryContribution,
    InspectionPeriod,
    InspectionSchedule,
    MonitoringParameter,
    MonitoringThreshold,
    NotificationChannel,
    PortalMenuItem,
    RiskLibraryEntry,
    RiskLibraryEvent,
    RiskLibraryFactor,
    RiskLibraryMeasure,
    ScheduledJob,
    ScoringRule,
    SuggestedAssessment,
)


@hookimpl
def safegrid_industries():
    return [
        IndustryContribution(code="dummy", name=I18nText("测试行业", "Dummy industry"))
    ]


@hookimpl
def safegrid_portal_menu_items():
    return [
        PortalMenuItem("dummy", I18nText("测试", "Dummy"), "portal:home", order=999)
    ]


def _dummy_grade(inputs):
    # A risk method that grades by itself (no thresholds): "hot" is major.
    level = "major" if inputs["state"] == "hot" else "low"
    return {"value": None, "level": level, "details": {"state": inputs["state"]}}


@hookimpl
def safegrid_scoring_rules():
    return [
        ScoringRule(
            key="dummy_grade",
            title=I18nText("测试分级", "Dummy grade"),
            input_schema={
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "properties": {"state": {"enum": ["hot", "cold"]}},
                "required": ["state"],
                "additionalProperties": False,
            },
            evaluate=_dummy_grade,
        ),
        ScoringRule(
            key="dummy_count",
            title=I18nText("测试计数", "Dummy count"),
            kind="checklist",
            input_schema={
                "type": "object",
                "properties": {
                    "items": {"type": "array", "items": {"type": "integer"}}
                },
                "required": ["items"],
            },
            evaluate=lambda inputs: {"value": sum(inputs["items"]), "passed": True},
        ),
        ScoringRule(
            key="dummy_checklist",
            title=I18nText("测试检查表评分", "Dummy checklist scoring"),
            kind="checklist",
            input_schema={
                "type": "object",
                "properties": {"sections": {"type": "array"}},
                "required": ["sections", "items"],
            },
            evaluate=_dummy_checklist,
        ),
    ]


def _dummy_checklist(inputs):
    # A form scoring rule: the lowest section percentage, graded A/B.
    percents = [s["percent"] for s in inputs["sections"] if s["percent"] is not None]
    score = min(percents) if percents else 0
    return {"score": score, "max_score": 100, "grade": "A" if score >= 80 else "B"}


@hookimpl
def safegrid_direct_determination_conditions():
    return [
        DirectCondition(
            key="dummy_big_site",
            title=I18nText("测试：大型场所", "Dummy: a big site"),
            raises_to="significant",
            industries=("dummy",),
        )
    ]


@hookimpl
def safegrid_risk_library():
    return [
        RiskLibraryEntry(
            key="dummy_tank",
            industry="dummy",
            name=I18nText("测试储罐", "Dummy tank"),
            kind="equipment",
            control_level="workshop",
            inspection_period=InspectionPeriod(1, "shift"),
            events=(
                RiskLibraryEvent(
                    name=I18nText("储罐泄漏着火", "Tank leak and fire"),
                    accident_types=("08", "18"),
                    hazard_factors=(
                        "2101",
                        RiskLibraryFactor(
                            "210104", I18nText("法兰密封不良", "Leaking flanges")
                        ),
                    ),
                    measures=(
                        RiskLibraryMeasure(
                            "monitoring", I18nText("可燃气体报警", "Gas detectors")
                        ),
                        RiskLibraryMeasure(
                            "emergency", I18nText("应急预案", "Emergency plan")
                        ),
                    ),
                    suggested_assessment=SuggestedAssessment(
                        "dummy_grade", {"state": "hot"}
                    ),
                    direct_conditions=("dummy_big_site",),
                ),
                RiskLibraryEvent(
                    name=I18nText("储罐超压", "Tank overpressure"),
                    accident_types=("17",),
                    hazard_factors=(
                        RiskLibraryFactor(
                            "210104", I18nText("法兰密封不良", "Leaking flanges")
                        ),
                    ),
                    measures=(
                        RiskLibraryMeasure(
                            "engineering", I18nText("安全阀", "Safety valve")
                        ),
                    ),
                ),
            ),
        )
    ]


@hookimpl
def safegrid_form_definitions():
    return [
        FormDefinitionContribution(
            key="dummy_daily_check",
            title=I18nText("测试日常检查表", "Dummy daily checklist"),
            kind="checklist",
            industry="dummy",
            version="1",
            scoring={"rule": "sum", "pass_mark": 8},
            blocks=[
                {
                    "type": "section",
                    "value": {
                        "key": "site",
                        "title": "现场",
                        "questions": [
                            {
                                "type": "check_item",
                                "value": {
                                    "key": "exits_clear",
                                    "label": "安全出口畅通",
                                    "points": 10,
                                    "hazard_grade": "general",
                                },
                            }
                        ],
                    },
                }
            ],
        )
    ]


@hookimpl
def safegrid_monitoring_parameters():
    return [
        MonitoringParameter(
            key="dummy_tank_level",
            industry="dummy",
            name=I18nText("测试储罐液位", "Dummy tank level"),
            unit="%",
            sensor=I18nText("雷达液位计", "Radar level gauge"),
            risk_points=("dummy_tank",),
            thresholds=(
                MonitoringThreshold(
                    I18nText("高液位报警", "High level"), ">=", 85, typical=True
                ),
            ),
        )
    ]


@hookimpl
def safegrid_document_sections():
    return [
        DocumentSection(
            document="handbook",
            key="dummy_tanks",
            industry="dummy",
            title=I18nText("测试储罐清单", "Dummy tank list"),
            contents=I18nText("储罐位号和介质", "Tank tags and media"),
        )
    ]


@hookimpl
def safegrid_inspection_schedules():
    return [
        InspectionSchedule(
            key="dummy_rounds",
            industry="dummy",
            title=I18nText("测试巡检", "Dummy rounds"),
            who="operator",
            check_kind="routine",
            basis="测试标准",
            every=InspectionPeriod(2, "hour"),
            triggers=("before_holiday",),
        )
    ]


@hookimpl
def safegrid_scheduled_jobs():
    return [
        ScheduledJob(
            name="dummy.heartbeat",
            task="tests.dummy_pack.jobs.dummy_heartbeat",
            every="hour",
        )
    ]


#: What the dummy channel delivered: (recipient's login, text).
DELIVERED: list[tuple[str, str]] = []


def deliver(notification) -> None:
    DELIVERED.append((notification.recipient.get_username(), notification.text))


@hookimpl
def safegrid_notification_channels():
    return [
        NotificationChannel(
            key="dummy_log",
            name=I18nText("测试通道", "Dummy channel"),
            deliver="tests.dummy_pack.plugin.deliver",
        )
    ]


@hookimpl
def safegrid_emergency_templates():
    return [
        EmergencyTemplate(
            kind="drill_scenario",
            key="dummy_tank_leak",
            industry="dummy",
            title=I18nText("测试储罐泄漏演练", "Dummy tank leak drill"),
            plan_kind="on_site",
        )
    ]
