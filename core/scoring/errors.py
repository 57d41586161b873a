"""What the scoring engine raises, the same for every rule kind."""

from __future__ import annotations

from core.base.errors import Invalid


class UnknownRule(LookupError):
    """No enabled plugin provides a scoring rule with this key (of this kind)."""

    def __init__(self, key: str, kind: str | None = None):
        self.key = key
        self.kind = kind
        super().__init__(key if kind is None else f"{key} ({kind})")


class InvalidInputs(Invalid):
    """The inputs do not fit the rule; nothing was evaluated.

    ``errors`` lists every problem (``SchemaError``: JSON Pointer ``path``,
    translated ``reason``, failing ``keyword``; ``"rule"`` for what the rule
    found beyond its schema).
    """


class RuleFailed(RuntimeError):
    """A rule's own code failed: it raised, returned no result, or its schema
    cannot be used. The cause is chained; the inputs may be fine."""

    def __init__(self, key: str, reason: str):
        self.key = key
        self.reason = reason
        super().__init__(f"scoring rule {key!r} failed: {reason}")
