"""Writes of the rescue capability, each post's emergency content and the
workers' read signatures."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from core.base.errors import Invalid, Problems, Refused
from core.emergency.models import (
    EmergencyPlan,
    PostEmergencyContent,
    ReadSignature,
    RescueAgreement,
    RescueTeam,
    RescueTeamKind,
    RescueTeamMember,
    TrainingAttendance,
)
from core.emergency.services.base import SHORT_MAX, TEXT_MAX, _refuse_unless_writer
from core.organizations.models import Enterprise, Person, Unit
from core.organizations.scope import scope_for

# -- rescue capability --------------------------------------------------------------------


@transaction.atomic
def rescue_team_save(
    *,
    actor,
    enterprise: Enterprise,
    name: str,
    kind: str,
    members: Sequence[tuple[Person | int, str]] = (),
    equipment: str = "",
    supplies_location: str = "",
    team: RescueTeam | None = None,
) -> RescueTeam:
    """Create or update the enterprise's rescue team and its members
    (``(person, duty)`` pairs: the list replaces the previous one)."""
    _refuse_unless_writer(actor, enterprise, changing=team)
    problems = Problems()
    name = problems.text(name, "name", limit=100, required=True)
    if kind not in RescueTeamKind.values:
        problems.add("kind", _("Choose one of the offered values."))
    equipment = problems.text(equipment, "equipment", limit=TEXT_MAX)
    supplies_location = problems.text(
        supplies_location, "supplies_location", limit=SHORT_MAX
    )
    person_ids: list[int] = [p if isinstance(p, int) else p.pk for p, _duty in members]
    found = set(
        Person.objects.filter(pk__in=person_ids, enterprise=enterprise).values_list(
            "pk", flat=True
        )
    )
    if found != set(person_ids) or len(set(person_ids)) != len(person_ids):
        problems.add("members", _("Choose each person of this enterprise once."))
    problems.raise_any()
    if team is None:
        team = RescueTeam(enterprise=enterprise)
    team.name, team.kind = name, kind
    team.equipment, team.supplies_location = equipment, supplies_location
    team.save()
    team.members.all().delete()
    RescueTeamMember.objects.bulk_create(
        RescueTeamMember(team=team, person_id=pid, duty=str(duty)[:100])
        for pid, (_p, duty) in zip(person_ids, members, strict=True)
    )
    return team


@transaction.atomic
def rescue_agreement_save(
    *,
    actor,
    enterprise: Enterprise,
    party: str,
    valid_from: datetime.date | str,
    valid_until: datetime.date | str,
    contact: str = "",
    agreement: RescueAgreement | None = None,
) -> RescueAgreement:
    """Record (or renew) a rescue agreement with a professional team."""
    _refuse_unless_writer(actor, enterprise, changing=agreement)
    problems = Problems()
    party = problems.text(party, "party", limit=SHORT_MAX, required=True)
    contact = problems.text(contact, "contact", limit=100)
    start = problems.date(valid_from, "valid_from", required=True)
    end = problems.date(valid_until, "valid_until", required=True)
    if start and end and end < start:
        problems.add("valid_until", _("The end must not be before the start."))
    problems.raise_any()
    if agreement is None:
        agreement = RescueAgreement(enterprise=enterprise)
    agreement.party, agreement.contact = party, contact
    assert start is not None and end is not None  # required: checked above
    agreement.valid_from, agreement.valid_until = start, end
    agreement.save()
    return agreement


# -- the emergency content of a post ----------------------------------------------------


def _rows(
    value: Any, field: str, keys: tuple[str, ...], problems: Problems
) -> list[dict[str, str]]:
    if not isinstance(value, list | tuple):
        problems.add(field, _("Give a list."))
        return []
    rows = []
    for row in value:
        if not isinstance(row, dict) or not str(row.get(keys[0], "")).strip():
            problems.add(field, _("Each entry needs its %(key)s.") % {"key": keys[0]})
            return []
        rows.append({key: str(row.get(key, "")).strip()[:SHORT_MAX] for key in keys})
    if len(rows) > 30:
        problems.add(field, _("At most %(n)d entries.") % {"n": 30})
    return rows


@transaction.atomic
def post_content_save(
    *,
    actor,
    post: Unit,
    scenario: str,
    first_actions: Any = (),
    reporting_path: str = "",
    cautions: str = "",
    contacts: Any = (),
    escape_route: str = "",
    assembly_point: str = "",
    plan: EmergencyPlan | None = None,
) -> PostEmergencyContent:
    """Write the emergency disposal content of a post (one per post)."""
    _refuse_unless_writer(actor, post.enterprise_id)
    problems = Problems()
    if post.kind != Unit.Kind.POST:
        problems.add("post", _("Choose a post."))
    if plan is not None and plan.enterprise_id != post.enterprise_id:
        problems.add("plan", _("Choose a plan of this enterprise."))
    values = {
        "scenario": problems.text(scenario, "scenario", limit=300, required=True),
        "first_actions": _rows(
            list(first_actions), "first_actions", ("action", "responsible"), problems
        ),
        "reporting_path": problems.text(reporting_path, "reporting_path", limit=2000),
        "cautions": problems.text(cautions, "cautions", limit=2000),
        "contacts": _rows(list(contacts), "contacts", ("name", "phone"), problems),
        "escape_route": problems.text(escape_route, "escape_route", limit=2000),
        "assembly_point": problems.text(
            assembly_point, "assembly_point", limit=SHORT_MAX
        ),
        "plan": plan,
    }
    problems.raise_any()
    content, _created = PostEmergencyContent.objects.update_or_create(
        post=post, defaults={"enterprise_id": post.enterprise_id, **values}
    )
    return content


# -- a worker signs what they have read --------------------------------------------------

#: What a worker signs for.
READ_CARD = "card"
READ_TRAINING = "training"


@transaction.atomic
def read_sign(*, actor, post: Unit | int, what: str = READ_CARD) -> ReadSignature:
    """The actor signs that they have read their post's emergency content (or
    their training record). Only a holder of the post signs, for themselves;
    signing again the same version changes nothing."""
    scope = scope_for(actor)
    post_pk = post if isinstance(post, int) else post.pk
    person = Person.objects.filter(user=actor).first()
    if (
        person is None
        or not scope.is_enterprise
        or not person.posts.filter(pk=post_pk).exists()
    ):
        raise Refused(_("Only a worker of this post signs for it."))
    if what not in (READ_CARD, READ_TRAINING):
        raise Invalid.at(("what",), _("Choose one of the offered values."))
    if what == READ_CARD:
        content = PostEmergencyContent.objects.filter(post_id=post_pk).first()
        if content is None:
            raise Invalid.at(("post",), _("This post has no emergency content yet."))
        version = content.updated_at.isoformat()
    else:
        latest = (
            TrainingAttendance.objects.filter(person=person)
            .order_by("-pk")
            .values_list("pk", flat=True)
            .first()
        )
        version = str(latest or 0)
    signature, _created = ReadSignature.objects.get_or_create(
        person=person, post_id=post_pk, what=what, version=version
    )
    return signature
