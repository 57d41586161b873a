"""The example pack's hooks: an industry and one small checklist.

A pack contributes only through hooks, returns the dataclasses of
``plugins.contributions`` and never imports ``core``. Keys of form
definitions are shared by every enabled pack, so they start with the pack's
code.
"""

from plugins import hookimpl
from plugins.contributions import (
    FormDefinitionContribution,
    I18nText,
    IndustryContribution,
)

INDUSTRY = "cold_storage"


@hookimpl
def safegrid_industries() -> list[IndustryContribution]:
    return [
        IndustryContribution(
            code=INDUSTRY,
            name=I18nText(zh_hans="冷库", en="Cold storage"),
            description=I18nText(
                zh_hans="氨制冷和氟制冷冷库", en="Ammonia and fluorocarbon cold stores"
            ),
        )
    ]


def _check(key: str, label: str, points: float, grade: str = "general") -> dict:
    return {
        "type": "check_item",
        "value": {
            "key": key,
            "label": label,
            "points": points,
            "hazard_grade": grade,
            "evidence": {"requires_photo": True, "requires_note": True},
        },
    }


@hookimpl
def safegrid_form_definitions() -> list[FormDefinitionContribution]:
    return [
        FormDefinitionContribution(
            key="cold_storage_daily_check",
            title=I18nText(zh_hans="冷库日常检查表", en="Cold store daily check"),
            kind="checklist",
            industry=INDUSTRY,
            version="1.0.0",
            scoring={"rule": "sum", "pass_mark": 15},
            blocks=[
                {
                    "type": "section",
                    "value": {
                        "key": "machine_room",
                        "title": "制冷机房",
                        "questions": [
                            _check(
                                "ammonia_detectors",
                                "氨气浓度报警装置完好并与事故排风联锁",
                                10,
                                grade="major",
                            ),
                            _check("exits_clear", "库房安全出口和逃生门畅通", 10),
                        ],
                    },
                }
            ],
        )
    ]
