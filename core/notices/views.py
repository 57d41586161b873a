"""The public notice page of an enterprise, and the portal's way to it.

The public page needs no sign-in (the notice is posted at the gate and online,
with a QR code to this address): it shows the enterprise's name and its
published notices, each with its public answers only. An enterprise with no
published notice answers 404, like an unknown id.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from core.notices.selectors import enterprise_notices, latest_notices
from core.organizations.models import Enterprise
from core.portal.frame import enterprise_portal, render_portal

NOTICES_PER_PAGE = 30


def notice_index(request):
    """The public index: the notices published most recently, newest first."""
    try:
        page = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        page = 1
    rows, more = latest_notices(page=page, per_page=NOTICES_PER_PAGE)
    return render(
        request,
        "notices/index.html",
        {
            "rows": rows,
            "page": page,
            "previous_page": page - 1 if page > 1 else None,
            "next_page": page + 1 if more else None,
        },
    )


def enterprise_notice_page(request, enterprise_id: int):
    enterprise = get_object_or_404(Enterprise, pk=enterprise_id)
    notices = enterprise_notices(enterprise=enterprise)
    if not notices:
        raise Http404
    return render(
        request,
        "notices/enterprise.html",
        {"enterprise_name": enterprise.name, "notices": notices},
    )


@enterprise_portal
def my_notices(request, *, scope, enterprise):
    """The signed-in enterprise's public page, or why there is none yet."""
    if enterprise_notices(enterprise=enterprise):
        return redirect("notices:enterprise", enterprise_id=enterprise.pk)
    return render_portal(
        request, "notices/none.html", scope=scope, enterprise=enterprise
    )
