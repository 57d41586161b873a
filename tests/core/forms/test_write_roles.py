"""Who may write an enterprise's forms: the fillers it declares, never a supervisor;
who reviews: the form's owner (or the department that assigned it)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.forms import services
from core.forms.models import (
    FormUpload,
    Submission,
    SubmissionDraft,
    SubmissionStatus,
)
from core.forms.services import (
    assignment_create,
    definition_publish,
    submission_review,
    submission_submit,
)
from core.organizations.scope import scope_for
from tests.core.forms.conftest import VALID_ANSWER, make_definition
from tests.core.notices.test_public_notice import ANSWERS
from tests.factories import image_upload

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def post_answer(user, key: str, data, enterprise):
    return api(user).post(
        f"/api/v1/forms/{key}/submissions/",
        {"enterprise": enterprise.pk, "data": data},
        format="json",
    )


def post_upload(user, enterprise, **fields):
    return api(user).post(
        "/api/v1/form-uploads/",
        {"enterprise": enterprise.pk, "file": image_upload(), **fields},
        format="multipart",
    )


def submitted_by_manager(world, version, *, returned: bool = False):
    """The manager's submission to ``version`` (returned for correction)."""
    submission = submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    if returned:
        submission_review(
            actor=world.dept_chemicals,
            submission=submission,
            decision=SubmissionStatus.RETURNED,
            comment="补充",
        )
    return submission


@pytest.fixture
def managers_form(world, chem_department):
    """A form only the enterprise's manager fills (the default), given to chemicals."""
    definition = make_definition(
        chem_department, key="mgr_form", industry=world.chemicals
    )
    version = definition_publish(definition=definition, user=world.dept_chemicals)
    assignment_create(
        scope=scope_for(world.dept_chemicals),
        definition=definition,
        industry=world.chemicals,
    )
    return definition, version


def test_the_default_filler_is_the_manager_and_a_version_keeps_it(managers_form):
    definition, version = managers_form
    assert definition.fillers == version.fillers == "manager"
    definition.fillers = "members"
    definition.save()
    assert definition.has_unpublished_changes  # who fills is part of the version
    assert definition_publish(definition=definition).fillers == "members"


@pytest.mark.parametrize(
    "role", ["committee", "dept_chemicals", "street1_office", "superuser"]
)
def test_supervisors_never_submit_for_an_enterprise_through_the_api(
    world, managers_form, role
):
    definition, _version = managers_form
    response = post_answer(
        getattr(world, role), definition.key, VALID_ANSWER, world.enterprise_a
    )
    if role == "superuser":  # the system administrator may act for anyone
        assert response.status_code == 201
        return
    # 404 where the form is not even visible to the caller (another department's).
    assert response.status_code in (403, 404)
    if response.status_code == 403:
        assert "Government users do not fill" in response.json()["detail"]
    assert not Submission.objects.exists()


@pytest.mark.parametrize("role", ["committee", "dept_chemicals", "street1_office"])
def test_supervisors_never_upload_for_an_enterprise(world, role):
    response = post_upload(getattr(world, role), world.enterprise_a)
    assert response.status_code == 403
    assert not FormUpload.objects.exists()


def test_a_street_office_commitment_never_reaches_the_public_notice(
    world, commitment, client
):
    response = post_answer(
        world.street1_office, commitment.definition.key, ANSWERS, world.enterprise_a
    )
    assert response.status_code == 403
    assert client.get(f"/notices/{world.enterprise_a.pk}/").status_code == 404


def test_the_commitment_is_the_principals_not_a_post_workers(world, commitment):
    assert commitment.fillers == "manager"
    response = post_answer(
        world.staff_a, commitment.definition.key, ANSWERS, world.enterprise_a
    )
    assert response.status_code == 403
    assert "principal or safety manager" in response.json()["detail"]
    assert (
        post_answer(
            world.manager_a, commitment.definition.key, ANSWERS, world.enterprise_a
        ).status_code
        == 201
    )


def test_staff_fill_only_forms_whose_fillers_include_staff(
    world, managers_form, published
):
    staffs_form, _version = published  # fillers "assigned_staff"
    manager_only, _version = managers_form
    assert (
        post_answer(
            world.staff_a, staffs_form.key, VALID_ANSWER, world.enterprise_a
        ).status_code
        == 201
    )
    refused = post_answer(
        world.staff_a, manager_only.key, VALID_ANSWER, world.enterprise_a
    )
    assert refused.status_code == 403
    upload = post_upload(world.staff_a, world.enterprise_a, form=manager_only.key)
    assert upload.status_code == 403
    assert not FormUpload.objects.exists()


def test_staff_cannot_open_or_correct_the_managers_returned_submission(
    world, managers_form
):
    _definition, version = managers_form
    submission = submitted_by_manager(world, version, returned=True)
    staff = Client()
    staff.force_login(world.staff_a)
    url = f"/portal/forms/submissions/{submission.pk}/correct/"
    assert staff.get(url).status_code == 403
    assert staff.get(f"/portal/forms/fill/{version.definition.key}/").status_code in (
        302,
        403,
    )
    assert not SubmissionDraft.objects.exists()
    with pytest.raises(PermissionDenied):
        services.submission_resubmit(
            actor=world.staff_a, submission=submission, data=VALID_ANSWER
        )
    with pytest.raises(PermissionDenied):
        services.submission_draft_save(
            actor=world.staff_a,
            version=version,
            enterprise=world.enterprise_a,
            data={},
            submission=submission,
        )
    submission.refresh_from_db()
    assert (submission.revision, submission.status) == (1, "returned")


def test_only_the_forms_owner_reviews(world, managers_form):
    _definition, version = managers_form
    submission = submitted_by_manager(world, version)
    for outsider in (world.street1_office, world.committee, world.dept_construction):
        with pytest.raises(PermissionDenied):
            submission_review(
                actor=outsider, submission=submission, decision="accepted"
            )
    # Through the admin page too: the street office sees the submission only.
    office = Client()
    office.force_login(world.street1_office)
    url = f"/admin/forms/submissions/detail/{submission.pk}/"
    page = office.get(url)
    assert page.status_code == 200 and 'name="decision"' not in page.text
    # Wagtail answers a refusal with its admin home and a message.
    assert office.post(url, {"decision": "accepted"}).status_code in (302, 403)
    submission.refresh_from_db()
    assert submission.status == "submitted"
    submission_review(
        actor=world.dept_chemicals, submission=submission, decision="accepted"
    )
    submission.refresh_from_db()
    assert submission.status == "accepted"


def test_a_pack_original_is_reviewed_by_the_department_that_assigned_it(
    world, commitment
):
    submission = submission_submit(
        actor=world.manager_a,
        version=commitment,
        enterprise=world.enterprise_a,
        data=ANSWERS,
    )
    scope = scope_for(world.street1_office)
    assert not scope.can_review_definition(
        commitment.definition, submission.assignment.department_id
    )
    with pytest.raises(PermissionDenied):
        submission_review(
            actor=world.street1_office, submission=submission, decision="accepted"
        )
    submission_review(
        actor=world.dept_chemicals, submission=submission, decision="accepted"
    )


def test_fillers_travel_through_export_and_import(world, chem_department):
    from core.forms.interchange import definition_export, definition_import

    definition = make_definition(chem_department, key="staff_form", fillers="members")
    exported = definition_export(definition)
    assert exported["fillers"] == "members"
    copy = definition_import(
        content={**exported, "key": "staff_form_copy"}, department=chem_department
    )
    assert copy.fillers == "members"


def test_the_portal_list_offers_a_post_worker_no_button_for_the_managers_form(
    world, managers_form
):
    definition, _version = managers_form
    staff = Client()
    staff.force_login(world.staff_a)
    page = staff.get("/portal/forms/").text
    assert definition.title_zh in page
    assert 'data-testid="filled-by-manager"' in page
    assert f"/portal/forms/fill/{definition.key}/" not in page
    manager = Client()
    manager.force_login(world.manager_a)
    assert f"/portal/forms/fill/{definition.key}/" in manager.get("/portal/forms/").text
