"""Circulars and guidance of the departments; sanitised rich text."""

from __future__ import annotations

import pytest
from wagtail.models import PageLogEntry

from core.base.errors import Invalid, Refused
from core.notices.models import CircularPage
from core.notices.services import create_circular, create_guidance
from core.organizations.models import Department

pytestmark = pytest.mark.django_db

PAYLOAD = (
    '<p>通报<script>alert("x")</script>'
    '<img src=x onerror="alert(1)">'
    '<a href="javascript:alert(2)" onclick="alert(3)">链接</a>'
    '<b style="color:red">加粗</b></p>'
)


def office(name):
    return Department.objects.get(name=name)


def test_the_committee_office_publishes_a_circular(
    world, client, django_assert_max_num_queries
):
    page = create_circular(
        actor=world.committee,
        title="关于一季度隐患排查情况的通报",
        body_html="<p>表扬甲化工。</p>",
        issuer=office("安委办"),
        publish=True,
    )
    assert page.live
    response = client.get(page.url)
    assert response.status_code == 200
    assert "表扬甲化工。" in response.text and "安委办" in response.text
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    for number in range(15):
        create_circular(
            actor=world.committee,
            title=f"通报{number}",
            body_html="<p>x</p>",
            issuer=office("安委办"),
            publish=True,
        )
    # The home and an index read a bounded number of rows, whatever the total.
    with django_assert_max_num_queries(12):
        home = client.get("/")
    assert home.status_code == 200 and "通报14" in home.text
    with django_assert_max_num_queries(12):
        index = client.get("/circulars/")
    assert index.status_code == 200 and "通报14" in index.text


def test_a_draft_circular_is_not_public(world, client):
    page = create_circular(
        actor=world.dept_chemicals,
        title="草稿",
        body_html="<p>x</p>",
        issuer=office("应急管理局"),
    )
    assert not page.live
    assert client.get(page.url or "/circulars/circular/").status_code == 404
    assert "草稿" not in client.get("/circulars/").text


@pytest.mark.parametrize(
    ("user", "issuer"),
    [
        ("dept_construction", "应急管理局"),
        ("dept_chemicals", "安委办"),
        ("committee", "应急管理局"),
        ("manager_a", "安委办"),
        ("outsider", "安委办"),
    ],
)
def test_only_the_issuer_publishes_its_circulars(world, user, issuer):
    with pytest.raises(Refused):
        create_circular(
            actor=getattr(world, user),
            title="t",
            body_html="<p>x</p>",
            issuer=office(issuer),
            publish=True,
        )
    assert not CircularPage.objects.exists()


def test_empty_or_overlong_input_is_refused(world):
    with pytest.raises(Invalid):
        create_circular(
            actor=world.committee,
            title="",
            body_html="<p>x</p>",
            issuer=office("安委办"),
        )
    with pytest.raises(Invalid):
        create_circular(
            actor=world.committee,
            title="t",
            body_html="<script>x</script>",
            issuer=office("安委办"),
        )
    assert not CircularPage.objects.exists()


def test_no_script_reaches_a_public_page(world, client):
    page = create_circular(
        actor=world.committee,
        title="t",
        body_html=PAYLOAD,
        issuer=office("安委办"),
        publish=True,
    )
    stored = CircularPage.objects.get(pk=page.pk).body
    text = client.get(page.url).text
    for bad in ("<script>alert", "onerror", "javascript:", "onclick", "style="):
        assert bad not in stored
        assert bad not in text
    assert "加粗" in text and "链接" in text


def test_guidance_is_for_the_department_industries(world, client):
    with pytest.raises(Refused):
        create_guidance(
            actor=world.dept_chemicals,
            title="t",
            body_html="<p>x</p>",
            issuer=office("应急管理局"),
            industry=world.construction,
        )
    page = create_guidance(
        actor=world.dept_chemicals,
        title="危化品企业双重预防机制建设指导意见",
        body_html="<h3>一、总体要求</h3><p>内容</p>",
        issuer=office("应急管理局"),
        industry=world.chemicals,
        publish=True,
    )
    response = client.get(f"/guidance/?industry={world.chemicals.pk}")
    assert page.title in response.text
    assert (
        page.title
        not in client.get(f"/guidance/?industry={world.construction.pk}").text
    )
    assert page.title in client.get("/guidance/?q=指导意见").text
