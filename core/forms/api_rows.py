"""The forms engine's API lists written from plain rows.

``GET /api/v1/forms/{key}/submissions/`` reads its page with ``values()`` —
the submission's columns and its version's number, by key once the cursor
has chosen the page (``keyset_page_joined``) — and writes each row as a dict
in exactly the shape of ``SubmissionSerializer`` (which the detail of a new
submission and the schema keep; a test compares the two row by row), instead
of building four models a row and walking the serializer's fields
(``core.base.api_rows``).

``GET /api/v1/forms/`` without reading or writing every schema again.

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

from django.db.models import QuerySet
from rest_framework.renderers import JSONRenderer

from core.base.api_rows import datetime_text
from core.forms.models import FormDefinition, FormVersion, Submission

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
        "published_at": datetime_text(version.published_at),
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


# -- submissions ---------------------------------------------------------------

#: The submission's columns a row shows as they are, in the serializer's
#: order (``SubmissionSerializer.Meta.fields`` lists them from here).
SUBMISSION_COLUMNS = (
    *("status", "revision", "data", "score", "max_score", "percent"),
    *("passed", "breakdown", "findings", "warnings"),
)
#: What a row reads with ``values()``.
SUBMISSION_FIELDS = (
    "id",
    "version__number",
    "enterprise_id",
    *SUBMISSION_COLUMNS,
    "submitted_at",
)


def submission_values(queryset: QuerySet[Submission]) -> QuerySet[Submission]:
    """A page's submissions (chosen by key) reading only what a row shows."""
    return queryset.order_by().values(*SUBMISSION_FIELDS)


def submission_rows(
    form_key: str, submissions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The page's rows (``values()`` of ``SUBMISSION_FIELDS``, all answers
    of the form ``form_key``) in the shape of ``SubmissionSerializer``."""
    return [
        {
            "id": row["id"],
            "form": form_key,
            "version": row["version__number"],
            "enterprise": row["enterprise_id"],
            **{name: row[name] for name in SUBMISSION_COLUMNS},
            "submitted_at": datetime_text(row["submitted_at"]),
        }
        for row in submissions
    ]
