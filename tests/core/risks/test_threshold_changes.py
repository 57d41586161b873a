"""Changing level thresholds: the points whose level changes are flagged for
re-assessment (and told so), the admin shows the bands in force, presets fill
the fields without replacing what was typed, and saving goes through the
service."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.risks.models import LevelThreshold, RiskEvent, RiskPoint
from core.risks.services import (
    level_threshold_delete,
    level_threshold_set,
    risk_event_assess,
)
from tests.core.risks.test_thresholds import assess
from tests.core.risks.test_thresholds import strict_lec as strict

pytestmark = pytest.mark.django_db

D126 = {"L": 3, "E": 6, "C": 7}  # general under the classic LEC table (70..160)
D18 = {"L": 1, "E": 6, "C": 3}  # low under both tables below


def point_with(user, enterprise, inputs):
    return assess(user, enterprise, inputs).risk_point


def test_points_whose_level_changes_are_flagged_and_no_others(world):
    graded = point_with(world.manager_a, world.enterprise_a, D126)
    low = point_with(world.manager_a, world.enterprise_a, D18)
    other_industry = point_with(world.manager_b, world.enterprise_b, D126)
    strict(world.dept_chemicals, world.chemicals)
    flagged = set(
        RiskPoint.objects.filter(reassess_since__isnull=False).values_list(
            "pk", flat=True
        )
    )
    assert flagged == {graded.pk}  # 126 is major under 100/50/20; 18 stays low
    graded.refresh_from_db()
    assert graded.reassess_method == "lec"
    assert graded.level == "general"  # the enterprise's record is not rewritten
    assert low.pk not in flagged and other_industry.pk not in flagged


def test_saving_the_same_bands_again_flags_nothing(world):
    strict(world.dept_chemicals, world.chemicals)
    point = point_with(world.manager_a, world.enterprise_a, D126)
    strict(world.dept_chemicals, world.chemicals)
    point.refresh_from_db()
    assert point.reassess_since is None


def test_a_platform_default_flags_enterprises_without_their_own_row(world):
    strict(world.dept_chemicals, world.chemicals)
    chemical = point_with(world.manager_a, world.enterprise_a, D126)  # major
    construction = point_with(world.manager_b, world.enterprise_b, D126)  # general
    level_threshold_set(
        actor=world.committee,
        method="lec",
        industry=None,
        major_from=200,
        significant_from=100,
        general_from=50,
    )
    chemical.refresh_from_db()
    construction.refresh_from_db()
    assert chemical.reassess_since is None  # chemicals has its own row
    assert construction.reassess_since is not None  # 126 is now significant


def test_removing_a_row_flags_the_points_it_graded(world):
    threshold = strict(world.dept_chemicals, world.chemicals)
    point = point_with(world.manager_a, world.enterprise_a, D126)  # major
    level_threshold_delete(actor=world.dept_chemicals, threshold=threshold)
    point.refresh_from_db()
    assert point.reassess_since is not None  # back to general


def test_assessing_again_clears_the_flag(world):
    point = point_with(world.manager_a, world.enterprise_a, D126)
    strict(world.dept_chemicals, world.chemicals)
    event = RiskEvent.objects.get(risk_point=point)
    risk_event_assess(user=world.manager_a, event=event, method="lec", inputs=D126)
    point.refresh_from_db()
    assert point.reassess_since is None
    assert point.level == "major"


def test_the_enterprise_is_told_on_its_home_and_the_point(client, world):
    point = point_with(world.manager_a, world.enterprise_a, D126)
    strict(world.dept_chemicals, world.chemicals)
    client.force_login(world.manager_a)
    with translation.override("zh-hans"):
        home = client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="zh-hans")
        page = client.get(reverse("risks:detail", args=[point.pk]))
    todo = [item for item in home.context["todo"] if item.kind == "reassess"]
    assert [item.url for item in todo] == [reverse("risks:detail", args=[point.pk])]
    assert 'data-testid="reassess-notice"' in page.content.decode()
    # Another enterprise's manager is told nothing and cannot open the point.
    client.force_login(world.manager_b)
    other = client.get(reverse("portal:home"))
    assert not [item for item in other.context["todo"] if item.kind == "reassess"]
    assert client.get(reverse("risks:detail", args=[point.pk])).status_code == 404


# -- the admin -----------------------------------------------------------------


def test_the_list_shows_the_bands_in_force_with_defaults(client, world):
    client.force_login(world.dept_chemicals)
    with translation.override("en"):
        response = client.get(reverse("risk_thresholds:index"))
    rows = response.context["in_force"]
    lec = [row for row in rows if row.method == "lec"]
    # The platform row and the department's own industry, both on the default.
    assert [(r.industry, r.source) for r in lec] == [
        (None, "method"),
        (world.chemicals, "method"),
    ]
    assert "> 320" in lec[1].bands
    html = response.content.decode()
    add = reverse("risk_thresholds:add")
    assert f"{add}?method=lec&amp;industry={world.chemicals.pk}" in html
    # A department cannot set the platform default: no link for that row.
    assert f'{add}?method=lec"' not in html
    threshold = strict(world.dept_chemicals, world.chemicals)
    response = client.get(reverse("risk_thresholds:index"))
    lec = [row for row in response.context["in_force"] if row.method == "lec"]
    assert lec[1].source == "industry" and lec[1].row == threshold
    assert "> 100" in lec[1].bands
    edit = reverse("risk_thresholds:edit", args=[threshold.pk])
    assert response.content.decode().count(f'href="{edit}"') >= 2  # both tables


def test_the_list_costs_a_fixed_number_of_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.committee)
    strict(world.committee, world.chemicals)
    strict(world.committee, world.construction)
    with django_assert_max_num_queries(25):
        assert client.get(reverse("risk_thresholds:index")).status_code == 200


def test_the_edit_form_shows_numbers_without_trailing_zeros(client, world):
    threshold = strict(world.dept_chemicals, world.chemicals)
    client.force_login(world.dept_chemicals)
    response = client.get(reverse("risk_thresholds:edit", args=[threshold.pk]))
    html = response.content.decode()
    assert 'name="major_from" value="100"' in html
    assert "100.0000" not in html
    assert 'data-cuts="' in html  # the preset options carry their values


def test_a_preset_never_replaces_typed_values(client, world):
    client.force_login(world.dept_chemicals)
    response = client.post(
        reverse("risk_thresholds:add"),
        {
            "method": "lec",
            "industry": world.chemicals.pk,
            "preset": "lec:classic",
            "major_from": "300",
            "significant_from": "150",
            "general_from": "60",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["preset"]
    assert not LevelThreshold.objects.exists()


def test_editing_in_the_admin_goes_through_the_service(client, world):
    threshold = strict(world.dept_chemicals, world.chemicals)
    point = point_with(world.manager_a, world.enterprise_a, D126)  # major
    client.force_login(world.dept_chemicals)
    response = client.post(
        reverse("risk_thresholds:edit", args=[threshold.pk]),
        {
            "method": "ls",  # fixed on edit: ignored
            "industry": world.construction.pk,  # fixed on edit: ignored
            "major_from": "320",
            "significant_from": "160",
            "general_from": "70",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    threshold.refresh_from_db()
    assert (threshold.method, threshold.industry) == ("lec", world.chemicals)
    assert threshold.major_from == 320
    point.refresh_from_db()
    assert point.reassess_since is not None  # major again -> general: flagged


def test_direct_determination_is_named_only_when_ticked():
    from django.template.loader import render_to_string

    ticked = {"key": "x", "title": {"zh-hans": "人员密集", "en": "Crowded"}}
    automatic = {**ticked, "title": {"zh-hans": "重大危险源", "en": "MH"}}
    automatic["automatic"] = True
    with translation.override("zh-hans"):
        only_auto = render_to_string(
            "risks/includes/direct_reasons.html", {"reasons": [automatic]}
        )
        both = render_to_string(
            "risks/includes/direct_reasons.html",
            {"reasons": [{**ticked, "automatic": False}, automatic]},
        )
    assert "直接判定" not in only_auto and "重大危险源" in only_auto
    assert "直接判定" in both and "人员密集" in both
