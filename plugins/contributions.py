"""Plain, typed data that plugins return from hooks.

Hooks never touch the database: they return these objects and the core syncs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import get_language

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


@dataclass(frozen=True)
class I18nText:
    """A text a plugin ships in both of the platform's languages."""

    zh_hans: str
    en: str

    def __str__(self) -> str:
        language = (get_language() or "zh-hans").lower()
        return self.en if language.startswith("en") else self.zh_hans


@dataclass(frozen=True)
class IndustryContribution:
    """An industry (行业) a pack brings: a stable code and its names."""

    code: str
    name: I18nText
    description: I18nText | None = None

    def problems(self) -> list[str]:
        """What is wrong with this contribution, in plain words (empty when fine)."""
        found = []
        if not CODE_PATTERN.match(self.code or ""):
            found.append(
                f"industry code {self.code!r} must be 2-40 lowercase letters, "
                "digits or underscores, starting with a letter"
            )
        if not (self.name and self.name.zh_hans.strip() and self.name.en.strip()):
            found.append(f"industry {self.code!r} needs a Chinese and an English name")
        return found


@dataclass(frozen=True)
class PortalMenuItem:
    """An entry in the enterprise portal's navigation.

    ``url_name`` is a Django URL name; ``roles`` limits the entry to some
    enterprise roles (empty means every enterprise user).
    """

    key: str
    label: I18nText | str
    url_name: str
    icon: str = "dot"
    order: int = 100
    roles: tuple[str, ...] = field(default_factory=tuple)
