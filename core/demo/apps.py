from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo district: ``load_demo`` builds it from the world builder."""

    name = "core.demo"
    label = "demo"
    verbose_name = _("Demo")
