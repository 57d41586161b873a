"""``sync_packs`` with the real packs, enabled and disabled through configuration.

The packs are loaded through their entry points (``enable_packs``); the core's
tests never import a pack module.
"""

from io import StringIO

import pytest
from django.core.management import call_command

from core.forms.models import FormDefinition
from core.forms.selectors import definitions_assigned_to
from core.forms.services import assignment_create, definition_copy
from core.organizations.models import Department, Industry
from core.organizations.scope import scope_for
from core.risks.selectors import risk_library
from core.scoring import ScoringEngine
from plugins.manager import get_plugin_manager


def sync() -> str:
    out = StringIO()
    call_command("sync_packs", stdout=out, stderr=out)
    return out.getvalue()


def originals(pack: str):
    return FormDefinition.objects.filter(pack=pack, department__isnull=True)


def library_packs() -> set[str]:
    return {item.pack for item in risk_library()}


@pytest.mark.django_db
def test_sync_packs_writes_industries_and_published_originals(enable_packs):
    enable_packs("chemicals")
    output = sync()
    assert "skipped" not in output
    assert Industry.objects.get(code="chemicals").is_active
    chemicals = originals("chemicals")
    assert chemicals.count() == 11
    assert all(d.is_active and d.published_version_id for d in chemicals)
    commitment = chemicals.get(key="chem_daily_risk_commitment")
    assert commitment.kind == "form" and commitment.industry.code == "chemicals"
    schema = commitment.published_version.json_schema
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "major_hazards_controlled" in schema["properties"]
    tank_farm = chemicals.get(key="chem_tank_farm")
    assert (tank_farm.scoring_rule, tank_farm.pass_mark) == ("weighted", None)

    # Unchanged packs: a second sync rewrites and publishes nothing.
    versions = {d.key: d.published_version_id for d in originals("chemicals")}
    assert "updated: 0" in sync()
    assert {d.key: d.published_version_id for d in originals("chemicals")} == versions


@pytest.mark.django_db
def test_disabling_a_pack_removes_its_contributions(enable_packs, world):
    enable_packs("road_transport", "gas")
    sync()
    original = originals("gas").get(key="gas_station")
    copy = definition_copy(
        original=original,
        department=Department.objects.get(name="应急管理局"),
        key="our_gas_station",
    )
    assignment_create(
        scope=scope_for(world.committee),
        definition=original,
        jurisdiction=world.enterprise_a.jurisdiction,
    )
    assert original in definitions_assigned_to(enterprise=world.enterprise_a)
    assert library_packs() == {"road_transport", "gas"}
    assert "gas_check" in ScoringEngine(get_plugin_manager()).rules
    assert original.scoring_rule == "gas_checklist" and original.pass_mark == 80

    enable_packs("road_transport")
    output = sync()
    assert "deactivated: 10" in output
    assert not originals("gas").filter(is_active=True).exists()
    assert not originals("road_transport").filter(is_active=False).exists()
    assert Industry.objects.get(code="gas").is_active is False
    # Its originals are given to no enterprise any more.
    assert original not in definitions_assigned_to(enterprise=world.enterprise_a)
    # Read live from the hooks: gone with the pack.
    assert "gas" not in library_packs()
    assert "gas_check" not in ScoringEngine(get_plugin_manager()).rules
    # A department's copy is the department's: kept, active, untouched.
    copy.refresh_from_db()
    assert copy.is_active and copy.department is not None

    enable_packs("road_transport", "gas")
    sync()
    assert not originals("gas").filter(is_active=False).exists()
