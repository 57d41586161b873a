"""An office's own circulars and guidance: listed with their drafts, revised,
published and withdrawn from the admin by the issuing office only; bad input
is shown at its field and changes nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from core.base.errors import Invalid, Refused
from core.notices.models import CircularNature, CircularPage, GuidancePage
from core.notices.services import create_circular, create_guidance, notice_revise
from core.organizations.models import Department

pytestmark = pytest.mark.django_db
ISSUED = "/admin/notices/issued/"


def office(name):
    return Department.objects.get(name=name)


@pytest.fixture
def chemicals_circular(world):
    return create_circular(
        actor=world.dept_chemicals,
        title="关于危化品企业隐患整改的通报",
        body_html="<p>初稿</p>",
        issuer=office("应急管理局"),
        nature=CircularNature.CRITICISM,
    )


def test_a_draft_is_revised_then_published_then_withdrawn(
    world, client, chemicals_circular
):
    page = chemicals_circular
    assert not page.live and page.nature == CircularNature.CRITICISM
    client.force_login(world.dept_chemicals)
    listing = client.get(ISSUED)
    assert listing.status_code == 200 and page.title in listing.text
    edit = reverse("notices_admin_issued_edit", args=[page.pk])
    assert "初稿" in client.get(edit).text
    response = client.post(
        edit,
        {
            "title": "关于隐患整改的通报（定稿）",
            "body": "<p>定稿</p>",
            "nature": "praise",
            "publish": "1",
        },
    )
    assert response.status_code == 302
    page = CircularPage.objects.get(pk=page.pk)
    assert page.live and page.title == "关于隐患整改的通报（定稿）"
    assert page.nature == CircularNature.PRAISE and "定稿" in page.body
    assert "定稿" in client.get(page.url).text
    # A later draft stays beside the public version until it is published.
    client.post(
        edit, {"title": page.title, "body": "<p>修订中</p>", "nature": "criticism"}
    )
    page = CircularPage.objects.get(pk=page.pk)
    assert page.live and page.has_unpublished_changes and "定稿" in page.body
    assert page.nature == CircularNature.PRAISE  # the public version's
    # The list shows the nature the office is working on: the draft's.
    row = client.get(ISSUED).text.split(f'data-page="{page.pk}"')[1].split("</tr>")[0]
    assert "批评" in row and "表扬" not in row
    assert "修订中" not in client.get(page.url).text
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    withdraw = reverse("notices_admin_issued_withdraw", args=[page.pk])
    assert client.post(withdraw).status_code == 302
    assert not CircularPage.objects.get(pk=page.pk).live
    assert client.get(page.url).status_code == 404


def test_bad_input_is_shown_at_its_field_and_changes_nothing(
    world, client, chemicals_circular
):
    client.force_login(world.dept_chemicals)
    edit = reverse("notices_admin_issued_edit", args=[chemicals_circular.pk])
    revisions = chemicals_circular.revisions.count()
    for data, field in (
        ({"title": "", "body": "<p>x</p>"}, "title"),
        ({"title": "t" * 256, "body": "<p>x</p>"}, "title"),
        ({"title": "t", "body": "<script>x</script>"}, "body"),
        ({"title": "t", "body": "<p>x</p>", "nature": "gossip"}, "nature"),
    ):
        response = client.post(edit, data)
        assert response.status_code == 400, data
        assert response.context["form"].errors[field], data
    assert chemicals_circular.revisions.count() == revisions
    with pytest.raises(Invalid):
        notice_revise(
            actor=world.dept_chemicals,
            page=chemicals_circular,
            title="t",
            body_html="<p>x</p>",
            nature="gossip",
        )
    issue = client.post(
        reverse("notices_admin_issue"),
        {"kind": "circular", "title": "t", "body": " ", "nature": "praise"},
    )
    assert issue.status_code == 400 and issue.context["form"].errors["body"]


@pytest.mark.parametrize(
    "role", ["dept_construction", "street1_office", "manager_a", "staff_a"]
)
def test_another_office_cannot_see_or_change_the_circular(
    world, client, chemicals_circular, role
):
    client.force_login(getattr(world, role))
    edit = reverse("notices_admin_issued_edit", args=[chemicals_circular.pk])
    withdraw = reverse("notices_admin_issued_withdraw", args=[chemicals_circular.pk])
    assert client.get(edit).status_code in (302, 403, 404)
    assert client.post(
        edit, {"title": "改", "body": "<p>改</p>", "publish": "1"}
    ).status_code in (302, 403, 404)
    assert client.post(withdraw).status_code in (302, 403, 404)
    listing = client.get(ISSUED)
    assert chemicals_circular.title not in listing.text
    page = CircularPage.objects.get(pk=chemicals_circular.pk)
    assert page.title == "关于危化品企业隐患整改的通报" and not page.live
    assert page.revisions.count() == 1
    with pytest.raises(Refused):
        notice_revise(
            actor=getattr(world, role),
            page=page,
            title="改",
            body_html="<p>改</p>",
            publish=True,
        )


def test_the_committee_office_revises_its_own_and_lists_only_them(world, client):
    committee = create_circular(
        actor=world.committee,
        title="安委办通报",
        body_html="<p>x</p>",
        issuer=office("安委办"),
        publish=True,
    )
    guidance = create_guidance(
        actor=world.dept_chemicals,
        title="危化品指导",
        body_html="<p>y</p>",
        issuer=office("应急管理局"),
        industry=world.chemicals,
        publish=True,
    )
    client.force_login(world.committee)
    listing = client.get(ISSUED)
    assert "安委办通报" in listing.text and "危化品指导" not in listing.text
    response = client.post(
        reverse("notices_admin_issued_edit", args=[committee.pk]),
        {
            "title": "安委办通报（更正）",
            "body": "<p>x</p>",
            "nature": "information",
            "publish": "1",
        },
    )
    assert response.status_code == 302
    assert CircularPage.objects.get(pk=committee.pk).title == "安委办通报（更正）"
    edit_guidance = reverse("notices_admin_issued_edit", args=[guidance.pk])
    assert client.get(edit_guidance).status_code == 404
    # A guidance document keeps its kind and industry: no nature to choose.
    client.force_login(world.dept_chemicals)
    form = client.get(edit_guidance).context["form"]
    assert "nature" not in form.fields and "industry" not in form.fields
    assert GuidancePage.objects.get(pk=guidance.pk).live


def test_the_list_costs_a_bounded_number_of_queries(
    world, client, django_assert_max_num_queries
):
    for number in range(12):
        create_circular(
            actor=world.dept_chemicals,
            title=f"通报{number}",
            body_html="<p>x</p>",
            issuer=office("应急管理局"),
            publish=number % 2 == 0,
        )
    client.force_login(world.dept_chemicals)
    client.get(ISSUED)
    with django_assert_max_num_queries(30):
        response = client.get(ISSUED)
    assert response.status_code == 200 and "通报11" in response.text
