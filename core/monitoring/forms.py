"""The portal's set-up forms: a device, and a sensor point on a risk point.

They only shape the input; the rules (limits rising, whole seconds, the
device and risk point of the same enterprise, who may) are the services'
(``core.monitoring.services``), whose messages are put at the fields.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.monitoring.models import SENSOR_FIELDS, Device
from core.monitoring.services import pack_parameters
from core.risks.models import RiskPoint


class DeviceForm(forms.Form):
    name = forms.CharField(
        label=_("Device name"),
        max_length=120,
        help_text=_("A transmitter, an RTU or a gateway, e.g. “tank farm RTU”."),
    )


def parameter_choices(enterprise) -> list[tuple[str, str]]:
    """The parameters the packs of the enterprise's industries declare."""
    codes = set(enterprise.industries.values_list("code", flat=True))
    choices = [
        (parameter.key, f"{parameter.name} ({parameter.unit})")
        for parameter in pack_parameters().values()
        if parameter.industry in codes
    ]
    return [("", _("— my own parameter (name and unit below) —")), *choices]


class SensorForm(forms.Form):
    name = forms.CharField(label=_("Sensor name"), max_length=120)
    risk_point = forms.ModelChoiceField(
        label=_("Risk point"), queryset=RiskPoint.objects.none()
    )
    device = forms.ModelChoiceField(
        label=_("Device"),
        queryset=Device.objects.none(),
        required=False,
        help_text=_("The device whose key sends this sensor's readings."),
    )
    parameter_key = forms.ChoiceField(
        label=_("Parameter of the industry pack"), required=False
    )
    parameter = forms.CharField(
        label=_("Parameter"),
        max_length=120,
        required=False,
        help_text=_("Filled from the pack's parameter when left empty."),
    )
    unit = forms.CharField(
        label=_("Unit"),
        max_length=20,
        required=False,
        help_text=_("Filled from the pack's parameter when left empty."),
    )
    low_low = forms.FloatField(label=_("Low-low limit"), required=False)
    low = forms.FloatField(label=_("Low limit"), required=False)
    high = forms.FloatField(label=_("High limit"), required=False)
    high_high = forms.FloatField(label=_("High-high limit"), required=False)
    deadband = forms.FloatField(
        label=_("Deadband"),
        required=False,
        help_text=_(
            "A state is left only when the value is back past the limit by this "
            "much (hysteresis)."
        ),
    )
    min_duration = forms.IntegerField(
        label=_("Minimum duration (s)"),
        required=False,
        help_text=_("A crossing counts once it has lasted this many seconds."),
    )
    no_data_after = forms.IntegerField(
        label=_("No data after (s)"),
        required=False,
        initial=300,
        help_text=_("A “no data” alarm is raised after this long without a reading."),
    )

    def __init__(self, *args, enterprise, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["risk_point"].queryset = RiskPoint.objects.filter(
            enterprise=enterprise
        ).order_by("name", "pk")
        self.fields["device"].queryset = Device.objects.filter(
            enterprise=enterprise, revoked_at__isnull=True
        ).order_by("name", "pk")
        self.fields["parameter_key"].choices = parameter_choices(enterprise)

    def service_data(self) -> dict:
        return {field: self.cleaned_data.get(field) for field in SENSOR_FIELDS}
