"""System checks that stop start-up when a pack is broken.

They run at ``runserver``, ``migrate`` and ``check`` (and in the test suite),
so a broken pack is refused with a clear message before any request is served.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.checks import Error, register

from plugins.contributions import IndustryContribution
from plugins.manager import SafegridPluginManager, get_plugin_manager


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
