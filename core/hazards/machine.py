"""The closed loop of a hazard (隐患治理), as one table.

Every step a hazard can take is one ``Step`` row of ``STEPS``: the action's
name, the states it leaves from, the state it leads to (``None``: it stays),
who may take it, and what it needs. The services (``core.hazards.services``)
take a step only through ``step_problems``; the portal and the API show the
buttons of ``available_steps``. Nothing else knows the life cycle.

Who (``Step.who``), decided with the one scope (``core.organizations.scope``):

* ``manager`` — the enterprise's safety manager (the confirming level);
* ``responsible`` — the hazard's responsible person (their user account); the
  manager stands in only when that person has no account;
* ``acceptor`` — the manager, or, for a hazard under supervision (挂牌督办),
  only the supervising office; never who submitted it for acceptance;
* ``supervisor`` — an industry department or territorial office that sees
  the enterprise.

Government users never take the enterprise's own steps (the first three).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.hazards.models import Hazard, HazardGrade, HazardStatus
from core.organizations.models import Role
from core.organizations.scope import Scope

S = HazardStatus
WORKING = (S.CONFIRMED, S.RECTIFYING)


@dataclass(frozen=True)
class Step:
    action: str
    label: Promise
    sources: tuple[str, ...]
    target: str | None
    who: tuple[str, ...]
    # Data the step takes (field names of ``Hazard`` or of the step).
    fields: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    needs_comment: bool = False
    needs_evidence: bool = False
    # A condition on the hazard beyond its state (name of a ``_guard_*``).
    guard: str = ""
    # Shown as the warning ("danger") button.
    negative: bool = False


PLAN_FIELDS = ("rectification_measures", "rectification_cost", "contingency_plan")
CODE_FIELDS = ("how_found", "fix_mode", "hazard_type", "management_class")

STEPS: tuple[Step, ...] = (
    Step(
        "confirm",
        _("Confirm and assign"),
        (S.REPORTED,),
        S.CONFIRMED,
        ("manager",),
        fields=(
            "grade",
            "responsible",
            "deadline",
            "risk_point",
            *CODE_FIELDS,
            *PLAN_FIELDS,
        ),
        required=("grade", "responsible", "deadline"),
    ),
    Step(
        "reject",
        _("Reject the report"),
        (S.REPORTED,),
        S.REJECTED,
        ("manager",),
        needs_comment=True,
        negative=True,
    ),
    Step(
        "plan",
        _("Record the rectification plan"),
        WORKING,
        None,
        ("manager", "responsible"),
        fields=PLAN_FIELDS,
    ),
    Step(
        "start",
        _("Start rectification"),
        (S.CONFIRMED,),
        S.RECTIFYING,
        ("responsible",),
        guard="five_assurances",
    ),
    Step(
        "submit",
        _("Submit for acceptance"),
        (S.RECTIFYING,),
        S.AWAITING_ACCEPTANCE,
        ("responsible",),
        needs_evidence=True,
    ),
    Step(
        "accept",
        _("Accept and close"),
        (S.AWAITING_ACCEPTANCE,),
        S.CLOSED,
        ("acceptor",),
        guard="not_the_rectifier",
    ),
    Step(
        "refuse",
        _("Refuse acceptance"),
        (S.AWAITING_ACCEPTANCE,),
        S.RECTIFYING,
        ("acceptor",),
        needs_comment=True,
        negative=True,
    ),
    Step(
        "request_extension",
        _("Request an extension"),
        WORKING,
        None,
        ("responsible",),
        fields=("extension_until",),
        required=("extension_until",),
        needs_comment=True,
        guard="no_extension_pending",
    ),
    Step(
        "approve_extension",
        _("Approve the extension"),
        WORKING,
        None,
        ("manager",),
        guard="extension_pending",
    ),
    Step(
        "refuse_extension",
        _("Refuse the extension"),
        WORKING,
        None,
        ("manager",),
        needs_comment=True,
        guard="extension_pending",
        negative=True,
    ),
    Step(
        "reopen",
        _("Reopen"),
        (S.CLOSED,),
        S.RECTIFYING,
        ("manager",),
        needs_comment=True,
        negative=True,
    ),
    Step(
        "supervise",
        _("Place under supervision (挂牌督办)"),
        (S.REPORTED, S.CONFIRMED, S.RECTIFYING, S.AWAITING_ACCEPTANCE),
        None,
        ("supervisor",),
        guard="major_unsupervised",
    ),
)
STEPS_BY_ACTION = {step.action: step for step in STEPS}
ENTERPRISE_ROLES = ("manager", "responsible")


# -- who -----------------------------------------------------------------------------


def _is_manager(scope: Scope, hazard: Hazard) -> bool:
    return scope.can_manage_safety_records(hazard.enterprise_id)


def _is_responsible(scope: Scope, hazard: Hazard) -> bool:
    if scope.is_superuser:
        return True
    if not (scope.is_enterprise and scope.enterprise_id == hazard.enterprise_id):
        return False
    person = hazard.responsible
    if person is not None and person.user_id is not None:
        return person.user_id == scope.user_id
    return scope.role == Role.ENTERPRISE_MANAGER


def _is_acceptor(scope: Scope, hazard: Hazard) -> bool:
    if hazard.supervised:
        if scope.is_superuser:
            return True
        return (
            scope.is_government
            and scope.department is not None
            and scope.department.pk == hazard.supervising_department_id
        )
    return _is_manager(scope, hazard)


def _is_supervisor(scope: Scope, hazard: Hazard) -> bool:
    return (
        scope.role in (Role.INDUSTRY_DEPARTMENT, Role.TERRITORIAL_OFFICE)
        and scope.department is not None
        and scope.can_view_enterprise(hazard.enterprise_id)
    )


WHO = {
    "manager": _is_manager,
    "responsible": _is_responsible,
    "acceptor": _is_acceptor,
    "supervisor": _is_supervisor,
}


def may_take(scope: Scope, hazard: Hazard, step: Step) -> bool:
    return any(WHO[who](scope, hazard) for who in step.who)


# -- conditions ------------------------------------------------------------------------


def _guard_five_assurances(hazard: Hazard, scope: Scope) -> str:
    if hazard.is_major and hazard.five_assurances_missing():
        return gettext(
            "A major hazard needs its five assurances (measures, responsible "
            "person, funds, deadline, contingency plan) before rectification "
            "starts."
        )
    return ""


def _guard_not_the_rectifier(hazard: Hazard, scope: Scope) -> str:
    if not scope.is_superuser and hazard.submitted_by_id == scope.user_id:
        return gettext("Who submitted the rectification cannot also accept it.")
    return ""


def _guard_no_extension_pending(hazard: Hazard, scope: Scope) -> str:
    if hazard.extension_until is not None:
        return gettext("An extension request is already waiting for a decision.")
    return ""


def _guard_extension_pending(hazard: Hazard, scope: Scope) -> str:
    if hazard.extension_until is None:
        return gettext("No extension has been requested.")
    return ""


def _guard_major_unsupervised(hazard: Hazard, scope: Scope) -> str:
    if hazard.grade != HazardGrade.MAJOR:
        return gettext("Only a major hazard is placed under supervision.")
    if hazard.supervised:
        return gettext("This hazard is already under supervision.")
    return ""


GUARDS = {
    "five_assurances": _guard_five_assurances,
    "not_the_rectifier": _guard_not_the_rectifier,
    "no_extension_pending": _guard_no_extension_pending,
    "extension_pending": _guard_extension_pending,
    "major_unsupervised": _guard_major_unsupervised,
}


# -- asking the table --------------------------------------------------------------------


def refusal(scope: Scope, hazard: Hazard, step: Step) -> str:
    """Why ``scope`` may not take ``step`` on ``hazard`` (empty: it may)."""
    if may_take(scope, hazard, step):
        return ""
    if scope.is_government and set(step.who) <= set(ENTERPRISE_ROLES):
        return gettext(
            "Government users do not take the enterprise's own steps on a hazard."
        )
    if step.who == ("acceptor",) and hazard.supervised:
        return gettext(
            "This hazard is under supervision: only the supervising office accepts it."
        )
    if step.who == ("supervisor",):
        return gettext(
            "Only a supervising department places a hazard under supervision."
        )
    if "responsible" in step.who and "manager" not in step.who:
        return gettext("Only the hazard's responsible person takes this step.")
    return gettext("Only the enterprise's safety manager takes this step.")


def state_problem(scope: Scope, hazard: Hazard, step: Step) -> str:
    """Why ``step`` cannot be taken from where ``hazard`` is (empty: it can)."""
    if hazard.status not in step.sources:
        return gettext(
            "“%(action)s” is not possible while the hazard is %(status)s."
        ) % {"action": step.label, "status": hazard.get_status_display()}
    if step.guard:
        return GUARDS[step.guard](hazard, scope)
    return ""


def available_steps(scope: Scope, hazard: Hazard) -> list[Step]:
    """The steps ``scope`` may take on ``hazard`` now (buttons, the API's list)."""
    return [
        step
        for step in STEPS
        if may_take(scope, hazard, step) and not state_problem(scope, hazard, step)
    ]
