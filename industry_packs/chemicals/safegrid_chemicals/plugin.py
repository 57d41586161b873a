"""The hazardous chemicals pack (危险化学品), declared for ``IndustryPack``.

Its scoring rule is GB 18218-2018 major hazard grading (``gb18218``, for the
API). Its risk library, checklists, the 安监总管三〔2017〕121号 criteria, the
daily 安全风险研判与承诺公告 (a public notice), monitored parameters,
document sections, the inspection schedules of 应急〔2019〕78号 and
应急厅〔2021〕12号 and its emergency templates are the neutral content of
``data``, which ``IndustryPack`` maps onto the hooks. The entry point names
``PACK``.
"""

from plugins.contributions import I18nText
from plugins.pack_support.industry import IndustryPack
from safegrid_chemicals import data, gb18218
from safegrid_chemicals.data.emergency import EMERGENCY_TEMPLATES

PACK = IndustryPack(
    data.content(),
    name=I18nText("危险化学品", "Hazardous chemicals"),
    description=I18nText(
        "危险化学品生产、储存、使用和经营企业",
        "Enterprises that produce, store, use or trade hazardous chemicals",
    ),
    rules=[gb18218.RULE],
    emergency_templates=EMERGENCY_TEMPLATES,
)
