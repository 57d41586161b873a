"""The site plan: an enterprise uploads its layout (image or PDF), places its
risk points on it and sees the points not placed yet; nobody else can."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core.base.errors import Invalid, Refused
from core.risks.models import RiskPoint, SitePlan
from core.risks.services import RiskPointData, risk_point_create
from core.risks.site_plan import risk_point_place, site_plan_set
from tests.factories import image_upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pdf_upload(name="plan.pdf", size=(300, 200)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buffer, "PDF")
    return SimpleUploadedFile(name, buffer.getvalue(), "application/pdf")


def png_with_script():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (1, 2, 3)).save(buffer, "PNG")
    return SimpleUploadedFile(
        "plan.png", buffer.getvalue() + b"<script>alert(1)</script>", "image/png"
    )


def point(world, name="液氯罐区", enterprise=None, manager=None):
    return risk_point_create(
        user=manager or world.manager_a,
        enterprise=enterprise or world.enterprise_a,
        data=RiskPointData(name=name, kind="area"),
    )


def test_an_image_is_stored_re_encoded(world):
    plan = site_plan_set(
        actor=world.manager_a, enterprise=world.enterprise_a, file=png_with_script()
    )
    stored = plan.image.open("rb").read()
    assert b"<script>" not in stored
    assert (plan.width, plan.height) == (8, 6)


def test_a_pdf_page_is_rendered_to_an_image(world):
    plan = site_plan_set(
        actor=world.manager_a, enterprise=world.enterprise_a, file=pdf_upload()
    )
    assert plan.image.name.endswith(".png")
    with Image.open(plan.image.open("rb")) as image:
        assert image.format == "PNG"
        assert image.width > image.height  # the page's proportions kept


def test_other_files_are_refused_at_the_field(world):
    fake = SimpleUploadedFile("plan.png", b"<svg onload=alert(1)>", "image/png")
    for file in (fake, SimpleUploadedFile("plan.svg", b"<svg/>", "image/svg+xml")):
        with pytest.raises(Invalid) as caught:
            site_plan_set(
                actor=world.manager_a, enterprise=world.enterprise_a, file=file
            )
        assert caught.value.errors[0].path == "/file"
    not_pdf = SimpleUploadedFile("plan.pdf", b"<html>", "application/pdf")
    with pytest.raises(Invalid):
        site_plan_set(
            actor=world.manager_a, enterprise=world.enterprise_a, file=not_pdf
        )
    assert not SitePlan.objects.exists()


@pytest.mark.parametrize("who", ["staff_a", "manager_b", "dept_chemicals", "committee"])
def test_only_the_enterprises_manager_writes_the_plan(world, who):
    target = point(world)
    with pytest.raises(Refused):
        site_plan_set(
            actor=getattr(world, who),
            enterprise=world.enterprise_a,
            file=image_upload(),
        )
    with pytest.raises(Refused):
        risk_point_place(actor=getattr(world, who), risk_point=target, x=0.5, y=0.5)
    target.refresh_from_db()
    assert target.position is None


def test_placing_and_taking_off(world):
    target = point(world)
    risk_point_place(actor=world.manager_a, risk_point=target, x=0.25, y=0.75)
    target.refresh_from_db()
    assert target.position == {"type": "point", "x": 0.25, "y": 0.75}
    with pytest.raises(Invalid):
        risk_point_place(actor=world.manager_a, risk_point=target, x=2, y=0.5)
    risk_point_place(actor=world.manager_a, risk_point=target)
    target.refresh_from_db()
    assert target.position is None


# -- the page --------------------------------------------------------------------


def test_the_page_lists_points_not_placed_beside_the_plan(
    client, world, django_assert_max_num_queries
):
    placed = point(world, "已放置")
    risk_point_place(actor=world.manager_a, risk_point=placed, x=0.5, y=0.5)
    for number in range(5):
        point(world, f"待放置{number}")
    point(world, "别家的点", enterprise=world.enterprise_b, manager=world.manager_b)
    site_plan_set(
        actor=world.manager_a, enterprise=world.enterprise_a, file=image_upload()
    )
    client.force_login(world.manager_a)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("risks:site_plan"))
    assert response.status_code == 200
    assert [p.name for p in response.context["unplaced"]] == [
        f"待放置{n}" for n in range(5)
    ]
    assert [p.name for p in response.context["placed"]] == ["已放置"]
    html = response.content.decode()
    assert 'data-testid="plan-instructions"' in html
    assert 'data-testid="plan-image"' in html
    assert "别家的点" not in html


def test_upload_and_place_through_the_page(client, world):
    target = point(world)
    client.force_login(world.manager_a)
    response = client.post(reverse("risks:site_plan_upload"), {"file": pdf_upload()})
    assert response.status_code == 302
    image = client.get(reverse("risks:site_plan_image"))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    response = client.post(
        reverse("risks:site_plan_place"), {"point": target.pk, "x": "30", "y": "40"}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.position == {"type": "point", "x": 0.3, "y": 0.4}
    bad = client.post(reverse("risks:site_plan_upload"), {"file": png_with_script()})
    assert bad.status_code == 302  # a valid PNG with junk after it: re-encoded
    refused = client.post(
        reverse("risks:site_plan_upload"),
        {"file": SimpleUploadedFile("x.png", b"nope", "image/png")},
        follow=True,
    )
    assert (
        "不是" in refused.content.decode() or "not a photo" in refused.content.decode()
    )


def test_a_foreign_user_is_refused(client, world):
    target = point(world)
    site_plan_set(
        actor=world.manager_a, enterprise=world.enterprise_a, file=image_upload()
    )
    # Another enterprise's manager: the point is not found, its own plan is none.
    client.force_login(world.manager_b)
    response = client.post(
        reverse("risks:site_plan_place"), {"point": target.pk, "x": "30", "y": "40"}
    )
    assert response.status_code == 404
    assert client.get(reverse("risks:site_plan_image")).status_code == 404
    # Staff of the enterprise see the plan but may not change it.
    client.force_login(world.staff_a)
    assert client.get(reverse("risks:site_plan")).status_code == 200
    response = client.post(
        reverse("risks:site_plan_place"), {"point": target.pk, "x": "30", "y": "40"}
    )
    assert response.status_code == 403
    assert (
        client.post(
            reverse("risks:site_plan_upload"), {"file": image_upload()}
        ).status_code
        == 403
    )
    # Government users are not served the enterprise's plan from the portal.
    client.force_login(world.dept_chemicals)
    assert client.get(reverse("risks:site_plan_image")).status_code in (302, 403)
    target.refresh_from_db()
    assert target.position is None
    assert RiskPoint.objects.filter(position__isnull=False).count() == 0
