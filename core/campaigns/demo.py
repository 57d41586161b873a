"""Demo rollout: the committee office's campaign with milestones around
today, a directive from the chemicals department with some read receipts and
a reply, and an acceptance check. Written through ``core.campaigns.services``;
added once (a district that has a campaign is left alone), so a second
``demo_load`` changes nothing.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.campaigns import services
from core.campaigns.models import Audience, Campaign
from core.organizations.models import Industry, Role

CAMPAIGN_TITLE = "2026年双重预防机制建设推进"


def _user(username: str, role: str):
    return (
        get_user_model()
        .objects.filter(username=username, membership__role=role)
        .first()
    )


def ensure_demo_campaigns() -> bool:
    """Create the demo's campaign, directive and check; False when present
    or when the demo accounts are missing."""
    if Campaign.objects.filter(title=CAMPAIGN_TITLE).exists():
        return False
    committee = _user("committee", Role.COMMITTEE)
    chemicals = _user("dept-chemicals", Role.INDUSTRY_DEPARTMENT)
    if committee is None or chemicals is None:
        return False
    today = timezone.localdate()
    services.campaign_create(
        actor=committee,
        title=CAMPAIGN_TITLE,
        description="重点行业和规上企业先行，全区企业年底前全面建成。",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=120),
        criteria=[
            {"key": "risk_list"},
            {"key": "handbook"},
            {"key": "inspections", "value": 90},
            {"key": "hazards_on_time", "value": 80},
        ],
        milestones=[
            {
                "title": "重点行业风险辨识评估完成",
                "deadline": today - datetime.timedelta(days=10),
                "target_percent": 30,
            },
            {
                "title": "规上企业机制建成",
                "deadline": today + datetime.timedelta(days=45),
                "target_percent": 60,
            },
            {
                "title": "全区企业全面建成",
                "deadline": today + datetime.timedelta(days=120),
                "target_percent": 100,
            },
        ],
    )
    industry = Industry.objects.filter(code="chemicals").first()
    directive = services.directive_send(
        actor=chemicals,
        title="关于加快危险化学品企业双重预防机制建设的督办通知",
        body=(
            "请各企业于本月底前完成风险辨识评估和管控清单，"
            "生成风险管控手册，并回复工作进展。"
        ),
        audience=Audience.INDUSTRY if industry else Audience.ALL,
        industry=industry,
        deadline=today + datetime.timedelta(days=20),
        reply_required=True,
    )
    # Some managers have opened it; enterprise-1's has replied.
    replied = False
    with_managers = directive.recipients.filter(
        enterprise__memberships__role=Role.ENTERPRISE_MANAGER
    ).distinct()
    for recipient in with_managers.select_related("enterprise").order_by("pk")[:3]:
        manager = (
            get_user_model()
            .objects.filter(
                membership__role=Role.ENTERPRISE_MANAGER,
                membership__enterprise=recipient.enterprise,
            )
            .first()
        )
        if manager is None:
            continue
        services.directive_open(actor=manager, recipient=recipient)
        if not replied:
            services.directive_reply(
                actor=manager,
                recipient=recipient,
                reply="已完成风险辨识评估，手册已生成，正在开展排查。",
            )
            replied = True
            services.acceptance_record(
                actor=chemicals,
                enterprise=recipient.enterprise,
                passed=True,
                score="86",
                checked_on=today - datetime.timedelta(days=3),
                remarks="风险清单完整，排查记录齐全；应急处置卡需补充。",
            )
    return True
