from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """What every domain app builds on: admin scaffolding, permission policies."""

    name = "core.base"
    label = "base"
    verbose_name = _("Platform")

    def ready(self) -> None:
        # The kept admin sidebars are forgotten when what decides Wagtail's
        # own menu items changes: a group's page or collection permissions,
        # a user's groups (core.base.sidebar).
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.models import GroupCollectionPermission, GroupPagePermission

        from core.base.sidebar import bump_version, install

        install()

        for model in (GroupPagePermission, GroupCollectionPermission):
            post_save.connect(
                bump_version,
                sender=model,
                dispatch_uid=f"sidebar-{model.__name__}-save",
            )
            post_delete.connect(
                bump_version,
                sender=model,
                dispatch_uid=f"sidebar-{model.__name__}-delete",
            )
        m2m_changed.connect(
            bump_version,
            sender=get_user_model().groups.through,
            dispatch_uid="sidebar-user-groups",
        )
