"""Hook implementations of the urban gas pack (城镇燃气).

``gas_check`` scores an inspection against 建城规〔2023〕4号 from its own
input (API); ``gas_checklist`` scores the pack's checklists, user checks
included, in the forms engine. The risk library, checklists, criteria,
monitored parameters and document sections are the content of ``data``,
which ``ContentPack`` maps onto the hooks.
"""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution, ScoringRule
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
