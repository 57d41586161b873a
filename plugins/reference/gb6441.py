"""GB 6441-1986 《企业职工伤亡事故分类》: the 20 accident types, by code.

FACTS §5.1. Check whether GB 6441 has been revised before relying on a new
edition: a new one becomes a second ``Vocabulary`` with its own edition, and
records keep the edition they used.
"""

from plugins.vocabularies import Vocabulary

EDITION = "GB 6441-1986"

_TYPES = (
    ("01", "物体打击", "Struck by an object"),
    ("02", "车辆伤害", "Vehicle injury"),
    ("03", "机械伤害", "Machinery injury"),
    ("04", "起重伤害", "Lifting injury"),
    ("05", "触电", "Electric shock"),
    ("06", "淹溺", "Drowning"),
    ("07", "灼烫", "Burns and scalds"),
    ("08", "火灾", "Fire"),
    ("09", "高处坠落", "Fall from height"),
    ("10", "坍塌", "Collapse"),
    ("11", "冒顶片帮", "Roof fall and rib spalling"),
    ("12", "透水", "Water inrush"),
    ("13", "放炮", "Blasting"),
    ("14", "火药爆炸", "Explosion of explosives"),
    ("15", "瓦斯爆炸", "Firedamp explosion"),
    ("16", "锅炉爆炸", "Boiler explosion"),
    ("17", "容器爆炸", "Pressure vessel explosion"),
    ("18", "其他爆炸", "Other explosion"),
    ("19", "中毒和窒息", "Poisoning and asphyxiation"),
    ("20", "其他伤害", "Other injury"),
)

ACCIDENT_TYPES = Vocabulary.from_rows("GB 6441 accident type", _TYPES, edition=EDITION)
