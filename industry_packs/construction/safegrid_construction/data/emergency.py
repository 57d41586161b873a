"""The typical emergency plans, drill scenarios and required trainings
this industry offers its enterprises (``IndustryPack`` adds the industry)."""

from __future__ import annotations

from typing import Any

from plugins.pack_support.content import text

EMERGENCY_TEMPLATES: list[dict[str, Any]] = [
    {
        "kind": "plan",
        "key": "fall_special_plan",
        "title": text("高处坠落专项应急预案", "Special plan for falls from height"),
        "plan_kind": "special",
        "basis": "生产安全事故应急预案管理办法（应急管理部令第2号）",
    },
    {
        "kind": "plan",
        "key": "collapse_on_site",
        "title": text(
            "脚手架坍塌现场处置方案", "On-site disposal plan for scaffold collapse"
        ),
        "plan_kind": "on_site",
        "basis": "生产安全事故应急预案管理办法（应急管理部令第2号）",
    },
    {
        "kind": "drill_scenario",
        "key": "scaffold_collapse_drill",
        "title": text("脚手架坍塌人员救援演练", "Scaffold collapse rescue drill"),
        "plan_kind": "on_site",
    },
    {
        "kind": "training",
        "key": "scaffolder",
        "title": text("建筑架子工操作资格证书", "Construction scaffolder certificate"),
        "posts": text("架子工岗位", "Scaffolder posts"),
        "is_certificate": True,
        "valid_months": 24,
        "basis": "建筑施工特种作业人员管理规定（建质〔2008〕75号）",
    },
]
