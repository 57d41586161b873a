"""Fuzz the running API with schemathesis: no answer may be a server error.

Builds a throw-away demo district (SQLite in a temporary folder), serves it
with ``runserver`` on a free loopback port with DEBUG off, writes the OpenAPI
schema with ``manage.py spectacular`` and runs ``st run`` against the server
with the tokens of an enterprise's safety manager (``enterprise-1``) and of an
industry department (``dept-chemicals``), bounded in examples and time. Only
the ``not_a_server_error`` check fails the run: a 4xx for nonsense is the
point. Exits non-zero when any run found a 5xx (or could not run).

    .venv/bin/python scripts/api_fuzz.py [--max-examples 25] [--max-time 150]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MANAGE = [PYTHON, str(REPO / "site" / "manage.py")]
ST = str(Path(PYTHON).with_name("st"))
USERS = ("enterprise-1", "dept-chemicals")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [*MANAGE, *args], env=env, check=True, capture_output=True, text=True
    )
    return result.stdout


def wait_until_up(url: str, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our loopback server
            return
        except OSError as exc:
            if getattr(exc, "code", None):  # an HTTP answer: the server is up
                return
            time.sleep(0.5)
    raise SystemExit(f"the server at {url} did not come up")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=25)
    parser.add_argument("--max-time", type=int, default=150, help="seconds per user")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="safegrid-fuzz-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "safegrid_site.settings.dev",
        "DJANGO_DEBUG": "0",
        "SAFEGRID_VAR_DIR": str(folder),
        "DATABASE_URL": f"sqlite:///{folder / 'fuzz.sqlite3'}",
    }
    print("building the demo district …", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    tokens = {user: manage(env, "drf_create_token", user).split()[2] for user in USERS}
    schema = folder / "schema.json"
    manage(env, "spectacular", "--format", "openapi-json", "--file", str(schema))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - our own manage.py
        [*MANAGE, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(folder / "server.log", "w"),  # noqa: SIM115 - kept open while it runs
    )
    failed = False
    try:
        wait_until_up(f"{base}/api/v1/")
        for user, token in tokens.items():
            print(f"\n==> schemathesis as {user}", flush=True)
            run = subprocess.run(  # noqa: S603 - the installed schemathesis CLI
                [
                    ST,
                    "run",
                    str(schema),
                    "--url",
                    base,
                    "--header",
                    f"Authorization: Token {token}",
                    "--checks",
                    "not_a_server_error",
                    "--max-examples",
                    str(options.max_examples),
                    "--max-time",
                    str(options.max_time),
                    "--workers",
                    "1",
                    "--seed",
                    "20261206",
                    "--request-timeout",
                    "30",
                    "--no-color",
                    "--suppress-health-check",
                    "all",
                    "--generation-database",
                    "none",
                ],
                env=env,
                check=False,
            )
            failed |= run.returncode != 0
    finally:
        server.terminate()
        server.wait(timeout=30)
    errors = (folder / "server.log").read_text(errors="replace")
    if "Internal Server Error" in errors:
        print("\nthe server logged errors:\n" + errors[-5000:])
        failed = True
    print("\napi fuzzing:", "FAILED" if failed else "passed (no 5xx)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
