"""The portal's notifications: the list, and opening one (marks it read)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from core.notifications import selectors, services
from core.portal.frame import enterprise_portal, portal_page


@portal_page("notifications/list.html")
@require_http_methods(["GET"])
def notification_list(request, *, scope, enterprise):
    return {"notifications": selectors.notifications_of(request.user)}


@enterprise_portal
@require_POST
def notification_open(request, pk, *, scope, enterprise):
    notification = selectors.notification_of(request.user, pk)
    if notification is None:
        raise Http404
    services.notification_open(actor=request.user, notification=notification)
    url = notification.url
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(url)
    return redirect("notifications:list")


@enterprise_portal
@require_POST
def notifications_read(request, *, scope, enterprise):
    services.notifications_mark_all_read(actor=request.user)
    return redirect("notifications:list")
