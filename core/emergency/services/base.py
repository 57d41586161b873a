"""What every emergency write shares: the text limits and the writer check."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.base.errors import Refused
from core.emergency import policy
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for

TEXT_MAX = 20000
SHORT_MAX = 200


def _refuse_unless_writer(actor, enterprise: Enterprise | int) -> None:
    if not policy.can_write(scope_for(actor), enterprise):
        raise Refused(_("Only the enterprise's safety manager records this."))
