"""The scoring engine: one registry of rules, one way to validate and evaluate.

Every rule kind (``plugins.contributions.RuleKind``: risk methods, checklist
rules, inspection scores, major-hazard grading) goes through the same engine:

* one registry, built once per plugin manager (``scoring_engine()``) from
  ``safegrid_scoring_rules`` and ``safegrid_direct_determination_conditions``.
  Building it checks every rule and its JSON Schema once; malformed rules and
  keys claimed twice are left out and kept in ``problems`` for the system
  checks (``core.scoring.checks``). A built-in rule keeps its key.
* one validation: inputs are checked against the rule's schema with the one
  translator (``plugins.schema_errors``), so the schema's own ``x-messages``
  reach the user. Each schema is compiled once and kept.
* one error semantics, the same for every kind: an unknown key (or a rule of
  another kind than asked) is ``UnknownRule``; bad inputs are
  ``InvalidInputs`` (in the ``core.base.errors.Invalid`` family), whether the
  schema or the rule itself (``ScoringInputError``) found them; a rule whose
  own code fails is ``RuleFailed``.

A rule's inputs are validated once per ``evaluate`` call. A caller that has
already validated them (``validate`` returned no errors) passes
``validated=True``. For a risk method the value is then graded
(``core.scoring.grading``): thresholds, then direct determination.
"""

from __future__ import annotations

import copy
import logging
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError as JsonSchemaError

from core.scoring.errors import InvalidInputs, RuleFailed, UnknownRule
from core.scoring.grading import (
    PLATFORM_INPUTS,
    RegisteredCondition,
    direct_determination,
    graded_level,
    number,
    thresholds_as_dict,
    with_platform_inputs,
)
from plugins.contributions import (
    RISK_LEVEL_COLOURS,
    DirectCondition,
    LevelThresholds,
    RuleKind,
    ScoringInputError,
    ScoringRule,
)
from plugins.manager import (
    BUILTIN_PREFIX,
    SafegridPluginManager,
    get_plugin_manager,
)
from plugins.schema_errors import (
    CompiledSchema,
    SchemaError,
    errors_from_problems,
    message_problems,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RegisteredRule:
    """A scoring rule and the plugin (pack) that provides it."""

    pack: str
    rule: ScoringRule

    @property
    def key(self) -> str:
        return self.rule.key

    @property
    def kind(self) -> RuleKind:
        return RuleKind(self.rule.kind)

    @property
    def is_risk_method(self) -> bool:
        return self.kind is RuleKind.RISK

    @property
    def has_thresholds(self) -> bool:
        return self.is_risk_method and self.rule.default_thresholds is not None

    def presets(self) -> tuple[LevelThresholds, ...]:
        """The default thresholds first, then the rule's other presets."""
        if self.rule.default_thresholds is None:
            return ()
        return (self.rule.default_thresholds, *self.rule.threshold_presets)


@dataclass
class Evaluation:
    """The result of one evaluation.

    For a risk method: ``value`` (None for direct determination), the
    ``scored_level`` the thresholds gave, the final ``level`` after direct
    determination, the ``direct_reasons`` that held, and the ``thresholds``
    used (with their source) for the record. For other kinds ``details`` is
    the rule's whole result.
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


@dataclass(frozen=True)
class ContributionProblem:
    """A contribution the engine left out, for the system checks."""

    check_id: str
    message: str
    hint: str = ""


def check_rule_schema(schema: dict[str, Any]) -> None:
    """Raise ``jsonschema.exceptions.SchemaError`` unless ``schema`` is valid.

    The one place a rule's schema is checked: once per engine, so once per
    process.
    """
    Draft202012Validator.check_schema(schema)


def rule_problems(rule: ScoringRule) -> list[str]:
    """What is wrong with a contributed rule, its schema included (empty: fine)."""
    problems = list(rule.problems())
    if not isinstance(rule.input_schema, dict):
        return problems
    try:
        check_rule_schema(rule.input_schema)
    except JsonSchemaError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(root)"
        problems.append(
            f"scoring rule {rule.key!r}: input_schema is not a valid JSON Schema "
            f"at {where}: {exc.message}"
        )
    problems.extend(
        f"scoring rule {rule.key!r}: {problem}"
        for problem in message_problems(rule.input_schema)
    )
    if rule.kind == RuleKind.RISK and rule.input_schema.get("type") != "object":
        problems.append(
            f"risk method {rule.key!r} must take an object of inputs "
            '(input_schema "type": "object")'
        )
    return problems


class ScoringEngine:
    """The enabled scoring rules and direct-determination conditions.

    Built from one plugin manager. ``problems`` lists what was left out and
    why (malformed, wrong type, key already taken).
    """

    def __init__(self, manager: SafegridPluginManager):
        self.rules: dict[str, RegisteredRule] = {}
        self.conditions: dict[str, RegisteredCondition] = {}
        self.problems: list[ContributionProblem] = []
        self._compiled: dict[tuple[Any, ...], CompiledSchema] = {}
        self._collect_rules(manager)
        self._collect_conditions(manager)

    def _collect_rules(self, manager: SafegridPluginManager) -> None:
        owners: dict[str, list[str]] = defaultdict(list)
        for pack, rule in _builtins_first(manager.collect("safegrid_scoring_rules")):
            if not isinstance(rule, ScoringRule):
                self._wrong_type(pack, rule, "safegrid_scoring_rules", "ScoringRule")
                continue
            owners[rule.key].append(pack)
            problems = rule_problems(rule)
            self.problems.extend(
                ContributionProblem("safegrid.E010", f"Pack {pack!r}: {problem}.")
                for problem in problems
            )
            if not problems:
                self.rules.setdefault(rule.key, RegisteredRule(pack, rule))
        self._duplicates(owners, "Scoring rule key")

    def _collect_conditions(self, manager: SafegridPluginManager) -> None:
        owners: dict[str, list[str]] = defaultdict(list)
        hook = "safegrid_direct_determination_conditions"
        for pack, condition in _builtins_first(manager.collect(hook)):
            if not isinstance(condition, DirectCondition):
                self._wrong_type(pack, condition, hook, "DirectCondition")
                continue
            owners[condition.key].append(pack)
            problems = condition.problems()
            self.problems.extend(
                ContributionProblem("safegrid.E011", f"Pack {pack!r}: {problem}.")
                for problem in problems
            )
            if not problems:
                self.conditions.setdefault(
                    condition.key, RegisteredCondition(pack, condition)
                )
        self._duplicates(owners, "Direct-determination condition key")

    def _wrong_type(self, pack: str, item: object, hook: str, expected: str) -> None:
        self.problems.append(
            ContributionProblem(
                "safegrid.E013",
                f"Pack {pack!r} returned {item!r:.80} from {hook}(); "
                f"expected {expected} objects.",
            )
        )

    def _duplicates(self, owners: dict[str, list[str]], what: str) -> None:
        self.problems.extend(
            ContributionProblem(
                "safegrid.E014",
                f"{what} {key!r} is contributed by several plugins: "
                f"{', '.join(sorted(packs))}.",
                hint="A key belongs to exactly one plugin; rename the pack's one.",
            )
            for key, packs in owners.items()
            if len(packs) > 1
        )

    # -- lookup ----------------------------------------------------------------
    def get(self, key: str, kind: RuleKind | str | None = None) -> RegisteredRule:
        """The rule ``key``; with ``kind``, only a rule of that kind.

        Raises ``UnknownRule`` otherwise, whatever the kind.
        """
        registered = self.rules.get(key)
        if registered is None or (kind is not None and registered.kind != kind):
            raise UnknownRule(key, kind)
        return registered

    def all(self, kind: RuleKind | str | None = None) -> list[RegisteredRule]:
        return [r for r in self.rules.values() if kind is None or r.kind == kind]

    def risk_methods(self) -> list[RegisteredRule]:
        return self.all(RuleKind.RISK)

    def declarable_conditions(
        self, industries: Collection[str] | None = None
    ) -> list[RegisteredCondition]:
        return [
            c for c in self.conditions.values() if c.declarable and c.serves(industries)
        ]

    # -- schema and validation -----------------------------------------------
    def _compiled_schema(
        self, registered: RegisteredRule, industries: Collection[str] | None
    ) -> CompiledSchema:
        """The rule's schema as validated, compiled once per set of conditions."""
        declarable: list[RegisteredCondition] = []
        if registered.is_risk_method:
            declarable = self.declarable_conditions(industries)
        cache_key = (registered.key, *(c.condition.key for c in declarable))
        compiled = self._compiled.get(cache_key)
        if compiled is None:
            schema = copy.deepcopy(registered.rule.input_schema)
            if registered.is_risk_method:
                schema = with_platform_inputs(schema, declarable)
            try:
                compiled = CompiledSchema(schema)
            except Exception as exc:
                raise RuleFailed(registered.key, repr(exc)) from exc
            self._compiled[cache_key] = compiled
        return compiled

    def input_schema(
        self, key: str, industries: Collection[str] | None = None
    ) -> dict[str, Any]:
        """The schema the inputs are validated against (a copy).

        For a risk method: the rule's own schema plus ``direct_conditions``
        (the declarable conditions' keys) and ``direct_note``.
        """
        return copy.deepcopy(self._compiled_schema(self.get(key), industries).schema)

    def validate(
        self,
        key: str,
        inputs: Any,
        industries: Collection[str] | None = None,
        *,
        kind: RuleKind | str | None = None,
    ) -> list[SchemaError]:
        """Every schema problem of ``inputs``, translated (empty when fine).

        What the rule finds beyond its schema is only known by evaluating.
        """
        return self._validate(self.get(key, kind), inputs, industries)

    def _validate(
        self,
        registered: RegisteredRule,
        inputs: Any,
        industries: Collection[str] | None,
    ) -> list[SchemaError]:
        compiled = self._compiled_schema(registered, industries)
        try:
            return compiled.errors(inputs)
        except Exception as exc:
            # A schema that passed the check can still fail to validate (a
            # reference that cannot be resolved): the rule is broken.
            logger.exception("Scoring rule %r: its schema fails", registered.key)
            raise RuleFailed(registered.key, repr(exc)) from exc

    # -- evaluation -------------------------------------------------------------
    def evaluate(
        self,
        key: str,
        inputs: Any,
        *,
        thresholds: Sequence[tuple[str, LevelThresholds]] = (),
        industries: Collection[str] | None = None,
        kind: RuleKind | str | None = None,
        validated: bool = False,
    ) -> Evaluation:
        """Validate (unless ``validated``) and evaluate ``inputs``.

        Raises ``UnknownRule``, ``InvalidInputs`` or ``RuleFailed``.
        ``thresholds`` are ``(source, LevelThresholds)`` pairs for a risk
        method; with several (an enterprise in several industries) the highest
        level wins. Without any, the rule's default thresholds apply.
        """
        registered = self.get(key, kind)
        if not validated:
            errors = self._validate(registered, inputs, industries)
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
        return self._grade(registered, raw, inputs, thresholds, industries)

    def _grade(
        self,
        registered: RegisteredRule,
        raw: dict[str, Any],
        inputs: dict[str, Any],
        thresholds: Sequence[tuple[str, LevelThresholds]],
        industries: Collection[str] | None,
    ) -> Evaluation:
        rule = registered.rule
        value = _decimal(raw.get("value"))
        details = raw.get("details") or {}
        used = None
        if registered.has_thresholds and value is not None:
            candidates = list(thresholds) or [
                (f"rule:{rule.key}", rule.default_thresholds)
            ]
            scored_level, source, chosen = graded_level(value, candidates)
            used = thresholds_as_dict(source, chosen)
        else:
            scored_level = raw.get("level")
        note = inputs.get("direct_note", "")
        level, reasons = direct_determination(
            self.conditions.values(),
            scored_level=scored_level,
            scored={"value": number(value), "level": scored_level, "details": details},
            declared=set(inputs.get("direct_conditions") or ()),
            note=note,
            industries=industries,
        )
        if level is None:
            raise InvalidInputs.at(
                ("direct_conditions",),
                _(
                    "Choose at least one direct-determination condition: "
                    "this method gives no level by itself."
                ),
                "minItems",
            )
        return Evaluation(
            key=rule.key,
            pack=registered.pack,
            kind=rule.kind,
            value=value,
            level=level,
            scored_level=scored_level,
            details=details,
            direct_reasons=reasons,
            direct_note=note,
            thresholds=used,
        )


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


def _call(rule: ScoringRule, inputs: Any) -> dict[str, Any]:
    """Run ``rule.evaluate``: its ``ScoringInputError`` becomes ``InvalidInputs``,
    anything else it raises (or a result that is not a dict) ``RuleFailed``."""
    try:
        result = rule.evaluate(inputs)
    except ScoringInputError as exc:
        raise InvalidInputs(errors_from_problems(exc.problems)) from exc
    except Exception as exc:
        logger.exception("Scoring rule %r failed", rule.key)
        raise RuleFailed(rule.key, exc.__class__.__name__) from exc
    if result is None:
        return {}
    if not isinstance(result, dict):
        raise RuleFailed(rule.key, f"returned {type(result).__name__}, not a dict")
    return result


def scoring_engine(manager: SafegridPluginManager | None = None) -> ScoringEngine:
    """The engine of ``manager`` (default: the process-wide one), built once."""
    manager = manager or get_plugin_manager()
    engine = getattr(manager, "_scoring_engine", None)
    if engine is None:
        engine = ScoringEngine(manager)
        manager._scoring_engine = engine
    return engine
