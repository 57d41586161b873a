"""``GET /api/v1/forms/`` without reading or writing every schema again.

Each listed form carries its current version's JSON Schema and UI description
(about 20 KB of JSON per pack form, a megabyte a page for a supervisor). A
version is immutable (``core.forms.models.FormVersion``): its two documents
are read from the database once per process, encoded once as the API's JSON
renderer writes them, and kept here by version id. A page then reads the
definitions without the versions' JSON columns and writes each row around
the two stored texts (docs/performance.md); the bytes are the ones the
serializer and the renderer would produce (a test compares them).
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from rest_framework.fields import DateTimeField
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request

from core.forms.models import FormDefinition, FormVersion
from core.organizations.scope import Scope

#: The JSON columns a list never reads: the definition's draft blocks and
#: the version's documents (from the store instead).
VERSION_JSON = (
    "body",
    "published_version__blocks",
    "published_version__json_schema",
    "published_version__ui_schema",
    "published_version__scoring",
)
#: Versions kept per process (a version is a few tens of KB); beyond it the
#: store starts again.
MAX_VERSIONS = 2_000

_RENDERER = JSONRenderer()
_DATETIME = DateTimeField()
_encoded: dict[tuple[int, str, str], tuple[bytes, bytes]] = {}
_lock = threading.Lock()


def render_json(data: Any) -> bytes:
    """``data`` as the API's JSON renderer writes it."""
    return _RENDERER.render(data)


def _key(version: FormVersion) -> tuple[int, str, str]:
    # The id, and what tells a version from another that got the same id in a
    # database rolled back or restored (the tests' SQLite reuses ids).
    return (version.pk, version.source_hash, version.published_at.isoformat())


def version_documents(
    versions: list[FormVersion],
) -> dict[int, tuple[bytes, bytes]]:
    """The encoded JSON Schema and UI description of these versions (by id),
    read from the database only for those not kept yet (one query)."""
    found = {v.pk: _encoded.get(_key(v)) for v in versions}
    missing = {v.pk: v for v in versions if found[v.pk] is None}
    if missing:
        read = {
            pk: (render_json(schema), render_json(ui))
            for pk, schema, ui in FormVersion.objects.filter(
                pk__in=list(missing)
            ).values_list("pk", "json_schema", "ui_schema")
        }
        with _lock:
            if len(_encoded) + len(read) > MAX_VERSIONS:
                _encoded.clear()
            _encoded.update({_key(missing[pk]): texts for pk, texts in read.items()})
        found.update(read)
    return {pk: texts for pk, texts in found.items() if texts is not None}


def forget_versions() -> None:
    """Empty the store (tests)."""
    with _lock:
        _encoded.clear()


def form_row(definition: FormDefinition) -> dict[str, Any]:
    """A form as ``FormSerializer`` shows it, without its two documents."""
    version = definition.published_version
    assert version is not None  # noqa: S101 - forms_for_caller: published only
    return {
        "key": definition.key,
        "title": definition.title,
        "title_zh": definition.title_zh,
        "title_en": definition.title_en,
        "kind": definition.kind,
        "industry": definition.industry.code if definition.industry else None,
        "version": version.number,
        "published_at": _DATETIME.to_representation(version.published_at),
    }


def forms_page_body(envelope: dict[str, Any], definitions: list[Any]) -> bytes:
    """The page's JSON: ``envelope`` (count, next, previous) with the rows
    as ``results``, each row's documents spliced in from the store."""
    documents = version_documents(
        [d.published_version for d in definitions if d.published_version]
    )
    rows = []
    for definition in definitions:
        schema, ui = documents[definition.published_version_id]
        rows.append(
            render_json(form_row(definition))[:-1]
            + b',"json_schema":'
            + schema
            + b',"ui_schema":'
            + ui
            + b"}"
        )
    head = render_json({**envelope, "results": []})
    assert head.endswith(b"[]}")  # noqa: S101 - results is the last key
    return head[:-3] + b"[" + b",".join(rows) + b"]}"


def kept_count_seconds(scope: Scope, request: Request) -> int:
    """How long a list over a government scope keeps its count
    (``KeysetPagination.count_seconds``): the submissions of a form and the
    hazards, as the risk points' list does. Their count read up to 10,001
    rows of the scope on every page (and, beyond, asked the planner for an
    estimate): the one part of a page that grew with the scope
    (docs/performance.md). Kept per filtered query for
    ``SAFEGRID_LEVEL_COUNTS_SECONDS``; an enterprise's own list and
    ``?enterprise=`` count on every request."""
    if scope.is_enterprise or request.query_params.get("enterprise"):
        return 0
    return getattr(settings, "SAFEGRID_LEVEL_COUNTS_SECONDS", 0)
