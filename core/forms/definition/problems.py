"""What is wrong with a definition, each problem at the block child it concerns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.forms.definition.model import (
    CONDITION_OPERATORS,
    KEY_RE,
    REQUIRED_WHEN,
    RULE_COMPARISONS,
    Condition,
    Node,
    Path,
    Problem,
    Rule,
    list_values,
    parse,
)
from core.forms.expressions import ExpressionError, parse_expression
from core.forms.questions import find_type, type_names


def definition_problems(raw: list[dict[str, Any]]) -> list[Problem]:
    """What is wrong with a definition, each problem at its block child.

    Checks what one block cannot see alone: keys unique in the whole
    definition, conditions that refer to an earlier question and one of its
    values, calculations over earlier numbers, consistent limits.
    """
    problems: list[Problem] = []
    steps = parse(raw)
    seen_keys: dict[str, str] = {}

    def claim(key: str, label: str, path: Path) -> None:
        if not key:
            problems.append(Problem((*path, "key"), _("Enter a key.")))
            return
        if not KEY_RE.match(key):
            problems.append(
                Problem(
                    (*path, "key"),
                    _(
                        "A key is 1-40 lowercase letters, digits or underscores "
                        "and starts with a letter, e.g. fire_exits."
                    ),
                )
            )
            return
        if key in seen_keys:
            problems.append(
                Problem(
                    (*path, "key"),
                    _(
                        "The key “%(key)s” is already used by “%(other)s”; every "
                        "question and section needs its own key."
                    )
                    % {"key": key, "other": seen_keys[key]},
                )
            )
            return
        seen_keys[key] = label or key

    def check(entries: list, seen: dict[str, Node], *, top_level: bool) -> None:
        # Questions and rules in the order of the form: a rule sees only the
        # questions before it (``seen``, which grows as they are checked).
        for node in sorted(entries, key=lambda entry: _path_key(entry.path)):
            if isinstance(node, Rule):
                problems.extend(_rule_problems(node, seen))
                continue
            claim(node.key, node.label, node.path)
            problems.extend(_node_problems(node, seen))
            if top_level and _is_container(node):
                # An entry's questions and rules see the questions of the
                # same entry before them.
                check([*node.fields, *node.rules], {}, top_level=False)
            if node.key:
                seen.setdefault(node.key, node)

    earlier: dict[str, Node] = {}  # answerable top-level questions so far
    for step in steps:
        if step.is_section:
            claim(step.key, step.title, step.path)
            problems.extend(_condition_problems(step.condition(), earlier, step.path))
        check([*step.nodes, *step.rules], earlier, top_level=True)
    if not any(step.nodes for step in steps):
        problems.append(Problem((), _("Add at least one question.")))
    return problems


def _path_key(path: Path) -> tuple:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)


def _node_problems(node: Node, earlier: Mapping[str, Node]) -> list[Problem]:
    found = _condition_problems(node.condition(), earlier, node.path)
    found += _condition_problems(
        node.required_when(), earlier, node.path, REQUIRED_WHEN
    )
    kind = find_type(node.type)
    if kind is None:
        return [
            Problem(
                node.path, _("Unknown block type “%(type)s”.") % {"type": node.type}
            )
        ]
    if kind.container and node.group is not None:
        return [
            Problem(node.path, _("A repeatable group cannot contain another group."))
        ]
    return found + kind.problems(node, earlier)


def _is_container(node: Node) -> bool:
    kind = find_type(node.type)
    return kind is not None and kind.container


def _condition_problems(
    condition: Condition | None,
    earlier: Mapping[str, Node],
    path: Path,
    child: str = "condition",
) -> list[Problem]:
    """A condition (or an evidence rule, ``child="required_when"``) refers to
    an earlier check item, choice or number and to one of its answers."""
    if condition is None:
        return []
    question = condition.question
    at_value = (*path, child, "value")
    if not question:
        return [
            Problem(
                (*path, child, "question"),
                _("Enter the key of the earlier question the condition depends on."),
            )
        ]
    if condition.operator not in CONDITION_OPERATORS:
        return [
            Problem(
                (*path, child, "operator"),
                _("Choose “is”, “is not” or “is any of”."),
            )
        ]
    if not condition.values:
        return [Problem(at_value, _("Enter the value to compare with."))]
    source = earlier.get(question)
    if source is None:
        return [
            Problem(
                (*path, child, "question"),
                _(
                    "“%(key)s” is not the key of an earlier question; a condition "
                    "can only depend on a question answered before it."
                )
                % {"key": question},
            )
        ]
    kind = find_type(source.type)
    if kind is None or not kind.condition_source:
        return [
            Problem(
                (*path, child, "question"),
                _(
                    "A condition can depend on a check item, a choice or a number "
                    "question, not on “%(label)s”."
                )
                % {"label": source.label},
            )
        ]
    allowed = kind.condition_values(source)
    for expected in condition.values:
        if allowed is not None and expected not in allowed:
            return [
                Problem(
                    at_value,
                    _("“%(label)s” has no value “%(value)s”; use one of: %(values)s.")
                    % {
                        "label": source.label,
                        "value": expected,
                        "values": ", ".join(allowed),
                    },
                )
            ]
        refused = kind.condition_value_problem(source, expected)
        if refused is not None:
            return [Problem(at_value, refused)]
    return []


def _rule_problems(rule: Rule, earlier: Mapping[str, Node]) -> list[Problem]:
    """A rule compares numbers answered before it, and says what is wrong."""
    numeric = type_names(lambda kind: kind.numeric)
    numbers = {key for key, node in earlier.items() if node.type in numeric}
    found = []
    names: set[str] = set()
    for side in ("left", "right"):
        text = getattr(rule, side)
        if not text:
            found.append(
                Problem((*rule.path, side), _("Choose the questions or a number."))
            )
            continue
        try:
            names |= parse_expression(text, numbers).names
        except ExpressionError as exc:
            found.append(Problem((*rule.path, side), str(exc)))
    if rule.comparison not in RULE_COMPARISONS:
        found.append(
            Problem((*rule.path, "comparison"), _("Choose how the two sides compare."))
        )
    if not found and not names:
        found.append(
            Problem(
                (*rule.path, "left"),
                _("A rule compares answers: choose at least one question."),
            )
        )
    if not rule.message:
        found.append(
            Problem(
                (*rule.path, "message"),
                _("Write the message the person filling the form sees."),
            )
        )
    return found


# -- editor errors ---------------------------------------------------------------


def problems_as_block_error(block, raw: list[dict[str, Any]], problems: list[Problem]):
    """Wagtail's nested block errors, so each message shows at its block child."""
    tree: dict[Any, Any] = {}
    for problem in problems:
        node = tree
        for part in problem.path:
            node = node.setdefault(part, {})
        node.setdefault(None, []).append(problem.message)
    return _block_error(block, raw, tree)


def _block_error(block, raw: Any, tree: dict[Any, Any]) -> ValidationError:
    from wagtail.blocks import ListBlock, StreamBlock, StructBlock
    from wagtail.blocks.list_block import ListBlockValidationError
    from wagtail.blocks.stream_block import StreamBlockValidationError
    from wagtail.blocks.struct_block import StructBlockValidationError

    messages = [ValidationError(message) for message in tree.get(None, [])]
    children = {part: sub for part, sub in tree.items() if part is not None}
    if isinstance(block, StreamBlock):
        errors = {}
        for index, sub in children.items():
            item = raw[index]
            child_block = block.child_blocks[item["type"]]
            errors[index] = _block_error(child_block, item.get("value"), sub)
        return StreamBlockValidationError(
            block_errors=errors, non_block_errors=messages
        )
    if isinstance(block, StructBlock):
        errors = {
            name: _block_error(block.child_blocks[name], (raw or {}).get(name), sub)
            for name, sub in children.items()
            if name in block.child_blocks
        }
        return StructBlockValidationError(
            block_errors=errors, non_block_errors=messages
        )
    if isinstance(block, ListBlock):
        values = list_values(raw)
        errors = {
            index: _block_error(block.child_block, values[index], sub)
            for index, sub in children.items()
        }
        return ListBlockValidationError(block_errors=errors, non_block_errors=messages)
    return ValidationError(messages)
