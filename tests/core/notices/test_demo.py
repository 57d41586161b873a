"""The demo publishes a populated public site, once."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from core.notices.models import CircularPage, EnterpriseRiskNoticePage, GuidancePage

pytestmark = pytest.mark.django_db


def test_the_demo_public_site_has_notices_circulars_and_guidance(enable_packs):
    enable_packs("chemicals", "construction", "road_transport", "gas")
    call_command("load_demo", "--port", "9123", stdout=StringIO())
    published = EnterpriseRiskNoticePage.objects.live()
    assert published.exists()
    assert CircularPage.objects.live().count() == 2
    assert GuidancePage.objects.live().count() == 1
    counts = (EnterpriseRiskNoticePage.objects.count(), CircularPage.objects.count())
    call_command("load_demo", "--port", "9123", stdout=StringIO())
    assert (
        EnterpriseRiskNoticePage.objects.count(),
        CircularPage.objects.count(),
    ) == counts
    home = Client().get("/")
    assert home.status_code == 200
    assert published.first().title in home.text
    assert "关于表扬双重预防机制建设先进企业的通报" in home.text
