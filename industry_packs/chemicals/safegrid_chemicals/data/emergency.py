"""The typical emergency plans, drill scenarios and required trainings
this industry offers its enterprises (``IndustryPack`` adds the industry)."""

from __future__ import annotations

from typing import Any

from plugins.pack_support.content import text

EMERGENCY_TEMPLATES: list[dict[str, Any]] = [
    {
        "kind": "plan",
        "key": "comprehensive_plan",
        "title": text(
            "危险化学品企业综合应急预案",
            "Comprehensive emergency plan of a chemicals enterprise",
        ),
        "plan_kind": "comprehensive",
        "basis": "生产安全事故应急预案管理办法（应急管理部令第2号）",
    },
    {
        "kind": "plan",
        "key": "leak_special_plan",
        "title": text(
            "危险化学品泄漏专项应急预案", "Special plan for hazardous chemical leaks"
        ),
        "plan_kind": "special",
        "basis": "生产安全事故应急预案管理办法（应急管理部令第2号）",
    },
    {
        "kind": "plan",
        "key": "reactor_on_site",
        "title": text(
            "反应釜超温超压现场处置方案",
            "On-site disposal plan for reactor over-temperature and over-pressure",
        ),
        "plan_kind": "on_site",
        "basis": "生产安全事故应急预案管理办法（应急管理部令第2号）",
    },
    {
        "kind": "drill_scenario",
        "key": "tank_leak_drill",
        "title": text(
            "储罐区物料泄漏及初期火灾演练", "Tank farm leak and incipient fire drill"
        ),
        "plan_kind": "on_site",
    },
    {
        "kind": "training",
        "key": "hazardous_process",
        "title": text(
            "危险化工工艺作业操作证", "Hazardous chemical process operation certificate"
        ),
        "posts": text(
            "重点监管危险化工工艺操作岗位", "Posts operating key supervised processes"
        ),
        "is_certificate": True,
        "valid_months": 72,
        "basis": "特种作业人员安全技术培训考核管理规定（国家安全监管总局令第30号）",
    },
]
