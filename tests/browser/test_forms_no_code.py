"""No code for a department officer, in a real browser.

1. In the Wagtail StreamField editor, a condition ("show when 安全阀完好 is not
   符合") and a check across questions ("运行 + 停产 must equal 装置总数") are
   built with pickers that list earlier questions and their answers by label;
   what is stored are keys; the preview refuses 1 + 1 against a total of 1
   with the author's message at the field. A choice takes its options from
   the department's option list, chosen by name.
2. Ending an assignment asks first and can be undone; 催办 reaches the
   enterprise's bell in its portal.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved there.
"""

from __future__ import annotations

import pytest

from core.forms.models import FormDefinition, OptionList
from core.forms.services import assignment_create, definition_publish
from core.notifications.models import Notification
from core.organizations.scope import scope_for
from tests.browser.test_forms_journey import (
    DESKTOP,
    SHOTS,
    add_block,
    admin_login,
    new_page,
    portal_login,
    shot,
    zh,
)
from tests.core.forms.conftest import make_definition
from tests.factories import build_world

pytestmark = pytest.mark.browser


def block_of(page, prefix: str):
    return page.locator(f'[name="{prefix}-label"]').locator(
        "xpath=ancestor::*[@data-streamfield-child][1]"
    )


def add_number(page, index: int, label: str) -> str:
    add_block(page, page.locator(".c-sf-add-button").last, zh("Number"))
    prefix = f"body-{index}-value"
    page.fill(f'[name="{prefix}-label"]', label)
    return prefix


@pytest.mark.django_db(transaction=True)
def test_a_condition_and_a_rule_built_with_pickers(browser, live_server):
    world = build_world()
    pass_fail = OptionList.objects.create(
        department=world.dept_chemicals.membership.department,
        name="合格/不合格",
        options=[
            {"type": "option", "value": {"value": "ok", "label": "合格", "score": 1}},
            {"type": "option", "value": {"value": "bad", "label": "不合格", "score": 0, "finding": True}},
        ],
    )  # fmt: skip
    context, page = new_page(browser, live_server, DESKTOP)
    admin_login(page, "dept-chem")
    page.goto("/admin/forms/definitions/new/")
    add_number(page, 0, "装置总数")
    add_number(page, 1, "运行装置")
    add_number(page, 2, "停产装置")
    # The check across questions: pickers of the earlier numbers, by label.
    add_block(page, page.locator(".c-sf-add-button").last, zh("Check across questions"))
    rule = "body-3-value"
    left = page.locator(f'[name="{rule}-left"] + .sg-picker-sum')
    left.locator("select").first.select_option(label="运行装置")
    left.locator(".sg-picker-add").click()
    left.locator("select").nth(1).select_option(label="停产装置")
    right = page.locator(f'[name="{rule}-right"] + .sg-picker-sum')
    options = right.locator("select option").all_inner_texts()
    assert "装置总数" in options and not any("q_" in o for o in options)
    right.locator("select").first.select_option(label="装置总数")
    page.fill(f'[name="{rule}-message"]', "运行、停产装置之和应等于装置总数")
    shot(
        page,
        "forms-editor-rule",
        element=page.locator(f'[name="{rule}-message"]').locator(
            "xpath=ancestor::*[@data-streamfield-child][1]"
        ),
    )
    # A condition chosen, not typed: "is not 符合" of an earlier check item.
    add_block(page, page.locator(".c-sf-add-button").last, zh("Check item"))
    page.fill('[name="body-4-value-label"]', "安全阀完好")
    add_block(page, page.locator(".c-sf-add-button").last, zh("Text"))
    text = "body-5-value"
    page.fill(f'[name="{text}-label"]', "问题说明")
    question = page.locator(f'select[data-sg-picker-for="{text}-condition-question"]')
    labels = question.locator("option").all_inner_texts()
    # Earlier questions a condition can depend on, by their labels only.
    assert "安全阀完好" in labels and "装置总数" in labels and "问题说明" not in labels
    question.select_option(label="安全阀完好")
    page.select_option(f'[name="{text}-condition-operator"]', "is_not")
    values = page.locator(f'[name="{text}-condition-value"] + .sg-picker-values select')
    assert zh("Non-compliant") in values.locator("option").all_inner_texts()
    values.select_option(label=zh("Compliant"))
    block_of(page, text).scroll_into_view_if_needed()
    shot(page, "forms-editor-condition-picker", element=block_of(page, text))
    # A choice takes its options from the department's list, by its name; a
    # condition on it offers the list's answers.
    add_block(page, page.locator(".c-sf-add-button").last, zh("Single choice"))
    choice = "body-6-value"
    page.fill(f'[name="{choice}-label"]', "压力表")
    page.locator(f'select[data-sg-picker-for="{choice}-option_list"]').select_option(
        label="合格/不合格 (合格 / 不合格)"
    )
    add_block(page, page.locator(".c-sf-add-button").last, zh("Text"))
    page.fill('[name="body-7-value-label"]', "压力表问题")
    page.locator(
        'select[data-sg-picker-for="body-7-value-condition-question"]'
    ).select_option(label="压力表")
    page.locator(
        '[name="body-7-value-condition-value"] + .sg-picker-values select'
    ).select_option(label="不合格")
    page.get_by_role("tab", name=zh("Settings")).click()
    page.fill("#id_title_zh", "装置运行情况")
    page.fill("#id_key", "units_daily")
    page.select_option("#id_kind", "form")
    page.select_option("#id_industry", label="危险化学品")
    page.click("button.button-longrunning[type=submit]")
    page.wait_for_load_state()
    print(
        "DEBUG",
        page.evaluate(
            """() => Array.from(document.querySelectorAll('.error-message, .help-critical, .error-message, .w-field__errors')).map(e => (e.closest('[data-contentpath]')||{dataset:{}}).dataset.contentpath + ' ' + (e.textContent||'').trim()).filter(t => t.length > 12)"""
        ),
    )

    definition = FormDefinition.objects.get(key="units_daily")
    body = definition.body_data()
    keys = [item["value"].get("key") for item in body]
    stored_rule = body[3]["value"]
    assert stored_rule["left"] == f"{keys[1]} + {keys[2]}"
    assert stored_rule["right"] == keys[0]
    assert body[5]["value"]["condition"] == {
        "question": keys[4],
        "operator": "is_not",
        "value": "compliant",
    }
    assert body[6]["value"]["option_list"] == str(pass_fail.pk)
    assert body[7]["value"]["condition"]["value"] == "bad"
    # Publish and Assign are in sight on the editor.
    page.goto(f"/admin/forms/definitions/edit/{definition.pk}/")
    assert page.get_by_test_id("header-publish").is_visible()
    # The preview refuses what does not add up, with the message at the field.
    page.goto(f"/admin/forms/definitions/preview/{definition.pk}/")
    preview = page.locator("form.sg-answer-form")
    preview.locator(f'input[name="{keys[0]}"]').fill("1")
    preview.locator(f'input[name="{keys[1]}"]').fill("1")
    preview.locator(f'input[name="{keys[2]}"]').fill("1")
    preview.locator(f'[data-key="{keys[4]}"] input[value="compliant"]').check()
    preview.locator(f'[data-key="{keys[6]}"] input[value="ok"]').check()
    assert preview.locator(f'[data-key="{keys[5]}"]').is_hidden()
    preview.get_by_role("button", name=zh("Check these answers")).click()
    page.wait_for_load_state()
    error = page.locator(f'[data-key="{keys[2]}"] .errorlist')
    assert error.inner_text().strip() == "运行、停产装置之和应等于装置总数"
    shot(page, "forms-preview-rule", element=page.locator(f'[data-key="{keys[2]}"]'))
    context.close()
    assert world.dept_chemicals


@pytest.mark.django_db(transaction=True)
def test_end_undo_and_remind(browser, live_server):
    world = build_world()
    definition = make_definition(
        world.dept_chemicals.membership.department,
        key="weekly_check",
        industry=world.chemicals,
    )
    definition_publish(definition=definition, user=world.dept_chemicals)
    assignment = assignment_create(
        scope=scope_for(world.dept_chemicals),
        definition=definition,
        industry=world.chemicals,
        recurrence="weekly",
    )
    context, page = new_page(browser, live_server, DESKTOP)
    admin_login(page, "dept-chem")
    page.goto(f"/admin/forms/definitions/assign/{definition.pk}/")
    page.get_by_test_id("end").click()
    confirm = page.get_by_test_id("confirm-end")
    confirm.wait_for()
    shot(page, "forms-assignment-end-confirm", element=confirm)
    assignment.refresh_from_db()
    assert assignment.is_active
    confirm.get_by_role("button", name=zh("End the assignment")).click()
    page.wait_for_load_state()
    assignment.refresh_from_db()
    assert not assignment.is_active
    page.get_by_test_id("ended-assignments").wait_for()
    shot(page, "forms-assignment-ended", full_page=True)
    page.get_by_test_id("just-ended").get_by_role("button", name=zh("Undo")).click()
    page.get_by_test_id("just-ended").wait_for(state="detached")
    assignment.refresh_from_db()
    assert assignment.is_active

    page.goto(f"/admin/forms/definitions/follow-up/{assignment.pk}/")
    page.get_by_test_id("remind").click()
    page.locator(".messages").wait_for()
    shot(page, "forms-follow-up-remind")
    assert Notification.objects.filter(recipient=world.manager_a).count() == 1
    context.close()

    context, page = new_page(browser, live_server, DESKTOP)
    portal_login(page, "manager-a")
    bell = page.get_by_test_id("bell")
    assert bell.locator(".topbar-bell__count").inner_text() == "1"
    bell.click()
    page.wait_for_url("**/portal/notifications/")
    if SHOTS:  # the portal allows no inline style: a plain screenshot
        page.screenshot(path=f"{SHOTS}/portal-notifications.png")
    page.locator(".sg-notification__open").first.click()
    page.wait_for_url("**/portal/forms/**")
    assert Notification.objects.get(recipient=world.manager_a).read_at is not None
    context.close()


@pytest.mark.django_db(transaction=True)
def test_an_evidence_rule_and_a_calculation_built_with_pickers(browser, live_server):
    """ "Photo required when 设备状态 is 不合格" and "面积 = 长度 × 宽度" are
    chosen by label; the preview marks the photo required once 不合格 is
    chosen and refuses the answer without it, at the photo."""
    world = build_world()
    OptionList.objects.create(
        department=world.dept_chemicals.membership.department,
        name="合格/不合格",
        options=[
            {"type": "option", "value": {"value": "ok", "label": "合格", "score": 1}},
            {"type": "option", "value": {"value": "bad", "label": "不合格", "score": 0, "finding": True}},
        ],
    )  # fmt: skip
    context, page = new_page(browser, live_server, DESKTOP)
    admin_login(page, "dept-chem")
    page.goto("/admin/forms/definitions/new/")
    add_number(page, 0, "长度")
    add_number(page, 1, "宽度")
    # A calculated value: the operation and the numbers, chosen by label.
    add_block(page, page.locator(".c-sf-add-button").last, zh("Calculated value"))
    page.fill('[name="body-2-value-label"]', "面积")
    calculation = page.locator('[name="body-2-value-expression"] + .sg-picker-sum')
    calculation.locator("select[data-sg-operation]").select_option(
        label=zh("product of")
    )
    terms = calculation.locator("select:not([data-sg-operation])")
    assert "长度" in terms.first.locator("option").all_inner_texts()
    terms.first.select_option(label="长度")
    calculation.locator(".sg-picker-add").click()
    calculation.locator("select:not([data-sg-operation])").nth(1).select_option(
        label="宽度"
    )
    shot(page, "forms-editor-calculation", element=block_of(page, "body-2-value"))
    # The equipment's state from the department's list, then the photo's
    # evidence rule: required only when the state is 不合格.
    add_block(page, page.locator(".c-sf-add-button").last, zh("Single choice"))
    page.fill('[name="body-3-value-label"]', "设备状态")
    page.locator('select[data-sg-picker-for="body-3-value-option_list"]').select_option(
        label="合格/不合格 (合格 / 不合格)"
    )
    add_block(page, page.locator(".c-sf-add-button").last, zh("Photo or file upload"))
    photo = "body-4-value"
    page.fill(f'[name="{photo}-label"]', "现场照片")
    rule_question = page.locator(
        f'select[data-sg-picker-for="{photo}-required_when-question"]'
    )
    labels = rule_question.locator("option").all_inner_texts()
    assert "设备状态" in labels and "现场照片" not in labels
    assert not any(label.startswith("q_") for label in labels)
    rule_question.select_option(label="设备状态")
    page.locator(
        f'[name="{photo}-required_when-value"] + .sg-picker-values select'
    ).select_option(label="不合格")
    evidence_rule = page.locator(".sg-required-when").last
    evidence_rule.scroll_into_view_if_needed()
    shot(page, "forms-editor-evidence-rule", element=evidence_rule)
    page.get_by_role("tab", name=zh("Settings")).click()
    page.fill("#id_title_zh", "设备巡检")
    page.fill("#id_key", "equipment_round")
    page.select_option("#id_kind", "checklist")
    page.select_option("#id_industry", label="危险化学品")
    page.click("button.button-longrunning[type=submit]")
    page.wait_for_load_state()

    definition = FormDefinition.objects.get(key="equipment_round")
    body = definition.body_data()
    keys = [item["value"].get("key") for item in body]
    assert body[2]["value"]["expression"] == f"{keys[0]} * {keys[1]}"
    assert body[4]["value"]["required_when"] == {
        "question": keys[3],
        "operator": "is",
        "value": "bad",
    }
    page.goto(f"/admin/forms/definitions/preview/{definition.pk}/")
    preview = page.locator("form.sg-answer-form")
    mark = preview.locator(f'[data-key="{keys[4]}"] [data-required-when]')
    assert mark.is_hidden()
    preview.locator(f'input[name="{keys[0]}"]').fill("4")
    preview.locator(f'input[name="{keys[1]}"]').fill("2.5")
    preview.locator(f'[data-key="{keys[3]}"] input[value="bad"]').check()
    assert mark.is_visible()
    rule_text = preview.locator(f'[data-key="{keys[4]}"] .sg-evidence__rule')
    assert rule_text.inner_text().strip() == "“设备状态”为“不合格”时必填。"
    preview.get_by_role("button", name=zh("Check these answers")).click()
    page.wait_for_load_state()
    error = page.locator(f'[data-key="{keys[4]}"] .errorlist')
    assert error.is_visible()
    shot(
        page,
        "forms-preview-evidence-rule",
        element=page.locator(f'[data-key="{keys[4]}"]'),
    )
    # With 合格 the photo is not needed.
    preview = page.locator("form.sg-answer-form")
    preview.locator(f'[data-key="{keys[3]}"] input[value="ok"]').check()
    assert preview.locator(f'[data-key="{keys[4]}"] [data-required-when]').is_hidden()
    preview.get_by_role("button", name=zh("Check these answers")).click()
    page.wait_for_load_state()
    assert page.locator(f'[data-key="{keys[4]}"] .errorlist').count() == 0
    assert page.locator(".errorlist").count() == 0
    context.close()
