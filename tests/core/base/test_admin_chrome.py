"""The admin for government users on an intranet: Chinese throughout, and no
link out of the platform (help menu, home, noscript notice)."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.base.guides import guide_image_url, guide_url
from core.base.wagtail_texts import WAGTAIL_TEXTS

pytestmark = pytest.mark.django_db

ENGLISH_LEFT_BY_WAGTAIL = (
    "New: ",
    "Go to the first error",
    "- Select an option -",
    "Save your changes before leaving",
    "Why not add one",
    "Search all pages",
    "enable-javascript.com",
    "guide.wagtail.org",
    # The keyboard shortcuts dialog on every page, the page title's suffix.
    ">Cut<",
    ">Paste without formatting<",
    ">Toggle minimap<",
    ">Text formatting<",
    "- Wagtail</title>",
)


def get_zh(client, url):
    return client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")


def test_every_listed_wagtail_text_is_translated_by_our_catalogue():
    with translation.override("zh-hans"):
        untranslated = [t for t in WAGTAIL_TEXTS if translation.gettext(t) == t]
        assert untranslated == []
        assert translation.gettext("Inspect") == "查看"
        assert "enable-javascript" not in translation.gettext(
            next(t for t in WAGTAIL_TEXTS if "enable-javascript" in t)
        )


@pytest.mark.parametrize(
    "url",
    [
        "wagtailadmin_home",
        "risk_thresholds:index",
        "risk_thresholds:add",
        "risk_points:index",
        "form_definitions:index",
    ],
)
@pytest.mark.parametrize("who", ["committee", "dept_chemicals"])
def test_admin_pages_show_no_english_left_by_wagtail(client, world, url, who):
    client.force_login(getattr(world, who))
    response = get_zh(client, reverse(url))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ENGLISH_LEFT_BY_WAGTAIL:
        assert text not in html, (url, text)


def test_inspect_reads_as_view(client, world):
    client.force_login(world.committee)
    html = get_zh(client, reverse("risk_points:index")).content.decode()
    assert "检查" not in html


def test_inspect_labels_a_related_list_in_chinese(client, world):
    # A reverse relation's label (the enterprise's contacts) is its model's
    # translated plural, not the untranslated relation name.
    client.force_login(world.committee)
    url = reverse("enterprises:inspect", args=[world.enterprise_a.pk])
    html = get_zh(client, url).content.decode()
    assert "联系人" in html
    assert ">Contacts<" not in html and "Contacts\n" not in html


def test_the_help_menu_points_to_the_platforms_guides(client, world):
    client.force_login(world.dept_chemicals)
    html = get_zh(client, reverse("wagtailadmin_home")).content.decode()
    assert guide_url("admin") in html
    guide = get_zh(client, guide_url("risks"))
    assert guide.status_code == 200
    body = guide.content.decode()
    assert "风险分级管控使用指南" in body
    assert guide_image_url("risk-overview-desktop.png") in body
    assert 'href="http' not in body.split('data-testid="guide"')[1]
    image = client.get(guide_image_url("risk-overview-desktop.png"))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert client.get(guide_url("nope")).status_code == 404
    assert client.get(guide_image_url("../admin.md")).status_code == 404


def test_guides_are_for_government_users_only(client, world):
    url = guide_url("admin")
    assert client.get(url).status_code == 302  # to the admin sign-in
    client.force_login(world.manager_a)
    assert client.get(url).status_code in (302, 403)
