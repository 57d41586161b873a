"""The construction pack (建筑施工), declared for ``IndustryPack``.

JGJ 59-2011 scores a site twice over: ``jgj59`` takes the tables through the
API, ``jgj59_table`` scores the table checklists in the forms engine. The
risk library, the JGJ 59 tables and other checklists, the 建质规〔2024〕5号
criteria, monitored parameters, document sections and emergency templates
come from ``data``. The entry point names ``PACK``.
"""

from plugins.pack_support.industry import IndustryPack
from safegrid_construction import data, jgj59

PACK = IndustryPack.from_data(
    data, rules=[jgj59.RULE, jgj59.FORM_RULE], form_rules={jgj59.KEY: jgj59.FORM_KEY}
)
