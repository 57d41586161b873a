"""Hook implementations of the hazardous chemicals pack (危险化学品).

Its scoring rule is GB 18218-2018 major hazard grading (``gb18218``, for the
API). Its risk library, checklists, the 安监总管三〔2017〕121号 criteria, the
daily 安全风险研判与承诺公告 (a public notice), monitored parameters,
document sections and the inspection schedules of 应急〔2019〕78号 and
应急厅〔2021〕12号 are the neutral content of ``data``, which ``ContentPack``
maps onto the hooks.
"""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution, ScoringRule
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
