"""The enterprise handbook in English: labels from the catalogue, data as entered."""

from __future__ import annotations

from django.test import TestCase
from django.urls import reverse

from core.documents.models import GenerationStatus, HandbookVersion
from core.jobs.worker import run_pending
from tests.core.documents.conftest import pdf_fonts, pdf_text


def _pdf(version: HandbookVersion) -> bytes:
    with version.file.open("rb") as handle:
        return handle.read()


def test_the_manager_generates_the_handbook_in_english(client, handbook_world):
    world = handbook_world
    client.force_login(world.manager_a)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("documents:generate"), {"note": "annual", "language": "en"}
        )
    assert response.status_code == 302
    run_pending()
    version = HandbookVersion.objects.get(enterprise=world.enterprise_a)
    assert (version.status, version.language) == (GenerationStatus.READY, "en")
    pdf = _pdf(version)
    text = pdf_text(pdf)
    for label in ("Risk control handbook", "Enterprise profile", "Revision history"):
        assert label in text, label
    assert "风险管控手册" not in text and "企业信息" not in text
    # The data stays as entered.
    assert "甲化工有限公司" in text and "1号反应釜" in text
    assert all(font["embedded"] == "yes" for font in pdf_fonts(pdf))
    page = client.get(reverse("documents:home")).content.decode()
    assert "v1 (英文)" in page or "v1 (English)" in page


def test_an_unknown_language_changes_nothing(client, handbook_world):
    client.force_login(handbook_world.manager_a)
    response = client.post(
        reverse("documents:generate"), {"note": "x", "language": "fr"}, follow=True
    )
    assert response.status_code == 200
    assert "请选择中文或英文" in response.content.decode() or "Choose Chinese" in (
        response.content.decode()
    )
    assert not HandbookVersion.objects.exists()
