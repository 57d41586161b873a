"""The SafeGrid plugin system: hook specifications, the manager, built-in plugins."""

import pluggy

PROJECT_NAME = "safegrid"
ENTRY_POINT_GROUP = "safegrid.packs"

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
hookspec = pluggy.HookspecMarker(PROJECT_NAME)

__all__ = ["ENTRY_POINT_GROUP", "PROJECT_NAME", "hookimpl", "hookspec"]
