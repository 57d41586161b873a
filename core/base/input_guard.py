"""Bad input stops at the boundary: JSON depth, text that is not UTF-8, body size.

Every request passes ``RequestGuardMiddleware`` before anything reads its
body, and every JSON the platform accepts (API bodies, JSON carried in form
fields, imported files) is read with ``json_loads_checked``:

* **Size** — a ``Content-Length`` above ``SAFEGRID_MAX_REQUEST_BYTES`` is
  answered 413 before a byte of the body is read; ``LimitedUploadHandler``
  stops a multipart upload that grows past it while it streams in (a server
  that does not enforce ``Content-Length``). Bodies without files are held to
  Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE``.
* **Depth** — JSON nested deeper than ``MAX_JSON_DEPTH`` is refused by a scan
  of the raw text, before it is parsed (Python's parser recurses, and deep
  structures make ``deepcopy`` and validators crawl).
* **Text** — a body, query string or JSON string that is not valid UTF-8 (in
  JSON: a ``\\ud800`` escape with no partner) is refused. Stored, such text
  breaks every page and export that later renders it.

Refusals are 400s with a reason (API: ``{"errors": [{"path", "reason",
"keyword"}]}``); nothing is stored.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from rest_framework.parsers import JSONParser

from core.base.errors import Invalid

MAX_JSON_DEPTH = 32
DEFAULT_MAX_REQUEST_BYTES = 25 * 1024 * 1024

# A JSON string token (skipped whole) or a bracket (counted).
_JSON_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_JSON_TYPES = ("application/json", "+json")


def max_request_bytes() -> int:
    return int(
        getattr(settings, "SAFEGRID_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES)
    )


def json_depth(raw: bytes) -> int:
    """The deepest nesting of arrays and objects in ``raw`` (not parsed)."""
    depth = deepest = 0
    for match in _JSON_TOKENS.finditer(raw):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in (b"]", b"}"):
            depth -= 1
    return deepest


def lone_surrogate_path(value: Any) -> tuple[str | int, ...] | None:
    """Where ``value`` holds text that cannot be UTF-8 (a lone surrogate)."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            if not _is_utf8(item):
                return path
        elif isinstance(item, dict):
            for key, child in item.items():
                if isinstance(key, str) and not _is_utf8(key):
                    return path
                stack.append(((*path, key), child))
        elif isinstance(item, list | tuple):
            stack.extend(((*path, index), child) for index, child in enumerate(item))
    return None


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def not_utf8_reason() -> str:
    return _(
        "The text contains characters that are not valid UTF-8 (for example a "
        "lone surrogate); correct it and send it again."
    )


def json_loads_checked(
    raw: bytes | str, *, max_depth: int = MAX_JSON_DEPTH, location: tuple = ()
) -> Any:
    """Parse JSON that came from outside, or raise ``Invalid`` with the reason.

    Refuses text that is not UTF-8, nesting deeper than ``max_depth`` (checked
    before parsing) and strings with lone surrogates. ``location`` prefixes
    the JSON Pointer of the problems (e.g. ``("file",)``).
    """
    if isinstance(raw, str):
        if not _is_utf8(raw):
            raise Invalid.at(location, not_utf8_reason(), keyword="encoding")
        raw = raw.encode("utf-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Invalid.at(location, not_utf8_reason(), keyword="encoding") from None
    if json_depth(raw) > max_depth:
        raise Invalid.at(
            location,
            _("The JSON is nested too deeply (at most %(depth)d levels).")
            % {"depth": max_depth},
            keyword="depth",
        )
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        reason = _("This is not valid JSON.")
        if isinstance(exc, json.JSONDecodeError):
            reason = _("This is not valid JSON (line %(line)d, column %(column)d).") % {
                "line": exc.lineno,
                "column": exc.colno,
            }
        raise Invalid.at(location, reason, keyword="json") from None
    bad = lone_surrogate_path(value)
    if bad is not None:
        raise Invalid.at((*location, *bad), not_utf8_reason(), keyword="encoding")
    return value


class CheckedJSONParser(JSONParser):
    """DRF's JSON parser through ``json_loads_checked``; problems are
    ``Invalid`` (the API's exception handler answers 400 with the list)."""

    def parse(self, stream, media_type=None, parser_context=None):
        raw = stream.read() if stream is not None else b""
        return json_loads_checked(raw)


# -- the middleware ------------------------------------------------------------------


def _refusal(request: HttpRequest, status: int, reason: str, keyword: str):
    if request.path.startswith("/api/") or _is_json(request):
        return JsonResponse(
            {"errors": [{"path": "", "reason": reason, "keyword": keyword}]},
            status=status,
        )
    return HttpResponse(reason, status=status, content_type="text/plain; charset=utf-8")


def _is_json(request: HttpRequest) -> bool:
    content_type = (request.META.get("CONTENT_TYPE") or "").split(";")[0].strip()
    return content_type.endswith(_JSON_TYPES)


class RequestGuardMiddleware:
    """Refuse oversized bodies, deep JSON and text that is not UTF-8 early."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        refusal = self.check(request)
        if refusal is not None:
            return refusal
        return self.get_response(request)

    def check(self, request: HttpRequest) -> HttpResponse | None:
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not (length.isascii() and length.isdigit()):
            return _refusal(
                request, 400, _("The request has an invalid length."), "request"
            )
        limit = max_request_bytes()
        if int(length) > limit:
            return _refusal(
                request,
                413,
                _("The request is too large (at most %(mb)d MB).")
                % {"mb": limit // 2**20},
                "size",
            )
        query = request.META.get("QUERY_STRING", "")
        if query and not _utf8_after_unquoting(query):
            return _refusal(request, 400, not_utf8_reason(), "encoding")
        if request.method in ("GET", "HEAD", "OPTIONS") or int(length) == 0:
            return None
        content_type = (request.META.get("CONTENT_TYPE") or "").split(";")[0].strip()
        if content_type == "application/x-www-form-urlencoded":
            if not _utf8_after_unquoting(request.body):
                return _refusal(request, 400, not_utf8_reason(), "encoding")
        elif _is_json(request):
            try:
                json_loads_checked(request.body)
            except Invalid as invalid:
                return JsonResponse({"errors": invalid.as_list()}, status=400)
        return None


def _utf8_after_unquoting(text: str | bytes) -> bool:
    """Whether percent-encoded ``text`` decodes to UTF-8 (WSGI hands the query
    string over as latin-1 text)."""
    if isinstance(text, str):
        try:
            text = text.encode("latin-1")
        except UnicodeEncodeError:
            try:
                text = text.encode("utf-8")
            except UnicodeEncodeError:
                return False
    try:
        unquote_to_bytes(text.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class LimitedUploadHandler(FileUploadHandler):
    """Stop a multipart body that grows past ``SAFEGRID_MAX_REQUEST_BYTES``
    while it streams in, whatever its ``Content-Length`` said."""

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > max_request_bytes():
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


# -- Wagtail's block editor ------------------------------------------------------------


def guard_block_field(form, name: str) -> None:
    """Make a StreamField editor refuse a malformed post instead of crashing.

    Wagtail's block widgets read their many inputs (``body-count``,
    ``body-0-type``, ...) assuming the editor's script wrote them; a missing
    or non-numeric one raises ``KeyError``/``ValueError`` (a 500). Here such a
    post reads as an empty value and the form gets an error saying so (the
    definition views answer it with a 400).
    """
    field = form.fields.get(name)
    if field is None:
        return
    widget = field.widget
    read = widget.value_from_datadict

    def value_from_datadict(data, files, prefix):
        try:
            return read(data, files, prefix)
        except (KeyError, ValueError, TypeError, IndexError, AttributeError):
            form._malformed_blocks = True
            return widget.block_def.to_python([])

    widget.value_from_datadict = value_from_datadict
    clean = form.clean

    def guarded_clean():
        cleaned = clean()
        if getattr(form, "_malformed_blocks", False):
            # Not at the field: the block editor renders block errors only.
            form.add_error(
                None,
                _(
                    "The questions sent could not be read (the page may be out "
                    "of date): reload it and make the change again."
                ),
            )
        return cleaned

    form.clean = guarded_clean
