"""The platform's own user guides, served inside the admin.

The admin's help menu points here instead of Wagtail's editor guide on the
internet (the platform runs on an intranet). Each guide is a Markdown file of
``docs/`` (written for the users, Chinese first), rendered with markdown-it-py
with raw HTML disabled: links to another guide become its page here, images
are served from ``docs/images``, and links to anything else outside the
platform are shown as plain text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from markdown_it import MarkdownIt

DOCS_DIR = Path(settings.REPO_DIR) / "docs"
#: slug -> (file under docs/, menu label)
GUIDES = {
    "admin": ("admin.md", _("Admin guide")),
    "forms": ("forms-guide.md", _("Forms and checklists guide")),
    "risks": ("risk-guide.md", _("Risk control guide")),
}
IMAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*\.png$")


def _slug(text: str) -> str:
    return re.sub(r"\s+", "-", text.strip().lower())


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    by_file = {name: slug for slug, (name, _label) in GUIDES.items()}

    def heading_open(renderer, tokens, idx, options, env):
        inline = tokens[idx + 1]
        tokens[idx].attrSet("id", _slug(inline.content))
        return renderer.renderToken(tokens, idx, options, env)

    def link_open(renderer, tokens, idx, options, env):
        token = tokens[idx]
        href = token.attrGet("href") or ""
        path, _hash, anchor = href.partition("#")
        name = path.rsplit("/", 1)[-1]
        if not path:
            pass  # an anchor on the same page
        elif name in by_file:
            target = guide_url(by_file[name])
            token.attrSet("href", f"{target}#{anchor}" if anchor else target)
        else:
            # Another file of the repository, or a site outside the platform.
            token.attrs.pop("href", None)
            token.tag = "span"
            tokens[_closing(tokens, idx)].tag = "span"
        return renderer.renderToken(tokens, idx, options, env)

    def image(renderer, tokens, idx, options, env):
        token = tokens[idx]
        name = (token.attrGet("src") or "").rsplit("/", 1)[-1]
        if IMAGE_NAME.match(name):
            token.attrSet("src", guide_image_url(name))
            token.attrSet("loading", "lazy")
        else:
            token.attrSet("src", "")
        return renderer.image(tokens, idx, options, env)

    md.add_render_rule("heading_open", heading_open)
    md.add_render_rule("link_open", link_open)
    md.add_render_rule("image", image)
    return md


def _closing(tokens, idx: int) -> int:
    depth = 0
    for position in range(idx, len(tokens)):
        if tokens[position].type == "link_open":
            depth += 1
        elif tokens[position].type == "link_close":
            depth -= 1
            if depth == 0:
                return position
    return idx


@lru_cache(maxsize=len(GUIDES))
def _rendered(slug: str, mtime: float) -> str:
    path = DOCS_DIR / GUIDES[slug][0]
    # markdown-it renders inline tokens through the rules above; links are
    # inside inline children, so render those through the same renderer.
    md = _renderer()
    return md.render(path.read_text(encoding="utf-8"))


def guide_html(slug: str) -> str:
    path = DOCS_DIR / GUIDES[slug][0]
    return _rendered(slug, path.stat().st_mtime)


def guide_url(slug: str) -> str:
    return f"{reverse('safegrid_guide')}?{urlencode({'name': slug})}"


def guide_image_url(name: str) -> str:
    return f"{reverse('safegrid_guide_image')}?{urlencode({'name': name})}"


@require_GET
def guide(request):
    slug = request.GET.get("name", "admin")
    if slug not in GUIDES:
        raise Http404
    return render(
        request,
        "base/guide.html",
        {
            "page_title": GUIDES[slug][1],
            "guide": guide_html(slug),
            "guides": [
                (key, label, guide_url(key)) for key, (_name, label) in GUIDES.items()
            ],
            "current": slug,
        },
    )


@require_GET
def guide_image(request):
    name = request.GET.get("name", "")
    path = DOCS_DIR / "images" / name
    if not IMAGE_NAME.match(name) or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
