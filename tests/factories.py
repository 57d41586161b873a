"""Factories for the test suite, all in one place.

The district, its units and accounts come from the world builder's normal
strategy (``core.world.factories``), the one the demo is written with.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import factory
from django.contrib.auth import get_user_model

from core.organizations.models import (
    Enterprise,
    Industry,
    Jurisdiction,
    Person,
    Role,
    Unit,
)
from core.organizations.validators import uscc_check_character
from core.world.factories import account, district_create, unit_tree_create

# The builder's own, imported from here by the tests.
from core.world.factories import jurisdiction as jurisdiction
from core.world.factories import unit as unit
from core.world.shapes import DistrictSpec, GridSpec, TerritorySpec

PASSWORD = "correct-horse-battery"
_uscc_counter = itertools.count(1)


def make_uscc(number: int | None = None) -> str:
    """A valid unified social credit code, distinct for each call."""
    n = next(_uscc_counter) if number is None else number
    first17 = f"91220101{n:08d}X"
    return first17 + uscc_check_character(first17)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password(PASSWORD)


class IndustryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Industry
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"industry_{n}")
    name_zh = factory.LazyAttribute(lambda o: f"行业{o.code}")
    name_en = factory.LazyAttribute(lambda o: f"Industry {o.code}")


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"测试企业{n}有限公司")
    uscc = factory.LazyFunction(make_uscc)
    address = "测试路1号"
    latitude = "43.850000"
    longitude = "125.400000"

    @factory.post_generation
    def industries(self, create, extracted, **kwargs):
        if create and extracted:
            self.industries.set(extracted)


def user_with_role(username: str, role: str, *, department=None, enterprise=None):
    return account(
        username,
        role,
        password=PASSWORD,
        department=department,
        enterprise=enterprise,
    )


# The accounts of ``World``, one of each role (the tests loop over them).
WORLD_ROLES = (
    "superuser",
    "committee",
    "dept_chemicals",
    "dept_construction",
    "street1_office",
    "manager_a",
    "manager_b",
    "staff_a",
    "outsider",
)

# The district of ``World``: two streets (the first with a grid and an office)
# and an industry department for chemicals and for construction.
WORLD_DISTRICT = DistrictSpec(
    name="测试区",
    code="T00",
    territories=(
        TerritorySpec(
            "一街道",
            "T01",
            Jurisdiction.Level.STREET,
            grids=(GridSpec("一网格", "T0101"),),
            office="一街道办",
        ),
        TerritorySpec("二街道", "T02", Jurisdiction.Level.STREET),
    ),
    committee="安委办",
    industry_departments={"chemicals": "应急管理局", "construction": "住建局"},
)


@dataclass
class World:
    """A small district with two territories, two industries and two enterprises,
    and a user of every role. Enterprise A is chemicals in street 1; enterprise B is
    construction in street 2."""

    district: Jurisdiction
    street1: Jurisdiction
    street2: Jurisdiction
    grid1: Jurisdiction
    chemicals: Industry
    construction: Industry
    enterprise_a: Enterprise
    enterprise_b: Enterprise
    post_a: Unit
    superuser: object
    committee: object
    dept_chemicals: object
    dept_construction: object
    street1_office: object
    manager_a: object
    manager_b: object
    staff_a: object
    outsider: object


def build_world() -> World:
    chemicals = IndustryFactory(
        code="chemicals", name_zh="危险化学品", name_en="Hazardous chemicals"
    )
    construction = IndustryFactory(
        code="construction", name_zh="建筑施工", name_en="Construction"
    )
    district = district_create(
        WORLD_DISTRICT, {"chemicals": chemicals, "construction": construction}
    )
    street1, street2 = district.territories
    grid1 = district.grids["T0101"]
    enterprise_a = EnterpriseFactory(
        name="甲化工有限公司", jurisdiction=grid1, industries=[chemicals]
    )
    enterprise_b = EnterpriseFactory(
        name="乙建筑有限公司", jurisdiction=street2, industries=[construction]
    )
    [(post_a, _holder)] = unit_tree_create(
        enterprise_a, "甲化工", (("合成车间", (("一班", ("反应釜操作岗",)),)),)
    )

    staff_a = user_with_role("staff-a", Role.ENTERPRISE_STAFF, enterprise=enterprise_a)
    person = Person.objects.create(enterprise=enterprise_a, name="张三", user=staff_a)
    person.posts.set([post_a])
    return World(
        district=district.root,
        street1=street1,
        street2=street2,
        grid1=grid1,
        chemicals=chemicals,
        construction=construction,
        enterprise_a=enterprise_a,
        enterprise_b=enterprise_b,
        post_a=post_a,
        superuser=get_user_model().objects.create_superuser("root", password=PASSWORD),
        committee=user_with_role(
            "committee", Role.COMMITTEE, department=district.committee
        ),
        dept_chemicals=user_with_role(
            "dept-chem",
            Role.INDUSTRY_DEPARTMENT,
            department=district.industry_departments["chemicals"],
        ),
        dept_construction=user_with_role(
            "dept-cons",
            Role.INDUSTRY_DEPARTMENT,
            department=district.industry_departments["construction"],
        ),
        street1_office=user_with_role(
            "street-1", Role.TERRITORIAL_OFFICE, department=district.offices[0]
        ),
        manager_a=user_with_role(
            "manager-a", Role.ENTERPRISE_MANAGER, enterprise=enterprise_a
        ),
        manager_b=user_with_role(
            "manager-b", Role.ENTERPRISE_MANAGER, enterprise=enterprise_b
        ),
        staff_a=staff_a,
        outsider=UserFactory(username="outsider"),
    )


def logged_in(user):
    """A test client signed in as ``user`` (session, as a browser)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def api_as(user):
    """An API client authenticated as ``user``."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(user)
    return client


def image_bytes(image_format: str = "PNG", size: tuple[int, int] = (4, 3)) -> bytes:
    """A real, small image (uploads are decoded, so fake bytes are refused)."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, image_format)
    return buffer.getvalue()


def image_upload(name: str = "photo.png", image_format: str = "PNG"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content_type = {"PNG": "image/png", "JPEG": "image/jpeg"}[image_format]
    return SimpleUploadedFile(name, image_bytes(image_format), content_type)
