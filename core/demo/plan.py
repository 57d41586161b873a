"""The demo district decided from a seed, without touching the database.

``demo_plan()`` draws the names, codes and coordinates from a seeded random
generator, so the same district comes out on every machine;
``demo_account_specs()`` lists the accounts. ``core.demo.world`` writes them
with the world builder (``core.world.factories``).

Every name here is invented. The shape follows a real district plan (四街一镇:
industry departments for the key industries, one office per street or town).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from core.organizations.models import Role
from core.organizations.validators import uscc_check_character
from core.world.shapes import (
    DistrictSpec,
    EnterpriseSpec,
    GridSpec,
    TerritorySpec,
    UnitTree,
    organisation_code_check,
)

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
UNIT_TREES: dict[str, UnitTree] = {
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


# The pack checklist the chemicals department assigns to its industry (the
# first published chemicals checklist when the pack has renamed it).
DEMO_CHECKLIST = "chem_tank_farm"


@dataclass(frozen=True)
class GridPlan(GridSpec):
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
class EnterprisePlan(EnterpriseSpec):
    """An enterprise's fields and contacts, its industry and place."""

    industry: str
    territory: int  # index into the plan's territories
    grid: str  # code of its grid


@dataclass(frozen=True)
class DemoPlan:
    territories: tuple[TerritoryPlan, ...]
    enterprises: tuple[EnterprisePlan, ...]
    # (name, phone) of the post holders, handed out in order.
    people: tuple[tuple[str, str], ...]


class DemoError(Exception):
    """The demo cannot be created (e.g. a pack it needs is missing)."""


def demo_district(plan: DemoPlan) -> DistrictSpec:
    """The plan's jurisdictions and departments, for ``district_create``."""
    return DistrictSpec(
        name=DISTRICT_NAME,
        code=DISTRICT_CODE,
        territories=tuple(
            TerritorySpec(t.name, t.code, t.level, t.grids, office=t.office)
            for t in plan.territories
        ),
        committee=COMMITTEE_NAME,
        industry_departments={code: dept for code, (dept, _s) in INDUSTRIES.items()},
    )


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
