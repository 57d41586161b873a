"""Browser journey: correcting a returned submission loses nothing.

The submitted answer has a repeatable group of tanks whose check items carry
a result, a note and a photo, next to top-level answers. Returned by the
department, the enterprise opens the correction: every entry comes back with
its result, note and photo; the user changes one top-level answer and
resubmits, and the new revision still holds every answer of the group.

``SAFEGRID_SCREENSHOTS=<folder>`` keeps the screenshots.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.forms.models import Submission, SubmissionDraft
from core.forms.services import (
    assignment_create,
    definition_publish,
    submission_review,
    submission_submit,
    upload_store,
)
from core.organizations.models import Department
from core.organizations.scope import scope_for
from tests.browser.conftest import CHROMIUM, DESKTOP
from tests.browser.test_forms_journey import new_page, portal_login, shot
from tests.core.forms.conftest import make_definition
from tests.factories import build_world, image_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TANK_CHECK = [
    {
        "type": "section",
        "value": {
            "key": "general",
            "title": "总体",
            "questions": [
                {
                    "type": "check_item",
                    "value": {"key": "fence", "label": "罐区围堰完好", "points": 5},
                },
            ],
        },
    },
    {
        "type": "section",
        "value": {
            "key": "tanks_section",
            "title": "储罐逐台检查",
            "questions": [
                {
                    "type": "group",
                    "value": {
                        "key": "tanks",
                        "label": "储罐",
                        "required": True,
                        "fields": [
                            {"type": "text", "value": {"key": "tank_no", "label": "储罐编号"}},
                            {
                                "type": "check_item",
                                "value": {
                                    "key": "valve",
                                    "label": "呼吸阀完好",
                                    "points": 5,
                                    "evidence": {"requires_photo": True, "requires_note": False},
                                },
                            },
                        ],
                    },
                },
            ],
        },
    },
]  # fmt: skip


def test_a_correction_brings_back_every_entry_note_and_photo(browser, live_server):
    assert CHROMIUM.exists()
    world = build_world()
    department = Department.objects.get(name="应急管理局")
    definition = make_definition(
        department, key="tank_check", blocks=TANK_CHECK, industry=world.chemicals
    )
    version = definition_publish(definition=definition, user=world.dept_chemicals)
    assignment_create(
        scope=scope_for(world.dept_chemicals),
        definition=definition,
        industry=world.chemicals,
    )
    photos = [
        upload_store(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            file=SimpleUploadedFile(name, image_bytes(), content_type="image/png"),
            definition=definition,
        ).as_reference()
        for name in ("t1-valve.png", "t2-valve.png")
    ]
    answer = {
        "fence": {"result": "compliant"},
        "tanks": [
            {
                "tank_no": "T-101",
                "valve": {
                    "result": "non_compliant",
                    "note": "呼吸阀锈蚀",
                    "photos": [photos[0]],
                },
            },
            {
                "tank_no": "T-102",
                "valve": {"result": "compliant", "photos": [photos[1]]},
            },
        ],
    }
    submission = submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=answer,
    )
    submitted = dict(submission.data)
    submission_review(
        actor=world.dept_chemicals,
        submission=submission,
        decision="returned",
        comment="围堰请复查",
    )

    context, page = new_page(browser, live_server, DESKTOP)
    portal_login(page, "manager-a")
    page.goto(f"/portal/forms/submissions/{submission.pk}/correct/")
    page.wait_for_url(f"**/submissions/{submission.pk}/correct/1/")
    page.locator('[data-key="fence"] input[value="non_compliant"]').check()
    page.click("[data-testid=wizard-next]")
    page.wait_for_url(f"**/submissions/{submission.pk}/correct/2/")

    # Every entry of the group is back, with its result, note and photo.
    form = page.locator("form")
    assert form.locator('input[name="2-tanks-0-tank_no"]').input_value() == "T-101"
    assert form.locator('input[name="2-tanks-1-tank_no"]').input_value() == "T-102"
    assert form.locator(
        'input[name="2-tanks-0-valve"][value="non_compliant"]'
    ).is_checked()
    assert form.locator('input[name="2-tanks-1-valve"][value="compliant"]').is_checked()
    note = form.locator('[name="2-tanks-0-valve__note"]')
    assert note.input_value() == "呼吸阀锈蚀"
    text = page.locator("main").inner_text()
    assert "t1-valve.png" in text and "t2-valve.png" in text
    shot(page, "forms-correction-group", full_page=True)

    page.click("[data-testid=wizard-next]")
    page.wait_for_url(f"**/submissions/{submission.pk}/correct/review/")
    shot(page, "forms-correction-review", full_page=True)
    page.click("[data-testid=submit]")
    page.wait_for_url(f"**/portal/forms/submissions/{submission.pk}/")
    context.close()

    submission = Submission.objects.get()
    assert submission.revision == 2 and submission.status == "submitted"
    assert submission.data["fence"] == {"result": "non_compliant"}
    assert submission.data["tanks"] == submitted["tanks"]
    assert not SubmissionDraft.objects.exists()
