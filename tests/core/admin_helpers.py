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


def listed_ids(client, url: str, link: str) -> list[int]:
    """The keys of the rows an admin list at ``url`` shows, in its order: the
    numbers after ``link`` (a row's link, e.g. ``/admin/hazards/inspect/``)."""
    import re

    page = client.get(url).content.decode()
    found = re.findall(re.escape(link) + r"(\d+)/", page)
    return list(dict.fromkeys(int(pk) for pk in found))


def assert_not_sortable(client, url: str, link: str, keys, *, sortable: str):
    """Headers ``keys`` of the list at ``url`` have no sort link and their
    ``?ordering=`` (either way) leaves the default order; ``sortable`` has one."""
    default = listed_ids(client, url, link)
    for key in keys:
        for ordering in (key, f"-{key}"):
            assert listed_ids(client, f"{url}?ordering={ordering}", link) == default
    html = client.get(url).content.decode()
    assert f"ordering={sortable}" in html or f"ordering=-{sortable}" in html
    for key in keys:
        assert f"ordering={key}" not in html and f"ordering=-{key}" not in html
