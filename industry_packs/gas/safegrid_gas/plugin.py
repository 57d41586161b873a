"""The urban gas pack (城镇燃气), declared for ``IndustryPack``.

``gas_check`` scores an inspection against 建城规〔2023〕4号 from its own
input (API); ``gas_checklist`` scores the pack's checklists, user checks
included, in the forms engine. The risk library, checklists, criteria,
monitored parameters, document sections and emergency templates are the
content of ``data``. The entry point names ``PACK``.
"""

from plugins.contributions import I18nText
from plugins.pack_support.industry import IndustryPack
from safegrid_gas import data
from safegrid_gas import gas_check as check
from safegrid_gas.data.emergency import EMERGENCY_TEMPLATES

PACK = IndustryPack(
    data.content(),
    name=I18nText("城镇燃气", "Urban gas"),
    description=I18nText(
        "城镇燃气经营企业：厂站、管网、瓶装气",
        "Urban gas operators: stations, pipelines, bottled gas",
    ),
    rules=[check.RULE, check.FORM_RULE],
    form_rules={check.KEY: check.FORM_KEY},
    emergency_templates=EMERGENCY_TEMPLATES,
)
