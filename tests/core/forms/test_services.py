"""Services: publishing and versions, copies and the pack sync, assignments,
submissions with revisions and reviews, drafts."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core.forms import services
from core.forms.checks import form_definition_errors
from core.forms.models import (
    FormDefinition,
    FormVersion,
    Submission,
    SubmissionDraft,
    SubmissionRevision,
)
from core.forms.policy import can_edit_definition, definitions_visible
from core.forms.selectors import (
    definitions_assigned_to,
    form_version_steps,
    forms_for_caller,
    submission_draft_get,
)
from core.organizations.scope import scope_for
from plugins.contributions import FormDefinitionContribution, I18nText
from plugins.manager import build_plugin_manager
from tests.core.forms.conftest import VALID_ANSWER, checklist_blocks, make_definition
from tests.dummy_pack import plugin as dummy
from tests.factories import image_upload

pytestmark = pytest.mark.django_db


# -- versions ----------------------------------------------------------------------------


def test_publishing_freezes_an_immutable_version(world, chem_department):
    definition = make_definition(chem_department)
    version = services.definition_publish(
        definition=definition, user=world.dept_chemicals
    )
    assert (version.number, version.published_by) == (1, world.dept_chemicals)
    assert version.json_schema["$schema"].endswith("2020-12/schema")
    assert version.blocks == definition.body_data()
    assert [s.key for s in form_version_steps(version)] == ["fire", "storage"]
    with pytest.raises(ValueError, match="cannot be changed"):
        version.save()
    # Publishing again without a change keeps the version.
    assert services.definition_publish(definition=definition).pk == version.pk


def test_editing_a_published_form_makes_a_new_version_and_old_submissions_keep_theirs(
    world, published
):
    definition, first = published
    old = services.submission_submit(
        actor=world.manager_a,
        version=first,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    blocks = checklist_blocks()
    blocks[0]["value"]["questions"][0]["value"]["label"] = "灭火器（新版）"
    blocks[0]["value"]["questions"].append(
        {"type": "date", "value": {"key": "checked_on", "label": "检查日期"}}
    )
    services.definition_update_blocks(definition=definition, blocks=blocks)
    definition.refresh_from_db()
    assert definition.has_unpublished_changes
    assert definition.published_version_id == first.pk  # the draft is not live yet
    second = services.definition_publish(
        definition=definition, user=world.dept_chemicals
    )
    assert second.number == 2
    first.refresh_from_db()
    assert first.ui_schema["questions"]["extinguishers"]["label"] == "灭火器完好有效"
    assert "checked_on" not in first.json_schema["properties"]
    old.refresh_from_db()
    assert old.version_id == first.pk
    # The old answer no longer fits the new version (a new required date).
    with pytest.raises(services.AnswersInvalid) as caught:
        services.submission_submit(
            actor=world.manager_a,
            version=second,
            enterprise=world.enterprise_a,
            data=VALID_ANSWER,
        )
    assert [e.pointer for e in caught.value.errors] == ["/checked_on"]


def test_a_definition_with_problems_is_not_published(world, chem_department):
    definition = make_definition(chem_department)
    FormDefinition.objects.filter(pk=definition.pk).update(scoring_rule="no_such_rule")
    definition.refresh_from_db()
    with pytest.raises(services.DefinitionInvalid):
        services.definition_publish(definition=definition)
    assert not FormVersion.objects.exists()


# -- copies and the pack sync ---------------------------------------------------------------


def _pack(version: str, label: str):
    """A pack module contributing one checklist, at ``version``."""

    class Pack:
        pass

    from plugins import hookimpl

    @hookimpl
    def safegrid_form_definitions():
        return [
            FormDefinitionContribution(
                key="pack_fire",
                title=I18nText("包消防检查", "Pack fire check"),
                kind="checklist",
                industry="chemicals",
                version=version,
                blocks=[
                    {"type": "check_item", "value": {"key": "alarm", "label": label}}
                ],
            )
        ]

    Pack.safegrid_form_definitions = staticmethod(safegrid_form_definitions)
    return Pack


def test_the_pack_sync_never_overwrites_a_department_copy(world, chem_department):
    result = services.form_definitions_sync(
        manager=build_plugin_manager([], extra_plugins=[("p", _pack("1", "报警器"))])
    )
    assert result.created == ["pack_fire"]
    original = FormDefinition.objects.get(key="pack_fire")
    assert original.is_pack_original and original.published_version.number == 1
    copy = services.definition_copy(
        original=original, department=chem_department, key="my_fire"
    )
    blocks = copy.body_data()
    blocks[0]["value"]["label"] = "我们的报警器"
    services.definition_update_blocks(definition=copy, blocks=blocks)

    unchanged = services.form_definitions_sync(
        manager=build_plugin_manager([], extra_plugins=[("p", _pack("1", "报警器"))])
    )
    assert unchanged.unchanged == ["pack_fire"]
    upgraded = services.form_definitions_sync(
        manager=build_plugin_manager(
            [], extra_plugins=[("p", _pack("2", "报警器（新）"))]
        )
    )
    assert upgraded.updated == ["pack_fire"]
    original.refresh_from_db()
    copy.refresh_from_db()
    assert original.published_version.number == 2
    assert original.body_data()[0]["value"]["label"] == "报警器（新）"
    assert copy.body_data()[0]["value"]["label"] == "我们的报警器"
    assert copy.copied_from_id == original.pk and copy.department == chem_department

    gone = services.form_definitions_sync(manager=build_plugin_manager([]))
    assert gone.deactivated == ["pack_fire"]
    original.refresh_from_db()
    assert not original.is_active


def test_the_sync_skips_a_key_a_department_uses(world, chem_department):
    make_definition(chem_department, key="pack_fire")
    result = services.form_definitions_sync(
        manager=build_plugin_manager([], extra_plugins=[("p", _pack("1", "x"))])
    )
    assert "pack_fire" in result.skipped
    assert FormDefinition.objects.get(key="pack_fire").department == chem_department


def test_the_dummy_pack_form_definitions_sync_and_pass_the_checks(enable_packs):
    manager = enable_packs(extra=[("dummy", dummy)])
    assert form_definition_errors(manager) == []
    contributions = manager.collect("safegrid_form_definitions")
    assert [(name, item.key) for name, item in contributions] == [
        ("dummy", "dummy_daily_check")
    ]
    result = services.form_definitions_sync(manager=manager)
    assert result.created == ["dummy_daily_check"]
    original = FormDefinition.objects.get(key="dummy_daily_check")
    assert original.industry.code == "dummy" and original.pass_mark == 8


def test_broken_pack_definitions_are_refused_at_start_up():
    bad = _pack("1", "x")
    good_hook = bad.safegrid_form_definitions

    def broken():
        [item] = good_hook()
        blocks = [
            {"type": "text", "value": {"key": "a", "label": "A"}},
            {"type": "text", "value": {"key": "a", "label": "B"}},
        ]
        return [FormDefinitionContribution(**{**item.__dict__, "blocks": blocks})]

    from plugins import hookimpl

    bad.safegrid_form_definitions = staticmethod(hookimpl(broken))
    errors = form_definition_errors(
        build_plugin_manager([], extra_plugins=[("bad", bad)])
    )
    assert [e.id for e in errors] == ["forms.E001"]
    assert "blocks[1].key" in errors[0].msg


# -- visibility and assignment -----------------------------------------------------------------


def test_departments_see_their_own_and_pack_originals_of_their_industries(
    world, chem_department, cons_department
):
    own = make_definition(chem_department, key="chem_own")
    other = make_definition(cons_department, key="cons_own")
    original = FormDefinition.objects.create(
        key="orig_chem",
        title_zh="原件",
        kind="checklist",
        pack="p",
        industry=world.chemicals,
        body=[],
    )
    original_cons = FormDefinition.objects.create(
        key="orig_cons",
        title_zh="原件",
        kind="checklist",
        pack="p",
        industry=world.construction,
        body=[],
    )
    chem = scope_for(world.dept_chemicals)
    assert set(definitions_visible(chem)) == {own, original}
    assert set(definitions_visible(scope_for(world.committee))) == {
        own,
        other,
        original,
        original_cons,
    }
    assert set(definitions_visible(scope_for(world.street1_office))) == {
        original,
        original_cons,
    }
    assert not definitions_visible(scope_for(world.manager_a)).exists()
    assert can_edit_definition(chem, own)
    assert not can_edit_definition(chem, original)  # copied, never edited
    assert not can_edit_definition(chem, other)


def test_assignment_targets_stay_in_the_department_scope(world, chem_department):
    definition = make_definition(chem_department)
    scope = scope_for(world.dept_chemicals)
    with pytest.raises(ValidationError) as caught:
        services.assignment_create(
            scope=scope, definition=definition, industry=world.chemicals
        )
    assert "definition" in caught.value.message_dict  # not published yet
    services.definition_publish(definition=definition)
    with pytest.raises(ValidationError) as caught:
        services.assignment_create(
            scope=scope, definition=definition, industry=world.construction
        )
    assert "industry" in caught.value.message_dict
    office = scope_for(world.street1_office)
    with pytest.raises(ValidationError) as caught:
        services.assignment_create(
            scope=office, definition=definition, jurisdiction=world.street2
        )
    assert "definition" in caught.value.message_dict  # not its form


def test_a_territorial_office_assigns_to_its_territory(world):
    from core.organizations.models import Department

    office_department = Department.objects.get(name="一街道办")
    definition = make_definition(office_department, key="street_form")
    services.definition_publish(definition=definition)
    office = scope_for(world.street1_office)
    with pytest.raises(ValidationError):
        services.assignment_create(
            scope=office, definition=definition, jurisdiction=world.street2
        )
    services.assignment_create(
        scope=office, definition=definition, jurisdiction=world.street1, recurrence="monthly",
        due_date=None, starts_on=datetime.date(2026, 1, 1),
    )  # fmt: skip
    assert list(definitions_assigned_to(enterprise=world.enterprise_a)) == [definition]
    assert not definitions_assigned_to(enterprise=world.enterprise_b).exists()
    assert list(forms_for_caller(scope=scope_for(world.manager_a))) == [definition]
    assert not forms_for_caller(scope=scope_for(world.manager_b)).exists()


# -- submissions ---------------------------------------------------------------------------------


def test_a_submission_is_validated_scored_and_stored_with_its_revision(
    world, published
):
    definition, version = published
    services.submission_draft_save(
        actor=world.staff_a,
        version=version,
        enterprise=world.enterprise_a,
        data={"length": 1},
        step=1,
    )
    submission = services.submission_submit(
        actor=world.staff_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    assert submission.version == version and submission.definition == definition
    assert submission.data["area"] == 10.0
    # fire: extinguishers 10 + exits 5 - 2 = 13 of 15; storage has no check items.
    assert (submission.score, submission.max_score, submission.passed) == (
        13.0,
        15.0,
        True,
    )
    assert submission.breakdown["sections"][0]["key"] == "fire"
    assert submission.findings == []
    assert submission.revisions.get().number == 1
    assert submission.period_start is None
    assert (
        submission_draft_get(
            version=version, enterprise=world.enterprise_a, user=world.staff_a
        )
        is None
    )


def test_findings_and_warnings_are_stored(world, published):
    _definition, version = published
    data = {
        **VALID_ANSWER,
        "extinguishers": {"result": "non_compliant", "note": "过期"},
        "tanks": [{"tank_no": "T1", "volume": 150}],
    }
    submission = services.submission_submit(
        actor=world.manager_a, version=version, enterprise=world.enterprise_a, data=data
    )
    assert submission.findings == [
        {
            "key": "extinguishers",
            "label": "灭火器完好有效",
            "section": "fire",
            "entry": None,
            "grade": "major",
        }
    ]
    assert submission.warnings[0]["path"] == ["tanks", 0, "volume"]
    # guarantee item at 0 < floor 10: the fire section scores 0.
    assert submission.score == 0.0 and submission.passed is False


def test_an_invalid_answer_stores_nothing(world, published):
    _definition, version = published
    with pytest.raises(services.AnswersInvalid) as caught:
        services.submission_submit(actor=world.manager_a, version=version, enterprise=world.enterprise_a, data={**VALID_ANSWER, "length": -1, "bogus": 1})  # fmt: skip
    assert {e.pointer for e in caught.value.errors} == {"/length", "/bogus"}
    assert not Submission.objects.exists() and not SubmissionRevision.objects.exists()


def test_submitting_outside_scope_or_without_assignment_is_refused(world, published):
    _definition, version = published
    with pytest.raises(services.SubmissionRefused):
        services.submission_submit(
            actor=world.manager_b,
            version=version,
            enterprise=world.enterprise_a,
            data=VALID_ANSWER,
        )
    # The message is in the active language (Chinese by default): compare in English.
    with (
        translation.override("en"),
        pytest.raises(services.SubmissionRefused, match="not assigned"),
    ):
        services.submission_submit(
            actor=world.manager_b,
            version=version,
            enterprise=world.enterprise_b,
            data=VALID_ANSWER,
        )
    assert not Submission.objects.exists()


def test_review_returns_for_correction_and_keeps_every_revision(world, published):
    _definition, version = published
    submission = services.submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    with pytest.raises(ValidationError):
        services.submission_review(
            actor=world.dept_chemicals, submission=submission, decision="returned"
        )
    with pytest.raises(services.SubmissionRefused):
        services.submission_review(
            actor=world.dept_construction, submission=submission, decision="accepted"
        )
    services.submission_review(
        actor=world.dept_chemicals,
        submission=submission,
        decision="returned",
        comment="请补充照片",
    )
    corrected = {**VALID_ANSWER, "exits": {"result": "compliant"}}
    del corrected["exit_problem"]
    submission = services.submission_resubmit(
        actor=world.manager_a, submission=submission, data=corrected
    )
    assert (submission.revision, submission.status, submission.score) == (
        2,
        "submitted",
        15.0,
    )
    services.submission_review(
        actor=world.dept_chemicals, submission=submission, decision="accepted"
    )
    revisions = list(submission.revisions.order_by("number"))
    assert [(r.number, r.decision, r.comment) for r in revisions] == [
        (1, "returned", "请补充照片"),
        (2, "accepted", ""),
    ]
    assert revisions[0].data["exits"] == {"result": "non_compliant"}
    with pytest.raises(services.SubmissionRefused):
        services.submission_resubmit(
            actor=world.manager_a, submission=submission, data=corrected
        )


def test_drafts_are_kept_per_version_enterprise_and_user(world, published):
    _definition, version = published
    services.submission_draft_save(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data={"length": 1},
        step=0,
    )
    services.submission_draft_save(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data={"length": 2},
        step=1,
    )
    draft = SubmissionDraft.objects.get()
    assert (draft.data, draft.step) == ({"length": 2}, 1)
    with pytest.raises(services.SubmissionRefused):
        services.submission_draft_save(
            actor=world.manager_b,
            version=version,
            enterprise=world.enterprise_a,
            data={},
        )


def test_uploads_are_checked_and_answers_must_refer_to_the_enterprise_uploads(
    world, published
):
    _definition, version = published
    with pytest.raises(ValidationError):
        services.upload_store(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            file=SimpleUploadedFile("x.exe", b"MZ"),
        )
    photo = services.upload_store(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        file=image_upload("现场.JPG", "JPEG"),
    )
    assert photo.content_type == "image/jpeg" and photo.size == photo.file.size
    data = {
        **VALID_ANSWER,
        "extinguishers": {"result": "compliant", "photos": [photo.as_reference()]},
    }
    services.submission_submit(
        actor=world.manager_a, version=version, enterprise=world.enterprise_a, data=data
    )
    forged = {**photo.as_reference(), "size": 1}
    with pytest.raises(services.AnswersInvalid) as caught:
        services.submission_submit(actor=world.manager_a, version=version, enterprise=world.enterprise_a, data={**data, "extinguishers": {"result": "compliant", "photos": [forged]}})  # fmt: skip
    assert caught.value.errors[0].pointer == "/extinguishers/photos/0"


def test_sync_packs_writes_the_pack_form_definitions(enable_packs):
    from io import StringIO

    from django.core.management import call_command

    enable_packs(extra=[("dummy", dummy)])
    out = StringIO()
    call_command("sync_packs", stdout=out)
    assert "Form definitions created: 1" in out.getvalue()
    assert FormDefinition.objects.get(key="dummy_daily_check").is_pack_original


def test_a_broken_pack_upgrade_leaves_the_original_as_it_was(world):
    services.form_definitions_sync(
        manager=build_plugin_manager([], extra_plugins=[("p", _pack("1", "报警器"))])
    )
    broken = _pack("2", "")  # an empty label: the block check refuses it
    result = services.form_definitions_sync(
        manager=build_plugin_manager([], extra_plugins=[("p", broken)])
    )
    assert "pack_fire" in result.skipped and result.deactivated == []
    original = FormDefinition.objects.get(key="pack_fire")
    assert original.is_active and original.pack_version == "1"
    assert original.published_version.number == 1
