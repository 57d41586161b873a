"""System checks: every form definition an enabled pack contributes must compile.

A pack whose checklist has a duplicate key or a condition on a later question
is refused at start-up (``forms.E001``), not when the sync or a user meets it.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.checks import Error, register

from plugins.contributions import FormDefinitionContribution
from plugins.manager import SafegridPluginManager, get_plugin_manager


@register("safegrid")
def check_pack_form_definitions(app_configs=None, **kwargs) -> list[Error]:
    manager = get_plugin_manager()
    if manager.problems:
        return []  # plugins.checks reports a broken pack first
    return form_definition_errors(manager)


def form_definition_errors(manager: SafegridPluginManager) -> list[Error]:
    """Every problem of the form definitions the enabled packs contribute."""
    from core.forms.rules import is_known_rule
    from core.forms.services import definition_check
    from core.scoring import scoring_engine

    engine = scoring_engine(manager)

    errors = []
    owners: dict[str, list[str]] = defaultdict(list)
    for plugin_name, item in manager.collect("safegrid_form_definitions"):
        if not isinstance(item, FormDefinitionContribution):
            errors.append(
                Error(
                    f"Pack {plugin_name!r} returned {item!r:.80} from "
                    "safegrid_form_definitions(); expected "
                    "FormDefinitionContribution objects.",
                    id="forms.E001",
                )
            )
            continue
        owners[item.key].append(plugin_name)
        problems = item.problems()
        if not problems:
            _blocks, block_problems = definition_check(list(item.blocks))
            problems = [f"{p.location()}: {p.message}" for p in block_problems]
            rule = (item.scoring or {}).get("rule") or "sum"
            if not is_known_rule(rule, engine):
                problems.append(f"unknown scoring rule {rule!r}")
        errors.extend(
            Error(
                f"Pack {plugin_name!r}, form definition {item.key!r}: {problem}",
                hint="Fix the definition in the pack (see docs/forms-engine.md).",
                id="forms.E001",
            )
            for problem in problems
        )
    for key, plugin_names in owners.items():
        if len(plugin_names) > 1:
            errors.append(
                Error(
                    f"Form definition key {key!r} is contributed by several "
                    f"plugins: {', '.join(sorted(plugin_names))}.",
                    id="forms.E002",
                )
            )
    return errors
