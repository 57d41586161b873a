"""Calculated values: a safe arithmetic expression over earlier number answers.

An expression is parsed with ``ast`` and only a whitelist of nodes is accepted:
numbers, the keys of earlier number or calculated questions, ``+ - * / %``,
unary ``+``/``-``, parentheses and the functions ``min``, ``max``, ``abs`` and
``round``. Nothing is ever passed to ``eval``; evaluation walks the checked
tree. Powers are refused: ``9 ** 9 ** 9`` would stall the server.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_LENGTH = 500
MAX_NODES = 200

_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Mod: operator.mod,
}
_UNARY = {ast.UAdd: operator.pos, ast.USub: operator.neg}
_FUNCTIONS = {"min": min, "max": max, "abs": abs, "round": round}


class ExpressionError(ValueError):
    """An expression that is not allowed; the message is translated."""


@dataclass(frozen=True)
class Expression:
    """A checked expression and the keys it reads."""

    source: str
    tree: ast.Expression
    names: frozenset[str]

    def evaluate(self, values: Mapping[str, float | int | None]) -> float | None:
        """The value, or ``None`` when an input is missing or the result is not
        a finite number (e.g. a division by zero)."""
        try:
            result = _evaluate(self.tree.body, values)
        except (_Missing, ZeroDivisionError, OverflowError, ValueError, TypeError):
            return None
        if not isinstance(result, int | float) or not math.isfinite(result):
            return None
        return float(result)


class _Missing(Exception):
    pass


def parse_expression(source: str, allowed_names: set[str] | None = None) -> Expression:
    """Check ``source`` and return it parsed; raise ``ExpressionError`` otherwise.

    ``allowed_names`` are the keys the expression may read (earlier number and
    calculated questions); ``None`` skips that check.
    """
    text = (source or "").strip()
    if not text:
        raise ExpressionError(_("Enter an expression, e.g. length * width."))
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            _("The expression is too long (at most %(count)d characters).")
            % {"count": MAX_LENGTH}
        )
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(
            _("The expression cannot be read near position %(position)s.")
            % {"position": exc.offset or 0}
        ) from None
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise ExpressionError(_("The expression is too long."))
    names: set[str] = set()
    for node in nodes:
        _check_node(node, names)
    if allowed_names is not None:
        unknown = sorted(names - allowed_names)
        if unknown:
            raise ExpressionError(
                _(
                    "“%(names)s” is not the key of an earlier number question; "
                    "a calculation can only use numbers answered before it."
                )
                % {"names": ", ".join(unknown)}
            )
    return Expression(source=text, tree=tree, names=frozenset(names))


def _check_node(node: ast.AST, names: set[str]) -> None:
    if isinstance(node, ast.Expression | ast.Load):
        return
    if type(node) in _BINARY or type(node) in _UNARY:
        return  # an operator of a BinOp or UnaryOp checked below
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise ExpressionError(_("Only numbers can be used in a calculation."))
        return
    if isinstance(node, ast.Name):
        if node.id in _FUNCTIONS:
            return  # checked where it is called
        names.add(node.id)
        return
    if isinstance(node, ast.BinOp):
        if type(node.op) not in _BINARY:
            raise ExpressionError(
                _("Only + - * / % and parentheses can be used in a calculation.")
            )
        return
    if isinstance(node, ast.UnaryOp):
        if type(node.op) not in _UNARY:
            raise ExpressionError(
                _("Only + - * / % and parentheses can be used in a calculation.")
            )
        return
    if isinstance(node, ast.Call):
        if (
            not isinstance(node.func, ast.Name)
            or node.func.id not in _FUNCTIONS
            or node.keywords
            or not node.args
        ):
            raise ExpressionError(
                _("Only the functions min, max, abs and round can be used.")
            )
        return
    raise ExpressionError(
        _(
            "Only numbers, question keys, + - * / %, parentheses and min, max, abs, round can be used."
        )
    )


def _evaluate(node: ast.AST, values: Mapping[str, float | int | None]):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        value = values.get(node.id)
        if value is None or isinstance(value, bool):
            raise _Missing(node.id)
        return value
    if isinstance(node, ast.BinOp):
        left = _evaluate(node.left, values)
        right = _evaluate(node.right, values)
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_evaluate(node.operand, values))
    if isinstance(node, ast.Call):
        args = [_evaluate(arg, values) for arg in node.args]
        function = _FUNCTIONS[node.func.id]
        if function is round:
            return round(*args[:2])
        if function is abs:
            return abs(args[0])
        return function(*args) if len(args) > 1 else args[0]
    raise ExpressionError("unexpected node")  # parse_expression refuses it earlier
