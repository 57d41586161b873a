"""Monitoring parameters and thresholds, and document sections."""

from __future__ import annotations

from dataclasses import dataclass

from plugins.contributions.common import choice_problems, has_both, key_problems
from plugins.texts import I18nText

# -- monitoring and documents ----------------------------------------------------

THRESHOLD_OPERATORS: tuple[str, ...] = (">=", ">", "<=", "<")
DOCUMENT_KINDS: tuple[str, ...] = ("handbook", "post_card", "emergency_card")


@dataclass(frozen=True)
class MonitoringThreshold:
    """One alarm threshold of a monitored parameter: ``value operator`` raises it.

    ``basis`` cites the standard that sets the value; ``typical`` marks a
    common default the enterprise replaces with its design value (one of the
    two is given).
    """

    level: I18nText
    operator: str
    value: float
    basis: str = ""
    typical: bool = False


@dataclass(frozen=True)
class MonitoringParameter:
    """A typical monitored parameter of major risk points (for the monitoring feature).

    ``risk_points`` are keys of the same pack's ``safegrid_risk_library()``
    entries the parameter is typically measured on; ``sensor`` names the
    usual sensor type; ``basis`` the documents its thresholds come from.
    """

    key: str
    industry: str
    name: I18nText
    unit: str
    sensor: I18nText
    risk_points: tuple[str, ...]
    thresholds: tuple[MonitoringThreshold, ...] = ()
    basis: tuple[str, ...] = ()
    note: I18nText | None = None

    def problems(self) -> list[str]:
        found = []
        label = f"monitored parameter {self.key!r}"
        found.extend(key_problems(label, self.key, self.industry))
        if not (has_both(self.name) and has_both(self.sensor)):
            found.append(f"{label} needs a name and a sensor type in both languages")
        if not str(self.unit or "").strip():
            found.append(f"{label} has no unit")
        if not self.risk_points:
            found.append(f"{label} applies to no risk point")
        for threshold in self.thresholds:
            if threshold.operator not in THRESHOLD_OPERATORS:
                found.append(
                    f"{label}: threshold operator {threshold.operator!r} is not "
                    f"one of {' '.join(THRESHOLD_OPERATORS)}"
                )
            if isinstance(threshold.value, bool) or not isinstance(
                threshold.value, int | float
            ):
                found.append(
                    f"{label}: threshold value {threshold.value!r} is no number"
                )
            if not (threshold.basis or threshold.typical):
                found.append(f"{label}: a threshold needs a basis or the typical mark")
        return found


@dataclass(frozen=True)
class DocumentSection:
    """A section an industry adds to a document the platform generates.

    ``document`` is one of ``DOCUMENT_KINDS``: the risk control handbook
    (风险管控手册), the post risk card (岗位风险告知卡) or the emergency card
    (应急处置卡). ``contents`` says what the section holds; ``order`` places
    it after the core's common sections (smaller first). ``key`` is unique
    per document within the pack.
    """

    document: str
    key: str
    industry: str
    title: I18nText
    contents: I18nText
    order: int = 100

    def problems(self) -> list[str]:
        found = []
        label = f"document section {self.document}/{self.key}"
        found.extend(choice_problems(label, "document", self.document, DOCUMENT_KINDS))
        found.extend(key_problems(label, self.key, self.industry))
        if not (has_both(self.title) and has_both(self.contents)):
            found.append(f"{label} needs a title and contents in both languages")
        if isinstance(self.order, bool) or not isinstance(self.order, int):
            found.append(f"{label}: order must be a whole number")
        return found
