"""Guided entry: one way to fill something step by step in the portal.

Every guided entry (the checklist fill, the risk point wizard, and the
hazards' inspection and report forms to come) is a ``GuidedWizard``
(``core.guided.views``) on django-formtools, with:

- one draft storage (``core.guided.storage.DraftStorage``): the draft row
  holds the *canonical data* of what is entered — the answer JSON of a
  checklist, the data object of a risk point — and the step the user is on,
  never raw form posts. A step's form data is derived from the canonical
  data when formtools asks for it; a draft is written only when the data or
  the step changed, so opening something and leaving writes nothing;
- one navigation behaviour: "back", a step of the progress bar and "save
  draft" keep what was typed on the current step (its fields that are valid
  on their own when the step is not), "next" validates the step once;
- one portal entry guard (``core.portal.frame.portal_entry``, the guard of
  every portal page): signed in, an enterprise user of the portal, then the
  entry's own permission.

docs/guided.md describes the contract an entry implements.
"""
