"""A department's option lists (response sets), used by many questions and
forms; a published version freezes the options it used; another
department's list is refused."""

from __future__ import annotations

import pytest
from django.urls import reverse

from core.forms.models import OptionList
from core.forms.services import (
    DefinitionInvalid,
    assignment_create,
    definition_publish,
    submission_submit,
)
from core.organizations.scope import scope_for
from tests.core.forms.conftest import make_definition

PASS_FAIL = [
    {"type": "option", "value": {"value": "ok", "label": "合格", "score": 5, "finding": False}},
    {"type": "option", "value": {"value": "bad", "label": "不合格", "score": 0, "finding": True}},
    {"type": "option", "value": {"value": "na", "label": "不适用", "score": None, "finding": False}},
]  # fmt: skip


def _uses(option_list, key="valve"):
    return [
        {
            "type": "section",
            "value": {
                "key": "checks",
                "title": "检查",
                "questions": [
                    {
                        "type": "single_choice",
                        "value": {
                            "key": key,
                            "label": "安全阀",
                            "options": [],
                            "option_list": str(option_list.pk),
                        },
                    },
                    {
                        "type": "text",
                        "value": {
                            "key": "why",
                            "label": "原因",
                            "condition": {
                                "question": key,
                                "operator": "is",
                                "value": "bad",
                            },
                        },
                    },
                ],
            },
        }
    ]


@pytest.fixture
def pass_fail(chem_department):
    return OptionList.objects.create(
        department=chem_department, name="合格/不合格/不适用", options=PASS_FAIL
    )


def test_a_list_serves_many_forms_and_a_version_freezes_it(
    world, chem_department, pass_fail
):
    first = make_definition(
        chem_department, key="first", blocks=_uses(pass_fail), industry=world.chemicals
    )
    second = make_definition(chem_department, key="second", blocks=_uses(pass_fail, "gauge"), industry=world.chemicals)  # fmt: skip
    v1 = definition_publish(definition=first, user=world.dept_chemicals)
    definition_publish(definition=second, user=world.dept_chemicals)
    labels = [o["label"] for o in v1.ui_schema["questions"]["valve"]["options"]]
    assert labels == ["合格", "不合格", "不适用"]
    assert v1.json_schema["properties"]["valve"]["enum"] == ["ok", "bad", "na"]
    # The list changes: the published version keeps what it used ...
    options = list(PASS_FAIL)
    options[0] = {"type": "option", "value": {"value": "ok", "label": "良好", "score": 10, "finding": False}}  # fmt: skip
    pass_fail.options = options
    pass_fail.save()
    v1.refresh_from_db()
    assert v1.ui_schema["questions"]["valve"]["options"][0]["label"] == "合格"
    # ... and the next publish takes the list as it is now.
    v2 = definition_publish(definition=first, user=world.dept_chemicals)
    assert v2.number == 2
    assert v2.ui_schema["questions"]["valve"]["options"][0]["label"] == "良好"


def test_scores_and_findings_come_from_the_list(world, chem_department, pass_fail):
    definition = make_definition(
        chem_department, key="scored", blocks=_uses(pass_fail), industry=world.chemicals
    )
    version = definition_publish(definition=definition, user=world.dept_chemicals)
    assignment_create(
        scope=scope_for(world.dept_chemicals),
        definition=definition,
        industry=world.chemicals,
    )

    def submit(answer, **more):
        return submission_submit(
            actor=world.manager_a,
            version=version,
            enterprise=world.enterprise_a,
            data={"valve": answer, **more},
        )

    good = submit("ok")
    assert (good.score, good.max_score, good.findings) == (5, 5, [])
    bad = submit("bad", why="阀体锈蚀")
    assert (bad.score, bad.max_score) == (0, 5)
    assert [f["key"] for f in bad.findings] == ["valve"]
    not_applicable = submit("na")
    assert (not_applicable.score, not_applicable.max_score) == (0, 0)


def test_another_departments_list_is_refused(world, cons_department, pass_fail):
    definition = make_definition(
        cons_department, key="foreign", blocks=_uses(pass_fail)
    )
    with pytest.raises(DefinitionInvalid) as refused:
        definition_publish(definition=definition, user=world.dept_construction)
    (problem,) = refused.value.problems
    assert problem.location() == "blocks[0].questions[0].option_list"


def test_option_lists_are_listed_and_opened_in_the_department_only(
    client, world, pass_fail
):
    client.force_login(world.dept_chemicals)
    listing = client.get(reverse("form_option_lists:index")).content.decode()
    assert "合格/不合格/不适用" in listing
    edit = reverse("form_option_lists:edit", args=(pass_fail.pk,))
    assert client.get(edit).status_code == 200
    client.force_login(world.dept_construction)
    assert (
        "合格/不合格/不适用"
        not in client.get(reverse("form_option_lists:index")).content.decode()
    )
    assert client.get(edit).status_code == 404
    # Its editor offers only its own lists to the pickers.
    page = client.get(reverse("form_definitions:add")).content.decode()
    assert 'id="sg-option-lists"' in page and "合格/不合格/不适用" not in page


DEFECTS = [
    {"type": "option", "value": {"value": "rust", "label": "锈蚀", "score": -2, "finding": True}},
    {"type": "option", "value": {"value": "tag", "label": "标识清晰", "score": 3, "finding": False}},
    {"type": "option", "value": {"value": "seal", "label": "铅封完好", "score": 2, "finding": False}},
    {"type": "option", "value": {"value": "other", "label": "其他", "score": None, "finding": False}},
]  # fmt: skip


def test_a_multiple_choice_is_scored_from_its_list(world, chem_department):
    defects = OptionList.objects.create(
        department=chem_department, name="安全阀状况", options=DEFECTS
    )
    blocks = _uses(defects)
    question = blocks[0]["value"]["questions"][0]
    question["type"] = "multiple_choice"
    blocks[0]["value"]["questions"] = [question]
    definition = make_definition(
        chem_department, key="multi", blocks=blocks, industry=world.chemicals
    )
    version = definition_publish(definition=definition, user=world.dept_chemicals)
    assignment_create(
        scope=scope_for(world.dept_chemicals),
        definition=definition,
        industry=world.chemicals,
    )
    labels = [o["label"] for o in version.ui_schema["questions"]["valve"]["options"]]
    assert labels == ["锈蚀", "标识清晰", "铅封完好", "其他"]

    def submit(answer):
        return submission_submit(
            actor=world.manager_a,
            version=version,
            enterprise=world.enterprise_a,
            data={"valve": answer},
        )

    # The chosen scores add up, out of the positive ones (3 + 2).
    good = submit(["tag", "seal"])
    assert (good.score, good.max_score, good.findings) == (5, 5, [])
    # A finding chosen opens a hazard; the total never drops below 0.
    rusty = submit(["rust", "tag"])
    assert (rusty.score, rusty.max_score) == (1, 5)
    assert [f["key"] for f in rusty.findings] == ["valve"]
    assert submit(["rust"]).score == 0
    # Only unscored answers: not counted.
    other = submit(["other"])
    assert (other.score, other.max_score) == (0, 0)
