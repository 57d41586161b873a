"""The audit log: every write recorded with its actor, read in the admin."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from core.audit.admin_views import change_rows, related_labels
from core.organizations.models import Enterprise, Jurisdiction
from core.organizations.services import jurisdiction_create
from tests.core.admin_helpers import (
    assert_permission_denied,
    assert_sent_to_login,
    enterprise_form_data,
)

pytestmark = pytest.mark.django_db

A = "甲化工有限公司"


def label(field_name):
    return str(capfirst(Enterprise._meta.get_field(field_name).verbose_name))


def entries_for(instance):
    return LogEntry.objects.get_for_object(instance).order_by("timestamp", "pk")


def edit_enterprise_as(client, user, enterprise, **changes):
    client.force_login(user)
    response = client.post(
        reverse("enterprises:edit", args=[enterprise.pk]),
        enterprise_form_data(enterprise, **changes),
    )
    assert response.status_code == 302, response.context["form"].errors
    return response


def test_an_admin_edit_is_recorded_with_actor_and_changed_field(client, world):
    enterprise = world.enterprise_a
    before = entries_for(enterprise).count()
    edit_enterprise_as(client, world.committee, enterprise, name="甲化工新名有限公司")
    entry = entries_for(enterprise).last()
    assert entries_for(enterprise).count() == before + 1
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == world.committee
    assert entry.changes["name"] == [A, "甲化工新名有限公司"]


def test_a_many_to_many_change_is_recorded(client, world):
    enterprise = world.enterprise_a
    edit_enterprise_as(
        client,
        world.committee,
        enterprise,
        industries=[str(world.chemicals.pk), str(world.construction.pk)],
    )
    entry = entries_for(enterprise).filter(changes__has_key="industries").last()
    assert entry.actor == world.committee
    assert entry.changes["industries"] == {
        "type": "m2m",
        "operation": "add",
        "objects": ["建筑施工"],
    }


def test_writes_outside_a_request_are_recorded_too(world):
    node = jurisdiction_create(
        parent=world.district, name="三街道", code="T03", level="street"
    )
    entry = entries_for(node).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor is None


def test_wagtail_does_not_keep_a_second_history_of_enterprises(client, world):
    """Wagtail's site-history report filters only by model permission: had the
    admin written ModelLogEntry, every department would see every enterprise's
    entries there."""
    edit_enterprise_as(client, world.committee, world.enterprise_a, name="甲化工新名")
    content_type = ContentType.objects.get_for_model(Enterprise)
    assert not ModelLogEntry.objects.filter(content_type=content_type).exists()
    department = Client()  # a fresh session: no flash message from the edit
    department.force_login(world.dept_construction)
    response = department.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert "甲化工新名" not in response.content.decode()


# -- who reads the log --------------------------------------------------------------


@pytest.mark.parametrize("role", ["committee", "superuser"])
def test_committee_and_superuser_read_the_audit_log(client, world, role):
    edit_enterprise_as(client, world.committee, world.enterprise_a, name="甲化工新名")
    client.force_login(getattr(world, role))
    response = client.get(reverse("audit_log:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "甲化工新名" in html
    entry = entries_for(world.enterprise_a).last()
    inspect = client.get(reverse("audit_log:inspect", args=[entry.pk]))
    assert inspect.status_code == 200
    assert "甲化工新名" in inspect.content.decode()


@pytest.mark.parametrize(
    "role", ["dept_chemicals", "dept_construction", "street1_office"]
)
def test_other_government_roles_cannot_read_the_audit_log(client, world, role):
    entry = LogEntry.objects.first()
    client.force_login(getattr(world, role))
    assert_permission_denied(client.get(reverse("audit_log:index")))
    assert_permission_denied(client.get(reverse("audit_log:inspect", args=[entry.pk])))


@pytest.mark.parametrize("role", ["manager_a", "staff_a", "outsider"])
def test_enterprise_users_cannot_reach_the_audit_log(client, world, role):
    client.force_login(getattr(world, role))
    assert_sent_to_login(client.get(reverse("audit_log:index")))


@pytest.mark.parametrize("role", ["committee", "superuser"])
def test_the_audit_log_is_read_only(client, world, role):
    entry = LogEntry.objects.first()
    client.force_login(getattr(world, role))
    assert_permission_denied(client.get(reverse("audit_log:add")))
    for view in ("edit", "delete"):
        url = reverse(f"audit_log:{view}", args=[entry.pk])
        assert_permission_denied(client.get(url))
        assert_permission_denied(client.post(url, {"object_repr": "forged"}))
    assert LogEntry.objects.get(pk=entry.pk).object_repr == entry.object_repr


# -- readable changes ----------------------------------------------------------------


def test_changes_read_as_names_not_ids(client, world):
    enterprise = world.enterprise_a
    edit_enterprise_as(
        client,
        world.committee,
        enterprise,
        jurisdiction=str(world.street2.pk),
        is_key_industry="on",
    )
    entry = entries_for(enterprise).filter(changes__has_key="jurisdiction").last()
    rows = {
        row.label: (row.old, row.new)
        for row in change_rows(entry, related_labels([entry]))
    }
    assert rows[label("jurisdiction")] == ("一网格", "二街道")
    assert rows[label("is_key_industry")] == (gettext("No"), gettext("Yes"))

    response = client.get(reverse("audit_log:index"))
    assert "一网格 → 二街道" in response.content.decode()


def test_a_deleted_related_object_still_reads(world):
    node = jurisdiction_create(
        parent=world.district, name="临时街道", code="T09", level="street"
    )
    enterprise = world.enterprise_b
    enterprise.jurisdiction = node
    enterprise.save()
    enterprise.jurisdiction = world.street2
    enterprise.save()
    node_pk = node.pk
    Jurisdiction.objects.filter(pk=node_pk).delete()
    entry = entries_for(enterprise).filter(changes__has_key="jurisdiction").last()
    rows = change_rows(entry, related_labels([entry]))
    (row,) = [r for r in rows if r.label == label("jurisdiction")]
    assert str(node_pk) in row.old and row.new == "二街道"


def test_enterprise_history_shows_the_audit_log_in_scope(client, world):
    edit_enterprise_as(client, world.committee, world.enterprise_a, name="甲化工新名")
    url = reverse("enterprises:history", args=[world.enterprise_a.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "甲化工新名" in response.content.decode()
    # A department sees the enterprise but not its history; a foreign one not even that.
    client.force_login(world.dept_chemicals)
    assert_permission_denied(client.get(url))
    client.force_login(world.dept_construction)
    assert client.get(url).status_code == 404


def test_audit_log_list_runs_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.committee)
    url = reverse("audit_log:index")
    client.get(url)

    def edits(count):
        for n in range(count):
            enterprise = Enterprise.objects.get(pk=world.enterprise_a.pk)
            enterprise.name = f"甲化工{n}"
            enterprise.jurisdiction = world.street2 if n % 2 else world.grid1
            enterprise.save()

    edits(3)
    with django_assert_max_num_queries(AUDIT_QUERY_BOUND):
        client.get(url)
    edits(60)
    with django_assert_max_num_queries(AUDIT_QUERY_BOUND):
        response = client.get(url)
    assert len(response.context["object_list"]) == 50


AUDIT_QUERY_BOUND = 18


# -- who wrote: chosen by typing ------------------------------------------------------


def test_the_who_filter_is_a_chooser_not_a_list_of_every_writer(client, world):
    """The filter renders no option per user; the chooser finds writers by
    part of their name, and the chosen id filters the log."""
    edit_enterprise_as(client, world.committee, world.enterprise_a, name="甲化工新名")
    client.force_login(world.committee)
    html = client.get(reverse("audit_log:index")).content.decode()
    assert reverse("safegrid_audit_actor_autocomplete") in html
    name = world.committee.get_username()
    assert f">{name}</option>" not in html

    chooser = reverse("safegrid_audit_actor_autocomplete")
    found = client.get(chooser, {"q": name[1:4]}).json()["results"]
    assert {"id": world.committee.pk, "name": name} in found
    # A user who never wrote anything is not offered.
    never = world.outsider.get_username()
    assert client.get(chooser, {"q": never}).json()["results"] == []
    assert client.get(chooser, {"id": world.committee.pk}).json()["results"] == [
        {"id": world.committee.pk, "name": name}
    ]

    entries = client.get(reverse("audit_log:index"), {"actor": world.committee.pk})
    assert entries.status_code == 200
    assert {entry.actor_id for entry in entries.context["object_list"]} == {
        world.committee.pk
    }
    assert client.get(reverse("audit_log:index"), {"actor": "x"}).status_code == 200


@pytest.mark.parametrize("role", ["dept_chemicals", "street1_office", "manager_a"])
def test_only_the_readers_of_the_log_may_ask_the_who_chooser(client, world, role):
    edit_enterprise_as(client, world.committee, world.enterprise_a, name="甲化工新名")
    client.force_login(getattr(world, role))
    response = client.get(
        reverse("safegrid_audit_actor_autocomplete"),
        {"q": world.committee.get_username()},
    )
    assert response.status_code in (302, 403)
    assert b"results" not in response.content
