"""System checks that stop start-up when a pack is broken.

They run at ``runserver``, ``migrate`` and ``check`` (and in the test suite),
so a broken pack is refused with a clear message before any request is served.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable
from typing import Any, NamedTuple

from django.core.checks import Error, register

from plugins.contributions import (
    DocumentSection,
    EmergencyTemplate,
    IndustryContribution,
    InspectionSchedule,
    MonitoringParameter,
    NotificationChannel,
    RiskLibraryEntry,
)
from plugins.manager import SafegridPluginManager, get_plugin_manager

# Hooks whose contributions name an industry (``industry``, or ``None``: all).
INDUSTRY_HOOKS = (
    "safegrid_risk_library",
    "safegrid_form_definitions",
    "safegrid_monitoring_parameters",
    "safegrid_document_sections",
    "safegrid_inspection_schedules",
)


class KeyedHook(NamedTuple):
    """A hook whose items are checked by their own ``problems()``, and whose
    item is refused when an earlier one took its place (``where``)."""

    hook: str
    expected: type
    check_id: str
    where: Callable[[str, Any], Hashable]
    name: Callable[[Any], str]


KEYED_HOOKS = (
    # A key used twice in one document.
    KeyedHook(
        "safegrid_document_sections",
        DocumentSection,
        "safegrid.E021",
        lambda plugin_name, item: (plugin_name, item.document, item.key),
        lambda item: f"document section {item.document}/{item.key}",
    ),
    # A key used twice by one plugin.
    KeyedHook(
        "safegrid_inspection_schedules",
        InspectionSchedule,
        "safegrid.E022",
        lambda plugin_name, item: (plugin_name, item.key),
        lambda item: f"inspection schedule {item.key!r}",
    ),
    # A key two plugins use.
    KeyedHook(
        "safegrid_notification_channels",
        NotificationChannel,
        "safegrid.E030",
        lambda plugin_name, item: item.key,
        lambda item: f"notification channel {item.key!r}",
    ),
    # A key used twice per kind by one plugin.
    KeyedHook(
        "safegrid_emergency_templates",
        EmergencyTemplate,
        "safegrid.E024",
        lambda plugin_name, item: (plugin_name, item.kind, item.key),
        lambda item: f"emergency template {item.kind}/{item.key}",
    ),
)


@register("safegrid")
def check_packs(app_configs=None, **kwargs) -> list[Error]:
    return pack_errors(get_plugin_manager())


def pack_errors(manager: SafegridPluginManager) -> list[Error]:
    """Every problem of the enabled packs and their contributions, as check errors."""
    errors = [
        Error(
            f"Industry pack {problem.pack!r} {problem.message}",
            hint="Fix or uninstall the pack, or remove it from SAFEGRID_PACKS.",
            id="safegrid.E001",
        )
        for problem in manager.problems
    ]
    if errors:
        return errors
    errors.extend(_industry_errors(manager))
    errors.extend(_industry_reference_errors(manager))
    errors.extend(_monitoring_errors(manager))
    for keyed in KEYED_HOOKS:
        more = _given_twice(keyed.where, keyed.name)
        errors.extend(
            _typed_errors(manager, keyed.hook, keyed.expected, keyed.check_id, more)
        )
    return errors


def _industry_errors(manager: SafegridPluginManager) -> list[Error]:
    errors = []
    owners: dict[str, list[str]] = defaultdict(list)
    for plugin_name, item in manager.collect("safegrid_industries"):
        if not isinstance(item, IndustryContribution):
            errors.append(
                Error(
                    f"Industry pack {plugin_name!r} returned {item!r} from "
                    "safegrid_industries(); expected IndustryContribution objects.",
                    id="safegrid.E002",
                )
            )
            continue
        owners[item.code].append(plugin_name)
        errors.extend(
            Error(f"Industry pack {plugin_name!r}: {problem}.", id="safegrid.E002")
            for problem in item.problems()
        )
    for code, plugin_names in owners.items():
        if len(plugin_names) > 1:
            errors.append(
                Error(
                    f"Industry code {code!r} is contributed by several packs: "
                    f"{', '.join(sorted(plugin_names))}.",
                    hint="An industry belongs to exactly one pack.",
                    id="safegrid.E003",
                )
            )
    return errors


def _industry_reference_errors(manager: SafegridPluginManager) -> list[Error]:
    """Contributions for an industry that no enabled plugin brings."""
    known = {
        item.code
        for _name, item in manager.collect("safegrid_industries")
        if isinstance(item, IndustryContribution)
    }
    errors = []
    for hook in INDUSTRY_HOOKS:
        for plugin_name, item in manager.collect(hook):
            industry = getattr(item, "industry", None)
            if industry is None or industry in known:
                continue
            errors.append(
                Error(
                    f"Industry pack {plugin_name!r}: {hook}() contributes "
                    f"{getattr(item, 'key', item)!r} for the industry {industry!r}, "
                    "which no enabled pack brings.",
                    hint="Contribute the industry through safegrid_industries().",
                    id="safegrid.E004",
                )
            )
    return errors


def _typed_errors(
    manager: SafegridPluginManager,
    hook: str,
    expected: type,
    check_id: str,
    more: Callable[[str, Any], list[str]],
) -> list[Error]:
    """Items of the wrong type, then each item's ``problems()`` and ``more()``."""
    errors = []
    for plugin_name, item in manager.collect(hook):
        if not isinstance(item, expected):
            errors.append(
                Error(
                    f"Industry pack {plugin_name!r} returned {item!r:.80} from "
                    f"{hook}(); expected {expected.__name__} objects.",
                    id=check_id,
                )
            )
            continue
        errors.extend(
            Error(f"Industry pack {plugin_name!r}: {problem}.", id=check_id)
            for problem in [*_problems_of(item), *more(plugin_name, item)]
        )
    return errors


def _given_twice(
    where: Callable[[str, Any], Hashable], name: Callable[[Any], str]
) -> Callable[[str, Any], list[str]]:
    """A ``more`` for :func:`_typed_errors` refusing an item whose place
    (``where(plugin_name, item)``) an earlier item already took."""
    seen: set[Hashable] = set()

    def more(plugin_name: str, item: Any) -> list[str]:
        place = where(plugin_name, item)
        if place in seen:
            return [f"{name(item)} is given twice"]
        seen.add(place)
        return []

    return more


def _monitoring_errors(manager: SafegridPluginManager) -> list[Error]:
    """Malformed monitored parameters, keys used twice, unknown risk points."""
    library: dict[str, set[str]] = defaultdict(set)
    for plugin_name, entry in manager.collect("safegrid_risk_library"):
        if isinstance(entry, RiskLibraryEntry):
            library[plugin_name].add(entry.key)
    twice = _given_twice(
        lambda plugin_name, item: (plugin_name, item.key),
        lambda item: f"monitored parameter {item.key!r}",
    )

    def more(plugin_name: str, item: MonitoringParameter) -> list[str]:
        found = [
            f"monitored parameter {item.key!r} names the risk point {key!r}, "
            "which is not in the pack's risk library"
            for key in item.risk_points
            if key not in library[plugin_name]
        ]
        return [*found, *twice(plugin_name, item)]

    return _typed_errors(
        manager,
        "safegrid_monitoring_parameters",
        MonitoringParameter,
        "safegrid.E020",
        more,
    )


def _problems_of(item: Any) -> list[str]:
    """An item's own ``problems()`` (the contribution types each have one)."""
    return list(item.problems())
