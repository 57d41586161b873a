"""The urban gas pack (城镇燃气), declared for ``IndustryPack``.

``gas_check`` scores an inspection against 建城规〔2023〕4号 from its own
input (API); ``gas_checklist`` scores the pack's checklists, user checks
included, in the forms engine. The risk library, checklists, criteria,
monitored parameters, document sections and emergency templates are the
content of ``data``. The entry point names ``PACK``.
"""

from plugins.pack_support.industry import IndustryPack
from safegrid_gas import data
from safegrid_gas import gas_check as check

PACK = IndustryPack.from_data(
    data, rules=[check.RULE, check.FORM_RULE], form_rules={check.KEY: check.FORM_KEY}
)
