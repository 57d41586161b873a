"""Per-device authentication at a real Mosquitto started by the test (its
own configuration on a free port, no anonymous clients): the files written
from the devices let a device publish to its own sensors' topics only, and
a revoked or rotated-away key is refused at the broker."""

from __future__ import annotations

import json
import os
import time
import uuid

import pytest

from core.monitoring.broker import (
    auth_texts,
    mosquitto_binary,
    mosquitto_hash,
    start_mosquitto,
    username_for,
    write_auth_files,
)
from core.monitoring.models import Reading
from core.monitoring.mqtt import Subscriber, topic_for
from core.monitoring.services import (
    device_create,
    device_revoke,
    device_rotate_key,
    sensor_create,
)
from core.risks.models import RiskPoint

pytestmark = pytest.mark.django_db
INGEST_USER, INGEST_PASSWORD = "safegrid-ingest", "ingest-secret-for-tests"


@pytest.fixture
def broker():
    if mosquitto_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("mosquitto is not installed in CI")
        pytest.skip("mosquitto is not installed")
    config = (
        "allow_anonymous false\npassword_file {dir}/passwords\nacl_file {dir}/acl\n"
    )
    # The broker reads both files at start: they exist, empty, until synced.
    with start_mosquitto(config, files={"passwords": "", "acl": ""}) as started:
        yield started


def sync(broker) -> None:
    write_auth_files(
        password_file=os.path.join(broker.directory, "passwords"),
        acl_file=os.path.join(broker.directory, "acl"),
        subscriber=(INGEST_USER, mosquitto_hash(INGEST_PASSWORD)),
    )
    broker.reload()
    time.sleep(0.5)  # the broker reloads on the signal, asynchronously


def device_client(broker, key: str):
    """A device's connection: ``(client, refused reason or None)``."""
    import paho.mqtt.client as mqtt

    prefix = key.split("_")[1]
    client = mqtt.Client(
        mqtt.CallbackAPIVersion.VERSION2, client_id=f"dev-{uuid.uuid4().hex[:8]}"
    )
    client.username_pw_set(username_for(prefix), key)
    outcome: dict = {}
    client.on_connect = lambda c, u, f, rc, p: outcome.setdefault("rc", rc)
    client.connect("127.0.0.1", broker.port)
    deadline = time.monotonic() + 5
    while "rc" not in outcome and time.monotonic() < deadline:
        client.loop(timeout=0.1)
    return client, outcome.get("rc")


def publish(client, topic: str, payload: str) -> None:
    info = client.publish(topic, payload, qos=1)
    deadline = time.monotonic() + 5
    while not info.is_published() and time.monotonic() < deadline:
        client.loop(timeout=0.05)


@pytest.fixture
def two(mon):
    """Enterprise B's sensor on its own device, next to A's."""
    w = mon.world
    point = RiskPoint.objects.create(
        enterprise=w.enterprise_b, name="塔吊", kind="equipment"
    )
    issued = device_create(
        actor=w.manager_b, enterprise=w.enterprise_b, name="塔吊监测"
    )
    sensor_b = sensor_create(
        actor=w.manager_b,
        risk_point=point,
        device=issued.device,
        data={"name": "风速", "parameter": "风速", "unit": "m/s", "high": 10.8},
    )
    return sensor_b


def test_the_files_name_each_device_and_only_its_topics(mon, two):
    passwords, acl, count = auth_texts(prefix="safegrid")
    user = username_for(mon.device.key_prefix)
    assert passwords.count("\n") == count.devices == 2
    assert f"{user}:$7$101$" in passwords
    block = acl.split(f"user {user}\n", 1)[1].split("\n\n", 1)[0]
    assert block.splitlines() == [f"topic write {topic_for(mon.sensor, 'safegrid')}"]
    assert str(two.pk) not in block


def test_a_device_publishes_to_its_own_topic_only(mon, two, broker):
    sync(broker)
    sub = Subscriber(
        client_id=f"sg-auth-{uuid.uuid4().hex[:8]}",
        port=broker.port,
        username=INGEST_USER,
        password=INGEST_PASSWORD,
    )
    sub.run(stop=lambda: sub.subscribed, timeout=10)
    assert sub.subscribed
    client, refused = device_client(broker, mon.key)
    assert refused is not None and not refused.is_failure
    # Enterprise B's sensor on B's topic: the broker drops it (ACL); then
    # A's own reading, which arrives.
    publish(client, topic_for(two), json.dumps({"ts": mon.at(1), "value": 30}))
    publish(client, topic_for(mon.sensor), json.dumps({"ts": mon.at(2), "value": 50}))
    sub.run(stop=lambda: sub.messages >= 1, timeout=10)
    sub.run(timeout=0.5)
    client.disconnect()
    sub.disconnect()
    assert list(Reading.objects.values_list("sensor_id", "value")) == [
        (mon.sensor.pk, 50.0)
    ]
    assert sub.messages == 1  # the foreign one never reached the subscriber


def test_a_wrong_revoked_or_rotated_key_is_refused_at_the_broker(mon, broker):
    sync(broker)
    _client, rc = device_client(broker, mon.key)
    assert rc is not None and not rc.is_failure
    _client.disconnect()
    _client, rc = device_client(broker, mon.key[:-2] + "xx")
    assert rc is not None and rc.is_failure
    new = device_rotate_key(actor=mon.world.manager_a, device=mon.device)
    sync(broker)
    _client, rc = device_client(broker, mon.key)  # the old key
    assert rc is not None and rc.is_failure
    _client, rc = device_client(broker, new.key)
    assert rc is not None and not rc.is_failure
    _client.disconnect()
    device_revoke(actor=mon.world.manager_a, device=new.device)
    sync(broker)
    _client, rc = device_client(broker, new.key)
    assert rc is not None and rc.is_failure


def test_the_services_rewrite_the_files_after_commit(
    mon, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.SAFEGRID_MQTT_PASSWORD_FILE = str(tmp_path / "passwords")
    settings.SAFEGRID_MQTT_ACL_FILE = str(tmp_path / "acl")
    user = username_for(mon.device.key_prefix)
    with django_capture_on_commit_callbacks(execute=True):
        device_revoke(actor=mon.world.manager_a, device=mon.device)
    assert user not in (tmp_path / "passwords").read_text()
    with django_capture_on_commit_callbacks(execute=True):
        issued = device_rotate_key(actor=mon.world.manager_a, device=mon.device)
    text = (tmp_path / "passwords").read_text()
    assert username_for(issued.device.key_prefix) in text and user not in text
    assert topic_for(mon.sensor) in (tmp_path / "acl").read_text()
