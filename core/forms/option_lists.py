"""A department's reusable option lists (response sets) in its definitions.

A single or multiple choice block may name an option list (``option_list``:
the list's id) instead of typing its options. ``resolve_option_lists`` puts
the list's current options (value, label, score, finding) into a copy of the
blocks: the editor's preview and publishing use it, so a published version
freezes the options it used. A list of another department is refused at the
block that names it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from core.forms.definition import Problem
from core.forms.questions import find_type


def _has_options(block_type: Any) -> bool:
    kind = find_type(block_type) if isinstance(block_type, str) else None
    return kind is not None and kind.has_options


def _choice_blocks(raw: list[dict[str, Any]], path=()) -> Iterator[tuple[tuple, dict]]:
    for index, item in enumerate(raw or []):
        if not isinstance(item, dict):
            continue
        value = item.get("value")
        if not isinstance(value, dict):
            continue
        here = (*path, index)
        if _has_options(item.get("type")):
            yield here, value
        for child in ("questions", "fields"):
            if isinstance(value.get(child), list):
                yield from _choice_blocks(value[child], (*here, child))


def uses_option_lists(raw: list[dict[str, Any]]) -> bool:
    return any(value.get("option_list") for _path, value in _choice_blocks(raw))


def resolve_option_lists(
    raw: list[dict[str, Any]], department
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """A copy of ``raw`` with each named list's options in its blocks, and the
    problems (a list that is not the department's, or no longer exists)."""
    from core.forms.models import OptionList

    resolved = copy.deepcopy(raw)
    named = [
        (path, value)
        for path, value in _choice_blocks(resolved)
        if value.get("option_list")
    ]
    if not named:
        return resolved, []
    ids = {
        int(value["option_list"])
        for _path, value in named
        if str(value["option_list"]).isdigit() and int(value["option_list"]) < 2**63
    }
    lists = {
        str(option_list.pk): option_list
        for option_list in OptionList.objects.filter(
            pk__in=ids, department_id=getattr(department, "pk", None)
        )
    }
    problems = []
    for path, value in named:
        option_list = lists.get(str(value["option_list"]))
        if option_list is None:
            problems.append(
                Problem(
                    (*path, "option_list"),
                    _("This option list is not one of your department's lists."),
                )
            )
            continue
        value["options"] = option_list.option_values()
    return resolved, problems


def option_lists_for_editor(department) -> dict[str, dict[str, Any]]:
    """The department's lists as the editor's pickers read them (by id)."""
    from core.forms.models import OptionList

    if department is None:
        return {}
    return {
        str(option_list.pk): {
            "name": option_list.name,
            "options": [
                {"value": o["value"], "label": o["label"]}
                for o in option_list.option_values()
            ],
        }
        for option_list in OptionList.objects.filter(department=department)
    }
