"""The demo district: realistic, scoped correctly, and loaded only once."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from core.demo.world import DEMO_PASSWORD, demo_plan
from core.forms.models import FormAssignment, Submission
from core.forms.selectors import definitions_assigned_to
from core.inspections.models import InspectionTask, TaskStatus
from core.organizations.models import (
    Department,
    Enterprise,
    EnterpriseContact,
    Industry,
    Jurisdiction,
    Membership,
    Person,
    Role,
    Unit,
)
from core.organizations.scope import scope_for
from core.organizations.validators import validate_uscc
from core.risks.models import Assessment, RiskEvent, RiskPoint

DEMO_PACKS = ("chemicals", "construction", "road_transport", "gas")


@pytest.fixture
def demo(enable_packs):
    enable_packs(*DEMO_PACKS)
    out = StringIO()
    call_command("load_demo", "--port", "9123", stdout=out)
    return out.getvalue()


def user(username):
    return get_user_model().objects.get(username=username)


def industries_of(enterprises):
    return set(
        Industry.objects.filter(enterprises__in=enterprises).values_list(
            "code", flat=True
        )
    )


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Jurisdiction,
            Department,
            Enterprise,
            EnterpriseContact,
            Unit,
            Person,
            Membership,
            get_user_model(),
            RiskPoint,
            RiskEvent,
            Assessment,
            FormAssignment,
            InspectionTask,
            Submission,
        )
    }


def test_plan_is_deterministic():
    assert demo_plan() == demo_plan()
    assert demo_plan(seed=1) != demo_plan()


@pytest.mark.django_db
def test_enterprises_are_many_valid_and_spread(demo):
    enterprises = Enterprise.objects.all()
    assert enterprises.count() >= 60
    codes = list(enterprises.values_list("uscc", flat=True))
    assert len(set(codes)) == len(codes)
    names = list(enterprises.values_list("name", flat=True))
    assert len(set(names)) == len(names)
    for enterprise in enterprises.prefetch_related("industries"):
        validate_uscc(enterprise.uscc)
        enterprise.full_clean()
        assert enterprise.jurisdiction.level == Jurisdiction.Level.GRID
        assert 43.80 <= float(enterprise.latitude) <= 43.92
        assert 125.30 <= float(enterprise.longitude) <= 125.50
        assert enterprise.address
        assert enterprise.contacts.exists()
        assert len(enterprise.industries.all()) == 1
    for code in DEMO_PACKS:
        assert enterprises.filter(industries__code=code).count() >= 10
    assert enterprises.filter(name__endswith="化工有限公司").exists()
    assert enterprises.filter(name__endswith="燃气有限公司").exists()


@pytest.mark.django_db
def test_four_streets_and_a_town_with_grids_and_offices(demo):
    district = Jurisdiction.objects.get(level=Jurisdiction.Level.DISTRICT)
    territories = district.get_children()
    levels = sorted(territories.values_list("level", flat=True))
    assert levels == ["street"] * 4 + ["town"]
    for territory in territories:
        assert 2 <= territory.get_children().count() <= 4
        assert Enterprise.objects.filter(
            jurisdiction__path__startswith=territory.path
        ).exists()
        assert Department.objects.filter(
            kind=Department.Kind.TERRITORIAL, jurisdiction=territory
        ).exists()
    assert Department.objects.filter(kind=Department.Kind.COMMITTEE).count() == 1
    for code in DEMO_PACKS:
        assert Department.objects.filter(
            kind=Department.Kind.INDUSTRY, industries__code=code
        ).exists()


@pytest.mark.django_db
def test_accounts_have_the_right_roles_and_scopes(demo):
    everyone = Enterprise.objects.count()
    admin = user("admin")
    assert admin.is_superuser
    assert scope_for(admin).enterprises().count() == everyone
    assert user("committee").membership.role == Role.COMMITTEE
    assert scope_for(user("committee")).enterprises().count() == everyone

    for code in DEMO_PACKS:
        account = user(f"dept-{code.replace('_', '-')}")
        assert account.membership.role == Role.INDUSTRY_DEPARTMENT
        visible = scope_for(account).enterprises()
        assert visible.count() >= 10
        assert industries_of(visible) == {code}

    street = user("street-1")
    assert street.membership.role == Role.TERRITORIAL_OFFICE
    territory = street.membership.department.jurisdiction
    assert territory.name == demo_plan().territories[0].name
    visible = scope_for(street).enterprises()
    assert 0 < visible.count() < everyone
    assert not visible.exclude(jurisdiction__path__startswith=territory.path).exists()

    manager_1 = user("enterprise-1")
    assert manager_1.membership.role == Role.ENTERPRISE_MANAGER
    visible = scope_for(manager_1).enterprises()
    assert visible.count() == 1
    enterprise_1 = visible.get()
    assert industries_of(visible) == {"chemicals"}
    assert enterprise_1.jurisdiction.path.startswith(territory.path)

    manager_2 = user("enterprise-2")
    visible = scope_for(manager_2).enterprises()
    assert visible.count() == 1
    assert industries_of(visible) == {"construction"}
    assert not visible.get().jurisdiction.path.startswith(territory.path)

    staff = user("staff-1")
    assert staff.membership.role == Role.ENTERPRISE_STAFF
    assert staff.membership.enterprise == enterprise_1
    assert list(scope_for(staff).enterprises()) == [enterprise_1]
    posts = list(scope_for(staff).posts())
    assert len(posts) == 1
    assert posts[0].enterprise == enterprise_1
    assert staff.person.posts.get() == posts[0]

    for username in ("admin", "committee", "dept-gas", "street-1", "staff-1"):
        assert user(username).check_password(DEMO_PASSWORD)


@pytest.mark.django_db
def test_account_enterprises_have_unit_trees_with_people(demo):
    for username in ("enterprise-1", "enterprise-2"):
        enterprise = user(username).membership.enterprise
        kinds = set(enterprise.units.values_list("kind", flat=True))
        assert kinds == {"company", "workshop", "team", "post"}
        for post in enterprise.units.filter(kind=Unit.Kind.POST):
            assert post.depth == 4
            assert post.holders.exists()
        assert user(username).person.enterprise == enterprise


@pytest.mark.django_db
def test_output_lists_accounts_and_urls(demo):
    assert "Demo data created" in demo
    for username in ("admin", "dept-road-transport", "enterprise-2", "staff-1"):
        assert username in demo
    assert DEMO_PASSWORD in demo
    assert "http://127.0.0.1:9123/portal/" in demo
    assert "http://127.0.0.1:9123/api/v1/docs/" in demo


# The district the demo has always written (README's accounts; docs list them):
# built by the world builder, it must stay the same row for row.
DEMO_DISTRICT = {
    "Jurisdiction": 20,
    "Department": 10,
    "Enterprise": 64,
    "EnterpriseContact": 111,
    "Unit": 60,
    "Person": 30,
    "Membership": 9,
    "User": 10,
}
DEMO_ACCOUNTS = [
    ("admin", None, "", ""),
    ("committee", Role.COMMITTEE, "长青经开区安委办", ""),
    ("dept-chemicals", Role.INDUSTRY_DEPARTMENT, "长青经开区应急管理局", ""),
    ("dept-construction", Role.INDUSTRY_DEPARTMENT, "长青经开区住房和城乡建设局", ""),
    ("dept-road-transport", Role.INDUSTRY_DEPARTMENT, "长青经开区交通运输局", ""),
    ("dept-gas", Role.INDUSTRY_DEPARTMENT, "长青经开区城市管理局（燃气）", ""),
    ("street-1", Role.TERRITORIAL_OFFICE, demo_plan().territories[0].office, ""),
    ("enterprise-1", Role.ENTERPRISE_MANAGER, "", demo_plan().enterprises[0].name),
    ("enterprise-2", Role.ENTERPRISE_MANAGER, "", demo_plan().enterprises[1].name),
    ("staff-1", Role.ENTERPRISE_STAFF, "", demo_plan().enterprises[0].name),
]


def test_the_district_has_its_counts_and_accounts(demo):
    district = {
        name: count for name, count in counts().items() if name in DEMO_DISTRICT
    }
    assert district == DEMO_DISTRICT
    accounts = [
        (
            u.username,
            getattr(getattr(u, "membership", None), "role", None),
            str(getattr(getattr(u, "membership", None), "department", None) or ""),
            str(getattr(getattr(u, "membership", None), "enterprise", None) or ""),
        )
        for u in get_user_model()
        .objects.select_related("membership__department", "membership__enterprise")
        .order_by("pk")
    ]
    assert accounts == DEMO_ACCOUNTS
    assert (
        Unit.objects.filter(kind=Unit.Kind.POST).count()
        == Person.objects.filter(posts__isnull=False).count()
    )


@pytest.mark.django_db
def test_second_run_creates_nothing(demo):
    before = counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert counts() == before
    assert "demo data already present" in out.getvalue()
    assert "enterprise-1" in out.getvalue()


@pytest.mark.django_db
def test_account_enterprises_have_assessed_risk_points(demo):
    for username in ("enterprise-1", "enterprise-2"):
        manager = user(username)
        enterprise = manager.membership.enterprise
        points = RiskPoint.objects.filter(enterprise=enterprise)
        assert 5 <= points.count() <= 8
        levels = set(points.values_list("level", flat=True))
        assert "" not in levels  # every point assessed
        assert len(levels) >= 2
        assert points.exclude(position=None).count() >= 2
        assert points.exclude(unit=None).exists()
        for point in points:
            assert point.source
            assert point.created_by == manager
            assert point.inspection_every and point.inspection_unit
            assert point.responsible_unit.enterprise == enterprise
            assert point.responsible_person.enterprise == enterprise
            for event in point.events.filter(is_active=True):
                assert event.latest_assessment is not None
    chemicals = RiskPoint.objects.filter(
        enterprise=user("enterprise-1").membership.enterprise
    )
    assert {"major", "significant", "general", "low"} <= set(
        chemicals.values_list("level", flat=True)
    )


@pytest.mark.django_db
def test_enterprise_1_has_an_assigned_pack_checklist(demo):
    enterprise = user("enterprise-1").membership.enterprise
    assigned = definitions_assigned_to(enterprise=enterprise)
    assert assigned.filter(kind="checklist", published_version__isnull=False).exists()
    # The department's assignment (packs' standing duties have no department).
    assignment = FormAssignment.objects.get(
        definition__in=assigned, department__isnull=False
    )
    assert assignment.recurrence == "monthly"
    assert assignment.industry.code == "chemicals"
    assert assignment.department == user("dept-chemicals").membership.department
    other = user("enterprise-2").membership.enterprise
    assert (
        not definitions_assigned_to(enterprise=other)
        .filter(assignments__department__isnull=False)
        .exists()
    )


@pytest.mark.django_db
def test_second_run_adds_missing_risk_points_only(demo):
    enterprise = user("enterprise-1").membership.enterprise
    first = RiskPoint.objects.filter(enterprise=enterprise).order_by("pk").first()
    kept = RiskPoint.objects.filter(enterprise=enterprise).count()
    RiskPoint.objects.filter(pk=first.pk).update(source="removed")
    call_command("load_demo", stdout=StringIO())
    assert RiskPoint.objects.filter(enterprise=enterprise).count() == kept + 1


@pytest.mark.django_db
def test_refuses_clearly_without_the_packs(enable_packs):
    enable_packs("chemicals")
    with pytest.raises(CommandError, match="gas"):
        call_command("load_demo", stdout=StringIO())
    assert not Enterprise.objects.exists()


def test_account_enterprises_have_months_of_inspection_history(demo):
    from django.utils import timezone

    for username in ("enterprise-1", "enterprise-2"):
        enterprise = user(username).membership.enterprise
        tasks = InspectionTask.objects.filter(enterprise=enterprise)
        done = tasks.filter(status=TaskStatus.DONE)
        assert done.count() > 20
        assert not done.filter(submission__isnull=True).exists()
        oldest = tasks.order_by("period_start").first().period_start
        assert (timezone.now() - oldest).days > 60
        assert tasks.filter(status=TaskStatus.OVERDUE).exists()
        assert tasks.filter(due_at__gt=timezone.now()).exists()


def test_every_department_has_inspected_enterprises_of_its_industry(demo):
    from core.hazards.models import Hazard
    from core.inspections.models import GovernmentInspection
    from core.organizations.scope import scope_for

    for username in (
        "dept-chemicals",
        "dept-construction",
        "dept-road-transport",
        "dept-gas",
        "street-1",
    ):
        officer = user(username)
        scope = scope_for(officer)
        mine = GovernmentInspection.objects.filter(
            department=officer.membership.department
        )
        assert mine.filter(status="planned").exists(), username
        assert mine.filter(status="recorded").exists(), username
        found = Hazard.objects.filter(government_inspection__in=mine)
        assert found.exists(), username
        # Every inspected enterprise is in the office's scope.
        assert not mine.exclude(enterprise__in=scope.enterprises()).exists()
    before = GovernmentInspection.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert GovernmentInspection.objects.count() == before
