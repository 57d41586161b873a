"""The API: scoring rules (list, evaluate) and risk points, through the scope."""

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from core.risks.services import (
    AssessmentData,
    ControlData,
    EventData,
    MeasureData,
    RiskPointData,
    level_threshold_set,
    risk_point_create,
)
from tests.dummy_pack import plugin as dummy

pytestmark = pytest.mark.django_db

RULES = "/api/v1/scoring-rules/"
POINTS = "/api/v1/risk-points/"


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def make_point(user, enterprise, name="储罐区", inputs=None, method="lec"):
    return risk_point_create(
        user=user,
        enterprise=enterprise,
        data=RiskPointData(
            name=name,
            kind="area",
            events=[
                EventData(
                    name="泄漏着火",
                    accident_types=["08"],
                    measures=[MeasureData(kind="video", description="视频监控")],
                    assessment=AssessmentData(
                        method=method, inputs=inputs or {"L": 3, "E": 6, "C": 15}
                    ),
                )
            ],
            control=ControlData(
                level="company", inspection_every=1, inspection_unit="day"
            ),
        ),
    )


# -- scoring rules -------------------------------------------------------------


def test_list_scoring_rules(world):
    response = api(world.manager_a).get(RULES)
    assert response.status_code == 200
    rules = {rule["key"]: rule for rule in response.json()}
    assert {"lec", "ls", "mes", "direct"} <= set(rules)
    lec = rules["lec"]
    assert lec["pack"] == "safegrid.default_scoring"
    assert lec["kind"] == "risk"
    assert lec["title"]
    assert lec["input_schema"]["properties"]["L"]["enum"] == [
        10,
        6,
        3,
        1,
        0.5,
        0.2,
        0.1,
    ]
    assert "direct_conditions" in lec["input_schema"]["properties"]
    assert lec["thresholds"][0]["default"] is True
    assert lec["thresholds"][0]["major"] == 320


def test_pack_rules_are_listed_with_their_pack(world, enable_packs):
    enable_packs(extra=[("dummy", dummy)])
    rules = {r["key"]: r for r in api(world.manager_a).get(RULES).json()}
    assert rules["dummy_grade"]["pack"] == "dummy"
    assert rules["dummy_count"]["kind"] == "checklist"


def test_evaluate_a_risk_method(world):
    response = api(world.manager_a).post(
        f"{RULES}lec/evaluate/", {"L": 10, "E": 1, "C": 7}, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["value"] == 70
    assert body["level"] == "low"
    assert body["colour"] == "blue"
    assert body["details"]["formula"] == "D = L × E × C"


@pytest.mark.parametrize(
    ("key", "inputs", "value", "level"),
    [
        ("ls", {"L": 3, "S": 4}, 12, "general"),
        ("ls", {"L": 3, "S": 5}, 15, "significant"),
        ("mes", {"M": 3, "E": 6, "S": 10}, 180, "major"),
        ("lec", {"L": 0.2, "E": 3, "C": 7}, 4.2, "low"),
    ],
)
def test_evaluate_results(world, key, inputs, value, level):
    body = api(world.manager_a).post(f"{RULES}{key}/evaluate/", inputs, format="json")
    assert (body.json()["value"], body.json()["level"]) == (value, level)


def test_evaluate_invalid_input_is_a_400_with_every_error(world):
    with translation.override("en"):
        response = api(world.manager_a).post(
            f"{RULES}lec/evaluate/",
            {"L": 4, "E": 6},
            format="json",
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [(e["path"], e["keyword"]) for e in errors] == [
        ("/C", "required"),
        ("/L", "enum"),
    ]
    assert all(e["reason"] for e in errors)


def test_evaluate_needs_a_json_object(world):
    response = api(world.manager_a).post(f"{RULES}ls/evaluate/", [1, 2], format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == ""


def test_unknown_rule_is_a_404(world):
    client = api(world.manager_a)
    assert client.post(f"{RULES}nope/evaluate/", {}, format="json").status_code == 404
    assert client.get(f"{RULES}nope/").status_code == 404
    assert client.get(f"{RULES}ls/").json()["key"] == "ls"


def test_scoring_rules_need_a_login(world):
    assert api().get(RULES).status_code in (401, 403)
    assert api().post(f"{RULES}ls/evaluate/", {}, format="json").status_code in (
        401,
        403,
    )


def test_evaluate_with_an_enterprise_uses_its_industry_thresholds(world):
    level_threshold_set(
        actor=world.dept_chemicals,
        method="lec",
        industry=world.chemicals,
        major_from=100,
        significant_from=50,
        general_from=20,
    )
    client = api(world.manager_a)
    inputs = {"L": 3, "E": 6, "C": 7}  # 126
    own = client.post(
        f"{RULES}lec/evaluate/?enterprise={world.enterprise_a.pk}",
        inputs,
        format="json",
    )
    assert own.json()["level"] == "major"
    assert (
        client.post(f"{RULES}lec/evaluate/", inputs, format="json").json()["level"]
        == "general"
    )
    foreign = client.post(
        f"{RULES}lec/evaluate/?enterprise={world.enterprise_b.pk}",
        inputs,
        format="json",
    )
    assert foreign.status_code == 404


# -- risk points ---------------------------------------------------------------


def test_risk_point_list_shape(world):
    point = make_point(world.manager_a, world.enterprise_a)
    response = api(world.manager_a).get(POINTS)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and "results" in body and "next" in body
    [item] = body["results"]
    assert item["id"] == point.pk
    assert item["enterprise"] == world.enterprise_a.pk
    assert item["name"] == "储罐区"
    assert item["level"] == "significant"  # 3 × 6 × 15 = 270
    assert item["colour"] == "orange"
    [event] = item["events"]
    assert event["accident_types"] == ["08"]
    assert event["latest_assessment"]["method"] == "lec"
    assert event["latest_assessment"]["value"] == 270
    assert event["latest_assessment"]["level"] == "significant"
    assert event["measures"] == [
        {"id": event["measures"][0]["id"], "kind": "video", "description": "视频监控"}
    ]
    assert item["control"]["level"] == "company"
    assert item["control"]["inspection_every"] == 1
    assert item["control"]["inspection_unit"] == "day"


@pytest.mark.parametrize(
    ("who", "sees_a", "sees_b"),
    [
        ("superuser", True, True),
        ("committee", True, True),
        ("dept_chemicals", True, False),
        ("dept_construction", False, True),
        ("street1_office", True, False),
        ("manager_a", True, False),
        ("staff_a", True, False),
        ("manager_b", False, True),
        ("outsider", False, False),
    ],
)
def test_risk_points_are_scoped(world, who, sees_a, sees_b):
    point_a = make_point(world.manager_a, world.enterprise_a, name="甲点")
    point_b = make_point(world.manager_b, world.enterprise_b, name="乙点")
    client = api(getattr(world, who))
    names = {p["name"] for p in client.get(POINTS).json()["results"]}
    assert names == {n for n, seen in (("甲点", sees_a), ("乙点", sees_b)) if seen}
    for point, seen in ((point_a, sees_a), (point_b, sees_b)):
        detail = client.get(f"{POINTS}{point.pk}/")
        assert detail.status_code == (200 if seen else 404)
    overview = client.get(f"{POINTS}overview/")
    if who == "outsider":
        assert overview.json()["total"] == 0
    else:
        assert overview.json()["total"] == int(sees_a) + int(sees_b)
    # Filtering by a foreign enterprise shows nothing, it does not leak.
    for enterprise, seen in (
        (world.enterprise_a, sees_a),
        (world.enterprise_b, sees_b),
    ):
        listed = client.get(POINTS, {"enterprise": enterprise.pk}).json()["results"]
        assert len(listed) == int(seen)
        overview = client.get(f"{POINTS}overview/", {"enterprise": enterprise.pk})
        assert overview.json()["total"] == int(seen)


def test_risk_points_need_a_login(world):
    make_point(world.manager_a, world.enterprise_a)
    assert api().get(POINTS).status_code in (401, 403)


def test_filter_by_enterprise_and_level(world):
    make_point(
        world.manager_a, world.enterprise_a, name="高", inputs={"L": 10, "E": 6, "C": 7}
    )
    make_point(
        world.manager_a, world.enterprise_a, name="低", inputs={"L": 1, "E": 1, "C": 1}
    )
    make_point(
        world.manager_b, world.enterprise_b, name="乙", inputs={"L": 1, "E": 1, "C": 1}
    )
    client = api(world.committee)
    names = lambda params: sorted(  # noqa: E731
        p["name"] for p in client.get(POINTS, params).json()["results"]
    )
    assert names({"level": "major"}) == ["高"]
    assert names({"level": "low"}) == ["乙", "低"] or names({"level": "low"}) == [
        "低",
        "乙",
    ]
    assert names({"enterprise": world.enterprise_a.pk, "level": "low"}) == ["低"]
    assert names({"method": "lec", "enterprise": world.enterprise_b.pk}) == ["乙"]
    assert client.get(POINTS, {"level": "purple"}).status_code == 400
    overview = client.get(f"{POINTS}overview/", {"enterprise": world.enterprise_a.pk})
    assert overview.json()["major"] == 1 and overview.json()["low"] == 1
    assert overview.json()["total"] == 2


def test_risk_point_list_costs_a_bounded_number_of_queries(
    world, django_assert_max_num_queries
):
    for index in range(30):
        make_point(world.manager_a, world.enterprise_a, name=f"点{index}")
    client = api(world.committee)
    client.get(POINTS)  # warm the user's scope and content types
    with django_assert_max_num_queries(8):
        response = client.get(POINTS)
    assert response.json()["count"] == 30
