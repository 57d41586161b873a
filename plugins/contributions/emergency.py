"""Emergency preparedness: the templates an industry offers."""

from __future__ import annotations

from dataclasses import dataclass

from plugins.contributions.common import choice_problems, has_both, key_problems
from plugins.texts import I18nText

# -- emergency preparedness ---------------------------------------------------------

# What an industry's emergency template is: a typical emergency plan, a drill
# scenario, or a training its posts require.
EMERGENCY_TEMPLATE_KINDS: tuple[str, ...] = ("plan", "drill_scenario", "training")


@dataclass(frozen=True)
class EmergencyTemplate:
    """A typical emergency plan, drill scenario or required training an
    industry contributes (core/emergency offers them to its enterprises).

    ``kind`` is one of ``EMERGENCY_TEMPLATE_KINDS``; ``plan_kind`` (a key of
    ``EMERGENCY_PLAN_KINDS``) for a plan, or for a drill scenario the kind of
    plan it exercises; ``posts`` for a training says which posts need it;
    ``is_certificate`` and ``valid_months`` for a special-operation
    certificate; ``basis`` cites the standard or rule (its number).
    """

    kind: str
    key: str
    industry: str
    title: I18nText
    details: I18nText | None = None
    plan_kind: str = ""
    posts: I18nText | None = None
    is_certificate: bool = False
    valid_months: int | None = None
    basis: str = ""

    def problems(self) -> list[str]:
        from plugins.vocabularies import EMERGENCY_PLAN_KINDS

        found = []
        label = f"emergency template {self.kind}/{self.key}"
        found.extend(
            choice_problems(label, "kind", self.kind, EMERGENCY_TEMPLATE_KINDS)
        )
        found.extend(key_problems(label, self.key, self.industry))
        if not has_both(self.title):
            found.append(f"{label} needs a title in both languages")
        if self.plan_kind and self.plan_kind not in EMERGENCY_PLAN_KINDS:
            found.append(f"{label}: plan kind {self.plan_kind!r} is unknown")
        if self.kind == "plan" and not self.plan_kind:
            found.append(f"{label}: a plan needs its plan kind")
        if self.valid_months is not None and (
            isinstance(self.valid_months, bool)
            or not isinstance(self.valid_months, int)
            or not 1 <= self.valid_months <= 240
        ):
            found.append(f"{label}: valid_months must be 1 to 240")
        return found
