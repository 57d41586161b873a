"""Doing an inspection task: the guided form filling of core/forms, bound to
the task.

``InspectionFillWizard`` is ``FormFillWizard`` (server drafts, one step per
section, a review page) with the task's checklist version as its target;
submitting calls ``services.task_complete``, which stores the submission and
marks the task done in one transaction. A task done after scanning the risk
point's QR code is recorded as done at the point (the scan leaves the task's
id in the session, see ``portal_views.scan``).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.forms import services as form_services
from core.forms.portal_drafts import REVIEW, FillTarget
from core.forms.portal_wizard import FormFillWizard
from core.forms.validation import answers_prune_hidden
from core.inspections import services
from core.inspections.models import TaskStatus
from core.inspections.selectors import task_for

AT_POINT_SESSION_KEY = "inspections_at_point"

__all__ = ["AT_POINT_SESSION_KEY", "REVIEW", "InspectionFillWizard"]


class InspectionFillWizard(FormFillWizard):
    saved_draft_url = "inspections:todo"

    @property
    def saved_draft_message(self) -> str:
        return _("Your draft was saved. Continue it from “My inspections”.")

    def setup_entry(self, **kwargs) -> None:
        task = task_for(scope=self.scope, user=self.request.user, pk=kwargs["pk"])
        if task is None:
            raise Http404
        self.task = task
        super().setup_entry(**kwargs)

    def resolve_target(self, **kwargs) -> FillTarget:
        return FillTarget(version=self.task.version, enterprise=self.enterprise)

    def get_step_url(self, step):
        return reverse("inspections:fill_step", args=[self.task.pk, step])

    def refusal(self):
        try:
            services.task_permitted(actor=self.request.user, task=self.task)
        except services.TaskRefused as refused:
            messages.error(self.request, str(refused))
            return redirect("inspections:todo")
        if self.task.status == TaskStatus.DONE:
            messages.info(self.request, _("This inspection was already done."))
            return redirect("inspections:todo")
        if self.conflict is not None:
            messages.info(
                self.request,
                _(
                    "You are correcting a returned submission of this checklist; "
                    "finish the correction first."
                ),
            )
            return redirect("inspections:todo")
        return None

    def submit(self):
        answers = answers_prune_hidden(
            self.target.version.ui_schema, self.storage.canonical
        )
        at_point = self.task.pk in self.request.session.get(AT_POINT_SESSION_KEY, [])
        try:
            services.task_complete(
                actor=self.request.user, task=self.task, data=answers, at_point=at_point
            )
        except form_services.AnswersInvalid as invalid:
            return self.to_first_error(invalid.errors) or redirect(
                self.get_step_url(self.done_step_name)
            )
        except services.TaskRefused as refused:
            messages.error(self.request, str(refused))
            return redirect("inspections:todo")
        self.storage.finished = True
        if at_point:
            marks = self.request.session.get(AT_POINT_SESSION_KEY, [])
            self.request.session[AT_POINT_SESSION_KEY] = [
                pk for pk in marks if pk != self.task.pk
            ]
        messages.success(
            self.request, _("Inspection done: %(title)s") % {"title": self.task.title}
        )
        return redirect("inspections:todo")

    def base_context(self):
        context = super().base_context()
        context["discard_url"] = reverse("inspections:discard", args=[self.task.pk])
        context["inspection_task"] = self.task
        return context
