"""The benchmark's records in bulk: risk points with their events,
assessments and measures; checklist submissions; hazards and a year of
inspection tasks. Bulk writes skip the services on purpose (speed) and keep
the invariants the services keep (see ``core.world.bench.seed``)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from core.world.bench.sizes import (
    ACCIDENT_CODES,
    ANSWER,
    CHECKLIST,
    FORM_KEY,
    LEC_BY_LEVEL,
    LEVEL_WEIGHTS,
    BenchWorld,
)


def seed_risk_points(world: BenchWorld, rng: random.Random) -> None:
    from core.risks.models import (
        AccidentType,
        Assessment,
        ControlMeasure,
        RiskAnalysisUnit,
        RiskEvent,
        RiskPoint,
    )
    from plugins.vocabularies import MEASURE_TYPES, RISK_POINT_KINDS

    point_kinds, measure_kinds = RISK_POINT_KINDS.keys(), MEASURE_TYPES.keys()
    size = world.size
    manager = world.users["enterprise_manager"]
    accident_ids = list(
        AccidentType.objects.filter(
            is_current=True, code__in=ACCIDENT_CODES
        ).values_list("pk", flat=True)
    )
    if not accident_ids:
        raise RuntimeError("The GB 6441 accident types are missing (migrations?)")
    levels = list(LEVEL_WEIGHTS)
    weights = list(LEVEL_WEIGHTS.values())

    points: list[RiskPoint] = []
    for i, enterprise in enumerate(world.enterprises):
        posts = world.posts[enterprise.pk]
        workshops = world.workshops[enterprise.pk]
        for n in range(size.big_points if i == 0 else size.points_each):
            post = posts[n % len(posts)]
            at_workshop = n % 4 == 0
            unit = workshops[n % len(workshops)] if at_workshop else post
            placed = n % 4 == 1
            position = (
                {"type": "point", "x": rng.random(), "y": rng.random()}
                if placed
                else None
            )
            level = rng.choices(levels, weights)[0]
            points.append(
                RiskPoint(
                    enterprise=enterprise,
                    unit=unit,
                    enterprise_name=enterprise.name,
                    name=f"风险点{n:05d}",
                    kind=point_kinds[n % len(point_kinds)],
                    description="基准测试数据",
                    position=position,
                    level=level,
                    # Every assessment below is LEC; an assessed point's
                    # first event carries its level.
                    methods=RiskPoint.methods_code(["lec"] if level else []),
                    control_level="workshop" if at_workshop else "post",
                    responsible_unit=unit,
                    responsible_person=world.holders[post.pk],
                    inspection_every=1,
                    inspection_unit="day",
                    source="",
                    created_by=manager if i == 0 else None,
                )
            )
    RiskPoint.objects.bulk_create(points, batch_size=2_000)
    analysis_units = RiskAnalysisUnit.objects.bulk_create(
        (RiskAnalysisUnit(risk_point=p, is_default=True) for p in points),
        batch_size=2_000,
    )
    # Every point one event; every third a second one. The first event carries
    # the point's level; a second one is low or not assessed.
    events: list[RiskEvent] = []
    event_levels: list[str] = []
    for n, (point, unit) in enumerate(zip(points, analysis_units, strict=True)):
        count = 2 if n % 3 == 0 else 1
        for e in range(count):
            events.append(
                RiskEvent(
                    risk_point=point,
                    analysis_unit=unit,
                    name=f"{point.name}事件{e + 1}",
                    consequence="可能造成人员伤亡",
                    order=e,
                )
            )
            second_level = "low" if point.level and n % 2 else ""
            event_levels.append(point.level if e == 0 else second_level)
    RiskEvent.objects.bulk_create(events, batch_size=2_000)
    RiskEvent.accident_types.through.objects.bulk_create(
        (
            RiskEvent.accident_types.through(
                riskevent_id=event.pk,
                accidenttype_id=accident_ids[k % len(accident_ids)],
            )
            for n, event in enumerate(events)
            for k in range(n, n + 1 + n % 2)
        ),
        batch_size=5_000,
    )
    ControlMeasure.objects.bulk_create(
        (
            ControlMeasure(
                risk_point=event.risk_point,
                event=event,
                kind=measure_kinds[(n + m) % len(measure_kinds)],
                description=f"管控措施{m + 1}",
                order=m,
            )
            for n, event in enumerate(events)
            for m in range(2)
        ),
        batch_size=2_000,
    )
    assessed = [
        (event, level)
        for event, level in zip(events, event_levels, strict=True)
        if level
    ]
    now = datetime.now().astimezone()
    assessments = Assessment.objects.bulk_create(
        (
            Assessment(
                risk_point=event.risk_point,
                event=event,
                method="lec",
                method_pack="safegrid",
                inputs=LEC_BY_LEVEL[level][0],
                value=LEC_BY_LEVEL[level][1],
                scored_level=level,
                level=level,
                assessed_by=manager,
                assessed_by_name="基准安全经理",
                assessed_at=now - timedelta(days=n % 365),
            )
            for n, (event, level) in enumerate(assessed)
        ),
        batch_size=2_000,
    )
    for (event, _level), assessment in zip(assessed, assessments, strict=True):
        event.latest_assessment = assessment
    RiskEvent.objects.bulk_update(
        [event for event, _level in assessed], ["latest_assessment"], batch_size=1_000
    )
    world.counts.update(
        risk_points=len(points),
        risk_points_big=size.big_points,
        risk_events=len(events),
        assessments=len(assessments),
    )


def seed_submissions(world: BenchWorld, rng: random.Random, industries) -> None:
    from core.forms.models import Submission, SubmissionRevision, SubmissionStatus
    from core.forms.services import (
        SCORED_FIELDS,
        assignment_create,
        definition_create,
        definition_publish,
        first_revision,
        submission_submit,
    )
    from core.organizations.scope import scope_for

    department_user = world.users["industry_department"]
    manager = world.users["enterprise_manager"]
    definition = definition_create(
        department=world.departments["chemicals"],
        key=FORM_KEY,
        title_zh="基准日常检查表",
        title_en="Benchmark daily checklist",
        kind="checklist",
        blocks=CHECKLIST,
        industry=industries["chemicals"],
        scoring={"rule": "sum", "pass_mark": 12},
    )
    version = definition_publish(definition=definition, user=department_user)
    assignment = assignment_create(
        scope=scope_for(department_user),
        definition=definition,
        industry=industries["chemicals"],
    )
    # One real submission through the service; the rest are copies of its
    # scored fields, spread over the chemicals enterprises and the past year.
    first = submission_submit(
        actor=manager, version=version, enterprise=world.big_enterprise, data=ANSWER
    )
    scored = {name: getattr(first, name) for name in SCORED_FIELDS}
    chemicals = world.chemicals
    statuses = list(SubmissionStatus.values)
    start = first.submitted_at
    copies = [
        Submission(
            definition=definition,
            version=version,
            enterprise=chemicals[n % len(chemicals)],
            assignment=assignment,
            status=statuses[n % len(statuses)],
            submitted_by=manager if n % len(chemicals) == 0 else None,
            submitted_at=start - timedelta(hours=n * 7 + rng.randrange(6)),
            **scored,
        )
        for n in range(1, world.size.submissions)
    ]
    Submission.objects.bulk_create(copies, batch_size=2_000)
    SubmissionRevision.objects.bulk_create(
        (first_revision(s) for s in copies), batch_size=2_000
    )
    world.counts.update(submissions=len(copies) + 1)


def seed_hazards_and_tasks(world: BenchWorld, rng: random.Random) -> None:
    """Hazards in every state: ten per enterprise on average, a tenth of them
    at the big enterprise; and a year of daily inspection tasks of the big
    enterprise's safety manager (one per day and risk point of a sample),
    most done, some overdue, some due."""
    from django.utils import timezone

    from core.forms.models import FormDefinition
    from core.hazards.models import Hazard, HazardStatus
    from core.inspections.models import InspectionTask, TaskSource, TaskStatus
    from core.organizations.models import Person

    manager = world.users["enterprise_manager"]
    states = list(HazardStatus.values)
    now = timezone.now()
    enterprises = world.enterprises
    total = len(enterprises) * 10
    big_share = total // 10
    Hazard.objects.bulk_create(
        (
            Hazard(
                enterprise=(
                    world.big_enterprise
                    if n < big_share
                    else enterprises[rng.randrange(len(enterprises))]
                ),
                description=f"基准隐患 {n}",
                status=states[n % len(states)],
                grade="major" if n % 53 == 0 else "general",
                deadline=(now + timedelta(days=rng.randrange(-20, 30))).date(),
                supervised=n % 211 == 0,
                reported_by=manager if n < big_share else None,
                reported_at=now - timedelta(minutes=7 * n + rng.randrange(7)),
            )
            for n in range(total)
        ),
        batch_size=2_000,
    )
    version = FormDefinition.objects.get(key=FORM_KEY).published_version
    person = Person.objects.get(user=manager)
    days = 365
    points = max(1, min(20, world.size.big_points // 50))
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    tasks = []
    for day in range(days):
        period_start = start - timedelta(days=day - 1)
        for point in range(points):
            past = day > 1
            tasks.append(
                InspectionTask(
                    enterprise=world.big_enterprise,
                    source=TaskSource.CONTROL,
                    origin=f"bench:{point}",
                    title=f"基准排查 {point}",
                    assignee=person,
                    version=version,
                    period_start=period_start,
                    period_end=period_start + timedelta(days=1),
                    due_at=period_start + timedelta(days=1),
                    status=(
                        TaskStatus.DONE
                        if past and (day + point) % 9
                        else TaskStatus.OVERDUE
                        if past
                        else TaskStatus.DUE
                    ),
                    done_at=period_start + timedelta(hours=10) if past else None,
                )
            )
    InspectionTask.objects.bulk_create(tasks, batch_size=2_000)
    world.counts.update(hazards=total, tasks=len(tasks))
