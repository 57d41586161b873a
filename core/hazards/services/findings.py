"""The hazards a checklist submission or a government inspection opens."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.base.errors import Problems
from core.forms.models import FormUpload
from core.hazards.models import (
    Hazard,
    HazardGrade,
    HowFound,
)
from core.hazards.services.effects import report_major_hazard
from core.hazards.services.report import TEXT_MAX, enabled_grades, hazard_opened

# -- from a checklist ---------------------------------------------------------------------


def hazards_open_from_submission(
    *, actor, submission, risk_point_id: int | None = None
) -> list[Hazard]:
    """Open a hazard for each finding of ``submission`` (a non-compliant check
    item that its form marks as opening a hazard, ``Submission.findings``).

    Called by ``submission_submit`` inside its transaction: a failure here
    stores neither the submission nor its hazards. Each hazard is pre-filled
    from the item: its label and note as the description, its grade (a
    pack's criteria item is always ``major``), the answer's photos, and the
    risk point the answer was about (an inspection task's point, or its major
    hazard source's). One hazard per finding
    (``hazard_one_per_finding``).
    """
    opened = []
    data = submission.data if isinstance(submission.data, dict) else {}
    grades = enabled_grades()
    for finding in submission.findings or []:
        grade = finding.get("grade") or HazardGrade.GENERAL
        if grade not in grades:
            grade = HazardGrade.MAJOR if grade == HazardGrade.MAJOR else "general"
        answer = data.get(finding["key"]) if finding.get("entry") is None else None
        note = answer.get("note", "") if isinstance(answer, dict) else ""
        description = str(finding.get("label") or finding["key"])
        if note:
            description = f"{description}: {note}"
        hazard = Hazard.objects.create(
            enterprise_id=submission.enterprise_id,
            risk_point_id=risk_point_id,
            submission=submission,
            finding_key=_finding_key(finding),
            description=description[:TEXT_MAX],
            grade=grade,
            reported_by=actor,
        )
        photo_ids = [
            str(reference.get("id"))
            for reference in (
                answer.get("photos") or [] if isinstance(answer, dict) else []
            )
            if isinstance(reference, dict)
        ]
        if photo_ids:
            hazard.photos.set(
                FormUpload.objects.filter(
                    pk__in=photo_ids, enterprise_id=submission.enterprise_id
                )
            )
        hazard_opened(
            hazard,
            actor=actor,
            comment=_("Opened by a checklist answer."),
            submission=submission.pk,
            item=finding["key"],
        )
        opened.append(hazard)
        if hazard.is_major:
            # A criteria item of the standard: reported to the supervisors at
            # once, before the enterprise confirms it.
            report_major_hazard(
                hazard=hazard,
                actor=actor,
                verb=gettext_noop(
                    "Major hazard found by a checklist at %(enterprise)s: %(text)s"
                ),
            )
    return opened


def hazards_open_from_government_inspection(
    *, actor, inspection, findings: Iterable[Mapping[str, Any]]
) -> list[Hazard]:
    """Open a hazard at the inspected enterprise for each finding of a
    government inspection (``core.inspections.government``, which checks
    that ``actor`` is of the inspecting office): its description, location,
    grade and the deadline the office set (责令限期整改), linked to the
    inspection. The enterprise confirms, rectifies and closes it through the
    usual loop; the office follows it in its scope. Problems are reported at
    ``/findings/<n>/<field>``; nothing is stored when any finding is wrong.
    Call it inside the recording service's transaction.
    """
    problems = Problems()
    rows = []
    for index, finding in enumerate(findings):

        def at(name: str, reason: str, keyword: str = "invalid", i: int = index):
            problems.add(("findings", i, name), reason, keyword)

        description = problems.text(
            finding.get("description"),
            ("findings", index, "description"),
            limit=TEXT_MAX,
        )
        location = problems.text(
            finding.get("location"), ("findings", index, "location"), limit=TEXT_MAX
        )[:200]
        grade = problems.choice(
            finding.get("grade"), enabled_grades(), ("findings", index, "grade")
        )
        deadline = problems.date(
            finding.get("deadline"), ("findings", index, "deadline")
        )
        if not description:
            at("description", _("Describe the hazard."), "required")
        if deadline is not None and deadline < timezone.localdate():
            at("deadline", _("The deadline cannot be in the past."))
        rows.append((description, location, grade, deadline))
    problems.raise_any()
    opened = []
    office = inspection.department
    for description, location, grade, deadline in rows:
        hazard = Hazard.objects.create(
            enterprise_id=inspection.enterprise_id,
            government_inspection=inspection,
            description=description,
            location=location,
            grade=grade or HazardGrade.GENERAL,
            how_found=HowFound.OTHER,
            deadline=deadline,
            reported_by=actor,
        )
        hazard_opened(
            hazard,
            actor=actor,
            comment=_("Found by the inspection of %(office)s on %(date)s.")
            % {"office": office.name, "date": inspection.inspected_on},
            government_inspection=inspection.pk,
        )
        opened.append(hazard)
    return opened


def _finding_key(finding: Mapping[str, Any]) -> str:
    entry = finding.get("entry")
    return finding["key"] if entry is None else f"{finding['key']}#{entry}"


def open_from_submitted(sender, *, actor, submission, risk_point_id=None, **kwargs):
    """The receiver of ``core.forms.signals.submission_submitted``."""
    hazards_open_from_submission(
        actor=actor, submission=submission, risk_point_id=risk_point_id
    )
