"""The guided entry of a risk point, on the guided-entry framework (``core.guided``).

Steps: risk point → factors and events → assessment → measures →
responsibility → review. The draft (``RiskDraft.data``) holds the risk
point's data object (``core.risks.drafts``), never form posts: a new
entry starts empty, an edit from the point as it is, the use of a library
entry from the entry's exact copy — and nothing is written to the
enterprise's risk records before "save".

Validation happens once per boundary. Posting a step validates that step's
form, then the whole point as the service will (``risk_point_data_errors``
over the canonical data, with this step replaced; the assessments were
validated by the assessment step itself), and puts each JSON-Pointer error on
the step and field it concerns. An assessment is evaluated once when its
inputs change, and the result is kept in the draft for the review; the save
(``risk_point_create`` / ``risk_point_update``, one transaction) validates
and evaluates once more, as every write does.

URLs: a new entry or a library copy lives at ``drafts/<uuid>/``; editing a
point at ``<pk>/edit/`` (the draft is found by the user and the point, and
written only when something changed).
"""

from __future__ import annotations

import uuid
from functools import cached_property, partial
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.guided.views import GuidedWizard
from core.risks.drafts import (
    DATA_STEPS,
    BuiltData,
    build_point_data,
    canonical_from_point,
    evaluation_of,
    kept_evaluation,
    merge_step,
    step_form_data,
)
from core.risks.forms import (
    AssessmentStepForm,
    ControlForm,
    FactorsEventsForm,
    MeasuresStepForm,
    PointForm,
    ReviewForm,
    RiskChoices,
)
from core.risks.models import (
    ControlLevel,
    ControlMeasure,
    InspectionUnit,
    RiskDraft,
    RiskPoint,
)
from core.risks.selectors import risk_point_detail
from core.risks.services import (
    Lookups,
    risk_point_create,
    risk_point_data_errors,
    risk_point_update,
)
from core.scoring import InvalidInputs, number
from plugins.contributions import risk_level_rank

STEPS = (
    ("point", PointForm),
    ("events", FactorsEventsForm),
    ("assessment", AssessmentStepForm),
    ("measures", MeasuresStepForm),
    ("control", ControlForm),
    ("review", ReviewForm),
)
STEP_TITLES = {
    "point": gettext_lazy("Risk point"),
    "events": gettext_lazy("Factors and events"),
    "assessment": gettext_lazy("Assessment"),
    "measures": gettext_lazy("Control measures"),
    "control": gettext_lazy("Responsibility"),
    "review": gettext_lazy("Review and save"),
}
PREFIX = "risk_point_draft_"
EDIT_PREFIX = "risk_point_edit_"
# The state of a draft whose review was confirmed: "done" saves it.
CONFIRMED = "done"


def draft_prefix(draft_id: uuid.UUID) -> str:
    return f"{PREFIX}{draft_id.hex}"


def edit_prefix(point_pk: int) -> str:
    return f"{EDIT_PREFIX}{point_pk}"


def _position_text(position: dict[str, Any] | None) -> str:
    if not position:
        return ""
    if position.get("type") == "point":
        return _("%(x)s%% across, %(y)s%% down") % {
            "x": number(position["x"] * 100),
            "y": number(position["y"] * 100),
        }
    return _("a drawn area")


class RiskPointWizard(GuidedWizard):
    """Enter or edit a risk point step by step; only the safety manager may."""

    form_list = STEPS
    template_name = "risks/wizard.html"
    saved_draft_url = "risks:drafts"

    @property
    def saved_draft_message(self) -> str:
        return _("Your draft was saved. Resume it from “My drafts” on any device.")

    # -- who, what --------------------------------------------------------------------
    def admit(self, scope, enterprise) -> None:
        if not scope.can_manage_safety_records(enterprise):
            raise PermissionDenied(_("Only the safety manager may enter risk points."))

    def setup_entry(self, **kwargs) -> None:
        self.choices = RiskChoices(self.enterprise)
        self.evaluations: dict[str, Any] = {}
        user = self.request.user
        if "pk" in kwargs:  # editing a point: the draft, if any, by point
            point = risk_point_detail(scope=self.scope, pk=kwargs["pk"])
            if point is None or point.enterprise_id != self.enterprise.pk:
                raise Http404
            self.risk_point: RiskPoint | None = point
            self.draft = RiskDraft.objects.filter(
                owner=user, enterprise=self.enterprise, risk_point=point
            ).first()
            self.draft_id = self.draft.draft_id if self.draft else uuid.uuid4()
            return
        self.draft_id = kwargs["draft_id"]
        self.draft = RiskDraft.objects.filter(draft_id=self.draft_id).first()
        if self.draft is not None and (
            self.draft.owner_id != user.pk
            or self.draft.enterprise_id != self.enterprise.pk
        ):
            raise Http404
        self.risk_point = None
        if self.draft is not None and self.draft.risk_point_id is not None:
            point = risk_point_detail(scope=self.scope, pk=self.draft.risk_point_id)
            if point is None:
                raise Http404
            self.risk_point = point

    def get_prefix(self, request, *args, **kwargs):
        # formtools' default is the class name: every draft would share it.
        if "pk" in kwargs:
            return edit_prefix(kwargs["pk"])
        return draft_prefix(kwargs["draft_id"])

    def get_step_url(self, step):
        if "pk" in self.kwargs:
            return reverse(
                "risks:edit_step", kwargs={"pk": self.kwargs["pk"], "step": step}
            )
        return reverse(self.url_name, kwargs={"draft_id": self.draft_id, "step": step})

    @cached_property
    def lookups(self) -> Lookups:
        return Lookups(self.enterprise)

    # -- the draft: the risk point's data object ---------------------------------------
    def draft_load(self):
        if self.draft is None:
            return None
        return dict(self.draft.data or {}), self.draft.current_step

    def draft_initial(self) -> dict[str, Any]:
        if self.risk_point is not None:
            return canonical_from_point(self.risk_point)
        return {}

    def draft_write(self, data: dict[str, Any], step: str) -> bool:
        if self.draft is None:
            self.draft = RiskDraft(
                draft_id=self.draft_id,
                owner=self.request.user,
                enterprise=self.enterprise,
                risk_point=self.risk_point,
            )
        self.draft.data = data
        self.draft.current_step = step or ""
        self.draft.save()
        return True

    def draft_worth_keeping(self, data: dict[str, Any]) -> bool:
        # A new entry is kept once it has the name "My drafts" lists it by.
        return self.risk_point is not None or bool(str(data.get("name") or "").strip())

    def step_form_data(self, step: str, data: dict[str, Any]) -> dict | None:
        return step_form_data(step, data)

    @property
    def canonical(self) -> dict[str, Any]:
        return self.storage.canonical

    # -- forms -------------------------------------------------------------------------
    def get_form_kwargs(self, step=None):
        kwargs: dict[str, Any] = {"choices": self.choices}
        if step in ("assessment", "measures"):
            kwargs["events"] = self.event_rows()
        return kwargs

    def get_form(self, step=None, data=None, files=None):
        step = step or self.steps.current
        form = super().get_form(step, data, files)
        form.wizard_check = partial(self.check_step, step)
        return form

    def event_rows(self) -> list[dict[str, Any]]:
        """The events of step 2 (key, name, id, latest assessment, and the
        assessment entered before with its evaluation)."""
        latest = {}
        if self.risk_point is not None:
            latest = {e.pk: e.latest_assessment for e in self.risk_point.events.all()}
        rows = []
        for event in self.canonical.get("events") or []:
            if not event.get("key"):
                continue
            assessment = event.get("assessment") or {}
            evaluation = evaluation_of(assessment)
            rows.append(
                {
                    "key": event["key"],
                    "name": event.get("name") or "",
                    "id": event.get("id"),
                    "latest": latest.get(event.get("id")),
                    "kept": (
                        assessment.get("method"),
                        _canonical_inputs(assessment.get("inputs") or {}),
                        evaluation,
                    )
                    if evaluation is not None
                    else None,
                }
            )
        return rows

    def step_values(self, step: str, form: Any) -> Any:
        """The step's cleaned data, or what is valid of it on its own."""
        if step == "review":
            return None
        cleaned = getattr(form, "cleaned_data", None)
        if form.is_bound and not form.errors and cleaned is not None:
            if hasattr(form, "parts") and set(cleaned) != set(form.parts):
                return form.partial_data()
            return cleaned
        if hasattr(form, "partial_data"):
            return form.partial_data()
        return cleaned or {}

    def _evaluations(self, step: str, form: Any) -> dict[str, Any]:
        if step != "assessment":
            return {}
        return {
            key: part.evaluation
            for key, part in form.parts.items()
            if getattr(part, "evaluation", None) is not None
        }

    def built(self, step: str | None = None, form: Any = None) -> BuiltData:
        canonical = self.canonical
        if step in DATA_STEPS and form is not None:
            canonical = merge_step(
                canonical,
                step,
                self.step_values(step, form),
                self._evaluations(step, form),
            )
        return build_point_data(canonical)

    def check_step(self, step: str, form: Any) -> None:
        """Validate the whole point as the service will; put this step's
        problems on its fields (on the review step: every problem)."""
        built = self.built(step, form)
        errors = risk_point_data_errors(
            data=built.data,
            lookups=self.lookups,
            risk_point=self.risk_point,
            check_assessments=False,
        )
        for error in errors:
            target, location = built.locate(error.location)
            if step == "review":
                form.add_error(
                    None, f"{STEP_TITLES.get(target, target)}: {error.reason}"
                )
            elif target == step:
                form.add_location_error(location, error.reason)

    def absorb(self, step: str, form) -> bool:
        valid = form.is_valid()
        if step in DATA_STEPS:
            self.storage.canonical = merge_step(
                self.canonical,
                step,
                self.step_values(step, form),
                self._evaluations(step, form),
            )
        return valid

    # -- what follows the last step: confirm, then save -----------------------------------
    def after_last_step(self):
        self.storage.current_step = CONFIRMED
        return redirect(self.get_step_url(self.done_step_name))

    def resume_step(self) -> str:
        # A confirmed draft that was not saved resumes at its review.
        if self.storage.step == CONFIRMED:
            return "review"
        return super().resume_step()

    def post_done_step(self):
        return redirect(self.get_step_url("review"))

    def first_problem_step(self) -> str | None:
        built = build_point_data(self.canonical)
        errors = risk_point_data_errors(
            data=built.data,
            lookups=self.lookups,
            risk_point=self.risk_point,
            check_assessments=False,
        )
        steps = [built.locate(error.location)[0] for error in errors]
        return next((s for s in DATA_STEPS if s in steps), None)

    def render_done_step(self):
        """Save the confirmed draft through the service, once."""
        if self.storage.step != CONFIRMED:
            failed = self.first_problem_step()
            return redirect(self.get_step_url(failed or "review"))
        built = build_point_data(self.canonical)
        user = self.request.user
        try:
            if self.risk_point is not None:
                point = risk_point_update(
                    user=user, risk_point=self.risk_point, data=built.data
                )
            else:
                point = risk_point_create(
                    user=user,
                    enterprise=self.enterprise,
                    data=built.data,
                    source=self.canonical.get("source") or "",
                    lookups=self.lookups,
                )
        except InvalidInputs as exc:
            # The draft is intact: show why on the review step.
            self.storage.current_step = "review"
            self.storage.extra_data = {
                "problems": [
                    f"{STEP_TITLES.get(built.locate(e.location)[0], '')}: {e.reason}"
                    for e in exc.errors
                ]
            }
            return redirect(self.get_step_url("review"))
        self.storage.finished = True
        if self.draft is not None and self.draft.pk:
            self.draft.delete()
        if point.level:
            message = _("“%(name)s” was saved: %(level)s.") % {
                "name": point.name,
                "level": point.get_level_display(),
            }
        else:
            message = _("“%(name)s” was saved; it is not assessed yet.") % {
                "name": point.name
            }
        messages.success(self.request, message)
        return redirect("risks:detail", pk=point.pk)

    # -- rendering ------------------------------------------------------------------
    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        current = self.steps.current
        names = list(self.get_form_list())
        filled = {name for name in DATA_STEPS if step_form_data(name, self.canonical)}
        context.update(
            {
                "step_name": current,
                "step_title": STEP_TITLES[current],
                "progress": [
                    {
                        "name": name,
                        "number": index + 1,
                        "title": STEP_TITLES[name],
                        "current": name == current,
                        "done": name in filled and name != current,
                        "reachable": name in filled or index <= names.index(current),
                    }
                    for index, name in enumerate(names)
                ],
                "risk_point": self.risk_point,
                "has_errors": current != "review"
                and form.is_bound
                and not form.is_valid(),
                "draft_id": self.draft_id,
                "choices": self.choices,
                "problems": (self.storage.extra_data or {}).get("problems", []),
            }
        )
        if current == "review":
            context["review"] = self.review()
        return context

    def review(self) -> dict[str, Any]:
        """What the review step shows: the data, and each event's value and
        level as computed when its inputs were entered (saving computes them
        once more)."""
        built = self.built()
        data = built.data
        latest = {}
        if self.risk_point is not None:
            latest = {e.pk: e.latest_assessment for e in self.risk_point.events.all()}
        kept = {
            event.get("key"): event.get("assessment") or {}
            for event in self.canonical.get("events") or []
        }
        events = []
        for key, event in zip(built.event_keys, data.events, strict=True):
            row: dict[str, Any] = {"event": event, "evaluation": None, "kept": None}
            if event.assessment is not None:
                row["evaluation"] = evaluation_of(kept.get(key) or {})
                if row["evaluation"] is None:
                    self._evaluate_for_review(key, event, row)
            elif event.id is not None:
                row["kept"] = latest.get(event.id)
            events.append(row)
        levels = [
            r["evaluation"].level if r["evaluation"] else r["kept"].level
            for r in events
            if r["evaluation"] or r["kept"]
        ]
        units = self.choices.unit_labels
        people = dict(self.choices.person_choices)
        control = data.control
        return {
            "data": data,
            "kind_label": dict(RiskPoint.Kind.choices).get(data.kind, ""),
            "control_level_label": dict(ControlLevel.choices).get(
                data.control.level, ""
            ),
            "inspection_unit_label": dict(InspectionUnit.choices).get(
                data.control.inspection_unit, ""
            ),
            "measure_labels": dict(ControlMeasure.Kind.choices),
            "position": _position_text(data.position),
            "events": events,
            "level": max(levels, key=risk_level_rank, default=""),
            "unit_label": units.get(data.unit) if data.unit else "",
            "responsible_unit": units.get(control.responsible_unit)
            if control.responsible_unit
            else "",
            "responsible_person": people.get(str(control.responsible_person), "")
            if control.responsible_person
            else "",
            "factor_names": {
                code: f.name for code, f in self.choices.factor_classes.items()
            },
            "accident_names": {
                code: a.name for code, a in self.choices.accident_types.items()
            },
        }

    def _evaluate_for_review(self, key: str, event: Any, row: dict[str, Any]) -> None:
        """An assessment never evaluated in this draft (a library suggestion
        taken as it is): evaluate it once and keep the result."""
        try:
            evaluation = self.choices.evaluate(
                event.assessment.method, event.assessment.inputs
            )
        except (InvalidInputs, LookupError) as exc:
            row["problem"] = "; ".join(
                e.reason for e in getattr(exc, "errors", [])
            ) or str(exc)
            return
        row["evaluation"] = evaluation
        events = []
        for stored in self.canonical.get("events") or []:
            if stored.get("key") == key:
                assessment = dict(stored.get("assessment") or {})
                assessment["evaluation"] = kept_evaluation(evaluation)
                stored = {**stored, "assessment": assessment}
            events.append(stored)
        self.storage.canonical = {**self.canonical, "events": events}


def _canonical_inputs(inputs: dict[str, Any]) -> str:
    import json

    return json.dumps(inputs, sort_keys=True, default=str)


def drafts_of(*, user: Any, enterprise: Any) -> list[RiskDraft]:
    """The user's drafts in their enterprise, newest first (one query)."""
    return list(
        RiskDraft.objects.filter(owner=user, enterprise=enterprise).select_related(
            "risk_point"
        )
    )
