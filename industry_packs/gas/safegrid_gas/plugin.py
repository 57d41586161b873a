"""Hook implementations of the urban gas pack (城镇燃气).

``gas_check`` scores an inspection against 建城规〔2023〕4号 from its own
input (API); ``gas_checklist`` scores the pack's checklists, user checks
included, in the forms engine. The risk library, checklists, criteria,
monitored parameters and document sections are the content of ``data``,
which ``ContentPack`` maps onto the hooks.
"""

from plugins import hookimpl
from plugins.contributions import (
    EmergencyTemplate,
    I18nText,
    IndustryContribution,
    ScoringRule,
)
from plugins.pack_support.adapters import ContentPack
from safegrid_gas import data
from safegrid_gas import gas_check as check

PACK = ContentPack(data.content(), form_rules={check.KEY: check.FORM_KEY})


@hookimpl
def safegrid_industries() -> list[IndustryContribution]:
    return [
        IndustryContribution(
            code="gas",
            name=I18nText(zh_hans="城镇燃气", en="Urban gas"),
            description=I18nText(
                zh_hans="城镇燃气经营企业：厂站、管网、瓶装气",
                en="Urban gas operators: stations, pipelines, bottled gas",
            ),
        )
    ]


@hookimpl
def safegrid_scoring_rules() -> list[ScoringRule]:
    """Gas operator safety inspection score (our own method), for the API and the forms."""
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
            key="gas_leak_special_plan",
            industry="gas",
            title=I18nText("燃气泄漏专项应急预案", "Special plan for gas leaks"),
            plan_kind="special",
            basis="生产安全事故应急预案管理办法（应急管理部令第2号）",
        ),
        EmergencyTemplate(
            kind="plan",
            key="regulator_station_on_site",
            industry="gas",
            title=I18nText(
                "调压站泄漏现场处置方案",
                "On-site disposal plan for a leak at a regulator station",
            ),
            plan_kind="on_site",
            basis="生产安全事故应急预案管理办法（应急管理部令第2号）",
        ),
        EmergencyTemplate(
            kind="drill_scenario",
            key="pipeline_leak_drill",
            industry="gas",
            title=I18nText(
                "中压管道泄漏抢修演练", "Medium-pressure pipeline leak repair drill"
            ),
            plan_kind="special",
        ),
        EmergencyTemplate(
            kind="training",
            key="gas_staff",
            industry="gas",
            title=I18nText(
                "燃气经营企业从业人员专业培训考核",
                "Professional training and assessment of gas company staff",
            ),
            posts=I18nText(
                "燃气经营、运行维护和抢修岗位", "Gas supply, operation and repair posts"
            ),
            basis="城镇燃气管理条例（国务院令第583号）",
        ),
    ]
