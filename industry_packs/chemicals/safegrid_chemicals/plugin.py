"""The hazardous chemicals pack (危险化学品), declared for ``IndustryPack``.

Its scoring rule is GB 18218-2018 major hazard grading (``gb18218``, for the
API). Its risk library, checklists, the 安监总管三〔2017〕121号 criteria, the
daily 安全风险研判与承诺公告 (a public notice), monitored parameters,
document sections, the inspection schedules of 应急〔2019〕78号 and
应急厅〔2021〕12号 and its emergency templates are the neutral content of
``data``, which ``IndustryPack`` maps onto the hooks. The entry point names
``PACK``.
"""

from plugins.pack_support.industry import IndustryPack
from safegrid_chemicals import data, gb18218

PACK = IndustryPack.from_data(data, rules=[gb18218.RULE])
