"""The audit log in the Wagtail admin."""

from auditlog.models import LogEntry
from django.urls import path
from wagtail import hooks

from core.audit.actors import actor_autocomplete
from core.audit.viewsets import LogEntryViewSet
from core.base.admin_hooks import read_only_in_admin

# Entries are written by the audit log alone: nobody edits one in the admin,
# not even a superuser.
read_only_in_admin(LogEntry)
hooks.register("register_admin_viewset", LogEntryViewSet)


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
