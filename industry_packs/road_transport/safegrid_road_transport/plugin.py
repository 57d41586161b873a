"""Hook implementations of the road transport pack (道路运输).

``road_transport_check`` is our own inspection score with the automatic fail
of 交办运〔2023〕52号 (API input); ``road_transport_checklist`` is the same
method for the pack's checklists in the forms engine. Everything else (risk
library, checklists, criteria, monitoring, documents) is the content of
``data``, mapped onto the hooks by ``ContentPack``.
"""

from plugins import hookimpl
from plugins.contributions import (
    EmergencyTemplate,
    I18nText,
    IndustryContribution,
    ScoringRule,
)
from plugins.pack_support.adapters import ContentPack
from safegrid_road_transport import data
from safegrid_road_transport import road_transport_check as check

PACK = ContentPack(data.content(), form_rules={check.KEY: check.FORM_KEY})


@hookimpl
def safegrid_industries() -> list[IndustryContribution]:
    return [
        IndustryContribution(
            code="road_transport",
            name=I18nText(zh_hans="道路运输", en="Road transport"),
            description=I18nText(
                zh_hans="道路旅客、普通货物和危险货物运输企业",
                en="Road passenger, general freight and dangerous goods transport",
            ),
        )
    ]


@hookimpl
def safegrid_scoring_rules() -> list[ScoringRule]:
    """Enterprise safety inspection score (our own method), for the API and the forms."""
    return [check.RULE, check.FORM_RULE]


safegrid_risk_library = PACK.safegrid_risk_library
safegrid_form_definitions = PACK.safegrid_form_definitions
safegrid_monitoring_parameters = PACK.safegrid_monitoring_parameters
safegrid_document_sections = PACK.safegrid_document_sections


@hookimpl
def safegrid_emergency_templates() -> list[EmergencyTemplate]:
    """Typical emergency plans, drill scenarios and required trainings."""
    return [
        EmergencyTemplate(
            kind="plan",
            key="dangerous_goods_special_plan",
            industry="road_transport",
            title=I18nText(
                "危险货物运输车辆泄漏专项应急预案",
                "Special plan for leaks from dangerous goods vehicles",
            ),
            plan_kind="special",
            basis="生产安全事故应急预案管理办法（应急管理部令第2号）",
        ),
        EmergencyTemplate(
            kind="plan",
            key="vehicle_fire_on_site",
            industry="road_transport",
            title=I18nText(
                "营运车辆火灾现场处置方案", "On-site disposal plan for a vehicle fire"
            ),
            plan_kind="on_site",
            basis="生产安全事故应急预案管理办法（应急管理部令第2号）",
        ),
        EmergencyTemplate(
            kind="drill_scenario",
            key="tanker_leak_drill",
            industry="road_transport",
            title=I18nText("罐车途中泄漏处置演练", "Tanker leak on the road drill"),
            plan_kind="special",
        ),
        EmergencyTemplate(
            kind="training",
            key="dangerous_goods_driver",
            industry="road_transport",
            title=I18nText(
                "道路危险货物运输从业资格",
                "Road dangerous goods transport qualification",
            ),
            posts=I18nText(
                "危险货物运输驾驶员、押运员岗位", "Dangerous goods drivers and escorts"
            ),
            is_certificate=True,
            valid_months=72,
            basis="道路运输从业人员管理规定（交通部令2006年第9号）",
        ),
    ]
