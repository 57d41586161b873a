"""Level thresholds: validation with field messages, and readable bands.

Thresholds are three cut-offs (major, significant, general), each with an
inclusive flag; anything below the general cut-off is low. Ordered cut-offs
inside the method's value range always cover the whole range without gap or
overlap, so the checks here are: the method has thresholds, every cut-off lies
in its range, and the cut-offs decrease strictly.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from core.scoring import UnknownRule, number, scoring_engine
from plugins.contributions import LevelThresholds

CUT_FIELDS = (
    ("major_from", "major_inclusive"),
    ("significant_from", "significant_inclusive"),
    ("general_from", "general_inclusive"),
)


def threshold_field_errors(threshold: Any) -> dict[str, list[str]]:
    """Problems of a ``LevelThreshold`` (or any object with its fields), by field."""
    registry = scoring_engine()
    try:
        registered = registry.get(threshold.method)
    except UnknownRule:
        return {
            "method": [
                _("No enabled risk method has the key “%(key)s”.")
                % {"key": threshold.method}
            ]
        }
    if not registered.has_thresholds:
        return {
            "method": [
                _("“%(method)s” gives its level itself; it has no thresholds.")
                % {"method": registered.rule.title}
            ]
        }
    errors: dict[str, list[str]] = {}
    low, high = (Decimal(str(v)) for v in registered.rule.value_range)
    values = {}
    for field, _flag in CUT_FIELDS:
        try:
            value = Decimal(str(getattr(threshold, field)))
        except (AttributeError, ArithmeticError, ValueError):
            continue  # missing or not a number: the field itself reports it
        if not value.is_finite():
            continue
        values[field] = value
        if not low <= value <= high:
            errors.setdefault(field, []).append(
                _(
                    "Must lie between %(low)s and %(high)s, the values "
                    "%(method)s can give."
                )
                % {
                    "low": number(low),
                    "high": number(high),
                    "method": registered.rule.title,
                }
            )
    pairs = (("major_from", "significant_from"), ("significant_from", "general_from"))
    labels = {
        "significant_from": _("the significant threshold"),
        "general_from": _("the general threshold"),
    }
    for upper, lower in pairs:
        if upper in values and lower in values and values[upper] <= values[lower]:
            errors.setdefault(upper, []).append(
                _(
                    "Must be greater than %(other)s (%(value)s): the levels "
                    "must go up with the value."
                )
                % {"other": labels[lower], "value": number(values[lower])}
            )
    return errors


def bands_text(thresholds: LevelThresholds) -> list[tuple[str, str]]:
    """The four bands as text, highest first: ``("significant", "> 160, ≤ 320")``."""

    def lower(cut: Any, inclusive: bool) -> str:
        return f"{'≥' if inclusive else '>'} {number(cut)}"

    def upper(cut: Any, inclusive: bool) -> str:
        return f"{'<' if inclusive else '≤'} {number(cut)}"

    cuts = thresholds.cuts()
    bands = [(cuts[0][0], lower(cuts[0][1], cuts[0][2]))]
    for (_level, above, above_inclusive), (level, cut, inclusive) in zip(
        cuts, cuts[1:], strict=False
    ):
        bands.append(
            (level, f"{lower(cut, inclusive)}, {upper(above, above_inclusive)}")
        )
    last_cut, last_inclusive = cuts[-1][1], cuts[-1][2]
    bands.append(("low", upper(last_cut, last_inclusive)))
    return bands
