"""Every state-changing route × every role: what the role table forbids changes nothing.

The routes are not listed by hand: they come from the URL resolver (the
portal's views, the Wagtail admin viewsets' URLs) and from the API schema
(drf-spectacular), so a route added later is attacked too. Each route's URL
arguments are filled with objects of a small world: side A (enterprise A,
the chemicals department, street 1) and side B (enterprise B, the
construction department). ``may_write`` is the role table of
docs/architecture.md and docs/security.md as code: who may change something
through a route, for which side. Every other role sends the route's own form
(harvested from the page as its owner sees it, text changed) or a valid API
body, and the test asserts that no row of the platform's tables changed.

Each request runs in a savepoint that is rolled back, so every role meets the
same world; the rows are compared only for the tables a request wrote to.

Reading: every enterprise user, and every department outside the object's
scope, asks for the other side's objects and gets 403/404 (or the login page).
A route whose arguments cannot be filled fails the test: add its filler
below, and its row in ``may_write``.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.authtoken.models import Token

from core.forms.models import FormUpload, SubmissionStatus
from core.forms.services import (
    assignment_create,
    definition_publish,
    submission_review,
    submission_submit,
    upload_store,
)
from core.organizations.models import Department, Membership, Person, Unit
from core.organizations.scope import scope_for
from core.risks.models import LevelThreshold, RiskDraft
from core.risks.services import RiskPointData, risk_point_create
from tests.core.forms.conftest import VALID_ANSWER, make_definition
from tests.factories import WORLD_ROLES, image_upload

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", *WORLD_ROLES)
GOVERNMENT = {"committee", "dept_chemicals", "dept_construction", "street1_office"}
MANAGER_OF = {"A": "manager_a", "B": "manager_b"}
MEMBERS_OF = {"A": {"manager_a", "staff_a"}, "B": {"manager_b"}}
OWNER_DEPT = {"A": "dept_chemicals", "B": "dept_construction"}
# Who sees a side in the admin (besides the superuser and the committee).
SUPERVISORS = {"A": {"dept_chemicals", "street1_office"}, "B": {"dept_construction"}}

# Tables whose writes are bookkeeping, not a change of the platform's data.
IGNORED_TABLES = re.compile(
    r"^(django_session|axes_|auditlog_|wagtailcore_modellogentry|"
    r"wagtailadmin_|django_admin_log|wagtailusers_userprofile)"
)
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([\w]+)"?', re.I)


# -- the routes ----------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str  # namespace:name
    pattern: str
    kwargs: tuple[str, ...]
    model: str | None  # app_label.ModelName of <pk>, when the view declares it

    def __str__(self) -> str:
        return self.name


def _ours(callback) -> bool:
    module = getattr(callback, "__module__", "") or ""
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view_class is not None:
        module = view_class.__module__
    return module.startswith(("core.", "safegrid_site"))


def _walk(patterns, prefix="", namespace=""):
    for item in patterns:
        if isinstance(item, URLResolver):
            space = namespace
            if item.namespace:
                space = f"{namespace}{item.namespace}:"
            yield from _walk(item.url_patterns, prefix + str(item.pattern), space)
        elif isinstance(item, URLPattern) and item.name:
            yield prefix + str(item.pattern), f"{namespace}{item.name}", item


def _model_of(pattern: URLPattern) -> str | None:
    initkwargs = getattr(pattern.callback, "view_initkwargs", {}) or {}
    model = initkwargs.get("model")
    return model._meta.label if model is not None else None


def discovered_routes() -> list[Route]:
    """Our routes under /admin/, /portal/, /notices/ (the API is the schema's)."""
    routes = {}
    for text, name, pattern in _walk(get_resolver().url_patterns):
        if text.startswith("api/") or not _ours(pattern.callback):
            continue
        if name in ("portal:login", "portal:logout", "root"):
            continue  # signing in and out is the user's own session
        routes[name] = Route(
            name=name,
            pattern=text,
            kwargs=tuple(pattern.pattern.regex.groupindex),
            model=_model_of(pattern),
        )
    return sorted(routes.values(), key=lambda r: r.name)


ROUTES = discovered_routes()


# -- the world ---------------------------------------------------------------------


@dataclass
class Side:
    enterprise: Any
    unit: Any
    person: Any
    risk_point: Any
    event: Any
    draft: Any
    definition: Any
    version: Any
    assignment: Any
    submission: Any  # awaiting review
    returned: Any  # returned for correction
    upload: Any
    threshold: Any
    jurisdiction: Any
    department: Any
    membership: Any
    industry: Any
    log_entry: Any = None
    job_run: Any = None
    notification: Any = None
    option_list: Any = None
    task: Any = None
    hazard_source: Any = None
    hazard: Any = None
    plan_filing: Any = None
    rescue_agreement: Any = None
    handbook: Any = None
    government_inspection: Any = None
    sensor: Any = None
    alarm: Any = None
    rating: Any = None
    emergency_plan: Any = None
    training_session: Any = None
    risk_notice: Any = None
    campaign: Any = None
    directive: Any = None
    scope_handbook: Any = None
    device: Any = None
    circular: Any = None


@dataclass
class Attack:
    world: Any
    sides: dict[str, Side]
    users: dict[str, Any] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)


def _side(world, key: str) -> Side:
    enterprise = getattr(world, f"enterprise_{key.lower()}")
    manager = getattr(world, f"manager_{key.lower()}")
    industry = world.chemicals if key == "A" else world.construction
    department = Department.objects.get(name="应急管理局" if key == "A" else "住建局")
    officer = world.dept_chemicals if key == "A" else world.dept_construction
    if key == "A":
        unit = world.post_a
        person = Person.objects.get(enterprise=enterprise, name="张三")
    else:
        unit = Unit.add_root(
            enterprise=enterprise, name="乙建筑", kind=Unit.Kind.COMPANY
        )
        person = Person.objects.create(enterprise=enterprise, name="李四")
    point = risk_point_create(
        user=manager,
        enterprise=enterprise,
        data=RiskPointData(name=f"{key}区域", kind="area", events=[]),
    )
    definition = make_definition(
        department, key=f"check_{key.lower()}", industry=industry, fillers="manager"
    )
    version = definition_publish(definition=definition, user=officer)
    assignment = assignment_create(
        scope=scope_for(officer), definition=definition, industry=industry
    )

    def submit():
        return submission_submit(
            actor=manager, version=version, enterprise=enterprise, data=VALID_ANSWER
        )

    returned = submit()
    submission_review(
        actor=officer, submission=returned, decision="returned", comment="补充"
    )
    submission = submit()
    upload = upload_store(actor=manager, enterprise=enterprise, file=image_upload())
    draft = RiskDraft.objects.create(owner=manager, enterprise=enterprise)
    threshold = LevelThreshold.objects.create(
        method="lec",
        industry=industry,
        major_from=320,
        significant_from=160,
        general_from=70,
    )
    from auditlog.models import LogEntry

    from core.forms.models import OptionList
    from core.hazards.services import hazard_report
    from core.inspections.models import InspectionTask, MajorHazardSource
    from core.inspections.services import tasks_generate
    from core.jobs.models import JobRun
    from core.notifications.services import notify
    from core.risks.models import RiskPoint

    RiskPoint.objects.filter(pk=point.pk).update(
        responsible_person=person,
        control_level="post",
        inspection_every=1,
        inspection_unit="day",
    )
    tasks_generate(enterprise=enterprise)
    task = InspectionTask.objects.filter(enterprise=enterprise).earliest("due_at")
    hazard_source = MajorHazardSource.objects.create(
        enterprise=enterprise, name=f"{key}罐区", operational_head=person
    )
    import datetime

    from django.utils import timezone

    from core.documents.models import HandbookVersion, ScopeHandbook
    from core.emergency.services import plan_create, plan_file
    from core.inspections.government import government_inspection_plan

    plan = plan_create(
        actor=manager,
        enterprise=enterprise,
        kind="comprehensive",
        title=f"{key}综合应急预案",
        content="……",
        approved_on=datetime.date(2026, 1, 5),
    )
    plan_filing = plan_file(
        actor=manager, version=plan.current_version, department=department
    )
    from core.emergency.services import rescue_agreement_save

    rescue_agreement = rescue_agreement_save(
        actor=manager,
        enterprise=enterprise,
        party=f"{key}救援大队",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2026, 12, 31),
    )
    from core.emergency.services import training_session_save

    training_session = training_session_save(
        actor=manager,
        enterprise=enterprise,
        topic=f"{key}消防培训",
        held_on=datetime.date(2026, 1, 10),
        hours="2",
    )
    from core.supervision.models import EnterpriseRating

    rating = EnterpriseRating.objects.create(
        enterprise=enterprise,
        rating_class="B",
        score=30,
        computed_at=timezone.now(),
    )
    from core.monitoring.models import Alarm, Device, SensorPoint

    device = Device.objects.create(
        enterprise=enterprise,
        name=f"{key} 采集器",
        key_prefix=f"side{key}",
        key_hash="0" * 64,
    )
    sensor = SensorPoint.objects.create(
        enterprise=enterprise,
        risk_point=point,
        device=device,
        name=f"{key} 液位",
        parameter="液位",
        unit="m",
        high=8.0,
        high_high=9.0,
    )
    alarm = Alarm.objects.create(
        enterprise=enterprise,
        sensor=sensor,
        category="limit",
        kind="high",
        value=8.5,
    )
    from core.notices.services import (
        risk_notice_generate,
        risk_notice_submit,
        risk_notice_update,
    )

    risk_notice = risk_notice_generate(actor=manager, enterprise=enterprise)
    risk_notice_update(
        actor=manager,
        page=risk_notice,
        title=f"{key}安全风险公告",
        intro_html="",
        points=[{"name": f"{key}风险点", "level": "general", "control": ["巡检"]}],
    )
    risk_notice_submit(actor=manager, page=risk_notice)
    from core.notices.services import create_circular

    circular = create_circular(
        actor=officer,
        title=f"{key} 通报",
        body_html="<p>通报</p>",
        issuer=department,
        publish=True,
    )
    from core.campaigns.services import campaign_create, directive_send

    campaign = campaign_create(
        actor=world.committee,
        title=f"{key} 推进",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        criteria=[{"key": "risk_list"}],
        industries=[industry],
        territories=[world.street1 if key == "A" else world.street2],
    )
    directive = directive_send(
        actor=officer, title=f"{key} 督办", body="请整改。", audience="all"
    )
    return Side(
        circular=circular,
        risk_notice=risk_notice,
        campaign=campaign,
        directive=directive,
        sensor=sensor,
        alarm=alarm,
        rating=rating,
        device=device,
        plan_filing=plan_filing,
        rescue_agreement=rescue_agreement,
        emergency_plan=plan,
        training_session=training_session,
        handbook=HandbookVersion.objects.create(enterprise=enterprise, number=1),
        scope_handbook=ScopeHandbook.objects.create(
            kind="industry", industry=industry, number=1
        ),
        government_inspection=government_inspection_plan(
            actor=officer,
            enterprise=enterprise,
            planned_on="2026-03-01",
            inspectors=f"{key}检查组",
        ),
        task=task,
        hazard_source=hazard_source,
        hazard=hazard_report(
            actor=manager, enterprise=enterprise, description=f"{key}区域配电箱未关"
        ),
        option_list=OptionList.objects.create(
            department=department,
            name=f"{key} 合格/不合格",
            options=[
                {"type": "option", "value": {"value": "ok", "label": "合格"}},
                {"type": "option", "value": {"value": "bad", "label": "不合格"}},
            ],
        ),
        notification=notify(manager, "催办", assignment, "/portal/forms/"),
        log_entry=LogEntry.objects.get_for_object(upload).first(),
        job_run=JobRun.objects.create(task_path=f"tests.side_{key}.job"),
        enterprise=enterprise,
        unit=unit,
        person=person,
        risk_point=point,
        event=None,
        draft=draft,
        definition=definition,
        version=version,
        assignment=assignment,
        submission=submission,
        returned=returned,
        upload=upload,
        threshold=threshold,
        jurisdiction=world.street1 if key == "A" else world.street2,
        department=department,
        membership=Membership.objects.get(user=manager),
        industry=industry,
    )


@pytest.fixture
def attack(world) -> Attack:
    sides = {"A": _side(world, "A"), "B": _side(world, "B")}
    found = Attack(world=world, sides=sides)
    for role in ROLES:
        client = Client(raise_request_exception=False)
        user = None if role == "anonymous" else getattr(world, role)
        if user is not None:
            client.force_login(user)
        found.users[role] = user
        found.clients[role] = client
    return found


# -- URL arguments -----------------------------------------------------------------

PK_BY_PREFIX = {
    "admin/audit/log/": "log_entry",
    "admin/jobs/runs/": "job_run",
    "portal/risks/": "risk_point",
    "portal/inspections/tasks/": "task",
    "portal/inspections/points/": "risk_point",
    "portal/inspections/sources/": "hazard_source",
    "portal/forms/submissions/": "submission",
    "portal/hazards/": "hazard",
    "admin/hazards/": "hazard",
    "admin/emergency/filings/": "plan_filing",
    "admin/emergency/agreements/": "rescue_agreement",
    "portal/emergency/plans/": "emergency_plan",
    "portal/emergency/rescue/agreements/": "rescue_agreement",
    "portal/emergency/posts/": "unit",
    "portal/emergency/training/sessions/": "training_session",
    "admin/handbooks/": "handbook",
    "admin/government-inspections/": "government_inspection",
    "admin/alarms/": "alarm",
    "admin/scope-handbooks/": "scope_handbook",
    "portal/monitoring/alarms/": "alarm",
    "portal/monitoring/sensors/": "sensor",
    "portal/monitoring/devices/": "device",
    "portal/forms/uploads/": "upload",
    "portal/notifications/": "notification",
    "portal/units/": "unit",
    "portal/people/": "person",
    "admin/forms/definitions/": "definition",
    "admin/forms/option-lists/": "option_list",
    "admin/forms/submissions/": "submission",
    "admin/notices/review/": "risk_notice",
    "admin/notices/issued/": "circular",
    "admin/campaigns/directives/": "directive",
    "portal/campaigns/directives/": "directive",
    "admin/campaigns/": "campaign",
}
PK_BY_MODEL = {
    "organizations.Enterprise": "enterprise",
    "organizations.Jurisdiction": "jurisdiction",
    "organizations.Department": "department",
    "organizations.Industry": "industry",
    "organizations.Membership": "membership",
    "risks.LevelThreshold": "threshold",
    "risks.RiskPoint": "risk_point",
    "forms.FormDefinition": "definition",
    "forms.Submission": "submission",
    "forms.OptionList": "option_list",
    "hazards.Hazard": "hazard",
    "supervision.EnterpriseRating": "rating",
    "emergency.PlanFiling": "plan_filing",
    "emergency.RescueAgreement": "rescue_agreement",
    "documents.HandbookVersion": "handbook",
}


def _pk_object(route: Route) -> str | None:
    if route.model in PK_BY_MODEL:
        return PK_BY_MODEL[route.model]
    for prefix, name in PK_BY_PREFIX.items():
        if route.pattern.startswith(prefix):
            return name
    return None


def url_kwargs(route: Route, side: Side) -> dict[str, Any] | None:
    """The route's URL arguments for ``side``; None when one cannot be filled."""
    values: dict[str, Any] = {}
    correcting = "correct" in route.name
    for name in route.kwargs:
        if name == "pk":
            target = _pk_object(route)
            if target is None:
                return None
            values[name] = getattr(side, target).pk
        elif name == "submission_pk":
            values[name] = (side.returned if correcting else side.submission).pk
        elif name == "parent_pk":
            values[name] = side.unit.pk
        elif name == "assignment_pk":
            values[name] = side.assignment.pk
        elif name == "enterprise_id":
            values[name] = side.enterprise.pk
        elif name == "draft_id":
            values[name] = side.draft.draft_id
        elif name == "event_pk":
            values[name] = 999_999 if side.event is None else side.event.pk
        elif name == "key":
            values[name] = side.definition.key
        elif name == "number":
            values[name] = side.version.number
        elif name == "step":
            values[name] = "1"
        elif name == "act" and route.name == "monitoring:device_act":
            values[name] = "revoke"
        elif name == "act":
            values[name] = "acknowledge"
        elif name == "restriction_id":
            return None
        elif name == "post_id":  # documents: a card of a post (GET only)
            values[name] = side.unit.pk
        elif name == "kind":
            values[name] = "post_risk"
        elif name == "industry_id":  # documents: an industry's handbook sections
            values[name] = side.industry.pk
        elif name == "token":  # documents: a card's public page (GET only)
            values[name] = "00000000-0000-4000-8000-000000000000"
        else:
            return None
    return values


def _url(route: Route, kwargs: dict[str, Any]) -> str:
    from django.urls import reverse

    return reverse(route.name, kwargs=kwargs)


def needs_object(route: Route) -> bool:
    return bool(route.kwargs)


# -- who may write ---------------------------------------------------------------------


def may_write(route: Route, role: str, side: str | None) -> bool:
    """The role table: may ``role`` change something through ``route`` on ``side``
    (None: a route without an object, acting on the role's own)."""
    name = route.name
    app = name.split(":")[0]
    if role == "superuser":
        return app not in ("industries", "risk_points", "audit_log", "job_runs") and (
            app != "form_submissions" or name.endswith(":detail")
        )
    if app == "notifications":
        # A user's own notifications: marking them read is the recipient's act.
        if side is None:
            return role in ("manager_a", "manager_b", "staff_a")
        return role == MANAGER_OF[side]
    if app == "inspections":
        # Doing a task: its assignee (staff_a is A's) or the enterprise's
        # manager; naming 包保 heads: the manager. Lists, QR codes and the
        # scan (which marks the session only) change nothing.
        if name in ("inspections:sources", "inspections:todo") or "qr" in name:
            return False
        if name == "inspections:scan":
            return False
        if side is None:
            return role in ("manager_a", "manager_b")
        if name.startswith("inspections:source"):
            return role == MANAGER_OF[side]
        return role == MANAGER_OF[side] or (side == "A" and role == "staff_a")
    if app == "hazards":
        # Anyone of the enterprise reports; the fixture's step (a rejection
        # of the report) is the safety manager's (core.hazards.machine).
        if side is None:
            return role in ("manager_a", "manager_b", "staff_a")
        return role == MANAGER_OF[side]
    if app == "monitoring":
        # Acknowledging or clearing an alarm: anyone of the enterprise; the
        # boards, the live values and the history change nothing.
        if name == "monitoring:alarm_act" and side is not None:
            return role in MEMBERS_OF[side]
        # Setting up devices (keys) and sensors: the enterprise's manager.
        if name in ("monitoring:devices", "monitoring:sensor_new"):
            return side is None and role in ("manager_a", "manager_b")
        if name in ("monitoring:device_act", "monitoring:sensor_edit"):
            return side is not None and role == MANAGER_OF[side]
        return False
    if app == "government_inspections":
        # An office plans inspections in its scope (for its own office) and
        # records the result of its own; the lists change nothing.
        if name.endswith(":list"):
            return False
        if side is None:
            return role in GOVERNMENT
        return role == OWNER_DEPT[side]
    if app in ("portal", "risks", "forms_portal"):
        # The enterprise's own records: its manager; the fixture's forms are
        # the manager's to fill (fillers "manager").
        if side is None:
            return role in ("manager_a", "manager_b")
        return role == MANAGER_OF[side]
    if app in ("enterprises", "jurisdictions", "departments", "memberships"):
        return role == "committee"
    if app == "risk_thresholds":
        if side is None:
            return role in ("committee", "dept_chemicals", "dept_construction")
        return role in ("committee", OWNER_DEPT[side])
    if app == "form_definitions":
        if side is None:  # add, import: for the author's own department
            return role in GOVERNMENT
        if name.endswith(("copy_definition",)):
            return role in ("committee", OWNER_DEPT[side])
        return role in ("committee", OWNER_DEPT[side])
    if app == "form_option_lists":
        # A department's own option lists (the committee: any).
        if side is None:
            return role in GOVERNMENT
        return role in ("committee", OWNER_DEPT[side])
    if app == "form_submissions":
        # Reviews: the department that owns the form (or assigned it).
        return name.endswith(":detail") and role == OWNER_DEPT.get(side or "", "")
    if app == "emergency":
        # Recording a drill: the enterprise's manager. Signing that one has
        # read one's post's card: its holder (staff_a holds side A's post).
        if name == "emergency:drill_new":
            return side is None and role in ("manager_a", "manager_b")
        # The safety manager's entry screens (plans, rescue, post content,
        # training, occupational): the enterprise's manager, its own records.
        if name not in ("emergency:home", "emergency:sign"):
            if side is None:
                return role in ("manager_a", "manager_b")
            return role == MANAGER_OF[side]
        return side is None and role == "staff_a"
    if app == "notices":
        # The enterprise's own risk notice: its safety manager (the former
        # public addresses and the portal page change nothing).
        if name.startswith("notices:risk_"):
            return side is None and role in ("manager_a", "manager_b")
        return False
    if app == "notices_admin_review_decide":
        # Approve or reject: the industry department of the enterprise.
        return side is not None and role == OWNER_DEPT[side]
    if app in ("notices_admin_issued_edit", "notices_admin_issued_withdraw"):
        # Revising or withdrawing a circular: the issuing office (side A's
        # is the chemicals department's, side B's the construction one's).
        return side is not None and role == OWNER_DEPT[side]
    if app == "notices_admin_issue":
        # A circular of the user's own office.
        return side is None and role in GOVERNMENT
    if app == "documents_section_settings":
        # An industry's handbook sections: its own department only.
        return side is not None and role == OWNER_DEPT[side]
    if name == "documents:notes":
        # The enterprise's notes in its handbook: its safety manager.
        return side is None and role in ("manager_a", "manager_b")
    if app == "documents_scope_handbook_request":
        # An industry's handbook (the body names side A's, chemicals): its
        # department and the committee office.
        return role in ("committee", "dept_chemicals")
    if app == "filing_admin_review":
        # The review of a plan filing: the department it was filed with.
        return side is not None and role == OWNER_DEPT[side]
    if app == "campaigns":
        # A campaign and a spot-check sample: the committee office; a
        # directive or an acceptance check: any office, for its own scope.
        # Publishing a campaign's assessment as a circular: the committee
        # office (a campaign is the district's, on either side).
        if name == "campaigns:assessment":
            return role == "committee"
        if side is not None:
            return False
        if name in ("campaigns:create", "campaigns:sample_draw"):
            return role == "committee"
        if name in ("campaigns:directive_send", "campaigns:check_record"):
            return role in GOVERNMENT
        return False
    if app == "campaigns_portal":
        # Replying to a directive: the addressed enterprise's safety manager.
        return side is not None and role == MANAGER_OF[side]
    # Read-only screens and pages: nobody changes anything through them.
    return False


# -- the change detector ---------------------------------------------------------------


def _tables_written(queries) -> set[str]:
    tables = set()
    for query in queries:
        match = WRITE.match(query["sql"])
        if match and not IGNORED_TABLES.match(match.group(1)):
            tables.add(match.group(1))
    return tables


def _models_by_table() -> dict[str, Any]:
    return {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}


def _snapshot(tables: set[str]) -> dict[str, str]:
    models = _models_by_table()
    found = {}
    for table in sorted(tables):
        model = models.get(table)
        if model is None:
            found[table] = "?"
            continue
        rows = list(model._base_manager.order_by("pk").values_list())
        found[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return found


def send(client: Client, method: str, url: str, **kwargs):
    """Send the request in a savepoint that is rolled back; return the response
    and the tables whose rows it changed."""
    with CaptureQueriesContext(connection) as captured:
        savepoint = transaction.savepoint()
        try:
            response = getattr(client, method)(url, **kwargs)
            written = _tables_written(captured.captured_queries)
            after = _snapshot(written)
        finally:
            transaction.savepoint_rollback(savepoint)
    before = _snapshot(written)
    changed = {t for t in written if after[t] != before[t]}
    return response, changed


# -- the form a page offers ----------------------------------------------------------


class _FormHarvester(HTMLParser):
    """The fields of the page's main form, with their current values."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None
        self._first_option: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.data.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if value:
                self._first_option.setdefault(self._select, value)
            if "selected" in attrs:
                self.data.setdefault(self._select, []).append(value)
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.setdefault(name, []).append("")

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            if self._select not in self.data and self._select in self._first_option:
                self.data[self._select] = [self._first_option[self._select]]
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


MUTATED = re.compile(r"(^|-)(name|title_zh|title_en|description|comment|note)$")


def harvested_form(client: Client, url: str) -> dict[str, Any]:
    """The form at ``url`` as its owner sees it, with its text changed a little,
    so a write that goes through is a change."""
    response = client.get(url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return {}
    parser = _FormHarvester()
    parser.feed(response.content.decode(errors="replace"))
    data = {}
    for name, values in parser.data.items():
        if MUTATED.search(name) and values:
            values = [values[0] + "改"]
        data[name] = values if len(values) > 1 else values[0]
    return data


EXPLICIT_BODIES = {
    "hazards:step": lambda side: {"action": "reject", "comment": "不是隐患"},
    "hazard_admin_step": lambda side: {"action": "supervise", "comment": "督办"},
    "filing_admin_review": lambda side: {"decision": "on_file"},
    "emergency:plan_revise": lambda side: {"content": "改", "change_note": "改"},
    "emergency:plan_file": lambda side: {
        "version": side.emergency_plan.current_version_id,
        "department": side.department.pk,
    },
    "emergency:attendance": lambda side: {"person": side.person.pk, "passed": "yes"},
    "notices_admin_review_decide": lambda side: {"decision": "approve"},
    "notices_admin_issue": lambda side: {
        "kind": "circular",
        "title": "通报",
        "body": "<p>x</p>",
        "publish": "1",
    },
    "form_submissions:detail": lambda side: {"decision": "accepted", "comment": "好"},
    "documents_scope_handbook_request": lambda side: {
        "industry": side.industry.pk,
        "language": "zh-hans",
    },
    "form_definitions:assign": lambda side: {
        "industry": side.industry.pk,
        "recurrence": "none",
    },
}


def _owner(route: Route, side: str | None) -> str:
    for role in (
        "superuser",
        "committee",
        "dept_chemicals",
        "dept_construction",
        "manager_a",
        "manager_b",
    ):
        if may_write(route, role, side) and role != "superuser":
            return role
    return "superuser"


# -- the tests --------------------------------------------------------------------------


def _cases(attack: Attack, route: Route):
    """(side name or None, URL) for the route."""
    if not needs_object(route):
        yield None, _url(route, {})
        return
    for name, side in attack.sides.items():
        kwargs = url_kwargs(route, side)
        assert kwargs is not None, (
            f"{route.name} ({route.pattern}): fill its URL arguments "
            f"{route.kwargs} in tests/security/test_write_permissions.py"
        )
        yield name, _url(route, kwargs)


def test_every_route_is_attacked():
    names = {route.name for route in ROUTES}
    assert {"forms_portal:fill_step", "form_submissions:detail", "risks:edit"} <= names
    assert {"enterprises:edit", "portal:unit_delete", "notices:enterprise"} <= names


def test_a_forbidden_role_changes_nothing_through_any_route(attack):
    failures = []
    for route in ROUTES:
        failures += _forbidden_writes(route, attack)
    assert not failures, "\n".join(failures)


def _forbidden_writes(route: Route, attack: Attack) -> list[str]:
    failures = []
    for side, url in _cases(attack, route):
        owner = attack.clients[_owner(route, side)]
        if route.name in EXPLICIT_BODIES:
            body = EXPLICIT_BODIES[route.name](attack.sides[side or "A"])
        else:
            body = harvested_form(owner, url)
        probe, _changed = send(owner, "post", url, data=body)
        if probe.status_code == 405:
            continue  # the route takes no POST, from anyone
        for role in ROLES:
            if may_write(route, role, side):
                continue
            response, changed = send(attack.clients[role], "post", url, data=body)
            if changed or response.status_code >= 500:
                failures.append(
                    f"{role} POST {url} → {response.status_code}, changed {changed}"
                )
    return failures


def test_foreign_objects_are_not_shown_through_any_route(attack):
    """Enterprise users, and departments that do not supervise the other side,
    get 403 or 404 (or the sign-in page) for its objects."""
    failures = []
    for route in ROUTES:
        if needs_object(route):
            failures += _foreign_reads(route, attack)
    assert not failures, "\n".join(failures)


def _foreign_reads(route: Route, attack: Attack) -> list[str]:
    failures = []
    for side, url in _cases(attack, route):
        foreign = {"manager_a", "manager_b", "staff_a", "outsider", "anonymous"}
        foreign -= MEMBERS_OF[side]
        foreign |= GOVERNMENT - SUPERVISORS[side] - {"committee"}
        for role in sorted(foreign):
            response = attack.clients[role].get(url)
            if response.status_code == 302:
                location = response["Location"]
                if "login" in location or location.rstrip("/").endswith("/admin"):
                    continue
            if response.status_code not in (302, 403, 404, 405):
                failures.append(f"{role} GET {url} → {response.status_code}")
    return failures


# -- the API, from its schema --------------------------------------------------------


def api_operations() -> list[tuple[str, str]]:
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = []
    for path, item in schema["paths"].items():
        for method in ("post", "put", "patch", "delete"):
            if method in item and not path.endswith("/auth/token/"):
                found.append((method, path))
    return sorted(found)


def api_may_write(method: str, path: str, role: str, side: str) -> bool:
    if role == "superuser":
        return True
    if path.endswith("/submissions/") and method == "post":
        return role == MANAGER_OF[side]
    if path.endswith("/form-uploads/") and method == "post":
        return role in MEMBERS_OF[side]
    if path == "/api/v1/hazards/" and method == "post":
        return role in MEMBERS_OF[side]
    if path.startswith("/api/v1/hazards/{id}/"):
        return role == MANAGER_OF[side]
    if path.startswith("/api/v1/alarms/{id}/"):
        # Acknowledging or clearing: anyone of the enterprise.
        return role in MEMBERS_OF[side]
    if path == "/api/v1/plan-filings/{id}/review/":
        # The department the plan was filed with (side A's: the chemicals
        # department; side B's: construction).
        return role == OWNER_DEPT[side]
    return False


def _api_request(method: str, path: str, side: Side):
    if path.startswith("/api/v1/alarms/{id}/"):
        url = path.replace("{id}", str(side.alarm.pk))
        return url, {"data": {"comment": "已知悉"}, "format": "json"}
    if path.startswith("/api/v1/plan-filings/"):
        url = path.replace("{id}", str(side.plan_filing.pk))
        return url, {"data": {"decision": "on_file"}, "format": "json"}
    if path.startswith("/api/v1/hazards/"):
        if "{id}" in path:
            url = path.replace("{id}", str(side.hazard.pk))
            body = {"action": "reject", "comment": "不是隐患"}
        else:
            url = path
            body = {"enterprise": side.enterprise.pk, "description": "地面油污"}
        return url, {"data": body, "format": "json"}
    url = path.replace("{key}", side.definition.key)
    url = url.replace("{id}", str(side.enterprise.pk))
    if path.endswith("/form-uploads/"):
        return url, {
            "data": {"enterprise": side.enterprise.pk, "file": image_upload()},
            "format": "multipart",
        }
    body = {"enterprise": side.enterprise.pk, "data": VALID_ANSWER}
    if "{" in url:
        pytest.fail(f"{method.upper()} {path}: fill its path parameters")
    return url, {"data": body, "format": "json"}


def test_the_api_schema_lists_the_writes():
    assert ("post", "/api/v1/forms/{key}/submissions/") in api_operations()
    assert ("post", "/api/v1/form-uploads/") in api_operations()
    assert ("post", "/api/v1/hazards/") in api_operations()
    assert ("post", "/api/v1/hazards/{id}/transitions/") in api_operations()


def test_a_forbidden_role_changes_nothing_through_the_api(attack):
    failures = []
    for method, path in api_operations():
        failures += _forbidden_api_writes(method, path, attack)
    assert not failures, "\n".join(failures)


def _forbidden_api_writes(method: str, path: str, attack: Attack) -> list[str]:
    from rest_framework.test import APIClient

    failures = []
    for role in ROLES:
        client = APIClient(raise_request_exception=False)
        user = attack.users[role]
        if user is not None:
            token, _created = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        for side_name, side in attack.sides.items():
            if api_may_write(method, path, role, side_name):
                continue
            url, kwargs = _api_request(method, path, side)
            response, changed = send(client, method, url, **kwargs)
            if changed or response.status_code >= 500:
                failures.append(
                    f"{role} {method.upper()} {url} ({side_name}) → "
                    f"{response.status_code}, changed {changed}"
                )
    return failures


def test_the_owner_does_change_rows(attack):
    """The detector sees a permitted write (so a silent pass means nothing
    changed, not that nothing is watched)."""
    from rest_framework.test import APIClient

    client = APIClient()
    token, _created = Token.objects.get_or_create(user=attack.world.manager_a)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    side = attack.sides["A"]
    url, kwargs = _api_request("post", "/api/v1/forms/{key}/submissions/", side)
    response, changed = send(client, "post", url, **kwargs)
    assert response.status_code == 201, response.content
    assert "forms_submission" in changed
    review = Client()
    review.force_login(attack.world.dept_chemicals)
    response, changed = send(
        review,
        "post",
        f"/admin/forms/submissions/detail/{side.submission.pk}/",
        data={"decision": "accepted", "comment": "好"},
    )
    assert response.status_code == 302 and "forms_submission" in changed
    assert side.submission.status == SubmissionStatus.SUBMITTED  # rolled back
    assert FormUpload.objects.filter(pk=side.upload.pk).exists()
    assert uuid.UUID(str(side.upload.pk))
