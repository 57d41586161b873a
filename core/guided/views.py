"""The one navigation behaviour of guided entries (behind the portal's one entry guard).

``GuidedWizard`` is a django-formtools ``NamedUrlWizardView`` whose state is
the canonical data of ``core.guided.storage.DraftStorage``. An entry
supplies:

- ``admit(scope, enterprise)``: its own permission (raise ``PermissionDenied``
  or ``core.base.errors.Refused``), after ``core.portal.frame.portal_entry`` admitted the user;
- ``draft_load()`` → ``(data, step)`` or None, ``draft_initial()`` → the data
  it starts from, ``draft_write(data, step)`` → whether it was written,
  ``draft_worth_keeping(data)`` → whether changed data starts a draft;
- ``step_form_data(step, data)`` → a step's form data (unprefixed field
  names) derived from the canonical data, or None when the step holds
  nothing yet (it then opens blank);
- ``absorb(step, form)`` → put what the posted step form holds into
  ``self.storage.canonical`` and say whether the step is valid; the step form
  is validated once, here;
- ``after_last_step()``, ``render_done_step()`` and ``post_done_step()``:
  what follows the last form step (the review page, the save).

Navigation: "back" or a step of the progress bar (``wizard_goto_step``) and
"save draft" (``wizard_save_draft``) keep what was typed on the current step,
valid or not; "next" goes on only when the step is valid.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlWizardView

from core.portal.frame import portal_entry, render_portal


class GuidedWizard(NamedUrlWizardView):
    """The base of every guided entry (see the module's docstring)."""

    storage_name = "core.guided.storage.DraftStorage"
    #: The admin page a government user is sent to (None: 403).
    government_to: str | None = None
    #: Where "save draft and close" goes, and what it says.
    saved_draft_url: str = "portal:home"
    saved_draft_message: str = ""

    # -- who, what -------------------------------------------------------------------
    def dispatch(self, request, *args, **kwargs):
        scope, enterprise, refused = portal_entry(
            request, government_to=self.government_to
        )
        if refused is not None:
            return refused
        self.scope, self.enterprise = scope, enterprise
        self.admit(scope, enterprise)
        self.setup_entry(**kwargs)
        request.guided_entry = self
        return super().dispatch(request, *args, **kwargs)

    def admit(self, scope, enterprise) -> None:
        """The entry's own permission: raise to refuse."""

    def setup_entry(self, **kwargs) -> None:
        """Resolve what is entered (from the URL) before the storage loads."""

    # -- the entry's contract ------------------------------------------------------------
    def draft_load(self) -> tuple[dict[str, Any], str] | None:
        raise NotImplementedError

    def draft_initial(self) -> dict[str, Any]:
        return {}

    def draft_write(self, data: dict[str, Any], step: str) -> bool:
        raise NotImplementedError

    def draft_worth_keeping(self, data: dict[str, Any]) -> bool:
        """Whether changed data that has no draft yet starts one (by default
        any change does)."""
        return True

    def step_form_data(self, step: str, data: dict[str, Any]) -> dict | None:
        raise NotImplementedError

    def absorb(self, step: str, form) -> bool:
        raise NotImplementedError

    def refusal(self):
        """A response when the entry cannot be continued now, else None."""
        return None

    def open_data(self, step: str):
        """The data a step opens with on a GET: the stored step (bound, so its
        problems show), or None to open from initial values."""
        return self.storage.get_step_data(step)

    def after_last_step(self):
        raise NotImplementedError

    def render_done_step(self):
        raise NotImplementedError

    def post_done_step(self):
        raise NotImplementedError

    # -- navigation ------------------------------------------------------------------
    def get(self, request, *args, **kwargs):
        refused = self.refusal()
        if refused:
            return refused
        step = kwargs.get("step")
        if step == self.done_step_name:
            return self.render_done_step()
        if step not in self.get_form_list():
            return redirect(self.get_step_url(self.resume_step()))
        self.storage.current_step = step
        return self.render(self.get_form(step, data=self.open_data(step)))

    def resume_step(self) -> str:
        """Where the user stopped (the first step when that step is gone)."""
        if self.storage.step == self.done_step_name:
            return self.done_step_name
        current = self.steps.current
        return current if current in self.get_form_list() else self.steps.first

    def post(self, request, *args, **kwargs):
        refused = self.refusal()
        if refused:
            return refused
        if kwargs.get("step") == self.done_step_name:
            return self.post_done_step()
        management = ManagementForm(request.POST, prefix=self.prefix)
        if not management.is_valid():
            raise SuspiciousOperation(_("The form's step is missing from the request."))
        step = management.cleaned_data["current_step"]
        if step not in self.get_form_list():
            return redirect(self.get_step_url(self.resume_step()))
        self.storage.current_step = step
        form = self.get_form(step, data=request.POST, files=request.FILES)
        valid = self.absorb(step, form)
        goto = request.POST.get("wizard_goto_step")
        if "wizard_save_draft" in request.POST:
            messages.success(request, self.saved_draft_message)
            return redirect(self.saved_draft_url)
        if goto in self.get_form_list():
            self.storage.current_step = goto
            return redirect(self.get_step_url(goto))
        if goto == self.done_step_name:
            return redirect(self.get_step_url(self.done_step_name))
        if not valid:
            return self.render(form)
        following = self.get_next_step(step)
        if following is None:
            return self.after_last_step()
        self.storage.current_step = following
        return redirect(self.get_step_url(following))

    # -- rendering: in the portal's frame ----------------------------------------------
    def render_page(self, template: str, context: dict[str, Any], status: int = 200):
        return render_portal(
            self.request,
            template,
            scope=self.scope,
            enterprise=self.enterprise,
            context=context,
            status=status,
        )

    def render_to_response(self, context, **response_kwargs):
        return self.render_page(self.template_name, context)

    def render_revalidation_failure(self, failed_step, form, **kwargs):
        self.storage.current_step = failed_step
        return redirect(self.get_step_url(failed_step) + "?check=1")
