"""What a pack's own tests call to check it against the platform.

A pack's tests run in the platform's pytest session (with Django set up), so
they may use the platform's checks and the forms compiler. These helpers load
the pack the way the platform does, through its entry point, and return
problems as plain text (empty when the pack is fine)::

    def test_the_pack_keeps_the_contract():
        assert pack_contract_problems("chemicals") == []

``pack_contract_problems`` installs the pack's manager process-wide (the
forms checks read scoring rules from it); the test suite's autouse fixture
puts the settings' manager back after each test.
"""

from __future__ import annotations

from typing import Any

from plugins.contributions import FormDefinitionContribution
from plugins.manager import (
    SafegridPluginManager,
    build_plugin_manager,
    set_plugin_manager,
)


def pack_manager(name: str) -> SafegridPluginManager:
    """A manager with the built-in plugins and the installed pack ``name``."""
    manager = build_plugin_manager([name])
    set_plugin_manager(manager)
    return manager


def contributions(manager: SafegridPluginManager, name: str, hook: str) -> list[Any]:
    """What the plugin ``name`` returns from ``hook``."""
    return [item for plugin, item in manager.collect(hook) if plugin == name]


def check_errors(manager: SafegridPluginManager) -> list[str]:
    """Every start-up check error of the manager's plugins (``manage.py check``)."""
    from core.forms.checks import form_definition_errors
    from core.risks.checks import risk_contribution_errors
    from plugins.checks import pack_errors

    errors = pack_errors(manager)
    if not manager.problems:
        errors += risk_contribution_errors(manager) + form_definition_errors(manager)
    return [f"{error.id}: {error.msg}" for error in errors]


def compile_problems(definition: FormDefinitionContribution) -> list[str]:
    """What stops the definition from being published: the editor's checks,
    then its compiled JSON Schema against the draft 2020-12 meta-schema."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    from core.forms.definition import compile_definition
    from core.forms.services import definition_check

    blocks, problems = definition_check(list(definition.blocks))
    if problems:
        return [f"{definition.key}: {p.location()}: {p.message}" for p in problems]
    compiled = compile_definition(
        blocks, title=definition.title.zh_hans, scoring=definition.scoring
    )
    try:
        Draft202012Validator.check_schema(compiled.json_schema)
    except SchemaError as exc:
        return [f"{definition.key}: the compiled JSON Schema is invalid: {exc.message}"]
    return []


def pack_contract_problems(name: str) -> list[str]:
    """Everything that keeps the installed pack ``name`` from working.

    The pack loads through its entry point, brings an industry, passes every
    start-up check, and each of its form definitions compiles to a valid JSON
    Schema.
    """
    manager = pack_manager(name)
    if manager.pack_names() != [name]:
        return [f"pack {name!r} is not found through its entry point"]
    problems = check_errors(manager)
    if not contributions(manager, name, "safegrid_industries"):
        problems.append(f"pack {name!r} brings no industry")
    for definition in contributions(manager, name, "safegrid_form_definitions"):
        problems += compile_problems(definition)
    return problems


def form_score(
    definition: FormDefinitionContribution, answers: dict[str, Any]
) -> dict[str, Any]:
    """How the forms engine scores ``answers`` to ``definition`` once published.

    The scoring rules are the process-wide manager's (``pack_manager`` sets
    it); the answers are not validated, so a test may give only the ones that
    count.
    """
    from core.forms.definition import compile_definition
    from core.forms.scoring import score_answers
    from core.forms.services import definition_check

    blocks, problems = definition_check(list(definition.blocks))
    if problems:
        raise ValueError(compile_problems(definition))
    plan = compile_definition(blocks, scoring=definition.scoring).scoring
    return score_answers(plan, answers).as_dict()


def form_findings(
    definition: FormDefinitionContribution, answers: dict[str, Any]
) -> dict[str, str]:
    """The hazards a submission of ``answers`` opens: ``{item key: grade}``.

    As the forms engine records them: answers to questions their conditions
    hide are dropped first (as the guided form does), then each non-compliant
    check item opens a hazard of its grade.
    """
    from core.forms.definition import compile_definition
    from core.forms.scoring import score_answers
    from core.forms.services import definition_check
    from core.forms.validation import answers_prune_hidden

    blocks, problems = definition_check(list(definition.blocks))
    if problems:
        raise ValueError(compile_problems(definition))
    compiled = compile_definition(blocks, scoring=definition.scoring)
    shown = answers_prune_hidden(compiled.ui_schema, answers)
    grades = {
        item["key"]: item.get("hazard_grade")
        for section in compiled.scoring.get("sections", [])
        for item in section.get("items", [])
    }
    result = score_answers(compiled.scoring, shown)
    return {
        item.key: grades[item.key]
        for item in result.items
        if item.result == "non_compliant" and grades.get(item.key)
    }


def check_items(definition: FormDefinitionContribution) -> list[dict[str, Any]]:
    """The values of the definition's check items outside repeatable groups."""
    return [
        question["value"]
        for block in definition.blocks
        for question in (block["value"].get("questions") or [block])
        if question["type"] == "check_item"
    ]


def library_copy_problems(
    name: str, content: dict[str, Any], *, actor: Any, enterprise: Any
) -> list[str]:
    """Copy every library entry of the pack ``name`` into ``enterprise`` and
    compare each copy with the pack's neutral ``content``, row by row.

    The pack must be enabled (its rules and conditions registered). Counts
    events, measures and factors per point and per event, and checks texts,
    accident types, factor links, control level, inspection period and the
    suggested assessments. Copies are made in Chinese; the caller's
    transaction rolls them back.
    """
    from django.utils import translation

    from core.risks.models import RiskEvent
    from core.risks.services import risk_point_create_from_library

    problems = []
    with translation.override("zh-hans"):
        for point in content["risk_points"]:
            copy = risk_point_create_from_library(
                actor=actor, enterprise=enterprise, pack=name, key=point["key"]
            )
            where = f"{point['key']}"
            period = point["inspection_period"]
            expected_point = {
                "control level": point["control_level"],
                "inspection period": (period["every"], period["unit"]),
                "events": len(point["events"]),
                "measures": sum(len(e["measures"]) for e in point["events"]),
                "factors": sorted(
                    (f["code"], f["text"]["zh_hans"]) for f in point["hazard_factors"]
                ),
            }
            copied_point = {
                "control level": copy.control_level,
                "inspection period": (copy.inspection_every, copy.inspection_unit),
                "events": copy.events.count(),
                "measures": copy.measures.count(),
                "factors": sorted(
                    (f.factor_class.code, f.description)
                    for f in copy.hazard_factors.select_related("factor_class")
                ),
            }
            problems += _differences(where, expected_point, copied_point)
            events = RiskEvent.objects.filter(risk_point=copy).order_by("order", "pk")
            for content_event, event in zip(point["events"], events, strict=False):
                expected = {
                    "name": content_event["name"]["zh_hans"],
                    "accident types": sorted(content_event["accident_types"]),
                    "measures": [
                        (m["type"], m["text"]["zh_hans"])
                        for m in content_event["measures"]
                    ],
                    "factors": sorted(
                        f["code"]
                        for f in point["hazard_factors"]
                        if content_event["key"] in f["events"]
                    ),
                    "suggestion": {
                        **content_event["assessment"],
                        **(
                            {"check_conditions": content_event["direct_rules"]}
                            if content_event["direct_rules"]
                            else {}
                        ),
                    },
                }
                copied = {
                    "name": event.name,
                    "accident types": sorted(
                        event.accident_types.values_list("code", flat=True)
                    ),
                    "measures": list(
                        event.measures.order_by("order").values_list(
                            "kind", "description"
                        )
                    ),
                    "factors": sorted(
                        event.hazard_factors.values_list(
                            "factor_class__code", flat=True
                        )
                    ),
                    "suggestion": event.suggested_assessment,
                }
                problems += _differences(
                    f"{where}, event {content_event['key']}", expected, copied
                )
    return problems


def _differences(
    where: str, expected: dict[str, Any], got: dict[str, Any]
) -> list[str]:
    return [
        f"{where}: {key} is {got[key]!r}, the content has {value!r}"
        for key, value in expected.items()
        if got[key] != value
    ]
