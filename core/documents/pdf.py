"""Rendering the platform's documents to PDF: one engine, one font, one resource policy.

Every PDF the platform prints (handbooks, cards, posters) goes through
``render_pdf``. Three rules hold for all of them:

* **The font is the project's own.** ``resources/fonts/wqy-microhei.ttc``
  (WenQuanYi Micro Hei 0.2.0-beta, Apache-2.0 or GPL-3+ with the font
  exception; taken from Debian's ``fonts-wqy-microhei``; licence beside it)
  is a TrueType collection whose first face covers CJK and Latin, so one
  ``font-family`` serves every character (xhtml2pdf uses only the first
  family). It is declared with ``@font-face`` in the base template and
  embedded (subset) in every PDF: a PDF renders the same on a machine with
  no Chinese font. Noto CJK and Source Han are CFF outlines that reportlab
  refuses; the built-in ``STSong-Light`` is not embedded (docs/documents.md).
* **Nothing is fetched but our own resources.** The ``link_callback``
  resolves only ``safegrid-resource:<relative path>`` names inside
  ``resources/`` and ``data:image/png`` / ``data:image/jpeg`` URIs that
  the platform generated (the QR codes, the four-colour site plan); every
  other URL, path or scheme is refused. xhtml2pdf's own
  ``ResourceAccessPolicy`` is the second fence: local reads confined to
  ``resources/``, no network, every server limit on.
* **Templates cannot run code or read files.** The documents' templates
  render in a separate Django template ``Engine`` that knows only the
  documents' template directory and the built-in tags plus ``i18n``: no
  other tag library can be loaded, ``{% include %}`` reaches only that
  directory, autoescaping is on. What users write (names, measures, the
  department's wording, the enterprise's notes) is context *data*, escaped
  where it is printed, never template source.
"""

from __future__ import annotations

import base64
import copy
import io
import logging
from pathlib import Path
from typing import Any

from django.template import Context, Engine
from django.utils import translation
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
RESOURCES = HERE / "resources"
TEMPLATES = HERE / "templates" / "documents" / "pdf"
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
#: The family name the templates use; the PostScript name inside the PDF is
#: WenQuanYiMicroHei.
FONT_FAMILY = "SafeGridCJK"
RESOURCE_SCHEME = "safegrid-resource:"
#: Generated images only: what segno and Pillow write.
DATA_PREFIXES = ("data:image/png;base64,", "data:image/jpeg;base64,")


class RefusedResource(Exception):
    """A document asked for something outside the resource policy."""


class RenderFailed(Exception):
    """xhtml2pdf reported errors while rendering a document."""


def resource_policy() -> ResourceAccessPolicy:
    """xhtml2pdf's own fence: only ``resources/``, nothing remote, limits on."""
    return ResourceAccessPolicy.server(
        RESOURCES,
        allow_remote=False,
        allow_remote_pdf_backgrounds=False,
        # A handbook of 3,000 risk points renders for many minutes (docs/
        # performance.md); the budget stays, generous.
        max_render_seconds=3600,
        max_document_bytes=64 * 1024 * 1024,
    )


def link_callback(uri: str, rel: str | None = None) -> str:
    """Resolve what a document may load; raise ``RefusedResource`` otherwise.

    ``safegrid-resource:fonts/wqy-microhei.ttc`` → the file in
    ``resources/``; a generated PNG/JPEG ``data:`` URI passes as is.
    """
    uri = str(uri or "")
    if uri.startswith(DATA_PREFIXES):
        return uri
    if uri.startswith(RESOURCE_SCHEME):
        relative = uri[len(RESOURCE_SCHEME) :]
        path = (RESOURCES / relative).resolve()
        if path.is_relative_to(RESOURCES) and path.is_file():
            return str(path)
    raise RefusedResource(f"not a resource a document may load: {uri[:120]!r}")


def _engine() -> Engine:
    return Engine(
        dirs=[str(TEMPLATES)],
        app_dirs=False,
        autoescape=True,
        libraries={"i18n": "django.templatetags.i18n"},
        # The defaults (defaulttags, defaultfilters, loader_tags) and nothing
        # else: no {% load static %}, no custom tag that could touch files.
        builtins=[],
        string_if_invalid="",
    )


_ENGINE: Engine | None = None


def document_engine() -> Engine:
    """The sandboxed template engine of the documents (built once)."""
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = _engine()
    return _ENGINE


def png_data_uri(data: bytes) -> str:
    """A generated PNG as a ``data:`` URI the link callback admits."""
    return DATA_PREFIXES[0] + base64.b64encode(data).decode("ascii")


def render_html(template: str, context: dict[str, Any]) -> str:
    """The document's HTML, rendered in the sandboxed engine in Chinese."""
    with translation.override(context.pop("language", None) or "zh-hans"):
        tpl = document_engine().get_template(template)
        return tpl.render(
            Context(
                {
                    **context,
                    "font_family": FONT_FAMILY,
                    "font_src": RESOURCE_SCHEME + "fonts/wqy-microhei.ttc",
                }
            )
        )


BASE_FONT_NAME = "SafeGridCJK-Base"
STANDARD_FONT_NAMES = (
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Symbol",
    "ZapfDingbats",
)
_BASE_READY = False


def _use_project_font_as_base() -> None:
    """Make the project's font reportlab's base font.

    reportlab opens every page with its base font (Helvetica, one of the 14
    standard fonts, never embedded); with ours as the base every font in the
    PDF is embedded. Only the documents use reportlab in this process.
    """
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    global _BASE_READY
    if _BASE_READY:
        return
    font = TTFont(BASE_FONT_NAME, str(FONT_FILE))
    pdfmetrics.registerFont(font)
    # xhtml2pdf and reportlab fall back on the standard fonts in places a
    # stylesheet does not reach (list bullets, the contents' leader dots,
    # empty table cells); these names draw with ours too, so no standard
    # font (never embedded, no CJK glyphs) reaches a PDF.
    # One parse of the font (a third of a second), shared by the aliases.
    for name in STANDARD_FONT_NAMES:
        alias = copy.copy(font)
        alias.fontName = name
        alias.state = {}
        pdfmetrics.registerFont(alias)
    rl_config.canvas_basefontname = BASE_FONT_NAME
    _BASE_READY = True


def html_to_pdf(html: str) -> bytes:
    """Convert the documents' HTML to PDF bytes under the resource policy."""
    _use_project_font_as_base()
    output = io.BytesIO()

    def callback(uri: str, rel: str | None = None) -> str:
        try:
            return link_callback(uri, rel)
        except RefusedResource:
            logger.warning("document resource refused: %.120r", uri)
            # xhtml2pdf then reads nothing: an image is left out, and a font
            # that is not ours is never embedded.
            return "safegrid-refused:"

    status = pisa.CreatePDF(
        html,
        dest=output,
        link_callback=callback,
        encoding="utf-8",
        resource_policy=resource_policy(),
    )
    if status.err:
        raise RenderFailed(f"xhtml2pdf reported {status.err} error(s)")
    return output.getvalue()


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    """Render ``template`` (under ``templates/documents/pdf/``) with ``context``."""
    return html_to_pdf(render_html(template, dict(context)))
