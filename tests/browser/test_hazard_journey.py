"""The hazard closed loop in chromium at phone width: staff-a reports a
hazard with a photo, the safety manager confirms it, staff-a uploads the
rectification evidence, the manager accepts, the hazard closes and the
counts on the hazards page change.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved there.
"""

from __future__ import annotations

import datetime

import pytest

from core.hazards.models import Hazard, HazardStatus
from tests.browser.conftest import PHONE
from tests.browser.test_portal_journeys import shot
from tests.browser.test_risk_wizard import sign_in
from tests.factories import build_world, image_bytes

pytestmark = pytest.mark.browser


def _photo(name: str) -> dict:
    return {"name": name, "mimeType": "image/png", "buffer": image_bytes()}


def _step(page, action: str) -> None:
    page.get_by_test_id(f"step-{action}").click()


def _switch(page, username: str) -> None:
    page.context.clear_cookies()
    sign_in(page, username)


@pytest.mark.parametrize("page", [PHONE], ids=["phone"], indirect=True)
def test_report_confirm_rectify_accept_close(page):
    from playwright.sync_api import expect

    build_world()
    sign_in(page, "staff-a")
    page.goto("/portal/hazards/report/")
    page.fill("textarea[name=description]", "二号仓库消防通道堆放纸箱")
    page.fill("input[name=location]", "二号仓库")
    assert page.locator("select[name=grade]").input_value() == "general"
    page.set_input_files("input[name=photos]", files=[_photo("before.png")])
    page.locator("[data-testid=report-form] button[type=submit]").click()
    page.wait_for_url("**/portal/hazards/*/")
    hazard = Hazard.objects.get()
    assert hazard.photos.count() == 1
    expect(page.get_by_test_id("hazard-status")).to_contain_text("已上报")
    shot(page, "hazard-reported")

    _switch(page, "manager-a")
    page.goto("/portal/hazards/")
    expect(page.get_by_test_id("count-open")).to_have_text("1")
    expect(page.get_by_test_id("count-closed")).to_have_text("0")
    page.goto(f"/portal/hazards/{hazard.pk}/")
    _step(page, "confirm")
    form = page.locator("details[data-action=confirm] form")
    form.locator("select[name=responsible]").select_option(label="张三")
    deadline = datetime.date.today() + datetime.timedelta(days=5)
    form.locator("input[name=deadline]").fill(deadline.isoformat())
    page.get_by_test_id("do-confirm").click()
    expect(page.get_by_test_id("hazard-status")).to_contain_text("已确认")

    _switch(page, "staff-a")
    page.goto(f"/portal/hazards/{hazard.pk}/")
    shot(page, "hazard-confirmed-staff")
    _step(page, "start")
    page.get_by_test_id("do-start").click()
    expect(page.get_by_test_id("hazard-status")).to_contain_text("整改中")
    _step(page, "submit")
    form = page.locator("details[data-action=submit] form")
    form.locator("textarea[name=comment]").fill("纸箱已清走，通道畅通")
    form.locator("input[name=evidence]").set_input_files(files=[_photo("after.png")])
    page.get_by_test_id("do-submit").click()
    expect(page.get_by_test_id("hazard-status")).to_contain_text("待验收")
    expect(page.get_by_test_id("after-photo")).to_have_count(1)

    _switch(page, "manager-a")
    page.goto(f"/portal/hazards/{hazard.pk}/")
    _step(page, "accept")
    page.get_by_test_id("do-accept").click()
    expect(page.get_by_test_id("hazard-status")).to_contain_text("已销号")
    shot(page, "hazard-closed")
    page.goto("/portal/hazards/")
    expect(page.get_by_test_id("count-open")).to_have_text("0")
    expect(page.get_by_test_id("count-closed")).to_have_text("1")
    expect(page.get_by_test_id("rate-rectification")).to_have_text("100.0%")
    shot(page, "hazard-board")
    assert Hazard.objects.get().status == HazardStatus.CLOSED
    actions = list(Hazard.objects.get().transitions.values_list("action", flat=True))
    assert actions == ["report", "confirm", "start", "submit", "accept"]


def _daily_point_of_staff_a(world):
    from core.organizations.models import Person, Unit
    from core.risks.services import ControlData, risk_point_create
    from tests.core.risks.conftest import reactor_data

    control = ControlData(
        level="team",
        responsible_unit=Unit.objects.get(enterprise=world.enterprise_a, name="一班"),
        responsible_person=Person.objects.get(
            enterprise=world.enterprise_a, name="张三"
        ),
        inspection_every=1,
        inspection_unit="day",
    )
    return risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=reactor_data(world, control=control),
    )


def _admin_hazard_rows(page, status: str) -> int:
    page.goto(f"/admin/hazards/?status={status}")
    return page.locator("table.listing tbody tr").count()


@pytest.mark.parametrize("page", [PHONE], ids=["phone"], indirect=True)
def test_inspection_finding_becomes_a_closed_hazard(page):
    """staff-a does a due inspection at phone width with one non-compliant
    item and a photo; the hazard it opens is confirmed, rectified with
    evidence, accepted and closed; the enterprise's and the department's
    pages count it."""
    from django.utils import timezone
    from playwright.sync_api import expect

    from core.inspections.models import InspectionTask, TaskStatus
    from core.inspections.services import tasks_generate
    from tests.browser.test_forms_journey import admin_login

    world = build_world()
    point = _daily_point_of_staff_a(world)
    tasks_generate(now=timezone.now())
    task = (
        InspectionTask.objects.filter(
            risk_point=point, period_start__lte=timezone.now()
        )
        .order_by("due_at")
        .first()
    )
    assert task is not None

    sign_in(page, "staff-a")
    page.goto("/portal/inspections/")
    page.locator(f'[data-task="{task.pk}"] a.insp-action').click()
    page.wait_for_url("**/1/")
    shot(page, "inspection-step-1")
    step = 1
    while True:
        radios = page.locator('input[type=radio][value="compliant"]')
        for index in range(radios.count()):
            radios.nth(index).check()
        if step == 1:
            page.locator('input[type=radio][value="non_compliant"]').first.check()
            page.locator('textarea[name$="__note"]').first.fill("可燃气体探头未通电")
            page.locator(
                'input[type=file][name$="__photos__new"]'
            ).first.set_input_files(files=[_photo("finding.png")])
        page.get_by_test_id("wizard-next").click()
        page.wait_for_load_state()
        if "/review/" in page.url:
            break
        step += 1
        assert step < 10, page.url
    shot(page, "inspection-review")
    page.get_by_test_id("submit").click()
    page.wait_for_url("**/portal/inspections/")
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    hazard = Hazard.objects.get(submission=task.submission)
    assert hazard.status == HazardStatus.REPORTED
    assert hazard.risk_point_id == point.pk
    assert hazard.photos.count() == 1

    # The department sees the new hazard, not yet closed.
    page.context.clear_cookies()
    admin_login(page, "dept-chem")
    assert _admin_hazard_rows(page, "reported") == 1
    assert _admin_hazard_rows(page, "closed") == 0

    _switch(page, "manager-a")
    page.goto("/portal/hazards/")
    expect(page.get_by_test_id("count-open")).to_have_text("1")
    page.goto(f"/portal/hazards/{hazard.pk}/")
    expect(page.get_by_test_id("before-photo")).to_have_count(1)
    _step(page, "confirm")
    form = page.locator("details[data-action=confirm] form")
    form.locator("select[name=responsible]").select_option(label="张三")
    deadline = datetime.date.today() + datetime.timedelta(days=3)
    form.locator("input[name=deadline]").fill(deadline.isoformat())
    page.get_by_test_id("do-confirm").click()
    expect(page.get_by_test_id("hazard-status")).to_contain_text("已确认")

    _switch(page, "staff-a")
    page.goto(f"/portal/hazards/{hazard.pk}/")
    _step(page, "start")
    page.get_by_test_id("do-start").click()
    _step(page, "submit")
    form = page.locator("details[data-action=submit] form")
    form.locator("textarea[name=comment]").fill("探头已恢复供电并标定")
    form.locator("input[name=evidence]").set_input_files(files=[_photo("fixed.png")])
    page.get_by_test_id("do-submit").click()
    expect(page.get_by_test_id("hazard-status")).to_contain_text("待验收")

    _switch(page, "manager-a")
    page.goto(f"/portal/hazards/{hazard.pk}/")
    _step(page, "accept")
    page.get_by_test_id("do-accept").click()
    expect(page.get_by_test_id("hazard-status")).to_contain_text("已销号")
    page.goto("/portal/hazards/")
    expect(page.get_by_test_id("count-open")).to_have_text("0")
    expect(page.get_by_test_id("count-closed")).to_have_text("1")
    shot(page, "inspection-hazard-closed")

    page.context.clear_cookies()
    admin_login(page, "dept-chem")
    assert _admin_hazard_rows(page, "reported") == 0
    assert _admin_hazard_rows(page, "closed") == 1
    shot(page, "inspection-hazard-department")
