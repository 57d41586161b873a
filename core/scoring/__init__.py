"""The one scoring engine of the platform, for every kind of rule.

Risk methods, checklist rules, inspection scores and major-hazard grading are
all ``ScoringRule`` contributions (``safegrid_scoring_rules``) evaluated by
``scoring_engine()`` (``core.scoring.engine``); what a risk method's value
becomes (level, thresholds, direct determination) is ``core.scoring.grading``.
"""

from core.scoring.engine import (
    Evaluation,
    RegisteredRule,
    ScoringEngine,
    rule_problems,
    scoring_engine,
)
from core.scoring.errors import InvalidInputs, RuleFailed, UnknownRule
from core.scoring.grading import (
    PLATFORM_INPUTS,
    RegisteredCondition,
    level_for,
    number,
    thresholds_as_dict,
)
from plugins.contributions import RuleKind

__all__ = [
    "PLATFORM_INPUTS",
    "Evaluation",
    "InvalidInputs",
    "RegisteredCondition",
    "RegisteredRule",
    "RuleFailed",
    "RuleKind",
    "ScoringEngine",
    "UnknownRule",
    "level_for",
    "number",
    "rule_problems",
    "scoring_engine",
    "thresholds_as_dict",
]
