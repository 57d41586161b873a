"""Writes of definitions: check, create, publish, copy, and the pack sync."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError as JSONSchemaError

from core.forms.blocks import body_block
from core.forms.definition import Problem, compile_definition, definition_problems
from core.forms.models import (
    Fillers,
    FormAssignment,
    FormDefinition,
    FormVersion,
    form_key_validator,
    source_hash,
)
from core.forms.option_lists import resolve_option_lists, uses_option_lists
from core.forms.rules import is_known_rule
from core.forms.services.errors import (
    DefinitionInvalid,
)
from core.organizations.models import Department, Industry
from plugins.contributions import FormDefinitionContribution
from plugins.manager import SafegridPluginManager

# -- definitions -------------------------------------------------------------------


def definition_check(blocks: Any) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Check stream data as the editor does; return it normalised (defaults
    filled in, missing keys generated) and the problems, by block path."""
    block = body_block()
    if not isinstance(blocks, list):
        return [], [Problem((), _("The blocks must be a list."))]
    try:
        value = block.to_python(blocks)
        cleaned = block.clean(value)
    except ValidationError as error:
        return blocks, block_error_problems(error)
    except (AttributeError, KeyError, TypeError, ValueError):
        return blocks, [Problem((), _("The blocks cannot be read."))]
    return block.get_prep_value(cleaned), []


def block_error_problems(error: ValidationError, path: tuple = ()) -> list[Problem]:
    """Flatten Wagtail's nested block errors into problems with paths."""
    found: list[Problem] = []
    non_block = getattr(error, "non_block_errors", None)
    block_errors = getattr(error, "block_errors", None)
    if block_errors is None:
        return [Problem(path, message) for message in error.messages]
    for item in non_block.as_data() if non_block else []:
        found.extend(Problem(path, message) for message in item.messages)
    for part, child in block_errors.items():
        found.extend(block_error_problems(child, (*path, part)))
    return found


def compile_for(definition: FormDefinition, blocks: list[dict[str, Any]] | None = None):
    """Compile a definition's (or the given) blocks; the JSON Schema is checked."""
    compiled = compile_definition(
        blocks if blocks is not None else definition.body_data(),
        title=definition.title_zh,
        scoring=definition.scoring_settings(),
    )
    try:
        Draft202012Validator.check_schema(compiled.json_schema)
    except JSONSchemaError as exc:  # a compiler bug, never the officer's fault
        raise DefinitionInvalid(
            [
                Problem(
                    (), _("The form could not be compiled: %(e)s") % {"e": exc.message}
                )
            ]
        ) from exc
    return compiled


@transaction.atomic
def definition_publish(*, definition: FormDefinition, user=None) -> FormVersion:
    """Freeze the definition as its next immutable version.

    Publishing an unchanged definition returns the current version; nothing
    already submitted changes, since submissions point to their version.
    """
    given = definition
    definition = FormDefinition.objects.select_for_update().get(pk=definition.pk)
    blocks, problems = definition_check(definition.body_data())
    lists_used = not problems and uses_option_lists(blocks)
    if lists_used:
        # The lists' options as they are now: the version freezes them.
        blocks, problems = resolve_option_lists(blocks, definition.department)
        if not problems:
            problems = definition_problems(blocks)
    if not is_known_rule(definition.scoring_rule):
        problems.append(
            Problem(
                (),
                _("The scoring rule “%(rule)s” is not available.")
                % {"rule": definition.scoring_rule},
            )
        )
    if problems:
        raise DefinitionInvalid(problems)
    fingerprint = source_hash(
        blocks=[*definition.body_data(), {"option_lists": blocks}]
        if lists_used
        else definition.body_data(),
        scoring=definition.scoring_settings(),
        titles=(definition.title_zh, definition.title_en),
        kind=definition.kind,
        fillers=definition.fillers,
    )
    current = definition.published_version
    if current is not None and current.source_hash == fingerprint:
        return current
    compiled = compile_for(definition, blocks)
    last = definition.versions.order_by("-number").values_list("number", flat=True)
    version = FormVersion.objects.create(
        definition=definition,
        number=(last.first() or 0) + 1,
        title_zh=definition.title_zh,
        title_en=definition.title_en,
        kind=definition.kind,
        fillers=definition.fillers,
        blocks=blocks,
        json_schema=compiled.json_schema,
        ui_schema=compiled.ui_schema,
        scoring=compiled.scoring,
        source_hash=fingerprint,
        pack_version=definition.pack_version,
        published_by=user,
    )
    definition.published_version = version
    definition.save(update_fields=["published_version", "updated_at"])
    given.published_version = version
    return version


def _free_key(base: str) -> str:
    base = base[:52]
    candidate, counter = base, 1
    while FormDefinition.objects.filter(key=candidate).exists():
        counter += 1
        candidate = f"{base}_{counter}"
    return candidate


@transaction.atomic
def definition_copy(
    *,
    original: FormDefinition,
    department: Department,
    user=None,
    key: str | None = None,
    title_zh: str | None = None,
) -> FormDefinition:
    """A department's own, editable copy (of a pack original or any definition).

    The copy starts as a draft: its owner publishes it when ready. The pack
    sync never writes to it.
    """
    if key:
        form_key_validator(key)
        if FormDefinition.objects.filter(key=key).exists():
            raise ValidationError(
                {"key": _("The key “%(key)s” is already used.") % {"key": key}}
            )
    return FormDefinition.objects.create(
        key=key or _free_key(f"{original.key}_d{department.pk}"),
        title_zh=title_zh or original.title_zh,
        title_en=original.title_en,
        kind=original.kind,
        fillers=original.fillers,
        industry=original.industry,
        department=department,
        copied_from=original,
        body=original.body_data(),
        scoring_rule=original.scoring_rule,
        pass_mark=original.pass_mark,
        fail_if_section_zeroed=original.fail_if_section_zeroed,
        created_by=user,
    )


@transaction.atomic
def definition_create(
    *,
    department: Department | None,
    key: str,
    title_zh: str,
    kind: str,
    blocks: list[dict[str, Any]],
    title_en: str = "",
    industry: Industry | None = None,
    scoring: dict[str, Any] | None = None,
    user=None,
    pack: str = "",
    pack_version: str = "",
    fillers: str = Fillers.MANAGER,
) -> FormDefinition:
    """Create a definition from stream data (import, tests, pack sync)."""
    normalised, problems = definition_check(blocks)
    scoring = scoring or {}
    rule = scoring.get("rule") or "sum"
    if not is_known_rule(rule):
        problems.append(
            Problem(
                ("file", "scoring", "rule"),
                _("Unknown scoring rule “%(rule)s”.") % {"rule": rule},
            )
        )
    if fillers not in Fillers.values:
        problems.append(
            Problem(
                ("file", "fillers"),
                _("Unknown filler “%(fillers)s”.") % {"fillers": fillers},
            )
        )
    if problems:
        raise DefinitionInvalid(problems)
    return FormDefinition.objects.create(
        key=key,
        fillers=fillers,
        title_zh=title_zh,
        title_en=title_en,
        kind=kind,
        industry=industry,
        department=department,
        pack=pack,
        pack_version=pack_version,
        body=normalised,
        scoring_rule=rule,
        pass_mark=scoring.get("pass_mark"),
        fail_if_section_zeroed=bool(scoring.get("fail_if_section_zeroed")),
        created_by=user,
    )


@transaction.atomic
def definition_update_blocks(
    *, definition: FormDefinition, blocks: list[dict[str, Any]]
) -> FormDefinition:
    """Replace a department definition's blocks (the draft of its next version)."""
    if definition.is_pack_original:
        raise DefinitionInvalid(
            [Problem((), _("A pack original cannot be edited; copy it."))]
        )
    normalised, problems = definition_check(blocks)
    if problems:
        raise DefinitionInvalid(problems)
    definition.body = normalised
    definition.save(update_fields=["body", "updated_at"])
    return definition


@dataclass
class FormSyncResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    skipped: dict[str, list[str]] = field(default_factory=dict)


def form_definitions_sync(*, manager: SafegridPluginManager) -> FormSyncResult:
    """Write what the enabled packs contribute as pack originals.

    An original whose version string changed is rewritten and published again;
    departments' definitions (copies included) are never touched, and a key a
    department already uses is skipped with a problem. Originals of packs no
    longer enabled are marked inactive (one skipped for a problem stays as it
    was). Each contribution is its own transaction, so one broken definition
    does not stop the others.
    """
    result = FormSyncResult()
    contributed: set[str] = set()
    industries = {industry.code: industry for industry in Industry.objects.all()}
    for plugin_name, item in manager.collect("safegrid_form_definitions"):
        if not isinstance(item, FormDefinitionContribution):
            result.skipped[repr(item)[:60]] = ["not a FormDefinitionContribution"]
            continue
        contributed.add(item.key)
        problems = item.problems()
        industry = industries.get(item.industry) if item.industry else None
        if item.industry and industry is None:
            problems.append(f"unknown industry {item.industry!r}")
        if problems:
            result.skipped[item.key] = problems
            continue
        try:
            with transaction.atomic():
                outcome = _sync_one(plugin_name, item, industry)
                _standing_assignment(item, industry)
        except DefinitionInvalid as exc:
            result.skipped[item.key] = [
                f"{p.location()}: {p.message}" for p in exc.problems
            ]
            continue
        getattr(result, outcome).append(item.key)
    stale = (
        FormDefinition.objects.filter(department__isnull=True, is_active=True)
        .exclude(pack="")
        # Checklists the inspections generate from a risk point's measures
        # (core.inspections.checklists.GENERATED_PACK) belong to no pack.
        .exclude(pack="safegrid.inspections")
        .exclude(key__in=contributed)
    )
    result.deactivated = list(stale.values_list("key", flat=True))
    stale.update(is_active=False)
    return result


def _standing_assignment(item: FormDefinitionContribution, industry) -> None:
    """Keep the pack's standing duty: one active assignment of the original to
    its industry, due each ``item.due`` period, when the pack declares one.

    A standing assignment is the one without a department and without a
    creator (a department's assignment always records both). It is ended when
    the pack stops declaring ``due`` and re-activated when it declares it
    again; a department's own assignments of the form are never touched.
    """
    original = FormDefinition.objects.get(key=item.key)
    standing = FormAssignment.objects.filter(
        definition=original, department__isnull=True, created_by__isnull=True
    )
    if not item.due:
        standing.filter(is_active=True).update(is_active=False)
        return
    mine = standing.filter(industry=industry, jurisdiction__isnull=True)
    # A standing duty of another industry (the pack moved the form) ends.
    standing.exclude(pk__in=mine.values("pk")).filter(is_active=True).update(
        is_active=False
    )
    current = mine.first()
    if current is None:
        FormAssignment.objects.create(
            definition=original, industry=industry, recurrence=item.due
        )
    elif not current.is_active or current.recurrence != item.due:
        current.is_active = True
        current.recurrence = item.due
        current.save(update_fields=["is_active", "recurrence"])


def _sync_one(plugin_name: str, item: FormDefinitionContribution, industry):
    original = FormDefinition.objects.filter(key=item.key).first()
    if original is not None and not original.is_pack_original:
        raise DefinitionInvalid(
            [Problem((), f"the key {item.key!r} is used by a department's definition")]
        )
    if original is not None and original.pack != plugin_name:
        raise DefinitionInvalid(
            [Problem((), f"the key {item.key!r} belongs to pack {original.pack!r}")]
        )
    if original is None:
        original = definition_create(
            department=None,
            key=item.key,
            title_zh=item.title.zh_hans,
            title_en=item.title.en,
            kind=item.kind,
            industry=industry,
            blocks=list(item.blocks),
            scoring=item.scoring,
            pack=plugin_name,
            pack_version=item.version,
            fillers=item.fillers,
        )
        definition_publish(definition=original)
        return "created"
    if original.pack_version == item.version and original.is_active:
        return "unchanged"
    normalised, problems = definition_check(list(item.blocks))
    if problems:
        raise DefinitionInvalid(problems)
    original.title_zh = item.title.zh_hans
    original.title_en = item.title.en
    original.kind = item.kind
    original.fillers = item.fillers
    original.industry = industry
    original.body = normalised
    original.scoring_rule = item.scoring.get("rule") or "sum"
    original.pass_mark = item.scoring.get("pass_mark")
    original.fail_if_section_zeroed = bool(item.scoring.get("fail_if_section_zeroed"))
    original.pack_version = item.version
    original.is_active = True
    original.save()
    definition_publish(definition=original)
    return "updated"
