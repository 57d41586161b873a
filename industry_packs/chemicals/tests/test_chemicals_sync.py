"""Upgrading the pack: the sync rewrites its originals, never a department's copy."""

import copy

import pytest
from safegrid_chemicals import data

from plugins.manager import build_plugin_manager, set_plugin_manager
from plugins.pack_support.adapters import ContentPack


@pytest.mark.django_db
def test_an_upgrade_rewrites_the_originals_and_never_a_department_copy(world):
    from core.forms.models import FormDefinition
    from core.forms.services import definition_copy, form_definitions_sync
    from core.organizations.models import Department

    manager = build_plugin_manager(["chemicals"])
    set_plugin_manager(manager)
    assert form_definitions_sync(manager=manager).skipped == {}
    original = FormDefinition.objects.get(key="chem_utilities")
    ours = definition_copy(
        original=original,
        department=Department.objects.get(name="应急管理局"),
        key="our_utilities",
    )
    label = ours.body_data()[0]["value"]["questions"][0]["value"]["label"]

    # Release 0.2.0 rewords one item of one checklist.
    content = copy.deepcopy(data.content())
    utilities = next(c for c in content["checklists"] if c["key"] == "chem_utilities")
    utilities["sections"][0]["items"][0]["text"]["zh_hans"] = "变配电室防小动物措施完好"
    upgraded = ContentPack(content)
    result = form_definitions_sync(
        manager=build_plugin_manager([], extra_plugins=[("chemicals", upgraded)])
    )

    assert result.skipped == {} and result.created == []
    original.refresh_from_db()
    first = original.body_data()[0]["value"]["questions"][0]["value"]
    assert first["label"] == "变配电室防小动物措施完好"
    assert original.published_version.number == 2
    # Only the reworded checklist got a new version; the others' stay as they were.
    unchanged = FormDefinition.objects.get(key="chem_loading")
    assert unchanged.published_version.number == 1
    ours.refresh_from_db()
    assert ours.body_data()[0]["value"]["questions"][0]["value"]["label"] == label
    assert ours.published_version_id is None  # a copy starts as its owner's draft
