"""The question types of the forms engine, one module and class each.

``question_type(name)`` is the class of a block type name; the compiler, the
definition checks, the form builder, the display, the export and the
validation dispatch through it. Adding a type is one new module here with a
``QuestionType`` subclass decorated ``@register``, and its name in
``TYPE_MODULES``; see docs/forms-engine.md, "How to add a question type".
"""

from __future__ import annotations

from core.forms.questions.registry import (
    TYPE_MODULES,
    find_type,
    question_type,
    question_types,
    register,
    type_names,
)

__all__ = [
    "TYPE_MODULES",
    "find_type",
    "question_type",
    "question_types",
    "register",
    "type_names",
]
