"""The report of a hazard, with its photos and codes."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from core.base.errors import Problems, Refused
from core.forms.models import FormUpload
from core.hazards.models import (
    FixMode,
    Hazard,
    HazardGrade,
    HazardTransition,
    HazardType,
    HowFound,
    ManagementClass,
)
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for
from plugins.reference.hazard_codes import THIRD_TIER

MAX_PHOTOS = 9
CODE_SETS: dict[str, list[str]] = {
    "how_found": HowFound.values,
    "fix_mode": FixMode.values,
    "hazard_type": HazardType.values,
    "management_class": ManagementClass.values,
}
TEXT_MAX = 2000


def enabled_grades() -> list[str]:
    """The hazard grades in use: 一般 and 重大, and the third tier if configured."""

    third = getattr(settings, "SAFEGRID_HAZARD_THIRD_TIER", False)
    return [g for g in HazardGrade.values if third or g != THIRD_TIER]


def _photos(
    uploads: Iterable[FormUpload], enterprise_id: int, problems: Problems, field: str
) -> list[FormUpload]:
    found = list(uploads)
    if len(found) > MAX_PHOTOS:
        problems.add(field, _("At most %(n)d photos.") % {"n": MAX_PHOTOS})
    for upload in found:
        if upload.enterprise_id != enterprise_id or not upload.content_type.startswith(
            "image/"
        ):
            problems.add(field, _("Only photos of this enterprise can be attached."))
            break
    return found


# -- reporting --------------------------------------------------------------------------


@transaction.atomic
def hazard_report(
    *,
    actor,
    enterprise: Enterprise,
    description: str,
    location: str = "",
    risk_point=None,
    grade: str = HazardGrade.GENERAL,
    hazard_type: str = HazardType.SAFETY,
    how_found: str = HowFound.ROUTINE,
    management_class: str = ManagementClass.UNSAFE_CONDITION,
    fix_mode: str = FixMode.BY_DEADLINE,
    deadline: datetime.date | str | None = None,
    photos: Iterable[FormUpload] = (),
) -> Hazard:
    """Report a hazard at ``enterprise``: anyone of the enterprise, staff too.

    The grade and deadline are the reporter's suggestion; the safety manager
    sets them when confirming.
    """
    scope = scope_for(actor)
    if not scope.can_write_for_enterprise(enterprise.pk):
        if scope.is_government:
            raise Refused(
                _("Government users do not report an enterprise's own hazards.")
            )
        raise Refused(_("You may not report hazards for this enterprise."))
    problems = Problems()
    description = problems.text(description, "description", limit=TEXT_MAX)
    if not description:
        problems.add("description", _("Describe the hazard."), "required")
    location = problems.text(location, "location", limit=TEXT_MAX)[:200]
    if risk_point is not None and risk_point.enterprise_id != enterprise.pk:
        problems.add("risk_point", _("Choose a risk point of this enterprise."))
    fields = {
        "grade": problems.choice(grade, enabled_grades(), "grade"),
        "hazard_type": problems.choice(hazard_type, HazardType.values, "hazard_type"),
        "how_found": problems.choice(how_found, HowFound.values, "how_found"),
        "management_class": problems.choice(
            management_class, ManagementClass.values, "management_class"
        ),
        "fix_mode": problems.choice(fix_mode, FixMode.values, "fix_mode"),
    }
    deadline = problems.date(deadline, "deadline")
    found = _photos(photos, enterprise.pk, problems, "photos")
    problems.raise_any()
    hazard = Hazard.objects.create(
        enterprise=enterprise,
        risk_point=risk_point,
        description=description,
        location=location,
        deadline=deadline,
        reported_by=actor,
        **{name: value for name, value in fields.items() if value},
    )
    hazard.photos.set(found)
    hazard_opened(hazard, actor=actor)
    return hazard


def hazard_opened(
    hazard: Hazard, *, actor, comment: str = "", **details: Any
) -> HazardTransition:
    """The "report" step that starts every hazard's history.

    A person's report, a checklist answer, a government inspection and a
    monitoring alarm (``actor`` None) all open hazards; ``comment`` says how
    it was found and ``details`` name what it came from.
    """
    return HazardTransition.objects.create(
        hazard=hazard,
        action="report",
        to_status=hazard.status,
        actor=actor,
        comment=comment,
        details=details,
    )
