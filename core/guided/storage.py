"""The one draft storage of guided entries (a django-formtools storage).

formtools keeps a wizard's state in a storage object: the current step and
each step's posted data. ``DraftStorage`` keeps instead the entry's canonical
data (a JSON object) and the step, loaded from and written to the entry's
draft row through the wizard (``draft_load`` / ``draft_write``): a step's form
data is derived from the canonical data (``step_form_data``), and what a step
form holds is put into the canonical data by the wizard (``absorb``), so no
raw form post is ever stored.

A draft is written after a request only when something changed; a draft
that does not exist yet is written only once the data differs from what the
entry starts from (a new answer, the risk point being edited, a library
entry), so opening an entry and leaving creates nothing.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from django.utils.datastructures import MultiValueDict
from formtools.wizard.storage.base import BaseStorage


def _dump(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


class DraftStorage(BaseStorage):
    """formtools storage over the canonical data of a guided entry's draft.

    ``data`` is the canonical data (a dict), ``step`` the step the user is
    on (a form step, or a name the wizard gives a page after the form steps,
    such as its review). The wizard is ``request.guided_entry`` (set by
    ``GuidedWizard.dispatch`` before formtools builds the storage).
    """

    def __init__(self, prefix, request=None, file_storage=None):
        super().__init__(prefix, request, file_storage)
        self.entry = request.guided_entry
        self.init_data()
        loaded = self.entry.draft_load()
        self.exists = loaded is not None
        if loaded is not None:
            self.canonical, self.step = loaded
        else:
            self.canonical, self.step = self.entry.draft_initial(), ""
        self.canonical = copy.deepcopy(self.canonical)
        self.finished = False
        self._initial = _dump(self.canonical)
        self._saved = self._snapshot()

    def _snapshot(self) -> str:
        return _dump([self.canonical, self.step])

    # -- formtools' storage API ------------------------------------------------------
    def _get_current_step(self):
        steps = list(self.entry.get_form_list())
        if self.step in steps:
            return self.step
        if self.step and steps:
            return steps[-1]  # a page after the form steps (review, done)
        return steps[0] if steps else None

    def _set_current_step(self, step):
        self.step = step or ""

    current_step = property(_get_current_step, _set_current_step)

    def get_step_data(self, step):
        data = self.entry.step_form_data(step, self.canonical)
        if data is None:
            return None
        return MultiValueDict(
            {
                f"{step}-{name}": value if isinstance(value, list) else [value]
                for name, value in data.items()
            }
        )

    def set_step_data(self, step, cleaned_data):
        """Nothing to keep: the wizard puts the step into the canonical data."""

    def get_step_files(self, step):
        return None

    def set_step_files(self, step, files):
        """Nothing to keep: files are stored as uploads the data refers to."""

    def reset(self):
        self.canonical, self.step = self.entry.draft_initial(), ""
        self.init_data()

    # -- writing ------------------------------------------------------------------------
    @property
    def changed_from_start(self) -> bool:
        return _dump(self.canonical) != self._initial

    def update_response(self, response):
        super().update_response(response)
        if self.finished or self._snapshot() == self._saved:
            return
        if not self.exists and not (
            self.changed_from_start and self.entry.draft_worth_keeping(self.canonical)
        ):
            return  # opened, moved around, nothing typed: no row
        if self.entry.draft_write(self.canonical, self.step):
            self.exists = True
            self._saved = self._snapshot()
