"""System checks for what plugins contribute to risk grading.

A broken risk-library entry stops start-up with a clear message instead of
failing when an enterprise first copies it. Scoring rules and
direct-determination conditions are checked by the scoring engine
(``core.scoring.checks``).
"""

from __future__ import annotations

from collections import defaultdict

from django.core.checks import Error, register

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
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for pack, item in manager.collect("safegrid_risk_library"):
        if not isinstance(item, RiskLibraryEntry):
            errors.append(
                _wrong_type(pack, item, "safegrid_risk_library", "RiskLibraryEntry")
            )
            continue
        seen[(pack, item.key)] += 1
        errors.extend(
            Error(f"Pack {pack!r}: {problem}.", id="safegrid.E012")
            for problem in item.problems()
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


def _wrong_type(pack: str, item: object, hook: str, expected: str) -> Error:
    return Error(
        f"Pack {pack!r} returned {item!r} from {hook}(); expected {expected} objects.",
        id="safegrid.E013",
    )
