"""The enterprise profile: the safety manager edits it, in one transaction."""

from decimal import Decimal

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from core.organizations.models import Enterprise, EnterpriseContact

pytestmark = pytest.mark.django_db

URL = "/portal/profile/edit/"


def profile_data(enterprise, contacts=(), **overrides):
    """A complete POST of the edit form: the profile and the contacts formset."""
    data = {
        "name": enterprise.name,
        "address": enterprise.address,
        "latitude": str(enterprise.latitude or ""),
        "longitude": str(enterprise.longitude or ""),
        "legal_representative": enterprise.legal_representative,
        "contacts-TOTAL_FORMS": str(len(contacts)),
        "contacts-INITIAL_FORMS": str(sum(1 for c in contacts if c.get("id"))),
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "20",
    }
    for flag in ("is_above_scale", "is_key_industry", "has_occupational_hazard"):
        if getattr(enterprise, flag):
            data[flag] = "on"
    for index, contact in enumerate(contacts):
        for key, value in contact.items():
            data[f"contacts-{index}-{key}"] = value
    data.update(overrides)
    return data


def test_the_url_is_the_named_one():
    assert reverse("portal:profile_edit") == URL


def test_manager_saves_profile_and_contacts(client, world):
    client.force_login(world.manager_a)
    enterprise = world.enterprise_a
    data = profile_data(
        enterprise,
        contacts=[{"name": "王安全", "title": "安全员", "phone": "0431-88886601"}],
        name="甲化工股份有限公司",
        address="化工路 8 号",
        latitude="43.900001",
        longitude="125.300002",
        legal_representative="赵六",
        is_key_industry="on",
    )
    response = client.post(URL, data)
    assert response.status_code == 302
    assert response.url == reverse("portal:profile")
    enterprise.refresh_from_db()
    assert enterprise.name == "甲化工股份有限公司"
    assert enterprise.address == "化工路 8 号"
    assert enterprise.latitude == Decimal("43.900001")
    assert enterprise.is_key_industry is True
    assert enterprise.legal_representative == "赵六"
    contact = EnterpriseContact.objects.get(enterprise=enterprise)
    assert (contact.name, contact.phone) == ("王安全", "0431-88886601")
    page = client.get(reverse("portal:profile")).text
    assert "王安全" in page and "甲化工股份有限公司" in page


def test_contacts_are_updated_and_deleted(client, world):
    enterprise = world.enterprise_a
    keep = EnterpriseContact.objects.create(
        enterprise=enterprise, name="甲", phone="13800000001"
    )
    drop = EnterpriseContact.objects.create(
        enterprise=enterprise, name="乙", phone="13800000002"
    )
    client.force_login(world.manager_a)
    data = profile_data(
        enterprise,
        contacts=[
            {"id": str(keep.pk), "name": "甲改", "phone": "13800000009"},
            {"id": str(drop.pk), "name": "乙", "phone": "13800000002", "DELETE": "on"},
        ],
    )
    assert client.post(URL, data).status_code == 302
    assert list(
        EnterpriseContact.objects.filter(enterprise=enterprise).values_list(
            "pk", "name", "phone"
        )
    ) == [(keep.pk, "甲改", "13800000009")]


def test_invalid_input_shows_the_message_at_the_field_and_changes_nothing(
    client, world
):
    enterprise = world.enterprise_a
    before = Enterprise.objects.values().get(pk=enterprise.pk)
    client.force_login(world.manager_a)
    data = profile_data(
        enterprise,
        contacts=[{"name": "王安全", "phone": "0431-88886601"}],
        name="新名字有限公司",
        address="刚输入的地址",
        latitude="123",
    )
    response = client.post(URL, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == ["latitude"]
    # Django's own Chinese message, rendered inside the latitude field's block.
    message = "确保该值小于或等于90。"
    assert message in form.errors["latitude"][0]
    text = response.text
    field_block = text[text.index('for="id_latitude"') :]
    assert field_block.index(message) < field_block.index('for="id_longitude"')
    # What the user typed is kept.
    assert "刚输入的地址" in text and "新名字有限公司" in text
    # The header still shows the saved name; nothing was written.
    assert Enterprise.objects.values().get(pk=enterprise.pk) == before
    assert not EnterpriseContact.objects.exists()


def test_required_name_and_bad_phone_are_reported_in_chinese(client, world):
    client.force_login(world.manager_a)
    data = profile_data(
        world.enterprise_a,
        contacts=[{"name": "王安全", "phone": "abc"}],
        name="",
    )
    response = client.post(URL, data)
    assert response.status_code == 400
    with translation.override("zh-hans"):
        required = str(forms.Field.default_error_messages["required"])
    assert required != "This field is required."  # a Chinese catalogue answered
    assert response.context["form"].errors["name"] == [required]
    assert "phone" in response.context["formset"].forms[0].errors
    assert not EnterpriseContact.objects.exists()
    assert Enterprise.objects.get(pk=world.enterprise_a.pk).name == "甲化工有限公司"


def test_half_a_location_is_refused(client, world):
    client.force_login(world.manager_a)
    data = profile_data(world.enterprise_a, latitude="43.1", longitude="")
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "longitude" in response.context["form"].errors


def test_registration_data_cannot_be_changed_here(client, world):
    enterprise = world.enterprise_a
    client.force_login(world.manager_a)
    data = profile_data(
        enterprise,
        uscc="91110000000000000X",
        jurisdiction=str(world.street2.pk),
        industries=[str(world.construction.pk)],
    )
    assert client.post(URL, data).status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.uscc == world.enterprise_a.uscc
    assert enterprise.jurisdiction == world.grid1
    assert list(enterprise.industries.all()) == [world.chemicals]
    # They are shown, read-only.
    text = client.get(URL).text
    assert enterprise.uscc in text
    assert 'name="uscc"' not in text


def test_a_contact_of_another_enterprise_cannot_be_taken_over(client, world):
    foreign = EnterpriseContact.objects.create(
        enterprise=world.enterprise_b, name="乙联系人", phone="13900000000"
    )
    client.force_login(world.manager_a)
    data = profile_data(
        world.enterprise_a,
        contacts=[{"id": str(foreign.pk), "name": "改掉", "phone": "13900000001"}],
    )
    client.post(URL, data)
    # An unknown id is treated as a new row of enterprise A: B's contact is untouched.
    foreign.refresh_from_db()
    assert (foreign.enterprise, foreign.name) == (world.enterprise_b, "乙联系人")
    assert foreign.phone == "13900000000"
    assert EnterpriseContact.objects.filter(enterprise=world.enterprise_b).count() == 1
