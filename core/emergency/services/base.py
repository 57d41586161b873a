"""What every emergency write shares: the text limits and the writer check."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from core.base.errors import Refused
from core.emergency import policy
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for

TEXT_MAX = 20000
SHORT_MAX = 200


def _refuse_unless_writer(
    actor, enterprise: Enterprise | int, *, changing: Any = None
) -> None:
    """Refuse anyone but the enterprise's writer, and a change of a record
    (``changing``, None for a new one) of another enterprise."""
    enterprise_id = getattr(enterprise, "pk", enterprise)
    if not policy.can_write(scope_for(actor), enterprise) or (
        changing is not None and changing.enterprise_id != enterprise_id
    ):
        raise Refused(_("Only the enterprise's safety manager records this."))
