"""The public site's pages: Wagtail page types of the published notices.

The tree (created by ``services.ensure_public_site`` after every migrate)::

    NoticeSiteHome (root of the default Site, served at /)
    ├── NoticeIndexPage kind=risk        /risk-notices/  EnterpriseRiskNoticePage
    ├── NoticeIndexPage kind=commitment  /commitments/   CommitmentNoticePage
    ├── NoticeIndexPage kind=circular    /circulars/     CircularPage
    └── NoticeIndexPage kind=guidance    /guidance/      GuidancePage

Every notice is a ``NoticePage`` (multi-table: the common row holds the kind,
territory, industry and summary), so the public index and search read one
table whatever the kind. Rich text is sanitised with nh3 on every save
(``sanitise.clean_html``), whoever writes it (a service, the admin editor or
the publication of a revision).
"""

from __future__ import annotations

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, Task, TaskState
from wagtail.search import index

from core.base.models import choice_field, optional_key, parent_key
from core.notices.sanitise import RICH_TEXT_FEATURES, clean_html
from core.organizations.models import Department, Enterprise, Industry, Jurisdiction


class NoticeKind(models.TextChoices):
    RISK = "risk", _("Enterprise risk notice")
    COMMITMENT = "commitment", _("Safety commitment notice")
    CIRCULAR = "circular", _("Circular")
    GUIDANCE = "guidance", _("Guidance document")


class CircularNature(models.TextChoices):
    PRAISE = "praise", _("Praise (表扬)")
    CRITICISM = "criticism", _("Criticism (批评)")
    INFORMATION = "information", _("Information (情况通报)")


class NoticeSiteHome(Page):
    """The public site's home: the latest notices and circulars."""

    # The public search reads the notice tables themselves (a substring match,
    # selectors.public_index); Wagtail's search index is not kept for these
    # pages, so a save queues no indexing job.
    search_auto_update = False

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["notices.NoticeIndexPage"]
    max_count = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("public site home")

    def get_context(self, request, *args, **kwargs):
        from core.notices.selectors import latest_public

        context = super().get_context(request, *args, **kwargs)
        context["notices"] = latest_public(
            kinds=(NoticeKind.RISK, NoticeKind.COMMITMENT, NoticeKind.GUIDANCE),
            limit=10,
        )
        context["circulars"] = latest_public(kinds=(NoticeKind.CIRCULAR,), limit=10)
        return context


class NoticeIndexPage(Page):
    """The list of one kind of notice, by territory and industry, with search."""

    # The public search reads the notice tables themselves (a substring match,
    # selectors.public_index); Wagtail's search index is not kept for these
    # pages, so a save queues no indexing job.
    search_auto_update = False

    kind = choice_field(_("kind"), NoticeKind, max_length=20)

    parent_page_types = ["notices.NoticeSiteHome"]
    subpage_types = [
        "notices.EnterpriseRiskNoticePage",
        "notices.CommitmentNoticePage",
        "notices.CircularPage",
        "notices.GuidancePage",
    ]
    content_panels = [*Page.content_panels, FieldPanel("kind")]

    class Meta:
        verbose_name = _("notice index")

    def get_context(self, request, *args, **kwargs):
        from core.notices.selectors import public_index

        context = super().get_context(request, *args, **kwargs)
        context.update(public_index(kind=self.kind, params=request.GET))
        return context


class NoticePage(Page):
    """What every public notice has: kind, territory, industry, summary."""

    # The public search reads the notice tables themselves (a substring match,
    # selectors.public_index); Wagtail's search index is not kept for these
    # pages, so a save queues no indexing job.
    search_auto_update = False

    kind = choice_field(_("kind"), NoticeKind, max_length=20, editable=False)
    territory = optional_key(Jurisdiction, "+", _("territory"))
    industry = optional_key(Industry, "+", _("industry"))
    summary = models.CharField(_("summary"), max_length=300, blank=True)

    is_creatable = False
    parent_page_types = ["notices.NoticeIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.FilterField("kind"),
        index.FilterField("industry"),
        index.FilterField("territory"),
    ]
    #: The model's fields a public page may print (tests/core/notices list
    #: what each page renders against these).
    public_fields: tuple[str, ...] = ("title", "summary", "territory", "industry")

    class Meta:
        verbose_name = _("public notice")
        indexes = [models.Index(fields=["kind"], name="notices_kind_idx")]

    def save(self, *args, **kwargs):
        for name in getattr(self, "rich_text_fields", ()):
            setattr(self, name, clean_html(getattr(self, name) or ""))
        return super().save(*args, **kwargs)


class EnterpriseRiskNoticePage(NoticePage):
    """An enterprise's public risk notice (风险公告): its main risk points with
    level and colour, control and emergency measures. Generated from its data
    (``services.risk_notice_generate``), edited by the enterprise in the
    portal, reviewed by its industry department(s) before publication."""

    enterprise = parent_key(
        Enterprise, "risk_notice_pages", _("enterprise"), on_delete=models.PROTECT
    )
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    #: [{"name", "level", "control": [...], "emergency": [...]}]: public text only.
    points = models.JSONField(_("risk points"), default=list, blank=True)

    rich_text_fields = ("intro",)
    public_fields = (*NoticePage.public_fields, "intro", "points")
    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    search_fields = [*NoticePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("enterprise risk notice")


class CommitmentNoticePage(NoticePage):
    """The chemicals daily 安全风险研判与承诺公告 of one enterprise: its body is
    the latest published submission's public answers, read when served."""

    enterprise = models.OneToOneField(
        Enterprise,
        on_delete=models.PROTECT,
        related_name="commitment_page",
        verbose_name=_("enterprise"),
    )
    content_panels = [*Page.content_panels]

    class Meta:
        verbose_name = _("safety commitment notice")

    def get_context(self, request, *args, **kwargs):
        from core.notices.selectors import enterprise_notices

        context = super().get_context(request, *args, **kwargs)
        context["notices"] = enterprise_notices(enterprise=self.enterprise)
        if not context["notices"]:
            raise Http404
        return context


class BodyText(models.Model):
    """A notice whose text is one rich-text body, searched and cleaned on save.

    First among the bases, so that its ``search_fields`` and
    ``rich_text_fields`` are the ones the page uses."""

    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES)

    rich_text_fields = ("body",)
    search_fields = [*NoticePage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True


class CircularPage(BodyText, NoticePage):  # noqa: DJ008 (Page.__str__ is the title)
    """A circular (通报) of the committee office or a department."""

    issuer = parent_key(
        Department, "circular_pages", _("issued by"), on_delete=models.PROTECT
    )
    nature = choice_field(
        _("nature"), CircularNature, max_length=20, default=CircularNature.INFORMATION
    )
    public_fields = (*NoticePage.public_fields, "issuer", "nature", "body")
    content_panels = [
        *Page.content_panels,
        FieldPanel("nature"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("circular")


class GuidancePage(BodyText, NoticePage):  # noqa: DJ008 (Page.__str__ is the title)
    """A guidance document (指导文件) of a department for an industry."""

    issuer = parent_key(
        Department, "guidance_pages", _("issued by"), on_delete=models.PROTECT
    )
    public_fields = (*NoticePage.public_fields, "issuer", "body")
    content_panels = [
        *Page.content_panels,
        FieldPanel("industry"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("guidance document")


class IndustryReviewTask(Task):
    """Review by the industry department(s) of the notice's enterprise.

    The reviewers are not a fixed group: they are the users of the industry
    departments whose industries the enterprise has (the scope). A department
    approves or rejects with a reason; it never edits the enterprise's text
    (``user_can_access_editor`` is False, the editor stays locked).
    """

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("industry department review")

    @staticmethod
    def reviews(obj, user) -> bool:
        from core.notices.policy import may_review

        return may_review(user, obj)

    def user_can_access_editor(self, obj, user):
        return False

    def locked_for_user(self, obj, user):
        return True

    def get_actions(self, obj, user):
        if self.reviews(obj, user):
            return [
                ("reject", _("Reject"), True),
                ("approve", _("Approve and publish"), False),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from core.notices.policy import reviewable_page_ids

        ids = reviewable_page_ids(user)
        return self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id__in=ids
        )

    @classmethod
    def get_description(cls):
        return _(
            "The industry departments of the notice's enterprise approve or reject it"
        )
