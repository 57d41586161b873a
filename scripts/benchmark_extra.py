"""Lists timed since the first benchmark: campaigns, directives, the
statistics export, alarms, emergency plans and the public notice index.

``scripts/benchmark.py`` adds ``EXTRA_PAGES`` to its pages and calls
``seed_extra`` at the end of its seed step, so these lists meet data at the
size's scale:

* one campaign of the committee office over the chemicals industry (its
  progress page computes every criterion over every enterprise in it);
* one directive of the committee office to every enterprise (its recipients
  page lists them all, a third read, a sixth replied) and one sent directive
  for every other enterprise (the list of directives);
* a sensor on the first risk point of every enterprise and four alarms each,
  the latest still active;
* two emergency plans per enterprise.

The public notice index (``/risk-notices/``) is timed over the notices the
seed does not create (Wagtail pages): it measures the index's fixed cost.
Kept apart from ``benchmark.py``'s own seeding (its functions are shared by
other tools); nothing here imports it.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from typing import Any

from core.world.bench.sizes import ENTERPRISE, EVERYONE, GOVERNMENT

#: Alarms per sensor (the last one active).
ALARMS_EACH = 4


def _extra(world: Any) -> dict[str, int]:
    return world.__dict__.setdefault("extra", {})


def seed_extra(world: Any, rng: random.Random) -> None:
    """Add the campaign, directives, sensors, alarms and plans to ``world``
    (in the seed's transaction; ``world.counts`` gains their numbers)."""
    _seed_campaign_and_directives(world)
    _seed_alarms(world, rng)
    _seed_emergency_plans(world)


def _seed_campaign_and_directives(world: Any) -> None:
    from django.utils import timezone

    from core.campaigns.models import Directive, DirectiveRecipient
    from core.campaigns.services import campaign_create, directive_send
    from core.organizations.models import Industry

    committee = world.users["committee"]
    today = timezone.localdate()
    campaign = campaign_create(
        actor=committee,
        title="基准专项行动",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=60),
        criteria=[
            {"key": "risk_list"},
            {"key": "inspections", "value": 30},
            {"key": "hazards_on_time", "value": 80},
        ],
        industries=list(Industry.objects.filter(code="chemicals")),
    )
    directive = directive_send(
        actor=committee,
        title="基准通知：开展风险辨识",
        body="请各企业完成风险辨识与评估。",
        audience="all",
        deadline=today + datetime.timedelta(days=14),
        reply_required=True,
    )
    recipients = list(
        DirectiveRecipient.objects.filter(directive=directive)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    now = timezone.now()
    DirectiveRecipient.objects.filter(pk__in=recipients[::3]).update(read_at=now)
    DirectiveRecipient.objects.filter(pk__in=recipients[::6]).update(
        reply="已完成。", replied_at=now
    )
    # The list of sent directives: one for every other enterprise.
    Directive.objects.bulk_create(
        (
            Directive(
                department=directive.department,
                sender=committee,
                title=f"基准通知{n:05d}",
                body="基准测试数据",
                audience=directive.audience,
                audience_label=directive.audience_label,
                recipient_count=0,
            )
            for n in range(len(world.enterprises) // 2)
        ),
        batch_size=2_000,
    )
    _extra(world).update(campaign=campaign.pk, directive=directive.pk)
    world.counts.update(
        directives=len(world.enterprises) // 2 + 1, recipients=len(recipients)
    )


def _seed_alarms(world: Any, rng: random.Random) -> None:
    from django.db.models import Min
    from django.utils import timezone

    from core.monitoring.models import Alarm, AlarmCategory, AlarmKind, SensorPoint
    from core.risks.models import RiskPoint

    first_points = dict(
        RiskPoint.objects.values("enterprise_id")
        .annotate(first=Min("pk"))
        .values_list("enterprise_id", "first")
    )
    sensors = SensorPoint.objects.bulk_create(
        (
            SensorPoint(
                enterprise_id=enterprise_id,
                risk_point_id=point_id,
                name="可燃气体浓度",
                parameter="可燃气体",
                unit="%LEL",
                high=20,
                high_high=40,
            )
            for enterprise_id, point_id in sorted(first_points.items())
        ),
        batch_size=2_000,
    )
    now = timezone.now()
    alarms = []
    for sensor in sensors:
        for n in range(ALARMS_EACH):
            active = n == ALARMS_EACH - 1
            raised = now - datetime.timedelta(hours=rng.randint(1, 24 * 30))
            back = None if active else raised + datetime.timedelta(hours=1)
            alarms.append(
                Alarm(
                    enterprise_id=sensor.enterprise_id,
                    sensor=sensor,
                    category=AlarmCategory.LIMIT,
                    kind=AlarmKind.HIGH if n % 2 else AlarmKind.HIGH_HIGH,
                    active=active,
                    value=25.0 + n,
                    peak_value=30.0 + n,
                    raised_at=raised,
                    # One open alarm per sensor and category: the others
                    # are back to normal and cleared.
                    returned_at=back,
                    cleared_at=back,
                )
            )
    Alarm.objects.bulk_create(alarms, batch_size=5_000)
    world.counts.update(sensors=len(sensors), alarms=len(alarms))


def _seed_emergency_plans(world: Any) -> None:
    from core.emergency.models import EmergencyPlan, PlanKind

    kinds = list(PlanKind.values)[:2]
    plans = EmergencyPlan.objects.bulk_create(
        (
            EmergencyPlan(enterprise=enterprise, kind=kind, title=f"基准预案{kind}")
            for enterprise in world.enterprises
            for kind in kinds
        ),
        batch_size=5_000,
    )
    world.counts.update(emergency_plans=len(plans))


# -- the pages --------------------------------------------------------------


def _reverse(name: str, key: str | None = None) -> Callable[[Any], str]:
    def url(world: Any) -> str:
        from django.urls import reverse

        return reverse(name, args=[_extra(world)[key]] if key else [])

    return url


def _statistics(world: Any) -> str:
    from django.urls import reverse
    from django.utils import timezone

    return f"{reverse('supervision_statistics_export')}?period={timezone.now().year}"


def _fixed(path: str) -> Callable[[Any], str]:
    return lambda world: path


#: (key, title, url, users) of ``benchmark.Page``.
EXTRA_PAGES: tuple[tuple[str, str, Callable[[Any], str], tuple[str, ...]], ...] = (
    (
        "admin_campaign_progress",
        "Admin: campaign progress",
        _reverse("campaigns:detail", "campaign"),
        ("committee",),
    ),
    (
        "admin_directives",
        "Admin: directives sent",
        _reverse("campaigns:directives"),
        GOVERNMENT,
    ),
    (
        "admin_directive_recipients",
        "Admin: directive recipients",
        _reverse("campaigns:directive", "directive"),
        ("committee",),
    ),
    (
        "admin_statistics_export",
        "Admin: statistics export (Excel)",
        _statistics,
        GOVERNMENT,
    ),
    (
        "portal_directives",
        "Portal: directives received",
        _reverse("campaigns_portal:home"),
        ENTERPRISE,
    ),
    ("api_alarms", "GET /api/v1/alarms/", _fixed("/api/v1/alarms/"), EVERYONE),
    (
        "api_emergency_plans",
        "GET /api/v1/emergency-plans/",
        _fixed("/api/v1/emergency-plans/"),
        EVERYONE,
    ),
    (
        "admin_emergency_due",
        "Admin: emergency, what is due",
        _reverse("emergency_due"),
        GOVERNMENT,
    ),
    (
        "public_risk_notices",
        "Public: risk notice index",
        _fixed("/risk-notices/"),
        ("committee",),
    ),
)
