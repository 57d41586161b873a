"""Forms of the organizations admin screens: thin, the rules live in services."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.base.errors import apply_errors
from core.organizations import services
from core.organizations.models import Jurisdiction


def indented_name(jurisdiction: Jurisdiction) -> str:
    """The name behind one dash per level, so a flat list reads as the tree."""
    return f"{'— ' * (jurisdiction.depth - 1)}{jurisdiction.name}"


class JurisdictionChoiceField(forms.ModelChoiceField):
    """Jurisdictions in tree order, indented by depth."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Jurisdiction.objects.order_by("path"))
        super().__init__(**kwargs)

    def label_from_instance(self, obj: Jurisdiction) -> str:
        return indented_name(obj)


class _ServiceCheckedForm(WagtailAdminModelForm):
    """A form whose row the service checks as it will when writing it: once
    the field that decides what else is needed (``decided_by``) is given,
    ``service_check`` runs and its errors land on the fields they name."""

    decided_by: str

    def service_check(self, value, cleaned_data) -> None:
        raise NotImplementedError

    def clean(self):
        cleaned_data = super().clean()
        value = cleaned_data.get(self.decided_by)
        if value:
            try:
                self.service_check(value, cleaned_data)
            except ValidationError as error:
                apply_errors(self, error)
        return cleaned_data


class EnterpriseAdminForm(WagtailAdminModelForm):
    """An enterprise's registration data, as the committee office keeps it."""

    class Meta:
        field_classes = {"jurisdiction": JurisdictionChoiceField}

    def clean_uscc(self) -> str:
        # People type codes in lower case or with spaces; the check digit and
        # the uniqueness check then apply to the code as stored.
        return "".join((self.cleaned_data.get("uscc") or "").split()).upper()


class JurisdictionAdminForm(_ServiceCheckedForm):
    """A node of the territorial tree: placed under a parent when created.

    Moving a node to another parent later is not offered: it would silently
    change which enterprises territorial offices see.
    """

    decided_by = "level"

    parent = JurisdictionChoiceField(
        label=_("parent"),
        required=False,
        help_text=_(
            "Where it belongs: a street or town under a district, a grid under a "
            "street or town. Leave empty for a district. Fixed once created."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["parent"].initial = self.instance.get_parent()
            self.fields["parent"].disabled = True

    def service_check(self, level, cleaned_data) -> None:
        if self.instance.pk:
            services.jurisdiction_check_level(
                level=level,
                parent=self.instance.get_parent(),
                children=self.instance.get_children(),
            )
        else:
            services.jurisdiction_check_level(
                level=level, parent=cleaned_data.get("parent")
            )

    def save(self, commit=True):
        if self.instance.pk:
            return super().save(commit=commit)
        # A new node must be placed by treebeard, which computes its path.
        self.instance = services.jurisdiction_create(
            parent=self.cleaned_data.get("parent"),
            name=self.cleaned_data["name"],
            code=self.cleaned_data["code"],
            level=self.cleaned_data["level"],
        )
        return self.instance


class DepartmentAdminForm(_ServiceCheckedForm):
    """A government office; its kind decides what it must be given."""

    class Meta:
        field_classes = {"jurisdiction": JurisdictionChoiceField}

    decided_by = "kind"

    def service_check(self, kind, cleaned_data) -> None:
        services.department_check(
            kind=kind,
            industries=cleaned_data.get("industries") or [],
            jurisdiction=cleaned_data.get("jurisdiction"),
        )


class MembershipAdminForm(_ServiceCheckedForm):
    """A user's one role, in a department or in an enterprise."""

    decided_by = "role"

    def service_check(self, role, cleaned_data) -> None:
        services.membership_check(
            role=role,
            department=cleaned_data.get("department"),
            enterprise=cleaned_data.get("enterprise"),
        )
