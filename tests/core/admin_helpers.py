"""Helpers for the tests of SafeGrid's Wagtail admin screens."""

from __future__ import annotations

from django.urls import reverse


def assert_sent_to_login(response):
    """Users without ``wagtailadmin.access_admin`` go to the admin login."""
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def assert_permission_denied(response):
    """Wagtail answers a refused action with a redirect to the admin home."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def enterprise_form_data(enterprise, **changes):
    """What the enterprise edit form posts for ``enterprise``, with ``changes``."""
    data = {
        "name": enterprise.name,
        "uscc": enterprise.uscc,
        "legal_representative": enterprise.legal_representative,
        "industries": [
            str(pk) for pk in enterprise.industries.values_list("pk", flat=True)
        ],
        "jurisdiction": str(enterprise.jurisdiction_id),
        "address": enterprise.address,
        "latitude": str(enterprise.latitude or ""),
        "longitude": str(enterprise.longitude or ""),
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data
