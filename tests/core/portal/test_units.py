"""Units and posts: the tree, and the safety manager's changes to it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.organizations.models import Person, Unit
from tests.factories import unit

pytestmark = pytest.mark.django_db


def named(name):
    return Unit.objects.get(name=name)


def test_manager_adds_units_whose_kind_follows_the_parent(client, world):
    client.force_login(world.manager_a)
    workshop = named("合成车间")
    response = client.post(
        reverse("portal:unit_add_child", args=[workshop.pk]), {"name": "二班"}
    )
    assert response.status_code == 302
    team = named("二班")
    assert team.kind == Unit.Kind.TEAM
    assert team.get_parent() == workshop
    client.post(reverse("portal:unit_add_child", args=[team.pk]), {"name": "巡检岗"})
    post = named("巡检岗")
    assert post.kind == Unit.Kind.POST
    assert post.enterprise == world.enterprise_a
    # A post has nothing under it.
    url = reverse("portal:unit_add_child", args=[post.pk])
    assert client.post(url, {"name": "不行"}).status_code == 403
    assert not Unit.objects.filter(name="不行").exists()


def test_the_company_unit_is_created_when_missing(client, world):
    assert not Unit.objects.filter(enterprise=world.enterprise_b).exists()
    client.force_login(world.manager_b)
    text = client.get(reverse("portal:units")).text
    assert reverse("portal:unit_add") in text
    response = client.post(reverse("portal:unit_add"), {"name": "钢筋车间"})
    assert response.status_code == 302
    workshop = named("钢筋车间")
    company = workshop.get_parent()
    assert (company.kind, company.name) == (Unit.Kind.COMPANY, "乙建筑有限公司")
    assert company.enterprise == world.enterprise_b
    # The next workshop goes under the same company unit.
    client.post(reverse("portal:unit_add"), {"name": "模板车间"})
    assert named("模板车间").get_parent() == company
    assert (
        Unit.objects.filter(
            kind=Unit.Kind.COMPANY, enterprise=world.enterprise_b
        ).count()
        == 1
    )


def test_rename_and_invalid_name(client, world):
    client.force_login(world.manager_a)
    team = named("一班")
    url = reverse("portal:unit_edit", args=[team.pk])
    response = client.post(url, {"name": "   "})
    assert response.status_code == 400
    assert response.context["form"].errors["name"]
    assert named("一班")
    assert client.post(url, {"name": "甲班"}).status_code == 302
    team.refresh_from_db()
    assert team.name == "甲班"
    assert team.get_parent().name == "合成车间"
    assert world.post_a in team.get_children()


def test_deleting_a_unit_with_children_is_refused(client, world):
    client.force_login(world.manager_a)
    workshop = named("合成车间")
    url = reverse("portal:unit_delete", args=[workshop.pk])
    page = client.get(url)
    assert 'data-testid="delete-refused"' in page.text
    assert "合成车间" in page.text
    response = client.post(url)
    assert response.status_code == 409
    assert "合成车间" in response.context["problem"]
    assert Unit.objects.filter(pk=workshop.pk).exists()


def test_deleting_a_post_somebody_holds_is_refused(client, world):
    client.force_login(world.manager_a)
    response = client.post(reverse("portal:unit_delete", args=[world.post_a.pk]))
    assert response.status_code == 409
    assert "反应釜操作岗" in response.context["problem"]
    assert Unit.objects.filter(pk=world.post_a.pk).exists()


def test_deleting_an_empty_unit(client, world):
    client.force_login(world.manager_a)
    spare = unit(world.enterprise_a, "备用岗", Unit.Kind.POST, named("一班"))
    response = client.post(reverse("portal:unit_delete", args=[spare.pk]))
    assert response.status_code == 302
    assert not Unit.objects.filter(pk=spare.pk).exists()
    assert named("一班").get_children_count() == 1


def test_staff_see_the_tree_read_only_with_their_posts_highlighted(client, world):
    other = unit(world.enterprise_a, "中控岗", Unit.Kind.POST, named("一班"))
    client.force_login(world.staff_a)
    response = client.get(reverse("portal:units"))
    rows = {row.unit.name: row for row in response.context["rows"]}
    assert rows["反应釜操作岗"].is_mine
    assert not rows["中控岗"].is_mine
    assert [p.name for p in rows["反应釜操作岗"].holders] == ["张三"]
    text = response.text
    assert f'class="tree-row depth-4 is-mine" data-unit-id="{world.post_a.pk}"' in text
    assert f'class="tree-row depth-4" data-unit-id="{other.pk}"' in text
    assert "/units/add/" not in text and "/delete/" not in text


def test_the_tree_is_in_order_and_indented(client, world):
    client.force_login(world.manager_a)
    rows = client.get(reverse("portal:units")).context["rows"]
    assert [(row.unit.name, row.depth) for row in rows] == [
        ("甲化工", 1),
        ("合成车间", 2),
        ("一班", 3),
        ("反应釜操作岗", 4),
    ]


@pytest.mark.parametrize("size", [5, 50])
def test_units_page_costs_a_bounded_number_of_queries(
    client, world, size, django_assert_max_num_queries
):
    team = named("一班")
    for n in range(size):
        post = unit(world.enterprise_a, f"岗位{n:03d}", Unit.Kind.POST, team)
        person = Person.objects.create(enterprise=world.enterprise_a, name=f"人{n}")
        person.posts.set([post])
        team.refresh_from_db()
    client.force_login(world.manager_a)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("portal:units"))
    assert response.status_code == 200
    assert len(response.context["rows"]) == 4 + size


def big_tree(world, workshops, teams=3, posts=4):
    """``workshops`` more workshops of enterprise A, each with teams and posts
    (one person per post)."""
    company = named("甲化工")
    for w in range(workshops):
        workshop = unit(world.enterprise_a, f"车间{w:02d}", Unit.Kind.WORKSHOP, company)
        company.refresh_from_db()
        for t in range(teams):
            team = unit(world.enterprise_a, f"班{w:02d}-{t}", Unit.Kind.TEAM, workshop)
            workshop.refresh_from_db()
            for p in range(posts):
                post = unit(
                    world.enterprise_a, f"岗{w:02d}-{t}-{p}", Unit.Kind.POST, team
                )
                team.refresh_from_db()
                person = Person.objects.create(
                    enterprise=world.enterprise_a, name=f"人{w}{t}{p}"
                )
                person.posts.set([post])


def test_a_large_tree_is_drawn_from_the_top_and_opens_by_branch(
    client, world, monkeypatch
):
    monkeypatch.setattr("core.portal.selectors.UNIT_PAGE_ROWS", 20)
    big_tree(world, 3)  # 1 + 4 workshops, 10 teams, 37 posts
    client.force_login(world.manager_a)
    response = client.get(reverse("portal:units"))
    rows = response.context["rows"]
    # The levels that fit whole: company, workshops and teams, no post.
    assert {row.depth for row in rows} == {1, 2, 3}
    assert len(rows) == 1 + 4 + 10
    team = named("班01-2")
    [team_row] = [row for row in rows if row.unit == team]
    assert team_row.more_below
    assert f'href="?unit={team.pk}"' in response.text
    assert 'data-testid="open-branch"' in response.text
    # Opening the team draws it with its posts and who holds them.
    response = client.get(reverse("portal:units"), {"unit": team.pk})
    rows = response.context["rows"]
    assert [row.unit.name for row in rows] == [
        "班01-2",
        *(f"岗01-2-{p}" for p in range(4)),
    ]
    assert [p.name for p in rows[1].holders] == ["人120"]
    assert [u.name for u in response.context["branch"].trail] == ["甲化工", "车间01"]
    assert 'data-testid="unit-trail"' in response.text
    # The edit links of a unit drawn in a branch are there.
    assert reverse("portal:unit_edit", args=[rows[1].unit.pk]) in response.text


def test_a_long_level_is_paged(client, world, monkeypatch):
    monkeypatch.setattr("core.portal.selectors.UNIT_PAGE_ROWS", 5)
    team = named("一班")
    for n in range(8):
        unit(world.enterprise_a, f"岗位{n}", Unit.Kind.POST, team)
        team.refresh_from_db()
    client.force_login(world.manager_a)
    url = reverse("portal:units")
    first = client.get(url, {"unit": team.pk})
    names = [row.unit.name for row in first.context["rows"][1:]]
    assert len(names) == 5
    after = first.context["branch"].next_after
    assert after
    second = client.get(url, {"unit": team.pk, "after": after})
    more = [row.unit.name for row in second.context["rows"][1:]]
    assert second.context["branch"].next_after is None
    assert sorted(names + more) == sorted(
        ["反应釜操作岗", *(f"岗位{n}" for n in range(8))]
    )


def test_units_are_found_by_name_anywhere_in_the_tree(client, world, monkeypatch):
    monkeypatch.setattr("core.portal.selectors.UNIT_PAGE_ROWS", 3)
    unit(world.enterprise_b, "反应釜操作岗", Unit.Kind.WORKSHOP, None)
    client.force_login(world.manager_a)
    response = client.get(reverse("portal:units"), {"q": "操作"})
    found = response.context["found"]
    # Enterprise B's unit of the same name is not among them.
    assert [(u.pk, label) for u, label in found] == [
        (world.post_a.pk, "合成车间 / 一班 / 反应釜操作岗")
    ]
    assert f'href="?unit={world.post_a.pk}"' in response.text


def test_staff_find_their_posts_when_the_tree_is_cut(client, world, monkeypatch):
    monkeypatch.setattr("core.portal.selectors.UNIT_PAGE_ROWS", 2)
    client.force_login(world.staff_a)
    response = client.get(reverse("portal:units"))
    assert world.post_a not in [row.unit for row in response.context["rows"]]
    assert response.context["branch"].mine == [
        (world.post_a, "合成车间 / 一班 / 反应釜操作岗")
    ]
    assert 'data-testid="my-posts"' in response.text


def test_a_unit_of_another_enterprise_cannot_be_opened(client, world):
    other = unit(world.enterprise_b, "乙车间", Unit.Kind.WORKSHOP, None)
    client.force_login(world.manager_a)
    url = reverse("portal:units")
    assert client.get(url, {"unit": other.pk}).status_code == 404
    assert client.get(url, {"unit": "x"}).status_code == 404
    client.force_login(world.manager_b)
    assert client.get(url, {"unit": world.post_a.pk}).status_code == 404


@pytest.mark.parametrize("branch", [False, True])
def test_a_cut_tree_costs_the_same_queries_at_two_sizes(
    client, world, monkeypatch, branch
):
    monkeypatch.setattr("core.portal.selectors.UNIT_PAGE_ROWS", 20)
    client.force_login(world.manager_a)
    url = reverse("portal:units")

    def cost():
        params = {"unit": named("车间00").pk} if branch else {}
        client.get(url, params)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200
        return len(queries), len(response.context["rows"])

    big_tree(world, 3)
    small, small_rows = cost()
    big_tree_more(world)
    large, large_rows = cost()
    assert large == small
    assert large_rows <= 21  # the opened unit and a page of 20


def big_tree_more(world):
    """Ten times the workshops of ``big_tree(world, 3)``, with larger teams."""
    company = named("甲化工")
    for w in range(3, 30):
        workshop = unit(world.enterprise_a, f"车间{w:02d}", Unit.Kind.WORKSHOP, company)
        company.refresh_from_db()
    workshop = named("车间00")
    for t in range(3, 10):
        unit(world.enterprise_a, f"班00-{t}", Unit.Kind.TEAM, workshop)
        workshop.refresh_from_db()
