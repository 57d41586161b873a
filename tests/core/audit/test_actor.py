"""Every write is attributed, through the portal, the admin and the API alike."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.forms.models import FormUpload, FormVersion, Submission, SubmissionRevision
from core.organizations.models import Unit
from tests.core.forms.conftest import VALID_ANSWER, make_definition
from tests.factories import image_upload

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    client = APIClient()
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def actors_of(instance) -> set:
    return {entry.actor for entry in LogEntry.objects.get_for_object(instance)}


def test_api_writes_name_the_token_user(world, published):
    definition, _version = published
    client = api(world.manager_a)
    uploaded = client.post(
        "/api/v1/form-uploads/",
        {"enterprise": world.enterprise_a.pk, "file": image_upload()},
        format="multipart",
    )
    assert uploaded.status_code == 201
    submitted = client.post(
        f"/api/v1/forms/{definition.key}/submissions/",
        {"enterprise": world.enterprise_a.pk, "data": VALID_ANSWER},
        format="json",
    )
    assert submitted.status_code == 201
    submission = Submission.objects.get()
    assert actors_of(FormUpload.objects.get()) == {world.manager_a}
    assert actors_of(submission) == {world.manager_a}
    assert actors_of(submission.revisions.get()) == {world.manager_a}
    entry = LogEntry.objects.get_for_object(submission).get()
    assert entry.remote_addr == "127.0.0.1"


def test_admin_publishing_and_reviewing_name_the_officer(world, chem_department):
    definition = make_definition(chem_department, industry=world.chemicals)
    officer = Client()
    officer.force_login(world.dept_chemicals)
    response = officer.post(f"/admin/forms/definitions/publish/{definition.pk}/")
    assert response.status_code == 302
    version = FormVersion.objects.get(definition=definition)
    assert actors_of(version) == {world.dept_chemicals}
    assert LogEntry.objects.get_for_object(version).get().changes["number"] == [
        "None",
        "1",
    ]


def test_a_review_names_the_reviewer_on_the_revision(world, published):
    definition, version = published
    from core.forms.services import submission_submit

    submission = submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    officer = Client()
    officer.force_login(world.dept_chemicals)
    response = officer.post(
        f"/admin/forms/submissions/detail/{submission.pk}/",
        {"decision": "returned", "comment": "补充照片"},
    )
    assert response.status_code == 302
    revision = SubmissionRevision.objects.get(submission=submission)
    assert world.dept_chemicals in actors_of(revision)
    assert world.dept_chemicals in actors_of(submission)


def test_portal_writes_name_the_enterprise_user(world):
    manager = Client()
    manager.force_login(world.manager_a)
    response = manager.post("/portal/units/add/", {"name": "钢筋车间"})
    assert response.status_code == 302
    assert actors_of(Unit.objects.get(name="钢筋车间")) == {world.manager_a}
