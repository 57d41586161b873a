"""Enterprise risk rating: the formula, classes, recorded changes with
reasons, configurable weights, the daily job, bounded queries."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.hazards.models import HazardGrade, HazardStatus
from core.supervision.models import (
    EnterpriseRating,
    EnterpriseRatingChange,
    RatingWeights,
)
from core.supervision.rating import (
    Weights,
    rating_class,
    rating_components,
    rating_score,
    ratings_recompute,
)
from tests.core.supervision.test_map import hazard, point
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def test_components_and_classes():
    worst = rating_components(
        points=[2, 0, 0, 0],
        open_hazards=3,
        overdue=2,
        major=1,
        tasks_due=4,
        tasks_done=0,
    )
    assert worst == {"risk": 100.0, "hazards": 100.0, "inspections": 100.0}
    best = rating_components(
        points=[0, 0, 0, 5],
        open_hazards=0,
        overdue=0,
        major=0,
        tasks_due=0,
        tasks_done=0,
    )
    assert best == {"risk": 0.0, "hazards": 0.0, "inspections": 0.0}
    unknown = rating_components(
        points=[0, 0, 0, 0],
        open_hazards=1,
        overdue=0,
        major=0,
        tasks_due=2,
        tasks_done=1,
    )
    assert unknown == {"risk": 50.0, "hazards": 10.0, "inspections": 50.0}
    weights = Weights()
    assert rating_score(unknown, weights) == round(
        (40 * 50 + 35 * 10 + 25 * 50) / 100, 1
    )
    assert rating_class(0, weights) == "A"
    assert rating_class(25, weights) == "B"
    assert rating_class(45, weights) == "C"
    assert rating_class(65, weights) == "D"
    assert rating_score(unknown, Weights(risk=0, hazard=1, inspection=0)) == 10.0


def test_recompute_records_classes_and_changes_with_reasons(world):
    point(world.enterprise_a, "major")
    point(world.enterprise_b, "low")
    hazard(world, world.enterprise_a, grade=HazardGrade.MAJOR)
    hazard(
        world,
        world.enterprise_a,
        HazardStatus.RECTIFYING,
        deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert ratings_recompute() == {"rated": 2, "changed": 2}
    a = EnterpriseRating.objects.get(enterprise=world.enterprise_a)
    b = EnterpriseRating.objects.get(enterprise=world.enterprise_b)
    assert (a.rating_class, b.rating_class) == ("D", "A")
    change = EnterpriseRatingChange.objects.get(enterprise=world.enterprise_a)
    assert (change.from_class, change.to_class) == ("", "D")
    assert change.reasons["figures"]["overdue"] == 1
    assert change.reasons["weights"]["risk"] == 40
    # Nothing changed: no new change rows.
    assert ratings_recompute() == {"rated": 2, "changed": 0}
    # The committee office gives the hazards no weight: A's class falls.
    settings = RatingWeights.load()
    settings.hazard_weight = 0
    settings.save()
    assert ratings_recompute()["changed"] == 1
    a.refresh_from_db()
    assert a.rating_class == "C"  # (40 × 100 + 25 × 0) / 65 = 61.5
    assert (
        EnterpriseRatingChange.objects.filter(enterprise=world.enterprise_b).count()
        == 1
    )


def test_weights_are_checked():
    weights = RatingWeights(b_from=50, c_from=40, d_from=60)
    with pytest.raises(ValidationError) as caught:
        weights.clean()
    assert "c_from" in caught.value.message_dict
    weights = RatingWeights(risk_weight=0, hazard_weight=0, inspection_weight=0)
    with pytest.raises(ValidationError):
        weights.clean()


def test_recompute_is_bounded(world, django_assert_max_num_queries):
    for _n in range(30):
        extra = EnterpriseFactory(
            jurisdiction=world.grid1, industries=[world.chemicals]
        )
        point(extra, "general")
    ratings_recompute()
    with django_assert_max_num_queries(12):
        ratings_recompute()


def test_the_daily_job_is_scheduled_and_runs(world):
    from core.jobs.schedule import load_schedule
    from core.jobs.worker import run_pending
    from core.supervision.tasks import recompute_ratings

    assert "supervision.recompute_ratings" in {entry.name for entry in load_schedule()}
    recompute_ratings.enqueue()
    run_pending()
    assert EnterpriseRating.objects.count() == 2


def test_the_map_carries_the_class(world):
    from rest_framework.test import APIClient

    ratings_recompute()
    client = APIClient()
    client.force_authenticate(world.committee)
    data = client.get("/api/v1/map/enterprises/").json()
    assert {f["properties"]["rating"] for f in data["features"]} == {
        "A"
    }  # unknown profile: 40 × 50 / 100 = 20
    # The class is the government's tool: an enterprise does not see its own.
    client.force_authenticate(world.manager_a)
    data = client.get("/api/v1/map/enterprises/").json()
    assert data["features"]
    assert {f["properties"]["rating"] for f in data["features"]} == {""}


def test_the_committee_office_may_edit_the_weights(world, client):
    client.force_login(world.committee)
    url = "/admin/settings/supervision/ratingweights/"
    assert client.get(url).status_code in (200, 302)
    client.force_login(world.dept_chemicals)
    response = client.get(url)
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("committee", {"甲化工有限公司", "乙建筑有限公司"}),
        ("dept_chemicals", {"甲化工有限公司"}),
        ("street1_office", {"甲化工有限公司"}),
    ],
)
def test_the_ratings_list_is_scoped_and_sortable(
    world, client, role, expected, django_assert_max_num_queries
):
    ratings_recompute()
    client.force_login(getattr(world, role))
    response = client.get("/admin/supervision/ratings/?ordering=-score")
    assert response.status_code == 200
    body = response.content.decode()
    assert {name for name in ("甲化工有限公司", "乙建筑有限公司") if name in body} == (
        expected
    )
    client.force_login(world.manager_a)
    assert client.get("/admin/supervision/ratings/").status_code in (302, 403)


def test_an_enterprises_rating_page_shows_its_figures_and_changes(world, client):
    point(world.enterprise_a, "major")
    ratings_recompute()
    hazard(world, world.enterprise_a, grade=HazardGrade.MAJOR)
    hazard(world, world.enterprise_a, grade=HazardGrade.MAJOR)
    ratings_recompute()
    rating = EnterpriseRating.objects.get(enterprise=world.enterprise_a)
    url = f"/admin/supervision/ratings/inspect/{rating.pk}/"
    client.force_login(world.dept_chemicals)
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="rating-changes"' in body
    assert (
        body.count("<tr><td>")
        == EnterpriseRatingChange.objects.filter(enterprise=world.enterprise_a).count()
    )
    assert "甲化工有限公司" in body and "重大风险" in body
    # Foreign offices and the enterprise itself are refused.
    for role in ("dept_construction", "street2_office", "manager_a", "manager_b"):
        user = getattr(world, role, None)
        if user is None:
            continue
        client.force_login(user)
        assert client.get(url).status_code in (302, 403, 404), role


def test_the_enterprise_list_shows_the_class(world, client):
    ratings_recompute()
    client.force_login(world.committee)
    response = client.get("/admin/organizations/enterprises/")
    assert response.status_code == 200
    rating = EnterpriseRating.objects.get(enterprise=world.enterprise_a)
    body = response.content.decode()
    cells = re.findall(r"<td[^>]*>\s*([A-D—])\s*</td>", body)
    assert "评级类别" in body
    assert rating.rating_class in cells


def test_the_dashboard_counts_enterprises_per_class(world, client):
    from core.organizations.scope import scope_for
    from core.supervision.dashboards import dashboard_figures

    ratings_recompute()
    figures = dashboard_figures(scope=scope_for(world.committee))
    counts = {row["key"]: row["count"] for row in figures["ratings"]}
    assert sum(counts.values()) == EnterpriseRating.objects.count() >= 2
    chem = dashboard_figures(scope=scope_for(world.dept_chemicals))
    assert sum(row["count"] for row in chem["ratings"]) == 1
    client.force_login(world.street1_office)
    body = client.get("/admin/").content.decode()
    assert 'data-testid="tile-rating-A"' in body


def test_the_enterprise_list_sorts_by_class(world, client):
    """The class column is the supervision app's registration: joined, not
    queried per row, and sortable both ways."""
    from core.organizations.columns import enterprise_columns

    assert [c.column.name for c in enterprise_columns()] == ["rating"]
    ratings_recompute()
    EnterpriseRating.objects.filter(enterprise=world.enterprise_a).update(
        rating_class="D"
    )
    EnterpriseRating.objects.filter(enterprise=world.enterprise_b).update(
        rating_class="A"
    )
    client.force_login(world.committee)
    url = "/admin/organizations/enterprises/"
    rising = client.get(url, {"ordering": "rating__rating_class"})
    falling = client.get(url, {"ordering": "-rating__rating_class"})
    assert [e.pk for e in rising.context["object_list"]] == [
        world.enterprise_b.pk,
        world.enterprise_a.pk,
    ]
    assert [e.pk for e in falling.context["object_list"]] == [
        world.enterprise_a.pk,
        world.enterprise_b.pk,
    ]
    assert "ordering=-rating__rating_class" in rising.content.decode()
