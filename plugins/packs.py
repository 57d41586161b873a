"""The installed packs, and the Django app each enabled one adds to the settings.

A pack is a pluggy plugin found through the ``safegrid.packs`` entry-point
group and, at the same time, a Django app (as a pretix plugin is): the
package its entry point's module lives in (``safegrid_chemicals.plugin`` →
``safegrid_chemicals``). As an app it ships its own translation catalogues,
templates and static files, namespaced by its package name. Installed is not
enabled: only the packs ``SAFEGRID_PACKS`` names are added to
``INSTALLED_APPS`` (``pack_apps``) and registered with the plugin manager.

This module reads entry-point metadata only and imports nothing, so the
settings can call it before Django is set up.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points

from plugins import ENTRY_POINT_GROUP

ALL = "*"


def installed_packs() -> list[EntryPoint]:
    """The entry points of every installed pack, enabled or not."""
    return list(entry_points(group=ENTRY_POINT_GROUP))


def enabled(names: Iterable[str] | None) -> set[str] | None:
    """The enabled pack names; ``None`` when every installed pack is (``*``)."""
    if names is None:
        return None
    wanted = set(names)
    return None if ALL in wanted else wanted


def pack_app(entry_point: EntryPoint) -> str:
    """The Django app of a pack: the top-level package of its entry point."""
    return entry_point.module.split(".", 1)[0]


def pack_apps(names: Iterable[str] | None) -> list[str]:
    """The Django apps of the enabled packs that are installed, in found order.

    An enabled pack that is not installed adds no app; the plugin manager
    reports it at start-up (``safegrid.E001``).
    """
    wanted = enabled(names)
    apps: list[str] = []
    for entry_point in installed_packs():
        if wanted is not None and entry_point.name not in wanted:
            continue
        app = pack_app(entry_point)
        if app not in apps:
            apps.append(app)
    return apps
