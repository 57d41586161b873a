"""Hook implementations of the hazardous chemicals pack (危险化学品).

Its scoring rule is GB 18218-2018 major hazard grading (``gb18218``, for the
API). Its risk library, checklists, the 安监总管三〔2017〕121号 criteria, the
daily 安全风险研判与承诺公告 (a public notice), monitored parameters,
document sections and the inspection schedules of 应急〔2019〕78号 and
应急厅〔2021〕12号 are the neutral content of ``data``, which ``ContentPack``
maps onto the hooks.
"""

from plugins import hookimpl
from plugins.contributions import (
    EmergencyTemplate,
    I18nText,
    IndustryContribution,
    ScoringRule,
)
from plugins.pack_support.adapters import ContentPack
from safegrid_chemicals import data, gb18218

PACK = ContentPack(data.content())


@hookimpl
def safegrid_industries() -> list[IndustryContribution]:
    return [
        IndustryContribution(
            code="chemicals",
            name=I18nText(zh_hans="危险化学品", en="Hazardous chemicals"),
            description=I18nText(
                zh_hans="危险化学品生产、储存、使用和经营企业",
                en="Enterprises that produce, store, use or trade hazardous chemicals",
            ),
        )
    ]


@hookimpl
def safegrid_scoring_rules() -> list[ScoringRule]:
    """GB 18218-2018 identification and grading of major hazard sources."""
    return [gb18218.RULE]


safegrid_risk_library = PACK.safegrid_risk_library
safegrid_form_definitions = PACK.safegrid_form_definitions
safegrid_monitoring_parameters = PACK.safegrid_monitoring_parameters
safegrid_document_sections = PACK.safegrid_document_sections
safegrid_inspection_schedules = PACK.safegrid_inspection_schedules


@hookimpl
def safegrid_emergency_templates() -> list[EmergencyTemplate]:
    """Typical emergency plans, drill scenarios and required trainings."""
    return [
        EmergencyTemplate(
            kind="plan",
            key="comprehensive_plan",
            industry="chemicals",
            title=I18nText(
                "危险化学品企业综合应急预案",
                "Comprehensive emergency plan of a chemicals enterprise",
            ),
            plan_kind="comprehensive",
            basis="生产安全事故应急预案管理办法（应急管理部令第2号）",
        ),
        EmergencyTemplate(
            kind="plan",
            key="leak_special_plan",
            industry="chemicals",
            title=I18nText(
                "危险化学品泄漏专项应急预案",
                "Special plan for hazardous chemical leaks",
            ),
            plan_kind="special",
            basis="生产安全事故应急预案管理办法（应急管理部令第2号）",
        ),
        EmergencyTemplate(
            kind="plan",
            key="reactor_on_site",
            industry="chemicals",
            title=I18nText(
                "反应釜超温超压现场处置方案",
                "On-site disposal plan for reactor over-temperature and over-pressure",
            ),
            plan_kind="on_site",
            basis="生产安全事故应急预案管理办法（应急管理部令第2号）",
        ),
        EmergencyTemplate(
            kind="drill_scenario",
            key="tank_leak_drill",
            industry="chemicals",
            title=I18nText(
                "储罐区物料泄漏及初期火灾演练",
                "Tank farm leak and incipient fire drill",
            ),
            plan_kind="on_site",
        ),
        EmergencyTemplate(
            kind="training",
            key="hazardous_process",
            industry="chemicals",
            title=I18nText(
                "危险化工工艺作业操作证",
                "Hazardous chemical process operation certificate",
            ),
            posts=I18nText(
                "重点监管危险化工工艺操作岗位",
                "Posts operating key supervised processes",
            ),
            is_certificate=True,
            valid_months=72,
            basis="特种作业人员安全技术培训考核管理规定（国家安全监管总局令第30号）",
        ),
    ]
