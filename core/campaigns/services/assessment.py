"""Publishing a campaign's assessment circular."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from core.base.errors import Invalid, Refused
from core.campaigns.models import Campaign
from core.organizations.scope import scope_for


@transaction.atomic
def assessment_publish(
    *, actor, campaign: Campaign, start: datetime.date, end: datetime.date
):
    """Publish the assessment of ``campaign`` for ``start``–``end`` as a
    circular (通报) of the committee office on the public site. Only the
    committee office's users publish it; the circular is the notices app's
    page type (``core.notices.services.create_circular``)."""
    from core.campaigns.assessment import assessment_circular, campaign_assessment
    from core.notices.services import create_circular

    scope = scope_for(actor)
    if not scope.sees_everything or scope.department is None:
        raise Refused(_("Only the committee office publishes the assessment."))
    if end < start:
        raise Invalid.at(("end",), _("The end cannot be before the start."))
    title, body = assessment_circular(
        campaign_assessment(campaign, start=start, end=end)
    )
    return create_circular(
        actor=actor,
        title=title,
        body_html=body,
        issuer=scope.department,
        publish=True,
    )
