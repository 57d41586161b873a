"""What a district is, as plain data (no database access).

The demo, the benchmark and the tests describe their districts with these
and hand them to a strategy (``core.world.factories`` or ``core.world.bulk``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

# A unit tree below the company: workshops → teams → posts, by name.
UnitTree = tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]


@dataclass(frozen=True)
class GridSpec:
    name: str
    code: str


@dataclass(frozen=True)
class TerritorySpec:
    """A street or town under the district; ``office`` names its territorial
    office ("" = none)."""

    name: str
    code: str
    level: str
    grids: tuple[GridSpec, ...] = ()
    office: str = ""


@dataclass(frozen=True)
class DistrictSpec:
    """The jurisdiction tree and the government departments."""

    name: str
    code: str
    territories: tuple[TerritorySpec, ...]
    committee: str
    # industry code → name of its industry department
    industry_departments: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class EnterpriseSpec:
    """The fields of an enterprise and its contacts ``(name, title, phone)``."""

    name: str
    uscc: str
    address: str
    latitude: Decimal | str
    longitude: Decimal | str
    is_above_scale: bool
    is_key_industry: bool
    has_occupational_hazard: bool
    legal_representative: str
    contacts: tuple[tuple[str, str, str], ...]


def uniform_tree(workshops: int, teams: int, posts: int) -> UnitTree:
    """``workshops`` × ``teams`` × ``posts`` numbered units (车间01, 班组01-01,
    岗位01-01-01 …)."""
    return tuple(
        (
            f"车间{w:02d}",
            tuple(
                (
                    f"班组{w:02d}-{t:02d}",
                    tuple(f"岗位{w:02d}-{t:02d}-{p:02d}" for p in range(1, posts + 1)),
                )
                for t in range(1, teams + 1)
            ),
        )
        for w in range(1, workshops + 1)
    )


def organisation_code_check(body8: str) -> str:
    """The ninth character of an organisation code (GB 11714) for its first eight."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(alphabet.index(c) * w for c, w in zip(body8, weights, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def uscc(region: str, body8: str) -> str:
    """A valid unified social credit code (enterprise, ``91``) of ``region``
    (six digits) whose organisation code starts with ``body8``."""
    from core.organizations.validators import uscc_check_character

    first17 = f"91{region}{body8}{organisation_code_check(body8)}"
    return first17 + uscc_check_character(first17)
