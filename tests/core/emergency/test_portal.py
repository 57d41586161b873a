"""The portal's emergency page: a worker sees their post's card and their
training record and signs them; the manager sees what is due; nobody sees
or signs another enterprise's."""

from __future__ import annotations

import pytest
from django.test import Client

from core.emergency.models import ReadSignature
from core.emergency.services import post_content_save

pytestmark = pytest.mark.django_db
URL = "/portal/emergency/"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def card(world):
    return post_content_save(
        actor=world.manager_a,
        post=world.post_a,
        scenario="反应釜物料泄漏",
        first_actions=[{"action": "关闭进料阀", "responsible": "操作工"}],
        escape_route="东侧通道",
        assembly_point="东门广场",
    )


def test_the_worker_reads_and_signs_their_card(world, card):
    staff = client_for(world.staff_a)
    page = staff.get(URL).content.decode()
    assert "反应釜物料泄漏" in page and "关闭进料阀" in page and "东门广场" in page
    assert 'data-testid="sign-card"' in page
    assert 'data-testid="emergency-manager"' not in page
    staff.post(URL + "sign/", {"post": world.post_a.pk, "what": "card"})
    staff.post(URL + "sign/", {"post": world.post_a.pk, "what": "card"})  # again
    assert ReadSignature.objects.filter(what="card").count() == 1
    assert 'data-testid="card-signed"' in staff.get(URL).content.decode()
    staff.post(URL + "sign/", {"post": world.post_a.pk, "what": "training"})
    assert ReadSignature.objects.filter(what="training").count() == 1
    # A change to the card asks for a new signature.
    post_content_save(actor=world.manager_a, post=world.post_a, scenario="泄漏（修订）")
    assert 'data-testid="sign-card"' in staff.get(URL).content.decode()


def test_others_cannot_sign_or_see(world, card):
    for role in ("manager_a", "manager_b"):
        client_for(getattr(world, role)).post(
            URL + "sign/", {"post": world.post_a.pk, "what": "card"}
        )
    assert not ReadSignature.objects.exists()
    page = client_for(world.manager_b).get(URL).content.decode()
    assert "反应釜物料泄漏" not in page
    for role in ("dept_chemicals", "committee"):
        response = client_for(getattr(world, role)).get(URL)
        assert response.status_code in (302, 403)
        client_for(getattr(world, role)).post(URL + "sign/", {"post": world.post_a.pk})
    assert not ReadSignature.objects.exists()
    assert Client().get(URL).status_code == 302


def test_bad_sign_input_is_a_message_not_an_error(world, card):
    staff = client_for(world.staff_a)
    for body in ({"post": "abc"}, {"post": world.post_a.pk, "what": "poem"}, {}):
        response = staff.post(URL + "sign/", body)
        assert response.status_code == 302
    assert not ReadSignature.objects.exists()


def test_the_manager_sees_what_is_due(world, plan_a, django_assert_max_num_queries):
    from core.emergency.services import drill_plan_add, training_requirement_add

    drill_plan_add(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        year=2025,
        scenario="火灾疏散",
        due_on="2025-06-30",
    )
    training_requirement_add(
        actor=world.manager_a, post=world.post_a, topic="特种作业证"
    )
    manager = client_for(world.manager_a)
    manager.get(URL)
    with django_assert_max_num_queries(30):
        page = manager.get(URL).content.decode()
    assert "甲化工综合应急预案" in page
    assert "火灾疏散" in page and "特种作业证" in page


def test_only_the_manager_records_a_drill_in_the_portal(world):
    from core.emergency.models import Drill
    from tests.factories import image_upload

    body = {
        "held_on": "2026-01-10",
        "scenario": "火灾疏散",
        "participant_count": "5",
    }
    for role in ("staff_a", "manager_b"):
        client_for(getattr(world, role)).post(URL + "drills/new/", body)
    assert client_for(world.staff_a).get(URL + "drills/new/").status_code == 403
    assert client_for(world.dept_chemicals).get(URL + "drills/new/").status_code in (
        302,
        403,
    )
    # manager_b's post recorded a drill of manager_b's own enterprise only.
    assert list(Drill.objects.values_list("enterprise", flat=True)) == [
        world.enterprise_b.pk
    ]
    manager = client_for(world.manager_a)
    bad = manager.post(URL + "drills/new/", {**body, "participant_count": "0"})
    assert bad.status_code == 200
    assert not Drill.objects.filter(enterprise=world.enterprise_a).exists()
    ok = manager.post(URL + "drills/new/", {**body, "photos": [image_upload()]})
    assert ok.status_code == 302
    drill = Drill.objects.get(enterprise=world.enterprise_a)
    assert drill.enterprise == world.enterprise_a and drill.photos.count() == 1


def test_the_home_reads_every_post_card_in_a_fixed_number_of_queries(
    world, django_assert_max_num_queries
):
    """A worker with one post or with twenty: the same number of queries."""
    from core.organizations.models import Person, Unit

    person = Person.objects.get(user=world.staff_a)
    staff = client_for(world.staff_a)
    staff.get(URL)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        staff.get(URL)
    posts = [
        Unit.add_root(enterprise=world.enterprise_a, name=f"岗{n}", kind=Unit.Kind.POST)
        for n in range(19)
    ]
    person.posts.add(*posts)
    for post in posts[:5]:
        post_content_save(actor=world.manager_a, post=post, scenario=f"{post.name}泄漏")
    with CaptureQueriesContext(connection) as twenty:
        page = staff.get(URL).content.decode()
    assert page.count('data-testid="emergency-card"') == 20
    assert len(twenty) <= len(one) + 2
