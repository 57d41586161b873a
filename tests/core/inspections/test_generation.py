"""Task generation from the control assignments: slots, idempotency,
checklists generated from the measures; the period arithmetic."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.forms.models import FormDefinition
from core.inspections.checklists import GENERATED_PACK, point_checklist_key
from core.inspections.models import InspectionTask, TaskSource, TaskStatus
from core.inspections.periods import slot_containing, slots_between
from core.inspections.services import tasks_generate
from core.risks.models import ControlMeasure

from .conftest import NOW

pytestmark = pytest.mark.django_db


def local(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.mark.parametrize(
    ("every", "unit", "times", "start", "end"),
    [
        (2, "hour", 1, local(2026, 3, 10, 10), local(2026, 3, 10, 12)),
        (1, "shift", 1, local(2026, 3, 10, 8), local(2026, 3, 10, 16)),
        (1, "day", 1, local(2026, 3, 10), local(2026, 3, 11)),
        (1, "day", 2, local(2026, 3, 10), local(2026, 3, 10, 12)),
        (1, "week", 1, local(2026, 3, 9), local(2026, 3, 16)),
        (1, "month", 1, local(2026, 3, 1), local(2026, 4, 1)),
        (1, "quarter", 1, local(2026, 1, 1), local(2026, 4, 1)),
        (6, "month", 1, local(2026, 1, 1), local(2026, 7, 1)),
        (1, "year", 1, local(2026, 1, 1), local(2027, 1, 1)),
    ],
)
def test_slot_containing(every, unit, times, start, end):
    assert slot_containing(NOW, every, unit, times) == (start, end)


def test_slots_follow_each_other():
    slots = list(slots_between(NOW, NOW + datetime.timedelta(days=1), 8, "hour"))
    assert [s[0].hour for s in slots] == [8, 16, 0, 8]
    assert all(a[1] == b[0] for a, b in zip(slots, slots[1:], strict=False))


def test_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        slot_containing(NOW, 1, "fortnight")


def test_generation_is_idempotent(daily_point, point_b):
    created = tasks_generate(now=NOW)
    tasks = list(InspectionTask.objects.order_by("origin", "period_start"))
    # A's daily point: today and tomorrow (the horizon); B's weekly: this week.
    assert created == len(tasks) == 3
    assert tasks_generate(now=NOW) == 0
    assert tasks_generate(now=NOW + datetime.timedelta(hours=3)) == 0
    assert list(InspectionTask.objects.order_by("origin", "period_start")) == tasks
    today = next(t for t in tasks if t.risk_point == daily_point)
    assert today.source == TaskSource.CONTROL
    assert today.assignee == daily_point.responsible_person
    assert today.control_level == "team"
    assert today.status == TaskStatus.DUE
    assert (today.period_start, today.due_at) == (
        local(2026, 3, 10),
        local(2026, 3, 11),
    )


def test_the_checklist_has_an_item_per_measure(daily_point):
    tasks_generate(now=NOW)
    task = InspectionTask.objects.filter(risk_point=daily_point).first()
    definition = task.version.definition
    assert definition.key == point_checklist_key(daily_point.pk)
    assert definition.pack == GENERATED_PACK
    items = [
        item
        for section in task.version.scoring["sections"]
        for item in section["items"]
    ]
    measures = ControlMeasure.objects.filter(risk_point=daily_point, is_active=True)
    assert sorted(i["key"] for i in items) == sorted(f"m{m.pk}" for m in measures)
    assert {i["hazard_grade"] for i in items} == {"general"}


def test_a_changed_measure_publishes_a_new_version(daily_point):
    tasks_generate(now=NOW)
    first = InspectionTask.objects.filter(risk_point=daily_point).first().version
    ControlMeasure.objects.filter(risk_point=daily_point).update(description="新措施")
    tasks_generate(now=NOW + datetime.timedelta(days=2))
    latest = (
        InspectionTask.objects.filter(risk_point=daily_point)
        .order_by("-period_start")
        .first()
        .version
    )
    assert latest.number == first.number + 1
    # The earlier task keeps the version it was generated with.
    assert InspectionTask.objects.filter(version=first).exists()
    assert FormDefinition.objects.get(pk=first.definition_id).is_active


def test_points_without_a_period_get_no_tasks(daily_point):
    type(daily_point).objects.filter(pk=daily_point.pk).update(inspection_unit="")
    assert tasks_generate(now=NOW) == 0


def test_a_late_slot_is_generated_overdue(daily_point):
    # The horizon reaches back no further than "now": the slot of now only.
    tasks_generate(now=NOW, horizon=datetime.timedelta(0))
    assert InspectionTask.objects.count() == 1


def test_a_point_copied_from_a_pack_entry_is_inspected_with_the_packs_checklist(
    world, enable_packs, daily_point
):
    from core.forms.services.definitions import form_definitions_sync
    from core.organizations.models import Person
    from core.risks.models import RiskPoint
    from core.risks.services.library import risk_point_create_from_library

    manager = enable_packs("chemicals")
    form_definitions_sync(manager=manager)
    copied = risk_point_create_from_library(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        pack="chemicals",
        key="tank_farm",
    )
    RiskPoint.objects.filter(pk=copied.pk).update(
        responsible_person=Person.objects.get(
            enterprise=world.enterprise_a, name="张三"
        ),
        control_level="post",
        inspection_every=1,
        inspection_unit="day",
    )
    tasks_generate(now=NOW)
    task = InspectionTask.objects.filter(risk_point=copied).first()
    # The chemicals pack's tank farm checklist declares it inspects the
    # library's tank farm entry.
    assert task.version.definition.key == "chem_tank_farm"
    assert task.version.definition.pack == "chemicals"
    # A point entered by hand keeps the checklist generated from its measures.
    own = InspectionTask.objects.filter(risk_point=daily_point).first()
    assert own.version.definition.key == point_checklist_key(daily_point.pk)
