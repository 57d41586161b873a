"""What the risk forms offer, read once per request: ``RiskChoices``.

Choices (units, people, dictionaries, methods) are read once per request and
shared by every form of the request: the wizard builds its step forms
several times per request and must not query per form.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.utils.translation import get_language

from core.organizations.models import Enterprise, Person, Unit
from core.risks.selectors import accident_types, hazard_factor_classes
from core.risks.selectors import thresholds_for as configured_thresholds
from core.scoring import (
    Evaluation,
    RegisteredRule,
    ScoringEngine,
    number,
    scoring_engine,
)
from plugins.contributions import LevelThresholds

# The "method" of an event the user does not assess now: a new event is
# assessed later; an assessed event keeps its latest assessment.
SKIP = "skip"
EMPTY = [("", "—")]


def _english() -> bool:
    return (get_language() or "zh-hans").lower().startswith("en")


def localised(text: Any) -> str:
    """A schema title in the current language.

    Titles are ``{"zh-hans": ..., "en": ...}`` objects, or strings written
    ``"中文 / English"`` (the built-in methods' convention), or plain strings.
    """
    if isinstance(text, dict):
        return str(text.get("en" if _english() else "zh-hans") or "")
    text = str(text or "")
    if " / " in text:
        zh, en = text.split(" / ", 1)
        return en if _english() else zh
    return text


def enum_key(value: Any) -> str:
    """The form value of an ``enum`` member (``0.5`` → ``"0.5"``, ``10.0`` → ``"10"``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(number(value))
    return str(value)


class RiskChoices:
    """Everything the risk forms offer, read once for one enterprise."""

    def __init__(self, enterprise: Enterprise):
        self.enterprise = enterprise
        self.registry: ScoringEngine = scoring_engine()
        self._thresholds: dict[str, list[tuple[str, LevelThresholds]]] = {}

    @cached_property
    def industries(self) -> list[str]:
        return list(self.enterprise.industries.values_list("code", flat=True))

    @cached_property
    def units(self) -> list[Unit]:
        return list(
            Unit.objects.filter(enterprise=self.enterprise)
            .only("pk", "path", "depth", "name", "kind")
            .order_by("path")
        )

    @cached_property
    def unit_labels(self) -> dict[int, str]:
        """Each unit's path below the company: "合成车间 / 一班"."""
        names = {unit.path: unit.name for unit in self.units}
        step = Unit.steplen
        labels = {}
        for unit in self.units:
            parts = [
                names.get(unit.path[:end], "")
                for end in range(2 * step, len(unit.path) + 1, step)
            ]
            labels[unit.pk] = " / ".join(filter(None, parts)) or unit.name
        return labels

    @cached_property
    def unit_choices(self) -> list[tuple[str, str]]:
        # Indented by depth so the tree reads in a plain select.
        return [
            (str(unit.pk), "\u3000" * (unit.depth - 1) + unit.name)
            for unit in self.units
        ]

    @cached_property
    def person_choices(self) -> list[tuple[str, str]]:
        return [
            (str(person.pk), person.name)
            for person in Person.objects.filter(enterprise=self.enterprise).order_by(
                "name", "pk"
            )
        ]

    @cached_property
    def factor_classes(self) -> dict[str, Any]:
        return {f.code: f for f in hazard_factor_classes()}

    @cached_property
    def factor_choices(self) -> list[tuple[str, Any]]:
        """GB/T 13861 classes grouped under their four top-level groups."""
        groups: list[tuple[str, list[tuple[str, str]]]] = []
        for code, factor in self.factor_classes.items():
            label = "\u3000" * max(factor.depth - 2, 0) + f"{code} {factor.name}"
            if len(code) == 1 or not groups:
                groups.append((factor.name, []))
            groups[-1][1].append((code, label))
        return groups

    @cached_property
    def accident_types(self) -> dict[str, Any]:
        return {a.code: a for a in accident_types()}

    @cached_property
    def accident_choices(self) -> list[tuple[str, str]]:
        return [(code, a.name) for code, a in self.accident_types.items()]

    @cached_property
    def methods(self) -> list[RegisteredRule]:
        return self.registry.risk_methods()

    def method(self, key: str) -> RegisteredRule | None:
        return next((m for m in self.methods if m.key == key), None)

    @cached_property
    def method_titles(self) -> dict[str, str]:
        return {m.key: str(m.rule.title) for m in self.methods}

    @cached_property
    def method_short(self) -> dict[str, str]:
        """Short method names for lists: the abbreviation a title ends with in
        brackets ("作业条件危险性分析法（LEC）" → "LEC"), else the title."""
        short = {}
        for key, title in self.method_titles.items():
            match = re.search(r"[（(]([^（）()]{1,12})[）)]\s*$", title)
            short[key] = match.group(1) if match else title
        return short

    @cached_property
    def conditions(self) -> list[tuple[str, str]]:
        return [
            (c.condition.key, str(c.condition.title))
            for c in self.registry.declarable_conditions(self.industries)
        ]

    def thresholds(self, method: str) -> list[tuple[str, LevelThresholds]]:
        if method not in self._thresholds:
            self._thresholds[method] = configured_thresholds(
                method=method, industry_codes=self.industries
            )
        return self._thresholds[method]

    def evaluate(self, method: str, inputs: dict[str, Any]) -> Evaluation:
        """Grade ``inputs`` as the service will (raises ``InvalidInputs``)."""
        return self.registry.evaluate(
            method,
            inputs,
            thresholds=self.thresholds(method),
            industries=self.industries,
        )
