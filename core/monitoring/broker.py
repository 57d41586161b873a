"""Per-device authentication at the MQTT broker (Mosquitto).

Each device logs in to the broker with its own credentials — user name
``sgd_<key prefix>``, password its whole device key — and an ACL lets it
publish only to the topics of its own sensors. Mosquitto reads both from
files: ``write_auth_files`` writes them from the devices (a revoked device is
left out, so its key is refused), atomically, and signals the broker to
reload them (SIGHUP). The services call ``refresh_broker_auth`` after a
device is registered, its key rotated or revoked, or a sensor set up, when
``SAFEGRID_MQTT_PASSWORD_FILE`` and ``SAFEGRID_MQTT_ACL_FILE`` are set
(``manage.py monitoring_broker_auth`` writes them on demand).

Only a hash of the key is stored, so the broker's hash (Mosquitto's
PBKDF2-SHA512 ``$7$`` format, as ``mosquitto_passwd`` writes it) is computed
when the key is issued and kept on the device (``Device.mqtt_hash``).

``start_mosquitto`` runs a dedicated broker from a configuration text on a
free port (the benchmark and the tests).
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

#: What mosquitto_passwd 2.0 uses.
ITERATIONS = 101
SALT_BYTES = 12


def mosquitto_hash(password: str, *, salt: bytes | None = None) -> str:
    """A password line's hash in Mosquitto's PBKDF2-SHA512 format
    (``$7$<iterations>$<salt>$<hash>``, base64)."""
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, ITERATIONS)
    return f"$7${ITERATIONS}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def username_for(key_prefix: str) -> str:
    return f"sgd_{key_prefix}"


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(tmp, 0o640)
    if path.exists() and os.geteuid() == 0:
        # Keep the owner the broker reads the file as.
        before = path.stat()
        os.chown(tmp, before.st_uid, before.st_gid)
    os.replace(tmp, path)


@dataclass(frozen=True)
class AuthFiles:
    devices: int
    topics: int


def auth_texts(
    *, prefix: str, subscriber: tuple[str, str] | None = None
) -> tuple[str, str, AuthFiles]:
    """The password file's and the ACL file's text from the devices.

    ``subscriber``: the ingestion process's (user name, password hash), which
    may read every sensor topic.
    """
    from core.monitoring.models import Device, SensorPoint

    passwords: list[str] = []
    acl: list[str] = ["# Written by SafeGrid (manage.py monitoring_broker_auth)."]
    if subscriber:
        passwords.append(f"{subscriber[0]}:{subscriber[1]}")
        acl += ["", f"user {subscriber[0]}", f"topic read {prefix}/#"]
    topics: dict[int, list[str]] = {}
    for device_id, enterprise_id, sensor_id in (
        SensorPoint.objects.filter(device__isnull=False, active=True)
        .order_by("device_id", "pk")
        .values_list("device_id", "enterprise_id", "pk")
        .iterator(chunk_size=2000)
    ):
        topics.setdefault(device_id, []).append(f"{prefix}/{enterprise_id}/{sensor_id}")
    devices = 0
    for device_id, key_prefix, digest in (
        Device.objects.filter(revoked_at__isnull=True)
        .exclude(mqtt_hash="")
        .order_by("pk")
        .values_list("pk", "key_prefix", "mqtt_hash")
        .iterator(chunk_size=2000)
    ):
        user = username_for(key_prefix)
        passwords.append(f"{user}:{digest}")
        acl += ["", f"user {user}"]
        acl += [f"topic write {topic}" for topic in topics.get(device_id, [])]
        devices += 1
    count = AuthFiles(devices=devices, topics=sum(len(t) for t in topics.values()))
    return "\n".join(passwords) + "\n", "\n".join(acl) + "\n", count


def write_auth_files(
    *,
    password_file: str | Path,
    acl_file: str | Path,
    prefix: str | None = None,
    subscriber: tuple[str, str] | None = None,
    pid_file: str | Path | None = None,
) -> AuthFiles:
    """Write both files (atomically) and, given the broker's pid file,
    make it reload them (SIGHUP)."""
    from core.monitoring.mqtt import mqtt_settings

    passwords, acl, count = auth_texts(
        prefix=prefix or mqtt_settings()["prefix"], subscriber=subscriber
    )
    _write_atomic(Path(password_file), passwords)
    _write_atomic(Path(acl_file), acl)
    if pid_file:
        reload_broker(pid_file)
    return count


def reload_broker(pid_file: str | Path) -> bool:
    try:
        pid = int(Path(pid_file).read_text().strip() or 0)
    except (OSError, ValueError):
        return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, signal.SIGHUP)
    except OSError:
        return False
    return True


def configured_subscriber() -> tuple[str, str] | None:
    """The ingestion process's broker credentials as (user, hash)."""
    user = getattr(settings, "SAFEGRID_MQTT_USERNAME", None)
    password = getattr(settings, "SAFEGRID_MQTT_PASSWORD", None)
    if not user or not password:
        return None
    return user, mosquitto_hash(password)


def refresh_broker_auth() -> AuthFiles | None:
    """Rewrite the broker's files when they are configured (after commit)."""
    password_file = getattr(settings, "SAFEGRID_MQTT_PASSWORD_FILE", "")
    acl_file = getattr(settings, "SAFEGRID_MQTT_ACL_FILE", "")
    if not password_file or not acl_file:
        return None
    # One rewrite at a time (an exclusive lock on a file beside the password
    # file): two changes committed together each read the devices and write
    # the files in turn, so the last write holds the newest snapshot.
    import fcntl

    with open(f"{password_file}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return write_auth_files(
                password_file=password_file,
                acl_file=acl_file,
                subscriber=configured_subscriber(),
                pid_file=getattr(settings, "SAFEGRID_MQTT_BROKER_PID_FILE", "") or None,
            )
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# -- a dedicated broker -----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass
class Broker:
    port: int
    directory: Path
    process: subprocess.Popen

    @property
    def pid_file(self) -> Path:
        return self.directory / "mosquitto.pid"

    def reload(self) -> None:
        self.process.send_signal(signal.SIGHUP)


def mosquitto_binary() -> str | None:
    return shutil.which("mosquitto") or (
        "/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None
    )


def _hand_over(directory: Path) -> None:
    """Started as root, Mosquitto becomes the ``mosquitto`` user: give it the
    directory (its pid file, its password and ACL files)."""
    if os.geteuid() != 0:
        return
    import pwd

    try:
        account = pwd.getpwnam("mosquitto")
    except KeyError:
        return
    for path in (directory, *directory.iterdir()):
        os.chown(path, account.pw_uid, account.pw_gid)


@contextmanager
def start_mosquitto(
    config: str = "",
    *,
    port: int | None = None,
    files: dict[str, str] | None = None,
) -> Iterator[Broker]:
    """Run a Mosquitto of its own on a free loopback port with ``config``
    added to a listener line; stopped (SIGTERM) on exit. ``{dir}`` in
    ``config`` is the broker's own temporary directory, where ``files``
    (name: text) are written before it starts."""
    binary = mosquitto_binary()
    if binary is None:
        raise RuntimeError("mosquitto is not installed")
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="sg-mosquitto-") as tmp:
        directory = Path(tmp)
        for name, text in (files or {}).items():
            (directory / name).write_text(text)
        conf = directory / "mosquitto.conf"
        conf.write_text(
            f"listener {port} 127.0.0.1\n"
            f"pid_file {directory / 'mosquitto.pid'}\n"
            "persistence false\n"
            "log_dest none\n" + config.replace("{dir}", str(directory)) + "\n"
        )
        _hand_over(directory)
        # A fixed binary and a configuration file written just above.
        process = subprocess.Popen(  # noqa: S603
            [binary, "-c", str(conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while not port_open(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"mosquitto did not start on port {port}")
                time.sleep(0.05)
            yield Broker(port=port, directory=directory, process=process)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


__all__ = [
    "AuthFiles",
    "Broker",
    "auth_texts",
    "configured_subscriber",
    "free_port",
    "mosquitto_hash",
    "refresh_broker_auth",
    "reload_broker",
    "start_mosquitto",
    "username_for",
    "write_auth_files",
]
