"""The portal's hazard pages: report with a photo, the board and its counts,
the detail's buttons, a step, the export; and a foreign user refused."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from core.hazards.models import Hazard, HazardStatus
from tests.factories import image_upload
from tests.factories import logged_in as client_for

pytestmark = pytest.mark.django_db
S = HazardStatus


def test_staff_report_a_hazard_with_a_photo(hz):
    response = client_for(hz.world.staff_a).post(
        "/portal/hazards/report/",
        {
            "description": "楼梯扶手松动",
            "location": "办公楼",
            "grade": "general",
            "hazard_type": "safety",
            "how_found": "routine",
            "management_class": "unsafe_condition",
            "fix_mode": "by_deadline",
            "photos": [image_upload()],
        },
    )
    hazard = Hazard.objects.get()
    assert response.status_code == 302, response.content.decode()[:2000]
    assert hazard.photos.count() == 1 and hazard.reported_by == hz.world.staff_a


def test_a_file_that_is_no_photo_is_refused_at_the_field(hz):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(hz.world.staff_a).post(
        "/portal/hazards/report/",
        {
            "description": "x",
            "grade": "general",
            "hazard_type": "safety",
            "how_found": "routine",
            "management_class": "unsafe_condition",
            "fix_mode": "by_deadline",
            "photos": [SimpleUploadedFile("a.png", b"<svg onload=alert(1)>")],
        },
    )
    assert response.status_code == 200
    assert not Hazard.objects.exists()


def test_the_board_counts_and_the_list_is_bounded(hz, django_assert_max_num_queries):
    for _n in range(20):
        hz.hazard(S.CONFIRMED)
    hz.hazard(S.CLOSED)
    hz.hazard(S.REPORTED, enterprise=hz.world.enterprise_b)
    client = client_for(hz.world.manager_a)
    client.get("/portal/hazards/")
    with django_assert_max_num_queries(20):
        response = client.get("/portal/hazards/")
    assert response.status_code == 200
    counts = response.context["counts"]
    assert counts["closed"] == 1 and counts["open"] == 20
    assert counts["rectification_rate"] == round(100 / 21, 1)


def test_the_detail_offers_the_machine_steps_and_a_step_goes(hz):
    hazard = hz.hazard(S.REPORTED)
    manager = client_for(hz.world.manager_a)
    page = manager.get(f"/portal/hazards/{hazard.pk}/").content.decode()
    assert 'data-testid="step-confirm"' in page and 'data-testid="step-reject"' in page
    staff_page = client_for(hz.world.staff_a).get(f"/portal/hazards/{hazard.pk}/")
    assert 'data-testid="step-confirm"' not in staff_page.content.decode()
    response = manager.post(
        f"/portal/hazards/{hazard.pk}/step/",
        {"action": "reject", "comment": "重复上报"},
    )
    assert response.status_code == 302
    assert Hazard.objects.get(pk=hazard.pk).status == S.REJECTED


def test_a_refused_step_in_the_portal_changes_nothing(hz):
    hazard = hz.hazard(S.REPORTED)
    response = client_for(hz.world.staff_a).post(
        f"/portal/hazards/{hazard.pk}/step/", {"action": "reject", "comment": "x"}
    )
    assert response.status_code == 403
    response = client_for(hz.world.manager_a).post(
        f"/portal/hazards/{hazard.pk}/step/", {"action": "reject"}
    )
    assert response.status_code == 400
    assert Hazard.objects.get(pk=hazard.pk).status == S.REPORTED


def test_the_export_is_scoped(hz):
    mine = hz.hazard(S.REPORTED, description="=HYPERLINK(1)")
    hz.hazard(S.REPORTED, enterprise=hz.world.enterprise_b, description="乙的隐患")
    response = client_for(hz.world.manager_a).get("/portal/hazards/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == [mine.pk]
    assert rows[0][2] == "=HYPERLINK(1)"
    assert sheet.cell(row=2, column=3).data_type == "s"


@pytest.mark.parametrize("role", ["manager_b", "outsider"])
def test_a_foreign_user_does_not_see_the_hazard(hz, role):
    hazard = hz.hazard(S.REPORTED)
    client = client_for(getattr(hz.world, role))
    assert client.get(f"/portal/hazards/{hazard.pk}/").status_code in (403, 404)
    export = client.get("/portal/hazards/export.xlsx")
    if export.status_code == 200:
        sheet = load_workbook(io.BytesIO(export.content)).active
        assert sheet.max_row == 1
    else:
        assert export.status_code in (302, 403)


def test_confirmed_in_the_portal_the_responsible_person_may_start(hz):
    import datetime

    from django.utils import timezone

    hazard = hz.hazard(S.REPORTED)
    manager = client_for(hz.world.manager_a)
    page = manager.get(f"/portal/hazards/{hazard.pk}/")
    deadline = timezone.localdate() + datetime.timedelta(days=5)
    response = manager.post(
        f"/portal/hazards/{hazard.pk}/step/",
        {
            "action": "confirm",
            "grade": "general",
            "responsible": hz.person.pk,
            "deadline": deadline.isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    hazard.refresh_from_db()
    assert (hazard.status, hazard.responsible) == (S.CONFIRMED, hz.person)
    page = client_for(hz.world.staff_a).get(f"/portal/hazards/{hazard.pk}/")
    assert 'data-testid="step-start"' in page.content.decode()


def test_the_board_filters_by_type_and_unit(hz):
    from core.organizations.models import Unit
    from core.risks.services import RiskPointData, risk_point_create

    world = hz.world
    workshop = Unit.objects.get(enterprise=world.enterprise_a, name="合成车间")
    team = Unit.objects.get(enterprise=world.enterprise_a, name="一班")
    company = Unit.objects.get(enterprise=world.enterprise_a, name="甲化工")
    in_team = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(name="一班区域", kind="area", unit=team, events=[]),
    )
    at_company = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(name="办公楼", kind="area", unit=company, events=[]),
    )
    electrical = hz.hazard(S.CONFIRMED, risk_point=in_team, hazard_type="electrical")
    fire = hz.hazard(S.CONFIRMED, risk_point=at_company, hazard_type="fire")
    client = client_for(world.manager_a)

    def shown(query: str) -> set[int]:
        response = client.get(f"/portal/hazards/?{query}")
        assert response.status_code == 200
        return {hazard.pk for hazard in response.context["hazards"]}

    assert shown("hazard_type=electrical") == {electrical.pk}
    # A workshop includes its teams; the company includes everything.
    assert shown(f"unit={workshop.pk}") == {electrical.pk}
    assert shown(f"unit={company.pk}") == {electrical.pk, fire.pk}
    # Another enterprise's unit is not offered: the filter is refused, all shown.
    other = Unit.add_root(enterprise=world.enterprise_b, name="乙公司", kind="company")
    assert shown(f"unit={other.pk}") == {electrical.pk, fire.pk}
    api = client.get(f"/api/v1/hazards/?unit={workshop.pk}").json()
    assert [row["id"] for row in api["results"]] == [electrical.pk]
    foreign = client_for(world.manager_b).get(f"/api/v1/hazards/?unit={workshop.pk}")
    assert foreign.json()["results"] == []
