"""The four-colour map: GeoJSON scoped per role, one query, ETag and 304,
filters, bad input refused, territories' boundaries, the admin page."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from core.hazards.models import Hazard, HazardGrade, HazardStatus
from core.risks.models import RiskPoint
from core.supervision import geometry
from core.supervision.map_filters import register_map_filter, unregister_map_filter
from core.supervision.models import TerritoryBoundary
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/map/enterprises/"
TERRITORIES = "/api/v1/map/territories/"
SQUARE = geometry.polygon([(125.3, 43.8), (125.5, 43.8), (125.5, 43.9), (125.3, 43.9)])


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {feature["id"] for feature in response.json()["features"]}


def point(enterprise, level, name="罐区"):
    return RiskPoint.objects.create(
        enterprise=enterprise, name=name, kind="equipment", level=level
    )


def hazard(world, enterprise, status=HazardStatus.REPORTED, **fields):
    return Hazard.objects.create(
        enterprise=enterprise,
        description="安全阀未校验",
        status=status,
        grade=fields.pop("grade", HazardGrade.GENERAL),
        reported_by=world.superuser,
        **fields,
    )


@pytest.fixture
def mapped(world):
    point(world.enterprise_a, "major")
    point(world.enterprise_a, "low", "仓库")
    point(world.enterprise_b, "general")
    hazard(world, world.enterprise_a, grade=HazardGrade.MAJOR)
    hazard(
        world,
        world.enterprise_b,
        HazardStatus.RECTIFYING,
        deadline=timezone.localdate() - datetime.timedelta(days=2),
    )
    return world


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("superuser", {"enterprise_a", "enterprise_b"}),
        ("committee", {"enterprise_a", "enterprise_b"}),
        ("dept_chemicals", {"enterprise_a"}),
        ("dept_construction", {"enterprise_b"}),
        ("street1_office", {"enterprise_a"}),
        ("manager_a", {"enterprise_a"}),
        ("manager_b", {"enterprise_b"}),
        ("staff_a", {"enterprise_a"}),
    ],
)
def test_each_role_sees_its_scope_only(mapped, role, expected):
    response = client_for(getattr(mapped, role)).get(URL)
    assert ids(response) == {getattr(mapped, name).pk for name in expected}
    assert response["Content-Type"] == "application/geo+json"


def test_outsiders_and_anonymous_are_refused(mapped):
    assert client_for(mapped.outsider).get(URL).status_code == 403
    assert client_for(mapped.outsider).get(TERRITORIES).status_code == 403
    assert APIClient().get(URL).status_code in (401, 403)


def test_the_feature_carries_level_and_summary(mapped):
    data = client_for(mapped.committee).get(URL).json()
    features = {f["id"]: f for f in data["features"]}
    a = features[mapped.enterprise_a.pk]
    assert a["geometry"] == {"type": "Point", "coordinates": [125.4, 43.85]}
    assert a["properties"]["level"] == "major"
    assert a["properties"]["points"] == [1, 0, 0, 1]
    assert (a["properties"]["open"], a["properties"]["major"]) == (1, 1)
    assert a["properties"]["overdue"] == 0
    assert a["properties"]["industry"] == "危险化学品"
    assert a["properties"]["path"] == mapped.grid1.path
    b = features[mapped.enterprise_b.pk]["properties"]
    assert (b["level"], b["overdue"], b["major"]) == ("general", 1, 0)
    assert data["levels"] == ["major", "significant", "general", "low"]


def test_one_query_whatever_the_number_of_enterprises(
    mapped, django_assert_max_num_queries
):
    for _n in range(20):
        extra = EnterpriseFactory(
            jurisdiction=mapped.grid1, industries=[mapped.chemicals]
        )
        point(extra, "significant")
        hazard(mapped, extra)
    client = client_for(mapped.dept_chemicals)
    client.get(URL)  # the scope is built once per user
    # Session and scope aside, the map itself is one query.
    with django_assert_max_num_queries(2) as captured:
        response = client.get(URL, {"level": "significant", "major": ""})
    assert len(ids(response)) == 20
    assert sum("risks_riskpoint" in q["sql"] for q in captured.captured_queries) == 1


def test_etag_and_304_on_repeat(mapped):
    client = client_for(mapped.street1_office)
    first = client.get(URL)
    etag = first["ETag"]
    assert etag and first["Cache-Control"] == "private, no-cache"
    again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    point(mapped.enterprise_a, "significant", "泵房")
    hazard(mapped, mapped.enterprise_a)
    changed = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_filters(mapped):
    client = client_for(mapped.committee)
    assert ids(client.get(URL, {"industry": mapped.construction.pk})) == {
        mapped.enterprise_b.pk
    }
    assert ids(client.get(URL, {"territory": mapped.street1.pk})) == {
        mapped.enterprise_a.pk
    }
    assert ids(client.get(URL, {"level": "general"})) == {mapped.enterprise_b.pk}
    assert ids(client.get(URL, {"major": "true"})) == {mapped.enterprise_a.pk}
    assert ids(client.get(URL, {"overdue": "true"})) == {mapped.enterprise_b.pk}
    assert ids(client.get(URL, {"level": "low"})) == set()


def test_a_territory_outside_the_scope_or_bad_input_is_a_400(mapped):
    client = client_for(mapped.street1_office)
    response = client.get(URL, {"territory": mapped.street2.pk})
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "/territory"
    response = client.get(URL, {"level": "purple", "industry": "x"})
    assert response.status_code == 400
    assert {e["path"] for e in response.json()["errors"]} == {"/level", "/industry"}


def test_an_app_adds_a_filter(mapped):
    def only_a(enterprises, value, scope):
        return enterprises.filter(pk=mapped.enterprise_a.pk)

    register_map_filter("alarm", only_a, label="In alarm")
    try:
        client = client_for(mapped.committee)
        assert ids(client.get(URL, {"alarm": "1"})) == {mapped.enterprise_a.pk}
        assert len(ids(client.get(URL))) == 2
    finally:
        unregister_map_filter("alarm")
    with pytest.raises(ValueError):
        register_map_filter("level", only_a, label="x")


def test_territories_by_scope(mapped, django_assert_max_num_queries):
    for node in (mapped.district, mapped.street1, mapped.street2, mapped.grid1):
        TerritoryBoundary.objects.create(jurisdiction=node, geometry=SQUARE)

    def names(user):
        response = client_for(user).get(TERRITORIES)
        assert response.status_code == 200
        return {f["properties"]["name"] for f in response.json()["features"]}

    assert names(mapped.committee) == {"测试区", "一街道", "二街道", "一网格"}
    assert names(mapped.dept_chemicals) == {"测试区", "一街道", "二街道", "一网格"}
    assert names(mapped.street1_office) == {"一街道", "一网格"}
    # An enterprise sees its own grid and the areas around it, not others'.
    assert names(mapped.manager_a) == {"测试区", "一街道", "一网格"}
    assert names(mapped.manager_b) == {"测试区", "二街道"}
    client = client_for(mapped.committee)
    client.get(TERRITORIES)
    with django_assert_max_num_queries(2):
        etag = client.get(TERRITORIES)["ETag"]
    assert client.get(TERRITORIES, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_boundary_validation():
    geometry.validate_boundary(SQUARE)
    for bad in (
        {"type": "Point", "coordinates": [1, 2]},
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]},
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]},
        {"type": "Polygon", "coordinates": [[[0, 0], [200, 0], [1, 1], [0, 0]]]},
        "nonsense",
    ):
        with pytest.raises(ValidationError):
            geometry.validate_boundary(bad)


def test_geometry_sectors_partition_a_region():
    region = [(0.0, 0.0), (4.0, 0.0), (4.0, 3.0), (0.0, 3.0)]
    for count in (2, 3, 4):
        sectors = geometry.split_into_sectors(region, count, turn=0.4)
        assert len(sectors) == count
        for x in (0.3, 1.7, 2.9, 3.8):
            for y in (0.2, 1.4, 2.8):
                inside = [geometry.point_in_ring((x, y), [*s, s[0]]) for s in sectors]
                assert sum(inside) == 1, (count, x, y)


def test_the_admin_map_page(mapped, client):
    client.force_login(mapped.dept_chemicals)
    response = client.get("/admin/supervision/map/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="sg-map-config"' in body and "leaflet.js" in body
    assert "/api/v1/map/enterprises/" in body
    client.force_login(mapped.manager_a)
    assert client.get("/admin/supervision/map/").status_code in (302, 403)
    client.force_login(mapped.outsider)
    assert client.get("/admin/supervision/map/").status_code in (302, 403)


def test_the_map_as_a_picture_for_handbooks(mapped, django_assert_max_num_queries):
    from core.organizations.scope import scope_for
    from core.supervision.render import risk_map_png, risk_map_svg
    from core.supervision.selectors import MapQuery

    for node in (mapped.district, mapped.street1, mapped.street2, mapped.grid1):
        TerritoryBoundary.objects.create(jurisdiction=node, geometry=SQUARE)
    scope = scope_for(mapped.dept_chemicals)
    scope.enterprises().exists()
    with django_assert_max_num_queries(2):
        svg = risk_map_svg(scope=scope)
    assert svg.startswith("<svg") and svg.count("<circle") == 1
    assert "甲化工有限公司" in svg and "乙建筑" not in svg
    assert "#e02020" in svg  # its major risk point
    street = scope_for(mapped.committee)
    svg = risk_map_svg(scope=street, query=MapQuery(territory=mapped.street2))
    assert svg.count("<circle") == 1 and "乙建筑有限公司" in svg
    png = risk_map_png(scope=scope, width=200, height=150)
    assert png.startswith(b"\x89PNG")


@pytest.fixture
def kept(settings):
    """The map and the dashboards kept as in production (300 s)."""
    from django.core.cache import cache

    settings.SAFEGRID_MAP_SECONDS = 300
    settings.SAFEGRID_DASHBOARD_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_a_kept_map_is_shared_by_one_office_only(
    mapped, kept, django_assert_max_num_queries
):
    """Kept per scope: a second request of the office reads no enterprise;
    another office, another filter or an enterprise user computes its own."""
    chemicals = client_for(mapped.dept_chemicals)
    first = chemicals.get(URL)
    assert ids(first) == {mapped.enterprise_a.pk}
    point(mapped.enterprise_a, "significant", "新罐区")
    with django_assert_max_num_queries(4):
        again = chemicals.get(URL)
    assert again.content == first.content  # kept: the new point not yet counted
    assert ids(client_for(mapped.dept_construction).get(URL)) == {
        mapped.enterprise_b.pk
    }
    assert ids(client_for(mapped.street1_office).get(URL)) == {mapped.enterprise_a.pk}
    assert ids(chemicals.get(URL, {"level": "low"})) == set()
    # An enterprise's own map is always live.
    manager = client_for(mapped.manager_a).get(URL).json()["features"][0]
    assert manager["properties"]["points"] == [1, 1, 0, 1]


def test_a_kept_dashboard_is_per_office(mapped, kept, django_assert_max_num_queries):
    from core.organizations.scope import scope_for
    from core.supervision.dashboards import dashboard_figures

    chemicals = scope_for(mapped.dept_chemicals)
    first = dashboard_figures(scope=chemicals)
    point(mapped.enterprise_a, "major", "新罐区")
    with django_assert_max_num_queries(0):
        assert dashboard_figures(scope=chemicals) == first
    construction = dashboard_figures(scope=scope_for(mapped.dept_construction))
    assert construction["enterprises"]["total"] == 1
    assert construction != first
    # One enterprise's figures are never kept.
    own = dashboard_figures(
        scope=scope_for(mapped.manager_a), enterprise=mapped.enterprise_a.pk
    )
    majors = {row["key"]: row["count"] for row in own["risk_levels"]}["major"]
    assert majors == 2


def test_a_stale_map_is_served_while_a_job_refreshes_it(
    mapped, kept, monkeypatch, django_capture_on_commit_callbacks
):
    """Past its seconds the office's map is served as kept, at once, and one
    job recomputes it for that office; the next request reads the new map.
    The other department's kept map is untouched by the refresh."""
    from types import SimpleNamespace

    from core.base import scope_cache
    from core.jobs.worker import run_pending

    now = [1_000_000.0]
    monkeypatch.setattr(scope_cache, "time", SimpleNamespace(time=lambda: now[0]))
    chemicals = client_for(mapped.dept_chemicals)
    construction = client_for(mapped.dept_construction)
    first = chemicals.get(URL)
    other = construction.get(URL)
    point(mapped.enterprise_a, "major", "新罐区")
    point(mapped.enterprise_b, "major", "新塔吊")
    now[0] += 301
    with django_capture_on_commit_callbacks(execute=True):
        assert chemicals.get(URL).content == first.content  # stale, at once
        assert chemicals.get(URL).content == first.content
    assert run_pending() == 1  # one refresh for the two stale requests
    fresh = chemicals.get(URL)
    assert fresh.content != first.content
    assert ids(fresh) == {mapped.enterprise_a.pk}
    assert first.json()["features"][0]["properties"]["points"][0] == 1
    assert fresh.json()["features"][0]["properties"]["points"][0] == 2  # majors
    # The construction department still has its own kept map (not refreshed:
    # nobody of that office asked since it went stale).
    assert construction.get(URL).content == other.content


def test_a_kept_map_is_read_by_its_tag(mapped, kept, django_assert_max_num_queries):
    """The kept figure is the ETag; the body is kept beside it under its tag
    and in the process's memory: the same bytes from either, a 304 without
    the body, and a body dropped before its tag computed again."""
    from django.core.cache import cache

    from core.supervision import api

    api._BODIES.clear()
    chemicals = client_for(mapped.dept_chemicals)
    first = chemicals.get(URL)
    etag = first["ETag"]
    assert cache.get(api._body_key(etag)) == first.content
    api._BODIES.clear()  # another worker: the body from the cache
    with django_assert_max_num_queries(4):
        assert chemicals.get(URL).content == first.content
    assert api._BODIES[etag] == first.content
    not_modified = chemicals.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not_modified["ETag"] == etag
    api._BODIES.clear()
    cache.delete(api._body_key(etag))
    again = chemicals.get(URL)
    assert again.content == first.content and again["ETag"] == etag
    # The memory holds a few bodies only.
    for n in range(api.BODIES_IN_MEMORY + 2):
        api._remember(f'"{n}"', b"{}")
    assert len(api._BODIES) == api.BODIES_IN_MEMORY
    # Another office never reads this office's body.
    assert ids(client_for(mapped.dept_construction).get(URL)) == {
        mapped.enterprise_b.pk
    }


def test_a_kept_map_goes_compressed_to_a_client_that_accepts_gzip(mapped, kept):
    """A browser accepts gzip: the kept map is sent as compressed once by the
    refresh, under a tag of its own (either tag revalidates), from memory or
    the cache; without a compressed body the plain one is sent."""
    import gzip
    import json

    from django.core.cache import cache

    from core.supervision import api

    api._BODIES.clear()
    api._GZIPPED.clear()
    chemicals = client_for(mapped.dept_chemicals)
    plain = chemicals.get(URL)
    assert not plain.has_header("Content-Encoding")
    packed = chemicals.get(URL, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed.status_code == 200 and packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content)
    assert packed["ETag"] != plain["ETag"]
    assert "Accept-Encoding" in packed["Vary"]
    for tag in (packed["ETag"], plain["ETag"]):
        again = chemicals.get(URL, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=tag)
        assert again.status_code == 304 and again["ETag"] == packed["ETag"]
    api._GZIPPED.clear()  # another worker: from the cache
    assert chemicals.get(URL, HTTP_ACCEPT_ENCODING="gzip").content == packed.content
    api._GZIPPED.clear()
    cache.delete(api._body_key(plain["ETag"], gzipped=True))
    unpacked = chemicals.get(URL, HTTP_ACCEPT_ENCODING="gzip")
    assert not unpacked.has_header("Content-Encoding")
    assert unpacked.content == plain.content and unpacked["ETag"] == plain["ETag"]
    # Another office gets its own map, compressed too.
    other = client_for(mapped.dept_construction).get(URL, HTTP_ACCEPT_ENCODING="gzip")
    features = json.loads(gzip.decompress(other.content))["features"]
    assert {feature["id"] for feature in features} == {mapped.enterprise_b.pk}
