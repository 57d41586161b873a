"""The public site's entry (/), the former notice addresses, and the
enterprise's notices in its portal.

The public pages themselves are Wagtail pages (core/notices/models.py). The
former addresses /notices/ and /notices/<id>/ (printed QR codes) redirect to
them; an enterprise with no published commitment answers 404 there, like an
unknown id.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.views import serve

from core.base.errors import Invalid, Refused, show_messages
from core.notices.models import EnterpriseRiskNoticePage, NoticeKind
from core.notices.policy import may_edit_notice
from core.notices.sanitise import text_to_html
from core.notices.selectors import (
    RISK_LEVEL_CHOICES,
    enterprise_notices,
    neighbour_notices,
    risk_notice_state,
)
from core.notices.services import (
    ensure_commitment_page,
    index_page,
    notice_withdraw,
    rejection_reason,
    risk_notice_generate,
    risk_notice_submit,
    risk_notice_update,
)
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for
from core.portal.frame import enterprise_portal, portal_page
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


@portal_page("notices/portal.html")
def my_notices(request, *, scope, enterprise):
    """The enterprise's notices in its portal: its risk notice (state, the
    department's reason for a rejection, the edit form), its commitment page,
    and the published notices of its neighbours (告知相邻企业)."""
    page = EnterpriseRiskNoticePage.objects.filter(enterprise=enterprise).first()
    draft = page.get_latest_revision_as_object() if page else None
    commitment = (
        ensure_commitment_page(enterprise)
        if enterprise_notices(enterprise=enterprise)
        else None
    )
    return {
        "page": page,
        "draft": draft,
        "state": risk_notice_state(page) if page else "",
        "reason": rejection_reason(page) if page else "",
        "may_edit": may_edit_notice(request.user, enterprise),
        "levels": RISK_LEVEL_CHOICES,
        "commitment": commitment,
        "neighbours": neighbour_notices(
            enterprise=enterprise, distance_m=settings.SAFEGRID_NEIGHBOUR_DISTANCE_M
        ),
    }


def _own_page(enterprise) -> EnterpriseRiskNoticePage:
    return get_object_or_404(EnterpriseRiskNoticePage, enterprise=enterprise)


def _done(request, call) -> HttpResponse:
    """Run a service; its refusal or problems become messages on the page."""
    try:
        call()
    except Refused as error:
        return HttpResponseForbidden(str(error))
    except Invalid as error:
        show_messages(request, error)
    else:
        messages.success(request, _("Done."))
    return redirect("notices:mine")


@require_POST
@enterprise_portal
def risk_generate(request, *, scope, enterprise):
    return _done(
        request, lambda: risk_notice_generate(actor=request.user, enterprise=enterprise)
    )


def points_from_post(post, count: int) -> list[dict]:
    """The edit form's rows (``points-N-…``), without those marked removed."""
    points = []
    for number in range(min(count, 100)):
        prefix = f"points-{number}-"
        if post.get(prefix + "remove"):
            continue
        points.append(
            {
                "name": post.get(prefix + "name", ""),
                "level": post.get(prefix + "level", ""),
                "control": post.get(prefix + "control", ""),
                "emergency": post.get(prefix + "emergency", ""),
            }
        )
    return points


@require_POST
@enterprise_portal
def risk_edit(request, *, scope, enterprise):
    page = _own_page(enterprise)
    try:
        count = int(request.POST.get("count", "0"))
    except ValueError:
        count = 0
    return _done(
        request,
        lambda: risk_notice_update(
            actor=request.user,
            page=page,
            title=request.POST.get("title", ""),
            intro_html=text_to_html(request.POST.get("intro", "")),
            points=points_from_post(request.POST, count),
        ),
    )


@require_POST
@enterprise_portal
def risk_submit(request, *, scope, enterprise):
    page = _own_page(enterprise)
    return _done(request, lambda: risk_notice_submit(actor=request.user, page=page))


@require_POST
@enterprise_portal
def risk_withdraw(request, *, scope, enterprise):
    page = _own_page(enterprise)
    return _done(request, lambda: notice_withdraw(actor=request.user, page=page))
