"""Directives: scope of the sender, recipients per enterprise, read receipts
and replies by the enterprise's manager only, the reminder job capped and
idempotent per day (frozen clock), the pages of both sides; acceptance and
spot checks with a reproducible sample."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time

from core.base.errors import Invalid, Refused
from core.campaigns.models import (
    AcceptanceCheck,
    Audience,
    CheckKind,
    Directive,
    DirectiveRecipient,
    SpotCheckSample,
)
from core.campaigns.services import (
    MAX_REMINDERS,
    acceptance_record,
    directive_open,
    directive_reply,
    directive_send,
    directives_remind,
    draw_sample,
    spot_sample_draw,
)
from core.notifications.models import Notification
from tests.core.admin_helpers import assert_permission_denied
from tests.core.forms.conftest import (  # noqa: F401 - fixtures used here
    VALID_ANSWER,
    chem_department,
    published,
)
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def send(world, user=None, **changes):
    fields = {
        "title": "关于开展双重预防机制建设的通知",
        "body": "请于月底前完成风险辨识。",
        "audience": Audience.ALL,
        "reply_required": True,
    }
    fields.update(changes)
    return directive_send(actor=user or world.committee, **fields)


def test_committee_sends_to_every_enterprise_with_notifications(
    world, django_capture_on_commit_callbacks
):
    from core.campaigns.services import directive_notify
    from core.jobs.worker import run_pending

    with django_capture_on_commit_callbacks(execute=True):
        directive = send(world)
    # The managers are told by the background job, once.
    assert not Notification.objects.exists()
    run_pending()
    assert directive_notify(directive.pk) == 0  # a rerun notifies nobody twice
    assert directive.recipient_count == 2
    assert set(directive.recipients.values_list("enterprise_id", flat=True)) == {
        world.enterprise_a.pk,
        world.enterprise_b.pk,
    }
    assert Notification.objects.filter(recipient=world.manager_a).count() == 1
    assert Notification.objects.filter(recipient=world.manager_b).count() == 1


def test_a_department_reaches_its_industry_only(world):
    directive = send(world, world.dept_chemicals)
    assert list(directive.recipients.values_list("enterprise_id", flat=True)) == [
        world.enterprise_a.pk
    ]
    with pytest.raises(Refused):
        send(
            world,
            world.dept_chemicals,
            audience=Audience.INDUSTRY,
            industry=world.construction,
        )
    with pytest.raises(Refused):
        send(
            world,
            world.dept_chemicals,
            audience=Audience.LIST,
            enterprise_ids=[world.enterprise_b.pk],
        )
    with pytest.raises(Refused):
        send(
            world,
            world.street1_office,
            audience=Audience.TERRITORY,
            territory=world.street2,
        )
    with pytest.raises(Refused):
        send(world, world.manager_a)
    assert Directive.objects.count() == 1


def test_street_office_by_territory_and_list(world):
    directive = send(
        world, world.street1_office, audience=Audience.TERRITORY, territory=world.grid1
    )
    assert directive.recipient_count == 1
    chosen = send(
        world,
        world.committee,
        audience=Audience.LIST,
        enterprise_ids=[world.enterprise_b.pk],
    )
    assert chosen.recipient_count == 1


def test_bad_input_changes_nothing(world):
    with pytest.raises(Invalid) as caught:
        send(world, title="", body="", deadline="2000-01-01")
    assert {"/title", "/body", "/deadline"} <= set(caught.value.message_dict)
    assert Directive.objects.count() == 0


def test_receipt_and_reply_by_the_manager_only(world):
    directive = send(world)
    copy_a = directive.recipients.get(enterprise=world.enterprise_a)
    for user in (world.manager_b, world.staff_a, world.committee):
        with pytest.raises(Refused):
            directive_open(actor=user, recipient=copy_a)
        with pytest.raises(Refused):
            directive_reply(actor=user, recipient=copy_a, reply="已完成")
    directive_open(actor=world.manager_a, recipient=copy_a)
    copy_a.refresh_from_db()
    assert copy_a.read_at is not None and copy_a.read_by == world.manager_a
    with pytest.raises(Invalid):
        directive_reply(actor=world.manager_a, recipient=copy_a, reply=" ")
    directive_reply(actor=world.manager_a, recipient=copy_a, reply="已完成辨识")
    copy_a.refresh_from_db()
    assert copy_a.reply == "已完成辨识" and copy_a.replied_at is not None


def test_reminders_are_daily_capped_and_idempotent(world):
    with freeze_time("2026-05-01 09:00:00"):
        directive = send(world, deadline=datetime.date(2026, 6, 30))
        assert directives_remind() == {"recipients": 0, "notifications": 0}  # same day
    before = Notification.objects.count()
    with freeze_time("2026-05-02 09:00:00"):
        first = directives_remind()
        assert first == {"recipients": 2, "notifications": 2}
        assert directives_remind() == {"recipients": 0, "notifications": 0}
        copy_a = directive.recipients.get(enterprise=world.enterprise_a)
        directive_reply(actor=world.manager_a, recipient=copy_a, reply="已完成")
    with freeze_time("2026-05-03 09:00:00"):
        assert directives_remind() == {"recipients": 1, "notifications": 1}  # B only
    for day in (4, 5, 6, 7):
        with freeze_time(f"2026-05-0{day} 09:00:00"):
            directives_remind()
    copy_b = DirectiveRecipient.objects.get(
        directive=directive, enterprise=world.enterprise_b
    )
    assert copy_b.reminders == MAX_REMINDERS
    assert Notification.objects.count() - before == 1 + MAX_REMINDERS


def test_no_reminder_after_the_deadline(world):
    with freeze_time("2026-05-01 09:00:00"):
        send(world, deadline=datetime.date(2026, 5, 2))
    with freeze_time("2026-05-03 09:00:00"):
        assert directives_remind()["recipients"] == 0


def test_sender_sees_counts_and_foreign_office_does_not(world, client):
    directive = send(world, world.dept_chemicals)
    copy_a = directive.recipients.get()
    directive_open(actor=world.manager_a, recipient=copy_a)
    client.force_login(world.dept_chemicals)
    page = client.get(f"/admin/campaigns/directives/{directive.pk}/")
    assert page.status_code == 200
    assert "1 read" in page.content.decode() or "已读 1" in page.content.decode()
    for user in (world.dept_construction, world.street1_office):
        client.force_login(user)
        assert (
            client.get(f"/admin/campaigns/directives/{directive.pk}/").status_code
            == 404
        )
    client.force_login(world.committee)
    assert client.get(f"/admin/campaigns/directives/{directive.pk}/").status_code == 200


def test_send_through_the_admin_form(world, client):
    client.force_login(world.dept_chemicals)
    assert client.get("/admin/campaigns/directives/new/").status_code == 200
    response = client.post(
        "/admin/campaigns/directives/new/",
        {
            "title": "督办通知",
            "body": "请整改。",
            "audience": "list",
            "enterprise_1": str(world.enterprise_b.pk),
        },
    )
    assert response.status_code == 400  # B is not the department's
    assert Directive.objects.count() == 0
    response = client.post(
        "/admin/campaigns/directives/new/",
        {"title": "督办通知", "body": "请整改。", "audience": "all"},
    )
    assert response.status_code == 302
    assert Directive.objects.get().recipient_count == 1


def test_portal_inbox_read_receipt_and_reply(world, client):
    directive = send(world)
    client.force_login(world.manager_b)
    assert client.get("/portal/campaigns/").status_code == 200
    page = client.get(f"/portal/campaigns/directives/{directive.pk}/")
    assert page.status_code == 200
    copy_b = directive.recipients.get(enterprise=world.enterprise_b)
    assert copy_b.read_at is not None
    response = client.post(
        f"/portal/campaigns/directives/{directive.pk}/", {"reply": "已部署"}
    )
    assert response.status_code == 302
    copy_b.refresh_from_db()
    assert copy_b.reply == "已部署"
    assert (
        client.post(
            f"/portal/campaigns/directives/{directive.pk}/", {"reply": ""}
        ).status_code
        == 400
    )
    # Staff read, without a receipt; another enterprise's directive is a 404.
    client.force_login(world.staff_a)
    assert (
        client.get(f"/portal/campaigns/directives/{directive.pk}/").status_code == 200
    )
    assert directive.recipients.get(enterprise=world.enterprise_a).read_at is None
    only_b = send(world, audience=Audience.LIST, enterprise_ids=[world.enterprise_b.pk])
    client.force_login(world.manager_a)
    assert client.get(f"/portal/campaigns/directives/{only_b.pk}/").status_code == 404
    assert "已部署" not in client.get("/portal/campaigns/").content.decode()


def test_sample_is_reproducible():
    population = list(range(1, 101))
    first = draw_sample(population, 10, seed=20260501)
    assert first == draw_sample(reversed(population), 10, seed=20260501)
    assert first != draw_sample(population, 10, seed=20260502)
    assert len(first) == 10 and set(first) <= set(population)
    assert draw_sample([3, 1], 10, seed=1) == [1, 3]


def test_spot_checks_on_the_stored_sample(world):
    for index in range(8):
        EnterpriseFactory(name=f"丁{index}", jurisdiction=world.grid1)
    with pytest.raises(Refused):
        spot_sample_draw(actor=world.dept_chemicals, size=3)
    sample = spot_sample_draw(actor=world.committee, size=3, seed=42)
    again = spot_sample_draw(actor=world.committee, size=3, seed=42)
    assert sample.enterprise_ids == again.enterprise_ids and sample.size == 3
    sampled = world.enterprise_a.__class__.objects.get(pk=sample.enterprise_ids[0])
    check = acceptance_record(
        actor=world.committee,
        enterprise=sampled,
        kind=CheckKind.SPOT,
        sample=sample,
        passed=False,
        score="55",
        checked_on=timezone.localdate(),
        remarks="风险清单不全",
    )
    assert check.kind == CheckKind.SPOT and check.score == 55
    outside = world.enterprise_a.__class__.objects.exclude(
        pk__in=sample.enterprise_ids
    ).first()
    with pytest.raises(Refused):
        acceptance_record(
            actor=world.committee,
            enterprise=outside,
            kind=CheckKind.SPOT,
            sample=sample,
            passed=True,
            checked_on=timezone.localdate(),
        )


def test_acceptance_check_in_scope_only(world, client):
    with pytest.raises(Refused):
        acceptance_record(
            actor=world.dept_chemicals,
            enterprise=world.enterprise_b,
            passed=True,
            checked_on=timezone.localdate(),
        )
    with pytest.raises(Invalid):
        acceptance_record(
            actor=world.dept_chemicals,
            enterprise=world.enterprise_a,
            passed=True,
            score="300",
            checked_on=timezone.localdate() + datetime.timedelta(days=2),
        )
    assert AcceptanceCheck.objects.count() == 0
    client.force_login(world.dept_chemicals)
    response = client.post(
        "/admin/campaigns/checks/new/",
        {
            "enterprise": str(world.enterprise_a.pk),
            "checked_on": str(timezone.localdate()),
            "passed": "1",
            "score": "92",
            "remarks": "验收通过",
        },
    )
    assert response.status_code == 302
    check = AcceptanceCheck.objects.get()
    assert check.passed and check.department.name == "应急管理局"
    client.force_login(world.dept_construction)
    assert "验收通过" not in client.get("/admin/campaigns/checks/").content.decode()
    client.force_login(world.manager_a)
    assert "验收通过" in client.get("/portal/campaigns/").content.decode()
    client.force_login(world.manager_b)
    assert "验收通过" not in client.get("/portal/campaigns/").content.decode()


def test_acceptance_on_a_low_code_checklist(world, published, client):  # noqa: F811
    definition, version = published
    with pytest.raises(Invalid):
        acceptance_record(
            actor=world.dept_chemicals,
            enterprise=world.enterprise_a,
            passed=None,
            checked_on=timezone.localdate(),
            version=version,
            answers={"length": "not a number"},
        )
    check = acceptance_record(
        actor=world.dept_chemicals,
        enterprise=world.enterprise_a,
        passed=None,
        checked_on=timezone.localdate(),
        version=version,
        answers=VALID_ANSWER,
    )
    assert check.definition == definition and check.version_number == version.number
    assert check.answers["exit_problem"] == "堆放杂物"
    assert check.passed is not None  # from the checklist's own scoring
    client.force_login(world.dept_chemicals)
    page = client.get(f"/admin/campaigns/checks/new/?checklist={definition.pk}")
    assert page.status_code == 200
    assert version.ui_schema["questions"]["exits"]["label"] in page.content.decode()
    client.force_login(world.dept_construction)
    assert (
        client.get(
            f"/admin/campaigns/checks/new/?checklist={definition.pk}"
        ).status_code
        == 404
    )


def test_spot_check_screen_flow(world, client, django_assert_max_num_queries):
    """The committee office draws a sample from the admin, lands on the list
    of sampled enterprises with their check status, records a spot check for
    one of them and is back on the list, that enterprise now checked."""
    client.force_login(world.committee)
    drawn = client.post(
        "/admin/campaigns/checks/sample/", {"size": "2", "seed": "7", "campaign": ""}
    )
    sample = SpotCheckSample.objects.get()
    page_url = f"/admin/campaigns/checks/samples/{sample.pk}/"
    assert drawn.status_code == 302 and drawn.url == page_url
    client.get(page_url)
    with django_assert_max_num_queries(20):
        page = client.get(page_url)
    text = page.content.decode()
    assert page.status_code == 200
    assert text.count('data-checked="0"') == 2
    assert "甲化工有限公司" in text and "乙建筑有限公司" in text
    record = (
        f"/admin/campaigns/checks/new/?sample={sample.pk}"
        f"&amp;enterprise={world.enterprise_b.pk}"
    )
    assert record in text
    form = client.get(record.replace("&amp;", "&"))
    body = form.content.decode()
    assert form.status_code == 200
    assert 'data-testid="spot-target"' in body and "乙建筑有限公司" in body
    assert f'name="sample" value="{sample.pk}"' in body  # kept by the checklist choice
    assert 'name="enterprise"' in body  # hidden there, not a chooser
    done = client.post(
        record.replace("&amp;", "&"),
        {"checked_on": str(timezone.localdate()), "passed": "0", "remarks": "台账缺失"},
    )
    assert done.status_code == 302 and done.url == page_url
    check = AcceptanceCheck.objects.get()
    assert (check.kind, check.sample, check.enterprise) == (
        CheckKind.SPOT,
        sample,
        world.enterprise_b,
    )
    text = client.get(page_url).content.decode()
    assert text.count('data-checked="1"') == 1 and "台账缺失" in text
    listing = client.get("/admin/campaigns/checks/").content.decode()
    assert f'href="{page_url}"' in listing and "1/2" in listing


def test_spot_check_pages_refuse_others(world, client):
    sample = spot_sample_draw(actor=world.committee, size=1, seed=3)
    outside = EnterpriseFactory(name="丙企业", jurisdiction=world.street2)
    page_url = f"/admin/campaigns/checks/samples/{sample.pk}/"
    record = (
        f"/admin/campaigns/checks/new/?sample={sample.pk}"
        f"&enterprise={sample.enterprise_ids[0]}"
    )
    for role in ("dept_chemicals", "street1_office"):
        client.force_login(getattr(world, role))
        # Wagtail answers a refusal with a redirect to the admin home.
        assert_permission_denied(client.get(page_url))
        assert_permission_denied(client.get(record))
        assert_permission_denied(client.post(record, {"checked_on": "2026-01-01"}))
    for role in ("manager_a", "outsider"):
        client.force_login(getattr(world, role))
        assert client.get(page_url).status_code in (302, 403), role
    client.force_login(world.committee)
    assert client.get("/admin/campaigns/checks/samples/999999/").status_code == 404
    not_sampled = next(
        pk
        for pk in (world.enterprise_a.pk, world.enterprise_b.pk, outside.pk)
        if pk not in sample.enterprise_ids
    )
    assert (
        client.get(
            f"/admin/campaigns/checks/new/?sample={sample.pk}&enterprise={not_sampled}"
        ).status_code
        == 404
    )
    assert (
        client.get("/admin/campaigns/checks/new/?sample=x&enterprise=1").status_code
        == 404
    )
    assert AcceptanceCheck.objects.count() == 0
