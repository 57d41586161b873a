"""The demo fills every demo enterprise's emergency records, once."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from core.emergency.models import (
    Drill,
    EmergencyPlan,
    PlanFiling,
    PostEmergencyContent,
    RescueAgreement,
    TrainingRequirement,
)
from core.organizations.models import Enterprise

pytestmark = pytest.mark.django_db


def test_every_demo_enterprise_is_filled_once(enable_packs):
    enable_packs("chemicals", "construction", "road_transport", "gas")
    call_command("load_demo", "--port", "9123", stdout=StringIO())
    enterprises = Enterprise.objects.count()
    with_plan = EmergencyPlan.objects.order_by().values("enterprise").distinct().count()
    assert with_plan == enterprises
    assert RescueAgreement.objects.count() == enterprises
    assert PlanFiling.objects.count() == enterprises
    assert TrainingRequirement.objects.exists()
    assert Drill.objects.count() == 2 and PostEmergencyContent.objects.count() == 2
    before = EmergencyPlan.objects.count()
    call_command("load_demo", "--port", "9123", stdout=StringIO())
    assert EmergencyPlan.objects.count() == before
    # staff-1 is a post worker: their page shows their post's card.
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username="staff-1"))
    page = client.get("/portal/emergency/").content.decode()
    assert "东门广场紧急集合点" in page
