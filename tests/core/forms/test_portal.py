"""The forms pages of the enterprise portal: the list of assigned forms, the
guided filling (django-formtools, drafts in the database), submission,
viewing and printing, correction after a return — each scoped to the user's
enterprise, with bounded queries on the list pages."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from core.forms.models import (
    FormUpload,
    Submission,
    SubmissionDraft,
    SubmissionRevision,
)
from core.forms.selectors import period_end
from core.forms.services import (
    assignment_create,
    definition_publish,
    definition_update_blocks,
    submission_review,
    submission_submit,
)
from core.organizations.scope import scope_for
from tests.core.forms.conftest import VALID_ANSWER, make_definition
from tests.factories import EnterpriseFactory, image_bytes

pytestmark = pytest.mark.django_db

# A real photo: uploads are decoded and re-encoded, so fake bytes are refused.
PNG = image_bytes("PNG")


def shown(msgid: str) -> str:
    """A message as the portal shows it (Chinese, the default language)."""
    with translation.override("zh-hans"):
        return translation.gettext(msgid)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def prefix(definition, version, enterprise, submission=None) -> str:
    """The wizard's prefix: form key, version number, enterprise (and the
    submission being corrected)."""
    text = f"form_{definition.key}_v{version.number}_e{enterprise.pk}"
    return f"{text}_s{submission.pk}" if submission else text


def step_url(definition, version, step) -> str:
    return reverse(
        "forms_portal:fill_step",
        kwargs={"key": definition.key, "number": version.number, "step": step},
    )


def review_url(definition, version) -> str:
    return step_url(definition, version, "review")


def step_data(wizard_prefix: str, step: str, answers: dict, **extra) -> dict:
    """What the browser posts for one step: the management form and the
    step's fields (prefixed with the step name)."""
    data = {f"{wizard_prefix}-current_step": step}
    data.update({f"{step}-{name}": value for name, value in answers.items()})
    data.update(extra)
    return data


STEP_1 = {
    "extinguishers": "compliant",
    "exits": "non_compliant",
    "exit_problem": "堆放杂物",
}
STEP_2 = {
    "length": "4",
    "width": "2.5",
    "tanks-TOTAL_FORMS": "1",
    "tanks-INITIAL_FORMS": "0",
    "tanks-0-tank_no": "T1",
    "tanks-0-volume": "50",
}


def fill_both_steps(client, definition, version, enterprise):
    wizard = prefix(definition, version, enterprise)
    response = client.post(
        step_url(definition, version, "1"), step_data(wizard, "1", STEP_1)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == step_url(definition, version, "2")
    response = client.post(
        step_url(definition, version, "2"), step_data(wizard, "2", STEP_2)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == review_url(definition, version)
    return response


# -- the list -------------------------------------------------------------------------


def test_the_list_shows_the_forms_assigned_to_the_enterprise(world, published):
    definition, version = published
    content = signed_in(world.manager_a).get(reverse("forms_portal:list")).text
    assert "消防检查表" in content
    assert 'data-state="due"' in content
    assert reverse("forms_portal:start", args=[definition.key]) in content
    # Enterprise B is construction: the chemicals checklist is not its.
    content = signed_in(world.manager_b).get(reverse("forms_portal:list")).text
    assert "消防检查表" not in content


def test_the_menu_has_checklists_and_forms(world, published):
    content = signed_in(world.staff_a).get(reverse("portal:home")).text
    assert 'data-menu-key="forms"' in content
    assert shown("Checklists and forms") in content


# -- filling -------------------------------------------------------------------------


def test_filling_over_two_steps_and_submitting(world, published):
    definition, version = published
    client = signed_in(world.manager_a)
    response = client.get(reverse("forms_portal:start", args=[definition.key]))
    assert response["Location"] == reverse(
        "forms_portal:fill", kwargs={"key": definition.key, "number": 1}
    )
    response = client.get(response["Location"])
    assert response["Location"] == step_url(definition, version, "1")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "灭火器完好有效" in page.text and "储罐" not in page.text
    assert f'name="{prefix(definition, version, world.enterprise_a)}-current_step"' in (
        page.text
    )

    fill_both_steps(client, definition, version, world.enterprise_a)
    draft = SubmissionDraft.objects.get(user=world.manager_a)
    assert draft.data["exits"] == {"result": "non_compliant"}
    assert draft.data["tanks"] == [{"tank_no": "T1", "volume": 50}]
    assert draft.step == 2  # the review page

    review = client.get(review_url(definition, version))
    assert review.status_code == 200
    assert "堆放杂物" in review.text and "T1" in review.text
    assert not Submission.objects.exists()

    response = client.post(review_url(definition, version))
    submission = Submission.objects.get()
    assert response["Location"] == reverse(
        "forms_portal:submission", args=[submission.pk]
    )
    assert submission.version == version
    assert (submission.score, submission.max_score, submission.passed) == (
        13,
        15,
        True,
    )
    assert submission.data["area"] == 10  # calculated on the server
    assert submission.submitted_by == world.manager_a
    assert not SubmissionDraft.objects.exists()
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "13" in page.text and "15" in page.text


def test_a_draft_survives_a_session_flush_and_a_second_client(world, published):
    definition, version = published
    first = signed_in(world.staff_a)
    wizard = prefix(definition, version, world.enterprise_a)
    first.post(step_url(definition, version, "1"), step_data(wizard, "1", STEP_1))
    first.session.flush()
    first.logout()
    assert SubmissionDraft.objects.filter(user=world.staff_a).exists()

    # Another device: it resumes where the user stopped, answers kept.
    second = signed_in(world.staff_a)
    response = second.get(reverse("forms_portal:start", args=[definition.key]))
    response = second.get(response["Location"])
    assert response["Location"] == step_url(definition, version, "2")
    page = second.get(step_url(definition, version, "1"))
    assert re.search(r'value="non_compliant"[^>]*checked', page.text)
    assert "堆放杂物" in page.text
    # The staff member's draft is theirs: the manager starts afresh.
    other = signed_in(world.manager_a)
    response = other.get(
        reverse("forms_portal:fill", kwargs={"key": definition.key, "number": 1})
    )
    assert response["Location"] == step_url(definition, version, "1")
    assert "堆放杂物" not in other.get(response["Location"]).text


def test_an_invalid_step_shows_the_message_at_the_field_and_loses_nothing(
    world, published
):
    definition, version = published
    client = signed_in(world.manager_a)
    wizard = prefix(definition, version, world.enterprise_a)
    response = client.post(
        step_url(definition, version, "1"),
        step_data(
            wizard,
            "1",
            {"extinguishers": "non_compliant", "exits": "compliant"},
        ),
    )
    assert response.status_code == 400
    html = response.text
    message = shown("A non-compliant answer needs a note.")
    # The message sits in the note's field, right under its input.
    note_field = re.search(
        r'<div class="sg-field sg-field--error">\s*<label for="id_1-extinguishers__note"'
        r".*?</div>",
        html,
        re.S,
    )
    assert note_field and message in note_field.group(0)
    assert re.search(r'value="compliant"[^>]*checked', html)
    # What could be read is in the draft; nothing was submitted.
    draft = SubmissionDraft.objects.get()
    assert draft.data == {
        "extinguishers": {"result": "non_compliant"},
        "exits": {"result": "compliant"},
    }
    assert not Submission.objects.exists()


# -- viewing and correcting -------------------------------------------------------------


def test_the_submission_is_shown_and_printable_with_its_version(world, published):
    definition, version = published
    submission = submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    page = signed_in(world.staff_a).get(
        reverse("forms_portal:submission", args=[submission.pk])
    )
    assert page.status_code == 200
    assert 'data-testid="version"' in page.text and "消防安全" in page.text
    assert "safegrid/css/forms.css" in page.text and "data-print" in page.text
    assert "堆放杂物" in page.text


def test_a_returned_submission_is_corrected_and_every_revision_kept(world, published):
    definition, version = published
    submission = submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    submission_review(
        actor=world.dept_chemicals,
        submission=submission,
        decision="returned",
        comment="出口问题请写清楚位置",
    )
    client = signed_in(world.manager_a)
    listing = client.get(reverse("forms_portal:list")).text
    assert 'data-state="returned"' in listing and "出口问题请写清楚位置" in listing

    response = client.get(reverse("forms_portal:correct", args=[submission.pk]))
    first = reverse(
        "forms_portal:correct_step",
        kwargs={"submission_pk": submission.pk, "step": "1"},
    )
    assert response["Location"] == first
    page = client.get(first)
    assert "堆放杂物" in page.text and "出口问题请写清楚位置" in page.text
    wizard = prefix(definition, version, world.enterprise_a, submission)
    client.post(
        first,
        step_data(wizard, "1", {**STEP_1, "exit_problem": "东侧出口堆放杂物"}),
    )
    client.post(
        reverse(
            "forms_portal:correct_step",
            kwargs={"submission_pk": submission.pk, "step": "2"},
        ),
        step_data(wizard, "2", STEP_2),
    )
    response = client.post(
        reverse(
            "forms_portal:correct_step",
            kwargs={"submission_pk": submission.pk, "step": "review"},
        )
    )
    assert response["Location"] == reverse(
        "forms_portal:submission", args=[submission.pk]
    )
    submission.refresh_from_db()
    assert submission.status == "submitted" and submission.revision == 2
    assert submission.data["exit_problem"] == "东侧出口堆放杂物"
    revisions = list(SubmissionRevision.objects.filter(submission=submission))
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[0].data["exit_problem"] == "堆放杂物"
    assert revisions[0].comment == "出口问题请写清楚位置"
    assert not SubmissionDraft.objects.exists()


def test_back_and_save_draft_keep_what_was_typed(world, published):
    definition, version = published
    client = signed_in(world.manager_a)
    wizard = prefix(definition, version, world.enterprise_a)
    client.post(step_url(definition, version, "1"), step_data(wizard, "1", STEP_1))
    # Step 2 half typed (a width that is not a number), then "back".
    response = client.post(
        step_url(definition, version, "2"),
        step_data(wizard, "2", {**STEP_2, "width": "abc"}, wizard_goto_step="1"),
    )
    assert response["Location"] == step_url(definition, version, "1")
    draft = SubmissionDraft.objects.get()
    assert draft.data["length"] == 4 and "width" not in draft.data
    assert draft.step == 0
    # "Save draft and close" leaves for the list, the draft kept.
    response = client.post(
        step_url(definition, version, "1"),
        step_data(wizard, "1", {"extinguishers": "compliant"}, wizard_save_draft="1"),
    )
    assert response["Location"] == reverse("forms_portal:list")
    draft.refresh_from_db()
    assert draft.data["extinguishers"] == {"result": "compliant"}
    assert "exits" not in draft.data and draft.data["length"] == 4
    listing = client.get(reverse("forms_portal:list")).text
    assert 'data-state="in_progress"' in listing


def test_a_photo_stays_attached_when_its_step_is_refused_for_another_reason(
    world, published
):
    definition, version = published
    client = signed_in(world.manager_a)
    wizard = prefix(definition, version, world.enterprise_a)
    photo = SimpleUploadedFile("fire.png", PNG, content_type="image/png")
    response = client.post(
        step_url(definition, version, "1"),
        step_data(
            wizard,
            "1",
            {"extinguishers": "non_compliant", "extinguishers__photos__new": photo},
        ),
    )
    assert response.status_code == 400
    upload = FormUpload.objects.get()
    assert upload.enterprise == world.enterprise_a and upload.name == "fire.png"
    # The hidden input of the photos field now refers to the stored file.
    assert str(upload.pk) in response.text and "fire.png" in response.text
    draft = SubmissionDraft.objects.get()
    assert draft.data["extinguishers"]["photos"] == [upload.as_reference()]
    # The file is served to its enterprise and its department only.
    url = reverse("forms_portal:upload", args=[upload.pk])
    assert signed_in(world.staff_a).get(url).status_code == 200
    assert signed_in(world.dept_chemicals).get(url).status_code == 200
    assert signed_in(world.manager_b).get(url).status_code == 404
    assert signed_in(world.dept_construction).get(url).status_code == 404


def test_a_section_shown_only_for_an_earlier_answer_is_skipped_otherwise(
    world, chem_department
):
    blocks = [
        {
            "type": "section",
            "value": {
                "key": "basics",
                "title": "基本情况",
                "questions": [
                    {
                        "type": "single_choice",
                        "value": {
                            "key": "has_tanks",
                            "label": "有储罐吗",
                            "options": [
                                {"value": "yes", "label": "有"},
                                {"value": "no", "label": "没有"},
                            ],
                        },
                    }
                ],
            },
        },
        {
            "type": "section",
            "value": {
                "key": "tank_area",
                "title": "储罐区",
                "condition": {"question": "has_tanks", "value": "yes"},
                "questions": [
                    {
                        "type": "number",
                        "value": {"key": "tank_count", "label": "储罐数量"},
                    }
                ],
            },
        },
    ]
    definition = make_definition(
        chem_department,
        key="tank_survey",
        blocks=blocks,
        industry=world.chemicals,
        fillers="members",
    )
    version = definition_publish(definition=definition)
    assignment_create(
        scope=scope_for(world.dept_chemicals),
        definition=definition,
        industry=world.chemicals,
    )
    client = signed_in(world.staff_a)
    wizard = prefix(definition, version, world.enterprise_a)
    response = client.post(
        step_url(definition, version, "1"),
        step_data(wizard, "1", {"has_tanks": "no"}),
    )
    assert response["Location"] == review_url(definition, version)
    client.post(review_url(definition, version))
    assert Submission.objects.get().data == {"has_tanks": "no"}
    response = client.post(
        step_url(definition, version, "1"),
        step_data(wizard, "1", {"has_tanks": "yes"}),
    )
    assert response["Location"] == step_url(definition, version, "2")


def test_an_unfinished_draft_keeps_its_version_after_a_new_one_is_published(
    world, published
):
    definition, version = published
    client = signed_in(world.manager_a)
    wizard = prefix(definition, version, world.enterprise_a)
    client.post(step_url(definition, version, "1"), step_data(wizard, "1", STEP_1))
    blocks = definition.body_data()
    blocks[0]["value"]["title"] = "消防安全（2026版）"
    definition_update_blocks(definition=definition, blocks=blocks)
    second = definition_publish(definition=definition)
    # The draft is resumed on the version it began with; a new start is v2.
    response = client.get(reverse("forms_portal:start", args=[definition.key]))
    assert response["Location"].endswith("/v1/")
    fill_both_steps(client, definition, version, world.enterprise_a)
    client.post(review_url(definition, version))
    assert Submission.objects.get().version == version
    response = client.get(reverse("forms_portal:start", args=[definition.key]))
    assert response["Location"].endswith("/v2/")
    # Without a draft, the old version is not opened any more.
    response = client.get(step_url(definition, version, "1"))
    assert response["Location"] == reverse("forms_portal:start", args=[definition.key])
    assert second.number == 2


def test_submit_validates_the_whole_answer_on_the_server(world, published):
    definition, version = published
    client = signed_in(world.manager_a)
    wizard = prefix(definition, version, world.enterprise_a)
    client.post(step_url(definition, version, "1"), step_data(wizard, "1", STEP_1))
    # Step 2 was never filled: the review sends the user to it, errors shown.
    SubmissionDraft.objects.update(step=2)
    response = client.post(review_url(definition, version))
    assert response["Location"] == step_url(definition, version, "2") + "?check=1"
    assert not Submission.objects.exists()
    page = client.get(response["Location"])
    assert shown("This field is required.") in page.text or "必填" in page.text
    assert SubmissionDraft.objects.get().data["exit_problem"] == "堆放杂物"


# -- who may see what ----------------------------------------------------------------


def test_another_enterprise_gets_404_for_forms_drafts_and_submissions(world, published):
    definition, version = published
    submission = submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    submission_review(
        actor=world.dept_chemicals,
        submission=submission,
        decision="returned",
        comment="请补充",
    )
    signed_in(world.manager_a).post(
        step_url(definition, version, "1"),
        step_data(prefix(definition, version, world.enterprise_a), "1", STEP_1),
    )
    draft = SubmissionDraft.objects.get()
    other = signed_in(world.manager_b)
    urls = [
        reverse("forms_portal:start", args=[definition.key]),
        reverse("forms_portal:fill", kwargs={"key": definition.key, "number": 1}),
        step_url(definition, version, "1"),
        review_url(definition, version),
        reverse("forms_portal:submission", args=[submission.pk]),
        reverse("forms_portal:correct", args=[submission.pk]),
        reverse(
            "forms_portal:correct_step",
            kwargs={"submission_pk": submission.pk, "step": "1"},
        ),
    ]
    for url in urls:
        assert other.get(url).status_code == 404, url
    for url in (
        review_url(definition, version),
        reverse("forms_portal:discard", kwargs={"key": definition.key, "number": 1}),
        reverse("forms_portal:discard_correction", args=[submission.pk]),
    ):
        assert other.post(url).status_code == 404, url
    listing = other.get(reverse("forms_portal:submissions")).text
    assert "消防检查表" not in listing
    draft.refresh_from_db()  # untouched
    assert draft.data["exit_problem"] == "堆放杂物"
    submission.refresh_from_db()
    assert submission.status == "returned" and submission.revision == 1
    # Government users work in the admin; users without a role are refused.
    response = signed_in(world.dept_chemicals).get(step_url(definition, version, "1"))
    assert response.status_code == 302 and "/admin/" in response["Location"]
    assert signed_in(world.outsider).get(reverse("forms_portal:list")).status_code == (
        403
    )
    assert Client().get(reverse("forms_portal:list")).status_code == 302


def test_dept_users_see_follow_up_and_submissions_of_their_scope_only(
    client, world, published, chem_department
):
    definition, version = published
    submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    assignment = definition.assignments.get()
    url = reverse("form_definitions:follow_up", args=[assignment.pk])
    client.force_login(world.dept_chemicals)
    page = client.get(url)
    assert page.status_code == 200
    assert "甲化工有限公司" in page.text and "13 / 15" in page.text
    client.force_login(world.dept_construction)
    assert client.get(url).status_code == 404
    assert (
        "甲化工有限公司"
        not in client.get(reverse("form_submissions:index")).text.split("<table", 1)[-1]
    )


# -- bounded queries ----------------------------------------------------------------------


def _assign_more(world, chem_department, count: int, start: int = 0) -> None:
    for index in range(start, start + count):
        definition = make_definition(
            chem_department, key=f"extra_{index}", industry=world.chemicals
        )
        version = definition_publish(definition=definition)
        assignment_create(
            scope=scope_for(world.dept_chemicals),
            definition=definition,
            industry=world.chemicals,
            recurrence="monthly",
        )
        submission_submit(
            actor=world.manager_a,
            version=version,
            enterprise=world.enterprise_a,
            data=VALID_ANSWER,
        )


def test_the_list_pages_cost_a_bounded_number_of_queries(
    world, published, chem_department, django_assert_max_num_queries
):
    client = signed_in(world.manager_a)
    _assign_more(world, chem_department, 2)
    pages = [
        reverse("forms_portal:list"),
        reverse("forms_portal:submissions"),
    ]
    counts = {}
    for url in pages:
        client.get(url)  # warm the session
        with django_assert_max_num_queries(20) as captured:
            assert client.get(url).status_code == 200
        counts[url] = len(captured)
    _assign_more(world, chem_department, 8, start=2)
    for url in pages:
        with django_assert_max_num_queries(counts[url]):
            response = client.get(url)
        assert response.status_code == 200
    assert response.text.count('<a href="/portal/forms/submissions/') >= 10

    admin = Client()
    admin.force_login(world.dept_chemicals)
    assignment = published[0].assignments.get()
    url = reverse("form_definitions:follow_up", args=[assignment.pk])
    with django_assert_max_num_queries(40) as captured:
        assert admin.get(url).status_code == 200
    before = len(captured)
    for index in range(6):
        EnterpriseFactory(
            name=f"化工{index}", jurisdiction=world.grid1, industries=[world.chemicals]
        )
    with django_assert_max_num_queries(before):
        page = admin.get(url)
    assert "化工5" in page.text


# -- helpers --------------------------------------------------------------------------


def test_period_end_covers_each_recurrence():
    start = datetime.date(2026, 11, 1)
    assert period_end("daily", start) == start
    assert period_end("weekly", datetime.date(2026, 11, 23)) == datetime.date(
        2026, 11, 29
    )
    assert period_end("monthly", start) == datetime.date(2026, 11, 30)
    assert period_end("quarterly", datetime.date(2026, 10, 1)) == datetime.date(
        2026, 12, 31
    )
    assert period_end("yearly", datetime.date(2026, 1, 1)) == datetime.date(
        2026, 12, 31
    )
    assert period_end("none", None) is None


def test_the_list_tells_overdue_and_accepted_forms_apart(
    world, published, chem_department
):
    definition, version = published
    late = make_definition(chem_department, key="late_form", industry=world.chemicals)
    definition_publish(definition=late)
    today = timezone.localdate()
    assignment_create(
        scope=scope_for(world.dept_chemicals),
        definition=late,
        industry=world.chemicals,
        starts_on=today - datetime.timedelta(days=10),
        due_date=today - datetime.timedelta(days=1),
    )
    submission = submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    submission_review(
        actor=world.dept_chemicals, submission=submission, decision="accepted"
    )
    html = signed_in(world.manager_a).get(reverse("forms_portal:list")).text
    rows = re.findall(r'data-form-key="(\w+)".*?data-state="(\w+)"', html, re.S)
    # What needs doing comes first.
    assert rows == [("late_form", "overdue"), ("fire_check", "accepted")]
