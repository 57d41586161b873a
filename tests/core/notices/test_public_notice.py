"""The public notice page: an enterprise's published commitment, and nothing else.

Chemicals' daily 安全风险研判与承诺公告 lists its public answers
(``public_fields``); the pack is loaded through its entry point.
"""

import pytest
from django.urls import reverse

from core.forms.models import FormDefinition, Recurrence
from core.forms.services import (
    assignment_create,
    form_definitions_sync,
    submission_review,
    submission_submit,
)
from core.notices.models import CommitmentNoticePage
from core.organizations.models import Industry
from core.organizations.scope import scope_for

ANSWERS = {
    "units_total": 3,
    "units_running": 2,
    "units_stopped": 0,
    "units_overhaul": 1,
    "trial_production": "no",
    "startup_shutdown": "no",
    **dict.fromkeys(
        (
            "hot_work_special",
            "hot_work_level1",
            "hot_work_level2",
            "confined_space",
            "blind_plate",
            "work_at_height",
            "lifting",
            "temporary_power",
            "excavation",
            "road_closure",
        ),
        0,
    ),
    "contractor_work": "no",
    "major_hazard_count": 2,
    "major_hazards_controlled": "yes",
    "commitment_statement": True,
    "responsible_person": "王承诺",
    "position": "总经理",
    "signature": "SIG-PRIVATE-7",
    "date": "2026-11-28",
}


@pytest.fixture
def commitment(world, enable_packs):
    """The pack's commitment form, synced, published and given to chemicals."""
    manager = enable_packs("chemicals")
    form_definitions_sync(manager=manager)
    definition = FormDefinition.objects.get(key="chem_daily_risk_commitment")
    assignment_create(
        scope=scope_for(world.dept_chemicals),
        definition=definition,
        industry=Industry.objects.get(code="chemicals"),
        recurrence=Recurrence.DAILY,
    )
    return definition.published_version


def submit(world, version, **changes):
    return submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data={**ANSWERS, **changes},
    )


def page(client, enterprise):
    """The former address (printed QR codes) leads to the commitment page."""
    return client.get(reverse("notices:enterprise", args=[enterprise.pk]), follow=True)


def test_the_public_page_shows_the_commitment_to_anyone(
    client, world, commitment, django_assert_max_num_queries
):
    submit(world, commitment)
    page(client, world.enterprise_a)  # the page is made on the first visit
    url = CommitmentNoticePage.objects.get(enterprise=world.enterprise_a).url
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    text = response.text
    assert world.enterprise_a.name in text
    assert "安全风险研判与承诺公告" in text
    assert "我承诺生产装置处于安全运行状态" in text  # the commitment sentence
    assert "王承诺" in text and "总经理" in text and "3 套" in text


def test_it_shows_the_public_answers_and_nothing_else(client, world, commitment):
    submit(world, commitment)
    text = page(client, world.enterprise_a).text
    assert "SIG-PRIVATE-7" not in text  # the signature is not a public field
    assert "是否有承包商作业" not in text  # nor is the contractor question
    assert world.enterprise_a.address not in text
    assert world.enterprise_a.uscc not in text
    assert world.manager_a.username not in text


def test_the_latest_submission_replaces_the_previous_one(client, world, commitment):
    submit(world, commitment)
    latest = submit(world, commitment, units_total=5, units_running=4)
    text = page(client, world.enterprise_a).text
    assert "5 套" in text and "3 套" not in text
    submission_review(
        actor=world.dept_chemicals,
        submission=latest,
        decision="returned",
        comment="数据有误",
    )
    # A submission returned for correction is not published: the earlier one is.
    assert "3 套" in page(client, world.enterprise_a).text


def test_an_uncontrolled_installation_is_stated_instead_of_the_commitment(
    client, world, commitment
):
    data = {k: v for k, v in ANSWERS.items() if k != "commitment_statement"}
    data.update(major_hazards_controlled="no", uncontrolled_detail="2号罐区液位计故障")
    submission_submit(
        actor=world.manager_a,
        version=commitment,
        enterprise=world.enterprise_a,
        data=data,
    )
    text = page(client, world.enterprise_a).text
    assert "2号罐区液位计故障" in text
    assert "我承诺生产装置处于安全运行状态" not in text


def test_no_published_notice_is_a_404(client, world, commitment):
    assert page(client, world.enterprise_a).status_code == 404
    assert page(client, world.enterprise_b).status_code == 404
    missing = client.get(reverse("notices:enterprise", args=[999999]))
    assert missing.status_code == 404


def test_disabling_the_pack_withdraws_the_notice(
    client, world, commitment, enable_packs
):
    submit(world, commitment)
    enable_packs()
    assert page(client, world.enterprise_a).status_code == 404


def test_the_portal_leads_an_enterprise_to_its_own_notice(client, world, commitment):
    client.force_login(world.manager_a)
    mine = reverse("notices:mine")
    nothing_yet = client.get(mine)
    assert nothing_yet.status_code == 200
    assert 'data-testid="no-notice"' in nothing_yet.text
    submit(world, commitment)
    response = client.get(mine)
    assert response.status_code == 200
    assert 'data-testid="no-notice"' not in response.text
    assert f'href="/commitments/enterprise-{world.enterprise_a.pk}/"' in response.text


def test_the_portal_page_is_for_enterprise_users_only(client, world, commitment):
    mine = reverse("notices:mine")
    assert client.get(mine).status_code == 302  # to sign in
    client.force_login(world.outsider)
    assert client.get(mine).status_code == 403
    client.force_login(world.committee)
    assert client.get(mine).url == reverse("wagtailadmin_home")


def test_the_public_index_lists_published_notices(
    client, world, commitment, django_assert_max_num_queries
):
    old = client.get(reverse("notices:index"))
    assert old.status_code == 301 and old.url == "/commitments/"
    empty = client.get("/commitments/")
    assert empty.status_code == 200 and 'data-testid="empty"' in empty.text
    submit(world, commitment)
    with django_assert_max_num_queries(12):
        response = client.get("/commitments/")
    assert response.status_code == 200
    assert world.enterprise_a.name in response.text
    assert f"/commitments/enterprise-{world.enterprise_a.pk}/" in response.text
    assert "SIG-PRIVATE-7" not in response.text
    assert client.get("/commitments/?cursor=x").status_code == 200


def test_no_placeholder_page_is_reachable(client, world):
    assert client.get("/pages/").status_code == 404


def test_the_index_lists_only_pages_that_answer(
    client, world, commitment, enable_packs
):
    """A page made by a submission that was then returned answers 404, so
    neither the index nor the public home names it; published again, it is
    listed again; a disabled pack withdraws it from both."""
    first = submit(world, commitment)
    address = f"/commitments/enterprise-{world.enterprise_a.pk}/"
    assert address in client.get("/commitments/").text
    submission_review(
        actor=world.dept_chemicals,
        submission=first,
        decision="returned",
        comment="数据有误",
    )
    assert client.get(address).status_code == 404
    assert address not in client.get("/commitments/").text
    assert address not in client.get("/commitments/?q=" + world.enterprise_a.name).text
    assert address not in client.get("/").text
    submit(world, commitment)
    assert client.get(address).status_code == 200
    assert address in client.get("/commitments/").text
    assert address in client.get("/").text
    enable_packs()
    assert client.get(address).status_code == 404
    assert address not in client.get("/commitments/").text
    assert address not in client.get("/").text
