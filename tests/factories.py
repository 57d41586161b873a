"""Factories for the test suite, all in one place."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import factory
from django.contrib.auth import get_user_model

from core.organizations.models import (
    Department,
    Enterprise,
    Industry,
    Jurisdiction,
    Person,
    Role,
    Unit,
)
from core.organizations.services import membership_assign
from core.organizations.validators import uscc_check_character

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


def jurisdiction(name: str, code: str, level: str, parent: Jurisdiction | None = None):
    if parent is None:
        return Jurisdiction.add_root(name=name, code=code, level=level)
    return parent.add_child(name=name, code=code, level=level)


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


def unit(
    enterprise: Enterprise, name: str, kind: str, parent: Unit | None = None
) -> Unit:
    if parent is None:
        return Unit.add_root(enterprise=enterprise, name=name, kind=kind)
    return parent.add_child(enterprise=enterprise, name=name, kind=kind)


def user_with_role(username: str, role: str, *, department=None, enterprise=None):
    user = UserFactory(username=username)
    membership_assign(
        user=user, role=role, department=department, enterprise=enterprise
    )
    return user


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
    district = jurisdiction("测试区", "T00", Jurisdiction.Level.DISTRICT)
    street1 = jurisdiction("一街道", "T01", Jurisdiction.Level.STREET, district)
    street2 = jurisdiction("二街道", "T02", Jurisdiction.Level.STREET, district)
    grid1 = jurisdiction("一网格", "T0101", Jurisdiction.Level.GRID, street1)
    chemicals = IndustryFactory(
        code="chemicals", name_zh="危险化学品", name_en="Hazardous chemicals"
    )
    construction = IndustryFactory(
        code="construction", name_zh="建筑施工", name_en="Construction"
    )
    enterprise_a = EnterpriseFactory(
        name="甲化工有限公司", jurisdiction=grid1, industries=[chemicals]
    )
    enterprise_b = EnterpriseFactory(
        name="乙建筑有限公司", jurisdiction=street2, industries=[construction]
    )
    company = unit(enterprise_a, "甲化工", Unit.Kind.COMPANY)
    workshop = unit(enterprise_a, "合成车间", Unit.Kind.WORKSHOP, company)
    team = unit(enterprise_a, "一班", Unit.Kind.TEAM, workshop)
    post_a = unit(enterprise_a, "反应釜操作岗", Unit.Kind.POST, team)

    committee_dept = Department.objects.create(
        name="安委办", kind=Department.Kind.COMMITTEE
    )
    chem_dept = Department.objects.create(
        name="应急管理局", kind=Department.Kind.INDUSTRY
    )
    chem_dept.industries.set([chemicals])
    cons_dept = Department.objects.create(name="住建局", kind=Department.Kind.INDUSTRY)
    cons_dept.industries.set([construction])
    street1_dept = Department.objects.create(
        name="一街道办", kind=Department.Kind.TERRITORIAL, jurisdiction=street1
    )
    staff_a = user_with_role("staff-a", Role.ENTERPRISE_STAFF, enterprise=enterprise_a)
    person = Person.objects.create(enterprise=enterprise_a, name="张三", user=staff_a)
    person.posts.set([post_a])
    return World(
        district=district,
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
            "committee", Role.COMMITTEE, department=committee_dept
        ),
        dept_chemicals=user_with_role(
            "dept-chem", Role.INDUSTRY_DEPARTMENT, department=chem_dept
        ),
        dept_construction=user_with_role(
            "dept-cons", Role.INDUSTRY_DEPARTMENT, department=cons_dept
        ),
        street1_office=user_with_role(
            "street-1", Role.TERRITORIAL_OFFICE, department=street1_dept
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
