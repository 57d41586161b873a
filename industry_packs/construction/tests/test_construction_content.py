"""The construction pack's content holds together, and its JGJ 59 tables fit jgj59."""

import copy
import re
from collections import Counter

import pytest
from safegrid_construction import data, jgj59, jgj59_data
from safegrid_construction.data.checklists import JGJ59_CHECKLISTS, jgj59_payload

from plugins.pack_support import content as shape
from plugins.pack_support.validation import problems as content_problems

CJK = re.compile(r"[\u3400-\u9fff]")
CONTENT = data.content()


def all_questions(definition):
    return [q for s in definition["sections"] for q in shape.iter_questions(s["items"])]


def test_content_has_no_problems():
    assert data.problems() == []


def test_at_least_fifteen_risk_points():
    assert len(data.RISK_POINTS) >= 15
    names = {p["name"]["zh_hans"] for p in data.RISK_POINTS}
    for expected in (
        "深基坑工程",
        "高大模板支撑体系",
        "塔式起重机",
        "有限空间作业",
        "拆除工程",
    ):
        assert expected in names


def test_keys_are_unique_everywhere():
    def unique(keys):
        keys = list(keys)
        return len(keys) == len(set(keys))

    points = data.RISK_POINTS
    assert unique(p["key"] for p in points)
    assert unique(e["key"] for p in points for e in p["events"])
    assert unique(m["key"] for p in points for e in p["events"] for m in e["measures"])
    definitions = data.CHECKLISTS + data.FORMS + data.CRITERIA
    assert unique(d["key"] for d in definitions)
    for definition in definitions:
        assert unique(s["key"] for s in definition["sections"])
        assert unique(q["key"] for q in all_questions(definition))
    assert unique(p["key"] for p in data.MONITORED_PARAMETERS)


def test_accident_types_and_hazard_codes():
    codes = {f"{n:02d}" for n in range(1, 21)}
    for point in data.RISK_POINTS:
        for item in point["hazard_factors"]:
            assert item["code"] in shape.HAZARD_FACTOR_CODES, item["code"]
        for event in point["events"]:
            assert event["accident_types"] and set(event["accident_types"]) <= codes


def test_every_label_has_chinese_text():
    for path, value in shape.iter_texts(CONTENT):
        assert CJK.search(value["zh_hans"]), path
        assert value["en"].strip(), path


def test_every_main_operation_has_a_checklist():
    for operation in data.OPERATIONS:
        assert any(operation["key"] in c["operations"] for c in data.CHECKLISTS), (
            operation
        )


def test_criteria_2024_count_53_across_articles_4_to_17():
    (criteria,) = data.CRITERIA
    items = [q for q in all_questions(criteria) if q["type"] == "check"]
    assert len(items) == 53
    per_article = Counter(q["article"] for q in items)
    assert per_article == {
        4: 5, 5: 4, 6: 4, 7: 3, 8: 9, 9: 5, 10: 2,
        11: 4, 12: 2, 13: 7, 14: 3, 15: 3, 16: 1, 17: 1,
    }  # fmt: skip
    numbered = [q for q in items if q["item"] is not None]
    assert len(numbered) == 51
    for article, count in per_article.items():
        numbers = [q["item"] for q in items if q["article"] == article]
        assert numbers == ([None] if article in (16, 17) else list(range(1, count + 1)))
    for q in items:
        assert q["major_hazard"] is True and q["hazard_grade"] == "major"
        assert q["basis"][0]["document"] == "建质规〔2024〕5号"
    assert "管涌" in next(q for q in items if q["key"] == "art5_4")["help"]["zh_hans"]


def test_criteria_editions_2024_current_2022_expired():
    editions = {e["key"]: e for e in data.CRITERIA_EDITIONS}
    current = editions["construction_2024_5"]
    assert (current["document"], current["issued"], current["effective"]) == (
        "建质规〔2024〕5号",
        "2024-12-13",
        "2024-12-13",
    )
    assert current["status"] == "current" and current["counts"]["criteria"] == 53
    old = editions["construction_2022_2"]
    assert old["status"] == "repealed" and old["valid_until"] == "2024-12-13"
    assert data.CRITERIA[0]["edition"] == "construction_2024_5"


def test_one_checklist_per_jgj59_table_with_the_rule_item_keys():
    assert len(JGJ59_CHECKLISTS) == len(jgj59_data.TABLES_IN_ORDER) == 19
    for checklist, table in zip(
        JGJ59_CHECKLISTS, jgj59_data.TABLES_IN_ORDER, strict=True
    ):
        assert checklist["scoring"] == {
            "method": "rule",
            "rule": "jgj59",
            "table": table.key,
            "table_number": table.number,
            "summary_item": table.summary_item,
        }
        mapped = [q for q in all_questions(checklist) if "maps_to" in q]
        assert [q["key"] for q in mapped] == [item.key for item in table.items]
        for q, item in zip(mapped, table.items, strict=True):
            assert q["max"] == q["full_score"] == float(item.full_score)
            assert q["guarantee"] is item.guarantee
            assert q["maps_to"] == {
                "rule": "jgj59",
                "table": table.key,
                "item": item.key,
            }


def test_filled_jgj59_checklists_are_accepted_and_scored_by_the_rule():
    answers = {}
    for checklist in JGJ59_CHECKLISTS:
        mapped = [q for q in all_questions(checklist) if "maps_to" in q]
        answers[checklist["key"]] = {q["key"]: 0 for q in mapped}
    answers["jgj59_safety_management"]["responsibility_system"] = 10
    answers["jgj59_construction_machinery"]["planers"] = "not_applicable"
    payload = jgj59_payload(answers)
    assert jgj59.validate(payload) == []
    result = jgj59.evaluate(payload)
    # A guarantee item at 0 zeroes 安全管理 (weight 10): total 90, but fail.
    assert result["zeroed_tables"] == ["safety_management"]
    assert result["grade"] == "fail"
    assert result["total"] == 90


def test_jgj59_tables_also_ask_the_matching_criteria():
    criteria_keys = {q["key"] for q in all_questions(data.CRITERIA[0])}
    pit = next(c for c in JGJ59_CHECKLISTS if c["key"] == "jgj59_foundation_pit")
    checks = [q for q in all_questions(pit) if q["type"] == "check"]
    assert {q["criterion"] for q in checks} == {
        "art5_1", "art5_2", "art5_3", "art5_4", "art14_1", "art14_2",
    }  # fmt: skip
    for checklist in data.CHECKLISTS:
        for q in all_questions(checklist):
            if q["type"] == "check" and q["criterion"]:
                assert q["criterion"] in criteria_keys and q["hazard_grade"] == "major"


def test_deformation_alarm_cites_article_5_4():
    pit = next(
        p for p in data.MONITORED_PARAMETERS if p["key"] == "pit_deformation_ratio"
    )
    cited = [t for t in pit["thresholds"] if "basis" in t]
    assert cited[0]["basis"] == {
        "document": "建质规〔2024〕5号",
        "clause": "第五条第（四）项",
    }


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda c: c["risk_points"][0]["events"][0].update(accident_types=["00"]), "GB 6441"),
        (lambda c: c["criteria"][0]["sections"][0]["items"][0].update(major_hazard=False), "major hazard"),
        (lambda c: c["checklists"][0]["sections"][0]["items"][0]["maps_to"].update(rule="ls"), "maps to a rule"),
        (lambda c: c["criteria_editions"][1].update(valid_until=None), "valid_until"),
    ],
)  # fmt: skip
def test_the_integrity_check_catches_broken_content(breakage, expected):
    broken = copy.deepcopy(CONTENT)
    breakage(broken)
    assert any(expected in problem for problem in content_problems(broken))
