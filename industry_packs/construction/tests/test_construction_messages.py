"""JGJ 59's own messages reach the user unchanged: through the core's API, and
where an inspector fills in a table form in the portal."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient
from safegrid_construction import jgj59_data as data

from core.forms.models import FormDefinition, Submission, SubmissionDraft
from core.forms.services import (
    assignment_create,
    form_definitions_sync,
    submission_submit,
)
from core.organizations.scope import scope_for

pytestmark = pytest.mark.django_db

EVALUATE = "/api/v1/scoring-rules/jgj59/evaluate/"
SHEET = data.TABLES["safety_management"]  # 表B.1
GUARANTEE = tuple(item.key for item in SHEET.guarantee_items)
ALL_GUARANTEE_MISSING = {
    "en": (
        "Every guarantee item of this table is marked missing: the table cannot be "
        "scored; leave it out if it does not apply."
    ),
    "zh-hans": "该表所有保证项目均标记为缺项，无法评分；如不适用，请不要包含该表。",
}


def api(user, language="en"):
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    client.force_authenticate(user)
    return client


def items(**answers):
    """Every item of 安全管理 (表B.1) answered: no deduction unless given."""
    filled = {item.key: {"deduction": 0} for item in SHEET.items}
    filled.update(answers)
    return {"tables": {"safety_management": {"items": filled}}}


@pytest.mark.parametrize(
    ("language", "unknown", "unanswered"),
    [
        (
            "en",
            "Unknown inspection table “lifts”: use one of the JGJ 59-2011 table keys.",
            "Enter this item's deduction (0 if none) or score, or mark it missing.",
        ),
        (
            "zh-hans",
            "未知的检查表“lifts”：请使用JGJ 59-2011检查表的标识。",
            "请填写该项的扣分（无扣分填0）或得分，或将其标记为缺项。",
        ),
    ],
)
def test_tailored_messages_reach_the_api_at_their_field(
    world, enable_packs, language, unknown, unanswered
):
    enable_packs("construction")
    payload = items()
    del payload["tables"]["safety_management"]["items"]["safety_signs"]
    payload["tables"]["lifts"] = {"items": {}}
    response = api(world.manager_b, language).post(EVALUATE, payload, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "path": "/tables/lifts",
            "reason": unknown,
            "keyword": "additionalProperties",
        },
        {
            "path": "/tables/safety_management/items/safety_signs",
            "reason": unanswered,
            "keyword": "required",
        },
    ]


def test_what_only_the_rule_can_tell_reaches_the_api(world, enable_packs):
    enable_packs("construction")
    payload = items(**dict.fromkeys(GUARANTEE, {"missing": True}))
    response = api(world.manager_b).post(EVALUATE, payload, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "path": "/tables/safety_management",
            "reason": ALL_GUARANTEE_MISSING["en"],
            "keyword": "rule",
        }
    ]
    valid = api(world.manager_b).post(EVALUATE, items(), format="json")
    assert (valid.status_code, valid.json()["details"]["grade"]) == (200, "excellent")


# -- the table form in the portal ------------------------------------------------------


@pytest.fixture
def table_form(world, enable_packs):
    """安全管理 (表B.1) as the pack's form, given to construction enterprises."""
    manager = enable_packs("construction")
    form_definitions_sync(manager=manager)
    definition = FormDefinition.objects.get(key="jgj59_safety_management")
    assignment_create(
        scope=scope_for(world.dept_construction),
        definition=definition,
        industry=world.construction,
    )
    return definition, definition.published_version


def no_guarantee_item_applies(version):
    """Every check item of the form compliant, but no guarantee item applies."""
    answers = {
        key: {"result": "compliant"}
        for key, question in version.ui_schema["questions"].items()
        if question["type"] == "check_item"
    }
    answers.update({key: {"result": "not_applicable"} for key in GUARANTEE})
    return answers


def portal(user, language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_rule_s_message_is_shown_before_and_after_submitting(
    world, table_form, language
):
    definition, version = table_form
    answers = no_guarantee_item_applies(version)
    # The inspector has answered every step and opens the review.
    SubmissionDraft.objects.create(
        version=version,
        enterprise=world.enterprise_b,
        user=world.manager_b,
        data=answers,
        step=len(version.ui_schema["steps"]),
    )
    client = portal(world.manager_b, language)
    review = client.get(
        reverse(
            "forms_portal:fill_step",
            kwargs={"key": definition.key, "number": version.number, "step": "review"},
        )
    )
    assert review.status_code == 200
    assert 'data-testid="score-problem"' in review.text
    assert ALL_GUARANTEE_MISSING[language] in review.text

    # Submitting (in the inspector's language) stores the answers without a
    # score, and says why: nothing is lost.
    with translation.override(language):
        submission = submission_submit(
            actor=world.manager_b,
            version=version,
            enterprise=world.enterprise_b,
            data=answers,
        )
    assert submission.score is None
    assert submission.breakdown["problems"][0]["keyword"] == "rule"
    page = client.get(reverse("forms_portal:submission", args=[submission.pk]))
    assert 'data-testid="score-problem"' in page.text
    assert ALL_GUARANTEE_MISSING[language] in page.text


def test_an_api_submission_carries_the_rule_s_message(world, table_form):
    definition, version = table_form
    response = api(world.manager_b).post(
        f"/api/v1/forms/{definition.key}/submissions/",
        {
            "enterprise": world.enterprise_b.pk,
            "data": no_guarantee_item_applies(version),
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    breakdown = response.json()["breakdown"]
    assert response.json()["score"] is None
    assert breakdown["problems"] == [
        {"path": "", "reason": ALL_GUARANTEE_MISSING["en"], "keyword": "rule"}
    ]
    assert ALL_GUARANTEE_MISSING["en"] in breakdown["error"]
    assert Submission.objects.count() == 1


def test_another_enterprise_cannot_see_the_message(world, table_form):
    _definition, version = table_form
    submission = submission_submit(
        actor=world.manager_b,
        version=version,
        enterprise=world.enterprise_b,
        data=no_guarantee_item_applies(version),
    )
    page = portal(world.manager_a, "en").get(
        reverse("forms_portal:submission", args=[submission.pk])
    )
    assert page.status_code == 404
    assert ALL_GUARANTEE_MISSING["en"] not in page.text
