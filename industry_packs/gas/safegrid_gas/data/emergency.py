"""The typical emergency plans, drill scenarios and required trainings
this industry offers its enterprises (``IndustryPack`` adds the industry)."""

from __future__ import annotations

from typing import Any

from plugins.pack_support.content import text

EMERGENCY_TEMPLATES: list[dict[str, Any]] = [
    {
        "kind": "plan",
        "key": "gas_leak_special_plan",
        "title": text("燃气泄漏专项应急预案", "Special plan for gas leaks"),
        "plan_kind": "special",
        "basis": "生产安全事故应急预案管理办法（应急管理部令第2号）",
    },
    {
        "kind": "plan",
        "key": "regulator_station_on_site",
        "title": text(
            "调压站泄漏现场处置方案",
            "On-site disposal plan for a leak at a regulator station",
        ),
        "plan_kind": "on_site",
        "basis": "生产安全事故应急预案管理办法（应急管理部令第2号）",
    },
    {
        "kind": "drill_scenario",
        "key": "pipeline_leak_drill",
        "title": text(
            "中压管道泄漏抢修演练", "Medium-pressure pipeline leak repair drill"
        ),
        "plan_kind": "special",
    },
    {
        "kind": "training",
        "key": "gas_staff",
        "title": text(
            "燃气经营企业从业人员专业培训考核",
            "Professional training and assessment of gas company staff",
        ),
        "posts": text(
            "燃气经营、运行维护和抢修岗位", "Gas supply, operation and repair posts"
        ),
        "basis": "城镇燃气管理条例（国务院令第583号）",
    },
]
