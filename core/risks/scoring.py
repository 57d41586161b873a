"""The scoring engine: validate inputs against a rule's schema, evaluate, grade.

Pure and database-free: rules come from the plugin manager
(``safegrid_scoring_rules``), thresholds are passed in by the caller
(``core.risks.selectors.thresholds_for`` reads the configured ones). For risk
methods the platform adds two inputs to every rule's schema:

* ``direct_conditions`` — keys of the direct-determination conditions
  (``safegrid_direct_determination_conditions``) the assessor ticks;
* ``direct_note`` — the assessor's explanation of them.

Order of work, for a risk method: validate everything (every error at once,
with its JSON Pointer and a translated reason) → ``rule.evaluate`` →
map the value to a level with the thresholds (the highest level any of the
given threshold sets yields) → apply direct determination, which can only
raise the level and records each condition that holds.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError as JsonSchemaError

from plugins.contributions import (
    RISK_LEVEL_COLOURS,
    DirectCondition,
    LevelThresholds,
    ScoringRule,
    risk_level_rank,
)
from plugins.manager import (
    BUILTIN_PREFIX,
    SafegridPluginManager,
    get_plugin_manager,
)
from plugins.schema_errors import SchemaError, schema_errors

RISK = "risk"
# Inputs the platform adds to every risk method (not passed to ``evaluate``).
PLATFORM_INPUTS = ("direct_conditions", "direct_note")
DIRECT_NOTE_MAX_LENGTH = 500


class UnknownRule(LookupError):
    """No enabled plugin provides a scoring rule with this key."""


class InvalidInputs(ValidationError):
    """The inputs do not fit the rule; nothing was evaluated.

    ``errors`` lists every problem (``SchemaError``: JSON Pointer ``path``,
    translated ``reason``, failing ``keyword``). As a Django
    ``ValidationError`` its ``message_dict`` is keyed by the same paths.
    """

    def __init__(self, errors: list[SchemaError]):
        self.errors = errors
        by_path: dict[str, list[str]] = {}
        for error in errors:
            by_path.setdefault(error.path or "/", []).append(error.reason)
        super().__init__(by_path)

    def as_list(self) -> list[dict[str, str]]:
        return [error.as_dict() for error in self.errors]


@dataclass(frozen=True)
class RegisteredRule:
    """A scoring rule and the plugin (pack) that provides it."""

    pack: str
    rule: ScoringRule

    @property
    def key(self) -> str:
        return self.rule.key

    @property
    def is_risk_method(self) -> bool:
        return self.rule.kind == RISK

    @property
    def has_thresholds(self) -> bool:
        return self.is_risk_method and self.rule.default_thresholds is not None

    def presets(self) -> tuple[LevelThresholds, ...]:
        """The default thresholds first, then the rule's other presets."""
        if self.rule.default_thresholds is None:
            return ()
        return (self.rule.default_thresholds, *self.rule.threshold_presets)


@dataclass(frozen=True)
class RegisteredCondition:
    pack: str
    condition: DirectCondition

    @property
    def declarable(self) -> bool:
        return self.condition.applies is None

    def serves(self, industries: Collection[str] | None) -> bool:
        """Applies to an enterprise of ``industries`` (None: any enterprise)."""
        if industries is None or not self.condition.industries:
            return True
        return bool(set(self.condition.industries) & set(industries))

    def as_reason(self, note: str = "") -> dict[str, Any]:
        condition = self.condition
        return {
            "key": condition.key,
            "pack": self.pack,
            "title": {"zh-hans": condition.title.zh_hans, "en": condition.title.en},
            "raises_to": condition.raises_to,
            "automatic": condition.applies is not None,
            "note": "" if condition.applies is not None else note,
        }


@dataclass
class Evaluation:
    """The result of one evaluation.

    For a risk method: ``value`` (None for direct determination), the
    ``scored_level`` the thresholds gave, the final ``level`` after direct
    determination, the ``direct_reasons`` that held, and the ``thresholds``
    used (with their source) for the record.
    """

    key: str
    pack: str
    kind: str
    value: Decimal | None
    level: str | None
    scored_level: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    direct_reasons: list[dict[str, Any]] = field(default_factory=list)
    direct_note: str = ""
    thresholds: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "pack": self.pack,
            "kind": self.kind,
            "value": number(self.value),
            "level": self.level,
            "colour": RISK_LEVEL_COLOURS.get(self.level or ""),
            "scored_level": self.scored_level,
            "details": self.details,
            "direct_reasons": self.direct_reasons,
            "direct_note": self.direct_note,
            "thresholds": self.thresholds,
        }


def number(value: Decimal | float | int | None) -> int | float | None:
    """A JSON number without float noise (``4.2``, not ``4.200000000000001``)."""
    if value is None:
        return None
    decimal = Decimal(str(value)).normalize()
    if decimal == decimal.to_integral_value():
        return int(decimal)
    return float(decimal)


def level_for(value: Decimal | float | int, thresholds: LevelThresholds) -> str:
    """The level of ``value``: the first cut-off (highest first) it reaches."""
    value = Decimal(str(value))
    for level, cut, inclusive in thresholds.cuts():
        cut = Decimal(str(cut))
        if value > cut or (inclusive and value == cut):
            return level
    return "low"


def thresholds_as_dict(source: str, thresholds: LevelThresholds) -> dict[str, Any]:
    return {
        "source": source,
        "key": thresholds.key,
        "major": number(thresholds.major),
        "major_inclusive": thresholds.major_inclusive,
        "significant": number(thresholds.significant),
        "significant_inclusive": thresholds.significant_inclusive,
        "general": number(thresholds.general),
        "general_inclusive": thresholds.general_inclusive,
    }


class ScoringRegistry:
    """The enabled scoring rules and direct-determination conditions.

    Built from one plugin manager; contributions that are malformed or whose
    key is already taken are left out here and reported by the system checks
    (``core.risks.checks``). A built-in rule keeps its key against a pack.
    """

    def __init__(self, manager: SafegridPluginManager):
        self.rules: dict[str, RegisteredRule] = {}
        for pack, rule in _builtins_first(manager.collect("safegrid_scoring_rules")):
            if isinstance(rule, ScoringRule) and not rule_problems(rule):
                self.rules.setdefault(rule.key, RegisteredRule(pack, rule))
        self.conditions: dict[str, RegisteredCondition] = {}
        for pack, condition in _builtins_first(
            manager.collect("safegrid_direct_determination_conditions")
        ):
            if isinstance(condition, DirectCondition) and not condition.problems():
                self.conditions.setdefault(
                    condition.key, RegisteredCondition(pack, condition)
                )

    # -- lookup ----------------------------------------------------------------
    def get(self, key: str) -> RegisteredRule:
        try:
            return self.rules[key]
        except KeyError:
            raise UnknownRule(key) from None

    def all(self, kind: str | None = None) -> list[RegisteredRule]:
        return [r for r in self.rules.values() if kind is None or r.rule.kind == kind]

    def risk_methods(self) -> list[RegisteredRule]:
        return self.all(RISK)

    def declarable_conditions(
        self, industries: Collection[str] | None = None
    ) -> list[RegisteredCondition]:
        return [
            c for c in self.conditions.values() if c.declarable and c.serves(industries)
        ]

    # -- schema and validation -----------------------------------------------
    def input_schema(
        self, key: str, industries: Collection[str] | None = None
    ) -> dict[str, Any]:
        """The schema the inputs are validated against.

        For a risk method: the rule's own schema plus ``direct_conditions``
        (the declarable conditions' keys) and ``direct_note``.
        """
        registered = self.get(key)
        schema = copy.deepcopy(registered.rule.input_schema)
        if not registered.is_risk_method:
            return schema
        properties = schema.setdefault("properties", {})
        keys = [c.condition.key for c in self.declarable_conditions(industries)]
        properties["direct_conditions"] = {
            "title": "直接判定条件 / Direct determination conditions",
            "type": "array",
            "items": {
                "enum": keys,
                "x-enum-titles": [
                    {"zh-hans": c.condition.title.zh_hans, "en": c.condition.title.en}
                    for c in self.declarable_conditions(industries)
                ],
            },
            "uniqueItems": True,
            **properties.get("direct_conditions", {}),
        }
        properties["direct_note"] = {
            "title": "判定说明 / Explanation",
            "type": "string",
            "maxLength": DIRECT_NOTE_MAX_LENGTH,
            **properties.get("direct_note", {}),
        }
        return schema

    def validate(
        self,
        key: str,
        inputs: Any,
        industries: Collection[str] | None = None,
    ) -> list[SchemaError]:
        """Every problem of ``inputs``, translated (empty when they are fine)."""
        return schema_errors(self.input_schema(key, industries), inputs)

    # -- evaluation -------------------------------------------------------------
    def evaluate(
        self,
        key: str,
        inputs: Any,
        *,
        thresholds: Sequence[tuple[str, LevelThresholds]] = (),
        industries: Collection[str] | None = None,
    ) -> Evaluation:
        """Validate and evaluate; raise ``InvalidInputs`` or ``UnknownRule``.

        ``thresholds`` are ``(source, LevelThresholds)`` pairs; with several
        (an enterprise in several industries) the highest level wins. Without
        any, the rule's default thresholds apply.
        """
        registered = self.get(key)
        errors = self.validate(key, inputs, industries)
        if errors:
            raise InvalidInputs(errors)
        rule = registered.rule
        rule_inputs = copy.deepcopy(inputs)
        if registered.is_risk_method:
            for name in PLATFORM_INPUTS:
                if name not in rule.input_schema.get("properties", {}):
                    rule_inputs.pop(name, None)
        raw = _call(rule, rule_inputs)
        if not registered.is_risk_method:
            return Evaluation(
                key=key,
                pack=registered.pack,
                kind=rule.kind,
                value=_decimal(raw.get("value")),
                level=raw.get("level"),
                details=raw,
            )
        value = _decimal(raw.get("value"))
        details = raw.get("details") or {}
        used = None
        if registered.has_thresholds and value is not None:
            candidates = list(thresholds) or [(f"rule:{key}", rule.default_thresholds)]
            graded = [(level_for(value, t), source, t) for source, t in candidates]
            scored_level, source, chosen = max(
                graded, key=lambda item: risk_level_rank(item[0])
            )
            used = thresholds_as_dict(source, chosen)
        else:
            scored_level = raw.get("level")
        level, reasons = self._direct_determination(
            scored_level=scored_level,
            value=value,
            details=details,
            inputs=inputs,
            industries=industries,
        )
        if level is None:
            raise InvalidInputs(
                [
                    SchemaError(
                        path="/direct_conditions",
                        location=("direct_conditions",),
                        keyword="minItems",
                        reason=_(
                            "Choose at least one direct-determination condition: "
                            "this method gives no level by itself."
                        ),
                    )
                ]
            )
        return Evaluation(
            key=key,
            pack=registered.pack,
            kind=rule.kind,
            value=value,
            level=level,
            scored_level=scored_level,
            details=details,
            direct_reasons=reasons,
            direct_note=inputs.get("direct_note", ""),
            thresholds=used,
        )

    def _direct_determination(
        self,
        *,
        scored_level: str | None,
        value: Decimal | None,
        details: dict[str, Any],
        inputs: dict[str, Any],
        industries: Collection[str] | None,
    ) -> tuple[str | None, list[dict[str, Any]]]:
        """Raise the level by every condition that holds; never lower it."""
        declared = set(inputs.get("direct_conditions") or ())
        note = inputs.get("direct_note", "")
        scored = {"value": number(value), "level": scored_level, "details": details}
        level = scored_level
        reasons = []
        for registered in self.conditions.values():
            if not registered.serves(industries):
                continue
            condition = registered.condition
            if condition.applies is None:
                holds = condition.key in declared
            else:
                holds = bool(condition.applies(dict(scored)))
            if not holds:
                continue
            reasons.append(registered.as_reason(note))
            if risk_level_rank(condition.raises_to) > risk_level_rank(level):
                level = condition.raises_to
        return level, reasons


def rule_problems(rule: ScoringRule) -> list[str]:
    """What is wrong with a contributed rule, its schema included (empty: fine)."""
    problems = list(rule.problems())
    if not isinstance(rule.input_schema, dict):
        return problems
    try:
        Draft202012Validator.check_schema(rule.input_schema)
    except JsonSchemaError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(root)"
        problems.append(
            f"scoring rule {rule.key!r}: input_schema is not a valid JSON Schema "
            f"at {where}: {exc.message}"
        )
    if rule.kind == RISK and rule.input_schema.get("type") != "object":
        problems.append(
            f"risk method {rule.key!r} must take an object of inputs "
            '(input_schema "type": "object")'
        )
    return problems


def _builtins_first(items: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return sorted(items, key=lambda item: not item[0].startswith(BUILTIN_PREFIX))


def _decimal(value: Any) -> Decimal | None:
    """A number as Decimal; None for anything that is not a finite number
    (a pack rule of another kind may return a grade or a structure as value)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        decimal = Decimal(str(value))
    except ArithmeticError:
        return None
    return decimal if decimal.is_finite() else None


def _call(rule: ScoringRule, inputs: dict[str, Any]) -> dict[str, Any]:
    """Run ``rule.evaluate``; problems it finds beyond the schema become errors.

    A rule may raise an exception carrying ``problems`` — a list of
    ``{"path": JSON Pointer, "message": text}`` — for what a schema cannot
    express (e.g. "the quantities must not all be zero").
    """
    try:
        return rule.evaluate(inputs) or {}
    except Exception as exc:
        problems = getattr(exc, "problems", None)
        if not isinstance(problems, list):
            raise
        raise InvalidInputs(
            [
                SchemaError(
                    path=str(problem.get("path", "")),
                    location=tuple(
                        part for part in str(problem.get("path", "")).split("/")[1:]
                    ),
                    keyword="rule",
                    reason=str(problem.get("message", "")),
                )
                for problem in problems
            ]
        ) from exc


def scoring_registry(manager: SafegridPluginManager | None = None) -> ScoringRegistry:
    """The registry of ``manager`` (default: the process-wide one), built once."""
    manager = manager or get_plugin_manager()
    registry = getattr(manager, "_scoring_registry", None)
    if registry is None:
        registry = ScoringRegistry(manager)
        manager._scoring_registry = registry
    return registry
