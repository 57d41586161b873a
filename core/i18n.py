"""Translation catalogues: ``compile`` (pure Python) and ``update`` (GNU gettext).

``python -m core.i18n compile`` turns every ``locale/*/LC_MESSAGES/*.po`` into
its ``.mo`` with polib, so a fresh machine needs no gettext tools to run the
platform. ``python -m core.i18n update`` refreshes the ``.po`` files from the
source with Django's ``makemessages`` (needs ``xgettext``).
``python -m core.i18n check`` fails when the Chinese catalogue is incomplete
(an entry without a translation, or fuzzy) or out of date (``makemessages``,
run on a temporary copy of the source, would add msgids); CI runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
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


def update_catalogues(
    repo_dir: Path = REPO_DIR, settings_module: str = "safegrid_site.settings.test"
) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module}
    args = [
        sys.executable,
        str(repo_dir / "site" / "manage.py"),
        "makemessages",
        "--no-obsolete",
        "--no-location",
    ]
    for language in LANGUAGES:
        args += ["-l", language]
    for pattern in IGNORE:
        args += ["--ignore", pattern]
    for domain in ("django", "djangojs"):
        subprocess.run([*args, "-d", domain], cwd=repo_dir, env=env, check=True)  # noqa: S603


CHECKED_LANGUAGE = "zh_Hans"  # English is the source language: msgstr may be empty
# What the temporary copy for ``check`` leaves out (not scanned, or too big).
COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "var",
    "node_modules",
    "__pycache__",
    "*.egg-info",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    "test-artifacts",
    "build",
    "*.mo",
    "*.sqlite3",
)


def _entries(po_path: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(po_path)) if not e.obsolete]


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def untranslated_problems(locale_dir: Path = LOCALE_DIR) -> list[str]:
    """Entries of the Chinese catalogues without a translation, or fuzzy."""
    problems = []
    po_paths = sorted((locale_dir / CHECKED_LANGUAGE / "LC_MESSAGES").glob("*.po"))
    if not any(path.name == "django.po" for path in po_paths):
        return [
            f"{locale_dir / CHECKED_LANGUAGE / 'LC_MESSAGES' / 'django.po'} is "
            "missing; run `python -m core.i18n update` and translate it"
        ]
    for po_path in po_paths:
        where = po_path.relative_to(locale_dir.parent)
        for entry in _entries(po_path):
            if "fuzzy" in entry.flags:
                problems.append(f"{where}: fuzzy: {entry.msgid!r}")
            elif entry.msgid_plural:
                if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                    problems.append(f"{where}: untranslated: {entry.msgid!r}")
            elif not entry.msgstr:
                problems.append(f"{where}: untranslated: {entry.msgid!r}")
    return problems


def missing_msgids(repo_dir: Path = REPO_DIR) -> list[str]:
    """Msgids ``makemessages`` would add to the catalogues (they are out of date).

    ``makemessages`` writes into the catalogues it finds, so it runs on a
    temporary copy of the source with settings whose ``LOCALE_PATHS`` point
    into that copy; the real catalogues are never touched.
    """
    problems = []
    with tempfile.TemporaryDirectory(prefix="safegrid-i18n-") as tmp:
        copy = Path(tmp) / "src"
        shutil.copytree(repo_dir, copy, ignore=COPY_IGNORE)
        (copy / "_i18n_check_settings.py").write_text(
            "from pathlib import Path\n"
            "from safegrid_site.settings.test import *  # noqa: F403\n"
            "LOCALE_PATHS = [Path(__file__).resolve().parent / 'locale']\n"
        )
        update_catalogues(copy, settings_module="_i18n_check_settings")
        for fresh in sorted((copy / "locale").glob("*/LC_MESSAGES/*.po")):
            relative = fresh.relative_to(copy)
            current = repo_dir / relative
            known = {_key(e) for e in _entries(current)} if current.exists() else set()
            for entry in _entries(fresh):
                if _key(entry) not in known:
                    problems.append(
                        f"{relative}: not in the catalogue: {entry.msgid!r}"
                    )
    return problems


def check_catalogues() -> list[str]:
    return untranslated_problems() + missing_msgids()


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "compile":
        print(f"compiled {compile_catalogues()} catalogues")
    elif command == "update":
        update_catalogues()
        print(f"updated; compiled {compile_catalogues()} catalogues")
    elif command == "check":
        found = check_catalogues()
        for problem in found:
            print(problem)
        if found:
            raise SystemExit(
                f"{len(found)} translation problem(s): run `python -m core.i18n "
                "update`, translate the new or fuzzy entries, and commit locale/."
            )
        print("translation catalogues are complete and up to date")
    else:
        raise SystemExit("usage: python -m core.i18n [compile|update|check]")
