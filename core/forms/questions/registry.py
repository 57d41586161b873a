"""The registry of question types, by block type name.

The type modules are imported on the first look-up (not when this package
is), so that the definition package, which the types use, can import the
registry without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TypeVar

from core.forms.questions.base import QuestionType

# The modules of the question types (in ``core.forms.questions``), in the
# order the editor offers them and the registry lists them. A repeatable
# group holds the types before it, so it comes last.
TYPE_MODULES = (
    "check_item",
    "single_choice",
    "multiple_choice",
    "number",
    "text",
    "date",
    "file_upload",
    "signature",
    "location",
    "calculated",
    "group",
)

_TYPES: dict[str, QuestionType] = {}
_loading = False
T = TypeVar("T", bound=type[QuestionType])


def register(cls: T) -> T:
    """Class decorator: make ``cls`` the question type of ``cls.name``."""
    if cls.name in _TYPES:
        raise ValueError(f"question type {cls.name!r} is registered twice")
    _TYPES[cls.name] = cls()
    return cls


def _load() -> None:
    global _loading
    if _loading:
        return
    _loading = True
    package = __name__.rsplit(".", 1)[0]
    for module in TYPE_MODULES:
        import_module(f"{package}.{module}")


def _position(kind: QuestionType) -> int:
    module = type(kind).__module__.rsplit(".", 1)[-1]
    return TYPE_MODULES.index(module) if module in TYPE_MODULES else len(TYPE_MODULES)


def find_type(name: str) -> QuestionType | None:
    """The question type of a name, or None (a definition's unknown block)."""
    _load()
    return _TYPES.get(name)


def question_type(name: str) -> QuestionType:
    """The question type of a block type name (``KeyError`` when unknown)."""
    _load()
    return _TYPES[name]


def question_types(
    where: Callable[[QuestionType], bool] | None = None,
) -> list[QuestionType]:
    """The registered types in the editor's order, those ``where`` holds for."""
    _load()
    kinds = sorted(_TYPES.values(), key=_position)
    return [kind for kind in kinds if where is None or where(kind)]


def type_names(where: Callable[[QuestionType], bool] | None = None) -> tuple[str, ...]:
    return tuple(kind.name for kind in question_types(where))
