from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PacksConfig(AppConfig):
    """The core's side of the plugin host: syncing what packs contribute."""

    name = "core.packs"
    label = "packs"
    verbose_name = _("Industry packs")
