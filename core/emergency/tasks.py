"""The emergency records' periodic job: rescue agreements about to expire.

Registered in the one schedule through ``safegrid_scheduled_jobs``
(``core.emergency.default_plugin``), daily at 07:30.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_noop

from core.jobs.base import job

BATCH = 1000


@job
def warn_expiring_agreements(today: str | None = None) -> dict[str, int]:
    """Tell the enterprise's safety managers once about each rescue agreement
    that ends within ``EXPIRY_WARNING_DAYS`` (or has ended).

    Idempotent: an agreement keeps the ``valid_until`` it was warned for
    (``warned_until``); a second run warns nobody, a renewal (a new end
    date) warns again when its turn comes.
    """
    from core.emergency.models import RescueAgreement
    from core.emergency.selectors import EXPIRY_WARNING_DAYS

    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    limit = day + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    pks = list(
        RescueAgreement.objects.filter(valid_until__lt=limit)
        .exclude(warned_until=F("valid_until"))
        .order_by("pk")
        .values_list("pk", flat=True)[:BATCH]
    )
    sent = 0
    for pk in pks:
        with transaction.atomic():
            sent += _warn(pk, limit)
    return {"agreements": len(pks), "notifications": sent}


def _warn(pk: int, limit: datetime.date) -> int:
    from core.emergency.models import RescueAgreement
    from core.notifications.services import notify
    from core.organizations.models import Role

    agreement = (
        RescueAgreement.objects.select_for_update()
        .filter(pk=pk, valid_until__lt=limit)
        .first()
    )
    if agreement is None or agreement.warned_until == agreement.valid_until:
        return 0
    managers = get_user_model().objects.filter(
        membership__enterprise_id=agreement.enterprise_id,
        membership__role=Role.ENTERPRISE_MANAGER,
        is_active=True,
    )
    sent = 0
    for user in managers:
        notify(
            user,
            gettext_noop(
                "The rescue agreement with %(party)s ends on %(date)s: renew it."
            ),
            agreement,
            "/portal/emergency/",
            params={
                "party": agreement.party,
                "date": agreement.valid_until.isoformat(),
            },
        )
        sent += 1
    agreement.warned_until = agreement.valid_until
    agreement.save(update_fields=["warned_until"])
    return sent
