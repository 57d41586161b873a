"""Hook implementations of the road transport pack (道路运输).

``road_transport_check`` is our own inspection score with the automatic fail
of 交办运〔2023〕52号 (API input); ``road_transport_checklist`` is the same
method for the pack's checklists in the forms engine. Everything else (risk
library, checklists, criteria, monitoring, documents) is the content of
``data``, mapped onto the hooks by ``ContentPack``.
"""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution, ScoringRule
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
