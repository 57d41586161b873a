"""Assignments as an officer meets them: an identical one refused, ending
asked first and undone, ended ones apart, 催办 and the follow-up workbook;
and the editor's visible Publish / Assign and the scoring rules offered."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from core.forms.exports import person_name
from core.forms.models import FormAssignment
from core.forms.rules import scoring_rule_choices
from core.forms.services import (
    assignment_create,
    assignment_end,
    assignment_remind,
    assignment_restore,
    submission_submit,
)
from core.notifications.models import Notification
from core.organizations.scope import scope_for
from tests.core.forms.conftest import VALID_ANSWER, make_definition

D = "form_definitions"


def test_an_identical_assignment_is_refused_with_a_clear_message(
    client, world, published
):
    definition, _version = published
    with pytest.raises(ValidationError) as refused:
        assignment_create(
            scope=scope_for(world.dept_chemicals),
            definition=definition,
            industry=world.chemicals,
        )
    assert "already assigned to the same enterprises" in " ".join(
        refused.value.messages
    ) or "已下发给相同的企业" in " ".join(refused.value.messages)
    client.force_login(world.dept_chemicals)
    response = client.post(
        reverse(f"{D}:assign", args=(definition.pk,)),
        {"industry": world.chemicals.pk, "recurrence": "none"},
    )
    assert response.status_code == 200
    assert 'data-testid="assign-errors"' in response.content.decode()
    assert FormAssignment.objects.filter(definition=definition).count() == 1
    # Another recurrence is another assignment.
    client.post(
        reverse(f"{D}:assign", args=(definition.pk,)),
        {"industry": world.chemicals.pk, "recurrence": "weekly"},
    )
    assert FormAssignment.objects.filter(definition=definition).count() == 2


def test_ending_asks_first_lists_it_apart_and_can_be_undone(client, world, published):
    definition, _version = published
    assignment = definition.assignments.get()
    url = reverse(f"{D}:assign", args=(definition.pk,))
    client.force_login(world.dept_chemicals)
    asked = client.get(url, {"end": assignment.pk}).content.decode()
    assert 'data-testid="confirm-end"' in asked
    assignment.refresh_from_db()
    assert assignment.is_active  # asking changes nothing
    response = client.post(url, {"end": assignment.pk})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert not assignment.is_active
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="just-ended"' in page
    ended = page.split('data-testid="ended-assignments"', 1)[1]
    assert f'data-assignment="{assignment.pk}"' in ended
    current = page.split('data-testid="current-assignments"', 1)[1].split(
        "</table>", 1
    )[0]
    assert f'data-assignment="{assignment.pk}"' not in current
    client.post(url, {"restore": assignment.pk})
    assignment.refresh_from_db()
    assert assignment.is_active


def test_undo_is_refused_when_an_identical_one_was_made_since(world, published):
    definition, _version = published
    first = definition.assignments.get()
    assignment_end(actor=world.dept_chemicals, assignment=first)
    assignment_create(
        scope=scope_for(world.dept_chemicals),
        definition=definition,
        industry=world.chemicals,
    )
    with pytest.raises(ValidationError):
        assignment_restore(actor=world.dept_chemicals, assignment=first)


def test_another_department_cannot_end_restore_or_remind(world, published):
    definition, _version = published
    assignment = definition.assignments.get()
    for service in (assignment_end, assignment_restore, assignment_remind):
        with pytest.raises(Exception) as refused:
            service(actor=world.dept_construction, assignment=assignment)
        assert refused.type.__name__ == "SubmissionRefused"


def test_remind_tells_those_who_have_not_submitted_once_a_day(client, world, published):
    definition, version = published
    assignment = definition.assignments.get()
    client.force_login(world.dept_chemicals)
    url = reverse(f"{D}:follow_up", args=(assignment.pk,))
    assert 'data-testid="remind"' in client.get(url).content.decode()
    client.post(url)
    reminded = Notification.objects.filter(recipient=world.manager_a)
    assert reminded.count() == 1
    note = reminded.get()
    assert definition.title in note.text
    assert note.url == reverse("forms_portal:start", args=(definition.key,))
    assert note.target == assignment
    # The fixture's form is filled by assigned staff too: they are told.
    assert Notification.objects.filter(recipient=world.staff_a).count() == 1
    # Enterprise B is not of the chemicals industry: nobody there is told.
    assert not Notification.objects.filter(recipient=world.manager_b).exists()
    client.post(url)  # again the same day: nobody is told twice
    assert reminded.count() == 1
    # Once A has submitted, nobody is left to remind.
    Notification.objects.all().delete()
    submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    assert assignment_remind(actor=world.dept_chemicals, assignment=assignment) == 0
    assert not Notification.objects.exists()


def test_the_reminder_reaches_the_enterprise_in_its_portal(client, world, published):
    definition, _version = published
    assignment_remind(
        actor=world.dept_chemicals,
        assignment=definition.assignments.get(),
        url=reverse("forms_portal:start", args=(definition.key,)),
    )
    client.force_login(world.manager_a)
    home = client.get(reverse("portal:home")).content.decode()
    assert 'data-testid="bell"' in home and "topbar-bell__count" in home
    listing = client.get(reverse("notifications:list")).content.decode()
    assert definition.title in listing and 'data-unread="yes"' in listing
    note = Notification.objects.get(recipient=world.manager_a)
    opened = client.post(reverse("notifications:open", args=(note.pk,)))
    assert opened["Location"] == reverse("forms_portal:start", args=(definition.key,))
    note.refresh_from_db()
    assert note.read_at is not None
    # Someone else's notification is a 404 and stays unread.
    other = Notification.objects.get(recipient=world.staff_a)
    assert (
        client.post(reverse("notifications:open", args=(other.pk,))).status_code == 404
    )
    other.refresh_from_db()
    assert other.read_at is None


def test_the_follow_up_exports_to_excel_in_scope_only(client, world, published):
    definition, version = published
    assignment = definition.assignments.get()
    submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    url = reverse(f"{D}:follow_up_export", args=(assignment.pk,))
    client.force_login(world.dept_chemicals)
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[0] for row in rows] == ["甲化工有限公司"]
    assert rows[0][5] == person_name(world.manager_a)
    client.force_login(world.dept_construction)
    assert client.get(url).status_code == 404
    client.force_login(world.manager_a)
    assert client.get(url).status_code in (302, 403, 404)


def test_publish_and_assign_are_in_sight(client, world, chem_department):
    draft = make_definition(chem_department, key="draft_one", industry=world.chemicals)
    client.force_login(world.dept_chemicals)
    edit = client.get(reverse(f"{D}:edit", args=(draft.pk,))).content.decode()
    assert 'data-testid="header-publish"' in edit
    assert 'data-testid="header-assign"' not in edit  # never published yet
    listing = client.get(reverse(f"{D}:index")).content.decode()
    assert 'data-testid="row-publish"' in listing


def test_scoring_rules_offered_are_the_industrys_and_general_ones(world, enable_packs):
    enable_packs("gas", "road_transport")
    everything = {key for key, _label in scoring_rule_choices()}
    gas = {key for key, _label in scoring_rule_choices(["gas"])}
    road = {key for key, _label in scoring_rule_choices(["road_transport"])}
    assert {"none", "sum", "weighted"} <= gas
    assert "gas_checklist" in gas and "gas_checklist" not in road
    assert road - {"none", "sum", "weighted"}  # the road pack's own rule
    assert not (road & gas) - {"none", "sum", "weighted"}
    assert gas | road == everything


def test_a_reminder_reads_in_the_recipients_language_at_local_time(
    client, world, published
):
    """The officer sends 催办 in English; the enterprise reads it in its own
    language, at Beijing time (stored in UTC)."""
    definition, _version = published
    definition.title_en = "Fire checklist"
    definition.save(update_fields=["title_en"])
    with translation.override("en"):
        assignment_remind(
            actor=world.dept_chemicals, assignment=definition.assignments.get()
        )
    note = Notification.objects.get(recipient=world.manager_a)
    assert note.verb_is_key and "%(title)s" in note.verb
    sent = datetime.datetime(2026, 12, 6, 16, 30, tzinfo=datetime.UTC)
    Notification.objects.filter(pk=note.pk).update(created_at=sent)
    client.force_login(world.manager_a)
    listing = client.get(reverse("notifications:list"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    text = listing.content.decode()
    assert f"请填写并提交“{definition.title_zh}”" in text
    assert "Reminder" not in text
    # 16:30 UTC is 00:30 the next day in Beijing.
    assert "2026-12-07 00:30" in text
    with translation.override("en"):
        note.refresh_from_db()
        assert note.text == "Reminder: please fill in and submit “Fire checklist”."
