"""A pack's form due without any department's assignment: the chemicals daily
研判承诺 is due every day for every chemicals enterprise, filled by its
principal (or safety manager), not by a post worker."""

import dataclasses

import pytest
from django.urls import reverse
from django.utils import timezone

from core.forms.models import FormAssignment, FormDefinition
from core.forms.selectors import assigned_forms
from core.forms.services import form_definitions_sync
from core.organizations.scope import scope_for
from plugins.contributions import FormDefinitionContribution, I18nText

pytestmark = pytest.mark.django_db
KEY = "chem_daily_risk_commitment"


@pytest.fixture
def synced(world, enable_packs):
    manager = enable_packs("chemicals")
    form_definitions_sync(manager=manager)
    return manager


def rows(world, user, enterprise):
    return assigned_forms(
        scope=scope_for(user),
        enterprise=enterprise,
        user=user,
        today=timezone.localdate(),
    )


def test_the_pack_declares_the_commitment_due_daily(synced):
    contribution = next(
        item
        for _plugin, item in synced.collect("safegrid_form_definitions")
        if isinstance(item, FormDefinitionContribution) and item.key == KEY
    )
    assert contribution.due == "daily"
    assert contribution.fillers == "manager"
    standing = FormAssignment.objects.get(definition__key=KEY)
    assert standing.department is None and standing.recurrence == "daily"
    assert standing.industry.code == "chemicals"


def test_every_chemicals_enterprise_has_it_due_without_an_assignment(
    client, world, synced
):
    mine = rows(world, world.manager_a, world.enterprise_a)
    assert [row.definition.key for row in mine if row.definition.key == KEY] == [KEY]
    row = next(row for row in mine if row.definition.key == KEY)
    assert row.can_fill and row.due_date == timezone.localdate()
    assert not [
        row
        for row in rows(world, world.manager_b, world.enterprise_b)
        if row.definition.key == KEY
    ]  # construction
    client.force_login(world.manager_a)
    todo = client.get(reverse("portal:home")).context["todo"]
    assert reverse("forms_portal:start", args=[KEY]) in [item.url for item in todo]


def test_a_post_worker_sees_it_but_may_not_fill_it(client, world, synced):
    row = next(
        row
        for row in rows(world, world.staff_a, world.enterprise_a)
        if row.definition.key == KEY
    )
    assert not row.can_fill
    client.force_login(world.staff_a)
    todo = client.get(reverse("portal:home")).context["todo"]
    assert not [item for item in todo if KEY in item.url]


def test_the_industry_department_reviews_what_the_pack_made_due(world, synced):
    definition = FormDefinition.objects.get(key=KEY)
    assert scope_for(world.dept_chemicals).can_review_definition(definition)
    assert not scope_for(world.dept_construction).can_review_definition(definition)
    assert not scope_for(world.street1_office).can_review_definition(definition)


def test_sync_is_idempotent_and_ends_the_duty_when_the_pack_drops_it(
    world, synced, monkeypatch
):
    form_definitions_sync(manager=synced)
    assert FormAssignment.objects.filter(definition__key=KEY).count() == 1
    original = synced.collect

    def without_due(hook):
        return [
            (plugin, dataclasses.replace(item, due=""))
            if isinstance(item, FormDefinitionContribution) and item.key == KEY
            else (plugin, item)
            for plugin, item in original(hook)
        ]

    monkeypatch.setattr(synced, "collect", without_due)
    form_definitions_sync(manager=synced)
    assert not FormAssignment.objects.get(definition__key=KEY).is_active
    monkeypatch.setattr(synced, "collect", original)
    form_definitions_sync(manager=synced)
    assert FormAssignment.objects.get(definition__key=KEY).is_active


def test_a_due_form_needs_an_industry_and_a_known_period():
    base = {
        "key": "daily_round",
        "title": I18nText("巡检", "Round"),
        "kind": "checklist",
        "blocks": [],
        "version": "1",
    }
    assert FormDefinitionContribution(**base, industry=None, due="daily").problems()
    assert FormDefinitionContribution(
        **base, industry="chemicals", due="hourly"
    ).problems()
    assert not FormDefinitionContribution(
        **base, industry="chemicals", due="daily"
    ).problems()


def test_a_person_the_enterprise_designates_fills_it(client, world, synced):
    from core.organizations.models import Person

    person = Person.objects.get(user=world.staff_a)
    client.force_login(world.manager_a)
    response = client.post(
        reverse("portal:person_edit", args=[person.pk]),
        {
            "name": person.name,
            "phone": "",
            "posts": [world.post_a.pk],
            "fills_for_principal": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert person.fills_for_principal
    world.staff_a.refresh_from_db()
    staff = type(world.staff_a).objects.get(pk=world.staff_a.pk)  # a fresh scope
    row = next(
        row
        for row in rows(world, staff, world.enterprise_a)
        if row.definition.key == KEY
    )
    assert row.can_fill
    client.force_login(staff)
    todo = client.get(reverse("portal:home")).context["todo"]
    assert reverse("forms_portal:start", args=[KEY]) in [item.url for item in todo]
    # The designation is the enterprise's: it gives nothing at another one.
    assert not scope_for(staff).can_fill_form(world.enterprise_b, "manager")
