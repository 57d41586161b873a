"""Translation catalogues: ``compile`` (pure Python) and ``update`` (GNU gettext).

``python -m core.i18n compile`` turns every ``locale/*/LC_MESSAGES/*.po`` into
its ``.mo`` with polib, so a fresh machine needs no gettext tools to run the
platform. ``python -m core.i18n update`` refreshes the ``.po`` files from the
source with Django's ``makemessages`` (needs ``xgettext``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polib

REPO_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = REPO_DIR / "locale"
LANGUAGES = ("zh_Hans", "en")
IGNORE = (
    ".venv/*",
    "var/*",
    "tests/*",
    "industry_packs/*/tests/*",
    "docs/*",
    "node_modules/*",
)


def compile_catalogues() -> int:
    count = 0
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        count += 1
    return count


def update_catalogues() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "safegrid_site.settings.test"}
    args = [
        sys.executable,
        str(REPO_DIR / "site" / "manage.py"),
        "makemessages",
        "--no-obsolete",
        "--no-location",
    ]
    for language in LANGUAGES:
        args += ["-l", language]
    for pattern in IGNORE:
        args += ["--ignore", pattern]
    for domain in ("django", "djangojs"):
        subprocess.run([*args, "-d", domain], cwd=REPO_DIR, env=env, check=True)  # noqa: S603


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "compile":
        print(f"compiled {compile_catalogues()} catalogues")
    elif command == "update":
        update_catalogues()
        print(f"updated; compiled {compile_catalogues()} catalogues")
    else:
        raise SystemExit("usage: python -m core.i18n [compile|update]")
