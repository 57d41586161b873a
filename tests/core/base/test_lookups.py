"""``text_contains``: a case-insensitive part of a text, on every database."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.base.lookups import has_case
from core.risks.models import RiskPoint

pytestmark = pytest.mark.django_db


def test_a_term_has_case_when_a_letter_can_change_case():
    assert has_case("%Tank%")
    assert has_case("%ß%")
    assert not has_case("%风险点0000%")
    assert not has_case("%1号\\_%")


def test_the_same_rows_whatever_the_case_and_the_script(world):
    for name in ("1号Reactor储罐", "二号风险点", "Tank 3"):
        RiskPoint.objects.create(enterprise=world.enterprise_a, name=name, kind="area")

    def names(term: str) -> set[str]:
        with CaptureQueriesContext(connection) as captured:
            found = set(
                RiskPoint.objects.filter(name__text_contains=term).values_list(
                    "name", flat=True
                )
            )
        if connection.vendor == "postgresql":
            # A term without a letter of either case needs no case folding.
            operator = " ILIKE " if has_case(term) else " LIKE "
            assert operator in captured[-1]["sql"], captured[-1]["sql"]
        return found

    assert names("reactor") == names("REACTOR") == {"1号Reactor储罐"}
    assert names("1号") == {"1号Reactor储罐"}
    assert names("风险") == {"二号风险点"}
    assert names("号") == {"1号Reactor储罐", "二号风险点"}
    assert names("tank 3") == {"Tank 3"}
    assert names("%") == names("_") == set()
