"""The assessment (考核) of the industry departments and the street and town
offices on a campaign: its progress in their part and the acceptance and spot
checks of their enterprises in a period.

For each office:

    progress   = established targets / targets in its part × 100
    acceptance = passed checks / checks of its enterprises in the period × 100
    score      = (w_p · progress + w_a · acceptance) / (w_p + w_a)

with the weights of the setting *考核权重* (``AssessmentWeights``, the
committee office's); an office without checks in the period is scored on
progress alone, one without targets is not scored. ``passed`` = score ≥ the
pass mark. An industry department's part is the targets of its industries; a
street or town office's the targets inside its territory.

Budget: the campaign's targets (2), progress per department (1) and per
territory (1), checks per department (1) and per territory (1), the offices
(2) — the same whatever the number of enterprises.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from core.campaigns.criteria import criterion_conditions
from core.campaigns.models import AcceptanceCheck, AssessmentWeights, Campaign
from core.campaigns.progress import _established, target_condition
from core.organizations.models import Department, Enterprise, Jurisdiction


@dataclass(frozen=True)
class AssessmentRow:
    office: str
    kind: str
    targets: int
    established: int
    progress: float | None
    checks: int
    passed_checks: int
    acceptance: float | None
    score: float | None
    passed: bool | None


@dataclass(frozen=True)
class Assessment:
    campaign: Campaign
    start: datetime.date
    end: datetime.date
    rows: list[AssessmentRow]
    progress_weight: int
    acceptance_weight: int
    pass_mark: int


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _score(progress, acceptance, wp: int, wa: int) -> float | None:
    if progress is None:
        return None
    if acceptance is None or wp + wa == 0:
        return progress
    return round((wp * progress + wa * acceptance) / (wp + wa), 1)


def campaign_assessment(
    campaign: Campaign, *, start: datetime.date, end: datetime.date
) -> Assessment:
    """The table of every industry department and territorial office (see
    the module); for the committee office, which sees everything."""
    settings = AssessmentWeights.load()
    wp, wa, mark = (
        settings.progress_weight,
        settings.acceptance_weight,
        settings.pass_mark,
    )
    conditions = criterion_conditions(campaign.criteria, end)
    targets = Enterprise.objects.filter(target_condition(campaign))
    established = _established(conditions)

    by_department = {
        row["industries__departments"]: row
        for row in targets.filter(
            industries__departments__kind=Department.Kind.INDUSTRY
        )
        .values("industries__departments")
        .annotate(
            total=Count("pk", distinct=True),
            established=Count("pk", filter=established, distinct=True),
        )
        .order_by()
    }
    checks = AcceptanceCheck.objects.filter(
        checked_on__gte=start, checked_on__lte=end, enterprise__in=targets.values("pk")
    )
    checks_by_department = {
        row["enterprise__industries__departments"]: row
        for row in checks.values("enterprise__industries__departments")
        .annotate(
            total=Count("pk", distinct=True),
            passed=Count("pk", filter=Q(passed=True), distinct=True),
        )
        .order_by()
    }
    prefix = 2 * Jurisdiction.steplen
    by_territory = {
        row["territory"]: row
        for row in targets.annotate(territory=Substr("jurisdiction__path", 1, prefix))
        .values("territory")
        .annotate(total=Count("pk"), established=Count("pk", filter=established))
        .order_by()
    }
    checks_by_territory = {
        row["territory"]: row
        for row in checks.annotate(
            territory=Substr("enterprise__jurisdiction__path", 1, prefix)
        )
        .values("territory")
        .annotate(total=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
        .order_by()
    }
    rows = []
    for department in Department.objects.filter(kind=Department.Kind.INDUSTRY).order_by(
        "name"
    ):
        rows.append(
            _row(
                department.name,
                "industry",
                by_department.get(department.pk, {}),
                checks_by_department.get(department.pk, {}),
                wp,
                wa,
                mark,
            )
        )
    for department in (
        Department.objects.filter(
            kind=Department.Kind.TERRITORIAL, jurisdiction__isnull=False
        )
        .select_related("jurisdiction")
        .order_by("name")
    ):
        assert department.jurisdiction is not None
        path = department.jurisdiction.path
        progress: dict
        checked: dict
        if len(path) == prefix:
            progress = dict(by_territory.get(path, {}))
            checked = dict(checks_by_territory.get(path, {}))
        else:  # a grid or the district: add up the streets below or above
            progress = _sum(by_territory, path, prefix, ("total", "established"))
            checked = _sum(checks_by_territory, path, prefix, ("total", "passed"))
        rows.append(
            _row(department.name, "territorial", progress, checked, wp, wa, mark)
        )
    return Assessment(campaign, start, end, rows, wp, wa, mark)


def _sum(rows: dict, path: str, prefix: int, keys) -> dict:
    if len(path) > prefix:
        return {}  # a grid office: not assessed on the street's figures
    return {
        key: sum(
            row[key] for territory, row in rows.items() if territory.startswith(path)
        )
        for key in keys
    }


def _row(office, kind, progress, checked, wp, wa, mark) -> AssessmentRow:
    share = _percent(progress.get("established", 0), progress.get("total", 0))
    acceptance = _percent(checked.get("passed", 0), checked.get("total", 0))
    score = _score(share, acceptance, wp, wa)
    return AssessmentRow(
        office=office,
        kind=kind,
        targets=progress.get("total", 0),
        established=progress.get("established", 0),
        progress=share,
        checks=checked.get("total", 0),
        passed_checks=checked.get("passed", 0),
        acceptance=acceptance,
        score=score,
        passed=None if score is None else score >= mark,
    )


def assessment_circular(assessment: Assessment) -> tuple[str, str]:
    """The assessment as a circular's title and body (HTML, every value
    escaped), for ``core.notices.services.create_circular`` once it exists."""
    title = _("Circular on the assessment of %(campaign)s (%(start)s to %(end)s)") % {
        "campaign": assessment.campaign.title,
        "start": assessment.start.isoformat(),
        "end": assessment.end.isoformat(),
    }
    scored = [row for row in assessment.rows if row.score is not None]
    failed = [row.office for row in scored if not row.passed]

    def number(value) -> str:
        return "—" if value is None else f"{value}"

    intro = format_html(
        "<p>{}</p>",
        _(
            "Progress weighs %(wp)d, acceptance results %(wa)d; the pass mark is %(mark)d."
        )
        % {
            "wp": assessment.progress_weight,
            "wa": assessment.acceptance_weight,
            "mark": assessment.pass_mark,
        },
    )
    head = format_html(
        "<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        _("Office"),
        _("Established (%)"),
        _("Checks passed (%)"),
        _("Score"),
        _("Result"),
    )
    body = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                row.office,
                number(row.progress),
                number(row.acceptance),
                number(row.score),
                _("Passed") if row.passed else _("Failed"),
            )
            for row in sorted(scored, key=lambda r: -(r.score or 0))
        ),
    )
    closing = format_html(
        "<p>{}</p>",
        _("Offices below the pass mark: %(offices)s.") % {"offices": "、".join(failed)}
        if failed
        else _("Every assessed office reached the pass mark."),
    )
    html = format_html(
        "{}<table><thead>{}</thead><tbody>{}</tbody></table>{}",
        intro,
        head,
        body,
        closing,
    )
    return title, str(html)
