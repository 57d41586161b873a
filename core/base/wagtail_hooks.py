"""The admin's chrome for an intranet: the help menu points to the platform's
own guides (``core.base.guides``), never to Wagtail's site on the internet.

Wagtail's texts left in English or mistranslated are translated in our
catalogue (``core.base.wagtail_texts``), not by copying Wagtail's templates.
"""

from django.urls import path
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.base import guides

# Help items Wagtail adds that lead outside the platform.
OUTSIDE_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [
        # The guide and the image are query parameters: these pages belong to
        # no enterprise or department, so their URLs carry no object.
        path("guide/", guides.guide, name="safegrid_guide"),
        path("guide/image/", guides.guide_image, name="safegrid_guide_image"),
    ]


@hooks.register("construct_help_menu")
def platform_guides_in_help_menu(request, menu_items):
    menu_items[:] = [
        item for item in menu_items if not item.name.startswith(OUTSIDE_HELP_ITEMS)
    ]
    for order, (slug, (_file, label)) in enumerate(guides.GUIDES.items()):
        menu_items.append(
            MenuItem(
                label,
                guides.guide_url(slug),
                name=f"guide-{slug}",
                icon_name="help",
                order=900 + order,
            )
        )
