"""An enterprise with a known risk point, and its notice at each step."""

from __future__ import annotations

import pytest

from core.notices.services import risk_notice_generate
from core.risks.services import risk_point_create
from tests.core.risks.conftest import reactor_data


@pytest.fixture
def notice_world(world):
    """Enterprise A with one assessed (general) risk point."""
    risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    return world


@pytest.fixture
def draft(notice_world):
    """Enterprise A's risk notice, generated, not yet submitted."""
    return risk_notice_generate(
        actor=notice_world.manager_a, enterprise=notice_world.enterprise_a
    )
