"""Writes of the public notices. Each takes the acting user as ``actor`` and
checks, inside, that the actor may do it (``core.notices.policy``).

The enterprise's risk notice follows a Wagtail workflow (``review_workflow``:
one ``IndustryReviewTask``): the enterprise generates and edits it in the
portal and submits it; an industry department of its industries approves (the
workflow publishes the submitted revision) or rejects with a reason (the
workflow waits for changes; the enterprise sees the reason and resubmits).
Wagtail's page log records every step with its user (create, edit, submit,
approve, reject, publish, unpublish).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import (
    Locale,
    Page,
    Site,
    TaskState,
    Workflow,
    WorkflowContentType,
    WorkflowState,
    WorkflowTask,
)

from core.base.errors import Invalid, Refused
from core.notices.models import (
    CircularNature,
    CircularPage,
    CommitmentNoticePage,
    EnterpriseRiskNoticePage,
    GuidancePage,
    IndustryReviewTask,
    NoticeIndexPage,
    NoticeKind,
    NoticePage,
    NoticeSiteHome,
)
from core.notices.policy import may_edit_notice, may_issue, may_review
from core.notices.sanitise import clean_html
from core.organizations.models import Department, Enterprise, Industry, Role
from core.organizations.scope import scope_for
from plugins.vocabularies import RISK_LEVELS

#: The index pages under the home: kind → (slug, Chinese title).
INDEXES = {
    NoticeKind.RISK: ("risk-notices", "企业安全风险公告"),
    NoticeKind.COMMITMENT: ("commitments", "安全风险研判与承诺公告"),
    NoticeKind.CIRCULAR: ("circulars", "通报"),
    NoticeKind.GUIDANCE: ("guidance", "指导文件"),
}
WORKFLOW_NAME = "企业安全风险公告审核"
TITLE_MAX = 255


# -- the tree ----------------------------------------------------------------
def ensure_public_site() -> NoticeSiteHome:
    """The home at the root of the default Site and its four indexes
    (idempotent; run after every migrate). Wagtail's welcome page, if the
    default Site still points at it, is replaced.

    The skeleton refers to nothing, so Wagtail's reference index is not
    updated for it: each save would otherwise queue a background job (after
    every migrate, and after every flush of the transactional tests)."""
    from wagtail.signal_handlers import disable_reference_index_auto_update

    with disable_reference_index_auto_update():
        return _ensure_public_site()


def _ensure_public_site() -> NoticeSiteHome:
    home = NoticeSiteHome.objects.first()
    if home is None:
        # After a flush (transactional tests) Wagtail's default locale, made
        # by its migration, is gone too.
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.get_first_root_node()
        if root is None:
            root = _add_root()
        home = root.add_child(
            instance=NoticeSiteHome(
                title="SafeGrid 安全网格 · 公开公告",
                slug="safegrid-public",
                intro="",
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    elif site.root_page_id != home.pk:
        old = site.root_page
        site.root_page = home
        site.save(update_fields=["root_page"])
        if old.specific_class is Page and old.depth == 2 and not old.get_children():
            old.delete()
    for kind, (slug, title) in INDEXES.items():
        if not NoticeIndexPage.objects.child_of(home).filter(kind=kind).exists():
            home.add_child(instance=NoticeIndexPage(title=title, slug=slug, kind=kind))
    review_workflow()
    return home


def _add_root() -> Page:
    """Wagtail's root node, which its migration makes and a flush (the
    transactional tests) removes. It is never searched, so its save queues no
    search-indexing job."""
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler

    post_save.disconnect(post_save_signal_handler, sender=Page)
    try:
        return Page.add_root(title="Root", slug="root")
    finally:
        post_save.connect(post_save_signal_handler, sender=Page)


def index_page(kind: str) -> NoticeIndexPage:
    home = ensure_public_site()
    return NoticeIndexPage.objects.child_of(home).get(kind=kind)


def review_workflow() -> Workflow:
    """The workflow of the enterprise risk notices (one task: the review by
    the industry departments), assigned to that page type."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        task = IndustryReviewTask.objects.create(name="行业主管部门审核")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    content_type = ContentType.objects.get_for_model(EnterpriseRiskNoticePage)
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )
    return workflow


def _place(page: NoticePage, enterprise: Enterprise) -> None:
    page.territory_id = enterprise.jurisdiction_id
    page.industry = enterprise.industries.order_by("code").first()


# -- the enterprise risk notice ----------------------------------------------
def generated_points(enterprise: Enterprise) -> list[dict[str, Any]]:
    """The enterprise's main risk points as public text: name, level, control
    and emergency measures (no person, phone, unit or internal id). Main:
    assessed, from the highest level down, at most 30."""
    from core.documents.content import risk_points_of

    order = {"major": 0, "significant": 1, "general": 2, "low": 3}
    rows: list[dict[str, Any]] = []
    for point in risk_points_of(enterprise.pk):
        if point.level not in order:
            continue
        control: list[str] = []
        emergency: list[str] = []
        for event in point.events.all():
            for measure in event.measures.all():
                target = emergency if measure.kind == "emergency" else control
                if measure.description not in target:
                    target.append(measure.description)
        rows.append(
            {
                "name": point.name,
                "level": point.level,
                "control": control,
                "emergency": emergency,
            }
        )
    rows.sort(key=lambda row: order[row["level"]])
    return rows[:30]


def _check_enterprise(actor, enterprise: Enterprise) -> None:
    if not may_edit_notice(actor, enterprise):
        raise Refused(_("Only the enterprise's safety manager edits its notice."))


def _in_review(page: Page) -> bool:
    state = page.current_workflow_state
    return bool(state and state.status == WorkflowState.STATUS_IN_PROGRESS)


@transaction.atomic
def risk_notice_generate(*, actor, enterprise: Enterprise) -> EnterpriseRiskNoticePage:
    """Create the enterprise's risk notice (a draft) from its data, or
    refresh the draft's risk points from the data."""
    _check_enterprise(actor, enterprise)
    page = EnterpriseRiskNoticePage.objects.filter(enterprise=enterprise).first()
    points = generated_points(enterprise)
    if page is None:
        page = EnterpriseRiskNoticePage(
            title=_("Safety risk notice of %(name)s") % {"name": enterprise.name},
            slug=f"enterprise-{enterprise.pk}",
            kind=NoticeKind.RISK,
            enterprise=enterprise,
            points=points,
            summary=_("%(count)s main risk points") % {"count": len(points)},
            live=False,
        )
        _place(page, enterprise)
        index_page(NoticeKind.RISK).add_child(instance=page)
        page.save_revision(user=actor, log_action=True)
        return page
    page = page.get_latest_revision_as_object()
    if _in_review(page):
        raise Invalid.at(
            (), _("The notice is under review; wait for the department's answer.")
        )
    page.points = points
    page.save_revision(user=actor, log_action=True)
    return page


def _clean_points(points: Any) -> list[dict[str, Any]]:
    if not isinstance(points, list) or len(points) > 100:
        raise Invalid.at(("points",), _("Risk points must be a list of at most 100."))
    cleaned = []
    for number, row in enumerate(points):
        if not isinstance(row, dict) or not str(row.get("name", "")).strip():
            raise Invalid.at(
                ("points", number, "name"), _("Each risk point needs a name.")
            )
        level = row.get("level")
        if level not in RISK_LEVELS:
            raise Invalid.at(("points", number, "level"), _("Unknown risk level."))
        item: dict[str, Any] = {"name": str(row["name"]).strip()[:200], "level": level}
        for key in ("control", "emergency"):
            lines = row.get(key) or []
            if isinstance(lines, str):
                lines = lines.splitlines()
            item[key] = [
                str(line).strip()[:500] for line in lines if str(line).strip()
            ][:30]
        cleaned.append(item)
    return cleaned


@transaction.atomic
def risk_notice_update(
    *,
    actor,
    page: EnterpriseRiskNoticePage,
    title: str,
    intro_html: str,
    points: list[dict[str, Any]],
) -> EnterpriseRiskNoticePage:
    """The enterprise's edit of its notice before submitting it (a new
    revision; the published version stays until the next approval)."""
    _check_enterprise(actor, page.enterprise)
    page = EnterpriseRiskNoticePage.objects.select_for_update().get(pk=page.pk)
    if _in_review(page):
        raise Invalid.at(
            (), _("The notice is under review; wait for the department's answer.")
        )
    title = (title or "").strip()
    if not title or len(title) > TITLE_MAX:
        raise Invalid.at(("title",), _("Give a title of at most 255 characters."))
    draft = page.get_latest_revision_as_object()
    draft.title = title
    draft.intro = clean_html(intro_html)
    draft.points = _clean_points(points)
    draft.summary = _("%(count)s main risk points") % {"count": len(draft.points)}
    draft.save_revision(user=actor, log_action=True)
    return draft


@transaction.atomic
def risk_notice_submit(*, actor, page: EnterpriseRiskNoticePage) -> WorkflowState:
    """Send the latest revision to the review (or back to it after a rejection)."""
    _check_enterprise(actor, page.enterprise)
    page = EnterpriseRiskNoticePage.objects.select_for_update().get(pk=page.pk)
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise Invalid.at((), _("The notice is already under review."))
    if not page.get_latest_revision_as_object().points:
        raise Invalid.at(("points",), _("The notice lists no risk point yet."))
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=actor)
        return state
    return review_workflow().start(page, actor)


def pending_task_state(page: Page) -> TaskState | None:
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    return state.current_task_state


@transaction.atomic
def risk_notice_review(
    *, actor, page: EnterpriseRiskNoticePage, approve: bool, reason: str = ""
) -> EnterpriseRiskNoticePage:
    """An industry department's decision: approve (the submitted revision is
    published) or reject with a reason the enterprise reads in its portal."""
    page = EnterpriseRiskNoticePage.objects.select_for_update().get(pk=page.pk)
    if not may_review(actor, page):
        raise Refused(
            _("Only the enterprise's industry department reviews its notice.")
        )
    task_state = pending_task_state(page)
    if task_state is None:
        raise Invalid.at((), _("The notice is not waiting for review."))
    reason = (reason or "").strip()
    if not approve and not reason:
        raise Invalid.at(("reason",), _("Say why the notice is rejected."))
    task = task_state.task.specific
    task.on_action(
        task_state.specific, actor, "approve" if approve else "reject", comment=reason
    )
    return EnterpriseRiskNoticePage.objects.get(pk=page.pk)


@transaction.atomic
def notice_withdraw(*, actor, page: NoticePage) -> NoticePage:
    """Take a published notice off the public site (Wagtail's unpublish,
    logged). The enterprise withdraws its own risk notice, its industry
    department may too; a circular or guidance by its issuer."""
    page = NoticePage.objects.select_for_update().get(pk=page.pk).specific
    if isinstance(page, EnterpriseRiskNoticePage):
        allowed = may_edit_notice(actor, page.enterprise) or may_review(actor, page)
    elif isinstance(page, (CircularPage, GuidancePage)):
        allowed = may_issue(actor, page.issuer)
    else:
        allowed = False
    if not allowed:
        raise Refused(_("You may not withdraw this notice."))
    if not page.live:
        raise Invalid.at((), _("The notice is not published."))
    UnpublishPageAction(page, user=actor).execute(skip_permission_checks=True)
    return page


def rejection_reason(page: Page) -> str:
    """Why the department rejected the notice, while it waits for changes."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return ""
    task_state = state.current_task_state
    return task_state.comment if task_state else ""


# -- circulars and guidance ----------------------------------------------------
def _check_title(title: str) -> str:
    title = (title or "").strip()
    if not title or len(title) > TITLE_MAX:
        raise Invalid.at(("title",), _("Give a title of at most 255 characters."))
    return title


def _title_and_body(title: str, body_html: str) -> tuple[str, str]:
    title = _check_title(title)
    body = clean_html(body_html)
    if not body.strip():
        raise Invalid.at(("body",), _("The text is empty."))
    return title, body


def _unique_slug(parent: Page, base: str) -> str:
    base = slugify(base)[:40] or "notice"
    slug, number = base, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _publish_new(parent: Page, page: NoticePage, *, actor, publish: bool) -> NoticePage:
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision(user=actor, log_action=True)
    if publish:
        revision.publish(user=actor, skip_permission_checks=True)
        page.refresh_from_db()
    return page


def _check_nature(nature: str) -> str:
    if nature not in CircularNature.values:
        raise Invalid.at(("nature",), _("Choose praise, criticism or information."))
    return nature


def _create_page(model, kind: str, slug: str, *, actor, publish: bool, **fields):
    """A new page of ``model`` and ``kind`` with ``fields``, under the kind's
    index page with a unique slug made from ``slug``; published at once when
    ``publish``."""
    parent = index_page(kind)
    page = model(slug=_unique_slug(parent, slug), kind=kind, **fields)
    return _publish_new(parent, page, actor=actor, publish=publish)


@transaction.atomic
def create_circular(
    *,
    actor,
    title: str,
    body_html: str,
    issuer: Department,
    publish: bool = False,
    nature: str = CircularNature.INFORMATION,
) -> CircularPage:
    """A circular (通报) of ``issuer`` (the committee office or a department),
    published at once when ``publish``. The actor must belong to ``issuer``
    (the committee office's users issue the office's circulars)."""
    if not may_issue(actor, issuer):
        raise Refused(_("Only the issuing office's users publish its circulars."))
    title, body = _title_and_body(title, body_html)
    nature = _check_nature(nature)
    return _create_page(
        CircularPage,
        NoticeKind.CIRCULAR,
        f"circular-{issuer.pk}",
        actor=actor,
        publish=publish,
        title=title,
        issuer=issuer,
        nature=nature,
        body=body,
        territory=issuer.jurisdiction,
        industry=issuer.industries.order_by("code").first()
        if issuer.kind == Department.Kind.INDUSTRY
        else None,
    )


@transaction.atomic
def create_guidance(
    *,
    actor,
    title: str,
    body_html: str,
    issuer: Department,
    industry: Industry,
    publish: bool = False,
) -> GuidancePage:
    """A guidance document (指导文件) of an industry department for one of
    its industries."""
    if not may_issue(actor, issuer) or (
        scope_for(actor).role == Role.INDUSTRY_DEPARTMENT
        and industry.pk not in scope_for(actor).industry_ids
    ):
        raise Refused(_("Only the industry's department publishes its guidance."))
    title, body = _title_and_body(title, body_html)
    return _create_page(
        GuidancePage,
        NoticeKind.GUIDANCE,
        f"guidance-{industry.code}",
        actor=actor,
        publish=publish,
        title=title,
        issuer=issuer,
        industry=industry,
        body=body,
    )


@transaction.atomic
def notice_revise(
    *,
    actor,
    page: NoticePage,
    title: str,
    body_html: str,
    nature: str | None = None,
    publish: bool = False,
) -> CircularPage | GuidancePage:
    """A new revision of a circular or guidance document by its issuing
    office: title, text and (a circular's) nature; published at once when
    ``publish``, else kept as a draft beside what is public. Each revision is
    in Wagtail's history with its user."""
    page = NoticePage.objects.select_for_update().get(pk=page.pk).specific
    if not isinstance(page, CircularPage | GuidancePage) or not may_issue(
        actor, page.issuer
    ):
        raise Refused(_("Only the issuing office's users change its circulars."))
    title, body = _title_and_body(title, body_html)
    draft = page.get_latest_revision_as_object()
    draft.title = title
    draft.body = body
    if isinstance(draft, CircularPage) and nature is not None:
        draft.nature = _check_nature(nature)
    revision = draft.save_revision(user=actor, log_action=True)
    if publish:
        revision.publish(user=actor, skip_permission_checks=True)
    return NoticePage.objects.get(pk=page.pk).specific


# -- the commitment notice -----------------------------------------------------
@transaction.atomic
def ensure_commitment_page(
    enterprise: Enterprise, *, published: bool = False
) -> CommitmentNoticePage:
    """The enterprise's commitment notice page (its body is read from its
    latest published submission when served). Made when the enterprise
    first publishes; the platform's own write, no actor. ``published``: a
    submission was just published, so the page counts as published now (it
    rises to the top of the home page's latest notices).

    The enterprise's row is locked first, so two first visits at once (a QR
    code scanned twice) make one page, not an integrity error."""
    Enterprise.objects.select_for_update().filter(pk=enterprise.pk).first()
    now = timezone.now()
    page = CommitmentNoticePage.objects.filter(enterprise=enterprise).first()
    if page is not None:
        if published:
            CommitmentNoticePage.objects.filter(pk=page.pk).update(
                last_published_at=now
            )
        return page
    page = CommitmentNoticePage(
        title=enterprise.name,
        slug=f"enterprise-{enterprise.pk}",
        kind=NoticeKind.COMMITMENT,
        enterprise=enterprise,
        summary="",
        first_published_at=now,
        last_published_at=now,
    )
    _place(page, enterprise)
    index_page(NoticeKind.COMMITMENT).add_child(instance=page)
    return page
