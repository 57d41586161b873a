"""The forms screens of the Wagtail admin: editor, preview, publish, copy, JSON,
assignment, submissions — each scoped, with foreign users refused."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from openpyxl import load_workbook
from wagtail import blocks as wagtail_blocks

from core.forms.blocks import body_block
from core.forms.interchange import definition_export
from core.forms.models import FormAssignment, FormDefinition, FormVersion, Submission
from core.forms.services import (
    definition_publish,
    definition_update_blocks,
    form_definitions_sync,
    submission_submit,
)
from tests.core.forms.conftest import VALID_ANSWER, checklist_blocks, make_definition
from tests.dummy_pack import plugin as dummy

pytestmark = pytest.mark.django_db

D = "form_definitions"
S = "form_submissions"


def shown(msgid: str) -> str:
    """A message as the admin shows it (Chinese, the default admin language)."""
    with translation.override("zh-hans"):
        return translation.gettext(msgid)


def results_table(html: str) -> str:
    """The listing's rows (not the filters beside them)."""
    tables = [part.split("</table>", 1)[0] for part in html.split("<table")[1:]]
    return "".join(table for table in tables if "<tbody" in table)


def login(client, user):
    client.force_login(user)
    return client


def block_post_data(block, value, prefix: str, data: dict) -> None:
    """What Wagtail's StreamField editor posts for ``value`` (stored form)."""
    if isinstance(block, wagtail_blocks.StreamBlock):
        data[f"{prefix}-count"] = str(len(value))
        for index, item in enumerate(value):
            data[f"{prefix}-{index}-type"] = item["type"]
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = item.get("id") or ""
            child = block.child_blocks[item["type"]]
            block_post_data(child, item["value"], f"{prefix}-{index}-value", data)
    elif isinstance(block, wagtail_blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if name in (value or {}):
                block_post_data(child, value[name], f"{prefix}-{name}", data)
    elif isinstance(block, wagtail_blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(value))
        for index, item in enumerate(value):
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            block_post_data(block.child_block, item, f"{prefix}-{index}-value", data)
    elif isinstance(block, wagtail_blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    elif isinstance(value, list):
        data[prefix] = value
    else:
        data[prefix] = "" if value is None else str(value)


def editor_data(blocks, **fields) -> dict:
    data = {
        "title_zh": "新检查表",
        "title_en": "New checklist",
        "key": "new_check",
        "kind": "checklist",
        "industry": "",
        "scoring_rule": "sum",
        "pass_mark": "",
        **fields,
    }
    block_post_data(body_block(), blocks, "body", data)
    return data


SIMPLE = [
    {
        "type": "check_item",
        "value": {"key": "lights", "label": "照明完好", "points": 5, "required": True},
    },
    {
        "type": "text",
        "value": {
            "key": "remark",
            "label": "备注",
            "required": False,
            "max_length": 100,
        },
    },
]


# -- the editor ---------------------------------------------------------------------------------


def test_a_department_builds_a_checklist_in_the_editor(client, world):
    login(client, world.dept_chemicals)
    page = client.get(reverse(f"{D}:add"))
    html = page.content.decode()
    # The StreamField editor is built by Wagtail's script from block definitions.
    assert page.status_code == 200 and "check_item" in html
    assert 'name="title_zh"' in html and 'name="department"' not in html
    response = client.post(
        reverse(f"{D}:add"), editor_data(SIMPLE, industry=str(world.chemicals.pk))
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    definition = FormDefinition.objects.get(key="new_check")
    assert definition.department.name == "应急管理局"
    assert definition.created_by == world.dept_chemicals
    assert [b["value"]["key"] for b in definition.body_data()] == ["lights", "remark"]


def test_a_duplicate_key_is_shown_at_its_block_and_nothing_is_saved(client, world):
    login(client, world.dept_chemicals)
    blocks = [
        SIMPLE[0],
        {**SIMPLE[1], "value": {**SIMPLE[1]["value"], "key": "lights"}},
    ]
    response = client.post(reverse(f"{D}:add"), editor_data(blocks))
    assert response.status_code == 200
    message = shown(
        "The key “%(key)s” is already used by “%(other)s”; every question and "
        "section needs its own key."
    ) % {"key": "lights", "other": "照明完好"}
    # Block errors reach the editor's script as JSON inside an HTML attribute.
    assert escape(json.dumps(message)[1:-1]) in response.content.decode()
    assert not FormDefinition.objects.exists()


def test_the_definition_list_is_scoped_with_bounded_queries(
    client, world, chem_department, cons_department, django_assert_max_num_queries
):
    for index in range(3):
        definition = make_definition(chem_department, key=f"chem_{index}")
        definition_publish(definition=definition)
    make_definition(cons_department, key="cons_secret", title_zh="住建秘密表")
    login(client, world.dept_chemicals)
    with django_assert_max_num_queries(40):
        response = client.get(reverse(f"{D}:index"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "chem_2" in content and "cons_secret" not in content
    for index in range(3, 8):
        make_definition(chem_department, key=f"chem_{index}")
    with django_assert_max_num_queries(40):
        assert client.get(reverse(f"{D}:index")).status_code == 200


def test_foreign_definitions_are_404_and_pack_originals_read_only(
    client, world, chem_department, cons_department, enable_packs
):
    foreign = make_definition(cons_department, key="cons_form")
    form_definitions_sync(manager=enable_packs(extra=[("dummy", dummy)]))
    original = FormDefinition.objects.get(key="dummy_daily_check")
    login(client, world.dept_chemicals)
    for name in (
        "edit",
        "preview",
        "publish",
        "versions",
        "export",
        "assign",
        "copy_definition",
    ):
        assert (
            client.get(reverse(f"{D}:{name}", args=(foreign.pk,))).status_code == 404
        ), name
    # The dummy original has the "dummy" industry, not chemicals: not visible either.
    assert client.get(reverse(f"{D}:preview", args=(original.pk,))).status_code == 404
    login(client, world.committee)
    # Wagtail answers a refusal with a redirect to the dashboard and a message.
    assert client.get(reverse(f"{D}:edit", args=(original.pk,))).status_code in (
        302,
        403,
    )
    assert client.get(reverse(f"{D}:preview", args=(original.pk,))).status_code == 200
    login(client, world.manager_a)
    assert client.get(reverse(f"{D}:index")).status_code in (302, 403)


# -- preview, publish, versions ---------------------------------------------------------------------


def test_the_preview_renders_the_steps_and_tries_answers_without_storing(
    client, world, chem_department
):
    definition = make_definition(chem_department)
    login(client, world.dept_chemicals)
    response = client.get(reverse(f"{D}:preview", args=(definition.pk,)))
    content = response.content.decode()
    assert response.status_code == 200
    assert (
        "消防安全" in content
        and "灭火器完好有效" in content
        and 'name="tanks-TOTAL_FORMS"' in content
    )
    response = client.post(
        reverse(f"{D}:preview", args=(definition.pk,)),
        {
            "extinguishers": "non_compliant",
            "exits": "compliant",
            "length": "-1",
            "width": "2",
            "tanks-TOTAL_FORMS": "0",
            "tanks-INITIAL_FORMS": "0",
        },
    )
    content = response.content.decode()
    assert shown("A non-compliant answer needs a note.") in content
    assert not Submission.objects.exists() and not FormVersion.objects.exists()


def test_publishing_from_the_admin_makes_numbered_versions(
    client, world, chem_department
):
    definition = make_definition(chem_department)
    login(client, world.dept_chemicals)
    url = reverse(f"{D}:publish", args=(definition.pk,))
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    blocks = checklist_blocks()
    blocks[0]["value"]["title"] = "消防（修订）"
    definition_update_blocks(definition=definition, blocks=blocks)
    client.post(url)
    assert list(
        definition.versions.values_list("number", flat=True).order_by("number")
    ) == [1, 2]
    response = client.get(reverse(f"{D}:versions", args=(definition.pk,)))
    assert "v2" in response.content.decode()
    old = client.get(reverse(f"{D}:preview", args=(definition.pk,)) + "?version=1")
    assert (
        "消防安全" in old.content.decode()
        and "消防（修订）" not in old.content.decode()
    )
    login(client, world.dept_construction)
    assert client.post(url).status_code == 404


# -- copy, export, import -----------------------------------------------------------------------------


def test_copying_a_pack_original_for_the_department(
    client, world, chem_department, enable_packs
):
    form_definitions_sync(manager=enable_packs(extra=[("dummy", dummy)]))
    original = FormDefinition.objects.get(key="dummy_daily_check")
    FormDefinition.objects.filter(pk=original.pk).update(industry=world.chemicals)
    login(client, world.dept_chemicals)
    response = client.post(
        reverse(f"{D}:copy_definition", args=(original.pk,)),
        {"key": "our_daily", "title_zh": "我们的日常检查"},
    )
    assert response.status_code == 302
    copy = FormDefinition.objects.get(key="our_daily")
    assert copy.department == chem_department and copy.copied_from == original
    assert client.get(reverse(f"{D}:edit", args=(copy.pk,))).status_code == 200


def test_export_and_import_through_the_admin(client, world, chem_department):
    definition = make_definition(chem_department)
    login(client, world.dept_chemicals)
    response = client.get(reverse(f"{D}:export", args=(definition.pk,)))
    exported = json.loads(response.content)
    assert exported == definition_export(definition)
    upload = SimpleUploadedFile(
        "f.json", json.dumps(exported).encode(), content_type="application/json"
    )
    response = client.post(
        reverse(f"{D}:import"), {"file": upload, "key": "imported_copy"}
    )
    assert response.status_code == 302
    assert FormDefinition.objects.get(key="imported_copy").department == chem_department
    broken = SimpleUploadedFile("f.json", b"{not json", content_type="application/json")
    response = client.post(reverse(f"{D}:import"), {"file": broken})
    assert (
        response.status_code == 200
        and shown("Nothing was imported. The file has these problems:")
        in response.content.decode()
    )
    login(client, world.manager_a)
    assert client.get(reverse(f"{D}:import")).status_code in (302, 403)


# -- assignment ------------------------------------------------------------------------------------------


def test_assigning_within_the_department_scope(client, world, chem_department):
    definition = make_definition(chem_department)
    definition_publish(definition=definition)
    login(client, world.dept_chemicals)
    url = reverse(f"{D}:assign", args=(definition.pk,))
    response = client.post(
        url, {"industry": world.construction.pk, "recurrence": "none"}
    )
    assert response.status_code == 200  # construction is not in the form's choices
    assert not FormAssignment.objects.exists()
    response = client.post(
        url, {"industry": world.chemicals.pk, "recurrence": "weekly"}
    )
    assert response.status_code == 302
    assignment = FormAssignment.objects.get()
    assert (assignment.department, assignment.recurrence) == (chem_department, "weekly")
    client.post(url, {"end": assignment.pk})
    assignment.refresh_from_db()
    assert not assignment.is_active


# -- submissions ----------------------------------------------------------------------------------------


def test_submissions_list_detail_review_and_export(
    client, world, published, django_assert_max_num_queries
):
    definition, version = published
    for user in (world.manager_a, world.staff_a):
        submission_submit(
            actor=user,
            version=version,
            enterprise=world.enterprise_a,
            data=VALID_ANSWER,
        )
    blocks = checklist_blocks()
    blocks[1]["value"]["questions"].append(
        {"type": "date", "value": {"key": "checked_on", "label": "检查日期"}}
    )
    definition_update_blocks(definition=definition, blocks=blocks)
    second = definition_publish(definition=definition)
    latest = submission_submit(actor=world.manager_a, version=second, enterprise=world.enterprise_a, data={**VALID_ANSWER, "checked_on": "2026-03-01"})  # fmt: skip
    login(client, world.dept_chemicals)
    with django_assert_max_num_queries(40):
        response = client.get(reverse(f"{S}:index"))
    content = response.content.decode()
    assert (
        response.status_code == 200
        and "甲化工有限公司" in content
        and "13 / 15" in content
    )
    filtered = client.get(
        reverse(f"{S}:index"), {"definition": definition.pk, "status": "accepted"}
    )
    # The enterprise filter lists the name; the table has no row of it.
    assert "甲化工有限公司" not in results_table(filtered.content.decode())

    detail = client.get(reverse(f"{S}:detail", args=(latest.pk,)))
    assert "检查日期" in detail.content.decode() and "v2" in detail.content.decode()
    response = client.post(
        reverse(f"{S}:detail", args=(latest.pk,)),
        {"decision": "returned", "comment": ""},
    )
    assert shown("Say what must be corrected.") in response.content.decode()
    client.post(
        reverse(f"{S}:detail", args=(latest.pk,)),
        {"decision": "returned", "comment": "补充日期"},
    )
    latest.refresh_from_db()
    assert latest.status == "returned"
    # A second reviewer who opened the page before that decision loses the
    # race: told so above the page, nothing changed.
    late = client.post(
        reverse(f"{S}:detail", args=(latest.pk,)),
        {"decision": "accepted", "comment": ""},
        follow=True,
    )
    assert shown("This submission is not awaiting review.") in late.content.decode()
    latest.refresh_from_db()
    assert latest.status == "returned"

    export = client.get(reverse(f"{S}:export"), {"definition": definition.pk})
    sheet = load_workbook(io.BytesIO(export.content)).active
    header = [cell.value for cell in sheet[1]]
    assert "Version" in header or "版本" in header
    version_column = header.index(sheet.cell(1, 3).value)
    assert sorted(
        row[version_column] for row in sheet.iter_rows(min_row=2, values_only=True)
    ) == [1, 1, 2]
    # Headed by the question's label, not its key.
    assert "检查日期" in header and not any("checked_on" in str(h) for h in header)

    login(client, world.dept_construction)
    assert client.get(reverse(f"{S}:detail", args=(latest.pk,))).status_code == 404
    assert "甲化工有限公司" not in client.get(reverse(f"{S}:index")).content.decode()
    export = client.get(reverse(f"{S}:export"))
    assert load_workbook(io.BytesIO(export.content)).active.max_row == 1


def test_submission_filters_and_the_export_follow_them(client, world, published):
    definition, version = published
    low = {**VALID_ANSWER, "exits": {"result": "compliant"}, "exit_problem": None}
    low.pop("exit_problem")
    first = submission_submit(actor=world.manager_a, version=version, enterprise=world.enterprise_a, data=VALID_ANSWER)  # fmt: skip
    blocks = checklist_blocks()
    blocks[0]["value"]["title"] = "消防（第二版）"
    definition_update_blocks(definition=definition, blocks=blocks)
    second_version = definition_publish(definition=definition)
    second = submission_submit(actor=world.manager_a, version=second_version, enterprise=world.enterprise_a, data=low)  # fmt: skip
    assert (first.score, second.score) == (13, 15)
    login(client, world.dept_chemicals)

    def rows(**filters):
        html = client.get(reverse(f"{S}:index"), filters).content.decode()
        return results_table(html).count(
            reverse(f"{S}:detail", args=[0]).replace("/0/", "/")
        )

    assert rows() == 2
    assert rows(version=2) == 1
    assert rows(score_min=14) == 1
    assert rows(score_max=13, enterprise=world.enterprise_a.pk) == 1
    assert rows(enterprise=world.enterprise_b.pk) == 2  # not in scope: ignored
    export = client.get(reverse(f"{S}:export"), {"version": 1})
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet.max_row == 2 and sheet.cell(2, 3).value == 1
    export = client.get(reverse(f"{S}:export"), {"score_min": 14})
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet.max_row == 2 and sheet.cell(2, 1).value == second.pk


def test_a_new_definition_is_scored_by_the_sum_unless_told_otherwise(client, world):
    login(client, world.dept_chemicals)
    html = client.get(reverse(f"{D}:add")).content.decode()
    assert '<option value="sum" selected>' in html
