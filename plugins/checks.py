"""System checks that stop start-up when a pack is broken.

They run at ``runserver``, ``migrate`` and ``check`` (and in the test suite),
so a broken pack is refused with a clear message before any request is served.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.core.checks import Error, register

from plugins.contributions import (
    DocumentSection,
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
    errors.extend(_document_errors(manager))
    errors.extend(_schedule_errors(manager))
    errors.extend(_channel_errors(manager))
    errors.extend(_emergency_template_errors(manager))
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


def _monitoring_errors(manager: SafegridPluginManager) -> list[Error]:
    """Malformed monitored parameters, keys used twice, unknown risk points."""
    library: dict[str, set[str]] = defaultdict(set)
    for plugin_name, entry in manager.collect("safegrid_risk_library"):
        if isinstance(entry, RiskLibraryEntry):
            library[plugin_name].add(entry.key)
    seen: set[tuple[str, str]] = set()

    def more(plugin_name: str, item: MonitoringParameter) -> list[str]:
        found = [
            f"monitored parameter {item.key!r} names the risk point {key!r}, "
            "which is not in the pack's risk library"
            for key in item.risk_points
            if key not in library[plugin_name]
        ]
        if (plugin_name, item.key) in seen:
            found.append(f"monitored parameter {item.key!r} is given twice")
        seen.add((plugin_name, item.key))
        return found

    return _typed_errors(
        manager,
        "safegrid_monitoring_parameters",
        MonitoringParameter,
        "safegrid.E020",
        more,
    )


def _document_errors(manager: SafegridPluginManager) -> list[Error]:
    """Malformed document sections and a key used twice in one document."""
    seen: set[tuple[str, str, str]] = set()

    def more(plugin_name: str, item: DocumentSection) -> list[str]:
        where = (plugin_name, item.document, item.key)
        if where in seen:
            return [f"document section {item.document}/{item.key} is given twice"]
        seen.add(where)
        return []

    return _typed_errors(
        manager, "safegrid_document_sections", DocumentSection, "safegrid.E021", more
    )


def _schedule_errors(manager: SafegridPluginManager) -> list[Error]:
    """Malformed inspection schedules and a key used twice by one plugin."""
    seen: set[tuple[str, str]] = set()

    def more(plugin_name: str, item: InspectionSchedule) -> list[str]:
        if (plugin_name, item.key) in seen:
            return [f"inspection schedule {item.key!r} is given twice"]
        seen.add((plugin_name, item.key))
        return []

    return _typed_errors(
        manager,
        "safegrid_inspection_schedules",
        InspectionSchedule,
        "safegrid.E022",
        more,
    )


def _channel_errors(manager: SafegridPluginManager) -> list[Error]:
    """Malformed notification channels and a key two plugins use."""
    seen: set[str] = set()

    def more(plugin_name: str, item: NotificationChannel) -> list[str]:
        if item.key in seen:
            return [f"notification channel {item.key!r} is given twice"]
        seen.add(item.key)
        return []

    return _typed_errors(
        manager,
        "safegrid_notification_channels",
        NotificationChannel,
        "safegrid.E030",
        more,
    )


def _emergency_template_errors(manager: SafegridPluginManager) -> list[Error]:
    """Malformed emergency templates and a key used twice per kind by one plugin."""
    from plugins.contributions import EmergencyTemplate

    seen: set[tuple[str, str, str]] = set()

    def more(plugin_name: str, item: EmergencyTemplate) -> list[str]:
        if (plugin_name, item.kind, item.key) in seen:
            return [f"emergency template {item.kind}/{item.key} is given twice"]
        seen.add((plugin_name, item.kind, item.key))
        return []

    return _typed_errors(
        manager,
        "safegrid_emergency_templates",
        EmergencyTemplate,
        "safegrid.E024",
        more,
    )


def _problems_of(item: Any) -> list[str]:
    """An item's own ``problems()`` (the contribution types each have one)."""
    return list(item.problems())
