from django.urls import path

from core.emergency import portal_entry, portal_views

app_name = "emergency"

urlpatterns = [
    path("", portal_views.emergency_home, name="home"),
    path("sign/", portal_views.emergency_sign, name="sign"),
    path("drills/new/", portal_views.drill_new, name="drill_new"),
    path("drills/", portal_entry.drills, name="drills"),
    path("drills/plan/new/", portal_entry.drill_plan_new, name="drill_plan_new"),
    path("plans/", portal_entry.plans, name="plans"),
    path("plans/new/", portal_entry.plan_new, name="plan_new"),
    path("plans/<int:pk>/", portal_entry.plan_detail, name="plan"),
    path("plans/<int:pk>/revise/", portal_entry.plan_revise, name="plan_revise"),
    path("plans/<int:pk>/file/", portal_entry.plan_file, name="plan_file"),
    path("rescue/", portal_entry.rescue, name="rescue"),
    path("rescue/team/", portal_entry.rescue_team, name="rescue_team"),
    path("rescue/agreements/new/", portal_entry.agreement_edit, name="agreement_new"),
    path("rescue/agreements/<int:pk>/", portal_entry.agreement_edit, name="agreement"),
    path("posts/", portal_entry.posts, name="posts"),
    path("posts/<int:pk>/", portal_entry.post_content, name="post_content"),
    path("training/", portal_entry.training, name="training"),
    path(
        "training/requirements/new/",
        portal_entry.requirement_new,
        name="requirement_new",
    ),
    path("training/sessions/new/", portal_entry.session_edit, name="session_new"),
    path("training/sessions/<int:pk>/", portal_entry.session_edit, name="session"),
    path(
        "training/sessions/<int:pk>/attendance/",
        portal_entry.attendance_record,
        name="attendance",
    ),
    path("occupational/", portal_entry.occupational, name="occupational"),
    path("occupational/exposures/new/", portal_entry.exposure_new, name="exposure_new"),
    path("occupational/tests/new/", portal_entry.workplace_test_new, name="test_new"),
]
