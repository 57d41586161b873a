"""A checklist's whole journey in a real browser.

A department officer builds a small checklist in the Wagtail admin's
StreamField editor (two sections, scored check items, a question shown only
when an earlier answer is "non-compliant"), previews, publishes and assigns
it to the enterprises of the department's industry. An enterprise user fills
it in the portal over two steps — closing the browser in between and
resuming in a new one, at phone size — and submits; the department then sees
the score in the admin.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the test also saves the screenshots of
docs/forms-guide.md there.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.utils import translation

from core.forms.models import FormDefinition, Submission, SubmissionDraft
from tests.browser.conftest import CHROMIUM, DESKTOP
from tests.factories import PASSWORD, EnterpriseFactory, build_world

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
SHOTS = os.environ.get("SAFEGRID_SCREENSHOTS")


def zh(msgid: str) -> str:
    """A text as the Chinese interface shows it."""
    with translation.override("zh-hans"):
        return translation.gettext(msgid)


def shot(page, name: str, *, full_page: bool = False, element=None) -> None:
    """Save a screenshot for the guide when asked to (no-op otherwise).

    The admin's sticky save bar is hidden meanwhile: it would cover an
    element scrolled into view.
    """
    if not SHOTS:
        return
    folder = Path(SHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    path = str(folder / f"{name}.png")
    # Playwright applies the style for the screenshot only, without a
    # <style> element (which the content security policy refuses).
    hide = "footer { display: none; }"
    if element is not None:
        element.screenshot(path=path, style=hide)
    else:
        page.screenshot(path=path, full_page=full_page, style=hide)


def collapse_questions(page) -> None:
    """Fold every question block so the editor shows the outline."""
    page.evaluate(
        """() => document.querySelectorAll('input[name$="-value-label"]').forEach(
            (input) => {
                const block = input.closest("[data-streamfield-child]");
                const toggle = block && block.querySelector(".w-panel__toggle");
                if (toggle && toggle.getAttribute("aria-expanded") === "true") {
                    toggle.click();
                }
            })"""
    )


def new_page(browser, live_server, viewport):
    context = browser.new_context(
        viewport=viewport,
        base_url=live_server.url,
        locale="zh-CN",
        device_scale_factor=1 if viewport["width"] > 800 else 2,
    )
    context.set_default_timeout(15_000)
    return context, context.new_page()


def admin_login(page, username: str) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/admin/")


def portal_login(page, username: str) -> None:
    page.goto("/portal/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.form-stack button[type=submit]")
    page.wait_for_url("**/portal/")


def add_block(page, add_button, label: str) -> None:
    """Insert a block through the StreamField editor's block chooser."""
    add_button.click()
    page.locator(
        ".w-combobox__option", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")
    ).click()


def section_add_button(page, index: int):
    """The "insert a block" button at the end of a section's questions."""
    return (
        page.locator(f'[name="body-{index}-value-questions-count"]')
        .locator("xpath=..")
        .locator(".c-sf-add-button")
        .last
    )


def set_key(page, prefix: str, key: str) -> None:
    """Type a block's key, which sits in the block's settings (the cog)."""
    toggle = page.locator(f'button[aria-controls="block_group-{prefix}-settings"]')
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    page.fill(f'[name="{prefix}-key"]', key)


def choose_condition(page, prefix: str, question: str, *answers: str) -> None:
    """Pick the earlier question and its answer(s) by their labels."""
    page.locator(
        f'select[data-sg-picker-for="{prefix}-condition-question"]'
    ).select_option(label=question)
    values = page.locator(f'[name="{prefix}-condition-value"] + .sg-picker-values')
    if len(answers) == 1:
        values.locator("select").select_option(label=answers[0])
    else:
        for answer in answers:
            values.get_by_label(answer).check()


def build_checklist_in_the_editor(page) -> None:
    page.goto("/admin/forms/definitions/new/")
    # Section 1: two scored check items and a conditional question.
    add_block(
        page, page.locator(".c-sf-add-button").first, zh("Section (a step of the form)")
    )
    page.fill('[name="body-0-value-title"]', "消防安全")
    set_key(page, "body-0-value", "fire")
    add_block(page, section_add_button(page, 0), zh("Check item"))
    question = "body-0-value-questions-0-value"
    page.fill(f'[name="{question}-label"]', "灭火器完好有效")
    set_key(page, question, "extinguishers")
    page.fill(f'[name="{question}-points"]', "10")
    add_block(page, section_add_button(page, 0), zh("Check item"))
    question = "body-0-value-questions-1-value"
    page.fill(f'[name="{question}-label"]', "安全出口畅通")
    set_key(page, question, "exits")
    page.fill(f'[name="{question}-points"]', "5")
    page.fill(f'[name="{question}-deduction"]', "2")
    add_block(page, section_add_button(page, 0), zh("Text"))
    question = "body-0-value-questions-2-value"
    page.fill(f'[name="{question}-label"]', "出口问题说明")
    set_key(page, question, "exit_problem")
    # The condition is part of the block: the earlier question and its answer
    # are chosen by their labels.
    choose_condition(page, question, "安全出口畅通", zh("Non-compliant"))
    shot(
        page,
        "forms-editor-condition",
        element=page.locator(f'[name="{question}-label"]').locator(
            "xpath=ancestor::*[@data-streamfield-child][1]"
        ),
    )
    # Section 2: one number.
    add_block(
        page, page.locator(".c-sf-add-button").last, zh("Section (a step of the form)")
    )
    page.fill('[name="body-1-value-title"]', "储存")
    set_key(page, "body-1-value", "storage")
    add_block(page, section_add_button(page, 1), zh("Number"))
    question = "body-1-value-questions-0-value"
    page.fill(f'[name="{question}-label"]', "储罐数量")
    set_key(page, question, "tank_count")
    page.fill(f'[name="{question}-unit"]', "个")
    if SHOTS:
        # The admin scrolls inside its layout: a tall window shows the outline.
        collapse_questions(page)
        page.set_viewport_size({"width": DESKTOP["width"], "height": 1300})
        page.evaluate("window.scrollTo(0, 0)")
        page.locator("h1").first.scroll_into_view_if_needed()
        shot(page, "forms-editor")
        page.set_viewport_size(DESKTOP)
    page.get_by_role("tab", name=zh("Settings")).click()
    page.fill("#id_title_zh", "消防日常检查表")
    page.fill("#id_title_en", "Daily fire check")
    page.fill("#id_key", "fire_daily")
    page.select_option("#id_kind", "checklist")
    page.select_option("#id_industry", label="危险化学品")
    page.get_by_role("tab", name=zh("Scoring")).click()
    page.fill("#id_pass_mark", "12")
    shot(page, "forms-editor-scoring")
    page.click("button.button-longrunning[type=submit]")
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_a_checklist_from_the_editor_to_a_score(browser, live_server):
    assert CHROMIUM.exists()
    world = build_world()
    # A second chemicals enterprise that will not submit.
    EnterpriseFactory(
        name="丙化工有限公司", jurisdiction=world.grid1, industries=[world.chemicals]
    )

    # -- the department builds, previews, publishes and assigns ---------------
    context, page = new_page(browser, live_server, DESKTOP)
    admin_login(page, "dept-chem")
    build_checklist_in_the_editor(page)
    definition = FormDefinition.objects.get(key="fire_daily")
    assert definition.department.name == "应急管理局"
    assert [b["type"] for b in definition.body_data()] == ["section", "section"]

    page.goto(f"/admin/forms/definitions/preview/{definition.pk}/")
    preview = page.locator("form.sg-answer-form")
    problem = preview.locator('[data-key="exit_problem"]')
    assert problem.is_hidden()  # until "exits" is non-compliant
    preview.locator('[data-key="exits"] input[value="non_compliant"]').check()
    assert problem.is_visible()
    shot(page, "forms-preview")

    page.goto(f"/admin/forms/definitions/publish/{definition.pk}/")
    shot(page, "forms-publish")
    page.get_by_role("button", name=zh("Publish"), exact=True).click()
    page.wait_for_url(f"**/admin/forms/definitions/edit/{definition.pk}/")
    definition.refresh_from_db()
    assert definition.published_version.number == 1

    page.goto(f"/admin/forms/definitions/assign/{definition.pk}/")
    page.select_option("#id_industry", label="危险化学品")
    page.select_option("#id_recurrence", "weekly")
    shot(page, "forms-assign")
    page.get_by_role("button", name=zh("Assign"), exact=True).click()
    page.wait_for_load_state()
    assert definition.assignments.filter(is_active=True).count() == 1
    context.close()

    # -- the enterprise fills step 1 on a desktop, then closes the browser -----
    context, page = new_page(browser, live_server, DESKTOP)
    portal_login(page, "manager-a")
    page.goto("/portal/forms/")
    row = page.locator('[data-form-key="fire_daily"]')
    assert row.locator('[data-state="due"]').is_visible()
    row.locator("[data-testid=fill]").click()
    page.wait_for_url("**/fire_daily/v1/1/")
    problem = page.locator('[data-key="exit_problem"]')
    assert problem.is_hidden()
    page.locator('[data-key="extinguishers"] input[value="compliant"]').check()
    page.locator('[data-key="exits"] input[value="non_compliant"]').check()
    assert problem.is_visible()  # the condition shows it at once
    # Required once shown: "next" without it keeps the answers, says why there.
    page.click("[data-testid=wizard-next]")
    page.wait_for_load_state()
    assert page.locator('[data-key="exit_problem"] .errorlist').is_visible()
    assert page.locator('[data-key="exits"] input[value="non_compliant"]').is_checked()
    shot(page, "forms-fill-error")
    page.fill(
        'textarea[name="1-exit_problem"], input[name="1-exit_problem"]',
        "东侧出口堆放纸箱",
    )
    page.click("[data-testid=wizard-next]")
    page.wait_for_url("**/fire_daily/v1/2/")
    draft = SubmissionDraft.objects.get(user=world.manager_a)
    assert draft.data["exit_problem"] == "东侧出口堆放纸箱" and draft.step == 1
    context.close()  # the browser is closed: the session and its cookies are gone

    # -- ... and resumes on a phone, where it stopped -----------------------
    context, page = new_page(browser, live_server, PHONE_390)
    portal_login(page, "manager-a")
    page.goto("/portal/forms/")
    row = page.locator('[data-form-key="fire_daily"]')
    assert row.locator('[data-state="in_progress"]').is_visible()
    shot(page, "forms-portal-list-phone")
    row.locator("[data-testid=continue]").click()
    page.wait_for_url("**/fire_daily/v1/2/")
    page.fill('input[name="2-tank_count"]', "3")
    shot(page, "forms-fill-phone")
    page.click("[data-testid=wizard-next]")
    page.wait_for_url("**/fire_daily/v1/review/")
    assert "东侧出口堆放纸箱" in page.locator("main").inner_text()
    shot(page, "forms-review-phone", full_page=True)
    page.click("[data-testid=submit]")
    page.wait_for_url("**/portal/forms/submissions/*/")
    score = page.get_by_test_id("score-value").inner_text()
    assert re.match(r"^13\s*/\s*15", score), score
    shot(page, "forms-submission-phone", full_page=True)
    submission = Submission.objects.get()
    assert (submission.version.number, submission.score) == (1, 13)
    assert not SubmissionDraft.objects.exists()
    context.close()

    # -- the department sees the score ----------------------------------------
    context, page = new_page(browser, live_server, DESKTOP)
    admin_login(page, "dept-chem")
    page.goto("/admin/forms/submissions/")
    listing = page.locator("main table").last.inner_text()
    assert "甲化工有限公司" in listing and "13 / 15" in listing
    shot(page, "forms-admin-submissions")
    page.locator("main table").last.get_by_role("link", name="甲化工有限公司").click()
    page.wait_for_url(f"**/admin/forms/submissions/detail/{submission.pk}/")
    assert "13" in page.get_by_test_id("score").inner_text()
    shot(page, "forms-admin-submission")
    page.locator('[data-testid=review-form] input[value="returned"]').check()
    page.fill("[data-testid=review-form] textarea", "请补充出口整改期限")
    shot(page, "forms-admin-review", element=page.get_by_test_id("review-form"))
    page.locator("[data-testid=review-form] button[type=submit]").click()
    page.wait_for_load_state()
    submission.refresh_from_db()
    assert submission.status == "returned"
    assignment = definition.assignments.get()
    page.goto(f"/admin/forms/definitions/follow-up/{assignment.pk}/")
    follow_up = page.locator("main").inner_text()
    assert "甲化工有限公司" in follow_up and "丙化工有限公司" in follow_up
    assert page.locator('tr[data-submitted="no"]').count() == 1
    shot(page, "forms-follow-up")
    context.close()
