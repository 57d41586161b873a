"""Every step of the closed loop × every role: allowed steps go, the others
are refused and change nothing (``core.hazards.machine``)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.base.errors import Invalid, Refused
from core.hazards.machine import STEPS, STEPS_BY_ACTION, available_steps
from core.hazards.models import Hazard, HazardGrade, HazardStatus, HazardTransition
from core.hazards.services import hazard_transition
from core.organizations.scope import scope_for
from tests.factories import WORLD_ROLES

pytestmark = pytest.mark.django_db

S = HazardStatus
ROLES = WORLD_ROLES
# action: (state it is tried from, hazard options, roles that may take it)
TABLE = {
    "confirm": (S.REPORTED, {}, {"superuser", "manager_a"}),
    "reject": (S.REPORTED, {}, {"superuser", "manager_a"}),
    "plan": (S.CONFIRMED, {}, {"superuser", "manager_a", "staff_a"}),
    "start": (S.CONFIRMED, {}, {"superuser", "staff_a"}),
    "submit": (S.RECTIFYING, {}, {"superuser", "staff_a"}),
    "accept": (S.AWAITING_ACCEPTANCE, {}, {"superuser", "manager_a"}),
    "refuse": (S.AWAITING_ACCEPTANCE, {}, {"superuser", "manager_a"}),
    "request_extension": (S.RECTIFYING, {}, {"superuser", "staff_a"}),
    "approve_extension": (
        S.RECTIFYING,
        {"extension": True},
        {"superuser", "manager_a"},
    ),
    "refuse_extension": (
        S.RECTIFYING,
        {"extension": True},
        {"superuser", "manager_a"},
    ),
    "reopen": (S.CLOSED, {}, {"superuser", "manager_a"}),
    "supervise": (
        S.RECTIFYING,
        {"grade": HazardGrade.MAJOR},
        {"dept_chemicals", "street1_office"},
    ),
}
# A supervised hazard: only the supervising office (the chemicals
# department here) accepts or refuses it.
SUPERVISED = {
    "accept": {"superuser", "dept_chemicals"},
    "refuse": {"superuser", "dept_chemicals"},
}


def test_the_table_covers_every_step():
    assert set(TABLE) == {step.action for step in STEPS}


def _payload(hz, action: str, hazard: Hazard):
    today = timezone.localdate()
    kwargs = {"comment": "原因说明"}
    if action == "confirm":
        kwargs["data"] = {
            "grade": "general",
            "responsible": hz.person.pk,
            "deadline": (today + datetime.timedelta(days=5)).isoformat(),
        }
    elif action == "plan":
        kwargs["data"] = {"rectification_measures": "更换门锁"}
    elif action == "submit":
        kwargs["evidence"] = [hz.photo()]
    elif action == "request_extension":
        kwargs["data"] = {
            "extension_until": (hazard.deadline + datetime.timedelta(days=7))
        }
    return kwargs


def _cases(table):
    for action, (_state, _options, allowed) in table.items():
        for role in ROLES:
            yield pytest.param(action, role, role in allowed, id=f"{action}-{role}")


def _hazard(hz, action: str, supervised: bool = False) -> Hazard:
    state, options, _allowed = TABLE[action]
    fields = {}
    if options.get("extension"):
        fields["extension_until"] = timezone.localdate() + datetime.timedelta(days=30)
    return hz.hazard(
        state,
        grade=options.get("grade", HazardGrade.GENERAL),
        supervised=supervised,
        **fields,
    )


@pytest.mark.parametrize(("action", "role", "allowed"), list(_cases(TABLE)))
def test_each_step_by_each_role(hz, action, role, allowed):
    hazard = _hazard(hz, action)
    user = hz.user(role)
    step = STEPS_BY_ACTION[action]
    offered = step in available_steps(scope_for(user), hazard)
    assert offered is allowed
    before = HazardTransition.objects.filter(hazard=hazard).count()
    kwargs = _payload(hz, action, hazard)
    if allowed:
        changed = hazard_transition(actor=user, hazard=hazard, action=action, **kwargs)
        if step.target:
            assert changed.status == step.target
        last = changed.transitions.order_by("-pk").first()
        assert (last.action, last.actor, last.from_status) == (
            action,
            user,
            TABLE[action][0],
        )
    else:
        with pytest.raises(Refused) as refused:
            hazard_transition(actor=user, hazard=hazard, action=action, **kwargs)
        assert str(refused.value)
        assert HazardTransition.objects.filter(hazard=hazard).count() == before
        fresh = Hazard.objects.get(pk=hazard.pk)
        assert (fresh.status, fresh.supervised, fresh.deadline) == (
            hazard.status,
            hazard.supervised,
            hazard.deadline,
        )


@pytest.mark.parametrize(
    ("action", "role", "allowed"),
    [
        pytest.param(action, role, role in allowed, id=f"supervised-{action}-{role}")
        for action, allowed in SUPERVISED.items()
        for role in ROLES
    ],
)
def test_a_supervised_hazard_is_accepted_by_the_supervising_office(
    hz, action, role, allowed
):
    hazard = _hazard(hz, action, supervised=True)
    user = hz.user(role)
    if allowed:
        hazard_transition(actor=user, hazard=hazard, action=action, comment="复查")
    else:
        with pytest.raises(Refused):
            hazard_transition(actor=user, hazard=hazard, action=action, comment="复查")
        assert Hazard.objects.get(pk=hazard.pk).status == S.AWAITING_ACCEPTANCE


@pytest.mark.parametrize("action", [step.action for step in STEPS])
def test_a_step_from_the_wrong_state_is_invalid(hz, action):
    state = TABLE[action][0]
    wrong = S.REJECTED if state != S.REJECTED else S.CLOSED
    hazard = hz.hazard(wrong, grade=HazardGrade.MAJOR)
    with pytest.raises(Invalid) as invalid:
        hazard_transition(
            actor=hz.world.superuser
            if action != "supervise"
            else hz.world.dept_chemicals,
            hazard=hazard,
            action=action,
            comment="x",
        )
    assert invalid.value.as_list()[0]["path"] == "/action"
    assert Hazard.objects.get(pk=hazard.pk).status == wrong


def test_the_rectifier_does_not_accept_their_own_work(hz):
    hazard = hz.hazard(S.AWAITING_ACCEPTANCE, submitted_by=hz.world.manager_a)
    with pytest.raises(Invalid):
        hazard_transition(actor=hz.world.manager_a, hazard=hazard, action="accept")


def test_a_comment_is_required_to_reject(hz):
    hazard = hz.hazard(S.REPORTED)
    with pytest.raises(Invalid) as invalid:
        hazard_transition(actor=hz.world.manager_a, hazard=hazard, action="reject")
    assert [e["path"] for e in invalid.value.as_list()] == ["/comment"]


def test_an_unknown_action_is_invalid(hz):
    hazard = hz.hazard(S.REPORTED)
    with pytest.raises(Invalid):
        hazard_transition(actor=hz.world.manager_a, hazard=hazard, action="explode")
