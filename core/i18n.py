"""Translation catalogues: ``compile`` (pure Python) and ``update`` (GNU gettext).

The platform's catalogues are ``locale/``; every pack kept in this repository
(``industry_packs/*/safegrid_*``, the example pack in ``tests/example_pack``)
is a Django app with its own ``locale/`` for the strings of its code, so a
pack's strings travel with the pack and leave the platform's catalogue (the
texts a pack contributes as data stay ``I18nText`` pairs). Strings of
``plugins.pack_support`` stay in the platform's catalogue: it is platform
code that every pack, a third party's too, calls.

``python -m core.i18n compile`` turns every ``.po`` of these catalogues into
its ``.mo`` with polib, so a fresh machine needs no gettext tools to run the
platform. ``python -m core.i18n update`` refreshes the ``.po`` files from the
source with Django's ``makemessages`` (needs ``xgettext``): the platform's
from the repository (packs left out), each pack's from its own directory.
``python -m core.i18n check`` fails when a Chinese catalogue is incomplete
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
    "industry_packs/*",  # each pack has its own catalogues
    "docs/*",
    "node_modules/*",
    "*/static/vendor/*",  # third-party scripts (ECharts, Leaflet) are not ours
)
# The packs of this repository, each a Django app with its own catalogues.
PACK_GLOBS = ("industry_packs/*/safegrid_*", "tests/example_pack/safegrid_*")


def pack_dirs(repo_dir: Path = REPO_DIR) -> list[Path]:
    """The app directories of the packs kept in the repository."""
    return sorted(
        path.parent
        for pattern in PACK_GLOBS
        for path in repo_dir.glob(f"{pattern}/apps.py")
    )


def locale_dirs(repo_dir: Path = REPO_DIR) -> list[Path]:
    """The platform's catalogue directory, then each pack's."""
    return [repo_dir / "locale", *(path / "locale" for path in pack_dirs(repo_dir))]


def compile_catalogues(repo_dir: Path = REPO_DIR) -> int:
    count = 0
    for locale_dir in locale_dirs(repo_dir):
        for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
            po = polib.pofile(str(po_path))
            # Written aside, then renamed: a test run reading the catalogues
            # while another run compiles them sees the old file or the new one.
            mo_path = po_path.with_suffix(".mo")
            partial = mo_path.with_name(f".{os.getpid()}.{mo_path.name}")
            po.save_as_mofile(str(partial))
            os.replace(partial, mo_path)
            count += 1
    return count


def update_catalogues(
    repo_dir: Path = REPO_DIR, settings_module: str = "safegrid_site.settings.test"
) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module}
    options = ["makemessages", "--no-obsolete", "--no-location", "--no-wrap"]
    for language in LANGUAGES:
        options += ["-l", language]
    args = [sys.executable, str(repo_dir / "site" / "manage.py"), *options]
    for pattern in IGNORE:
        args += ["--ignore", pattern]
    for domain in ("django", "djangojs"):
        subprocess.run([*args, "-d", domain], cwd=repo_dir, env=env, check=True)  # noqa: S603
    # A pack's run needs no settings: makemessages then writes into the
    # locale/ of the directory it runs in, the pack's own.
    pack_env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    for pack_dir in pack_dirs(repo_dir):
        (pack_dir / "locale").mkdir(exist_ok=True)
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "django", *options, "-d", "django"],
            cwd=pack_dir,
            env=pack_env,
            check=True,
        )


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
    """Entries of one directory's Chinese catalogues without a translation, or fuzzy."""
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
        for locale_dir in locale_dirs(copy):
            for fresh in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                relative = fresh.relative_to(copy)
                current = repo_dir / relative
                known = (
                    {_key(e) for e in _entries(current)} if current.exists() else set()
                )
                for entry in _entries(fresh):
                    if _key(entry) not in known:
                        problems.append(
                            f"{relative}: not in the catalogue: {entry.msgid!r}"
                        )
    return problems


def check_catalogues(repo_dir: Path = REPO_DIR) -> list[str]:
    untranslated = [
        problem
        for locale_dir in locale_dirs(repo_dir)
        for problem in untranslated_problems(locale_dir)
    ]
    return untranslated + missing_msgids(repo_dir)


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
