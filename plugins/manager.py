"""The one plugin manager: built-in plugins first, then the enabled packs.

Packs are found through the ``safegrid.packs`` entry-point group
(``plugins.packs``); which of the installed packs are enabled is the
``SAFEGRID_PACKS`` setting, which also adds each enabled pack's Django app to
``INSTALLED_APPS``. Problems met
while loading (a pack that fails to import, a hook implementation without a
specification) are kept on the manager and reported by the Django system
checks in ``plugins.checks``, so a broken pack stops start-up with a clear
message instead of failing at request time.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pluggy

from plugins import PROJECT_NAME, hookspecs
from plugins.packs import enabled as enabled_packs
from plugins.packs import installed_packs

logger = logging.getLogger(__name__)

BUILTIN_PREFIX = "safegrid."

# The platform's own behaviour, registered through the same hooks as a pack:
# plugin name → dotted path of the module beside the feature it contributes
# to. The names are stable (an assessment stores the plugin that provided
# its method), wherever the module lives.
DEFAULT_PLUGINS: dict[str, str] = {
    BUILTIN_PREFIX + "default_portal": "core.portal.default_plugin",
    BUILTIN_PREFIX + "default_scoring": "core.risks.default_scoring",
    BUILTIN_PREFIX + "default_risks": "core.risks.default_plugin",
    BUILTIN_PREFIX + "default_notices": "core.notices.default_plugin",
    BUILTIN_PREFIX + "default_forms": "core.forms.default_plugin",
    BUILTIN_PREFIX + "default_inspections": "core.inspections.default_plugin",
    BUILTIN_PREFIX + "default_hazards": "core.hazards.default_plugin",
    BUILTIN_PREFIX + "default_monitoring": "core.monitoring.default_plugin",
    BUILTIN_PREFIX + "default_supervision": "core.supervision.default_plugin",
    BUILTIN_PREFIX + "default_emergency": "core.emergency.default_plugin",
    BUILTIN_PREFIX + "default_documents": "core.documents.default_plugin",
    BUILTIN_PREFIX + "default_campaigns": "core.campaigns.default_plugin",
}


@dataclass
class PackProblem:
    """A pack that could not be loaded or registered, and why."""

    pack: str
    message: str


@dataclass
class SafegridPluginManager:
    """The pluggy manager with what SafeGrid needs around it."""

    pm: pluggy.PluginManager
    problems: list[PackProblem] = field(default_factory=list)
    _static: dict[tuple[Any, ...], list[tuple[str, Any]]] = field(
        default_factory=dict, repr=False
    )

    @property
    def hook(self) -> Any:
        return self.pm.hook

    def pack_names(self) -> list[str]:
        """Names of the enabled packs (built-in plugins excluded)."""
        return [
            name
            for name, _plugin in self.pm.list_name_plugin()
            if name and not name.startswith(BUILTIN_PREFIX)
        ]

    def collect(self, hook_name: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call one hook and return ``(plugin name, item)`` for every item returned.

        Hooks that return lists are flattened, so each contribution is
        attributed to the plugin that made it. The implementations are called
        directly, not through pluggy's call loop: hook wrappers and
        ``firstresult`` do not apply (docs/plugins.md, "Hooks").
        """
        caller = getattr(self.pm.hook, hook_name)
        results: list[tuple[str, Any]] = []
        for impl in reversed(caller.get_hookimpls()):
            accepted = {k: v for k, v in kwargs.items() if k in impl.argnames}
            value = impl.function(**accepted)
            if value is None:
                continue
            items = value if isinstance(value, list | tuple) else [value]
            results.extend((impl.plugin_name, item) for item in items)
        return results

    def collect_static(self, hook_name: str) -> list[tuple[str, Any]]:
        """``collect`` for a hook without arguments whose contributions do not
        change while the process runs (channels, templates): called once per
        set of implementations and kept. Registering or removing a plugin
        changes the set, so the next call collects again."""
        impls = getattr(self.pm.hook, hook_name).get_hookimpls()
        key = (hook_name, *(id(impl.function) for impl in impls))
        if key not in self._static:
            self._static[key] = self.collect(hook_name)
        return list(self._static[key])


def build_plugin_manager(
    enabled: Iterable[str] | None = None,
    extra_plugins: Iterable[tuple[str, object]] = (),
) -> SafegridPluginManager:
    """Build a manager with the built-in plugins and the enabled packs.

    ``enabled`` lists entry-point names; ``None`` or ``["*"]`` enables every
    installed pack. ``extra_plugins`` registers ``(name, module)`` pairs that are
    not installed as distributions (the test suite's dummy pack).
    """
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    manager = SafegridPluginManager(pm=pm)
    for name, module_path in DEFAULT_PLUGINS.items():
        pm.register(importlib.import_module(module_path), name=name)

    wanted = enabled_packs(enabled)
    found = set()
    for entry_point in installed_packs():
        if wanted is not None and entry_point.name not in wanted:
            continue
        found.add(entry_point.name)
        try:
            plugin = entry_point.load()
        except Exception as exc:  # noqa: BLE001 - any import error is a broken pack
            manager.problems.append(
                PackProblem(entry_point.name, f"cannot be imported: {exc!r}")
            )
            continue
        _register(manager, entry_point.name, plugin)
    for name, plugin in extra_plugins:
        found.add(name)
        _register(manager, name, plugin)
    if wanted is not None:
        for missing in sorted(wanted - found):
            manager.problems.append(
                PackProblem(missing, "is enabled in SAFEGRID_PACKS but not installed")
            )
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        # Stray hooks were already reported one by one in _register().
        if not manager.problems:
            manager.problems.append(PackProblem(_plugin_name(pm, exc), str(exc)))
    return manager


def _plugin_name(pm: pluggy.PluginManager, exc: pluggy.PluginValidationError) -> str:
    return pm.get_name(exc.plugin) or "?"


def _register(manager: SafegridPluginManager, name: str, plugin: object) -> None:
    try:
        manager.pm.register(plugin, name=name)
    except (pluggy.PluginValidationError, ValueError) as exc:
        manager.problems.append(PackProblem(name, f"cannot be registered: {exc}"))
        return
    # check_pending() names only the first stray hook; report each one of them.
    for attr in dir(plugin):
        if not attr.startswith("safegrid_"):
            continue
        if not hasattr(hookspecs, attr):
            manager.problems.append(
                PackProblem(name, f"implements {attr}(), which is not a SafeGrid hook")
            )
        elif manager.pm.parse_hookimpl_opts(plugin, attr) is None:
            manager.problems.append(
                PackProblem(name, f"defines {attr}() without @hookimpl; it is ignored")
            )


_manager: SafegridPluginManager | None = None


def get_plugin_manager() -> SafegridPluginManager:
    """The process-wide manager, built from ``settings.SAFEGRID_PACKS`` once."""
    global _manager  # noqa: PLW0603 - one manager per process, built lazily
    if _manager is None:
        from django.conf import settings

        _manager = build_plugin_manager(settings.SAFEGRID_PACKS)
    return _manager


def set_plugin_manager(manager: SafegridPluginManager | None) -> None:
    """Replace the process-wide manager (tests enable packs explicitly with it)."""
    global _manager  # noqa: PLW0603
    _manager = manager
