"""The demo's campaign and directive: present once, with receipts."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from core.campaigns.models import Campaign, Directive, DirectiveRecipient
from core.campaigns.progress import campaign_progress
from core.organizations.scope import scope_for
from tests.core.demo.test_world import DEMO_PACKS, user

pytestmark = pytest.mark.django_db


def test_demo_has_a_campaign_and_a_directive_with_receipts(enable_packs):
    enable_packs(*DEMO_PACKS)
    call_command("load_demo", "--port", "9123", stdout=StringIO())
    campaign = Campaign.objects.get()
    assert campaign.milestones.count() == 3
    progress = campaign_progress(campaign, scope=scope_for(user("committee")))
    assert progress.overall.total > 0
    directive = Directive.objects.get()
    assert directive.recipient_count > 1
    receipts = DirectiveRecipient.objects.filter(read_at__isnull=False)
    assert receipts.exists() and receipts.exclude(reply="").count() == 1
    call_command("load_demo", stdout=StringIO())
    assert (Campaign.objects.count(), Directive.objects.count()) == (1, 1)
