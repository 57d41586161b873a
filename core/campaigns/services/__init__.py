"""Writes of the rollout campaigns: campaigns, directives and their receipts,
acceptance and spot checks, spot-check samples — one module a concern
(``campaigns``, ``directives``, ``checks``, ``assessment``; shared limits and
who-may rules in ``base``).

Every service takes the acting user as ``actor`` and checks inside what the
actor may do (``Refused``: 403, nothing changed); bad input is ``Invalid``
with a message at the field (400, nothing changed).

Who:
- a campaign: the committee office (and the superuser);
- a directive: any government office (committee, industry department,
  street or town office), to enterprises of its own scope only;
- reading and replying: the enterprise's own safety manager;
- an acceptance check: a government office, on an enterprise of its scope;
- a spot-check sample and its checks: the committee office.
"""

from core.campaigns.services.assessment import assessment_publish
from core.campaigns.services.base import (
    MAX_LIST,
    MAX_MILESTONES,
    MAX_REMINDERS,
    MAX_SAMPLE,
    REMIND_WITHIN_DAYS,
    REMINDER_BATCH,
    TEXT_MAX,
    may_run_campaigns,
    may_send_directives,
)
from core.campaigns.services.campaigns import (
    campaign_create,
    campaigns_visible,
)
from core.campaigns.services.checks import (
    acceptance_record,
    checks_visible,
    draw_sample,
    may_check,
    spot_sample_draw,
)
from core.campaigns.services.directives import (
    NOTIFY_BATCH,
    directive_audience,
    directive_inbox,
    directive_notify,
    directive_open,
    directive_reply,
    directive_send,
    directives_remind,
    directives_sent,
)

__all__ = [
    "MAX_LIST",
    "MAX_MILESTONES",
    "MAX_REMINDERS",
    "MAX_SAMPLE",
    "NOTIFY_BATCH",
    "REMINDER_BATCH",
    "REMIND_WITHIN_DAYS",
    "TEXT_MAX",
    "acceptance_record",
    "assessment_publish",
    "campaign_create",
    "campaigns_visible",
    "checks_visible",
    "directive_audience",
    "directive_inbox",
    "directive_notify",
    "directive_open",
    "directive_reply",
    "directive_send",
    "directives_remind",
    "directives_sent",
    "draw_sample",
    "may_check",
    "may_run_campaigns",
    "may_send_directives",
    "spot_sample_draw",
]
