"""Hook implementations of the construction pack (建筑施工).

JGJ 59-2011 scores a site twice over: ``jgj59`` takes the tables through the
API, ``jgj59_table`` scores the table checklists in the forms engine. The
risk library, the JGJ 59 tables and other checklists, the 建质规〔2024〕5号
criteria, monitored parameters and document sections come from ``data``
through ``ContentPack``.
"""

from plugins import hookimpl
from plugins.contributions import (
    EmergencyTemplate,
    I18nText,
    IndustryContribution,
    ScoringRule,
)
from plugins.pack_support.adapters import ContentPack
from safegrid_construction import data, jgj59

PACK = ContentPack(data.content(), form_rules={jgj59.KEY: jgj59.FORM_KEY})


@hookimpl
def safegrid_industries() -> list[IndustryContribution]:
    return [
        IndustryContribution(
            code="construction",
            name=I18nText(zh_hans="建筑施工", en="Construction"),
            description=I18nText(
                zh_hans="房屋建筑和市政基础设施工程施工",
                en="Building and municipal infrastructure construction",
            ),
        )
    ]


@hookimpl
def safegrid_scoring_rules() -> list[ScoringRule]:
    """JGJ 59-2011 site inspection score, for the API and for the table forms."""
    return [jgj59.RULE, jgj59.FORM_RULE]


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
            key="fall_special_plan",
            industry="construction",
            title=I18nText(
                "高处坠落专项应急预案", "Special plan for falls from height"
            ),
            plan_kind="special",
            basis="生产安全事故应急预案管理办法（应急管理部令第2号）",
        ),
        EmergencyTemplate(
            kind="plan",
            key="collapse_on_site",
            industry="construction",
            title=I18nText(
                "脚手架坍塌现场处置方案", "On-site disposal plan for scaffold collapse"
            ),
            plan_kind="on_site",
            basis="生产安全事故应急预案管理办法（应急管理部令第2号）",
        ),
        EmergencyTemplate(
            kind="drill_scenario",
            key="scaffold_collapse_drill",
            industry="construction",
            title=I18nText("脚手架坍塌人员救援演练", "Scaffold collapse rescue drill"),
            plan_kind="on_site",
        ),
        EmergencyTemplate(
            kind="training",
            key="scaffolder",
            industry="construction",
            title=I18nText(
                "建筑架子工操作资格证书", "Construction scaffolder certificate"
            ),
            posts=I18nText("架子工岗位", "Scaffolder posts"),
            is_certificate=True,
            valid_months=24,
            basis="建筑施工特种作业人员管理规定（建质〔2008〕75号）",
        ),
    ]
