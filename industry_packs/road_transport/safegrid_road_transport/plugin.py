"""The road transport pack (道路运输), declared for ``IndustryPack``.

``road_transport_check`` is our own inspection score with the automatic fail
of 交办运〔2023〕52号 (API input); ``road_transport_checklist`` is the same
method for the pack's checklists in the forms engine. Everything else (risk
library, checklists, criteria, monitoring, documents, emergency templates) is
the content of ``data``. The entry point names ``PACK``.
"""

from plugins.contributions import I18nText
from plugins.pack_support.industry import IndustryPack
from safegrid_road_transport import data
from safegrid_road_transport import road_transport_check as check
from safegrid_road_transport.data.emergency import EMERGENCY_TEMPLATES

PACK = IndustryPack(
    data.content(),
    name=I18nText("道路运输", "Road transport"),
    description=I18nText(
        "道路旅客、普通货物和危险货物运输企业",
        "Road passenger, general freight and dangerous goods transport",
    ),
    rules=[check.RULE, check.FORM_RULE],
    form_rules={check.KEY: check.FORM_KEY},
    emergency_templates=EMERGENCY_TEMPLATES,
)
