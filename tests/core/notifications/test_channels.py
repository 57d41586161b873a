"""Plugin notification channels (SMS, e-mail…): every stored notification is
handed to each enabled channel in a background job after commit, in the
recipient's language; a failing channel is retried and recorded, and never
costs the in-app notification."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils.translation import gettext_noop

from core.jobs.models import JobRun
from core.jobs.worker import run_pending
from core.notifications.models import Notification
from core.notifications.services import notify
from plugins import hookimpl
from plugins.checks import pack_errors
from plugins.contributions import I18nText, NotificationChannel
from plugins.manager import build_plugin_manager, set_plugin_manager

pytestmark = pytest.mark.django_db(transaction=True)

SENT: list[tuple[str, str]] = []


def record(notification) -> None:
    """A channel's ``deliver``: what an SMS gateway would send."""
    SENT.append((notification.recipient.get_username(), notification.text))


def refuse(notification) -> None:
    raise ConnectionError("gateway down")


class SmsPlugin:
    def __init__(self, deliver: str, key: str = "sms"):
        self.deliver = deliver
        self.key = key

    @hookimpl
    def safegrid_notification_channels(self):
        return [
            NotificationChannel(
                key=self.key, name=I18nText("短信", "SMS"), deliver=self.deliver
            )
        ]


@pytest.fixture(autouse=True)
def _sent():
    SENT.clear()
    yield
    SENT.clear()


def _enable(*plugins):
    manager = build_plugin_manager(
        [], extra_plugins=[(f"p{n}", plugin) for n, plugin in enumerate(plugins)]
    )
    set_plugin_manager(manager)
    return manager


def test_a_notification_is_delivered_after_commit_in_the_readers_language(world):
    _enable(SmsPlugin(f"{__name__}.record"))
    with transaction.atomic():
        notify(
            world.manager_a,
            gettext_noop("A hazard was assigned to you: %(text)s"),
            params={"text": "配电箱门未关"},
        )
        assert run_pending() == 0  # nothing before the commit
    assert run_pending() == 1
    assert SENT == [("manager-a", "有一条隐患交由您整改：配电箱门未关")]


def test_a_rolled_back_notification_is_never_delivered(world):
    _enable(SmsPlugin(f"{__name__}.record"))
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(world.manager_a, "测试")
        raise RuntimeError("the write fails")
    run_pending()
    assert SENT == [] and not Notification.objects.exists()


def test_a_failing_channel_is_retried_then_recorded_and_the_bell_keeps_it(world):
    _enable(SmsPlugin(f"{__name__}.refuse"))
    notify(world.manager_a, "测试")
    run_pending()
    assert Notification.objects.filter(recipient=world.manager_a).count() == 1
    runs = JobRun.objects.filter(task_path__endswith="deliver_notification")
    assert runs.exists()
    assert "gateway down" in (runs.order_by("-pk").first().error or "")


def test_without_channels_nothing_is_enqueued(world):
    _enable()
    notify(world.manager_a, "测试")
    assert run_pending() == 0


def test_a_channel_key_given_twice_stops_start_up():
    manager = _enable(SmsPlugin(f"{__name__}.record"), SmsPlugin(f"{__name__}.refuse"))
    assert [e.id for e in pack_errors(manager)] == ["safegrid.E030"]
    bad = build_plugin_manager(
        [], extra_plugins=[("bad", SmsPlugin("nodots", "S M S"))]
    )
    assert {e.id for e in pack_errors(bad)} == {"safegrid.E030"}


def test_channels_are_collected_once_per_set_of_plugins(world):
    calls = []

    class Counting(SmsPlugin):
        @hookimpl
        def safegrid_notification_channels(self):
            calls.append(1)
            return super().safegrid_notification_channels()

    manager = _enable(Counting(f"{__name__}.record"))
    for _ in range(3):
        notify(world.manager_a, "测试")
    assert len(calls) == 1
    # A plugin registered later is seen at the next notification.
    manager.pm.register(SmsPlugin(f"{__name__}.record", key="mail"), name="late")
    notify(world.manager_a, "测试")
    assert len(calls) == 2
    assert run_pending() == 5  # three by SMS, then one by SMS and one by mail
