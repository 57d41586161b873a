"""Rich text of departments and enterprises, cleaned before it is stored.

Wagtail's editor limits what can be typed (``RICH_TEXT_FEATURES``); text that
comes another way (the portal's form, a service call, an import) could carry
anything, so every notice's rich text passes through nh3 (the Rust ammonia
sanitiser) on save: the tags the features produce, ``href`` on links only
(http, https, mailto), no attribute that runs script, no style.
"""

from __future__ import annotations

import html as html_module

import nh3

#: Wagtail rich-text features allowed in notices (no images, embeds, code).
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "hr"]

_TAGS = {"p", "br", "h3", "h4", "b", "strong", "i", "em", "ol", "ul", "li", "a", "hr"}
# Tables without attributes: a circular may carry one (an assessment's scores).
_TAGS |= {"table", "thead", "tbody", "tr", "th", "td"}
_ATTRIBUTES = {"a": {"href", "linktype", "id"}}


def clean_html(html: str) -> str:
    """``html`` with only the notice features' tags and safe link targets."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def text_to_html(text: str) -> str:
    """Plain text (one paragraph a line) as safe rich text."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return "".join(f"<p>{html_module.escape(line)}</p>" for line in lines)
