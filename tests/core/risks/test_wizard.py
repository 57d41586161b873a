"""The guided entry of a risk point: steps, drafts in the database, one save."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.organizations.models import Person, Unit
from core.risks.drafts import step_form_data
from core.risks.models import (
    Assessment,
    ControlMeasure,
    HazardFactor,
    RiskDraft,
    RiskEvent,
    RiskPoint,
)
from core.risks.portal_wizard import draft_prefix, edit_prefix
from core.risks.services import risk_point_create
from tests.core.risks.conftest import reactor_data
from tests.dummy_pack import plugin as dummy
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


class Wizard:
    """Drives one draft of the guided entry through the Django test client."""

    def __init__(self, client, draft_id=None):
        self.client = client
        self.draft_id = draft_id or uuid.uuid4()

    def url(self, step=None):
        if step is None:
            return reverse("risks:wizard", args=[self.draft_id])
        return reverse("risks:wizard_step", args=[self.draft_id, step])

    def post(self, step, data=None, **extra):
        payload = {f"{draft_prefix(self.draft_id)}-current_step": step}
        payload.update(data or {})
        payload.update(extra)
        return self.client.post(self.url(step), payload)

    @property
    def draft(self):
        return RiskDraft.objects.get(draft_id=self.draft_id)

    def event_keys(self):
        return [event["key"] for event in self.draft.data["events"]]

    def form(self, response):
        return response.context["wizard"]["form"]


class EditWizard(Wizard):
    """Drives the edit of a saved point (its URLs are the point's)."""

    def __init__(self, client, point):
        super().__init__(client)
        self.point = point

    def url(self, step=None):
        if step is None:
            return reverse("risks:edit", args=[self.point.pk])
        return reverse("risks:edit_step", args=[self.point.pk, step])

    def post(self, step, data=None, **extra):
        payload = {f"{edit_prefix(self.point.pk)}-current_step": step}
        payload.update(data or {})
        payload.update(extra)
        return self.client.post(self.url(step), payload)

    @property
    def draft(self):
        return RiskDraft.objects.get(risk_point=self.point)


def stored_step(step, canonical):
    """A step's form data as the wizard derives it from the draft's data."""
    return {
        f"{step}-{name}": value
        for name, value in (step_form_data(step, canonical) or {}).items()
    }


def point_step(world, **changes):
    workshop = Unit.objects.get(enterprise=world.enterprise_a, name="合成车间")
    data = {
        "point-name": "液氨储罐区",
        "point-kind": "area",
        "point-unit": str(workshop.pk),
        "point-description": "两台50立方米液氨储罐",
        "point-position_x": "40",
        "point-position_y": "30.5",
    }
    data.update(changes)
    return data


def events_step(**changes):
    data = {
        **formset(
            "events-factors",
            [{"code": "210104", "description": "储罐法兰泄漏"}],
        ),
        **formset(
            "events-events",
            [
                {
                    "name": "液氨泄漏中毒",
                    "accident_types": ["19"],
                    "consequence": "人员中毒",
                    "hazard_factors": ["210104", "2101"],
                },
                {"name": "储罐超压爆炸", "accident_types": ["17", "18"]},
            ],
        ),
    }
    data.update(changes)
    return data


def assessment_step(keys):
    first, second = keys
    return {
        f"assessment-{first}-method": "lec",
        f"assessment-{first}-lec__L": "3",
        f"assessment-{first}-lec__E": "6",
        f"assessment-{first}-lec__C": "15",
        f"assessment-{second}-method": "ls",
        f"assessment-{second}-ls__L": "2",
        f"assessment-{second}-ls__S": "4",
    }


def measures_step(keys):
    first, second = keys
    return {
        **formset(
            f"measures-{first}",
            [
                {"kind": "monitoring", "description": "有毒气体检测报警"},
                {"kind": "ppe", "description": "配备正压式空气呼吸器"},
            ],
        ),
        **formset(
            f"measures-{second}", [{"kind": "engineering", "description": "安全阀"}]
        ),
    }


def control_step(world, **changes):
    workshop = Unit.objects.get(enterprise=world.enterprise_a, name="合成车间")
    person = Person.objects.get(enterprise=world.enterprise_a, name="张三")
    data = {
        "control-level": "workshop",
        "control-responsible_unit": str(workshop.pk),
        "control-responsible_person": str(person.pk),
        "control-inspection_every": "1",
        "control-inspection_unit": "day",
    }
    data.update(changes)
    return data


def assert_next(response, wizard, step):
    assert response.status_code == 302, (
        response.context and wizard.form(response).errors
    )
    assert response["Location"] == wizard.url(step)


def walk_to_review(wizard, world):
    assert_next(wizard.post("point", point_step(world)), wizard, "events")
    assert_next(wizard.post("events", events_step()), wizard, "assessment")
    keys = wizard.event_keys()
    assert_next(wizard.post("assessment", assessment_step(keys)), wizard, "measures")
    assert_next(wizard.post("measures", measures_step(keys)), wizard, "control")
    assert_next(wizard.post("control", control_step(world)), wizard, "review")
    return keys


def sign_in(client, username):
    """Sign in through the portal's form, as a person does (a new session)."""
    response = client.post(
        reverse("portal:login"), {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.fixture
def manager(client, world):
    client.force_login(world.manager_a)
    return client


# -- the whole way through -------------------------------------------------------------
def test_new_entry_is_saved_once_at_the_end(manager, world):
    start = manager.get(reverse("risks:new"))
    assert start.status_code == 302
    draft_id = uuid.UUID(start["Location"].rstrip("/").rsplit("/", 1)[-1])
    wizard = Wizard(manager, draft_id)
    assert manager.get(wizard.url()).status_code == 302
    assert not RiskDraft.objects.exists()  # nothing typed, nothing kept

    walk_to_review(wizard, world)
    assert RiskPoint.objects.count() == 0  # the steps write only the draft
    assert wizard.draft.current_step == "review"

    review = manager.get(wizard.url("review"))
    assert review.status_code == 200
    events = review.context["review"]["events"]
    # Computed by the server as the save will: LEC 3×6×15 = 270 (significant),
    # LS 2×4 = 8 (low); the point takes the highest.
    assert [(row["evaluation"].value, row["evaluation"].level) for row in events] == [
        (270, "significant"),
        (8, "low"),
    ]
    assert review.context["review"]["level"] == "significant"
    assert 'data-testid="review-value">270<' in review.text

    done = wizard.post("review")
    assert done.status_code == 302
    assert done["Location"] == wizard.url("done")
    saved = manager.get(done["Location"])
    point = RiskPoint.objects.get()
    assert saved.status_code == 302
    assert saved["Location"] == reverse("risks:detail", args=[point.pk])

    assert point.name == "液氨储罐区"
    assert point.enterprise == world.enterprise_a
    assert point.level == "significant"
    assert point.position == {"type": "point", "x": 0.4, "y": 0.305}
    assert point.control_level == "workshop"
    assert (point.inspection_every, point.inspection_unit) == (1, "day")
    # "2101" was chosen for the event only: it is added to the point's factors.
    assert sorted(
        HazardFactor.objects.filter(risk_point=point).values_list(
            "factor_class__code", flat=True
        )
    ) == ["2101", "210104"]
    events = list(RiskEvent.objects.filter(risk_point=point).order_by("order"))
    assert [e.name for e in events] == ["液氨泄漏中毒", "储罐超压爆炸"]
    assert [e.latest_assessment.method for e in events] == ["lec", "ls"]
    assert events[0].latest_assessment.inputs == {"L": 3, "E": 6, "C": 15}
    assert events[0].latest_assessment.assessed_by == world.manager_a
    assert ControlMeasure.objects.filter(event=events[0]).count() == 2
    assert not RiskDraft.objects.exists()  # the draft is gone once saved

    detail = manager.get(saved["Location"])
    assert 'data-level="significant"' in detail.text


def test_draft_outlives_the_session_and_resumes_elsewhere(client, world):
    client.force_login(world.manager_a)
    wizard = Wizard(client)
    assert_next(wizard.post("point", point_step(world)), wizard, "events")
    assert_next(wizard.post("events", events_step()), wizard, "assessment")

    # The session ends (expiry, sign-out): the draft stays in the database.
    client.session.flush()
    client.logout()
    response = client.get(wizard.url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))

    sign_in(client, "manager-a")
    drafts = client.get(reverse("risks:drafts"))
    assert drafts.status_code == 200
    assert "液氨储罐区" in drafts.text
    assert f'data-draft="{wizard.draft_id}"' in drafts.text
    resume = client.get(wizard.url())
    assert resume.status_code == 302
    assert resume["Location"] == wizard.url("assessment")
    assert client.get(resume["Location"]).status_code == 200

    # A second device (another browser, its own session) carries on.
    other = Client()
    sign_in(other, "manager-a")
    elsewhere = Wizard(other, wizard.draft_id)
    step = other.get(elsewhere.url("point"))
    assert step.context["wizard"]["form"]["name"].value() == "液氨储罐区"
    keys = elsewhere.event_keys()
    assert_next(
        elsewhere.post("assessment", assessment_step(keys)), elsewhere, "measures"
    )
    assert_next(elsewhere.post("measures", measures_step(keys)), elsewhere, "control")
    assert_next(elsewhere.post("control", control_step(world)), elsewhere, "review")
    elsewhere.post("review")
    other.get(elsewhere.url("done"))
    assert RiskPoint.objects.get().level == "significant"
    assert not RiskDraft.objects.exists()


def test_two_drafts_do_not_share_their_data(manager, world):
    first, second = Wizard(manager), Wizard(manager)
    assert draft_prefix(first.draft_id) != draft_prefix(second.draft_id)
    first.post("point", point_step(world, **{"point-name": "一号"}))
    second.post("point", point_step(world, **{"point-name": "二号"}))
    assert first.draft.title == "一号"
    assert second.draft.title == "二号"
    page = manager.get(first.url("point"))
    assert page.context["wizard"]["form"]["name"].value() == "一号"


def test_back_and_save_draft_keep_what_was_typed(manager, world):
    wizard = Wizard(manager)
    assert_next(wizard.post("point", point_step(world)), wizard, "events")
    # Half a row typed, then "back": kept although not valid yet.
    half = formset("events-events", [{"name": "半截事件"}])
    back = wizard.post("events", half, wizard_goto_step="point")
    assert back["Location"] == wizard.url("point")
    assert wizard.draft.data["events"][0]["name"] == "半截事件"
    # "Save draft and close" from step 2 keeps it too and goes to the drafts.
    leave = wizard.post("events", half, wizard_save_draft="1")
    assert leave["Location"] == reverse("risks:drafts")
    page = manager.get(wizard.url("events"))
    form = page.context["wizard"]["form"]
    row = form.parts["events"].forms[0]
    assert row["name"].value() == "半截事件"
    assert row.errors["accident_types"]  # shown again, not lost


# -- invalid input, step by step ----------------------------------------------------------
def test_point_step_errors_are_at_their_fields(manager, world):
    wizard = Wizard(manager)
    response = wizard.post(
        "point",
        point_step(
            world,
            **{"point-name": "", "point-kind": "rocket", "point-position_y": ""},
        ),
    )
    assert response.status_code == 200
    errors = wizard.form(response).errors
    assert set(errors) == {"name", "kind", "position_y"}
    assert "这个字段是必填项。" in errors["name"]  # Chinese by default
    assert not RiskDraft.objects.exists()


def test_a_unit_of_another_enterprise_is_refused(manager, world):
    other = Unit.add_root(enterprise=world.enterprise_b, name="乙公司", kind="company")
    wizard = Wizard(manager)
    response = wizard.post("point", point_step(world, **{"point-unit": str(other.pk)}))
    assert response.status_code == 200
    assert set(wizard.form(response).errors) == {"unit"}


def test_events_step_needs_an_event_with_accident_types(manager, world):
    wizard = Wizard(manager)
    wizard.post("point", point_step(world))
    response = wizard.post(
        "events",
        {**formset("events-factors", []), **formset("events-events", [])},
    )
    assert response.status_code == 200
    assert wizard.form(response).non_field_errors()

    response = wizard.post(
        "events",
        {
            **formset("events-factors", [{"code": "999999"}]),
            **formset("events-events", [{"name": "无类型事件"}]),
        },
    )
    form = wizard.form(response)
    assert form.parts["factors"].forms[0].errors["code"]
    assert form.parts["events"].forms[0].errors["accident_types"]
    assert wizard.draft.current_step == "events"


def test_assessment_step_errors_come_from_the_method(manager, world):
    wizard = Wizard(manager)
    wizard.post("point", point_step(world))
    wizard.post("events", events_step())
    first, second = wizard.event_keys()
    response = wizard.post(
        "assessment",
        {
            f"assessment-{first}-method": "lec",
            f"assessment-{first}-lec__L": "4",  # not in the LEC table
            f"assessment-{first}-lec__E": "6",  # C is missing
            f"assessment-{second}-method": "direct",  # without any condition
        },
    )
    assert response.status_code == 200
    parts = wizard.form(response).parts
    assert set(parts[first].errors) == {"lec__L", "lec__C"}
    assert set(parts[second].errors) == {"direct_conditions"}
    # The empty choice is not "assess later": it must be chosen explicitly.
    response = wizard.post("assessment", {f"assessment-{first}-method": "skip"})
    assert set(wizard.form(response).parts[second].errors) == {"method"}


def test_measures_and_control_errors(manager, world):
    wizard = Wizard(manager)
    wizard.post("point", point_step(world))
    wizard.post("events", events_step())
    keys = wizard.event_keys()
    wizard.post("assessment", assessment_step(keys))
    response = wizard.post(
        "measures",
        formset(f"measures-{keys[0]}", [{"kind": "monitoring", "description": ""}]),
    )
    assert response.status_code == 200
    rows = wizard.form(response).parts[keys[0]].forms
    assert set(rows[0].errors) == {"description"}

    wizard.post("measures", measures_step(keys))
    outsider = Person.objects.create(enterprise=world.enterprise_b, name="外人")
    response = wizard.post(
        "control",
        control_step(
            world,
            **{
                "control-inspection_unit": "",
                "control-responsible_person": str(outsider.pk),
            },
        ),
    )
    assert set(wizard.form(response).errors) == {
        "inspection_unit",
        "responsible_person",
    }
    assert RiskPoint.objects.count() == 0


def test_service_errors_land_on_their_step_and_field(manager, world, site_b):
    """An error only the service finds (an event id of another enterprise's
    point, JSON Pointer /events/0/id) is shown at that event of step 2."""
    wizard = Wizard(manager)
    wizard.post("point", point_step(world))
    foreign_event = site_b.events.get()
    response = wizard.post(
        "events",
        {
            **formset("events-factors", []),
            **formset(
                "events-events",
                [
                    {
                        "name": "冒名",
                        "accident_types": ["08"],
                        "id": str(foreign_event.pk),
                    }
                ],
            ),
        },
    )
    assert response.status_code == 200
    row = wizard.form(response).parts["events"].forms[0]
    with translation.override("zh-hans"):
        expected = gettext("This item does not belong to the risk point.")
    assert row.non_field_errors() == [expected]
    assert RiskEvent.objects.get(pk=foreign_event.pk).name == "塔吊倾覆"


def test_final_check_sends_back_to_the_step_to_correct(manager, world):
    wizard = Wizard(manager)
    walk_to_review(wizard, world)
    # The stored step 1 became invalid behind the wizard's back.
    draft = wizard.draft
    draft.data["name"] = ""
    draft.save()
    review = wizard.post("review")
    assert review.status_code == 200
    assert review.context["wizard"]["form"].non_field_errors()
    done = manager.get(wizard.url("done"))
    assert done["Location"] == wizard.url("point")
    assert RiskPoint.objects.count() == 0
    assert RiskDraft.objects.filter(draft_id=wizard.draft_id).exists()


# -- editing ----------------------------------------------------------------------
def test_edit_prefills_and_updates_keeping_every_assessment(manager, world, reactor):
    first_event, second_event = reactor.events.order_by("order")
    measures_before = set(
        ControlMeasure.objects.filter(event=first_event).values_list("pk", flat=True)
    )
    wizard = EditWizard(manager, reactor)
    start = manager.get(reverse("risks:edit", args=[reactor.pk]))
    assert start["Location"] == wizard.url("point")
    # Opening "edit" again resumes the same entry; opening it writes nothing.
    again = manager.get(reverse("risks:edit", args=[reactor.pk]))
    assert again["Location"] == start["Location"]
    page = manager.get(wizard.url("point"))
    assert page.context["wizard"]["form"]["name"].value() == "1号反应釜"
    assert page.context["wizard"]["form"]["position_x"].value() == "25"
    assert not RiskDraft.objects.exists()

    # Jump straight to the assessment step: every step is already filled in.
    keys = [f"e{first_event.pk}", f"e{second_event.pk}"]
    parts = manager.get(wizard.url("assessment")).context["wizard"]["form"].parts
    assert parts[keys[0]]["method"].value() == "skip"
    assert parts[keys[1]]["method"].value() == ""
    assert not RiskDraft.objects.exists()
    response = wizard.post(
        "assessment",
        {
            f"assessment-{keys[0]}-method": "ls",
            f"assessment-{keys[0]}-ls__L": "5",
            f"assessment-{keys[0]}-ls__S": "5",
            f"assessment-{keys[1]}-method": "skip",
        },
    )
    assert_next(response, wizard, "measures")
    assert wizard.draft.risk_point == reactor  # a change: now a draft
    wizard.post("review")
    manager.get(wizard.url("done"))

    reactor.refresh_from_db()
    assert reactor.level == "major"
    assert Assessment.objects.filter(event=first_event).count() == 2  # kept
    first_event.refresh_from_db()
    assert first_event.latest_assessment.method == "ls"
    assert not RiskEvent.objects.get(pk=second_event.pk).latest_assessment_id
    assert (
        set(
            ControlMeasure.objects.filter(
                event=first_event, is_active=True
            ).values_list("pk", flat=True)
        )
        == measures_before
    )
    assert not RiskDraft.objects.exists()


def test_opening_edit_and_leaving_without_a_change_writes_no_draft(
    manager, world, reactor
):
    wizard = EditWizard(manager, reactor)
    for step in ("point", "events", "assessment", "measures", "control", "review"):
        assert manager.get(wizard.url(step)).status_code == 200
    # "Next" through unchanged steps and "back" change nothing either.
    page = manager.get(wizard.url("point"))
    form = page.context["wizard"]["form"]
    unchanged = {f"point-{name}": form[name].value() or "" for name in form.fields}
    assert_next(wizard.post("point", unchanged), wizard, "events")
    assert not RiskDraft.objects.exists()
    assert manager.get(reverse("risks:drafts")).context["rows"] == []


def test_removing_an_event_in_the_wizard_deactivates_it(manager, world, reactor):
    wizard = EditWizard(manager, reactor)
    form = manager.get(wizard.url("events")).context["wizard"]["form"]
    data = {name: form.data.getlist(name) for name in form.data}
    data["events-events-1-DELETE"] = ["on"]
    assert_next(wizard.post("events", data), wizard, "assessment")
    wizard.post("review")
    manager.get(wizard.url("done"))
    second = RiskEvent.objects.get(risk_point=reactor, name="违章投料导致中毒")
    assert second.is_active is False
    assert RiskPoint.objects.get(pk=reactor.pk).level == "general"


def test_library_entry_is_copied_then_adapted_in_the_wizard(
    manager, world, enable_packs
):
    enable_packs(extra=[("dummy", dummy)])
    world.enterprise_a.industries.add(
        world.enterprise_a.industries.model.objects.get(code="dummy")
    )
    library = manager.get(reverse("risks:library"))
    assert "测试储罐" in library.text
    response = manager.post(
        reverse("risks:library_use"), {"pack": "dummy", "key": "dummy_tank"}
    )
    # "Use" opens the copy as the user's draft: nothing is created yet.
    assert not RiskPoint.objects.exists()
    draft = RiskDraft.objects.get()
    assert draft.risk_point is None
    assert response["Location"] == reverse("risks:wizard", args=[draft.draft_id])
    # The library's suggestion pre-fills the assessment step; nothing is assessed.
    fire, overpressure = draft.data["events"]
    assert fire["assessment"]["method"] == "dummy_grade"
    assert fire["assessment"]["inputs"]["state"] == "hot"
    assert overpressure["assessment"]["method"] == ""
    wizard = Wizard(manager, draft.draft_id)
    step = manager.get(wizard.url("assessment")).context["wizard"]["form"]
    assert step.parts[fire["key"]]["method"].value() == "dummy_grade"
    assert step.parts[fire["key"]]["dummy_grade__state"].value() == "hot"

    # Saved without assessing: the point exists from now on, unassessed,
    # with the suggestion kept on its events.
    no_assessment = {
        f"assessment-{fire['key']}-method": "skip",
        f"assessment-{overpressure['key']}-method": "skip",
    }
    assert_next(wizard.post("assessment", no_assessment), wizard, "measures")
    wizard.post("review")
    manager.get(wizard.url("done"))
    point = RiskPoint.objects.get()
    assert point.source == "dummy:dummy_tank"
    assert not RiskDraft.objects.exists()
    fire, overpressure = point.events.order_by("order")
    assert not Assessment.objects.exists()
    page = manager.get(reverse("risks:reassess", args=[point.pk, fire.pk]))
    assert page.context["form"].initial["method"] == "dummy_grade"
    assert page.context["form"].initial["dummy_grade__state"] == "hot"
    assert "测试：大型场所" in page.text  # a condition worth checking, not ticked
    assert "direct_conditions" not in page.context["form"].initial
    # An entry of an industry the enterprise is not in is not offered.
    refused = manager.post(
        reverse("risks:library_use"), {"pack": "dummy", "key": "nothing"}
    )
    assert refused.status_code == 404
    assert RiskPoint.objects.count() == 1


def test_a_discarded_library_copy_leaves_nothing(manager, world, enable_packs):
    enable_packs(extra=[("dummy", dummy)])
    world.enterprise_a.industries.add(
        world.enterprise_a.industries.model.objects.get(code="dummy")
    )
    manager.post(reverse("risks:library_use"), {"pack": "dummy", "key": "dummy_tank"})
    draft = RiskDraft.objects.get()
    manager.post(reverse("risks:draft_discard", args=[draft.draft_id]))
    assert not RiskDraft.objects.exists()
    assert not RiskPoint.objects.exists()
    assert not RiskEvent.objects.exists()


# -- who may ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "who", ["staff_a", "committee", "dept_chemicals", "street1_office", "outsider"]
)
def test_only_the_safety_manager_enters_risk_points(client, world, who):
    draft_id = uuid.uuid4()
    client.force_login(getattr(world, who))
    wizard = Wizard(client, draft_id)
    assert client.get(reverse("risks:new")).status_code in (403,)
    assert client.get(wizard.url("point")).status_code == 403
    response = wizard.post("point", point_step(world))
    assert response.status_code == 403
    assert not RiskDraft.objects.exists()
    assert not RiskPoint.objects.exists()


def test_another_users_draft_is_not_found(client, world):
    client.force_login(world.manager_a)
    wizard = Wizard(client)
    wizard.post("point", point_step(world))
    client.force_login(world.manager_b)
    intruder = Wizard(client, wizard.draft_id)
    assert client.get(intruder.url("point")).status_code == 404
    assert intruder.post("point", point_step(world)).status_code == 404
    assert (
        client.post(reverse("risks:draft_discard", args=[wizard.draft_id])).status_code
        == 404
    )
    assert RiskDraft.objects.get().title == "液氨储罐区"


def test_drafts_are_discarded_by_their_owner(manager, world):
    wizard = Wizard(manager)
    wizard.post("point", point_step(world))
    response = manager.post(reverse("risks:draft_discard", args=[wizard.draft_id]))
    assert response["Location"] == reverse("risks:drafts")
    assert not RiskDraft.objects.exists()
    assert (
        manager.get(reverse("risks:draft_discard", args=[uuid.uuid4()])).status_code
        == 405
    )


def test_editing_without_changes_keeps_everything(manager, world):
    point = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=reactor_data(world, position={"type": "point", "x": 0.305, "y": 0.123456}),
    )
    assessments = Assessment.objects.count()
    manager.get(reverse("risks:edit", args=[point.pk]))
    wizard = EditWizard(manager, point)
    form = manager.get(wizard.url("point")).context["wizard"]["form"]
    assert (form["position_x"].value(), form["position_y"].value()) == (
        "30.5",
        "12.3456",
    )
    wizard.post("review")
    manager.get(wizard.url("done"))
    point.refresh_from_db()
    assert point.position == {"type": "point", "x": 0.305, "y": 0.123456}
    assert Assessment.objects.count() == assessments  # nothing re-assessed
    assert point.level == "general"


# -- validation and evaluation, once per boundary ----------------------------------------
@pytest.fixture
def engine_calls(monkeypatch):
    """Counts the scoring engine's schema validations and evaluations (the
    real methods run; only the number of calls is recorded)."""
    from core.scoring.engine import ScoringEngine

    calls = {"validate": 0, "evaluate": 0}
    validate, evaluate = ScoringEngine._validate, ScoringEngine.evaluate

    def counted_validate(self, *args, **kwargs):
        calls["validate"] += 1
        return validate(self, *args, **kwargs)

    def counted_evaluate(self, *args, **kwargs):
        calls["evaluate"] += 1
        return evaluate(self, *args, **kwargs)

    monkeypatch.setattr(ScoringEngine, "_validate", counted_validate)
    monkeypatch.setattr(ScoringEngine, "evaluate", counted_evaluate)
    return calls


def test_one_point_with_two_assessed_events_is_validated_once_per_boundary(
    manager, world, engine_calls
):
    """Entering a point with two assessed events, following every redirect as
    a browser does: each assessment is validated and evaluated once when it
    is entered (its step's boundary) and once more by the save; looking at
    the steps and the review again costs nothing."""
    wizard = Wizard(manager)

    def step(name, data):
        response = wizard.post(name, data)
        assert response.status_code == 302, wizard.form(response).errors
        assert manager.get(response["Location"]).status_code in (200, 302)

    step("point", point_step(world))
    step("events", events_step())
    keys = wizard.event_keys()
    assert engine_calls == {"validate": 0, "evaluate": 0}
    step("assessment", assessment_step(keys))
    assert engine_calls == {"validate": 2, "evaluate": 2}  # one per change
    # Back to the assessment step and on again, unchanged: nothing again.
    assert manager.get(wizard.url("assessment")).status_code == 200
    step("assessment", assessment_step(keys))
    step("measures", measures_step(keys))
    step("control", control_step(world))
    review = manager.get(wizard.url("review"))
    assert review.context["review"]["level"] == "significant"
    assert engine_calls == {"validate": 2, "evaluate": 2}
    done = wizard.post("review")
    assert done["Location"] == wizard.url("done")
    manager.get(done["Location"])
    assert RiskPoint.objects.get().level == "significant"
    # The save validates and evaluates each assessment once, as every write.
    assert engine_calls == {"validate": 4, "evaluate": 4}


def test_an_old_draft_of_form_posts_is_migrated_to_the_point_data(manager, world):
    """Drafts written before held formtools' posted step data; the data
    migration turns them into the risk point's data object."""
    import importlib

    migration = importlib.import_module(
        "core.risks.migrations.0008_risk_drafts_canonical"
    )
    old = {
        "step": "measures",
        "step_data": {
            "point": {
                "point-name": ["液氨储罐区"],
                "point-kind": ["area"],
                "point-unit": [""],
                "point-position_x": ["40"],
                "point-position_y": ["30.5"],
            },
            "events": {
                "events-factors-TOTAL_FORMS": ["1"],
                "events-factors-0-code": ["210104"],
                "events-factors-0-description": ["储罐法兰泄漏"],
                "events-events-TOTAL_FORMS": ["2"],
                "events-events-0-key": ["n1"],
                "events-events-0-name": ["液氨泄漏中毒"],
                "events-events-0-accident_types": ["19"],
                "events-events-0-hazard_factors": ["210104", "2101"],
                "events-events-1-key": ["n2"],
                "events-events-1-name": ["删掉的"],
                "events-events-1-DELETE": ["on"],
            },
            "assessment": {
                "assessment-n1-method": ["lec"],
                "assessment-n1-lec__L": ["3"],
                "assessment-n1-lec__E": ["0.5"],
                "assessment-n1-lec__C": ["15"],
            },
            "measures": {
                "measures-n1-TOTAL_FORMS": ["1"],
                "measures-n1-0-kind": ["ppe"],
                "measures-n1-0-description": ["配备正压式空气呼吸器"],
            },
            "control": {
                "control-inspection_every": ["1"],
                "control-inspection_unit": ["day"],
            },
        },
        "step_files": {},
        "extra_data": {},
    }
    data = migration.canonical(old)
    assert data["name"] == "液氨储罐区"
    assert data["position"] == {"type": "point", "x": 0.4, "y": 0.305}
    assert [e["name"] for e in data["events"]] == ["液氨泄漏中毒"]
    event = data["events"][0]
    assert event["hazard_factors"] == ["210104", "2101"]
    assert event["assessment"]["inputs"] == {"L": 3, "E": 0.5, "C": 15}
    assert event["measures"] == [
        {"id": None, "kind": "ppe", "description": "配备正压式空气呼吸器"}
    ]
    assert data["control"]["inspection_every"] == 1
    # The migrated draft goes on in the wizard and saves.
    draft = RiskDraft.objects.create(
        owner=world.manager_a,
        enterprise=world.enterprise_a,
        data=data,
        current_step="measures",
    )
    wizard = Wizard(manager, draft.draft_id)
    assert manager.get(wizard.url())["Location"] == wizard.url("measures")
    assert_next(
        wizard.post("assessment", stored_step("assessment", data)),
        wizard,
        "measures",
    )
    assert_next(
        wizard.post("measures", stored_step("measures", data)), wizard, "control"
    )
    assert_next(wizard.post("control", control_step(world)), wizard, "review")
    wizard.post("review")
    manager.get(wizard.url("done"))
    point = RiskPoint.objects.get()
    assert point.level  # LEC 3 × 0.5 × 15
    assert point.events.get().measures.count() == 1
