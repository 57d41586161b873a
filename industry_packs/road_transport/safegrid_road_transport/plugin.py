"""The road transport pack (道路运输), declared for ``IndustryPack``.

``road_transport_check`` is our own inspection score with the automatic fail
of 交办运〔2023〕52号 (API input); ``road_transport_checklist`` is the same
method for the pack's checklists in the forms engine. Everything else (risk
library, checklists, criteria, monitoring, documents, emergency templates) is
the content of ``data``. The entry point names ``PACK``.
"""

from plugins.pack_support.industry import IndustryPack
from safegrid_road_transport import data
from safegrid_road_transport import road_transport_check as check

PACK = IndustryPack.from_data(
    data, rules=[check.RULE, check.FORM_RULE], form_rules={check.KEY: check.FORM_KEY}
)
