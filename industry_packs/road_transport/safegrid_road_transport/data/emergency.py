"""The typical emergency plans, drill scenarios and required trainings
this industry offers its enterprises (``IndustryPack`` adds the industry)."""

from __future__ import annotations

from typing import Any

from plugins.pack_support.content import text

EMERGENCY_TEMPLATES: list[dict[str, Any]] = [
    {
        "kind": "plan",
        "key": "dangerous_goods_special_plan",
        "title": text(
            "危险货物运输车辆泄漏专项应急预案",
            "Special plan for leaks from dangerous goods vehicles",
        ),
        "plan_kind": "special",
        "basis": "生产安全事故应急预案管理办法（应急管理部令第2号）",
    },
    {
        "kind": "plan",
        "key": "vehicle_fire_on_site",
        "title": text(
            "营运车辆火灾现场处置方案", "On-site disposal plan for a vehicle fire"
        ),
        "plan_kind": "on_site",
        "basis": "生产安全事故应急预案管理办法（应急管理部令第2号）",
    },
    {
        "kind": "drill_scenario",
        "key": "tanker_leak_drill",
        "title": text("罐车途中泄漏处置演练", "Tanker leak on the road drill"),
        "plan_kind": "special",
    },
    {
        "kind": "training",
        "key": "dangerous_goods_driver",
        "title": text(
            "道路危险货物运输从业资格", "Road dangerous goods transport qualification"
        ),
        "posts": text(
            "危险货物运输驾驶员、押运员岗位", "Dangerous goods drivers and escorts"
        ),
        "is_certificate": True,
        "valid_months": 72,
        "basis": "道路运输从业人员管理规定（交通部令2006年第9号）",
    },
]
