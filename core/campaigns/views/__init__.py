"""The campaigns' admin pages (/admin/campaigns/): campaigns and their
progress, directives and their receipts, acceptance and spot checks — one
module a concern (``campaigns``, ``directives``, ``checks``, ``assessment``;
the shared base view in ``base``).

Thin views over ``core.campaigns.services`` and ``progress``: the services
check who may write; every page reads through the viewer's scope (another
office's directive is a 404; a campaign's figures are the viewer's part).
"""

from core.campaigns.views.assessment import (
    AssessmentView,
    PeriodForm,
)
from core.campaigns.views.base import (
    CHECKLISTS_SHOWN,
    DATE_INPUT,
    LIST_SLOTS,
    PAGE_SIZE,
)
from core.campaigns.views.campaigns import (
    CampaignCreateView,
    CampaignDetailView,
    CampaignForm,
    CampaignListView,
    MilestoneForm,
    MilestoneFormSet,
)
from core.campaigns.views.checks import (
    CheckForm,
    CheckListView,
    CheckRecordView,
    SampleDetailView,
    SampleDrawView,
    SampleForm,
    may_sample,
)
from core.campaigns.views.directives import (
    RECIPIENT_FILTERS,
    DirectiveDetailView,
    DirectiveForm,
    DirectiveListView,
    DirectiveSendView,
)

__all__ = [
    "AssessmentView",
    "CHECKLISTS_SHOWN",
    "CampaignCreateView",
    "CampaignDetailView",
    "CampaignForm",
    "CampaignListView",
    "CheckForm",
    "CheckListView",
    "CheckRecordView",
    "DATE_INPUT",
    "DirectiveDetailView",
    "DirectiveForm",
    "DirectiveListView",
    "DirectiveSendView",
    "LIST_SLOTS",
    "MilestoneForm",
    "MilestoneFormSet",
    "PAGE_SIZE",
    "PeriodForm",
    "RECIPIENT_FILTERS",
    "SampleDetailView",
    "SampleDrawView",
    "SampleForm",
    "may_sample",
]
