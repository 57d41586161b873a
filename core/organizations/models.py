"""Organizations: jurisdictions, industries, departments, enterprises and people.

Who may see what is not decided here but in ``core.organizations.scope``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from treebeard.mp_tree import MP_Node

from core.base.models import (
    NamedRecord,
    changed_stamp,
    choice_field,
    coordinate,
    created_stamp,
    optional_key,
    optional_many,
    parent_key,
)
from core.organizations.validators import validate_uscc
from plugins.vocabularies import CONTROL_LEVELS


class Jurisdiction(MP_Node):
    """A node of the territorial tree: district → street or town → grid."""

    class Level(models.TextChoices):
        DISTRICT = "district", _("District")
        STREET = "street", _("Street")
        TOWN = "town", _("Town")
        GRID = "grid", _("Grid")

    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(_("code"), max_length=32, unique=True)
    level = choice_field(_("level"), Level)

    node_order_by = ["code"]

    class Meta:
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")

    def __str__(self) -> str:
        return self.name


class Industry(NamedRecord):
    """An industry, contributed by an industry pack and synced from it."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100)
    pack = models.CharField(_("pack"), max_length=100, blank=True)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive when the pack that provides it is disabled."),
    )

    class Meta:
        verbose_name = _("industry")
        verbose_name_plural = _("industries")
        ordering = ["code"]

    @property
    def name(self) -> str:
        language = (get_language() or "zh-hans").lower()
        return self.name_en if language.startswith("en") else self.name_zh


class Department(NamedRecord):
    """A government office: the committee office, an industry department or a
    territorial (street or town) office."""

    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("Safety committee office (安委办)")
        INDUSTRY = "industry", _("Industry department")
        TERRITORIAL = "territorial", _("Territorial office")

    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = choice_field(_("kind"), Kind)
    industries = optional_many(
        Industry,
        "departments",
        _("industries"),
        help_text=_("For an industry department: the industries it supervises."),
    )
    jurisdiction = optional_key(
        Jurisdiction,
        "departments",
        _("jurisdiction"),
        on_delete=models.PROTECT,
        help_text=_("For a territorial office: the root of the territory it covers."),
    )

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["kind", "name"]


class Enterprise(ClusterableModel):
    """An enterprise (企业) under supervision."""

    name = models.CharField(_("name"), max_length=200)
    uscc = models.CharField(
        _("unified social credit code"),
        max_length=18,
        unique=True,
        validators=[validate_uscc],
        help_text=_("统一社会信用代码: 18 characters, the last one a check character."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = coordinate(_("latitude"), 90)
    longitude = coordinate(_("longitude"), 180)
    industries = models.ManyToManyField(
        Industry, related_name="enterprises", verbose_name=_("industries")
    )
    jurisdiction = parent_key(
        Jurisdiction, "enterprises", _("jurisdiction"), on_delete=models.PROTECT
    )
    is_above_scale = models.BooleanField(
        _("above designated size (规上)"), default=False
    )
    is_key_industry = models.BooleanField(_("key industry"), default=False)
    has_occupational_hazard = models.BooleanField(
        _("serious occupational hazards"), default=False
    )
    legal_representative = models.CharField(
        _("legal representative"), max_length=50, blank=True
    )
    created_at = created_stamp(_("created at"))
    updated_at = changed_stamp(_("updated at"))

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name", "pk"]
        # The lists' and the chooser's order (docs/performance.md); the
        # chooser's search is served on PostgreSQL by trigram indexes
        # (migration 0003_enterprise_search).
        indexes = [models.Index(fields=["name", "id"], name="enterprise_name_order")]

    def __str__(self) -> str:
        return self.name


class EnterpriseContact(models.Model):
    """A contact person of an enterprise (safety manager, duty phone, ...)."""

    enterprise = ParentalKey(
        Enterprise, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=50)
    title = models.CharField(
        pgettext_lazy("contact", "title"), max_length=50, blank=True
    )
    phone = models.CharField(_("phone"), max_length=30)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} {self.phone}"


class Unit(MP_Node):
    """A node of an enterprise's own tree: company → workshop → team → post."""

    # The four tiers are the control levels (管控层级) of plugins.vocabularies.
    Kind = CONTROL_LEVELS.text_choices("Kind", module=__name__, qualname="Unit.Kind")

    # The kind a child may have, by the kind of its parent.
    CHILD_KIND = {
        Kind.COMPANY: Kind.WORKSHOP,
        Kind.WORKSHOP: Kind.TEAM,
        Kind.TEAM: Kind.POST,
    }

    enterprise = parent_key(Enterprise, "units", _("enterprise"))
    name = models.CharField(_("name"), max_length=100)
    kind = choice_field(_("kind"), Kind)

    node_order_by = ["kind", "name"]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        # An enterprise's units in tree order: the units page and the lists'
        # unit chooser read the first matches of one enterprise by it.
        indexes = [
            models.Index(fields=["enterprise", "path"], name="unit_enterprise_path")
        ]

    def __str__(self) -> str:
        return self.name


class Person(NamedRecord):
    """Someone who works at an enterprise and holds posts there."""

    enterprise = parent_key(Enterprise, "people", _("enterprise"))
    name = models.CharField(_("name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    posts = optional_many(
        Unit, "holders", _("posts"), limit_choices_to={"kind": Unit.Kind.POST}
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        verbose_name=_("user account"),
    )
    fills_for_principal = models.BooleanField(
        _("fills in for the principal"),
        default=False,
        help_text=_(
            "Designated by the enterprise to fill the forms only its principal "
            "or safety manager fills (such as the daily risk judgement and "
            "commitment)."
        ),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "pk"]


class Role(models.TextChoices):
    """What a user is in SafeGrid; the scope function reads it."""

    COMMITTEE = "committee", _("Safety committee office")
    INDUSTRY_DEPARTMENT = "industry_department", _("Industry department")
    TERRITORIAL_OFFICE = "territorial_office", _("Territorial office")
    ENTERPRISE_MANAGER = "enterprise_manager", _("Enterprise safety manager")
    ENTERPRISE_STAFF = "enterprise_staff", _("Enterprise staff")


GOVERNMENT_ROLES = frozenset(
    {Role.COMMITTEE, Role.INDUSTRY_DEPARTMENT, Role.TERRITORIAL_OFFICE}
)
ENTERPRISE_ROLES = frozenset({Role.ENTERPRISE_MANAGER, Role.ENTERPRISE_STAFF})


class Membership(models.Model):
    """A user's role: in a government department or in an enterprise."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership",
        verbose_name=_("user"),
    )
    role = choice_field(_("role"), Role, max_length=32)
    department = optional_key(
        Department, "memberships", _("department"), on_delete=models.CASCADE
    )
    enterprise = optional_key(
        Enterprise, "memberships", _("enterprise"), on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                name="membership_government_has_department",
                condition=~models.Q(
                    role__in=sorted(r.value for r in GOVERNMENT_ROLES),
                    department__isnull=True,
                ),
            ),
            models.CheckConstraint(
                name="membership_enterprise_role_has_enterprise",
                condition=~models.Q(
                    role__in=sorted(r.value for r in ENTERPRISE_ROLES),
                    enterprise__isnull=True,
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"
