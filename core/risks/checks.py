"""System checks for what plugins contribute to risk grading.

A broken risk-library entry stops start-up with a clear message instead of
failing when an enterprise first copies it. Scoring rules and
direct-determination conditions are checked by the scoring engine
(``core.scoring.checks``).
"""

from __future__ import annotations

from collections import defaultdict

from django.core.checks import Error, register

from core.scoring import UnknownRule, scoring_engine
from core.scoring.checks import scoring_contribution_errors
from plugins.contributions import RiskLibraryEntry
from plugins.manager import SafegridPluginManager, get_plugin_manager


@register("safegrid")
def check_risk_library(app_configs=None, **kwargs) -> list[Error]:
    manager = get_plugin_manager()
    if manager.problems:
        return []  # plugins.checks reports broken packs first
    return _library_errors(manager)


def risk_contribution_errors(manager: SafegridPluginManager) -> list[Error]:
    """Every problem of the scoring rules, conditions and risk library."""
    return [*scoring_contribution_errors(manager), *_library_errors(manager)]


def _library_errors(manager: SafegridPluginManager) -> list[Error]:
    errors = []
    registry = scoring_engine(manager)
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for pack, item in manager.collect("safegrid_risk_library"):
        if not isinstance(item, RiskLibraryEntry):
            errors.append(
                _wrong_type(pack, item, "safegrid_risk_library", "RiskLibraryEntry")
            )
            continue
        seen[(pack, item.key)] += 1
        problems = item.problems() or _suggestion_problems(item, registry)
        errors.extend(
            Error(f"Pack {pack!r}: {problem}.", id="safegrid.E012")
            for problem in problems
        )
    errors.extend(
        Error(
            f"Pack {pack!r} has {count} risk library entries with the key {key!r}.",
            id="safegrid.E012",
        )
        for (pack, key), count in seen.items()
        if count > 1
    )
    return errors


def _suggestion_problems(entry: RiskLibraryEntry, registry) -> list[str]:
    """Suggestions of methods or conditions the enabled plugins do not know.

    The copy offers a suggestion pre-filled; one the enterprise could not
    submit unchanged would only be in its way.
    """
    found = []
    for event in entry.events:
        where = f"risk library entry {entry.key!r}: event {event.name.en!r}"
        found.extend(
            f"{where}: unknown direct-determination condition {key!r}"
            for key in event.direct_conditions
            if key not in registry.conditions
        )
        suggestion = event.suggested_assessment
        if suggestion is None:
            continue
        try:
            registered = registry.get(suggestion.method)
        except UnknownRule:
            found.append(f"{where}: suggests the unknown method {suggestion.method!r}")
            continue
        if not registered.is_risk_method:
            found.append(f"{where}: {suggestion.method!r} does not grade risks")
            continue
        found.extend(
            f"{where}: suggested input {error.path or '/'}: {error.reason}"
            for error in registry.validate(
                suggestion.method, suggestion.inputs, [entry.industry]
            )
        )
    return found


def _wrong_type(pack: str, item: object, hook: str, expected: str) -> Error:
    return Error(
        f"Pack {pack!r} returned {item!r} from {hook}(); expected {expected} objects.",
        id="safegrid.E013",
    )
