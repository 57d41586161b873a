"""Writes of risk points, their parts and their assessments (one transaction each)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from core.organizations.models import Enterprise
from core.organizations.scope import scope_for
from core.risks.models import (
    Assessment,
    ControlMeasure,
    HazardFactor,
    RiskAnalysisUnit,
    RiskEvent,
    RiskPoint,
)
from core.risks.selectors import thresholds_for
from core.risks.services.data import (
    EventData,
    Lookups,
    RiskDataInvalid,
    RiskPointData,
    _pk,
    assessment_errors,
    risk_point_data_errors,
)
from plugins.contributions import risk_level_rank


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
        kept_factors.append(
            _update_or_add(HazardFactor, factor_data.id, values, risk_point=point)
        )
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


def _update_or_add(model: Any, pk: int | None, values: dict[str, Any], **owner: Any):
    """The part ``pk`` of its ``owner`` (the point, and the event for a
    measure) changed to ``values``; a new part when it has no id yet.

    Looking the part up under its owner keeps a point's edit from reaching
    another point's rows.
    """
    if pk is None:
        return model.objects.create(**owner, **values)
    part = model.objects.get(pk=pk, **owner)
    _save_changed(part, values)
    return part


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
    event = _update_or_add(RiskEvent, event_data.id, values, risk_point=point)
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
        measure = _update_or_add(
            ControlMeasure, measure_data.id, values, risk_point=point, event=event
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
        raise RiskDataInvalid.at(
            (), _("This risk event was removed; it cannot be assessed.")
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
    """Recompute what the point carries of its active events' latest
    assessments: the highest level and their methods (``methods_code``).

    Every write that adds, removes or (re-)assesses an event ends here. A
    re-assessment flag (thresholds changed) is cleared once no active event
    still has a latest assessment of the flagged method older than the flag.
    """
    latest = list(
        Assessment.objects.filter(
            pk__in=RiskEvent.objects.filter(
                risk_point_id=risk_point.pk, is_active=True
            ).values("latest_assessment")
        ).values_list("level", "method", "assessed_at")
    )
    highest = max((row[0] for row in latest), key=risk_level_rank, default="")
    point = RiskPoint.objects.get(pk=risk_point.pk)
    changed = []
    if point.level != highest:
        point.level = highest
        changed.append("level")
    methods = RiskPoint.methods_code(row[1] for row in latest)
    if point.methods != methods:
        point.methods = methods
        changed.append("methods")
    if point.reassess_since is not None and not any(
        method == point.reassess_method and at < point.reassess_since
        for _level, method, at in latest
    ):
        point.reassess_since = None
        point.reassess_method = ""
        changed += ["reassess_since", "reassess_method"]
    if changed:
        point.save(update_fields=[*changed, "updated_at"])
    risk_point.level = highest
    risk_point.methods = methods
    return highest
