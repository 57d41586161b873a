"""Forms of the risk pages: the guided entry's steps, re-assessment, filters, import.

``choices`` reads what the forms offer once per request (``RiskChoices``);
``base`` holds what the step forms share; ``assessment`` the assessment of one
event (the wizard's step 3 and the re-assessment page); ``steps`` the guided
entry's steps; ``pages`` the list's filters and the import. Everything is
importable from here.
"""

from core.risks.forms.assessment import AssessmentForm, schema_field
from core.risks.forms.base import (
    CheckedStepMixin,
    CompositeStepForm,
    LocatedErrorsMixin,
    blank_row,
)
from core.risks.forms.choices import EMPTY, SKIP, RiskChoices, enum_key, localised
from core.risks.forms.pages import ImportForm
from core.risks.forms.steps import (
    AssessmentStepForm,
    ControlForm,
    EventForm,
    FactorForm,
    FactorsEventsForm,
    MeasureForm,
    MeasuresStepForm,
    PointForm,
    ReviewForm,
)

__all__ = [
    "EMPTY",
    "SKIP",
    "AssessmentForm",
    "AssessmentStepForm",
    "CheckedStepMixin",
    "CompositeStepForm",
    "ControlForm",
    "EventForm",
    "FactorForm",
    "FactorsEventsForm",
    "ImportForm",
    "LocatedErrorsMixin",
    "MeasureForm",
    "MeasuresStepForm",
    "PointForm",
    "ReviewForm",
    "RiskChoices",
    "blank_row",
    "enum_key",
    "localised",
    "schema_field",
]
