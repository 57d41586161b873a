"""The campaigns' admin pages and their menu item (government roles)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.base.admin_hooks import register_admin_pages
from core.campaigns import views
from core.organizations.menu_hooks import register_scope_menu_item

register_admin_pages(
    "campaigns/",
    "campaigns",
    [
        path("", views.CampaignListView.as_view(), name="list"),
        path("new/", views.CampaignCreateView.as_view(), name="create"),
        path("<int:pk>/", views.CampaignDetailView.as_view(), name="detail"),
        path(
            "<int:pk>/assessment/",
            views.AssessmentView.as_view(),
            name="assessment",
        ),
        path("directives/", views.DirectiveListView.as_view(), name="directives"),
        path(
            "directives/new/", views.DirectiveSendView.as_view(), name="directive_send"
        ),
        path(
            "directives/<int:pk>/",
            views.DirectiveDetailView.as_view(),
            name="directive",
        ),
        path("checks/", views.CheckListView.as_view(), name="checks"),
        path("checks/new/", views.CheckRecordView.as_view(), name="check_record"),
        path("checks/sample/", views.SampleDrawView.as_view(), name="sample_draw"),
        path(
            "checks/samples/<int:pk>/",
            views.SampleDetailView.as_view(),
            name="sample",
        ),
    ],
)

register_scope_menu_item(
    _("Rollout and directives"),
    "campaigns:list",
    name="campaigns",
    icon_name="tasks",
    order=160,
)
