"""The notices' admin screens and their menu entry (government users)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.base.urls import paths_under
from core.notices import admin_views
from core.organizations.menu_hooks import register_scope_menu_item


@hooks.register("register_admin_urls")
def register_notices_urls():
    return paths_under(
        "notices/",
        "notices_admin_",
        [
            ("review/", admin_views.review_list, "review"),
            ("review/<int:pk>/", admin_views.review_detail, "review_detail"),
            ("review/<int:pk>/decide/", admin_views.review_decide, "review_decide"),
            ("issue/", admin_views.issue, "issue"),
            ("issued/", admin_views.issued_list, "issued"),
            ("issued/<int:pk>/edit/", admin_views.issued_edit, "issued_edit"),
            (
                "issued/<int:pk>/withdraw/",
                admin_views.issued_withdraw,
                "issued_withdraw",
            ),
        ],
    )


register_scope_menu_item(
    _("Public notices"),
    "notices_admin_review",
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
