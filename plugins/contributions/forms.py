"""Forms and checklists a pack contributes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from plugins.contributions.common import CODE_PATTERN, choice_problems, has_both
from plugins.texts import I18nText

# -- forms and checklists -------------------------------------------------------

FORM_KINDS: tuple[str, ...] = ("checklist", "form")
#: Who may fill a form for an enterprise (``core.forms.models.Fillers``).
FORM_FILLERS: tuple[str, ...] = ("manager", "assigned_staff", "members")
#: How often a pack's standing form is due (``FormDefinitionContribution.due``).
FORM_DUE: tuple[str, ...] = ("daily", "weekly", "monthly", "quarterly", "yearly")


@dataclass(frozen=True)
class FormDefinitionContribution:
    """A checklist or data-collection form a pack provides.

    ``blocks`` is StreamField data, ``[{"type": ..., "value": {...}}]``, of the
    block types documented in docs/forms-engine.md (the same format as the
    JSON export). ``version`` is the pack's own version string of this
    definition: the core rewrites the pack original and publishes a new form
    version when it changes; a department's copy is never touched.
    ``industry`` is an industry code (``None``: for every industry).
    ``scoring`` may hold ``rule`` (``none``, ``sum``, ``weighted`` or the key of
    a ``checklist`` scoring rule), ``pass_mark`` and ``fail_if_section_zeroed``.
    ``public_fields`` makes the form a public notice: the latest submission of
    each enterprise to the pack original is shown on the enterprise's public
    notice page, with the answers to these question keys only.
    ``fillers`` says who fills it for an enterprise: ``"manager"`` (the
    principal or safety manager, the default), ``"assigned_staff"`` (staff
    assigned to it by a task, and the manager) or ``"members"`` (anyone of the
    enterprise). A department may change it on its copy.
    ``due`` makes it a standing duty of every enterprise of ``industry``,
    due each period (``"daily"``, ``"weekly"``, ``"monthly"``,
    ``"quarterly"``, ``"yearly"``) without waiting for a department to assign
    it: the core keeps one standing assignment of the pack original for the
    industry. Empty (the default): enterprises fill it once a department
    assigns it.

    ``risk_points`` (checklists) are keys of the same pack's
    ``safegrid_risk_library()`` entries this checklist inspects: a risk point
    an enterprise copied from such an entry is inspected with it (the
    inspection tasks), instead of a checklist generated from its measures.
    """

    key: str
    title: I18nText
    kind: str
    industry: str | None
    blocks: list[dict[str, Any]]
    version: str
    scoring: dict[str, Any] = field(default_factory=dict)
    public_fields: tuple[str, ...] = ()
    fillers: str = "manager"
    due: str = ""
    risk_points: tuple[str, ...] = ()

    def problems(self) -> list[str]:
        """What is wrong on the surface (the blocks are checked by the core)."""
        found = []
        label = f"form definition {self.key!r}"
        if not re.match(r"^[a-z][a-z0-9_]{1,59}$", self.key or ""):
            found.append(
                f"{label}: key must be 2-60 lowercase letters, digits or "
                "underscores, starting with a letter"
            )
        if not has_both(self.title):
            found.append(f"{label} needs a Chinese and an English title")
        found.extend(choice_problems(label, "kind", self.kind, FORM_KINDS))
        if self.industry is not None and not CODE_PATTERN.match(self.industry):
            found.append(f"{label}: industry code {self.industry!r} is invalid")
        if not str(self.version or "").strip():
            found.append(f"{label} needs a version string")
        if not isinstance(self.blocks, list | tuple) or not all(
            isinstance(b, dict) and "type" in b and "value" in b for b in self.blocks
        ):
            found.append(f"{label}: blocks must be a list of {{'type', 'value'}}")
        if not isinstance(self.scoring, dict):
            found.append(f"{label}: scoring must be a dict")
        found.extend(choice_problems(label, "fillers", self.fillers, FORM_FILLERS))
        if self.due:
            found.extend(choice_problems(label, "due", self.due, FORM_DUE))
        if self.due and not self.industry:
            found.append(f"{label}: a form due without assignment needs an industry")
        if isinstance(self.blocks, list | tuple) and self.public_fields:
            keys = set(_block_keys(self.blocks))
            found.extend(
                f"{label}: public field {key!r} is not a question of the form"
                for key in self.public_fields
                if key not in keys
            )
        return found


def _block_keys(blocks: Any) -> Iterator[str]:
    """Every ``key`` of stream data, sections and group fields included."""
    for block in blocks or ():
        value = block.get("value") if isinstance(block, dict) else None
        if isinstance(value, dict):
            if value.get("key"):
                yield value["key"]
            yield from _block_keys(value.get("questions"))
            yield from _block_keys(value.get("fields"))
