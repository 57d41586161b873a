"""The organizations screens of the Wagtail admin, for every role.

A refusal is either a 404 (the row is outside the user's scope: it does not
exist for them) or Wagtail's permission-denied redirect to the admin home (the
row is in scope but the role may not do this). Users without
``wagtailadmin.access_admin`` are sent to the admin login page.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from core.organizations.models import (
    Department,
    Enterprise,
    Jurisdiction,
    Membership,
    Role,
)
from core.organizations.validators import validate_uscc
from tests.core.admin_helpers import (
    assert_permission_denied,
    assert_sent_to_login,
    enterprise_form_data,
)
from tests.factories import EnterpriseFactory, UserFactory, make_uscc

pytestmark = pytest.mark.django_db

A = "甲化工有限公司"
B = "乙建筑有限公司"

# Which enterprises each admin role sees (and so may open).
VISIBLE = {
    "superuser": {A, B},
    "committee": {A, B},
    "dept_chemicals": {A},
    "dept_construction": {B},
    "street1_office": {A},
}
READ_ONLY_ROLES = ["dept_chemicals", "dept_construction", "street1_office"]
NO_ADMIN_ROLES = ["manager_a", "manager_b", "staff_a", "outsider"]
OBJECT_VIEWS = ["inspect", "edit", "delete", "history", "usage"]


def login(client, world, role):
    client.force_login(getattr(world, role))


def enterprises_by_name(world):
    return {A: world.enterprise_a, B: world.enterprise_b}


# -- who gets into the admin ------------------------------------------------------


@pytest.mark.parametrize("role", NO_ADMIN_ROLES)
def test_enterprise_users_and_outsiders_cannot_open_the_admin(client, world, role):
    login(client, world, role)
    for url in [
        reverse("wagtailadmin_home"),
        reverse("enterprises:index"),
        reverse("enterprises:inspect", args=[world.enterprise_a.pk]),
        reverse("enterprises:edit", args=[world.enterprise_a.pk]),
        reverse("audit_log:index"),
    ]:
        assert_sent_to_login(client.get(url))
    response = client.post(
        reverse("enterprises:edit", args=[world.enterprise_a.pk]),
        enterprise_form_data(world.enterprise_a, name="改名"),
    )
    assert_sent_to_login(response)
    assert Enterprise.objects.get(pk=world.enterprise_a.pk).name == A


def test_anonymous_is_sent_to_login(client, world):
    assert_sent_to_login(client.get(reverse("enterprises:index")))


# -- the enterprise list and object views, per role ----------------------------------


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_enterprise_index_shows_exactly_the_scope(client, world, role):
    login(client, world, role)
    response = client.get(reverse("enterprises:index"))
    assert response.status_code == 200
    html = response.content.decode()
    for name in (A, B):
        assert (name in html) == (name in VISIBLE[role]), name
    listed = {e.name for e in response.context["object_list"]}
    assert listed == VISIBLE[role]


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_out_of_scope_enterprises_are_404_on_every_view(client, world, role):
    login(client, world, role)
    for name, enterprise in enterprises_by_name(world).items():
        if name in VISIBLE[role]:
            continue
        for view in OBJECT_VIEWS:
            url = reverse(f"enterprises:{view}", args=[enterprise.pk])
            response = client.get(url)
            assert response.status_code == 404, url
            assert name not in response.content.decode()
            assert client.post(url, {}).status_code == 404, url
        assert Enterprise.objects.filter(pk=enterprise.pk, name=name).exists()


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_in_scope_enterprises_can_be_inspected(client, world, role):
    login(client, world, role)
    for name, enterprise in enterprises_by_name(world).items():
        if name not in VISIBLE[role]:
            continue
        response = client.get(reverse("enterprises:inspect", args=[enterprise.pk]))
        assert response.status_code == 200
        assert enterprise.uscc in response.content.decode()


def test_unknown_enterprise_is_404(client, world):
    login(client, world, "committee")
    response = client.get(reverse("enterprises:inspect", args=[999999]))
    assert response.status_code == 404


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_read_only_roles_get_no_add_or_edit_buttons(client, world, role):
    login(client, world, role)
    html = client.get(reverse("enterprises:index")).content.decode()
    assert reverse("enterprises:add") not in html
    for enterprise in (world.enterprise_a, world.enterprise_b):
        assert reverse("enterprises:edit", args=[enterprise.pk]) not in html
        assert reverse("enterprises:delete", args=[enterprise.pk]) not in html
    visible = [e for n, e in enterprises_by_name(world).items() if n in VISIBLE[role]]
    inspect_html = client.get(
        reverse("enterprises:inspect", args=[visible[0].pk])
    ).content.decode()
    assert reverse("enterprises:edit", args=[visible[0].pk]) not in inspect_html


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_read_only_roles_cannot_change_anything(client, world, role):
    login(client, world, role)
    name, enterprise = next(
        (n, e) for n, e in enterprises_by_name(world).items() if n in VISIBLE[role]
    )
    edit_url = reverse("enterprises:edit", args=[enterprise.pk])
    assert_permission_denied(client.get(edit_url))
    assert_permission_denied(
        client.post(edit_url, enterprise_form_data(enterprise, name="改名有限公司"))
    )
    assert Enterprise.objects.get(pk=enterprise.pk).name == name

    delete_url = reverse("enterprises:delete", args=[enterprise.pk])
    assert_permission_denied(client.get(delete_url))
    assert_permission_denied(client.post(delete_url))
    assert Enterprise.objects.filter(pk=enterprise.pk).exists()

    new = enterprise_form_data(enterprise, name="新企业有限公司", uscc=make_uscc())
    assert_permission_denied(client.get(reverse("enterprises:add")))
    assert_permission_denied(client.post(reverse("enterprises:add"), new))
    assert not Enterprise.objects.filter(name="新企业有限公司").exists()


# -- what the committee office does ---------------------------------------------------


@pytest.mark.parametrize("role", ["committee", "superuser"])
def test_committee_edits_an_enterprise_with_contacts(client, world, role):
    login(client, world, role)
    enterprise = world.enterprise_a
    data = enterprise_form_data(
        enterprise,
        name="甲化工(集团)有限公司",
        is_key_industry="on",
        **{
            "contacts-TOTAL_FORMS": "1",
            "contacts-0-name": "李四",
            "contacts-0-title": "安全总监",
            "contacts-0-phone": "13800000000",
            "contacts-0-email": "",
            "contacts-0-id": "",
            "contacts-0-DELETE": "",
        },
    )
    response = client.post(reverse("enterprises:edit", args=[enterprise.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    enterprise.refresh_from_db()
    assert enterprise.name == "甲化工(集团)有限公司"
    assert enterprise.is_key_industry
    assert [(c.name, c.phone) for c in enterprise.contacts.all()] == [
        ("李四", "13800000000")
    ]


def test_committee_registers_an_enterprise(client, world):
    login(client, world, "committee")
    uscc = make_uscc()
    data = enterprise_form_data(
        world.enterprise_b, name="丙燃气有限公司", uscc=uscc.lower()
    )
    response = client.post(reverse("enterprises:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    created = Enterprise.objects.get(name="丙燃气有限公司")
    # Stored as the canonical upper-case code.
    assert created.uscc == uscc
    assert list(created.industries.all()) == [world.construction]


@pytest.mark.parametrize("bad", ["91220101000000011", "9122010100000001XA"])
def test_a_wrong_credit_code_is_refused_at_the_field(client, world, bad):
    login(client, world, "committee")
    enterprise = world.enterprise_a
    response = client.post(
        reverse("enterprises:edit", args=[enterprise.pk]),
        enterprise_form_data(enterprise, uscc=bad),
    )
    assert response.status_code == 200
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        validate_uscc(bad)
    assert response.context["form"].errors["uscc"] == error.value.messages
    enterprise.refresh_from_db()
    assert enterprise.uscc != bad


def test_committee_deletes_an_enterprise(client, world):
    login(client, world, "committee")
    enterprise = EnterpriseFactory(jurisdiction=world.street2)
    response = client.post(reverse("enterprises:delete", args=[enterprise.pk]))
    assert response.status_code == 302
    assert not Enterprise.objects.filter(pk=enterprise.pk).exists()


def test_filters_by_industry_jurisdiction_subtree_flags_and_search(client, world):
    login(client, world, "committee")
    url = reverse("enterprises:index")

    def listed(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return {e.name for e in response.context["object_list"]}

    Enterprise.objects.filter(pk=world.enterprise_b.pk).update(is_above_scale=True)
    assert listed(industry=world.chemicals.pk) == {A}
    # Enterprise A is in a grid under street 1: the subtree counts.
    assert listed(jurisdiction=world.street1.pk) == {A}
    assert listed(jurisdiction=world.district.pk) == {A, B}
    assert listed(is_above_scale="true") == {B}
    assert listed(q="甲化工") == {A}
    assert listed(q=world.enterprise_b.uscc[-6:]) == {B}


def test_filters_never_widen_the_scope(client, world):
    login(client, world, "dept_chemicals")
    response = client.get(
        reverse("enterprises:index"), {"industry": world.construction.pk}
    )
    assert list(response.context["object_list"]) == []


@pytest.mark.parametrize("role", ["committee", "dept_chemicals", "street1_office"])
def test_enterprise_index_runs_a_bounded_number_of_queries(
    client, world, role, django_assert_max_num_queries
):
    login(client, world, role)
    url = reverse("enterprises:index")
    client.get(url)  # warm per-process caches (content types, hooks)

    def add(count):
        for _ in range(count):
            EnterpriseFactory(
                jurisdiction=world.grid1,
                industries=[world.chemicals, world.construction],
            )

    add(5)
    with django_assert_max_num_queries(QUERY_BOUND):
        response = client.get(url)
    assert len(response.context["object_list"]) >= 5
    add(55)
    with django_assert_max_num_queries(QUERY_BOUND):
        response = client.get(url)
    assert len(response.context["object_list"]) == 50  # one full page


# Session, user, membership and scope, the count, the page, its industries,
# the filters' choices; the same for 5 enterprises as for 60.
QUERY_BOUND = 16


# -- the other screens ----------------------------------------------------------------


@pytest.mark.parametrize(
    "role", ["committee", "dept_chemicals", "dept_construction", "street1_office"]
)
def test_government_roles_see_jurisdictions_departments_industries(client, world, role):
    login(client, world, role)
    for name in ("jurisdictions", "departments", "industries"):
        assert client.get(reverse(f"{name}:index")).status_code == 200
    html = client.get(reverse("industries:index")).content.decode()
    assert "chemicals" in html and "危险化学品" in html


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_other_government_roles_cannot_change_the_set_up(client, world, role):
    login(client, world, role)
    for url in [
        reverse("jurisdictions:add"),
        reverse("jurisdictions:edit", args=[world.street1.pk]),
        reverse("departments:add"),
        reverse("memberships:index"),
        reverse("memberships:add"),
    ]:
        assert_permission_denied(client.get(url))
    response = client.post(
        reverse("jurisdictions:edit", args=[world.street1.pk]),
        {"name": "改名街道", "code": "T01", "level": "street"},
    )
    assert_permission_denied(response)
    assert Jurisdiction.objects.get(pk=world.street1.pk).name == "一街道"


@pytest.mark.parametrize("role", ["committee", "superuser"])
def test_industries_are_read_only_even_for_the_committee(client, world, role):
    login(client, world, role)
    assert_permission_denied(client.get(reverse("industries:add")))
    edit_url = reverse("industries:edit", args=[world.chemicals.pk])
    assert_permission_denied(client.get(edit_url))
    assert_permission_denied(client.post(edit_url, {"name_zh": "改"}))
    world.chemicals.refresh_from_db()
    assert world.chemicals.name_zh == "危险化学品"


def test_committee_adds_a_street_under_the_district(client, world):
    login(client, world, "committee")
    response = client.post(
        reverse("jurisdictions:add"),
        {
            "parent": world.district.pk,
            "name": "三街道",
            "code": "T03",
            "level": "street",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    street3 = Jurisdiction.objects.get(code="T03")
    assert street3.get_parent() == world.district
    assert street3.depth == 2


@pytest.mark.parametrize(
    ("parent", "level"),
    [("district", "grid"), (None, "street"), ("grid1", "grid")],
)
def test_a_jurisdiction_must_fit_the_tree(client, world, parent, level):
    login(client, world, "committee")
    data = {"name": "错层", "code": "BAD", "level": level}
    if parent:
        data["parent"] = getattr(world, parent).pk
    response = client.post(reverse("jurisdictions:add"), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["level"]
    assert not Jurisdiction.objects.filter(code="BAD").exists()


def test_a_jurisdiction_with_enterprises_is_not_deleted(client, world):
    login(client, world, "committee")
    response = client.post(reverse("jurisdictions:delete", args=[world.street2.pk]))
    assert response.status_code == 302
    assert Jurisdiction.objects.filter(pk=world.street2.pk).exists()


def test_department_needs_what_its_kind_supervises(client, world):
    login(client, world, "committee")
    response = client.post(
        reverse("departments:add"), {"name": "交通局", "kind": "industry"}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["industries"]
    response = client.post(
        reverse("departments:add"), {"name": "三街道办", "kind": "territorial"}
    )
    assert list(response.context["form"].errors) == ["jurisdiction"]
    assert not Department.objects.filter(name__in=["交通局", "三街道办"]).exists()
    response = client.post(
        reverse("departments:add"),
        {"name": "交通局", "kind": "industry", "industries": [world.construction.pk]},
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("role", "department", "enterprise", "wrong"),
    [
        (Role.INDUSTRY_DEPARTMENT, None, None, {"department"}),
        (Role.INDUSTRY_DEPARTMENT, "一街道办", None, {"department"}),
        (Role.COMMITTEE, "安委办", "enterprise_a", {"enterprise"}),
        (Role.ENTERPRISE_MANAGER, None, None, {"enterprise"}),
        (Role.ENTERPRISE_STAFF, "安委办", "enterprise_a", {"department"}),
    ],
)
def test_roles_are_validated_at_the_field(
    client, world, role, department, enterprise, wrong
):
    login(client, world, "committee")
    user = UserFactory(username="newcomer")
    data = {"user": user.pk, "role": role}
    if department:
        data["department"] = Department.objects.get(name=department).pk
    if enterprise:
        data["enterprise"] = getattr(world, enterprise).pk
    response = client.post(reverse("memberships:add"), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == wrong
    assert not Membership.objects.filter(user=user).exists()


def test_committee_assigns_a_role(client, world):
    login(client, world, "committee")
    user = UserFactory(username="newcomer")
    response = client.post(
        reverse("memberships:add"),
        {
            "user": user.pk,
            "role": Role.TERRITORIAL_OFFICE,
            "department": Department.objects.get(name="一街道办").pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert user.membership.role == Role.TERRITORIAL_OFFICE
    # The new role works at once: the street office sees enterprise A.
    client.force_login(type(user).objects.get(pk=user.pk))
    listed = client.get(reverse("enterprises:index")).context["object_list"]
    assert {e.name for e in listed} == {A}


# -- the home page ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "industries", "territories"),
    [
        ("committee", {"危险化学品": 1, "建筑施工": 1}, {"一街道": 1, "二街道": 1}),
        ("dept_chemicals", {"危险化学品": 1}, {"一街道": 1}),
        ("street1_office", {"危险化学品": 1}, {"一网格": 1}),
    ],
)
def test_home_summary_counts_the_scope(client, world, role, industries, territories):
    login(client, world, role)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    panel = next(
        p for p in response.context["panels"] if p.name == "enterprise_summary"
    )
    context = panel.get_context_data()
    assert context["total"] == sum(industries.values())
    assert {i.name: i.enterprise_count for i in context["by_industry"]} == industries
    assert {j.name: n for j, n in context["by_territory"]} == territories


def test_home_summary_runs_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    login(client, world, "committee")
    url = reverse("wagtailadmin_home")
    client.get(url)
    for _ in range(3):
        EnterpriseFactory(jurisdiction=world.grid1, industries=[world.chemicals])
    with django_assert_max_num_queries(HOME_QUERY_BOUND):
        client.get(url)
    for _ in range(40):
        EnterpriseFactory(jurisdiction=world.street2, industries=[world.construction])
    with django_assert_max_num_queries(HOME_QUERY_BOUND):
        response = client.get(url)
    panel = next(
        p for p in response.context["panels"] if p.name == "enterprise_summary"
    )
    assert panel.get_context_data()["total"] == 45


# The enterprise summary, plus the supervision dashboard (core.supervision:
# 11 aggregates), less the Wagtail page panels it removes.
HOME_QUERY_BOUND = 30


# -- language ----------------------------------------------------------------------------


def test_admin_is_in_chinese_by_default(client, world):
    login(client, world, "committee")
    html = client.get(reverse("enterprises:index")).content.decode()
    assert '<html lang="zh-hans"' in html
    # Wagtail's own catalogue: "Dashboard" and "Home" in Chinese.
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "控制面板" in home
    assert "首页" in html


# -- the menu --------------------------------------------------------------------------


def menu_names(user):
    """The admin menu a user gets: top-level names, and the Organizations items."""
    from django.test import RequestFactory
    from wagtail.admin.menu import admin_menu

    request = RequestFactory().get("/admin/")
    request.user = user
    top, organizations = set(), set()
    for item in admin_menu.menu_items_for_request(request):
        top.add(item.name)
        if item.name == "organizations":
            organizations = {
                sub.name for sub in item.menu.menu_items_for_request(request)
            }
    return top, organizations


GOVERNMENT_MENU = {"enterprises", "jurisdictions", "departments", "industries"}
COMMITTEE_MENU = GOVERNMENT_MENU | {"user-roles"}


@pytest.mark.parametrize(
    ("role", "items", "audit"),
    [
        ("superuser", COMMITTEE_MENU, True),
        ("committee", COMMITTEE_MENU, True),
        ("dept_chemicals", GOVERNMENT_MENU, False),
        ("street1_office", GOVERNMENT_MENU, False),
    ],
)
def test_menu_shows_each_role_what_it_may_open(client, world, role, items, audit):
    client.get(reverse("wagtailadmin_home"))  # loads the admin's hooks
    top, organizations = menu_names(getattr(world, role))
    assert organizations == items
    assert ("audit-log" in top) == audit
