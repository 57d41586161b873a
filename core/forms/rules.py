"""The overall scoring rules a form may use: built-in ones and plugins' ones.

A plugin contributes a form scoring rule through ``safegrid_scoring_rules()``
with a ``ScoringRule`` of kind ``checklist``; the scoring engine
(``core.scoring``) holds it with every other rule, and
``core.forms.scoring`` evaluates it on a submission's breakdown
(``plugins.contributions.CHECKLIST_INPUT_SCHEMA``).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.utils.translation import gettext_lazy as _

from core.scoring import RuleKind, ScoringEngine, scoring_engine
from plugins.contributions import ScoringRule

BUILTIN_RULE_CHOICES = [
    ("none", _("No score")),
    ("sum", _("Sum of points")),
    ("weighted", _("Weighted sum of section percentages (0-100)")),
]


def checklist_rules(engine: ScoringEngine | None = None) -> dict[str, ScoringRule]:
    """The enabled plugins' form scoring rules, by key."""
    engine = engine or scoring_engine()
    return {r.key: r.rule for r in engine.all(RuleKind.CHECKLIST)}


def scoring_rule_choices(
    industry_codes: Collection[str] | None = None,
) -> list[tuple[str, Any]]:
    """Choices for the definition's scoring rule (built-in first).

    With ``industry_codes``, a pack's rule is offered only when its pack
    provides one of those industries; rules of packs that provide no
    industry (generic ones) are always offered. ``None``: every rule.
    """
    engine = scoring_engine()
    allowed_packs = None
    if industry_codes is not None:
        from core.organizations.models import Industry

        industry_packs = dict(Industry.objects.values_list("code", "pack"))
        allowed_packs = {
            industry_packs[c] for c in industry_codes if c in industry_packs
        }
        every_industry_pack = set(industry_packs.values())
    rules = []
    for registered in engine.all(RuleKind.CHECKLIST):
        if (
            allowed_packs is not None
            and registered.pack in every_industry_pack
            and registered.pack not in allowed_packs
        ):
            continue  # a rule of another industry's pack
        rules.append((registered.key, str(registered.rule.title)))
    return [*BUILTIN_RULE_CHOICES, *sorted(rules)]


def is_known_rule(key: str, engine: ScoringEngine | None = None) -> bool:
    """A built-in rule, or a checklist rule of ``engine`` (default: the
    process-wide one)."""
    builtin = {k for k, _label in BUILTIN_RULE_CHOICES}
    return key in builtin or key in checklist_rules(engine)
