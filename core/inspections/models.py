"""Inspection tasks (排查任务) and the 包保 heads of major hazard sources.

An ``InspectionTask`` is one period slot of one duty: a risk point's control
assignment (its responsible person checks it every period), or one of the
three 包保 heads of a major hazard source at the frequency the pack sets. The
``origin`` names the duty (``point:<id>``, ``baobao:<source>:<role>:<key>``);
``(origin, period_start)`` is unique, so generating twice creates nothing new.
The task names the checklist version to fill; storing its submission marks it
done in the same transaction (``services.task_complete``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import (
    CreatedAt,
    NamedPerEnterprise,
    Timestamped,
    TitledRecord,
    choice_field,
    enterprise_key,
    one_per,
    optional_date,
    optional_key,
    optional_moment,
    parent_key,
    user_stamp,
)
from core.forms.models import FormVersion, Submission
from core.organizations.models import Person
from core.risks.models import RiskPoint


class MajorHazardSource(NamedPerEnterprise, Timestamped):
    """A major hazard source (重大危险源, GB 18218) and its 包保责任人.

    应急厅〔2021〕12号 Art. 3: each source has a main (主要负责人), a technical
    (技术负责人) and an operational (操作负责人) responsible head.
    """

    class Grade(models.TextChoices):
        FIRST = "first", _("Grade 1")
        SECOND = "second", _("Grade 2")
        THIRD = "third", _("Grade 3")
        FOURTH = "fourth", _("Grade 4")

    enterprise = enterprise_key("major_hazard_sources")
    name = models.CharField(_("name"), max_length=200)
    grade = choice_field(_("grade"), Grade, max_length=6, blank=True)
    risk_point = optional_key(
        RiskPoint,
        "major_hazard_sources",
        _("risk point"),
        help_text=_("Its checks use this risk point's checklist."),
    )
    main_head = optional_key(Person, "+", _("main responsible head"))
    technical_head = optional_key(Person, "+", _("technical responsible head"))
    operational_head = optional_key(Person, "+", _("operational responsible head"))

    class Meta(NamedPerEnterprise.Meta):
        verbose_name = _("major hazard source")
        verbose_name_plural = _("major hazard sources")


class HeadRole(models.TextChoices):
    """The three 包保 heads (the pack's ``baobao_*`` schedule roles)."""

    MAIN = "main", _("Main responsible head")
    TECHNICAL = "technical", _("Technical responsible head")
    OPERATIONAL = "operational", _("Operational responsible head")


class TaskSource(models.TextChoices):
    CONTROL = "control", _("Control assignment")
    ASSIGNMENT = "assignment", _("Assigned checklist")
    GOVERNMENT = "government", _("Government inspection")
    BAOBAO = "baobao", _("Major hazard source head")


class TaskStatus(models.TextChoices):
    DUE = "due", _("Due")
    OVERDUE = "overdue", _("Overdue")
    DONE = "done", _("Done")


class InspectionTask(TitledRecord, CreatedAt):
    """One inspection to do in one period slot."""

    enterprise = enterprise_key("inspection_tasks")
    source = choice_field(_("source"), TaskSource)
    origin = models.CharField(_("origin"), max_length=120)
    risk_point = optional_key(
        RiskPoint, "inspection_tasks", _("risk point"), on_delete=models.CASCADE
    )
    hazard_source = optional_key(
        MajorHazardSource,
        "inspection_tasks",
        _("major hazard source"),
        on_delete=models.CASCADE,
    )
    head_role = choice_field(_("as head"), HeadRole, blank=True)
    control_level = models.CharField(_("control level"), max_length=16, blank=True)
    title = models.CharField(_("title"), max_length=300)
    assignee = models.ForeignKey(
        Person,
        null=True,
        on_delete=models.SET_NULL,
        related_name="inspection_tasks",
        verbose_name=_("assignee"),
    )
    version = parent_key(
        FormVersion,
        "inspection_tasks",
        _("checklist version"),
        on_delete=models.PROTECT,
    )
    period_start = models.DateTimeField(_("period start"))
    period_end = models.DateTimeField(_("period end"))
    due_at = models.DateTimeField(_("due"))
    status = choice_field(_("status"), TaskStatus, max_length=8, default=TaskStatus.DUE)
    submission = models.OneToOneField(
        Submission,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspection_task",
        verbose_name=_("submission"),
    )
    done_by = user_stamp(_("done by"))
    done_at = optional_moment(_("done at"))
    done_at_point = models.BooleanField(_("done at the point"), default=False)
    escalation = models.PositiveSmallIntegerField(_("escalation step"), default=0)

    class Meta:
        verbose_name = _("inspection task")
        verbose_name_plural = _("inspection tasks")
        ordering = ["due_at", "pk"]
        constraints = [
            one_per("origin", "period_start", name="inspection_task_slot_unique")
        ]
        indexes = [
            models.Index(
                fields=["assignee", "status", "due_at"], name="insptask_assignee"
            ),
            models.Index(
                fields=["enterprise", "status", "due_at"], name="insptask_enterprise"
            ),
            models.Index(fields=["status", "due_at"], name="insptask_status_due"),
            # The API's order, over a scope and within one enterprise.
            models.Index(fields=["due_at", "id"], name="insptask_order"),
            models.Index(
                fields=["enterprise", "due_at", "id"], name="insptask_ent_order"
            ),
        ]


class GovernmentInspection(CreatedAt):
    """An inspection of an enterprise by a government office (政府检查): an
    industry department, a territorial office (a grid officer) or the
    committee office plans it, then records what it found. Each finding opens
    a hazard at the enterprise (``core.hazards``), linked here, which the
    enterprise confirms and rectifies and the office follows in its scope.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RECORDED = "recorded", _("Recorded")

    department = parent_key(
        "organizations.Department",
        "government_inspections",
        _("inspecting office"),
        on_delete=models.PROTECT,
    )
    enterprise = enterprise_key("government_inspections")
    status = choice_field(_("status"), Status, max_length=12, default=Status.PLANNED)
    planned_on = models.DateField(_("planned for"))
    inspected_on = optional_date(_("inspected on"))
    inspectors = models.CharField(_("inspectors"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    summary = models.TextField(_("summary of the result"), blank=True)
    created_by = user_stamp(_("planned by"), blank=False)
    recorded_by = user_stamp(_("recorded by"))
    recorded_at = optional_moment(_("recorded at"))

    class Meta:
        verbose_name = _("government inspection")
        verbose_name_plural = _("government inspections")
        ordering = ["-planned_on", "-pk"]
        indexes = [
            models.Index(
                fields=["department", "-planned_on", "-id"], name="govinsp_dept_recent"
            ),
            models.Index(
                fields=["enterprise", "-planned_on", "-id"], name="govinsp_ent_recent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.planned_on:%Y-%m-%d}"
