"""The API's submission list is written from plain rows
(``SUBMISSION_ROWS``, core.forms.api): the same JSON as ``SubmissionSerializer``, row for
row, on every cursor page and filter, in a fixed number of queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.forms.api import SubmissionSerializer
from core.forms.models import Submission, SubmissionStatus
from core.forms.selectors import submission_list
from core.forms.services import definition_publish, definition_update_blocks
from core.organizations.scope import scope_for
from tests.core.base.api_pages import serialized
from tests.core.forms.conftest import checklist_blocks
from tests.core.forms.test_api import client_for, submissions_url
from tests.core.forms.test_write_roles import submitted_by_manager

pytestmark = pytest.mark.django_db


def expected(user, definition, **filters) -> list[dict]:
    """What the serializer writes for every submission the user sees."""
    submissions = submission_list(
        scope=scope_for(user), definition=definition, **filters
    )
    return serialized(SubmissionSerializer, submissions)


def every_row(client, link, params=None) -> list[dict]:
    body = client.get(link, params or {}).json()
    rows = body["results"]
    while body["next"]:
        body = client.get(body["next"]).json()
        rows += body["results"]
    return rows


@pytest.fixture
def varied(world, published):
    """Submissions that exercise every branch of a row: scored with findings
    (the service), unscored with nothing but answers, returned with
    warnings, answers of a second version, enterprise B's; enough of them
    for two cursor pages."""
    definition, version = published
    start = submitted_by_manager(world, version).submitted_at
    Submission.objects.bulk_create(
        Submission(
            definition=definition,
            version=version,
            enterprise=world.enterprise_a if index % 3 else world.enterprise_b,
            data={"note": f"第{index}份", "empty": None, "list": [1, 2.5, "三"]},
            submitted_at=start - timedelta(minutes=index // 2),
        )
        for index in range(60)
    )
    Submission.objects.create(
        definition=definition,
        version=version,
        enterprise=world.enterprise_a,
        data={},
        status=SubmissionStatus.RETURNED,
        revision=3,
        score=0.0,
        max_score=12,
        percent=0,
        passed=False,
        findings=[{"key": "exits", "title": "安全出口", "note": "堆放杂物"}],
        warnings=["单位不符"],
        submitted_at=start - timedelta(days=1),
    )
    changed = checklist_blocks()
    changed[0]["value"]["title"] = "消防安全（修订）"
    definition_update_blocks(definition=definition, blocks=changed)
    second = definition_publish(definition=definition, user=world.dept_chemicals)
    definition.refresh_from_db()
    submitted_by_manager(world, second)
    return definition


@pytest.mark.parametrize(
    "role", ["committee", "dept_chemicals", "manager_a", "staff_a"]
)
def test_the_rows_are_the_serializers_row_for_row(world, varied, role):
    user = getattr(world, role)
    rows = every_row(client_for(user), submissions_url(varied.key))
    assert rows == expected(user, varied)
    assert rows or role == "staff_a"


def test_every_branch_of_a_row(world, varied):
    rows = every_row(client_for(world.committee), submissions_url(varied.key))
    assert len(rows) == 63
    assert rows[0]["version"] == 2 and rows[1]["version"] == 1
    assert rows[0]["score"] is not None and rows[0]["breakdown"]
    plain = next(row for row in rows if row["data"].get("note") == "第0份")
    assert plain["score"] is None and plain["passed"] is None
    assert plain["breakdown"] == {} and plain["findings"] == []
    assert plain["data"]["list"] == [1, 2.5, "三"]
    returned = rows[-1]
    assert returned["status"] == "returned" and returned["revision"] == 3
    assert returned["passed"] is False and returned["warnings"] == ["单位不符"]
    assert returned["findings"][0]["note"] == "堆放杂物"
    assert {row["enterprise"] for row in rows} == {
        world.enterprise_a.pk,
        world.enterprise_b.pk,
    }


def test_filtered_and_last_pages_keep_the_shape(world, varied):
    client = client_for(world.committee)
    link = submissions_url(varied.key)
    assert every_row(client, link, {"enterprise": world.enterprise_b.pk}) == expected(
        world.committee, varied, enterprise=world.enterprise_b.pk
    )
    assert every_row(client, link, {"status": "returned"}) == expected(
        world.committee, varied, status="returned"
    )
    last = client.get(link, {"cursor": "last"}).json()
    assert last["results"] == expected(world.committee, varied)[-50:]


def test_queries_do_not_grow_with_the_submissions(
    world, published, django_assert_num_queries
):
    definition, version = published
    client = client_for(world.committee)
    link = submissions_url(definition.key)
    for _ in range(2):
        submitted_by_manager(world, version)
    client.get(link)  # the user's token, content types
    with CaptureQueriesContext(connection) as few:
        client.get(link)
    # Read now: the next request empties the connection's query log.
    whole_page = len(few)
    first = Submission.objects.get(pk=client.get(link).json()["results"][0]["id"])
    Submission.objects.bulk_create(
        Submission(
            definition=definition,
            version=version,
            enterprise=world.enterprise_a,
            data=first.data,
            score=first.score,
            submitted_at=first.submitted_at - timedelta(minutes=index),
        )
        for index in range(1, 80)
    )
    with django_assert_num_queries(whole_page + 1):  # the count: a page follows
        body = client.get(link).json()
    assert len(body["results"]) == 50
    with django_assert_num_queries(whole_page + 1):
        client.get(body["next"])
