"""The public notice page of an enterprise, and the portal's way to it.

The public page needs no sign-in (the notice is posted at the gate and online,
with a QR code to this address): it shows the enterprise's name and its
published notices, each with its public answers only. An enterprise with no
published notice answers 404, like an unknown id.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from wagtail.views import serve

from core.notices.models import NoticeKind
from core.notices.selectors import enterprise_notices
from core.notices.services import ensure_commitment_page, index_page
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for
from core.portal.frame import enterprise_portal, render_portal
from core.portal.views_root import root_redirect


def notice_index(request):
    """The former public index: now the commitment notices' index page."""
    return redirect(index_page(NoticeKind.COMMITMENT).url, permanent=True)


def enterprise_notice_page(request, enterprise_id: int):
    """A former notice address (printed QR codes point here): its page."""
    enterprise = get_object_or_404(Enterprise, pk=enterprise_id)
    if not enterprise_notices(enterprise=enterprise):
        raise Http404
    page = ensure_commitment_page(enterprise)
    return redirect(page.url, permanent=True)


def public_root(request):
    """``/``: the public site's home for a visitor; a signed-in user of the
    platform goes on to the admin or the portal as before."""
    if request.user.is_authenticated and scope_for(request.user).role:
        return root_redirect(request)
    return serve(request, "")


@enterprise_portal
def my_notices(request, *, scope, enterprise):
    """The signed-in enterprise's public page, or why there is none yet."""
    if enterprise_notices(enterprise=enterprise):
        return redirect(ensure_commitment_page(enterprise).url)
    return render_portal(
        request, "notices/none.html", scope=scope, enterprise=enterprise
    )
