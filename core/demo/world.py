"""The demo district: an invented development zone with four streets and a town.

``demo_plan()`` decides everything from a seeded random generator without
touching the database, so the same names, codes and coordinates come out on
every machine. ``demo_load()`` writes the plan once (one transaction) and
creates the demo accounts, risk points and a checklist assignment; run again,
it finds them and creates nothing. ``demo_accounts()`` describes the accounts
with what each one sees, computed through the scope function, so the printed
table cannot drift from the rules.

Every name here is invented. The shape follows a real district plan (四街一镇:
industry departments for the key industries, one office per street or town).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation

from core.demo.inspections import ensure_demo_inspections
from core.forms.models import FormAssignment, FormDefinition, Kind, Recurrence
from core.forms.services import (
    assignment_create,
    definition_publish,
    form_definitions_sync,
)
from core.organizations.models import (
    Department,
    Enterprise,
    EnterpriseContact,
    Industry,
    Jurisdiction,
    Person,
    Role,
    Unit,
)
from core.organizations.scope import scope_for
from core.organizations.services import industries_sync, membership_assign
from core.organizations.validators import uscc_check_character
from core.risks.models import ControlMeasure, RiskEvent, RiskPoint
from core.risks.selectors import risk_library
from core.risks.services import (
    ControlData,
    EventData,
    FactorData,
    MeasureData,
    RiskPointData,
    risk_event_assess,
    risk_point_create_from_library,
    risk_point_update,
)
from plugins.manager import SafegridPluginManager

DEMO_PASSWORD = "safegrid-demo"  # noqa: S105 - published demo password, on purpose
SEED = 2017
DISTRICT_NAME = "长青经济技术开发区"
DISTRICT_SHORT = "长青经开区"
DISTRICT_CODE = "CQ00"
# Administrative division code used in the demo's credit codes (invented).
REGION_CODE = "220186"
ENTERPRISES_PER_INDUSTRY = 16

# (name, level, office, roads, centre latitude, centre longitude)
TERRITORIES = (
    (
        "青桐街道",
        "street",
        "青桐街道办事处",
        ("青桐路", "临湖大街", "杏林路"),
        43.895,
        125.335,
    ),
    (
        "云杉街道",
        "street",
        "云杉街道办事处",
        ("云杉大路", "东盛街", "启明路"),
        43.882,
        125.418,
    ),
    (
        "锦河街道",
        "street",
        "锦河街道办事处",
        ("锦河路", "南湖街", "新业大路"),
        43.846,
        125.362,
    ),
    (
        "柳岸街道",
        "street",
        "柳岸街道办事处",
        ("柳岸路", "银河街", "通港大街"),
        43.824,
        125.452,
    ),
    (
        "望岭镇",
        "town",
        "望岭镇人民政府",
        ("望岭大街", "化工园一路", "化工园三路"),
        43.905,
        125.476,
    ),
)
GRID_ORDINALS = ("第一网格", "第二网格", "第三网格", "第四网格")

COMMITTEE_NAME = f"{DISTRICT_SHORT}安委办"
# industry code → (department, suffixes of enterprise names)
INDUSTRIES = {
    "chemicals": (
        f"{DISTRICT_SHORT}应急管理局",
        ("化工有限公司", "精细化工有限公司", "化学品储运有限公司", "工业气体有限公司"),
    ),
    "construction": (
        f"{DISTRICT_SHORT}住房和城乡建设局",
        (
            "建设工程有限公司",
            "建筑工程有限公司",
            "路桥工程有限公司",
            "建筑安装有限公司",
        ),
    ),
    "road_transport": (
        f"{DISTRICT_SHORT}交通运输局",
        ("运输有限公司", "物流有限公司", "危险货物运输有限公司", "客运有限公司"),
    ),
    "gas": (
        f"{DISTRICT_SHORT}城市管理局（燃气）",
        ("燃气有限公司", "燃气供应有限公司", "液化石油气有限公司", "燃气工程有限公司"),
    ),
}
# Chance of each flag by industry: (above scale, key industry, occupational hazard)
FLAG_ODDS = {
    "chemicals": (0.6, 1.0, 0.7),
    "construction": (0.5, 0.9, 0.4),
    "road_transport": (0.4, 0.8, 0.1),
    "gas": (0.5, 1.0, 0.2),
}


def _pairs(text: str) -> tuple[str, ...]:
    """Split a run of two-character words (kept as one string to stay readable)."""
    return tuple(text[i : i + 2] for i in range(0, len(text), 2))


TRADE_NAMES = _pairs(
    "华信恒泰金桥鑫源瑞丰安达宏图北辰天成众诚博远中泽吉盛嘉禾新锐永晟"
    "德润汇通联创盛隆鼎元泰和兴业广源富民东升乾元通达正阳明远卓越同心"
    "润达海川长风佳和振华弘毅恒信丰泽立达金穗瑞泽远航星海宏达诚泰和顺"
    "康宁晟源智远昌隆伟业圣达百川凯盛鸿运景泰天润信诚宝丰华盛广泰永安"
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐韩冯于董曹"
GIVEN_NAMES = _pairs(
    "建国志强秀英海燕丽华国栋文博宏伟晓东春雷淑珍明辉玉兰立新雪梅德胜"
    "红梅永刚俊杰桂芳振宇晓燕金凤思远佳怡子豪雨涵浩然欣怡宇航文静志刚"
)

# An enterprise's unit tree: workshops → teams → posts, by industry.
UNIT_TREES = {
    "chemicals": (
        (
            "合成车间",
            (("合成甲班", ("反应釜操作岗", "DCS操作岗")), ("合成乙班", ("巡检岗",))),
        ),
        ("储运车间", (("罐区班", ("罐区巡检岗", "装卸岗")),)),
        ("公用工程车间", (("动力班", ("锅炉操作岗", "空压机操作岗")),)),
    ),
    "construction": (
        (
            "第一项目部",
            (
                ("主体施工班组", ("架子工岗", "钢筋工岗")),
                ("机械班组", ("塔吊司机岗", "信号工岗")),
            ),
        ),
        ("第二项目部", (("装饰装修班组", ("电焊工岗", "高处作业岗")),)),
    ),
    "road_transport": (
        ("危货运输车队", (("第一车组", ("驾驶员岗", "押运员岗")),)),
        ("维修车间", (("维修班", ("车辆维修岗", "轮胎检修岗")),)),
    ),
    "gas": (
        ("门站", (("运行班", ("调压计量岗", "加臭岗")),)),
        ("管网所", (("巡线班", ("管线巡查岗", "抢修岗")),)),
    ),
}
# Indexes (in plan order) of the enterprises that get a unit tree and people.
# 0 and 1 are the enterprises of the enterprise-1 and enterprise-2 accounts.
WITH_UNITS = (0, 1, 2, 3, 4)


@dataclass(frozen=True)
class DemoRiskPoint:
    """A risk library entry copied into a demo enterprise, placed and assessed.

    A library copy carries only suggested assessments (an enterprise
    assesses its own conditions), so the demo records its own: one
    ``(method, inputs)`` per event, the last repeated for further events. Most
    follow the packs' suggestions; a few are raised or lowered so the overview
    shows every colour.
    """

    key: str
    unit: str  # name of a unit in the enterprise's tree ("" = none)
    assessments: tuple[tuple[str, dict[str, int]], ...]
    inspection: tuple[int, str]  # every, InspectionUnit
    position: tuple[float, float] | None = None  # (x, y) on the site plan, 0-1


def _ls(likelihood: int, severity: int) -> tuple[str, dict[str, int]]:
    return ("ls", {"L": likelihood, "S": severity})


def _lec(likelihood: int, exposure: int, consequence: int) -> tuple[str, dict]:
    return ("lec", {"L": likelihood, "E": exposure, "C": consequence})


# Index of the demo enterprise (enterprise-1 / enterprise-2) → its risk points.
DEMO_RISK_POINTS = {
    0: (
        DemoRiskPoint(
            "tank_farm", "储运车间", (_ls(4, 5), _ls(2, 5)), (1, "hour"), (0.72, 0.34)
        ),
        DemoRiskPoint(
            "hazardous_process_reactor",
            "合成车间",
            (_ls(3, 5), _ls(2, 5)),
            (1, "hour"),
            (0.30, 0.42),
        ),
        DemoRiskPoint(
            "loading_unloading",
            "装卸岗",
            (_lec(3, 6, 15), _lec(1, 6, 40)),
            (1, "day"),
            (0.82, 0.66),
        ),
        DemoRiskPoint(
            "chemical_warehouse", "储运车间", (_ls(3, 4), _ls(2, 4)), (1, "day")
        ),
        DemoRiskPoint("hot_work", "", (_lec(3, 6, 15), _lec(3, 6, 3)), (1, "hour")),
        DemoRiskPoint(
            "substation", "公用工程车间", (_lec(1, 3, 40), _ls(2, 4)), (1, "day")
        ),
        DemoRiskPoint(
            "pumps_compressors", "动力班", (_ls(2, 4), _lec(1, 6, 7)), (2, "hour")
        ),
    ),
    1: (
        DemoRiskPoint(
            "deep_excavation",
            "第一项目部",
            (_lec(3, 6, 40), _lec(1, 6, 15)),
            (1, "day"),
            (0.25, 0.55),
        ),
        DemoRiskPoint(
            "tower_crane",
            "机械班组",
            (_lec(1, 6, 40), _lec(1, 6, 15)),
            (1, "day"),
            (0.48, 0.30),
        ),
        DemoRiskPoint(
            "scaffold", "主体施工班组", (_lec(1, 6, 40), _lec(3, 6, 7)), (1, "day")
        ),
        DemoRiskPoint(
            "edges_openings", "第二项目部", (_lec(1, 6, 15), _lec(1, 6, 7)), (1, "day")
        ),
        DemoRiskPoint(
            "hot_work", "电焊工岗", (_lec(1, 6, 15), _lec(3, 6, 3)), (1, "day")
        ),
        DemoRiskPoint(
            "construction_machinery", "钢筋工岗", (_lec(1, 6, 7),), (1, "week")
        ),
    ),
}
# The pack checklist the chemicals department assigns to its industry (the
# first published chemicals checklist when the pack has renamed it).
DEMO_CHECKLIST = "chem_tank_farm"


@dataclass(frozen=True)
class GridPlan:
    name: str
    code: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class TerritoryPlan:
    name: str
    code: str
    level: str
    office: str
    roads: tuple[str, ...]
    grids: tuple[GridPlan, ...]


@dataclass(frozen=True)
class EnterprisePlan:
    name: str
    uscc: str
    industry: str
    territory: int
    grid: str
    address: str
    latitude: Decimal
    longitude: Decimal
    is_above_scale: bool
    is_key_industry: bool
    has_occupational_hazard: bool
    legal_representative: str
    # (name, title, phone)
    contacts: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class DemoPlan:
    territories: tuple[TerritoryPlan, ...]
    enterprises: tuple[EnterprisePlan, ...]
    # (name, phone) of the post holders, handed out in order.
    people: tuple[tuple[str, str], ...]


class DemoError(Exception):
    """The demo cannot be created (e.g. a pack it needs is missing)."""


def organisation_code_check(body8: str) -> str:
    """The ninth character of an organisation code (GB 11714) for its first eight."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(alphabet.index(c) * w for c, w in zip(body8, weights, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def _person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randrange(10)}{rng.randrange(10**8):08d}"


def _near(rng: random.Random, centre: float, spread: float) -> float:
    return centre + rng.uniform(-spread, spread)


def _coordinate(value: float, low: float, high: float) -> Decimal:
    return Decimal(f"{min(max(value, low), high):.6f}")


def demo_plan(seed: int = SEED) -> DemoPlan:
    """Decide the whole demo district from ``seed``; no database access."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    territories = []
    for index, (name, level, office, roads, lat, lng) in enumerate(TERRITORIES, 1):
        code = f"CQ{index:02d}"
        grids = tuple(
            GridPlan(
                name=f"{name}{GRID_ORDINALS[g]}",
                code=f"{code}{g + 1:02d}",
                latitude=_near(rng, lat, 0.010),
                longitude=_near(rng, lng, 0.014),
            )
            for g in range(rng.randint(2, 4))
        )
        territories.append(TerritoryPlan(name, code, level, office, roads, grids))

    trade_names = list(TRADE_NAMES)
    rng.shuffle(trade_names)
    used_codes: set[str] = set()
    enterprises = []
    # Interleave the industries so the first enterprises are one of each; the
    # offset spreads each industry over all five territories.
    for i in range(ENTERPRISES_PER_INDUSTRY):
        for offset, (industry, (_dept, suffixes)) in enumerate(INDUSTRIES.items()):
            territory_index = (i + offset) % len(territories)
            territory = territories[territory_index]
            grid = rng.choice(territory.grids)
            prefix = "长青" if rng.random() < 0.35 else ""
            # The first of each industry carries the plainest suffix (化工有限公司…).
            suffix = suffixes[0] if i == 0 else rng.choice(suffixes)
            name = prefix + trade_names.pop() + suffix
            while True:
                body = f"{rng.randrange(10**8):08d}"
                first17 = f"91{REGION_CODE}{body}{organisation_code_check(body)}"
                if first17 not in used_codes:
                    used_codes.add(first17)
                    break
            above, key, hazard = FLAG_ODDS[industry]
            manager = _person_name(rng)
            contacts = [(manager, "安全管理负责人", _mobile(rng))]
            if rng.random() < 0.6:
                duty = f"0431-8{rng.randrange(10**6):06d}8"
                contacts.append(("值班室", "24小时值班电话", duty))
            enterprises.append(
                EnterprisePlan(
                    name=name,
                    uscc=first17 + uscc_check_character(first17),
                    industry=industry,
                    territory=territory_index,
                    grid=grid.code,
                    address=f"{DISTRICT_SHORT}{rng.choice(territory.roads)}"
                    f"{rng.randint(1, 2999)}号",
                    latitude=_coordinate(
                        _near(rng, grid.latitude, 0.004), 43.80, 43.92
                    ),
                    longitude=_coordinate(
                        _near(rng, grid.longitude, 0.005), 125.30, 125.50
                    ),
                    is_above_scale=rng.random() < above,
                    is_key_industry=rng.random() < key,
                    has_occupational_hazard=rng.random() < hazard,
                    legal_representative=_person_name(rng),
                    contacts=tuple(contacts),
                )
            )
    names: dict[str, str] = {}
    while len(names) < 120:
        names.setdefault(_person_name(rng), _mobile(rng))
    return DemoPlan(tuple(territories), tuple(enterprises), tuple(names.items()))


@dataclass(frozen=True)
class DemoAccountSpec:
    username: str
    role: str  # a Role value, or "superuser"
    display_name: str
    department: str | None = None  # department name
    enterprise: int | None = None  # index into the plan's enterprises


def demo_account_specs(plan: DemoPlan) -> tuple[DemoAccountSpec, ...]:
    """The demo accounts, in the order the table prints them."""
    chemicals, construction = plan.enterprises[0], plan.enterprises[1]
    assert chemicals.industry == "chemicals" and chemicals.territory == 0
    assert construction.industry == "construction" and construction.territory != 0
    departments = {code: dept for code, (dept, _s) in INDUSTRIES.items()}
    return (
        DemoAccountSpec("admin", "superuser", "系统管理员"),
        DemoAccountSpec("committee", Role.COMMITTEE, "安委办值班员", COMMITTEE_NAME),
        *(
            DemoAccountSpec(
                f"dept-{code.replace('_', '-')}",
                Role.INDUSTRY_DEPARTMENT,
                f"{departments[code].removeprefix(DISTRICT_SHORT)}监管员",
                departments[code],
            )
            for code in INDUSTRIES
        ),
        DemoAccountSpec(
            "street-1",
            Role.TERRITORIAL_OFFICE,
            f"{plan.territories[0].name}网格员",
            plan.territories[0].office,
        ),
        DemoAccountSpec(
            "enterprise-1",
            Role.ENTERPRISE_MANAGER,
            chemicals.contacts[0][0],
            enterprise=0,
        ),
        DemoAccountSpec(
            "enterprise-2",
            Role.ENTERPRISE_MANAGER,
            construction.contacts[0][0],
            enterprise=1,
        ),
        DemoAccountSpec(
            "staff-1", Role.ENTERPRISE_STAFF, plan.people[0][0], enterprise=0
        ),
    )


@dataclass(frozen=True)
class DemoLoadResult:
    created: bool
    enterprises: int


def demo_present() -> bool:
    return Jurisdiction.objects.filter(code=DISTRICT_CODE).exists()


@transaction.atomic
def demo_load(*, manager: SafegridPluginManager, seed: int = SEED) -> DemoLoadResult:
    """Sync the packs, then create the demo district once; later runs create nothing.

    Needs the four demo industries (chemicals, construction, road_transport,
    gas) to be known, i.e. their packs installed and enabled at least once.
    Users that already exist under a demo username are reused as they are
    (their password is left alone). Besides the district, the enterprises of
    enterprise-1 and enterprise-2 get assessed risk points from the packs'
    risk library and the chemicals department assigns a pack checklist; each
    is added only when missing, through the risks' and forms' services.
    """
    industries_sync(manager=manager)
    # The pack originals (checklists) the demo assigns; unchanged ones are left.
    form_definitions_sync(manager=manager)
    created = not demo_present()
    if created:
        _create_district(seed)
    # Added separately so a district loaded before these existed gets them too.
    with translation.override("zh-hans"):
        _ensure_demo_risk_points()
        _ensure_demo_checklist()
        ensure_demo_inspections()
        from core.demo.hazards import (
            ensure_demo_government_inspections,
            ensure_demo_hazards,
        )

        ensure_demo_hazards()
        ensure_demo_government_inspections()
        from core.monitoring.demo import ensure_demo_monitoring

        ensure_demo_monitoring()
        from core.supervision.demo import ensure_demo_territory_map

        ensure_demo_territory_map()
        from core.demo.emergency import ensure_demo_emergency

        ensure_demo_emergency()
        from core.demo.notices import ensure_demo_notices

        ensure_demo_notices()
        from core.campaigns.demo import ensure_demo_campaigns

        ensure_demo_campaigns()
    return DemoLoadResult(created=created, enterprises=Enterprise.objects.count())


def _create_district(seed: int) -> None:
    industries = {i.code: i for i in Industry.objects.filter(code__in=INDUSTRIES)}
    missing = sorted(set(INDUSTRIES) - set(industries))
    if missing:
        raise DemoError(
            "The demo needs the industry packs "
            f"{', '.join(missing)}: install them and enable them in SAFEGRID_PACKS."
        )
    plan = demo_plan(seed)

    district = Jurisdiction.add_root(
        name=DISTRICT_NAME, code=DISTRICT_CODE, level=Jurisdiction.Level.DISTRICT
    )
    grids: dict[str, Jurisdiction] = {}
    departments: dict[str, Department] = {
        COMMITTEE_NAME: Department.objects.create(
            name=COMMITTEE_NAME, kind=Department.Kind.COMMITTEE
        )
    }
    for territory in plan.territories:
        node = district.add_child(
            name=territory.name, code=territory.code, level=territory.level
        )
        departments[territory.office] = Department.objects.create(
            name=territory.office, kind=Department.Kind.TERRITORIAL, jurisdiction=node
        )
        for grid in territory.grids:
            grids[grid.code] = node.add_child(
                name=grid.name, code=grid.code, level=Jurisdiction.Level.GRID
            )
    for code, (name, _suffixes) in INDUSTRIES.items():
        department = Department.objects.create(name=name, kind=Department.Kind.INDUSTRY)
        department.industries.set([industries[code]])
        departments[name] = department

    enterprises = [
        _create_enterprise(item, grids[item.grid], industries[item.industry])
        for item in plan.enterprises
    ]
    people = iter(plan.people)
    first_holders = {
        index: _create_unit_tree(enterprises[index], plan.enterprises[index], people)
        for index in WITH_UNITS
    }

    user_model = get_user_model()
    for spec in demo_account_specs(plan):
        user, created = user_model.objects.get_or_create(
            username=spec.username, defaults={"first_name": spec.display_name}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
        if spec.role == "superuser":
            user.is_staff = user.is_superuser = True
            user.save()
            continue
        user.save()
        enterprise = None if spec.enterprise is None else enterprises[spec.enterprise]
        membership_assign(
            user=user,
            role=spec.role,
            department=departments.get(spec.department or ""),
            enterprise=enterprise,
        )
        if spec.role == Role.ENTERPRISE_STAFF:
            # The staff account is the person holding the enterprise's first post.
            person = first_holders[spec.enterprise]
            person.user = user
            person.save(update_fields=["user"])
        elif spec.role == Role.ENTERPRISE_MANAGER:
            Person.objects.create(
                enterprise=enterprise,
                name=spec.display_name,
                phone=plan.enterprises[spec.enterprise].contacts[0][2],
                user=user,
            )


def _demo_manager(username: str) -> Any:
    """The demo account ``username`` if it manages an enterprise, else None."""
    return (
        get_user_model()
        .objects.filter(
            username=username,
            membership__role=Role.ENTERPRISE_MANAGER,
            membership__enterprise__isnull=False,
        )
        .select_related("membership__enterprise")
        .first()
    )


def _ensure_demo_risk_points() -> None:
    """Give the two account enterprises risk points from the packs' library.

    Each is created by its own manager (only an enterprise's manager may write
    its risk records); a point whose library entry the enterprise already
    copied is skipped, so a second run changes nothing.
    """
    plan = demo_plan()
    for index, points in DEMO_RISK_POINTS.items():
        spec = demo_account_specs(plan)
        username = next(s.username for s in spec if s.enterprise == index)
        user = _demo_manager(username)
        if user is None:
            continue
        enterprise = user.membership.enterprise
        library = {
            item.entry.key: item.pack
            for item in risk_library(industry_codes=[plan.enterprises[index].industry])
        }
        for point in points:
            pack = library.get(point.key)
            if pack is None:
                continue  # the pack no longer offers it
            if RiskPoint.objects.filter(
                enterprise=enterprise, source=f"{pack}:{point.key}"
            ).exists():
                continue
            _create_demo_risk_point(user, enterprise, pack, point)


def _create_demo_risk_point(
    user: Any, enterprise: Enterprise, pack: str, spec: DemoRiskPoint
) -> RiskPoint:
    unit = (
        Unit.objects.filter(enterprise=enterprise, name=spec.unit).first()
        if spec.unit
        else None
    )
    point = risk_point_create_from_library(
        actor=user, enterprise=enterprise, pack=pack, key=spec.key, unit=unit
    )
    # The library copy has no responsible unit, person or position; the demo
    # sets its own inspection period.
    holder = None
    if unit is not None:
        holder = (
            Person.objects.filter(
                enterprise=enterprise, posts__path__startswith=unit.path
            )
            .order_by("pk")
            .first()
        )
    every, period = spec.inspection
    point = risk_point_update(
        user=user,
        risk_point=point,
        data=_point_data(
            point,
            position=(
                {"type": "point", "x": spec.position[0], "y": spec.position[1]}
                if spec.position
                else None
            ),
            control=ControlData(
                level=point.control_level,
                responsible_unit=unit
                or Unit.get_root_nodes().filter(enterprise=enterprise).first(),
                responsible_person=holder or getattr(user, "person", None),
                inspection_every=every,
                inspection_unit=period,
            ),
        ),
    )
    events = RiskEvent.objects.filter(risk_point=point, is_active=True).order_by(
        "order", "pk"
    )
    for number, event in enumerate(events):
        method, inputs = spec.assessments[min(number, len(spec.assessments) - 1)]
        risk_event_assess(user=user, event=event, method=method, inputs=inputs)
    return point


def _point_data(
    point: RiskPoint, *, position: dict | None, control: ControlData
) -> RiskPointData:
    """``point`` as it is (parts by id), with a new position and control."""
    factors = [
        FactorData(
            code=factor.factor_class.code,
            description=factor.description,
            analysis_unit=factor.analysis_unit.name,
            id=factor.pk,
        )
        for factor in point.hazard_factors.select_related(
            "factor_class", "analysis_unit"
        ).order_by("pk")
    ]
    events = [
        EventData(
            name=event.name,
            accident_types=[a.code for a in event.accident_types.all()],
            consequence=event.consequence,
            analysis_unit=event.analysis_unit.name,
            hazard_factors=list(
                dict.fromkeys(f.factor_class.code for f in event.hazard_factors.all())
            ),
            measures=[
                MeasureData(kind=m.kind, description=m.description, id=m.pk)
                for m in ControlMeasure.objects.filter(
                    event=event, is_active=True
                ).order_by("order", "pk")
            ],
            id=event.pk,
        )
        for event in point.events.filter(is_active=True)
        .select_related("analysis_unit")
        .prefetch_related("accident_types", "hazard_factors__factor_class")
        .order_by("order", "pk")
    ]
    return RiskPointData(
        name=point.name,
        kind=point.kind,
        unit=point.unit_id,
        description=point.description,
        position=position,
        factors=factors,
        events=events,
        control=control,
    )


def _ensure_demo_checklist() -> None:
    """Have the chemicals department assign a pack checklist to its industry.

    Monthly, to every chemicals enterprise (enterprise-1's included); skipped
    when the department already assigns one of the pack's checklists.
    """
    officer = (
        get_user_model()
        .objects.filter(
            username="dept-chemicals", membership__role=Role.INDUSTRY_DEPARTMENT
        )
        .first()
    )
    industry = Industry.objects.filter(code="chemicals").first()
    if officer is None or industry is None:
        return
    scope = scope_for(officer)
    checklists = FormDefinition.objects.filter(
        department__isnull=True,
        is_active=True,
        industry=industry,
        kind=Kind.CHECKLIST,
    ).exclude(pack="")
    if FormAssignment.objects.filter(
        definition__in=checklists,
        department=scope.department,
        industry=industry,
        is_active=True,
    ).exists():
        return
    definition = (
        checklists.filter(key=DEMO_CHECKLIST).first()
        or checklists.order_by("key").first()
    )
    if definition is None:
        return  # the pack offers no checklist
    # Originals are published by the sync; this returns that version.
    definition_publish(definition=definition)
    assignment_create(
        scope=scope,
        definition=definition,
        industry=industry,
        recurrence=Recurrence.MONTHLY,
        user=officer,
    )


def _create_enterprise(
    item: EnterprisePlan, grid: Jurisdiction, industry: Industry
) -> Enterprise:
    enterprise = Enterprise(
        name=item.name,
        uscc=item.uscc,
        address=item.address,
        latitude=item.latitude,
        longitude=item.longitude,
        jurisdiction=grid,
        is_above_scale=item.is_above_scale,
        is_key_industry=item.is_key_industry,
        has_occupational_hazard=item.has_occupational_hazard,
        legal_representative=item.legal_representative,
    )
    enterprise.full_clean()
    enterprise.save()
    enterprise.industries.set([industry])
    EnterpriseContact.objects.bulk_create(
        EnterpriseContact(enterprise=enterprise, name=name, title=title, phone=phone)
        for name, title, phone in item.contacts
    )
    return enterprise


def _create_unit_tree(
    enterprise: Enterprise, item: EnterprisePlan, people: Iterator[tuple[str, str]]
) -> Person:
    """Create company → workshops → teams → posts with one holder per post.

    Returns the holder of the first post (staff-1 is that person in enterprise 1).
    """
    short_name = item.name.removesuffix("有限公司")
    company = Unit.add_root(
        enterprise=enterprise, name=short_name, kind=Unit.Kind.COMPANY
    )
    first_holder = None
    for workshop_name, teams in UNIT_TREES[item.industry]:
        workshop = company.add_child(
            enterprise=enterprise, name=workshop_name, kind=Unit.Kind.WORKSHOP
        )
        for team_name, posts in teams:
            team = workshop.add_child(
                enterprise=enterprise, name=team_name, kind=Unit.Kind.TEAM
            )
            for post_name in posts:
                post = team.add_child(
                    enterprise=enterprise, name=post_name, kind=Unit.Kind.POST
                )
                name, phone = next(people)
                person = Person.objects.create(
                    enterprise=enterprise, name=name, phone=phone
                )
                person.posts.add(post)
                first_holder = first_holder or person
    assert first_holder is not None
    return first_holder


@dataclass(frozen=True)
class DemoAccount:
    """One row of the printed accounts table."""

    username: str
    role: str
    organisation: str
    sees: str
    signs_in_at: str


def demo_accounts() -> list[DemoAccount]:
    """The demo accounts that exist, with what each sees (through the scope)."""
    plan = demo_plan()
    user_model = get_user_model()
    users = {
        u.username: u
        for u in user_model.objects.filter(
            username__in=[s.username for s in demo_account_specs(plan)]
        ).select_related("membership__department", "membership__enterprise")
    }
    rows = []
    for spec in demo_account_specs(plan):
        user = users.get(spec.username)
        if user is None:
            continue
        scope = scope_for(user)
        count = scope.enterprises().count()
        membership = getattr(user, "membership", None)
        if scope.is_superuser:
            role, organisation = "superuser", "-"
            sees = f"everything; all {count} enterprises"
        else:
            role = membership.get_role_display() if membership else "-"
            organisation = str(
                (membership.department or membership.enterprise) if membership else "-"
            )
            if scope.role == Role.COMMITTEE:
                sees = f"all {count} enterprises; registers enterprises"
            elif scope.role == Role.INDUSTRY_DEPARTMENT:
                names = "、".join(
                    Industry.objects.filter(pk__in=scope.industry_ids).values_list(
                        "name_zh", flat=True
                    )
                )
                sees = f"{count} enterprises of {names}"
            elif scope.role == Role.TERRITORIAL_OFFICE:
                sees = f"{count} enterprises in {scope.department.jurisdiction}"
            elif scope.role == Role.ENTERPRISE_MANAGER:
                sees = "its own enterprise only"
            elif scope.role == Role.ENTERPRISE_STAFF:
                posts = "、".join(scope.posts().values_list("name", flat=True))
                sees = f"its own posts ({posts}) and tasks"
            else:
                sees = "nothing"
        rows.append(
            DemoAccount(
                username=spec.username,
                role=str(role),
                organisation=organisation,
                sees=sees,
                signs_in_at="/portal/" if scope.is_enterprise else "/admin/",
            )
        )
    return rows
