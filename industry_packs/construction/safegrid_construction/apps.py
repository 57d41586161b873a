"""The pack as a Django app, so it ships its own translations and templates.

Added to ``INSTALLED_APPS`` only when ``SAFEGRID_PACKS`` enables the pack
(``plugins.packs.pack_apps``): installed is not enabled.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConstructionPackConfig(AppConfig):
    name = "safegrid_construction"
    verbose_name = _("Construction pack")
