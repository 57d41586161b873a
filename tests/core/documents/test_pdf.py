"""The PDF foundation: the project's font embedded, text extractable, Chinese
wrapped, nothing loaded from outside the resource policy, templates sandboxed."""

from __future__ import annotations

import pytest
from django.template import Context, TemplateSyntaxError

from core.documents.pdf import (
    FONT_FILE,
    RefusedResource,
    html_to_pdf,
    link_callback,
    render_html,
    render_pdf,
)
from tests.core.documents.conftest import pdf_fonts, pdf_text

SENTENCE = "反应釜操作岗位存在中毒窒息风险，"


def _doc(body: str) -> str:
    return render_html("base.html", {"title": "t", "footer": "f"}).replace(
        "</body>", body + "</body>"
    )


def test_font_is_shipped_with_the_project():
    assert FONT_FILE.is_file()
    assert (FONT_FILE.parent / "wqy-microhei.LICENSE.txt").is_file()
    # A TrueType collection (ttcf), not CFF outlines that reportlab refuses.
    assert FONT_FILE.read_bytes()[:4] == b"ttcf"


def test_every_font_is_embedded_and_text_extractable():
    pdf = html_to_pdf(_doc("<p>风险管控手册 Risk control handbook 2026</p>"))
    fonts = pdf_fonts(pdf)
    assert fonts, "no font in the PDF"
    assert all(font["embedded"] == "yes" for font in fonts), fonts
    assert any("WenQuanYiMicroHei" in font["name"] for font in fonts)
    text = pdf_text(pdf)
    assert "风险管控手册" in text
    assert "Risk control handbook 2026" in text


def test_chinese_wraps_within_the_page():
    pdf = html_to_pdf(_doc(f"<p>{SENTENCE * 40}</p>"))
    lines = [line for line in pdf_text(pdf).splitlines() if "风险" in line]
    # A paragraph with no space breaks between characters into many lines,
    # none longer than an A4 line holds.
    assert len(lines) > 5
    assert max(len(line) for line in lines) < 60
    assert "".join(lines).count("中毒窒息") == 40


@pytest.mark.parametrize(
    "uri",
    [
        "file:///etc/passwd",
        "/etc/passwd",
        "../pdf.py",
        "safegrid-resource:../pdf.py",
        "safegrid-resource:../../../settings.py",
        "http://127.0.0.1/x.png",
        "https://example.com/font.ttf",
        "data:text/html;base64,PGI+",
        "data:image/svg+xml;base64,PHN2Zz4=",
    ],
)
def test_link_callback_refuses_anything_but_our_resources(uri):
    with pytest.raises(RefusedResource):
        link_callback(uri)


def test_link_callback_admits_our_font_and_generated_images():
    assert link_callback("safegrid-resource:fonts/wqy-microhei.ttc") == str(FONT_FILE)
    uri = "data:image/png;base64,iVBORw0KGgo="
    assert link_callback(uri) == uri


def test_a_refused_image_is_left_out_and_the_document_still_renders(caplog):
    pdf = html_to_pdf(_doc('<img src="file:///etc/passwd"><p>正文</p>'))
    assert "正文" in pdf_text(pdf)
    assert "root:" not in pdf_text(pdf)


def test_user_text_is_escaped_and_templates_cannot_load_libraries():
    html = render_html(
        "base.html",
        {"title": "<script>alert(1)</script>", "footer": "{% load static %}"},
    )
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html
    # Context values are data: a tag inside one is printed, not run.
    assert "{% load static %}" in html
    from core.documents.pdf import document_engine

    with pytest.raises(TemplateSyntaxError):
        document_engine().from_string("{% load static %}{% static 'x' %}")
    with pytest.raises(TemplateSyntaxError):
        document_engine().from_string("{% load wagtailcore_tags %}")


def test_templates_cannot_include_files_outside_their_directory():
    from django.template import TemplateDoesNotExist

    from core.documents.pdf import document_engine

    engine = document_engine()
    for name in ("/etc/passwd", "../../../pdf.py", "../../../../settings/base.py"):
        with pytest.raises(TemplateDoesNotExist):
            engine.get_template(name)
    template = engine.from_string('{% include "/etc/passwd" %}')
    with pytest.raises(TemplateDoesNotExist):
        template.render(Context({}))


def test_render_pdf_of_the_base_template():
    pdf = render_pdf("base.html", {"title": "标题", "footer": "页脚"})
    assert pdf.startswith(b"%PDF")
