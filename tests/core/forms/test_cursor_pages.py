"""The submission list (API) pages by cursor, newest first: a stable order,
and rows added between requests are neither repeated nor skipped."""

from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from core.forms.models import Submission
from core.forms.services import submission_submit
from tests.core.forms.conftest import VALID_ANSWER

pytestmark = pytest.mark.django_db


def url(key):
    return f"/api/v1/forms/{key}/submissions/"


def copies(first, enterprise, times):
    """Submissions like ``first`` at ``times`` (some equal: the id decides)."""
    fields = {
        name: getattr(first, name)
        for name in ("definition", "version", "data", "score", "max_score", "status")
    }
    return Submission.objects.bulk_create(
        Submission(enterprise=enterprise, submitted_at=at, **fields) for at in times
    )


def ids(client, link):
    seen = []
    while link:
        body = client.get(link).json()
        seen += [row["id"] for row in body["results"]]
        link = body["next"]
    return seen


def order_of(queryset):
    return list(queryset.order_by("-submitted_at", "-pk").values_list("pk", flat=True))


def test_cursor_pages_of_submissions(world, published):
    definition, version = published
    first = submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    start = first.submitted_at
    # 120 more, in pairs at the same second.
    copies(
        first, world.enterprise_a, [start - timedelta(hours=i // 2) for i in range(120)]
    )
    client = APIClient()
    client.force_authenticate(world.dept_chemicals)
    everything = order_of(Submission.objects.filter(definition=definition))
    assert ids(client, url(definition.key)) == everything  # stable, total order

    page = client.get(url(definition.key)).json()
    read = [row["id"] for row in page["results"]]
    cursor_at = everything.index(read[-1])
    # Added between two requests: one newer than anything and one at the
    # cursor's own time (a higher id: newest first, so before the cursor), and
    # one older (after it).
    cursor_time = Submission.objects.get(pk=read[-1]).submitted_at
    copies(
        first,
        world.enterprise_a,
        [start + timedelta(hours=1), cursor_time, start - timedelta(days=30)],
    )
    now = order_of(Submission.objects.filter(definition=definition))
    rest = ids(client, page["next"])
    assert len(read + rest) == len(set(read + rest))  # nothing twice
    position = now.index(read[-1])
    assert rest == now[position + 1 :]  # nothing skipped, in order
    assert len(rest) == len(everything) - cursor_at - 1 + 1
    back = client.get(client.get(page["next"]).json()["previous"]).json()
    assert [row["id"] for row in back["results"]] == now[position - 49 : position + 1]
