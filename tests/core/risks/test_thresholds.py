"""Level thresholds: configuration per industry, changed without code."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from core.organizations.scope import scope_for
from core.risks.default_scoring import LEC
from core.risks.models import LevelThreshold
from core.risks.selectors import level_threshold_list, thresholds_for
from core.risks.services import (
    AssessmentData,
    EventData,
    RiskPointData,
    level_threshold_set,
    risk_point_create,
)
from core.risks.thresholds import bands_text

pytestmark = pytest.mark.django_db


def strict_lec(user, industry):
    return level_threshold_set(
        actor=user,
        method="lec",
        industry=industry,
        major_from=100,
        significant_from=50,
        general_from=20,
        note="stricter provincial rule",
    )


def assess(user, enterprise, inputs):
    point = risk_point_create(
        user=user,
        enterprise=enterprise,
        data=RiskPointData(
            name=f"point {inputs}",
            kind="area",
            events=[
                EventData(
                    name="fire",
                    accident_types=["08"],
                    assessment=AssessmentData(method="lec", inputs=inputs),
                )
            ],
        ),
    )
    return point.events.get().latest_assessment


def test_a_department_change_affects_only_its_industry(world):
    strict_lec(world.dept_chemicals, world.chemicals)
    d126 = {"L": 3, "E": 6, "C": 7}
    chemical = assess(world.manager_a, world.enterprise_a, d126)
    construction = assess(world.manager_b, world.enterprise_b, d126)
    assert chemical.level == "major"  # 126 > 100 under the chemicals thresholds
    assert chemical.details["thresholds"]["source"] == "industry:chemicals"
    assert construction.level == "general"  # the rule's default for construction
    assert construction.details["thresholds"]["source"] == "rule:lec"


def test_a_platform_default_applies_to_industries_without_their_own(world):
    level_threshold_set(
        actor=world.committee,
        method="lec",
        industry=None,
        major_from=200,
        significant_from=100,
        general_from=50,
    )
    assert thresholds_for(method="lec", industry_codes=["construction"])[0][0] == (
        "platform"
    )
    construction = assess(world.manager_b, world.enterprise_b, {"L": 3, "E": 6, "C": 7})
    assert construction.level == "significant"


def test_an_enterprise_in_two_industries_gets_the_highest_level(world):
    strict_lec(world.dept_chemicals, world.chemicals)
    world.enterprise_b.industries.add(world.chemicals)
    assessment = assess(world.manager_b, world.enterprise_b, {"L": 3, "E": 6, "C": 7})
    assert assessment.level == "major"


def test_a_department_cannot_set_another_industrys_thresholds(world):
    with pytest.raises(PermissionDenied):
        strict_lec(world.dept_chemicals, world.construction)
    with pytest.raises(PermissionDenied):
        strict_lec(world.dept_chemicals, None)  # the platform default
    for who in ("manager_a", "street1_office", "outsider"):
        with pytest.raises(PermissionDenied):
            strict_lec(getattr(world, who), world.chemicals)
    strict_lec(world.committee, world.construction)
    assert LevelThreshold.objects.count() == 1


def test_bands_must_be_ordered_and_inside_the_range_with_field_messages(world):
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        level_threshold_set(
            actor=world.dept_chemicals,
            method="lec",
            industry=world.chemicals,
            major_from=50,
            significant_from=160,
            general_from=20000,
        )
    errors = caught.value.message_dict
    assert set(errors) == {"major_from", "significant_from", "general_from"}
    assert "greater than the significant threshold" in errors["major_from"][0]
    assert "between 0.05 and 10000" in errors["general_from"][0]
    with pytest.raises(ValidationError) as caught:
        level_threshold_set(
            actor=world.committee,
            method="direct",
            industry=None,
            major_from=3,
            significant_from=2,
            general_from=1,
        )
    assert set(caught.value.message_dict) == {"method"}


def test_bands_read_as_text():
    assert bands_text(LEC.default_thresholds) == [
        ("major", "> 320"),
        ("significant", "> 160, ≤ 320"),
        ("general", "> 70, ≤ 160"),
        ("low", "≤ 70"),
    ]
    ls_default = LEC.threshold_presets[0]
    assert bands_text(ls_default)[1] == ("significant", "≥ 160, < 320")


# -- the admin screens ---------------------------------------------------------


def admin_client(client, user):
    client.force_login(user)
    return client


def test_a_department_edits_its_thresholds_in_the_admin(client, world):
    admin_client(client, world.dept_chemicals)
    response = client.post(
        reverse("risk_thresholds:add"),
        {
            "method": "ls",
            "industry": world.chemicals.pk,
            "preset": "ls:c",
            "note": "方案C",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    threshold = LevelThreshold.objects.get(method="ls", industry=world.chemicals)
    assert (
        threshold.major_from,
        threshold.significant_from,
        threshold.general_from,
    ) == (
        20,
        9,
        4,
    )
    assert threshold.updated_by == world.dept_chemicals
    index = client.get(reverse("risk_thresholds:index"))
    assert index.status_code == 200
    assert "≥ 20" in index.content.decode()  # the bands are listed


def test_admin_form_shows_the_problem_at_the_field(client, world):
    admin_client(client, world.dept_chemicals)
    response = client.post(
        reverse("risk_thresholds:add"),
        {
            "method": "lec",
            "industry": world.chemicals.pk,
            "major_from": "100",
            "significant_from": "200",
            "general_from": "70",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["major_from"]
    assert LevelThreshold.objects.count() == 0


def test_a_department_cannot_reach_another_industrys_thresholds(client, world):
    other = strict_lec(world.dept_construction, world.construction)
    default = level_threshold_set(
        actor=world.committee,
        method="mes",
        industry=None,
        major_from=180,
        significant_from=90,
        general_from=50,
        major_inclusive=True,
    )
    admin_client(client, world.dept_chemicals)
    for obj in (other, default):
        for view in ("edit", "delete", "history"):
            url = reverse(f"risk_thresholds:{view}", args=[obj.pk])
            assert client.get(url).status_code == 404, (view, obj)
        assert (
            client.post(
                reverse("risk_thresholds:edit", args=[obj.pk]), {"method": "lec"}
            ).status_code
            == 404
        )
    listed = client.get(reverse("risk_thresholds:index")).context["object_list"]
    assert list(listed) == []
    # Adding one for an industry it does not supervise is refused at the field.
    response = client.post(
        reverse("risk_thresholds:add"),
        {"method": "lec", "industry": world.construction.pk, "preset": "lec:classic"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["industry"]
    assert LevelThreshold.objects.count() == 2


@pytest.mark.parametrize("who", ["manager_a", "street1_office"])
def test_other_roles_cannot_open_the_threshold_screens(client, world, who):
    admin_client(client, getattr(world, who))
    response = client.get(reverse("risk_thresholds:index"))
    assert response.status_code in (302, 403)


def test_the_committee_sees_every_threshold(world):
    strict_lec(world.dept_chemicals, world.chemicals)
    strict_lec(world.dept_construction, world.construction)
    assert level_threshold_list(scope=scope_for(world.committee)).count() == 2
    assert level_threshold_list(scope=scope_for(world.dept_chemicals)).count() == 1
