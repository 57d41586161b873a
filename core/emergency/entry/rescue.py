"""The entry screens of the rescue team and agreements, and each post's
emergency content."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.emergency import forms as entry
from core.emergency import services
from core.emergency.entry.frame import _initial, manager_entry
from core.emergency.models import (
    EmergencyPlan,
    PostEmergencyContent,
    RescueAgreement,
    RescueTeam,
    RescueTeamKind,
)

# -- rescue capability ------------------------------------------------------------------


@manager_entry
@require_GET
def rescue(request, *, page):
    teams = list(
        RescueTeam.objects.filter(enterprise=page.enterprise).order_by("pk")[:20]
    )
    members = {
        team.pk: [
            (m.person.name, m.duty)
            for m in team.members.select_related("person").order_by("pk")[:200]
        ]
        for team in teams[:1]
    }
    return page.show(
        "emergency/portal/rescue.html",
        team=teams[0] if teams else None,
        members=members.get(teams[0].pk, []) if teams else [],
        agreements=list(
            RescueAgreement.objects.filter(enterprise=page.enterprise).order_by(
                "-valid_until", "pk"
            )[:100]
        ),
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def rescue_team(request, *, page):
    team = RescueTeam.objects.filter(enterprise=page.enterprise).order_by("pk").first()
    current = (
        list(team.members.select_related("person").order_by("pk")[:200]) if team else []
    )
    initial = {}
    if team:
        initial = {
            "name": team.name,
            "kind": team.kind,
            "equipment": team.equipment,
            "supplies_location": team.supplies_location,
            "members": [m.person_id for m in current],
            "duties": "\n".join(
                f"{m.person.name}: {m.duty}" for m in current if m.duty
            ),
        }
    form = entry.RescueTeamForm(
        request.POST or None,
        initial=initial,
        choices={
            "kind": RescueTeamKind.choices,
            "members": page.people(keep=initial.get("members", [])),
        },
    )

    def write(data):
        duties = data.pop("duty_of")
        data.pop("duties")
        members = [(pk, duties.get(pk, "")) for pk in data.pop("members")]
        services.rescue_team_save(
            actor=request.user,
            enterprise=page.enterprise,
            team=team,
            members=members,
            **data,
        )
        return _("Rescue team saved.")

    return page.form(
        form, write, title=_("Rescue team"), back="emergency:rescue", search=True
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def agreement_edit(request, pk: int | None = None, *, page):
    agreement = page.own(RescueAgreement, pk)
    initial = _initial(agreement, "party", "contact", "valid_from", "valid_until")
    form = entry.RescueAgreementForm(request.POST or None, initial=initial)

    def write(data):
        services.rescue_agreement_save(
            actor=request.user, enterprise=page.enterprise, agreement=agreement, **data
        )
        return _("Rescue agreement saved.")

    return page.form(form, write, title=_("Rescue agreement"), back="emergency:rescue")


# -- posts: emergency content, required trainings, exposures ---------------------------


@manager_entry
@require_GET
def posts(request, *, page):
    rows = page.posts()
    ids = [pk for pk, _name in rows]
    with_content = set(
        PostEmergencyContent.objects.filter(post__in=ids).values_list(
            "post_id", flat=True
        )
    )
    return page.show(
        "emergency/portal/posts.html",
        posts=[(pk, name, pk in with_content) for pk, name in rows],
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def post_content(request, pk: int, *, page):
    post = page.post_of(pk)
    content = PostEmergencyContent.objects.filter(post=post).first()
    initial = {}
    if content:
        initial = {
            name: getattr(content, name)
            for name in (
                "scenario",
                "first_actions",
                "reporting_path",
                "cautions",
                "contacts",
                "escape_route",
                "assembly_point",
            )
        }
        initial["plan"] = content.plan_id
    plans = page.plans()
    form = entry.PostContentForm(
        request.POST or None, initial=initial, choices={"plan": plans}
    )

    def write(data):
        plan_pk = data.pop("plan")
        plan = EmergencyPlan.objects.filter(
            enterprise=page.enterprise, pk=plan_pk
        ).first()
        services.post_content_save(actor=request.user, post=post, plan=plan, **data)
        return _("Emergency content of %(post)s saved.") % {"post": post.name}

    return page.form(
        form,
        write,
        title=_("Emergency content · %(post)s") % {"post": post.name},
        back="emergency:posts",
    )
