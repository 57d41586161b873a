"""The supervisors' risk point list writes its cells in Python
(core.risks.viewsets.PlainColumn, LevelColumn): the markup of the templates
they replace, whitespace aside."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.ui.tables import Column

from core.organizations.scope import scope_for
from core.risks.models import RiskPoint
from core.risks.selectors import risk_point_list
from core.risks.viewsets import LevelColumn, _field_column

pytestmark = pytest.mark.django_db

PARENT = {"row": None, "table": None, "request": None}


def normalised(html: str) -> str:
    html = re.sub(r"\s+", " ", str(html)).replace("<td >", "<td>")
    return re.sub(r">\s+|\s+<", lambda m: m.group(0).strip(), html)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_plain_cells_are_the_template_cells(world, reactor, language):
    RiskPoint.objects.create(enterprise=world.enterprise_a, name="空点", kind="area")
    with translation.override(language):
        for point in risk_point_list(scope=scope_for(world.committee)):
            for name in ("kind", "control_level", "updated_at"):
                fast = _field_column(name)
                template = Column(fast.accessor, label=fast.label, sort_key=name)
                assert normalised(fast.render_cell_html(point, PARENT)) == normalised(
                    template.render_cell_html(point, PARENT)
                )
            badge = render_to_string(
                "risks/includes/level_badge.html", {"level": point.level}
            )
            level = LevelColumn("level", accessor=lambda p: p.level)
            assert normalised(level.render_cell_html(point, PARENT)) == normalised(
                f"<td>{badge}</td>"
            )


def test_the_list_shows_the_cells(world, reactor, client):
    client.force_login(world.committee)
    html = client.get("/admin/risks/points/").content.decode()
    assert 'data-level="general"' in html and reactor.name in html
