"""GB/T 13861-2022 《生产过程危险和有害因素分类与代码》: the classes used here.

Only the codes checked against a published source (FACTS-2 §5): the top two
levels of every group, group 1 down to six digits, and class 2101 with
210101-210105. "其他负荷超限" is left out on purpose: one source gives 110104
(2022), another 110199 (2009). The deeper codes of groups 21-49 changed in
2022 and are to be loaded only from the official code table. Codes are
layered: 1 digit (人/物/环境/管理), then 2, 4 and 6 digits; "99" is "other".
"""

from plugins.vocabularies import Vocabulary

EDITION = "GB/T 13861-2022"

_CLASSES = (
    ("1", "人的因素", "Human factors"),
    ("11", "心理、生理性危险和有害因素", "Psychological and physiological hazards"),
    ("1101", "负荷超限", "Overload"),
    ("110101", "体力负荷超限", "Physical overload"),
    ("110102", "听力负荷超限", "Hearing overload"),
    ("110103", "视力负荷超限", "Visual overload"),
    ("1102", "健康状况异常", "Abnormal state of health"),
    ("1103", "从事禁忌作业", "Work the person is medically unfit for"),
    ("1104", "心理异常", "Psychological abnormality"),
    ("110401", "情绪异常", "Emotional abnormality"),
    ("110402", "冒险心理", "Risk-taking attitude"),
    ("110403", "过度紧张", "Excessive tension"),
    ("110499", "其他心理异常", "Other psychological abnormality"),
    ("1105", "辨识功能缺陷", "Defective recognition"),
    ("110501", "感知延迟", "Delayed perception"),
    ("110502", "辨识错误", "Recognition error"),
    ("110599", "其他辨识功能缺陷", "Other defective recognition"),
    (
        "1199",
        "其他心理、生理性危险和有害因素",
        "Other psychological and physiological hazards",
    ),
    ("12", "行为性危险和有害因素", "Behavioural hazards"),
    ("1201", "指挥错误", "Command error"),
    ("120101", "指挥失误", "Mistaken command"),
    ("120102", "违章指挥", "Command in breach of the rules"),
    ("120199", "其他指挥错误", "Other command error"),
    ("1202", "操作错误", "Operating error"),
    ("120201", "误操作", "Wrong operation"),
    ("120202", "违章作业", "Work in breach of the rules"),
    ("120299", "其他操作错误", "Other operating error"),
    ("1203", "监护失误", "Supervision failure"),
    ("1299", "其他行为性危险和有害因素", "Other behavioural hazards"),
    ("2", "物的因素", "Material factors"),
    ("21", "物理性危险和有害因素", "Physical hazards"),
    (
        "2101",
        "设备、设施、工具、附件缺陷",
        "Defects of equipment, facilities, tools and accessories",
    ),
    ("210101", "强度不够", "Insufficient strength"),
    ("210102", "刚度不够", "Insufficient stiffness"),
    ("210103", "稳定性差", "Poor stability"),
    ("210104", "密封不良", "Poor sealing"),
    ("210105", "耐腐蚀性差", "Poor corrosion resistance"),
    ("22", "化学性危险和有害因素", "Chemical hazards"),
    ("23", "生物性危险和有害因素", "Biological hazards"),
    ("3", "环境因素", "Environmental factors"),
    ("31", "室内作业场所环境不良", "Poor indoor workplace environment"),
    ("32", "室外作业场地环境不良", "Poor outdoor worksite environment"),
    (
        "33",
        "地下（含水下）作业环境不良",
        "Poor underground (incl. underwater) environment",
    ),
    ("39", "其他作业环境不良", "Other poor working environment"),
    ("4", "管理因素", "Management factors"),
    ("41", "机构设置和人员配备不健全", "Incomplete organisation and staffing"),
    ("42", "责任制不完善或未落实", "Responsibilities incomplete or not carried out"),
    ("43", "管理制度不完善或未落实", "Management rules incomplete or not carried out"),
    ("44", "投入不足", "Insufficient investment"),
    ("45", "应急管理缺陷", "Defects of emergency management"),
    ("49", "其他管理因素缺陷", "Other management defects"),
)

HAZARD_FACTOR_CLASSES = Vocabulary.from_rows(
    "GB/T 13861 hazard factor class", _CLASSES, edition=EDITION
)
