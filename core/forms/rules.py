"""The overall scoring rules a form may use: built-in ones and plugins' ones.

A plugin contributes a form scoring rule through the existing
``safegrid_scoring_rules()`` hook with a ``ScoringRule`` of
``kind="checklist"``; its ``evaluate`` receives the breakdown built by
``core.forms.scoring.plugin_rule_input`` (validated first against the rule's
``input_schema``) and returns ``{"score", "max_score", "passed", "grade",
"details"}`` (all optional).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from core.forms.scoring import PLUGIN_RULE_KIND
from plugins.contributions import ScoringRule
from plugins.manager import get_plugin_manager

BUILTIN_RULE_CHOICES = [
    ("none", _("No score")),
    ("sum", _("Sum of points")),
    ("weighted", _("Weighted sum of section percentages (0-100)")),
]


def checklist_rules() -> dict[str, ScoringRule]:
    """The enabled plugins' form scoring rules, by key."""
    rules: dict[str, ScoringRule] = {}
    for _plugin, rule in get_plugin_manager().collect("safegrid_scoring_rules"):
        if isinstance(rule, ScoringRule) and rule.kind == PLUGIN_RULE_KIND:
            rules.setdefault(rule.key, rule)
    return rules


def scoring_rule_choices() -> list[tuple[str, Any]]:
    """Choices for the definition's scoring rule (built-in first)."""
    return [
        *BUILTIN_RULE_CHOICES,
        *((key, str(rule.title)) for key, rule in sorted(checklist_rules().items())),
    ]


def is_known_rule(key: str) -> bool:
    return key in {k for k, _label in BUILTIN_RULE_CHOICES} or key in checklist_rules()
