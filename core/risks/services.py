"""Writes of risk grading: keyword-only, one transaction each, scope-checked.

A risk point is written whole — with its analysis units, hazard factors,
events, measures, control assignment and (optionally) a first assessment per
event — from a ``RiskPointData``. Everything is validated before anything is
written; every problem is reported at once as ``RiskDataInvalid``, whose
errors carry a JSON Pointer into the data (``/events/0/assessment/inputs/L``)
so a form can show each at its field and an import at its cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from core.organizations.models import Enterprise, Industry, Person, Unit
from core.organizations.scope import scope_for
from core.risks.models import (
    POSITION_SCHEMA,
    AccidentType,
    Assessment,
    ControlLevel,
    ControlMeasure,
    HazardFactor,
    HazardFactorClass,
    InspectionUnit,
    LevelThreshold,
    RiskAnalysisUnit,
    RiskEvent,
    RiskPoint,
)
from core.risks.selectors import risk_library_entry, thresholds_for
from core.scoring import InvalidInputs, UnknownRule, scoring_engine
from plugins.contributions import risk_level_rank
from plugins.schema_errors import SchemaError, json_pointer, schema_errors

NAME_MAX_LENGTH = 200
EVENT_NAME_MAX_LENGTH = 300


# -- input data ------------------------------------------------------------------
@dataclass
class MeasureData:
    """A control measure; ``id`` names an existing one when updating."""

    kind: str
    description: str
    id: int | None = None


@dataclass
class AssessmentData:
    """An assessment to record: a method key and its inputs (see the API)."""

    method: str
    inputs: dict[str, Any]
    note: str = ""


@dataclass
class FactorData:
    """A hazard factor by its GB/T 13861 code, in an analysis unit (by name)."""

    code: str
    description: str = ""
    analysis_unit: str = ""
    id: int | None = None


@dataclass
class EventData:
    """A risk event: GB 6441 accident-type codes, the GB/T 13861 codes (of the
    point's factors) that cause it, its measures and optionally an assessment.
    ``analysis_unit`` names the unit it belongs to ("" is the default unit)."""

    name: str
    accident_types: Sequence[str] = ()
    consequence: str = ""
    analysis_unit: str = ""
    hazard_factors: Sequence[str] = ()
    measures: Sequence[MeasureData] = ()
    assessment: AssessmentData | None = None
    id: int | None = None
    # A library entry's suggestion (method, inputs, conditions to check),
    # kept on the event and offered pre-filled; never an assessment.
    suggested_assessment: dict[str, Any] | None = None


@dataclass
class ControlData:
    """The control assignment: level, responsible unit and person, period."""

    level: str = ""
    responsible_unit: Unit | int | None = None
    responsible_person: Person | int | None = None
    inspection_every: int | None = None
    inspection_unit: str = ""


@dataclass
class RiskPointData:
    """Everything about one risk point, as a form or an import collects it."""

    name: str
    kind: str
    unit: Unit | int | None = None
    description: str = ""
    position: dict[str, Any] | None = None
    factors: Sequence[FactorData] = ()
    events: Sequence[EventData] = ()
    control: ControlData = field(default_factory=ControlData)


class RiskDataInvalid(InvalidInputs):
    """The risk data has problems; nothing was written. ``errors`` lists them."""


# -- lookups shared by a whole batch ----------------------------------------------
class Lookups:
    """The dictionaries and the enterprise's units and people, read once.

    An import of many rows validates against these in memory instead of
    querying per row.
    """

    def __init__(self, enterprise: Enterprise):
        self.enterprise = enterprise
        self.accident_types = {
            a.code: a for a in AccidentType.objects.filter(is_current=True)
        }
        self.factor_classes = {
            f.code: f for f in HazardFactorClass.objects.filter(is_current=True)
        }
        self.units = {u.pk: u for u in Unit.objects.filter(enterprise=enterprise)}
        self.people = {p.pk: p for p in Person.objects.filter(enterprise=enterprise)}
        self.industry_codes = list(
            Industry.objects.filter(enterprises=enterprise).values_list(
                "code", flat=True
            )
        )
        self.registry = scoring_engine()


def _pk(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return value.pk if hasattr(value, "pk") else int(value)


class _Problems:
    def __init__(self) -> None:
        self.errors: list[SchemaError] = []

    def add(
        self, location: tuple[str | int, ...], reason: str, keyword: str = ""
    ) -> None:
        self.errors.append(
            SchemaError(
                path=json_pointer(location),
                location=location,
                keyword=keyword or "invalid",
                reason=reason,
            )
        )

    def extend(self, prefix: tuple[str | int, ...], errors: list[SchemaError]) -> None:
        for error in errors:
            location = (*prefix, *error.location)
            self.errors.append(
                SchemaError(
                    path=json_pointer(location),
                    location=location,
                    keyword=error.keyword,
                    reason=error.reason,
                )
            )


def _check_text(
    problems: _Problems, location: tuple, value: str, max_length: int
) -> None:
    if not (value or "").strip():
        problems.add(location, _("This field is required."), "required")
    elif len(value) > max_length:
        problems.add(
            location,
            _("Must be at most %(count)d characters long.") % {"count": max_length},
            "maxLength",
        )


def risk_point_data_errors(
    *,
    data: RiskPointData,
    lookups: Lookups,
    risk_point: RiskPoint | None = None,
    check_assessments: bool = True,
) -> list[SchemaError]:
    """Every problem of ``data`` for the enterprise of ``lookups`` (empty: fine).

    ``check_assessments=False`` leaves out the assessments' inputs, for a
    caller that validated them already at this boundary (the wizard's
    assessment step validates each when it is entered); every write checks
    them.
    """
    problems = _Problems()
    _check_text(problems, ("name",), data.name, NAME_MAX_LENGTH)
    if data.kind not in RiskPoint.Kind.values:
        problems.add(
            ("kind",),
            _("Choose one of: %(choices)s.")
            % {"choices": ", ".join(str(label) for label in RiskPoint.Kind.labels)},
            "enum",
        )
    unit = _pk(data.unit)
    if unit is not None and unit not in lookups.units:
        problems.add(("unit",), _("This unit does not belong to the enterprise."))
    if data.position not in (None, ""):
        problems.extend(("position",), schema_errors(POSITION_SCHEMA, data.position))

    factor_codes = set()
    for index, factor in enumerate(data.factors):
        if factor.code not in lookups.factor_classes:
            problems.add(
                ("factors", index, "code"),
                _("“%(code)s” is not a GB/T 13861 code in the dictionary.")
                % {"code": factor.code},
                "enum",
            )
        factor_codes.add(factor.code)
        if len(factor.description or "") > 300:
            problems.add(
                ("factors", index, "description"),
                _("Must be at most %(count)d characters long.") % {"count": 300},
                "maxLength",
            )
    # Ids name parts of the point being updated; a new point has none yet.
    _check_ids(
        problems,
        "factors",
        data.factors,
        set(risk_point.hazard_factors.values_list("pk", flat=True))
        if risk_point is not None
        else set(),
    )
    _check_ids(
        problems,
        "events",
        data.events,
        set(risk_point.events.values_list("pk", flat=True))
        if risk_point is not None
        else set(),
    )
    for index, event in enumerate(data.events):
        _event_errors(
            problems, index, event, lookups, factor_codes, risk_point, check_assessments
        )
    _control_errors(problems, data.control, lookups)
    return problems.errors


def _check_ids(
    problems: _Problems, name: str, items: Sequence[Any], known: set[int]
) -> None:
    for index, item in enumerate(items):
        if item.id is not None and item.id not in known:
            problems.add(
                (name, index, "id"),
                _("This item does not belong to the risk point."),
            )


def _event_errors(
    problems: _Problems,
    index: int,
    event: EventData,
    lookups: Lookups,
    factor_codes: set[str],
    risk_point: RiskPoint | None,
    check_assessments: bool = True,
) -> None:
    where = ("events", index)
    _check_text(problems, (*where, "name"), event.name, EVENT_NAME_MAX_LENGTH)
    if not event.accident_types:
        problems.add(
            (*where, "accident_types"),
            _("Choose at least one accident type (GB 6441)."),
            "minItems",
        )
    for position, code in enumerate(event.accident_types):
        if code not in lookups.accident_types:
            problems.add(
                (*where, "accident_types", position),
                _("“%(code)s” is not a GB 6441 accident type.") % {"code": code},
                "enum",
            )
    for position, code in enumerate(event.hazard_factors):
        if code not in factor_codes:
            problems.add(
                (*where, "hazard_factors", position),
                _("“%(code)s” is not one of the risk point's hazard factors.")
                % {"code": code},
                "enum",
            )
    known_measures: set[int] = set()
    if risk_point is not None and event.id is not None:
        known_measures = set(
            ControlMeasure.objects.filter(event_id=event.id).values_list(
                "pk", flat=True
            )
        )
    for position, measure in enumerate(event.measures):
        at = (*where, "measures", position)
        if measure.kind not in ControlMeasure.Kind.values:
            problems.add(
                (*at, "kind"),
                _("Choose one of: %(choices)s.")
                % {
                    "choices": ", ".join(
                        str(label) for label in ControlMeasure.Kind.labels
                    )
                },
                "enum",
            )
        if not (measure.description or "").strip():
            problems.add((*at, "description"), _("This field is required."), "required")
        if measure.id is not None and measure.id not in known_measures:
            problems.add((*at, "id"), _("This measure does not belong to the event."))
    if event.assessment is not None and check_assessments:
        problems.extend(
            (*where, "assessment"),
            assessment_errors(
                method=event.assessment.method,
                inputs=event.assessment.inputs,
                lookups=lookups,
            ),
        )


def assessment_errors(
    *, method: str, inputs: Any, lookups: Lookups
) -> list[SchemaError]:
    """Problems of a method key and its inputs, located under ``/method`` and
    ``/inputs``."""
    registry = lookups.registry
    try:
        registered = registry.get(method)
    except UnknownRule:
        return [
            SchemaError(
                path="/method",
                location=("method",),
                keyword="enum",
                reason=_("“%(method)s” is not an enabled risk method.")
                % {"method": method},
            )
        ]
    if not registered.is_risk_method:
        return [
            SchemaError(
                path="/method",
                location=("method",),
                keyword="enum",
                reason=_("“%(method)s” does not grade risks.") % {"method": method},
            )
        ]
    found = []
    for error in registry.validate(method, inputs, lookups.industry_codes):
        location = ("inputs", *error.location)
        found.append(
            SchemaError(
                path=json_pointer(location),
                location=location,
                keyword=error.keyword,
                reason=error.reason,
            )
        )
    return found


def _control_errors(
    problems: _Problems, control: ControlData, lookups: Lookups
) -> None:
    if control.level and control.level not in ControlLevel.values:
        problems.add(
            ("control", "level"),
            _("Choose one of: %(choices)s.")
            % {"choices": ", ".join(str(label) for label in ControlLevel.labels)},
            "enum",
        )
    unit = _pk(control.responsible_unit)
    if unit is not None and unit not in lookups.units:
        problems.add(
            ("control", "responsible_unit"),
            _("This unit does not belong to the enterprise."),
        )
    person = _pk(control.responsible_person)
    if person is not None and person not in lookups.people:
        problems.add(
            ("control", "responsible_person"),
            _("This person does not work at the enterprise."),
        )
    every, period = control.inspection_every, control.inspection_unit
    if every is not None and (not isinstance(every, int) or not 1 <= every <= 1000):
        problems.add(
            ("control", "inspection_every"),
            _("Must be a whole number from 1 to 1000."),
        )
    if period and period not in InspectionUnit.values:
        problems.add(
            ("control", "inspection_unit"),
            _("Choose one of: %(choices)s.")
            % {"choices": ", ".join(str(label) for label in InspectionUnit.labels)},
            "enum",
        )
    if (every is None) != (not period):
        problems.add(
            ("control", "inspection_every" if every is None else "inspection_unit"),
            _("Give both the number and the unit of the inspection period."),
            "required",
        )


# -- writes --------------------------------------------------------------------
def _require_manager(user: Any, enterprise: Enterprise | int) -> None:
    if not scope_for(user).can_manage_safety_records(enterprise):
        raise PermissionDenied(_("You may not change this enterprise's risk records."))


@transaction.atomic
def risk_point_create(
    *,
    user: Any,
    enterprise: Enterprise,
    data: RiskPointData,
    source: str = "",
    lookups: Lookups | None = None,
) -> RiskPoint:
    """Create a risk point with everything in ``data``; assess where asked.

    Raises ``PermissionDenied`` unless the user manages the enterprise's
    safety records, and ``RiskDataInvalid`` (nothing written) for bad data.
    ``lookups`` may be shared by a batch of calls for one enterprise.
    """
    _require_manager(user, enterprise)
    lookups = lookups or Lookups(enterprise)
    errors = risk_point_data_errors(data=data, lookups=lookups)
    if errors:
        raise RiskDataInvalid(errors)
    point = RiskPoint.objects.create(
        enterprise=enterprise,
        created_by=user,
        source=source,
        **_point_fields(data),
    )
    _write_children(user=user, point=point, data=data, lookups=lookups)
    return point


@transaction.atomic
def risk_point_update(
    *, user: Any, risk_point: RiskPoint, data: RiskPointData
) -> RiskPoint:
    """Update a risk point and its parts to match ``data``.

    Items with an ``id`` are updated, items without one created. Hazard
    factors left out are deleted; events and measures left out are
    deactivated, so their assessments and inspection records stay readable.
    """
    _require_manager(user, risk_point.enterprise_id)
    lookups = Lookups(risk_point.enterprise)
    errors = risk_point_data_errors(data=data, lookups=lookups, risk_point=risk_point)
    if errors:
        raise RiskDataInvalid(errors)
    point = RiskPoint.objects.select_for_update().get(pk=risk_point.pk)
    changed = False
    for name, value in _point_fields(data).items():
        if getattr(point, name) != value:
            setattr(point, name, value)
            changed = True
    if changed:
        point.save()
    _write_children(user=user, point=point, data=data, lookups=lookups)
    risk_point.refresh_from_db()
    return risk_point


def _point_fields(data: RiskPointData) -> dict[str, Any]:
    control = data.control
    return {
        "name": data.name.strip(),
        "kind": data.kind,
        "unit_id": _pk(data.unit),
        "description": data.description or "",
        "position": data.position or None,
        "control_level": control.level or "",
        "responsible_unit_id": _pk(control.responsible_unit),
        "responsible_person_id": _pk(control.responsible_person),
        "inspection_every": control.inspection_every,
        "inspection_unit": control.inspection_unit or "",
    }


def _analysis_unit(
    point: RiskPoint, name: str, cache: dict[str, RiskAnalysisUnit]
) -> RiskAnalysisUnit:
    name = (name or "").strip()
    if name not in cache:
        if name:
            unit, _created = RiskAnalysisUnit.objects.get_or_create(
                risk_point=point,
                name=name,
                is_default=False,
                defaults={"order": len(cache)},
            )
        else:
            unit, _created = RiskAnalysisUnit.objects.get_or_create(
                risk_point=point, is_default=True
            )
        cache[name] = unit
    return cache[name]


def _write_children(
    *, user: Any, point: RiskPoint, data: RiskPointData, lookups: Lookups
) -> None:
    units: dict[str, RiskAnalysisUnit] = {}
    _analysis_unit(point, "", units)  # every point has its default unit

    # Hazard factors: update by id, create new, delete those left out.
    kept_factors = []
    for factor_data in data.factors:
        analysis_unit = _analysis_unit(point, factor_data.analysis_unit, units)
        values = {
            "analysis_unit": analysis_unit,
            "factor_class": lookups.factor_classes[factor_data.code],
            "description": factor_data.description or "",
        }
        if factor_data.id is not None:
            factor = HazardFactor.objects.get(pk=factor_data.id, risk_point=point)
            _save_changed(factor, values)
        else:
            factor = HazardFactor.objects.create(risk_point=point, **values)
        kept_factors.append(factor)
    for stale in HazardFactor.objects.filter(risk_point=point).exclude(
        pk__in=[f.pk for f in kept_factors]
    ):
        stale.delete()  # one by one, so the audit log records each
    factors_by_code: dict[str, list[HazardFactor]] = {}
    for factor in kept_factors:
        factors_by_code.setdefault(factor.factor_class.code, []).append(factor)

    kept_events = []
    for order, event_data in enumerate(data.events):
        event = _write_event(
            point=point,
            event_data=event_data,
            order=order,
            analysis_unit=_analysis_unit(point, event_data.analysis_unit, units),
            lookups=lookups,
            factors_by_code=factors_by_code,
        )
        kept_events.append(event)
        if event_data.assessment is not None:
            _assess(
                user=user,
                event=event,
                method=event_data.assessment.method,
                inputs=event_data.assessment.inputs,
                note=event_data.assessment.note,
                lookups=lookups,
                refresh=False,
            )
    for stale_event in RiskEvent.objects.filter(
        risk_point=point, is_active=True
    ).exclude(pk__in=[e.pk for e in kept_events]):
        stale_event.is_active = False
        stale_event.save(update_fields=["is_active"])
    risk_point_refresh_level(risk_point=point)


def _save_changed(instance: Any, values: dict[str, Any]) -> None:
    changed = [
        name for name, value in values.items() if getattr(instance, name) != value
    ]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save(update_fields=changed)


def _write_event(
    *,
    point: RiskPoint,
    event_data: EventData,
    order: int,
    analysis_unit: RiskAnalysisUnit,
    lookups: Lookups,
    factors_by_code: dict[str, list[HazardFactor]],
) -> RiskEvent:
    values = {
        "name": event_data.name.strip(),
        "consequence": event_data.consequence or "",
        **(
            {"suggested_assessment": event_data.suggested_assessment}
            if event_data.suggested_assessment
            else {}
        ),
        "analysis_unit": analysis_unit,
        "order": order,
        "is_active": True,
    }
    if event_data.id is not None:
        event = RiskEvent.objects.get(pk=event_data.id, risk_point=point)
        _save_changed(event, values)
    else:
        event = RiskEvent.objects.create(risk_point=point, **values)
    event.accident_types.set(
        [
            lookups.accident_types[code]
            for code in dict.fromkeys(event_data.accident_types)
        ]
    )
    event.hazard_factors.set(
        [
            factor
            for code in dict.fromkeys(event_data.hazard_factors)
            for factor in factors_by_code.get(code, [])
        ]
    )
    kept = []
    for order_of_measure, measure_data in enumerate(event_data.measures):
        values = {
            "kind": measure_data.kind,
            "description": measure_data.description.strip(),
            "order": order_of_measure,
            "is_active": True,
        }
        if measure_data.id is not None:
            measure = ControlMeasure.objects.get(pk=measure_data.id, event=event)
            _save_changed(measure, values)
        else:
            measure = ControlMeasure.objects.create(
                risk_point=point, event=event, **values
            )
        kept.append(measure.pk)
    for stale in ControlMeasure.objects.filter(event=event, is_active=True).exclude(
        pk__in=kept
    ):
        stale.is_active = False
        stale.save(update_fields=["is_active"])
    return event


@transaction.atomic
def risk_event_assess(
    *,
    user: Any,
    event: RiskEvent,
    method: str,
    inputs: dict[str, Any],
    note: str = "",
) -> Assessment:
    """Assess a risk event: validate, evaluate, grade, keep the record.

    The value is graded with the thresholds of the enterprise's industries
    (the highest level any of them gives); direct determination can only
    raise it. The new ``Assessment`` becomes the event's latest and the risk
    point's cached level is recomputed. Earlier assessments stay untouched.
    Raises ``RiskDataInvalid`` (paths under ``/method`` and ``/inputs``).
    """
    enterprise_id = RiskPoint.objects.values_list("enterprise_id", flat=True).get(
        pk=event.risk_point_id
    )
    _require_manager(user, enterprise_id)
    if not event.is_active:
        raise RiskDataInvalid(
            [
                SchemaError(
                    path="",
                    location=(),
                    keyword="invalid",
                    reason=_("This risk event was removed; it cannot be assessed."),
                )
            ]
        )
    lookups = Lookups(Enterprise.objects.get(pk=enterprise_id))
    errors = assessment_errors(method=method, inputs=inputs, lookups=lookups)
    if errors:
        raise RiskDataInvalid(errors)
    return _assess(
        user=user,
        event=event,
        method=method,
        inputs=inputs,
        note=note,
        lookups=lookups,
        refresh=True,
    )


def _assess(
    *,
    user: Any,
    event: RiskEvent,
    method: str,
    inputs: dict[str, Any],
    note: str,
    lookups: Lookups,
    refresh: bool,
) -> Assessment:
    # Serialise concurrent assessments of one event: the latest stays latest.
    event = RiskEvent.objects.select_for_update().get(pk=event.pk)
    # Every caller validated the inputs (assessment_errors) before writing.
    evaluation = lookups.registry.evaluate(
        method,
        inputs,
        thresholds=thresholds_for(method=method, industry_codes=lookups.industry_codes),
        industries=lookups.industry_codes,
        validated=True,
    )
    details = dict(evaluation.details)
    if evaluation.thresholds is not None:
        details["thresholds"] = evaluation.thresholds
    if evaluation.direct_note:
        details["direct_note"] = evaluation.direct_note
    assessment = Assessment.objects.create(
        risk_point_id=event.risk_point_id,
        event=event,
        method=method,
        method_pack=evaluation.pack,
        inputs=inputs,
        value=evaluation.value,
        scored_level=evaluation.scored_level or "",
        level=evaluation.level or "",
        details=details,
        direct_reasons=evaluation.direct_reasons,
        note=note or "",
        assessed_by=user,
        assessed_by_name=_display_name(user),
    )
    event.latest_assessment = assessment
    event.save(update_fields=["latest_assessment"])
    if refresh:
        risk_point_refresh_level(risk_point=RiskPoint(pk=event.risk_point_id))
    return assessment


def _display_name(user: Any) -> str:
    person = getattr(user, "person", None) if user is not None else None
    if person is not None:
        return person.name
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def risk_point_refresh_level(*, risk_point: RiskPoint) -> str:
    """Recompute the cached level: the highest latest level of active events."""
    levels = Assessment.objects.filter(
        pk__in=RiskEvent.objects.filter(
            risk_point_id=risk_point.pk, is_active=True
        ).values("latest_assessment")
    ).values_list("level", flat=True)
    highest = max(levels, key=risk_level_rank, default="")
    point = RiskPoint.objects.get(pk=risk_point.pk)
    if point.level != highest:
        point.level = highest
        point.save(update_fields=["level", "updated_at"])
    risk_point.level = highest
    return highest


# -- risk library --------------------------------------------------------------
def risk_point_data_from_library(
    *, pack: str, key: str, unit: Unit | int | None = None, name: str = ""
) -> RiskPointData:
    """The exact copy of a risk library entry as ``RiskPointData``: every
    event with exactly its own measures and hazard factors (one factor per
    code, with its text), the library's suggestion kept on each event, the
    control level and the inspection period. Texts are in the current
    language. Raises ``RiskDataInvalid`` for an entry that is not available.
    """
    entry = risk_library_entry(pack=pack, key=key)
    if entry is None:
        raise RiskDataInvalid(
            [
                SchemaError(
                    path="/key",
                    location=("key",),
                    keyword="enum",
                    reason=_("This risk library entry is not available."),
                )
            ]
        )
    period = entry.inspection_period
    return RiskPointData(
        name=name or str(entry.name),
        kind=entry.kind,
        unit=unit,
        description=str(entry.description or ""),
        factors=[
            FactorData(code=factor.code, description=str(factor.text or ""))
            for factor in entry.factors()
        ],
        events=[
            EventData(
                name=str(event.name),
                accident_types=list(event.accident_types),
                consequence=str(event.consequence or ""),
                hazard_factors=[factor.code for factor in event.hazard_factors],
                measures=[
                    MeasureData(kind=m.kind, description=str(m.text))
                    for m in event.measures
                ],
                suggested_assessment=_suggestion(event) or None,
            )
            for event in entry.events
        ],
        control=ControlData(
            level=entry.control_level,
            inspection_every=period.every if period else None,
            inspection_unit=period.unit if period else "",
        ),
    )


@transaction.atomic
def risk_point_create_from_library(
    *,
    actor: Any,
    enterprise: Enterprise,
    pack: str,
    key: str,
    unit: Unit | int | None = None,
    name: str = "",
) -> RiskPoint:
    """Copy a risk library entry into the enterprise as its own risk point.

    The copy is exact (``risk_point_data_from_library``). An event's
    suggested assessment is kept on the event (``suggested_assessment``) and
    offered pre-filled; it is not recorded as an assessment, so the copy has
    no level until the enterprise assesses its own conditions
    (docs/decisions.md). The portal does not call this: "use" opens the copy
    as a draft, and the point is created only when the user saves it.
    """
    data = risk_point_data_from_library(pack=pack, key=key, unit=unit, name=name)
    return risk_point_create(
        user=actor, enterprise=enterprise, data=data, source=f"{pack}:{key}"
    )


def _suggestion(event: Any) -> dict[str, Any]:
    """What the library suggests for an event, as kept on the copy."""
    found: dict[str, Any] = {}
    if event.suggested_assessment is not None:
        found["method"] = event.suggested_assessment.method
        found["inputs"] = dict(event.suggested_assessment.inputs)
    if event.direct_conditions:
        found["check_conditions"] = list(event.direct_conditions)
    return found


# -- thresholds ----------------------------------------------------------------
@transaction.atomic
def level_threshold_set(
    *,
    user: Any,
    method: str,
    industry: Industry | None,
    major_from: Any,
    significant_from: Any,
    general_from: Any,
    major_inclusive: bool = False,
    significant_inclusive: bool = False,
    general_inclusive: bool = False,
    note: str = "",
) -> LevelThreshold:
    """Set the level thresholds of a method for an industry (None: platform).

    An industry department may set them only for its own industries; the
    committee for any industry and the platform default. Validates the
    ordering and range (``ValidationError`` by field).
    """
    if not scope_for(user).can_configure_industry(industry):
        raise PermissionDenied(_("You may not configure this industry."))
    threshold = LevelThreshold.objects.filter(method=method, industry=industry).first()
    threshold = threshold or LevelThreshold(method=method, industry=industry)
    threshold.major_from = major_from
    threshold.significant_from = significant_from
    threshold.general_from = general_from
    threshold.major_inclusive = major_inclusive
    threshold.significant_inclusive = significant_inclusive
    threshold.general_inclusive = general_inclusive
    threshold.note = note
    threshold.updated_by = user
    threshold.full_clean()
    threshold.save()
    return threshold
