"""System checks for what plugins contribute to risk grading.

A malformed scoring rule, an invalid JSON Schema, a key claimed twice or a
broken risk-library entry stops start-up with a clear message instead of
failing when an enterprise first uses it.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.checks import Error, register

from core.risks.scoring import rule_problems
from plugins.contributions import DirectCondition, RiskLibraryEntry, ScoringRule
from plugins.manager import SafegridPluginManager, get_plugin_manager


@register("safegrid")
def check_risk_contributions(app_configs=None, **kwargs) -> list[Error]:
    manager = get_plugin_manager()
    if manager.problems:
        return []  # plugins.checks reports broken packs first
    return risk_contribution_errors(manager)


def risk_contribution_errors(manager: SafegridPluginManager) -> list[Error]:
    return [
        *_rule_errors(manager),
        *_condition_errors(manager),
        *_library_errors(manager),
    ]


def _rule_errors(manager: SafegridPluginManager) -> list[Error]:
    errors = []
    owners: dict[str, list[str]] = defaultdict(list)
    for pack, rule in manager.collect("safegrid_scoring_rules"):
        if not isinstance(rule, ScoringRule):
            errors.append(
                _wrong_type(pack, rule, "safegrid_scoring_rules", "ScoringRule")
            )
            continue
        owners[rule.key].append(pack)
        problems = rule_problems(rule)
        errors.extend(
            Error(f"Pack {pack!r}: {problem}.", id="safegrid.E010")
            for problem in problems
        )
    errors.extend(_duplicates(owners, "Scoring rule key"))
    return errors


def _condition_errors(manager: SafegridPluginManager) -> list[Error]:
    errors = []
    owners: dict[str, list[str]] = defaultdict(list)
    for pack, item in manager.collect("safegrid_direct_determination_conditions"):
        if not isinstance(item, DirectCondition):
            errors.append(
                _wrong_type(
                    pack,
                    item,
                    "safegrid_direct_determination_conditions",
                    "DirectCondition",
                )
            )
            continue
        owners[item.key].append(pack)
        errors.extend(
            Error(f"Pack {pack!r}: {problem}.", id="safegrid.E011")
            for problem in item.problems()
        )
    errors.extend(_duplicates(owners, "Direct-determination condition key"))
    return errors


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


def _duplicates(owners: dict[str, list[str]], what: str) -> list[Error]:
    return [
        Error(
            f"{what} {key!r} is contributed by several plugins: "
            f"{', '.join(sorted(packs))}.",
            hint="A key belongs to exactly one plugin; rename the pack's one.",
            id="safegrid.E014",
        )
        for key, packs in owners.items()
        if len(packs) > 1
    ]
