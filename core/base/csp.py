"""The Content-Security-Policy: the platform's own scripts and styles only.

``CONTENT_SECURITY_POLICY`` (django-csp) is the policy of every page: scripts,
styles, fonts and images from the platform itself, no inline script, no
plug-ins, no framing, forms posting only to the platform. Two screens we do
not write need more, and get it on their own paths only
(``SAFEGRID_CSP_ALLOWANCES``, path prefix → directives added):

* the Wagtail admin sets ``style`` attributes from its templates and
  scripts, and previews pages in a same-origin frame;
* Swagger UI (``/api/v1/docs/``, served by drf-spectacular's split view so
  its start-up script is a file, not inline) styles elements inline and
  shows data: images.

An inline script injected in user text is blocked everywhere.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def _allowances(path: str) -> dict[str, list[str]] | None:
    found: dict[str, list[str]] = {}
    for prefix, directives in getattr(settings, "SAFEGRID_CSP_ALLOWANCES", {}).items():
        if path.startswith(prefix):
            for name, sources in directives.items():
                found.setdefault(name, []).extend(sources)
    return found or None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, adding the allowances of the request's path."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        extra = _allowances(request.path_info)
        if extra is None:
            return parts
        update = {**extra, **(parts.update or {})}
        return PolicyParts(parts.config, update, parts.replace, parts.nonce)
