"""The submissions list sorts by a header only in an order an index serves
(``ScopedIndexView.indexed_orderings``): the submission time, both ways,
ties broken by the key (``submission_order``); any other ``?ordering=`` is
ignored (newest first stays)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.forms.models import Submission
from core.forms.services import submission_submit
from tests.core.admin_helpers import assert_not_sortable, listed_ids
from tests.core.forms.conftest import VALID_ANSWER
from tests.factories import logged_in

pytestmark = pytest.mark.django_db
ADMIN = "/admin/forms/submissions/"


def _ids(client, query: str) -> list[int]:
    return listed_ids(client, ADMIN + query, "/admin/forms/submissions/detail/")


@pytest.fixture
def submissions(world, published):
    _definition, version = published
    made = [
        submission_submit(
            actor=world.manager_a,
            version=version,
            enterprise=world.enterprise_a,
            data=VALID_ANSWER,
        )
        for _ in range(4)
    ]
    now = timezone.now()
    at = [now - datetime.timedelta(hours=h) for h in (3, 1, 1, 2)]  # a tie
    for submission, when in zip(made, at, strict=True):
        Submission.objects.filter(pk=submission.pk).update(submitted_at=when)
    return [Submission.objects.get(pk=s.pk) for s in made]


def test_sorted_by_submission_time_both_ways_ties_by_key(world, submissions):
    newest = [s.pk for s in sorted(submissions, key=lambda s: (s.submitted_at, s.pk))][
        ::-1
    ]
    client = logged_in(world.dept_chemicals)
    assert _ids(client, "") == newest
    assert _ids(client, "?ordering=-submitted_at") == newest
    assert _ids(client, "?ordering=submitted_at") == newest[::-1]
    # Filtered to one enterprise (its own index), the same order.
    one = f"&enterprise={world.enterprise_a.pk}"
    assert _ids(client, f"?ordering=submitted_at{one}") == newest[::-1]


def test_a_header_no_index_serves_is_not_sortable(world, submissions):
    client = logged_in(world.dept_chemicals)
    link = "/admin/forms/submissions/detail/"
    keys = ("score", "status", "enterprise", "passed", "form")
    assert_not_sortable(client, ADMIN, link, keys, sortable="submitted_at")
