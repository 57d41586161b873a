"""The catalogue check CI runs: incomplete or out-of-date catalogues fail."""

import shutil
from pathlib import Path

import polib
import pytest

from core import i18n


def write_po(path: Path, entries: list[polib.POEntry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.extend(entries)
    po.save(str(path))


def test_untranslated_and_fuzzy_entries_are_reported(tmp_path):
    po_path = tmp_path / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    write_po(
        po_path,
        [
            polib.POEntry(msgid="Enterprise", msgstr="企业"),
            polib.POEntry(msgid="Grid", msgstr=""),
            polib.POEntry(msgid="Street", msgstr="街道", flags=["fuzzy"]),
            polib.POEntry(
                msgid="%(n)d hazard",
                msgid_plural="%(n)d hazards",
                msgstr_plural={0: ""},
            ),
            polib.POEntry(msgid="Gone", msgstr="", obsolete=True),
        ],
    )
    problems = i18n.untranslated_problems(tmp_path / "locale")
    assert len(problems) == 3
    assert any("untranslated: 'Grid'" in p for p in problems)
    assert any("fuzzy: 'Street'" in p for p in problems)
    assert any("'%(n)d hazard'" in p for p in problems)


def test_a_complete_catalogue_passes(tmp_path):
    po_path = tmp_path / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    write_po(po_path, [polib.POEntry(msgid="Enterprise", msgstr="企业")])
    assert i18n.untranslated_problems(tmp_path / "locale") == []


def test_a_missing_catalogue_is_reported(tmp_path):
    (problem,) = i18n.untranslated_problems(tmp_path / "locale")
    assert "django.po is missing" in problem


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext")
def test_new_source_strings_are_reported_without_touching_the_catalogue(tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(i18n.REPO_DIR, copy, ignore=i18n.COPY_IGNORE)
    shutil.rmtree(copy / "locale", ignore_errors=True)  # git keeps no empty dirs
    (copy / "locale" / "zh_Hans" / "LC_MESSAGES").mkdir(parents=True)
    (copy / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    i18n.update_catalogues(copy)
    catalogue = copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    assert catalogue.exists()
    assert i18n.missing_msgids(copy) == []

    before = catalogue.read_bytes()
    (copy / "core" / "i18n_probe.py").write_text(
        "from django.utils.translation import gettext_lazy as _\n"
        "PROBE = _('A probe string nobody translated')\n"
    )
    probe = "not in the catalogue: 'A probe string nobody translated'"
    assert sorted(i18n.missing_msgids(copy)) == [
        f"locale/en/LC_MESSAGES/django.po: {probe}",
        f"locale/zh_Hans/LC_MESSAGES/django.po: {probe}",
    ]
    assert catalogue.read_bytes() == before


def test_every_pack_of_the_repository_has_its_own_catalogues():
    packs = {path.name for path in i18n.pack_dirs()}
    assert packs == {
        "safegrid_chemicals",
        "safegrid_construction",
        "safegrid_road_transport",
        "safegrid_gas",
        "safegrid_example",
    }
    assert i18n.locale_dirs()[0] == i18n.LOCALE_DIR
    for locale_dir in i18n.locale_dirs():
        assert i18n.untranslated_problems(locale_dir) == [], locale_dir


def test_a_packs_strings_are_not_in_the_platforms_catalogue():
    def msgids(locale_dir: Path) -> set[str]:
        po = locale_dir / "zh_Hans" / "LC_MESSAGES" / "django.po"
        return {e.msgid for e in polib.pofile(str(po)) if not e.obsolete}

    platform = msgids(i18n.LOCALE_DIR)
    for pack_dir in i18n.pack_dirs():
        assert msgids(pack_dir / "locale") & platform == set(), pack_dir.name


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext")
def test_a_new_pack_string_belongs_to_the_packs_catalogue(tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(i18n.REPO_DIR, copy, ignore=i18n.COPY_IGNORE)
    (copy / "industry_packs/gas/safegrid_gas/i18n_probe.py").write_text(
        "from django.utils.translation import gettext_lazy as _\n"
        "PROBE = _('A pack probe nobody translated')\n"
    )
    probe = "not in the catalogue: 'A pack probe nobody translated'"
    where = "industry_packs/gas/safegrid_gas/locale"
    assert sorted(i18n.missing_msgids(copy)) == [
        f"{where}/en/LC_MESSAGES/django.po: {probe}",
        f"{where}/zh_Hans/LC_MESSAGES/django.po: {probe}",
    ]
