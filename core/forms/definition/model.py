"""The parsed shape of a definition and the constants of its format.

Stream data (``[{"type", "value", "id"}]``) becomes steps of question nodes;
keys missing from the editor are generated here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
UI_FORMAT = 1
KEY_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"
KEY_RE = re.compile(KEY_PATTERN)
# Present text must contain something other than white space: "unanswered" is
# the key left out, never an empty or blank string.
NOT_BLANK = r"\S"
# What a question hidden by its condition accepts: nothing.
HIDDEN: dict[str, Any] = {"not": {}}

CHECK_RESULTS = ("compliant", "non_compliant", "not_applicable")
# The question types (which may be conditions' sources, which are numbers...)
# are the registry's: ``core.forms.questions``.
# A check across questions (``RuleBlock``): not a question, never answered.
RULE_TYPE = "rule"
# How a condition compares the earlier answer with its value(s).
CONDITION_OPERATORS = ("is", "is_not", "any_of")
# How a rule compares its two sides.
RULE_COMPARISONS = ("eq", "ne", "lt", "le", "gt", "ge")
# An evidence rule (``RequiredWhenBlock``): the child holding it (the
# question types that have one say so: ``QuestionType.evidence_rule``).
REQUIRED_WHEN = "required_when"

FILE_TYPES: dict[str, dict[str, str]] = {
    # kind -> {extension: content type}
    "image": {
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".png": "image/png",
        ".webp": "image/webp",
    },
    "pdf": {".pdf": "application/pdf"},
    "office": {
        ".doc": "application/msword",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xls": "application/vnd.ms-excel",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
}
EVIDENCE_MAX_FILES = 5
EVIDENCE_MAX_MB = 10.0
NOTE_MAX_LENGTH = 2000
SIGNATURE_NAME_MAX_LENGTH = 100
DRAWN_SIGNATURE_PATTERN = r"^data:image/png;base64,[A-Za-z0-9+/=]+$"
DRAWN_SIGNATURE_MAX_LENGTH = 400_000

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """Something wrong with a definition, at the path of the block child."""

    path: Path
    message: str

    def location(self) -> str:
        """The path for people: ``blocks[2].questions[0].key``."""
        parts = list(self.path)
        text = "blocks"
        if parts and parts[0] == "file":  # a problem of the file, not of a block
            text, parts = "", parts[1:]
        for part in parts:
            if isinstance(part, int):
                text += f"[{part}]"
            else:
                text += f".{part}" if text else str(part)
        return text or "file"


@dataclass
class Node:
    """A question (or group) of the definition."""

    type: str
    value: dict[str, Any]
    path: Path
    step: Step | None = None
    group: Node | None = None
    fields: list[Node] = field(default_factory=list)
    # A repeatable group's checks across the questions of one entry.
    rules: list[Rule] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.value.get("key") or ""

    @property
    def label(self) -> str:
        return self.value.get("label") or ""

    def condition(self) -> Condition | None:
        return _condition_of(self.value)

    def required_when(self) -> Condition | None:
        """The evidence rule of a text or upload question: required only
        when this holds (shown whatever it says)."""
        from core.forms.questions import find_type

        kind = find_type(self.type)
        if kind is None or not kind.evidence_rule:
            return None
        return _condition_of(self.value, REQUIRED_WHEN)


@dataclass(frozen=True)
class Condition:
    """ "Show only when [question] [is / is not / is any of] [value(s)]"."""

    question: str
    operator: str
    text: str

    @property
    def values(self) -> list[str]:
        """The compared values: one, or several for ``any_of``."""
        if self.operator == "any_of":
            return [part.strip() for part in self.text.split(",") if part.strip()]
        return [self.text] if self.text else []


@dataclass
class Rule:
    """A check across questions: ``left <comparison> right`` must hold."""

    value: dict[str, Any]
    path: Path

    @property
    def left(self) -> str:
        return (self.value.get("left") or "").strip()

    @property
    def right(self) -> str:
        return (self.value.get("right") or "").strip()

    @property
    def comparison(self) -> str:
        return self.value.get("comparison") or "eq"

    @property
    def message(self) -> str:
        return (self.value.get("message") or "").strip()


@dataclass
class Step:
    """A step of the guided form: a section, or questions outside sections."""

    index: int
    key: str
    title: str
    description: str
    value: dict[str, Any]
    path: Path | None
    nodes: list[Node] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)

    @property
    def is_section(self) -> bool:
        return self.path is not None

    def condition(self) -> Condition | None:
        return _condition_of(self.value)


def _condition_of(
    value: Mapping[str, Any], child: str = "condition"
) -> Condition | None:
    condition = value.get(child) or {}
    question = (condition.get("question") or "").strip()
    expected = str(condition.get("value") or "").strip()
    if not question and not expected:
        return None
    operator = condition.get("operator") or "is"
    return Condition(question, operator, expected)


def list_values(raw: Any) -> list[Any]:
    """The values of a ListBlock's stored data (either storage format)."""
    values = []
    for item in raw or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            values.append(item["value"])
        else:
            values.append(item)
    return values


def option_items(value: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A choice's options, leaving out rows left entirely empty in the editor."""
    return [
        option
        for option in list_values(value.get("options"))
        if isinstance(option, dict) and (option.get("value") or option.get("label"))
    ]


# -- parse ---------------------------------------------------------------------


def parse(raw: list[dict[str, Any]]) -> list[Step]:
    """The steps of a definition, each with its question nodes in order."""
    steps: list[Step] = []
    loose: Step | None = None
    for index, item in enumerate(raw or []):
        block_type = item.get("type")
        value = item.get("value") or {}
        if block_type == "section":
            loose = None
            step = Step(
                index=len(steps),
                key=value.get("key") or "",
                title=value.get("title") or "",
                description=value.get("description") or "",
                value=value,
                path=(index,),
            )
            steps.append(step)
            for j, child in enumerate(value.get("questions") or []):
                if child.get("type") == RULE_TYPE:
                    step.rules.append(
                        Rule(child.get("value") or {}, (index, "questions", j))
                    )
                    continue
                step.nodes.append(
                    _node(child, (index, "questions", j), step=step, group=None)
                )
            continue
        if block_type == RULE_TYPE and (loose is not None or steps):
            # A rule belongs to the step before it; it adds no step of its own.
            (loose or steps[-1]).rules.append(Rule(value, (index,)))
            continue
        if loose is None:
            loose = Step(
                index=len(steps),
                key=f"step_{len(steps) + 1}",
                title="",
                description="",
                value={},
                path=None,
            )
            steps.append(loose)
        if block_type == RULE_TYPE:
            loose.rules.append(Rule(value, (index,)))
            continue
        loose.nodes.append(_node(item, (index,), step=loose, group=None))
    return steps


def _node(item: dict[str, Any], path: Path, *, step: Step, group: Node | None) -> Node:
    node = Node(
        type=item.get("type") or "",
        value=item.get("value") or {},
        path=path,
        step=step,
        group=group,
    )
    from core.forms.questions import find_type

    kind = find_type(node.type)
    if kind is not None and kind.container:  # its questions are its "fields"
        for j, child in enumerate(node.value.get("fields") or []):
            if child.get("type") == RULE_TYPE:
                node.rules.append(Rule(child.get("value") or {}, (*path, "fields", j)))
                continue
            node.fields.append(
                _node(child, (*path, "fields", j), step=step, group=node)
            )
    return node


def iter_nodes(steps: list[Step]) -> Iterator[Node]:
    """Every node in order, a group before its fields."""
    for step in steps:
        for node in step.nodes:
            yield node
            yield from node.fields


def iter_rules(steps: list[Step]) -> Iterator[Rule]:
    for step in steps:
        yield from step.rules


# -- keys ----------------------------------------------------------------------


def fill_missing_keys(raw: list[dict[str, Any]]) -> bool:
    """Give every question and section without a key a generated one.

    The key comes from the block's stable id, so it never changes when the
    label does. Returns whether anything was filled in (``raw`` is changed).
    """
    used = {
        (item.get("value") or {}).get("key")
        for item in _walk_items(raw)
        if (item.get("value") or {}).get("key")
    }
    changed = False
    counter = 0
    for item in _walk_items(raw):
        value = item.get("value")
        if not isinstance(value, dict) or value.get("key"):
            continue
        base = "q_" + re.sub(r"[^a-z0-9]", "", str(item.get("id") or "").lower())[:8]
        candidate = base if len(base) > 2 else "q_1"
        while candidate in used:
            counter += 1
            candidate = f"{base}_{counter}" if len(base) > 2 else f"q_{counter}"
        value["key"] = candidate
        used.add(candidate)
        changed = True
    return changed


def _walk_items(raw: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for item in raw or []:
        if not isinstance(item, dict) or item.get("type") == RULE_TYPE:
            continue
        yield item
        value = item.get("value") or {}
        if not isinstance(value, dict):
            continue
        for child_list in ("questions", "fields"):
            yield from _walk_items(value.get(child_list) or [])
