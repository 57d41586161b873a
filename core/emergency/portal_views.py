"""The portal's emergency page (phone width first).

Every enterprise user sees, for each post they hold, the post's emergency
disposal content (the 应急处置卡's content) and their own training record,
and signs that they have read them; the safety manager also sees the
enterprise's plans and what is due (agreements ending, drills not held,
required trainings missing, workplace tests overdue). Reads through
``core.emergency.selectors``, the signature through ``services.read_sign``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from core.base.errors import show_messages
from core.base.filters import parse_id
from core.emergency import selectors
from core.emergency.models import DrillPlanItem, ReadSignature
from core.emergency.services.rescue import READ_CARD, READ_TRAINING, read_sign
from core.organizations.models import Person
from core.portal.frame import enterprise_portal, portal_page


@portal_page("emergency/portal/home.html")
@require_GET
def emergency_home(request, *, scope, enterprise):
    today = timezone.localdate()
    person = Person.objects.filter(user=request.user, enterprise=enterprise).first()
    posts = list(person.posts.order_by("pk")[:20]) if person else []
    signed = set()
    if person is not None:
        signed = set(
            ReadSignature.objects.filter(person=person).values_list(
                "post_id", "what", "version"
            )
        )
    cards = []
    by_post = selectors.disposal_cards(scope=scope, posts=posts)
    for post in posts:
        card = by_post.get(post.pk)
        if card is None:
            continue
        version = card["updated_at"].isoformat() if card["updated_at"] else None
        cards.append(
            {
                "card": card,
                "post": post,
                "has_content": version is not None,
                "signed": (post.pk, READ_CARD, version) in signed,
            }
        )
    record = selectors.training_record(scope=scope, person=person) if person else []
    training_version = str(record[0].pk) if record else "0"
    rows = selectors.training_status(scope=scope, today=today, enterprise=enterprise.pk)
    status = [row for row in rows if person is not None and row["person"] == person.pk]
    manager = None
    if scope.can_manage_safety_records(enterprise):
        gaps = [row for row in rows if row["state"] != selectors.TRAINING_CURRENT]
        manager = {
            "plans": list(
                selectors.plan_list(scope=scope, enterprise=enterprise.pk)[:50]
            ),
            "filings": list(
                selectors.filing_list(scope=scope, enterprise=enterprise.pk)[:20]
            ),
            "agreements": list(
                selectors.agreements_expiring(
                    scope=scope, today=today, enterprise=enterprise.pk
                )[:20]
            ),
            "drills_overdue": list(
                DrillPlanItem.objects.filter(
                    enterprise=enterprise, due_on__lt=today, drill__isnull=True
                ).order_by("due_on")[:20]
            ),
            "training_gaps": gaps[:50],
            "tests_overdue": list(
                selectors.workplace_tests_overdue(
                    scope=scope, today=today, enterprise=enterprise.pk
                )[:5]
            ),
        }
    return {
        "cards": cards,
        "record": record,
        "status": status,
        "first_post": posts[0] if posts else None,
        "training_signed": bool(posts)
        and (posts[0].pk, READ_TRAINING, training_version) in signed,
        "manager": manager,
    }


@enterprise_portal
@require_POST
def emergency_sign(request, *, scope, enterprise):
    post = parse_id(request.POST.get("post"))
    what = request.POST.get("what", READ_CARD)
    if post is None:
        messages.error(request, _("Choose a post."))
        return redirect("emergency:home")
    try:
        read_sign(actor=request.user, post=post, what=what)
    except PermissionDenied as error:
        messages.error(request, str(error))
    except ValidationError as error:
        show_messages(request, error)
    else:
        messages.success(request, _("Signed: you have read it."))
    return redirect("emergency:home")


@portal_page("emergency/portal/drill_new.html")
@require_http_methods(["GET", "POST"])
def drill_new(request, *, scope, enterprise):
    """Record a drill held, with its photos (the safety manager)."""
    from core.emergency.forms import DrillForm
    from core.emergency.models import EmergencyPlan
    from core.emergency.services.drills import drill_record
    from core.hazards.portal_views import save_with_uploads

    if not scope.can_manage_safety_records(enterprise):
        return HttpResponseForbidden(_("Only the safety manager may change this."))
    form = DrillForm(
        request.POST or None,
        request.FILES or None,
        planned=DrillPlanItem.objects.filter(
            enterprise=enterprise, drill__isnull=True
        ).order_by("due_on")[:100],
        plans=EmergencyPlan.objects.filter(enterprise=enterprise).order_by("pk")[:100],
        people=Person.objects.filter(enterprise=enterprise).order_by("pk")[:300],
    )
    if request.method == "POST" and form.is_valid():

        def write(data, photos):
            return drill_record(
                actor=request.user, enterprise=enterprise, photos=photos, **data
            )

        if save_with_uploads(request, form, "photos", enterprise, write) is not None:
            messages.success(request, _("Drill recorded."))
            return redirect("emergency:home")
    return {"form": form}
