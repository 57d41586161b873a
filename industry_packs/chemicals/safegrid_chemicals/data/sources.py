"""The documents this pack's content cites, by the key a basis uses.

``checked`` is True where the project's domain notes (FACTS.md, FACTS-2.md)
checked the document against a published source; other entries are named
from general domain knowledge and cited by number only, never by clause.
"""

from plugins.pack_support.content import text

INDUSTRY = "chemicals"
# What the industry is, in both languages (the industry hook).
INDUSTRY_NAME = text("危险化学品", "Hazardous chemicals")
INDUSTRY_DESCRIPTION = text(
    "危险化学品生产、储存、使用和经营企业",
    "Enterprises that produce, store, use or trade hazardous chemicals",
)

SOURCES = {
    "安监总管三〔2017〕121号": {
        "title": text(
            "化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）",
            "Criteria for major accident hazards in chemical and hazardous-chemical units (trial)",
        ),
        "kind": "criteria",
        "status": "current",
        "checked": True,
    },
    "GB 18218-2018": {
        "title": text(
            "危险化学品重大危险源辨识",
            "Identification of major hazard installations for hazardous chemicals",
        ),
        "kind": "standard",
        "status": "current",
        "checked": True,
    },
    "应急〔2019〕78号": {
        "title": text(
            "危险化学品企业安全风险隐患排查治理导则",
            "Guideline on investigating and remedying safety risks and hazards in hazardous-chemical enterprises",
        ),
        "kind": "regulation",
        "status": "current",
        "checked": True,
    },
    "应急〔2018〕74号": {
        "title": text(
            "关于全面实施危险化学品企业安全风险研判与承诺公告制度的通知",
            "Notice on the daily safety risk judgement and commitment announcement of hazardous-chemical enterprises",
        ),
        "kind": "regulation",
        "status": "current",
        "checked": False,
        "note": text(
            "应急管理部2018年9月公布该制度；文号按通行引用填写，发布前与原文核对",
            "Announced by MEM in September 2018; the number is the commonly cited one, check it against the original",
        ),
    },
    "GB 30871-2022": {
        "title": text(
            "危险化学品企业特殊作业安全规范",
            "Safety code for special work in hazardous-chemical enterprises",
        ),
        "kind": "standard",
        "status": "current",
        "checked": False,
    },
    "GB/T 50493-2019": {
        "title": text(
            "石油化工可燃气体和有毒气体检测报警设计标准",
            "Design standard for combustible and toxic gas detection and alarm in petrochemical plants",
        ),
        "kind": "standard",
        "status": "current",
        "checked": True,
        "note": text(
            "报警设定值：可燃气体一级≤25%LEL、二级≤50%LEL；有毒气体一级≤100%OEL、二级≤200%OEL",
            "Alarm settings: combustible first ≤25% LEL, second ≤50% LEL; toxic first ≤100% OEL, second ≤200% OEL",
        ),
    },
    "GB 50160-2008": {
        "title": text(
            "石油化工企业设计防火标准（2018年版）",
            "Fire prevention code of petrochemical enterprise design (2018 edition)",
        ),
        "kind": "standard",
        "status": "current",
        "checked": False,
    },
    "GB 50058-2014": {
        "title": text(
            "爆炸危险环境电力装置设计规范",
            "Code for design of electrical installations in explosive atmospheres",
        ),
        "kind": "standard",
        "status": "current",
        "checked": False,
    },
    "GB 15603-2022": {
        "title": text(
            "危险化学品仓库储存通则",
            "General rules for storage of hazardous chemicals in warehouses",
        ),
        "kind": "standard",
        "status": "current",
        "checked": False,
    },
    "AQ 3036-2010": {
        "title": text(
            "危险化学品重大危险源 罐区现场安全监控装备设置规范",
            "Safety monitoring equipment for tank farms that are major hazard installations",
        ),
        "kind": "standard",
        "status": "current",
        "checked": False,
    },
    "安监总管三〔2009〕116号": {
        "title": text(
            "首批重点监管的危险化工工艺目录",
            "First list of key-supervised hazardous chemical processes",
        ),
        "kind": "regulation",
        "status": "current",
        "checked": False,
    },
    "TSG 21-2016": {
        "title": text(
            "固定式压力容器安全技术监察规程",
            "Supervision regulation on safety technology for stationary pressure vessels",
        ),
        "kind": "standard",
        "status": "current",
        "checked": False,
    },
    "TSG 23-2021": {
        "title": text(
            "气瓶安全技术规程", "Safety technical regulation for gas cylinders"
        ),
        "kind": "standard",
        "status": "current",
        "checked": False,
    },
    "GB 11984-2008": {
        "title": text("氯气安全规程", "Safety code for chlorine"),
        "kind": "standard",
        "status": "current",
        "checked": False,
    },
    "应急厅〔2021〕12号": {
        "title": text(
            "危险化学品企业重大危险源安全包保责任制办法（试行）",
            "Measures on the accountability system for major hazard sources of hazardous-chemical enterprises (trial)",
        ),
        "kind": "regulation",
        "status": "current",
        "checked": True,
        "note": text(
            "2021-02-04印发，试行三年；发布前核对是否延期或被替代",
            "Issued 2021-02-04 for a three-year trial; check whether it was extended or replaced before release",
        ),
    },
    "TSG D0001-2009": {
        "title": text(
            "压力管道安全技术监察规程——工业管道",
            "Supervision regulation on safety technology for industrial pressure piping",
        ),
        "kind": "standard",
        "status": "current",
        "checked": False,
    },
    "GB 50052-2009": {
        "title": text(
            "供配电系统设计规范", "Code for design of electric power supply systems"
        ),
        "kind": "standard",
        "status": "current",
        "checked": False,
    },
    "安全生产法": {
        "title": text(
            "中华人民共和国安全生产法（2021年修正）",
            "Work Safety Law of the PRC (2021 amendment)",
        ),
        "kind": "law",
        "status": "current",
        "checked": True,
    },
    "国务院令第591号": {
        "title": text(
            "危险化学品安全管理条例",
            "Regulations on the safe management of hazardous chemicals",
        ),
        "kind": "regulation",
        "status": "current",
        "checked": False,
    },
    "应急管理部令第2号": {
        "title": text(
            "生产安全事故应急预案管理办法",
            "Measures for the management of production safety emergency plans",
        ),
        "kind": "regulation",
        "status": "current",
        "checked": True,
    },
    "GB/T 29639-2020": {
        "title": text(
            "生产经营单位生产安全事故应急预案编制导则",
            "Guidelines for preparing production safety emergency plans",
        ),
        "kind": "standard",
        "status": "current",
        "checked": True,
    },
    "GB 6441-1986": {
        "title": text(
            "企业职工伤亡事故分类",
            "Classification of casualty accidents of enterprise staff",
        ),
        "kind": "standard",
        "status": "current",
        "checked": True,
    },
    "GB/T 13861-2022": {
        "title": text(
            "生产过程危险和有害因素分类与代码",
            "Classification and code of hazardous factors in production processes",
        ),
        "kind": "standard",
        "status": "current",
        "checked": True,
    },
}
