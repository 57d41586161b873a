"""The enterprise list sorts by a header only in an order an index serves
(``ScopedIndexView.indexed_orderings``): the name (the list's own order) and
the unified social credit code, both ways; the jurisdiction header has no
sort link and its ``?ordering=`` is ignored (the name order stays)."""

from __future__ import annotations

import pytest

from core.organizations.models import Enterprise
from tests.core.admin_helpers import assert_not_sortable, listed_ids
from tests.factories import EnterpriseFactory, logged_in

pytestmark = pytest.mark.django_db
ADMIN = "/admin/organizations/enterprises/"


def _ids(client, query: str) -> list[int]:
    return listed_ids(client, ADMIN + query, "/admin/organizations/enterprises/edit/")


@pytest.fixture
def enterprises(world):
    # Names that tie: the key breaks the tie.
    return [
        EnterpriseFactory(name="丙公司", jurisdiction=world.street1),
        EnterpriseFactory(name="丙公司", jurisdiction=world.street2),
        EnterpriseFactory(name="丁公司", jurisdiction=world.grid1),
    ]


def test_sorted_by_name_or_code_both_ways(world, enterprises):
    client = logged_in(world.committee)
    rows = list(Enterprise.objects.all())
    by_name = [e.pk for e in sorted(rows, key=lambda e: (e.name, e.pk))]
    by_code = [e.pk for e in sorted(rows, key=lambda e: e.uscc)]
    assert _ids(client, "") == by_name
    assert _ids(client, "?ordering=name") == by_name
    assert _ids(client, "?ordering=-name") == by_name[::-1]
    assert _ids(client, "?ordering=uscc") == by_code
    assert _ids(client, "?ordering=-uscc") == by_code[::-1]


def test_a_header_no_index_serves_is_not_sortable(world, enterprises):
    client = logged_in(world.committee)
    link = "/admin/organizations/enterprises/edit/"
    assert_not_sortable(
        client, ADMIN, link, ("jurisdiction", "address"), sortable="uscc"
    )
    assert "ordering=name" in client.get(ADMIN).content.decode()
