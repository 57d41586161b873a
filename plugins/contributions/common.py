"""What the contributions share: the pattern of a code, and the check of a
bilingual text."""

from __future__ import annotations

import re

from plugins.texts import I18nText

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


def has_both(text: I18nText | None) -> bool:
    """``text`` has a Chinese and an English wording."""
    return bool(isinstance(text, I18nText) and text.zh_hans.strip() and text.en.strip())
