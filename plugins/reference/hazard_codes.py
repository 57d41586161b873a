"""The code sets of a hidden-hazard record (隐患), and the hazard grades.

The code sets follow the data items of the national digital-construction
guideline for the dual prevention data of hazardous-chemical enterprises
(FACTS §6, "Code sets on a hazard record"); the wording is ours. The grades
follow 原国家安全生产监督管理总局令第16号 (2007): 一般事故隐患 and 重大事故隐患;
some groups use a third tier between them (FACTS §6), which the platform
offers when ``SAFEGRID_HAZARD_THIRD_TIER`` is on. A new edition of a code set
becomes a second ``Vocabulary`` with its own edition; records keep the keys
they were written with.
"""

from plugins.vocabularies import Vocabulary

EDITION = "dual-prevention data items (hazardous chemicals), 2021"
GRADES_EDITION = "安监总局令第16号 (2007)"

_HOW_FOUND = (
    ("routine", "日常排查", "Routine check"),
    ("comprehensive", "综合性排查", "Comprehensive check"),
    ("specialist", "专项排查", "Specialist check"),
    ("seasonal", "季节性排查", "Seasonal check"),
    ("holiday", "节假日前排查", "Check before holidays"),
    ("accident_analogy", "事故类比排查", "Check by analogy with an accident"),
    ("resumption", "复产复工前排查", "Check before resuming work"),
    ("external_expert", "外聘专家诊断", "External expert diagnosis"),
    ("control_failure", "管控措施失效", "A control measure failed"),
    ("other", "其他", "Other"),
)

_FIX_MODES = (
    ("on_the_spot", "即查即改", "Fixed on the spot"),
    ("by_deadline", "限期整改", "Fixed by a deadline"),
)

_HAZARD_TYPES = (
    ("safety", "安全", "Safety"),
    ("process", "工艺", "Process"),
    ("electrical", "电气", "Electrical"),
    ("instrument", "仪表", "Instrument"),
    ("fire", "消防", "Fire protection"),
    ("layout", "总图", "General layout"),
    ("equipment", "设备", "Equipment"),
    ("other", "其他", "Other"),
)

_MANAGEMENT_CLASSES = (
    ("unsafe_act", "人的不安全行为", "Unsafe act"),
    ("unsafe_condition", "物的不安全状态", "Unsafe condition"),
    ("management_defect", "管理缺陷", "Management defect"),
)

# Highest first, like the risk levels. ``significant`` is the optional third
# tier (较大), off unless configured.
_GRADES = (
    ("major", "重大事故隐患", "Major hazard"),
    ("significant", "较大事故隐患", "Significant hazard"),
    ("general", "一般事故隐患", "General hazard"),
)

HOW_FOUND = Vocabulary.from_rows("hazard: how found", _HOW_FOUND, edition=EDITION)
FIX_MODES = Vocabulary.from_rows("hazard: how fixed", _FIX_MODES, edition=EDITION)
HAZARD_TYPES = Vocabulary.from_rows("hazard type", _HAZARD_TYPES, edition=EDITION)
MANAGEMENT_CLASSES = Vocabulary.from_rows(
    "hazard management class", _MANAGEMENT_CLASSES, edition=EDITION
)
HAZARD_GRADES = Vocabulary.from_rows("hazard grade", _GRADES, edition=GRADES_EDITION)
THIRD_TIER = "significant"
