"""Fixtures shared by the core's and the packs' tests."""

from __future__ import annotations

import pytest

from plugins.manager import build_plugin_manager, set_plugin_manager


@pytest.fixture(autouse=True)
def _fresh_plugin_manager():
    """Each test starts with the settings' manager (no packs under test settings)."""
    set_plugin_manager(None)
    yield
    set_plugin_manager(None)


@pytest.fixture
def enable_packs(db):
    """Enable packs explicitly: ``enable_packs("chemicals", extra=[(name, module)])``.

    Builds the manager, installs it process-wide and syncs the industries.
    """
    from core.organizations.services import industries_sync

    def enable(*names: str, extra=()):
        manager = build_plugin_manager(list(names), extra_plugins=extra)
        assert manager.problems == [], manager.problems
        set_plugin_manager(manager)
        industries_sync(manager=manager)
        return manager

    return enable


@pytest.fixture
def world(db):
    from tests.factories import build_world

    return build_world()
