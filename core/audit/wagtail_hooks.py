"""The audit log in the Wagtail admin."""

from auditlog.models import LogEntry
from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.audit.actors import actor_autocomplete
from core.audit.viewsets import LogEntryViewSet
from core.base.admin_views import ReadOnlyPermissionPolicy

# Registered before any view asks Wagtail for LogEntry's policy (Wagtail
# would otherwise create its default, which lets a superuser edit entries).
register_permission_policy(LogEntry, ReadOnlyPermissionPolicy(LogEntry))


@hooks.register("register_admin_viewset")
def register_audit_log_viewset():
    return LogEntryViewSet()


@hooks.register("register_admin_urls")
def register_actor_autocomplete():
    # The log's "who" filter asks here as the reader types (core.audit.actors).
    return [
        path(
            "audit/actors/autocomplete/",
            actor_autocomplete,
            name="safegrid_audit_actor_autocomplete",
        )
    ]
