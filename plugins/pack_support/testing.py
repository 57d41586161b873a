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


def check_items(definition: FormDefinitionContribution) -> list[dict[str, Any]]:
    """The values of the definition's check items outside repeatable groups."""
    return [
        question["value"]
        for block in definition.blocks
        for question in (block["value"].get("questions") or [block])
        if question["type"] == "check_item"
    ]
