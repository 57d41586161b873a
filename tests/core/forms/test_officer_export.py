"""The submissions workbook as an officer reads it: titles and labels, names,
each repeatable group on its own sheet, photos as links, no formulas."""

from __future__ import annotations

import io

from django.urls import reverse
from openpyxl import load_workbook

from core.forms.services import submission_submit, upload_store
from tests.core.forms.conftest import VALID_ANSWER
from tests.factories import image_upload

S = "form_submissions"


def test_the_workbook_speaks_to_an_officer(client, world, published):
    definition, version = published
    world.manager_a.first_name, world.manager_a.last_name = "安全", "王"
    world.manager_a.save()
    photo = upload_store(
        actor=world.manager_a, enterprise=world.enterprise_a, file=image_upload()
    )
    answer = {
        **VALID_ANSWER,
        "extinguishers": {
            "result": "non_compliant",
            "note": '=HYPERLINK("http://x")',
            "photos": [photo.as_reference()],
        },
        "tanks": [{"tank_no": "T1", "volume": 50}, {"tank_no": "=1+1", "volume": 120}],
    }
    submission = submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=answer,
    )
    client.force_login(world.dept_chemicals)
    response = client.get(reverse(f"{S}:export"))
    book = load_workbook(io.BytesIO(response.content))
    main, tanks, files = book.worksheets
    header = [cell.value for cell in main[1]]
    row = dict(zip(header, [cell.value for cell in main[2]], strict=True))
    assert row["表单"] == definition.title == "消防检查表"
    assert row["提交人"] in ("王安全", "安全 王")  # the person's name, not the login
    assert world.manager_a.username not in [str(v) for v in row.values()]
    assert "灭火器完好有效" in header and "extinguishers" not in header
    assert row["安全出口畅通"].startswith("不符合")
    assert "储罐" not in header  # the group has its own sheet
    # The repeatable group: one row per entry, labelled.
    assert tanks.title == "储罐"
    tank_header = [c.value for c in tanks[1]]
    assert tank_header[:2] == header[:1] + ["企业"] and tank_header[3:] == [
        "编号",
        "容积",
    ]
    entries = [[c.value for c in r] for r in tanks.iter_rows(min_row=2)]
    assert entries[0] == [submission.pk, "甲化工有限公司", 1, "T1", "50"]
    # An answer that looks like a formula stays text.
    assert tanks.cell(3, 4).value == "=1+1" and tanks.cell(3, 4).data_type == "s"
    note_cell = next(c for c in main[2] if str(c.value).startswith("不符合 — ="))
    assert note_cell.data_type == "s"
    # Photos are links to the platform's scoped file address.
    link = files.cell(2, 5)
    assert files.cell(2, 3).value == "灭火器完好有效"
    assert link.hyperlink.target.endswith(
        reverse("forms_portal:upload", args=(photo.pk,))
    )
    assert client.get(link.hyperlink.target).status_code == 200


def test_a_foreign_department_exports_nothing_of_it(client, world, published):
    _definition, version = published
    submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data=VALID_ANSWER,
    )
    client.force_login(world.dept_construction)
    book = load_workbook(io.BytesIO(client.get(reverse(f"{S}:export")).content))
    assert all(sheet.max_row == 1 for sheet in book.worksheets)
