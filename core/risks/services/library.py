"""The risk library's entries copied exactly into an enterprise."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from core.organizations.models import Enterprise, Unit
from core.risks.models import (
    RiskPoint,
)
from core.risks.selectors import risk_library_entry
from core.risks.services.data import (
    ControlData,
    EventData,
    FactorData,
    MeasureData,
    RiskDataInvalid,
    RiskPointData,
)
from core.risks.services.points import risk_point_create


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
        raise RiskDataInvalid.at(
            ("key",), _("This risk library entry is not available."), "enum"
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
