"""Forms of the enterprise portal. They validate; the services write."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.organizations.models import Enterprise, EnterpriseContact, Person, Unit
from core.organizations.services import PROFILE_FIELDS, ContactData

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 \-()]{5,28}$",
    _("Enter a phone number: 6 to 29 digits, spaces, “-”, brackets or a leading “+”."),
)


class EnterpriseProfileForm(forms.ModelForm):
    """What the safety manager may change about the enterprise."""

    class Meta:
        model = Enterprise
        fields = PROFILE_FIELDS
        widgets = {
            "latitude": forms.NumberInput(attrs={"step": "0.000001"}),
            "longitude": forms.NumberInput(attrs={"step": "0.000001"}),
        }
        help_texts = {
            "latitude": _("Decimal degrees, e.g. 43.850000."),
            "longitude": _("Decimal degrees, e.g. 125.400000."),
        }

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        # A location is a pair; half of it cannot be put on the map.
        if latitude is None and longitude is not None and "latitude" not in self.errors:
            self.add_error("latitude", _("Enter the latitude too, or neither."))
        if (
            longitude is None
            and latitude is not None
            and "longitude" not in self.errors
        ):
            self.add_error("longitude", _("Enter the longitude too, or neither."))
        return cleaned


class ContactForm(forms.ModelForm):
    phone = forms.CharField(
        label=_("phone"), max_length=30, validators=[phone_validator]
    )

    class Meta:
        model = EnterpriseContact
        fields = ("name", "title", "phone", "email")
        labels = {"name": pgettext_lazy("person", "name")}


ContactFormSet = inlineformset_factory(
    Enterprise,
    EnterpriseContact,
    form=ContactForm,
    extra=1,
    max_num=20,
    validate_max=True,
    can_delete=True,
)


def contacts_from_formset(formset) -> list[ContactData]:
    """The contacts as they should be after the edit (deleted and blank rows
    left out), for ``enterprise_update_profile``."""
    contacts = []
    for form in formset.forms:
        if not form.has_changed() and form.instance.pk is None:
            continue
        if formset.can_delete and formset._should_delete_form(form):
            continue
        data = form.cleaned_data
        contacts.append(
            ContactData(
                pk=form.instance.pk,
                name=data["name"],
                title=data.get("title", ""),
                phone=data["phone"],
                email=data.get("email", ""),
            )
        )
    return contacts


class UnitForm(forms.Form):
    name = forms.CharField(
        label=_("name"), max_length=Unit._meta.get_field("name").max_length
    )


class PostChoiceField(forms.ModelMultipleChoiceField):
    """Posts labelled with their workshop and team (labels computed once)."""

    def __init__(self, *args, labels: dict[int, str], **kwargs):
        self.labels = labels
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return self.labels.get(obj.pk, obj.name)


class PersonForm(forms.Form):
    """A person of the enterprise and the posts they hold.

    ``posts`` offers the posts of the given enterprise only: an id of another
    enterprise's post is refused as an invalid choice.
    """

    name = forms.CharField(
        label=pgettext_lazy("person", "name"),
        max_length=Person._meta.get_field("name").max_length,
    )
    phone = forms.CharField(
        label=_("phone"), max_length=30, required=False, validators=[phone_validator]
    )
    fills_for_principal = forms.BooleanField(
        label=Person._meta.get_field("fills_for_principal").verbose_name,
        help_text=Person._meta.get_field("fills_for_principal").help_text,
        required=False,
    )

    def __init__(
        self, *args, enterprise: Enterprise, post_labels: dict[int, str], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["posts"] = PostChoiceField(
            label=_("posts"),
            required=False,
            queryset=Unit.objects.filter(
                enterprise=enterprise, kind=Unit.Kind.POST
            ).order_by("path"),
            labels=post_labels,
            widget=forms.CheckboxSelectMultiple,
        )
