"""A whole industry pack declared with data.

``IndustryPack`` is the one object a pack's entry point names
(``safegrid_chemicals.plugin:PACK``): the industry itself, its scoring rules
and emergency templates, on top of the neutral content ``ContentPack`` maps
onto the hooks. A pack's ``plugin`` module only names its rules:
``IndustryPack.from_data(data, rules=...)`` reads the rest from the pack's
``data`` package; no pack writes hook implementations of its own for them.

Emergency templates are plain dicts in the neutral shape (labels made with
``content.text``): the pack's industry code is filled in here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import Any

from plugins import hookimpl
from plugins.contributions import (
    EmergencyTemplate,
    I18nText,
    IndustryContribution,
    ScoringRule,
)
from plugins.pack_support.adapters import ContentPack

_TEXT_FIELDS = ("title", "details", "posts")


def emergency_template(industry: str, template: Mapping[str, Any]) -> EmergencyTemplate:
    """One neutral emergency template as the contribution of ``industry``."""
    fields = dict(template)
    for name in _TEXT_FIELDS:
        if isinstance(fields.get(name), Mapping):
            fields[name] = I18nText(**fields[name])
    return EmergencyTemplate(industry=industry, **fields)


class IndustryPack(ContentPack):
    """Every hook of an industry pack, from its declaration.

    ``name`` and ``description`` say what the industry is (both languages);
    ``rules`` are its scoring rules; ``emergency_templates`` its typical
    plans, drill scenarios and trainings (neutral dicts). The industry code
    is the content's ``industry``.
    """

    def __init__(
        self,
        content: Mapping[str, Any],
        *,
        name: I18nText,
        description: I18nText,
        rules: Iterable[ScoringRule] = (),
        emergency_templates: Iterable[Mapping[str, Any]] = (),
        form_rules: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(content, form_rules=form_rules)
        code = content["industry"]
        self.industry = IndustryContribution(
            code=code, name=name, description=description
        )
        self.rules = tuple(rules)
        self.templates = tuple(
            emergency_template(code, template) for template in emergency_templates
        )

    @classmethod
    def from_data(
        cls,
        data: ModuleType,
        *,
        rules: Iterable[ScoringRule] = (),
        form_rules: Mapping[str, str] | None = None,
    ) -> IndustryPack:
        """The pack a ``data`` package declares: its content (``content()``),
        ``INDUSTRY_NAME`` and ``INDUSTRY_DESCRIPTION`` (``text`` labels) and
        ``EMERGENCY_TEMPLATES``."""
        return cls(
            data.content(),
            name=I18nText(**data.INDUSTRY_NAME),
            description=I18nText(**data.INDUSTRY_DESCRIPTION),
            rules=rules,
            emergency_templates=data.EMERGENCY_TEMPLATES,
            form_rules=form_rules,
        )

    @hookimpl
    def safegrid_industries(self) -> list[IndustryContribution]:
        return [self.industry]

    @hookimpl
    def safegrid_scoring_rules(self) -> list[ScoringRule]:
        return list(self.rules)

    @hookimpl
    def safegrid_emergency_templates(self) -> list[EmergencyTemplate]:
        return list(self.templates)
