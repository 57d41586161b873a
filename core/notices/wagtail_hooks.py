"""The notices' admin screens and their menu entry (government users)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.notices import admin_views
from core.organizations.menu import ScopeMenuItem


@hooks.register("register_admin_urls")
def register_notices_urls():
    return [
        path("notices/review/", admin_views.review_list, name="notices_admin_review"),
        path(
            "notices/review/<int:pk>/",
            admin_views.review_detail,
            name="notices_admin_review_detail",
        ),
        path(
            "notices/review/<int:pk>/decide/",
            admin_views.review_decide,
            name="notices_admin_review_decide",
        ),
        path("notices/issue/", admin_views.issue, name="notices_admin_issue"),
        path("notices/issued/", admin_views.issued_list, name="notices_admin_issued"),
        path(
            "notices/issued/<int:pk>/edit/",
            admin_views.issued_edit,
            name="notices_admin_issued_edit",
        ),
        path(
            "notices/issued/<int:pk>/withdraw/",
            admin_views.issued_withdraw,
            name="notices_admin_issued_withdraw",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_notices_menu_item():
    return ScopeMenuItem(
        _("Public notices"),
        reverse("notices_admin_review"),
        name="public-notices",
        icon_name="doc-full",
        order=330,
    )


# The page chooser and the explorer apply no page permissions of their own:
# a government user could read the titles of enterprises' drafts there,
# across scopes. Outside the superuser, they list published pages only
# (whose titles are public anyway).
@hooks.register("construct_page_chooser_queryset")
def only_live_pages_in_the_chooser(pages, request):
    return pages if request.user.is_superuser else pages.live()


@hooks.register("construct_explorer_page_queryset")
def only_live_pages_in_the_explorer(parent_page, pages, request):
    return pages if request.user.is_superuser else pages.live()
