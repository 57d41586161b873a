"""The risk wizard's canonical data: the risk point's data object as JSON.

A risk point draft holds one JSON object shaped like ``RiskPointData`` (the
service's input), never the wizard's form posts::

    {"name", "kind", "unit", "description", "position",
     "factors": [{"id", "code", "description", "analysis_unit"}],
     "events": [{"key", "id", "name", "accident_types", "consequence",
                 "analysis_unit", "hazard_factors", "suggested",
                 "measures": [{"id", "kind", "description"}],
                 "assessment": {"method", "inputs", "note", "evaluation"}}],
     "control": {"level", "responsible_unit", "responsible_person",
                 "inspection_every", "inspection_unit"},
     "source"}

``key`` follows an event through the steps (``e<pk>`` for a saved event, a
random ``n…`` for a new one). An assessment's ``method`` is "" (not chosen
yet), ``"skip"`` (assess later, or keep the latest assessment) or a method
key; ``evaluation`` is the result computed when the inputs were entered, so
the review shows it without evaluating again. ``suggested`` is a library
entry's suggestion, kept on the event when it is saved.

``drafts.steps`` turns the canonical data into the steps' form data
(``step_form_data``) and a step's cleaned data into the canonical data
(``merge_step``); ``drafts.data`` the canonical data into the service's ``RiskPointData``
(``build_point_data``), and a saved point or a library entry into canonical
data (``canonical_from_point``, ``canonical_from_data``).
"""

from core.risks.drafts.data import (
    CONTROL_FIELDS,
    DATA_STEPS,
    BuiltData,
    assessment_of,
    build_point_data,
    canonical_from_data,
    canonical_from_point,
    evaluation_of,
    kept_evaluation,
    new_event_key,
)
from core.risks.drafts.steps import merge_step, step_form_data

__all__ = [
    "CONTROL_FIELDS",
    "DATA_STEPS",
    "BuiltData",
    "assessment_of",
    "build_point_data",
    "canonical_from_data",
    "canonical_from_point",
    "evaluation_of",
    "kept_evaluation",
    "merge_step",
    "new_event_key",
    "step_form_data",
]
