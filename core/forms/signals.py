"""What the forms engine tells other apps, without importing them.

``submission_submitted`` is sent by ``submission_submit`` inside its
transaction, once the submission and its first revision are stored, with
``actor``, ``submission`` and ``risk_point_id`` (the point an inspection's
answer was about, or None). A receiver's error undoes the submission: the
hidden-hazards app opens a hazard per finding this way
(``core.hazards.apps``), and a failure stores neither.
"""

from django.dispatch import Signal

submission_submitted = Signal()
