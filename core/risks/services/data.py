"""The input of risk grading's writes, and its validation.

``RiskPointData`` and its parts are what a form, an import or the API
collects; ``risk_point_data_errors`` finds every problem at once, each with a
JSON Pointer into the data, against the ``Lookups`` read once per batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from core.base.errors import Problems
from core.organizations.models import Enterprise, Industry, Person, Unit
from core.risks.models import (
    POSITION_SCHEMA,
    AccidentType,
    ControlLevel,
    ControlMeasure,
    HazardFactorClass,
    InspectionUnit,
    RiskPoint,
)
from core.scoring import InvalidInputs, UnknownRule, scoring_engine
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


def _check_text(
    problems: Problems, location: tuple, value: str, max_length: int
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
    problems = Problems()
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
    _check_ids(problems, "factors", data.factors, risk_point, "hazard_factors")
    _check_ids(problems, "events", data.events, risk_point, "events")
    for index, event in enumerate(data.events):
        _event_errors(
            problems, index, event, lookups, factor_codes, risk_point, check_assessments
        )
    _control_errors(problems, data.control, lookups)
    return problems.errors


def _check_ids(
    problems: Problems,
    name: str,
    items: Sequence[Any],
    risk_point: RiskPoint | None,
    related: str,
) -> None:
    """Every id given in ``items`` must be one of the point's ``related``
    parts (a new point has none yet)."""
    known: set[int] = set()
    if risk_point is not None:
        known = set(getattr(risk_point, related).values_list("pk", flat=True))
    for index, item in enumerate(items):
        if item.id is not None and item.id not in known:
            problems.add(
                (name, index, "id"),
                _("This item does not belong to the risk point."),
            )


def _event_errors(
    problems: Problems,
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


def _control_errors(problems: Problems, control: ControlData, lookups: Lookups) -> None:
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
