"""The benchmark's district, enterprises, unit trees, people and accounts.

The district (five streets of four grids, a committee, one department per
industry, one office per street) and the accounts are written with the
normal strategy (a few dozen objects); the enterprises, their contacts, unit
trees and people with the bulk one.
"""

from __future__ import annotations

import random
from typing import Any

from core.world.bench.sizes import (
    CODE_PREFIX,
    FORM_KEY,
    NAME_SUFFIX,
    PACKS,
    BenchWorld,
    Size,
)
from core.world.shapes import (
    DistrictSpec,
    EnterpriseSpec,
    GridSpec,
    TerritorySpec,
    uniform_tree,
    uscc,
)

STREETS = 5
GRIDS_PER_STREET = 4


def bench_district(industry_codes) -> DistrictSpec:
    return DistrictSpec(
        name="基准测试区",
        code=f"{CODE_PREFIX}00",
        territories=tuple(
            TerritorySpec(
                name=f"基准{s}街道",
                code=f"{CODE_PREFIX}{s:02d}",
                level="street",
                grids=tuple(
                    GridSpec(f"基准{s}街道第{g}网格", f"{CODE_PREFIX}{s:02d}{g:02d}")
                    for g in range(1, GRIDS_PER_STREET + 1)
                ),
                office=f"基准{s}街道办事处",
            )
            for s in range(1, STREETS + 1)
        ),
        committee="基准安委办",
        industry_departments={code: f"基准{code}监管部门" for code in industry_codes},
    )


def seed_organisations(size: Size, rng: random.Random, industries) -> BenchWorld:
    from core.organizations.models import Person, Role
    from core.world.bulk import enterprises_bulk, unit_trees_bulk
    from core.world.factories import account, district_create

    district = district_create(bench_district(industries), industries)
    grids = list(district.grids.values())

    # Enterprise 0 is the big one: chemicals, in street 1's first grid.
    codes = list(PACKS)
    plan = []
    for i in range(size.enterprises):
        main = "chemicals" if i == 0 else codes[i % len(codes)]
        extra = codes[(i + 1) % len(codes)] if i and rng.random() < 0.1 else None
        grid = grids[0] if i == 0 else grids[rng.randrange(len(grids))]
        plan.append((main, extra, grid))
    enterprises = enterprises_bulk(
        [
            (
                EnterpriseSpec(
                    name=f"基准{i:05d}{NAME_SUFFIX[main]}",
                    uscc=uscc("220199", f"{i + 1:08d}"),
                    address=f"基准路{i + 1}号",
                    latitude=f"{43.80 + rng.random() / 10:.6f}",
                    longitude=f"{125.30 + rng.random() / 5:.6f}",
                    is_above_scale=rng.random() < 0.5,
                    is_key_industry=rng.random() < 0.8,
                    has_occupational_hazard=rng.random() < 0.3,
                    legal_representative=f"法人{i:05d}",
                    contacts=((f"联系人{i:05d}", "安全管理负责人", "13800000000"),),
                ),
                grid,
                [industries[code] for code in (main, extra) if code],
            )
            for i, (main, extra, grid) in enumerate(plan)
        ]
    )
    big_tree = uniform_tree(size.workshops, size.teams, size.posts)
    small_tree = uniform_tree(1, 1, 1)
    trees = unit_trees_bulk(
        [
            (enterprise, enterprise.name, big_tree if i == 0 else small_tree)
            for i, enterprise in enumerate(enterprises)
        ],
        holder={"name": "员工{n:05d}", "phone": "13900000000"},
    )

    def user(username: str, role: str, **where) -> Any:
        return account(f"bench-{username}", role, **where)

    big = enterprises[0]
    # A typical enterprise (``points_each`` points, the small unit tree),
    # measured beside the big one: the second, the same at every size.
    typical = enterprises[1]
    users = {
        "committee": user("committee", Role.COMMITTEE, department=district.committee),
        "industry_department": user(
            "dept-chemicals",
            Role.INDUSTRY_DEPARTMENT,
            department=district.industry_departments["chemicals"],
        ),
        "street_office": user(
            "street-1", Role.TERRITORIAL_OFFICE, department=district.offices[0]
        ),
        "enterprise_manager": user(
            "manager-big", Role.ENTERPRISE_MANAGER, enterprise=big
        ),
        "typical_manager": user(
            "manager-typical", Role.ENTERPRISE_MANAGER, enterprise=typical
        ),
    }
    Person.objects.create(
        enterprise=big, name="基准安全经理", user=users["enterprise_manager"]
    )
    Person.objects.create(
        enterprise=typical, name="基准安全员", user=users["typical_manager"]
    )
    world = BenchWorld(
        size=size,
        users=users,
        big_enterprise=big,
        form_key=FORM_KEY,
        enterprises=enterprises,
        chemicals=[
            e
            for e, (main, _extra, _grid) in zip(enterprises, plan, strict=True)
            if main == "chemicals"
        ],
        posts=trees.posts,
        workshops=trees.workshops,
        holders=trees.holders,
        departments=district.industry_departments,
    )
    world.counts.update(
        enterprises=len(enterprises),
        units=len(trees.units),
        people=len(trees.holders) + 1,
    )
    return world
