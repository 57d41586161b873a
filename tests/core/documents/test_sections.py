"""A department words its industry's handbook sections; an enterprise adds notes.

The chemicals department (enterprise A's industry) reorders, rewords and
leaves out sections; the construction department cannot touch chemicals'.
The enterprise's notes are printed as text: markup in them never becomes
markup in the PDF's source.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from core.base.errors import Invalid, Refused
from core.documents.content import handbook_content
from core.documents.models import (
    HandbookNote,
    HandbookSectionSetting,
    HandbookVersion,
)
from core.documents.pdf import render_html, render_pdf
from core.documents.sections import available_sections, industry_sections
from core.documents.services import handbook_notes_save, section_settings_save
from tests.core.documents.conftest import pdf_fonts, pdf_text

SETTINGS = "documents_section_settings"
MARKUP = '<script>alert("x")</script><b>粗体</b>'


def _handbook(enterprise) -> tuple[str, bytes]:
    version = HandbookVersion.objects.create(enterprise=enterprise, number=1)
    content = handbook_content(enterprise=enterprise, version=version)
    context = {**content, "footer": "测试"}
    return render_html("handbook.html", dict(context)), render_pdf(
        "handbook.html", context
    )


def _rows(industry, **changes):
    rows = []
    for section in industry_sections(industry):
        row = {
            "key": section.key,
            "included": section.included,
            "order": section.order,
            "heading": section.heading,
            "intro": section.intro,
        }
        row.update(changes.get(section.key, {}))
        rows.append(row)
    return rows


def test_core_and_pack_sections_are_offered():
    keys = [s.key for s in available_sections(["chemicals"])]
    assert keys[:6] == [
        "core:profile",
        "core:methods",
        "core:risk_points",
        "core:checklists",
        "core:emergency",
        "core:site_plan",
    ]


def test_the_department_rewords_orders_and_leaves_out(handbook_world):
    world = handbook_world
    section_settings_save(
        actor=world.dept_chemicals,
        industry=world.chemicals,
        rows=_rows(
            world.chemicals,
            **{
                "core:emergency": {
                    "order": 1,
                    "heading": "应急处置与联络（化工）",
                    "intro": "本节由应急管理局统一规定。\n请逐项核对。",
                },
                "core:methods": {"included": False},
            },
        ),
    )
    html, pdf = _handbook(world.enterprise_a)
    text = pdf_text(pdf)
    assert "1 应急处置与联络（化工）" in text
    assert "本节由应急管理局统一规定。" in text and "请逐项核对。" in text
    # The methods section is left out; the others follow in order.
    assert html.index("应急处置与联络（化工）") < html.index("2 企业信息")
    assert "评价方法与分级标准" not in text
    assert all(f["embedded"] == "yes" for f in pdf_fonts(pdf))


def test_other_industries_keep_the_standard_sections(handbook_world):
    world = handbook_world
    section_settings_save(
        actor=world.dept_chemicals,
        industry=world.chemicals,
        rows=_rows(world.chemicals, **{"core:profile": {"heading": "化工企业概况"}}),
    )
    html, _pdf = _handbook(world.enterprise_b)
    assert "化工企业概况" not in html


@pytest.mark.parametrize(
    "role", ["dept_construction", "committee", "street1_office", "manager_a"]
)
def test_only_the_industrys_department_sets_its_sections(handbook_world, role):
    world = handbook_world
    with pytest.raises(Refused):
        section_settings_save(
            actor=getattr(world, role),
            industry=world.chemicals,
            rows=_rows(world.chemicals, **{"core:profile": {"heading": "改"}}),
        )
    assert not HandbookSectionSetting.objects.exists()


def test_admin_page_as_each_government_role(client, handbook_world):
    world = handbook_world
    url = reverse(SETTINGS, args=[world.chemicals.pk])
    client.force_login(world.dept_chemicals)
    index = client.get(reverse("documents_section_index"))
    assert index.status_code == 200 and "危险化学品" in index.content.decode()
    assert "建筑施工" not in index.content.decode()
    page = client.get(url)
    assert page.status_code == 200
    assert "core:profile" in page.content.decode()
    client.force_login(world.dept_construction)
    index = client.get(reverse("documents_section_index")).content.decode()
    assert "建筑施工" in index and "危险化学品" not in index
    for role in ("dept_construction", "committee", "street1_office"):
        client.force_login(getattr(world, role))
        targets = [url]
        if role != "dept_construction":
            targets.append(reverse("documents_section_index"))
        for target in targets:
            response = client.get(target)
            assert response.status_code in (302, 403), (role, target)
            if response.status_code == 302:
                assert response["Location"].startswith("/admin/")
        response = client.post(
            url, {"count": 1, "0-key": "core:profile", "0-heading": "改"}
        )
        assert response.status_code in (302, 403)
    assert not HandbookSectionSetting.objects.exists()


def test_admin_saves_and_shows_errors_at_the_field(client, handbook_world):
    world = handbook_world
    client.force_login(world.dept_chemicals)
    url = reverse(SETTINGS, args=[world.chemicals.pk])
    response = client.post(
        url,
        {
            "count": 2,
            "0-key": "core:profile",
            "0-included": "on",
            "0-order": "5",
            "0-heading": "x" * 101,
            "1-key": "core:methods",
            "1-order": "abc",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "100" in page and "0 到 9999" in page or "9999" in page
    assert not HandbookSectionSetting.objects.exists()
    response = client.post(
        url,
        {
            "count": 1,
            "0-key": "core:profile",
            "0-included": "on",
            "0-order": "5",
            "0-heading": "企业基本情况",
            "0-intro": MARKUP,
        },
    )
    assert response.status_code == 302
    setting = HandbookSectionSetting.objects.get(key="core:profile")
    assert (setting.heading, setting.order, setting.intro) == (
        "企业基本情况",
        5,
        MARKUP,
    )
    html, _pdf = _handbook(world.enterprise_a)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_unknown_section_is_refused_with_nothing_saved(handbook_world):
    world = handbook_world
    with pytest.raises(Invalid):
        section_settings_save(
            actor=world.dept_chemicals,
            industry=world.chemicals,
            rows=[
                {"key": "core:profile", "heading": "好"},
                {"key": "../../etc/passwd", "heading": "坏"},
            ],
        )
    assert not HandbookSectionSetting.objects.exists()


def test_enterprise_notes_are_printed_as_text(client, handbook_world):
    world = handbook_world
    client.force_login(world.manager_a)
    page = client.get(reverse("documents:notes"))
    assert page.status_code == 200
    keys = [s.key for s in available_sections(["chemicals"])]
    index = keys.index("core:emergency")
    response = client.post(
        reverse("documents:notes"), {f"note-{index}": f"集合点在东门。\n{MARKUP}"}
    )
    assert response.status_code == 302
    assert HandbookNote.objects.get(key="core:emergency").text.endswith(MARKUP)
    html, pdf = _handbook(world.enterprise_a)
    assert "<script>" not in html and "<b>粗体</b>" not in html
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;粗体&lt;/b&gt;"
        in html
    )
    text = pdf_text(pdf)
    assert "集合点在东门。" in text
    assert "<script>" in text  # shown as the characters typed, not run
    # The notes page shows them escaped too.
    page = client.get(reverse("documents:notes")).content.decode()
    assert "&lt;script&gt;" in page and "<script>alert" not in page


def test_staff_read_notes_but_cannot_write(client, handbook_world):
    world = handbook_world
    client.force_login(world.staff_a)
    assert client.get(reverse("documents:notes")).status_code == 200
    response = client.post(reverse("documents:notes"), {"note-0": "员工写的"})
    assert response.status_code == 403
    with pytest.raises(Refused):
        handbook_notes_save(
            actor=world.staff_a,
            enterprise=world.enterprise_a,
            notes={"core:profile": "x"},
        )
    for role in ("dept_chemicals", "committee", "manager_b"):
        with pytest.raises(Refused):
            handbook_notes_save(
                actor=getattr(world, role),
                enterprise=world.enterprise_a,
                notes={"core:profile": "x"},
            )
    assert not HandbookNote.objects.exists()


def test_overlong_note_is_refused_at_its_section(client, handbook_world):
    client.force_login(handbook_world.manager_a)
    response = client.post(reverse("documents:notes"), {"note-0": "长" * 4001})
    assert response.status_code == 400
    assert "4000" in response.content.decode()
    assert not HandbookNote.objects.exists()
