from django.urls import path

from core.monitoring import portal_views

app_name = "monitoring"

urlpatterns = [
    path("", portal_views.sensor_board, name="list"),
    path("live.json", portal_views.sensor_live, name="live"),
    path("sensors/<int:pk>/", portal_views.sensor_detail, name="sensor"),
    path(
        "sensors/<int:pk>/history.json",
        portal_views.sensor_history_json,
        name="history",
    ),
    path("alarms/<int:pk>/<str:act>/", portal_views.alarm_act, name="alarm_act"),
]
