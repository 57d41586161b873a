"""What the contributions share: the pattern of a code, the checks of a
contribution's codes, and the check of a bilingual text."""

from __future__ import annotations

import re
from collections.abc import Collection

from plugins.texts import I18nText

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


def has_both(text: I18nText | None) -> bool:
    """``text`` has a Chinese and an English wording."""
    return bool(isinstance(text, I18nText) and text.zh_hans.strip() and text.en.strip())


def code_problems(subject: str, code: str | None) -> list[str]:
    """Why ``code`` is no valid code, named as ``subject`` (e.g. "industry
    code"); empty when it is one."""
    if CODE_PATTERN.match(code or ""):
        return []
    return [
        f"{subject} {code!r} must be 2-40 lowercase letters, digits or "
        "underscores, starting with a letter"
    ]


def key_problems(label: str, key: str | None, industry: str | None) -> list[str]:
    """What is wrong with a contribution's own key and its industry's code
    (``label`` names the contribution in the messages)."""
    found = []
    if not CODE_PATTERN.match(key or ""):
        found.append(f"{label}: key is invalid")
    if not CODE_PATTERN.match(industry or ""):
        found.append(f"{label}: industry code {industry!r} is invalid")
    return found


def choice_problems(
    label: str, name: str, value: object, allowed: Collection[str]
) -> list[str]:
    """The problem of a field ``name`` whose ``value`` is not one of ``allowed``."""
    if value in allowed:
        return []
    return [f"{label}: {name} must be one of {', '.join(allowed)}"]
