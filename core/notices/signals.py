"""Receivers: the public site's tree after a migrate, the commitment page
when an enterprise first publishes its commitment notice."""

from __future__ import annotations


def public_site_after_migrate(sender, **kwargs) -> None:
    from core.notices.services import ensure_public_site

    ensure_public_site()


def commitment_page_on_submission(sender, instance, created, **kwargs) -> None:
    from core.forms.models import SubmissionStatus
    from core.notices.selectors import public_forms
    from core.notices.services import ensure_commitment_page

    if instance.status == SubmissionStatus.RETURNED:
        return
    definition = instance.definition
    if definition.department_id is not None or definition.key not in public_forms():
        return
    ensure_commitment_page(instance.enterprise, published=True)
