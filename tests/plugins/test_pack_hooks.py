"""Monitored parameters, document sections and the start-up checks of contributions."""

import re
from pathlib import Path

from core.risks.checks import risk_contribution_errors
from plugins import hookimpl
from plugins.checks import pack_errors
from plugins.contributions import (
    DocumentSection,
    I18nText,
    InspectionPeriod,
    InspectionSchedule,
    MonitoringParameter,
    MonitoringThreshold,
    RiskLibraryEntry,
    RiskLibraryEvent,
    RiskLibraryFactor,
    SuggestedAssessment,
)
from plugins.manager import build_plugin_manager
from tests.dummy_pack import plugin as dummy

TESTS = Path(__file__).resolve().parents[1]
PACK_MODULES = re.compile(
    r"^\s*(from|import)\s+(safegrid_chemicals|safegrid_construction"
    r"|safegrid_road_transport|safegrid_gas)\b",
    re.MULTILINE,
)


def test_the_core_tests_never_import_a_pack():
    """Packs are loaded through their entry points, never imported by the core's tests."""
    offenders = [
        str(path.relative_to(TESTS))
        for path in TESTS.rglob("*.py")
        if PACK_MODULES.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_pack_import_scan_would_catch_one():
    assert PACK_MODULES.search("from safegrid_gas.data import content\n")
    assert PACK_MODULES.search("    import safegrid_chemicals\n")
    assert not PACK_MODULES.search("enable_packs('safegrid_gas')\n")


def test_dummy_monitoring_parameters_and_document_sections():
    manager = build_plugin_manager([], extra_plugins=[("dummy", dummy)])
    [(name, parameter)] = manager.collect("safegrid_monitoring_parameters")
    assert (name, parameter.key, parameter.risk_points) == (
        "dummy",
        "dummy_tank_level",
        ("dummy_tank",),
    )
    [(name, section)] = manager.collect("safegrid_document_sections")
    assert (name, section.document, section.key) == ("dummy", "handbook", "dummy_tanks")
    assert pack_errors(manager) == []


def test_dummy_inspection_schedules():
    manager = build_plugin_manager([], extra_plugins=[("dummy", dummy)])
    [(name, schedule)] = manager.collect("safegrid_inspection_schedules")
    assert name == "dummy"
    assert (schedule.who, schedule.every, schedule.triggers) == (
        "operator",
        InspectionPeriod(2, "hour"),
        ("before_holiday",),
    )
    assert pack_errors(manager) == []


def _text(zh: str = "测试") -> I18nText:
    return I18nText(zh, "Test")


class BrokenContent:
    """Contributions that must stop start-up, one mistake each."""

    @hookimpl
    def safegrid_industries(self):
        return dummy.safegrid_industries()

    @hookimpl
    def safegrid_risk_library(self):
        event = RiskLibraryEvent(name=_text(), accident_types=("08", "21"))
        return [
            RiskLibraryEntry("tank", "dummy", _text(), "equipment", events=(event,)),
            RiskLibraryEntry("pier", "shipping", _text(), "area", events=(event,)),
        ]

    @hookimpl
    def safegrid_monitoring_parameters(self):
        level = MonitoringParameter(
            key="level",
            industry="dummy",
            name=_text(),
            unit="%",
            sensor=_text(),
            risk_points=("tank", "no_such_point"),
            thresholds=(
                MonitoringThreshold(_text(), "=>", 85, basis="GB 1"),
                MonitoringThreshold(_text(), ">=", 95),
            ),
        )
        return [level, level, "a parameter"]

    @hookimpl
    def safegrid_document_sections(self):
        section = DocumentSection("handbook", "tanks", "dummy", _text(), _text())
        return [
            section,
            section,
            DocumentSection("poster", "tanks", "dummy", _text(), _text(), order=1.5),
        ]

    @hookimpl
    def safegrid_inspection_schedules(self):
        rounds = InspectionSchedule(
            key="rounds",
            industry="dummy",
            title=_text(),
            who="operator",
            check_kind="routine",
            basis="GB 1",
            every=InspectionPeriod(0, "fortnight"),
            triggers=("full_moon",),
        )
        return [
            rounds,
            rounds,
            InspectionSchedule("watch", "dummy", _text(), "janitor", "nap", basis=""),
        ]


def test_broken_contributions_stop_start_up_with_clear_messages():
    manager = build_plugin_manager([], extra_plugins=[("broken", BrokenContent())])
    errors = {(e.id, e.msg) for e in pack_errors(manager)}
    expected = {
        ("safegrid.E004", "for the industry 'shipping', which no enabled pack brings"),
        ("safegrid.E020", "threshold operator '=>' is not one of >= > <= <"),
        ("safegrid.E020", "a threshold needs a basis or the typical mark"),
        ("safegrid.E020", "names the risk point 'no_such_point', which is not in"),
        ("safegrid.E020", "monitored parameter 'level' is given twice"),
        ("safegrid.E020", "returned 'a parameter' from safegrid_monitoring_parameters"),
        ("safegrid.E021", "document section handbook/tanks is given twice"),
        (
            "safegrid.E021",
            "document must be one of handbook, post_card, emergency_card",
        ),
        ("safegrid.E021", "order must be a whole number"),
        ("safegrid.E022", "inspection schedule 'rounds' is given twice"),
        ("safegrid.E022", "period every=0 is below 1"),
        ("safegrid.E022", "period unit 'fortnight' is not one of hour, shift"),
        ("safegrid.E022", "unknown trigger 'full_moon'"),
        ("safegrid.E022", "who 'janitor' is not one of operator"),
        ("safegrid.E022", "check kind 'nap' is not one of routine"),
        ("safegrid.E022", "inspection schedule 'watch' cites no basis"),
    }
    for check_id, words in expected:
        assert any(i == check_id and words in m for i, m in errors), (check_id, words)
    assert not any("'tank', which" in m for _i, m in errors)


def test_an_accident_type_outside_gb_6441_is_refused():
    manager = build_plugin_manager([], extra_plugins=[("broken", BrokenContent())])
    messages = [
        e.msg for e in risk_contribution_errors(manager) if e.id == "safegrid.E012"
    ]
    assert any("accident type '21', not a GB 6441 code 01-20" in m for m in messages)
    assert not any("'08'" in m for m in messages)


class UnknownSuggestions:
    """A library entry whose suggestions the enabled plugins cannot take."""

    @hookimpl
    def safegrid_industries(self):
        return dummy.safegrid_industries()

    @hookimpl
    def safegrid_risk_library(self):
        flanges = RiskLibraryFactor("210104", _text("法兰"))
        events = (
            RiskLibraryEvent(
                name=I18nText("甲", "A"),
                accident_types=("08",),
                hazard_factors=(flanges,),
                suggested_assessment=SuggestedAssessment("astrology", {}),
                direct_conditions=("full_moon",),
            ),
            RiskLibraryEvent(
                name=I18nText("乙", "B"),
                accident_types=("08",),
                hazard_factors=(RiskLibraryFactor("210104", _text("阀门")),),
                suggested_assessment=SuggestedAssessment("lec", {"L": 7}),
            ),
        )
        return [RiskLibraryEntry("tank", "dummy", _text(), "equipment", events=events)]


def test_suggestions_the_platform_cannot_take_stop_start_up():
    manager = build_plugin_manager([], extra_plugins=[("broken", UnknownSuggestions())])
    messages = [
        e.msg for e in risk_contribution_errors(manager) if e.id == "safegrid.E012"
    ]
    # Two factors with one code and different texts: a problem of the entry.
    assert any("two hazard factors share the code '210104'" in m for m in messages)


def test_unknown_suggested_methods_and_conditions_are_reported():
    class Fixed(UnknownSuggestions):
        @hookimpl
        def safegrid_risk_library(self):
            [entry] = super().safegrid_risk_library()
            same = RiskLibraryFactor("210104", _text("法兰"))
            events = tuple(
                RiskLibraryEvent(
                    name=e.name,
                    accident_types=e.accident_types,
                    hazard_factors=(same,),
                    suggested_assessment=e.suggested_assessment,
                    direct_conditions=e.direct_conditions,
                )
                for e in entry.events
            )
            return [
                RiskLibraryEntry("tank", "dummy", _text(), "equipment", events=events)
            ]

    manager = build_plugin_manager([], extra_plugins=[("broken", Fixed())])
    messages = [
        e.msg for e in risk_contribution_errors(manager) if e.id == "safegrid.E012"
    ]
    assert any("suggests the unknown method 'astrology'" in m for m in messages)
    assert any(
        "unknown direct-determination condition 'full_moon'" in m for m in messages
    )
    assert any("suggested input" in m and "'B'" in m for m in messages)


def test_dummy_emergency_templates():
    manager = build_plugin_manager([], extra_plugins=[("dummy", dummy)])
    [(name, template)] = manager.collect("safegrid_emergency_templates")
    assert (name, template.kind, template.key, template.plan_kind) == (
        "dummy",
        "drill_scenario",
        "dummy_tank_leak",
        "on_site",
    )
    assert pack_errors(manager) == []


def test_a_malformed_emergency_template_stops_start_up():
    from plugins.contributions import EmergencyTemplate, I18nText

    class Bad:
        @hookimpl
        def safegrid_emergency_templates(self):
            good = EmergencyTemplate(
                kind="plan",
                key="dummy_plan",
                industry="dummy",
                title=I18nText("预案", "Plan"),
                plan_kind="on_site",
            )
            return [
                good,
                good,
                EmergencyTemplate(
                    kind="poem", key="Bad Key", industry="dummy", title=I18nText("", "")
                ),
            ]

    manager = build_plugin_manager([], extra_plugins=[("dummy", dummy), ("bad", Bad())])
    messages = [e.msg for e in pack_errors(manager) if e.id == "safegrid.E024"]
    assert any("given twice" in m for m in messages)
    assert any("kind must be one of" in m for m in messages)
    assert any("key is invalid" in m for m in messages)
