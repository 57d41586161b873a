"""Fixtures of the forms-engine tests: a small checklist, published and assigned."""

from __future__ import annotations

import copy

import pytest

from core.forms.models import FormDefinition
from core.forms.services import assignment_create, definition_create, definition_publish
from core.organizations.models import Department
from core.organizations.scope import scope_for

# The chemicals pack's daily commitment, synced and assigned (a fixture).
from tests.core.notices.test_public_notice import commitment  # noqa: F401

# A checklist with a section (guarantee floor), a condition, a calculation and
# a repeatable group: the shape every test below starts from.
CHECKLIST = [
    {
        "type": "section",
        "value": {
            "key": "fire",
            "title": "消防安全",
            "guarantee_floor": 10,
            "questions": [
                {
                    "type": "check_item",
                    "value": {
                        "key": "extinguishers",
                        "label": "灭火器完好有效",
                        "points": 10,
                        "guarantee": True,
                        "hazard_grade": "major",
                        "evidence": {"requires_photo": False, "requires_note": True},
                    },
                },
                {
                    "type": "check_item",
                    "value": {
                        "key": "exits",
                        "label": "安全出口畅通",
                        "points": 5,
                        "deduction": 2,
                    },
                },
                {
                    "type": "text",
                    "value": {
                        "key": "exit_problem",
                        "label": "出口问题说明",
                        "condition": {"question": "exits", "value": "non_compliant"},
                    },
                },
            ],
        },
    },
    {
        "type": "section",
        "value": {
            "key": "storage",
            "title": "储存",
            "questions": [
                {"type": "number", "value": {"key": "length", "label": "长度", "unit": "m", "minimum": 0}},
                {"type": "number", "value": {"key": "width", "label": "宽度", "unit": "m", "minimum": 0}},
                {"type": "calculated", "value": {"key": "area", "label": "面积", "expression": "length * width", "unit": "m²"}},
                {
                    "type": "group",
                    "value": {
                        "key": "tanks",
                        "label": "储罐",
                        "required": False,
                        "fields": [
                            {"type": "text", "value": {"key": "tank_no", "label": "编号"}},
                            {"type": "number", "value": {"key": "volume", "label": "容积", "warning_above": 100}},
                        ],
                    },
                },
            ],
        },
    },
]  # fmt: skip

VALID_ANSWER = {
    "extinguishers": {"result": "compliant"},
    "exits": {"result": "non_compliant"},
    "exit_problem": "堆放杂物",
    "length": 4,
    "width": 2.5,
    "tanks": [{"tank_no": "T1", "volume": 50}],
}


def checklist_blocks():
    return copy.deepcopy(CHECKLIST)


def make_definition(
    department, *, key="fire_check", blocks=None, **kwargs
) -> FormDefinition:
    return definition_create(
        department=department,
        key=key,
        title_zh=kwargs.pop("title_zh", "消防检查表"),
        title_en=kwargs.pop("title_en", "Fire checklist"),
        kind=kwargs.pop("kind", "checklist"),
        blocks=blocks if blocks is not None else checklist_blocks(),
        **kwargs,
    )


@pytest.fixture
def chem_department(world):
    return Department.objects.get(name="应急管理局")


@pytest.fixture
def cons_department(world):
    return Department.objects.get(name="住建局")


@pytest.fixture
def published(world, chem_department):
    """The checklist of the chemicals department, published and assigned to
    the chemicals industry (so to enterprise A, not B). Staff at posts fill
    it as well as the manager (an inspection checklist)."""
    definition = make_definition(
        chem_department,
        industry=world.chemicals,
        scoring={"rule": "sum", "pass_mark": 12},
        fillers="assigned_staff",
    )
    version = definition_publish(definition=definition, user=world.dept_chemicals)
    assignment_create(
        scope=scope_for(world.dept_chemicals),
        definition=definition,
        industry=world.chemicals,
    )
    definition.refresh_from_db()
    return definition, version
