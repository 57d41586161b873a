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
    path("devices/", portal_views.device_list, name="devices"),
    path("devices/<int:pk>/<str:act>/", portal_views.device_act, name="device_act"),
    path("sensors/new/", portal_views.sensor_form, name="sensor_new"),
    path("sensors/<int:pk>/edit/", portal_views.sensor_form, name="sensor_edit"),
]
