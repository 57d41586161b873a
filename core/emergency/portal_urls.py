from django.urls import path

from core.emergency import portal_views
from core.emergency.entry import drills, occupational, plans, rescue, training

app_name = "emergency"

urlpatterns = [
    path("", portal_views.emergency_home, name="home"),
    path("sign/", portal_views.emergency_sign, name="sign"),
    path("drills/new/", portal_views.drill_new, name="drill_new"),
    path("drills/", drills.drills, name="drills"),
    path("drills/plan/new/", drills.drill_plan_new, name="drill_plan_new"),
    path("plans/", plans.plans, name="plans"),
    path("plans/new/", plans.plan_new, name="plan_new"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan"),
    path("plans/<int:pk>/revise/", plans.plan_revise, name="plan_revise"),
    path("plans/<int:pk>/file/", plans.plan_file, name="plan_file"),
    path("rescue/", rescue.rescue, name="rescue"),
    path("rescue/team/", rescue.rescue_team, name="rescue_team"),
    path("rescue/agreements/new/", rescue.agreement_edit, name="agreement_new"),
    path("rescue/agreements/<int:pk>/", rescue.agreement_edit, name="agreement"),
    path("posts/", rescue.posts, name="posts"),
    path("posts/<int:pk>/", rescue.post_content, name="post_content"),
    path("training/", training.training, name="training"),
    path(
        "training/requirements/new/",
        training.requirement_new,
        name="requirement_new",
    ),
    path("training/sessions/new/", training.session_edit, name="session_new"),
    path("training/sessions/<int:pk>/", training.session_edit, name="session"),
    path(
        "training/sessions/<int:pk>/attendance/",
        training.attendance_record,
        name="attendance",
    ),
    path("occupational/", occupational.occupational, name="occupational"),
    path("occupational/exposures/new/", occupational.exposure_new, name="exposure_new"),
    path("occupational/tests/new/", occupational.workplace_test_new, name="test_new"),
]
