"""An industry a pack brings, and its entries in the enterprise portal."""

from __future__ import annotations

from dataclasses import dataclass, field

from plugins.contributions.common import code_problems, has_both
from plugins.texts import I18nText


@dataclass(frozen=True)
class IndustryContribution:
    """An industry (行业) a pack brings: a stable code and its names."""

    code: str
    name: I18nText
    description: I18nText | None = None

    def problems(self) -> list[str]:
        """What is wrong with this contribution, in plain words (empty when fine)."""
        found = code_problems("industry code", self.code)
        if not has_both(self.name):
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
