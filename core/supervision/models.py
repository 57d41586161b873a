"""Supervision: the territories' boundaries for the four-colour risk map.

A boundary is GeoJSON kept as JSON (no GIS extension: the same on SQLite and
PostgreSQL); ``core.supervision.geometry`` validates and draws it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.organizations.models import Jurisdiction
from core.supervision.geometry import validate_boundary


class TerritoryBoundary(models.Model):
    """The boundary of a jurisdiction (district, street, town or grid).

    ``geometry`` is a GeoJSON ``Polygon`` or ``MultiPolygon`` in WGS 84
    longitude/latitude, the default offline base layer of the map.
    """

    jurisdiction = models.OneToOneField(
        Jurisdiction,
        on_delete=models.CASCADE,
        related_name="boundary",
        verbose_name=_("jurisdiction"),
    )
    geometry = models.JSONField(
        _("boundary"),
        validators=[validate_boundary],
        help_text=_(
            "A GeoJSON Polygon or MultiPolygon, longitude then latitude (WGS 84)."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("territory boundary")
        verbose_name_plural = _("territory boundaries")

    def __str__(self) -> str:
        return str(self.jurisdiction)
