"""The exceptions the forms services raise."""

from __future__ import annotations

from core.base.errors import Refused
from core.forms.definition import Problem
from core.forms.validation import AnswerError


class DefinitionInvalid(Exception):
    """A definition that cannot be saved or published; ``problems`` say where."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.location()}: {p.message}" for p in problems))


class AnswersInvalid(Exception):
    """An answer that does not fit its form version; ``errors`` by path."""

    def __init__(self, errors: list[AnswerError]):
        self.errors = errors
        super().__init__("; ".join(f"{e.pointer}: {e.message}" for e in errors))


class SubmissionRefused(Refused):
    """The caller may not submit or review this (scope, fillers, owner or
    assignment): a ``Refused``, so a 403 wherever it is not caught."""
