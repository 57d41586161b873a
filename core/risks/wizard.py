"""The guided entry of a risk point (django-formtools), with drafts in the database.

Steps: risk point → factors and events → assessment → measures →
responsibility → review. Each step's form is validated by itself and then,
through ``wizard_check``, by the service's own rules over the whole point
(``services.risk_point_data_errors``): every JSON-Pointer error is placed on
the step and field it concerns. "Save" calls ``risk_point_create`` (or
``risk_point_update`` when editing) once, at the end, in one transaction.

Drafts: ``RiskDraftStorage`` keeps formtools' state in a ``RiskDraft`` row
instead of the session, so a half-finished entry survives an expired session
and can be resumed on another device. The view's prefix carries the draft id
(formtools' default prefix is the class name: two drafts would share it).
Going back, jumping to another step and "save draft" keep what was typed on
the current step even when it is not valid yet; the final revalidation sends
the user to the first step that still needs correcting.
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, partial
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from formtools.wizard.forms import ManagementForm
from formtools.wizard.storage import BaseStorage
from formtools.wizard.views import NamedUrlWizardView

from core.base.input_guard import json_loads_checked
from core.organizations.scope import scope_for
from core.portal.frame import render_portal
from core.portal.selectors import portal_enterprise
from core.risks.forms import (
    SKIP,
    AssessmentStepForm,
    ControlForm,
    FactorsEventsForm,
    MeasuresStepForm,
    PointForm,
    ReviewForm,
    RiskChoices,
    enum_key,
)
from core.risks.models import (
    ControlLevel,
    ControlMeasure,
    HazardFactor,
    InspectionUnit,
    RiskDraft,
    RiskPoint,
)
from core.risks.selectors import risk_point_detail
from core.risks.services import (
    AssessmentData,
    ControlData,
    EventData,
    FactorData,
    Lookups,
    MeasureData,
    RiskPointData,
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
DATA_STEPS = ("point", "events", "assessment", "measures", "control")
PREFIX = "risk_point_draft_"


# -- the data of the steps → the service's data ---------------------------------------
@dataclass
class BuiltData:
    """The risk point data built from the steps, and how to find each event's
    step forms again (``event_keys[i]`` is the key of ``data.events[i]``)."""

    data: RiskPointData
    event_keys: list[str] = field(default_factory=list)

    def locate(self, location: tuple) -> tuple[str, tuple]:
        """The step and the location within it of a service error's location."""
        head = location[0] if location else ""
        if head in ("name", "kind", "unit", "description", "position"):
            return "point", location
        if head == "factors":
            return "events", location
        if head == "control":
            return "control", tuple(location[1:])
        if head == "events" and len(location) >= 2 and isinstance(location[1], int):
            index, rest = location[1], tuple(location[2:])
            key = self.event_keys[index] if index < len(self.event_keys) else ""
            if rest and rest[0] == "measures":
                return "measures", (key, *rest[1:])
            if rest and rest[0] == "assessment":
                return "assessment", (key, *rest[1:])
            return "events", location
        return "review", location


def _position(point: dict[str, Any]) -> dict[str, Any] | None:
    x, y = point.get("position_x"), point.get("position_y")
    if x is not None and y is not None:
        return {"type": "point", "x": number(x / 100), "y": number(y / 100)}
    try:
        area = json_loads_checked(point.get("area") or "null")
    except ValidationError:  # not JSON, nested too deep, or not UTF-8
        return None
    return area if isinstance(area, dict) else None


def _pk(value: Any) -> int | None:
    return int(value) if value not in (None, "") else None


def build_point_data(cleaned: dict[str, Any]) -> BuiltData:
    """``RiskPointData`` from the cleaned data of the steps (None: not done).

    Hazard-factor classes chosen for an event but missing from the point's
    factors are added to them (the event form says so).
    """
    point = cleaned.get("point") or {}
    parts = cleaned.get("events") or {"factors": [], "events": []}
    assessments = cleaned.get("assessment") or {}
    measures = cleaned.get("measures") or {}
    control = cleaned.get("control") or {}

    factors = [
        FactorData(
            code=row["code"],
            description=row.get("description") or "",
            analysis_unit=row.get("analysis_unit") or "",
            id=row.get("id"),
        )
        for row in parts["factors"]
    ]
    codes = {factor.code for factor in factors}
    events, keys = [], []
    for row in parts["events"]:
        for code in row.get("hazard_factors") or []:
            if code not in codes:
                factors.append(FactorData(code=code))
                codes.add(code)
        key = row.get("key") or ""
        assessment = assessments.get(key) if key else None
        method = (assessment or {}).get("method")
        events.append(
            EventData(
                name=row["name"],
                accident_types=list(row.get("accident_types") or []),
                consequence=row.get("consequence") or "",
                analysis_unit=row.get("analysis_unit") or "",
                hazard_factors=list(row.get("hazard_factors") or []),
                measures=[
                    MeasureData(
                        kind=measure["kind"],
                        description=measure["description"],
                        id=measure.get("id"),
                    )
                    for measure in (measures.get(key) or [] if key else [])
                ],
                assessment=(
                    AssessmentData(
                        method=method,
                        inputs=assessment.get("inputs") or {},
                        note=assessment.get("note") or "",
                    )
                    if method and method != SKIP
                    else None
                ),
                id=row.get("id"),
            )
        )
        keys.append(key)
    data = RiskPointData(
        name=point.get("name") or "",
        kind=point.get("kind") or "",
        unit=_pk(point.get("unit")),
        description=point.get("description") or "",
        position=_position(point),
        factors=factors,
        events=events,
        control=ControlData(
            level=control.get("level") or "",
            responsible_unit=_pk(control.get("responsible_unit")),
            responsible_person=_pk(control.get("responsible_person")),
            inspection_every=control.get("inspection_every"),
            inspection_unit=control.get("inspection_unit") or "",
        ),
    )
    return BuiltData(data=data, event_keys=keys)


# -- an existing point → the steps' data (editing) ---------------------------------
def new_event_key() -> str:
    return "n" + secrets.token_hex(4)


def _fields(prefix: str, values: dict[str, Any]) -> dict[str, list[str]]:
    data = {}
    for name, value in values.items():
        items = value if isinstance(value, list | tuple) else [value]
        data[f"{prefix}-{name}"] = ["" if v is None else str(v) for v in items]
    return data


def _formset(prefix: str, rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    data = {
        f"{prefix}-TOTAL_FORMS": [str(len(rows))],
        f"{prefix}-INITIAL_FORMS": ["0"],
        f"{prefix}-MIN_NUM_FORMS": ["0"],
        f"{prefix}-MAX_NUM_FORMS": ["1000"],
    }
    for index, row in enumerate(rows):
        data.update(_fields(f"{prefix}-{index}", row))
    return data


def _percent(value: Any) -> str:
    # Decimal, so 0.305 reads back as 30.5 (not 30.499999999999996).
    return str(number(Decimal(str(value)) * 100))


def draft_data_from_point(point: RiskPoint) -> dict[str, Any]:
    """formtools' storage dictionary holding ``point`` as filled-in steps.

    ``point`` comes from ``selectors.risk_point_detail`` (active events with
    their accident types, measures and latest assessment; hazard factors).
    """
    position = point.position or {}
    is_point = position.get("type") == "point"
    steps: dict[str, dict[str, list[str]]] = {
        "point": _fields(
            "point",
            {
                "name": point.name,
                "kind": point.kind,
                "unit": point.unit_id,
                "description": point.description,
                "position_x": _percent(position["x"]) if is_point else "",
                "position_y": _percent(position["y"]) if is_point else "",
                "area": json.dumps(position) if position and not is_point else "",
            },
        ),
        "control": _fields(
            "control",
            {
                "level": point.control_level,
                "responsible_unit": point.responsible_unit_id,
                "responsible_person": point.responsible_person_id,
                "inspection_every": point.inspection_every,
                "inspection_unit": point.inspection_unit,
            },
        ),
        "assessment": {},
        "measures": {},
    }
    prefetch_related_objects(
        [point],
        Prefetch(
            "events__hazard_factors",
            queryset=HazardFactor.objects.select_related("factor_class"),
        ),
    )
    unit_names = {unit.pk: unit.name for unit in point.analysis_units.all()}
    factors = list(point.hazard_factors.all())
    events = list(point.events.all())
    steps["events"] = {
        **_formset(
            "events-factors",
            [
                {
                    "id": factor.pk,
                    "analysis_unit": unit_names.get(factor.analysis_unit_id, ""),
                    "code": factor.factor_class.code,
                    "description": factor.description,
                }
                for factor in factors
            ],
        ),
        **_formset(
            "events-events",
            [
                {
                    "id": event.pk,
                    "key": f"e{event.pk}",
                    "analysis_unit": event.analysis_unit.name,
                    "name": event.name,
                    "accident_types": [a.code for a in event.accident_types.all()],
                    "consequence": event.consequence,
                    "hazard_factors": list(
                        dict.fromkeys(
                            f.factor_class.code for f in event.hazard_factors.all()
                        )
                    ),
                }
                for event in events
            ],
        ),
    }
    for event in events:
        key = f"e{event.pk}"
        steps["assessment"].update(
            _fields(f"assessment-{key}", _assessment_fields(event))
        )
        steps["measures"].update(
            _formset(
                f"measures-{key}",
                [
                    {"id": m.pk, "kind": m.kind, "description": m.description}
                    for m in event.measures.all()
                ],
            )
        )
    return {"step": "point", "step_data": steps, "step_files": {}, "extra_data": {}}


def _assessment_fields(event: Any) -> dict[str, Any]:
    """Step 3 of an event: keep its assessment, or start from the library's
    suggestion (the enterprise confirms or changes it), or nothing."""
    if event.latest_assessment_id:
        return {"method": SKIP}
    suggestion = event.suggested_assessment or {}
    method = suggestion.get("method") or ""
    fields = {"method": method}
    for name, value in (suggestion.get("inputs") or {}).items():
        fields[f"{method}__{name}"] = enum_key(value)
    return fields


# -- drafts --------------------------------------------------------------------------
def draft_prefix(draft_id: uuid.UUID) -> str:
    return f"{PREFIX}{draft_id.hex}"


class RiskDraftStorage(BaseStorage):
    """formtools storage in a ``RiskDraft`` row (not the session).

    The draft id is read from the prefix (``wizard_risk_point_draft_<hex>``).
    A draft of another user, or of another enterprise than the user's, is a
    404. A new draft is written only once something was saved in it; after
    every request the row is updated if the wizard changed its state.
    """

    def __init__(self, prefix, request=None, file_storage=None):
        super().__init__(prefix, request, file_storage)
        try:
            self.draft_id = uuid.UUID(self.prefix.rsplit("_", 1)[-1])
        except ValueError:
            raise Http404 from None
        scope = scope_for(request.user)
        self.enterprise_id = scope.enterprise_id
        self.draft = RiskDraft.objects.filter(draft_id=self.draft_id).first()
        if self.draft is not None and (
            self.draft.owner_id != request.user.pk
            or self.draft.enterprise_id != self.enterprise_id
        ):
            raise Http404
        if self.draft is not None and self.draft.data:
            self.data = {
                self.step_key: None,
                self.step_data_key: {},
                self.step_files_key: {},
                self.extra_data_key: {},
                **self.draft.data,
            }
        else:
            self.init_data()
        self._saved = self._dump()
        self.discarded = False

    def _dump(self) -> str:
        return json.dumps(self.data, sort_keys=True)

    def discard(self) -> None:
        """Delete the draft at the end of this request (after saving)."""
        self.discarded = True

    def update_response(self, response):
        super().update_response(response)
        if self.discarded:
            if self.draft is not None and self.draft.pk:
                self.draft.delete()
            return
        if self._dump() == self._saved:
            return
        if self.draft is None:
            if not self.data[self.step_data_key]:
                return  # nothing typed yet: no row for an opened, unused form
            self.draft = RiskDraft(
                draft_id=self.draft_id,
                owner=self.request.user,
                enterprise_id=self.enterprise_id,
            )
        self.draft.data = self.data
        self.draft.current_step = self.data[self.step_key] or ""
        self.draft.save()
        self._saved = self._dump()


def _position_text(position: dict[str, Any] | None) -> str:
    if not position:
        return ""
    if position.get("type") == "point":
        return _("%(x)s%% across, %(y)s%% down") % {
            "x": number(position["x"] * 100),
            "y": number(position["y"] * 100),
        }
    return _("a drawn area")


class SaveRefused(Exception):
    """The service refused the final save; the messages say why."""

    def __init__(self, problems: list[str]):
        super().__init__(problems)
        self.problems = problems


class RiskPointWizard(NamedUrlWizardView):
    """Enter or edit a risk point step by step; only the safety manager may."""

    storage_name = "core.risks.wizard.RiskDraftStorage"
    form_list = STEPS
    template_name = "risks/wizard.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.scope = scope_for(request.user)
        self.enterprise = portal_enterprise(scope=self.scope)
        if self.enterprise is None or not self.scope.can_manage_safety_records(
            self.enterprise
        ):
            raise PermissionDenied(_("Only the safety manager may enter risk points."))
        self.draft_id = kwargs["draft_id"]
        self.choices = RiskChoices(self.enterprise)
        self._raw_cleaned: dict[str, Any] = {}
        return super().dispatch(request, *args, **kwargs)

    def get_prefix(self, request, *args, **kwargs):
        # formtools' default is the class name: every draft would share it.
        return draft_prefix(kwargs["draft_id"])

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"draft_id": self.draft_id, "step": step})

    # -- the point being edited -------------------------------------------------------
    @cached_property
    def risk_point(self) -> RiskPoint | None:
        draft = self.storage.draft
        if draft is None or draft.risk_point_id is None:
            return None
        point = risk_point_detail(scope=self.scope, pk=draft.risk_point_id)
        if point is None:
            raise Http404
        return point

    @cached_property
    def lookups(self) -> Lookups:
        return Lookups(self.enterprise)

    # -- forms -------------------------------------------------------------------------
    def get_form_kwargs(self, step=None):
        kwargs = {"choices": self.choices}
        if step in ("assessment", "measures"):
            kwargs["events"] = self.event_rows()
        return kwargs

    def get_form(self, step=None, data=None, files=None):
        step = step or self.steps.current
        form = super().get_form(step, data, files)
        form.wizard_check = partial(self.check_step, step)
        return form

    def raw_cleaned(self, step: str) -> Any:
        """A stored step's cleaned data, validated by its form alone (None if
        the step has no valid data)."""
        if step not in self._raw_cleaned:
            form = super().get_form(step, data=self.storage.get_step_data(step))
            self._raw_cleaned[step] = form.cleaned_data if form.is_valid() else None
        return self._raw_cleaned[step]

    def event_rows(self) -> list[dict[str, Any]]:
        """The events of step 2 (key, name, id, latest assessment)."""
        parts = self.raw_cleaned("events") or {"events": []}
        latest = {}
        if self.risk_point is not None:
            latest = {e.pk: e.latest_assessment for e in self.risk_point.events.all()}
        return [
            {
                "key": row["key"],
                "name": row["name"],
                "id": row.get("id"),
                "latest": latest.get(row.get("id")),
            }
            for row in parts["events"]
            if row.get("key")
        ]

    def built(self, step: str | None = None, form: Any = None) -> BuiltData:
        cleaned = {
            name: form.cleaned_data if name == step else self.raw_cleaned(name)
            for name in DATA_STEPS
        }
        return build_point_data(cleaned)

    def check_step(self, step: str, form: Any) -> None:
        """Validate the whole point as the service will; put this step's
        problems on its fields (on the review step: every problem)."""
        built = self.built(step, form)
        errors = risk_point_data_errors(
            data=built.data, lookups=self.lookups, risk_point=self.risk_point
        )
        for error in errors:
            target, location = built.locate(error.location)
            if step == "review":
                form.add_error(
                    None, f"{STEP_TITLES.get(target, target)}: {error.reason}"
                )
            elif target == step:
                form.add_location_error(location, error.reason)

    def process_step(self, form):
        # Stored as posted (lists of strings), without the CSRF token; new
        # events get their key here, so steps 3 and 4 can follow them.
        data = dict(self.get_form_step_data(form).lists())
        data.pop("csrfmiddlewaretoken", None)
        data.pop("wizard_goto_step", None)
        data.pop("wizard_save_draft", None)
        if form.prefix == "events":
            prefix = f"{form.prefix}-events"
            total = data.get(f"{prefix}-TOTAL_FORMS", ["0"])[0]
            for index in range(int(total) if str(total).isdigit() else 0):
                key = f"{prefix}-{index}-key"
                if not (data.get(key) or [""])[0]:
                    data[key] = [new_event_key()]
        self._raw_cleaned.clear()
        return data

    # -- navigation --------------------------------------------------------------------
    def post(self, *args, **kwargs):
        """ "Back", a step in the progress bar and "save draft" keep what was
        typed on this step, valid or not; the rest is formtools' own."""
        goto = self.request.POST.get("wizard_goto_step")
        leave = "wizard_save_draft" in self.request.POST
        if goto or leave:
            management = ManagementForm(self.request.POST, prefix=self.prefix)
            step = (
                management.cleaned_data["current_step"]
                if management.is_valid()
                else None
            )
            if step in self.get_form_list() and step != "review":
                form = super().get_form(step=step, data=self.request.POST)
                self.storage.set_step_data(step, self.process_step(form))
                self.storage.current_step = step
            if leave:
                messages.success(
                    self.request,
                    _(
                        "Your draft was saved. Resume it from “My drafts” on any device."
                    ),
                )
                return redirect("risks:drafts")
        self.storage.extra_data = {}
        return super().post(*args, **kwargs)

    def render_done(self, form, **kwargs):
        try:
            return super().render_done(form, **kwargs)
        except SaveRefused as refused:
            # formtools resets the storage only after done() returns: the
            # draft is intact. Show why on the review step.
            self.storage.current_step = "review"
            self.storage.extra_data = {"problems": refused.problems}
            return redirect(self.get_step_url("review"))

    def done(self, form_list, form_dict=None, **kwargs):
        cleaned = {step: form.cleaned_data for step, form in form_dict.items()}
        built = build_point_data(cleaned)
        user = self.request.user
        try:
            if self.risk_point is not None:
                point = risk_point_update(
                    user=user, risk_point=self.risk_point, data=built.data
                )
            else:
                point = risk_point_create(
                    user=user, enterprise=self.enterprise, data=built.data
                )
        except InvalidInputs as exc:
            raise SaveRefused(
                [
                    f"{STEP_TITLES.get(built.locate(e.location)[0], '')}: {e.reason}"
                    for e in exc.errors
                ]
            ) from exc
        self.storage.discard()
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
        stored = set(self.storage.data[self.storage.step_data_key])
        names = list(self.get_form_list())
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
                        "done": name in stored and name != current,
                        "reachable": name in stored or index <= names.index(current),
                    }
                    for index, name in enumerate(names)
                ],
                "risk_point": self.risk_point,
                "has_errors": current != "review"
                and form.is_bound
                and not form.is_valid(),
                "draft_id": self.draft_id,
                "choices": self.choices,
            }
        )
        if current == "review":
            context["review"] = self.review()
        return context

    def review(self) -> dict[str, Any]:
        """What the review step shows: the data, and each event's value and
        level computed now by the server, as saving will compute them."""
        built = self.built()
        data = built.data
        latest = {}
        if self.risk_point is not None:
            latest = {e.pk: e.latest_assessment for e in self.risk_point.events.all()}
        events = []
        for event in data.events:
            row: dict[str, Any] = {"event": event, "evaluation": None, "kept": None}
            if event.assessment is not None:
                try:
                    row["evaluation"] = self.choices.evaluate(
                        event.assessment.method, event.assessment.inputs
                    )
                except (InvalidInputs, LookupError) as exc:
                    row["problem"] = "; ".join(
                        e.reason for e in getattr(exc, "errors", [])
                    ) or str(exc)
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

    def render_to_response(self, context, **response_kwargs):
        return render_portal(
            self.request,
            self.template_name,
            scope=self.scope,
            enterprise=self.enterprise,
            context=context,
        )


def draft_for_editing(
    *, user: Any, enterprise: Any, risk_point: RiskPoint
) -> RiskDraft:
    """The user's draft editing ``risk_point``: the unfinished one, else a new
    one holding the point as it is now. The caller checked scope and rights."""
    draft = RiskDraft.objects.filter(
        owner=user, enterprise=enterprise, risk_point=risk_point
    ).first()
    if draft is None:
        draft = RiskDraft.objects.create(
            owner=user,
            enterprise=enterprise,
            risk_point=risk_point,
            current_step="point",
            data=draft_data_from_point(risk_point),
        )
    return draft


def drafts_of(*, user: Any, enterprise: Any) -> list[RiskDraft]:
    """The user's drafts in their enterprise, newest first (one query)."""
    return list(
        RiskDraft.objects.filter(owner=user, enterprise=enterprise).select_related(
            "risk_point"
        )
    )
