from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """What every domain app builds on: admin scaffolding, permission policies."""

    name = "core.base"
    label = "base"
    verbose_name = _("Platform")
