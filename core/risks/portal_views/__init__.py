"""Risk grading pages of the enterprise portal (/portal/risks/).

Every page goes through ``risk_page``: enterprise users of the user's own
enterprise only, through ``scope_for``; a risk point of another enterprise is
a 404. Only the safety manager writes (``Scope.can_manage_safety_records``);
staff read, and anything they post is a 403 that changes nothing. Government
users supervise in the admin: a page they open here sends them to the same
view there (read-only), and anything they post is a 403. The guided entry
itself is ``core.risks.portal_wizard.RiskPointWizard``.

The views live in ``base`` (``risk_page``, ``page``), ``points`` (overview,
list, detail, re-assessment), ``entry`` (guided entry's start and drafts,
risk library), ``workbook`` (Excel) and ``plan`` (site plan); everything is
importable from here (``portal_urls`` does).
"""

from core.risks.portal_views.base import page, risk_page
from core.risks.portal_views.entry import (
    draft_discard,
    drafts,
    library,
    library_use,
    new,
)
from core.risks.portal_views.plan import (
    PLAN_LIST_LIMIT,
    SitePlanUploadForm,
    site_plan,
    site_plan_image,
    site_plan_place,
    site_plan_upload,
)
from core.risks.portal_views.points import (
    LEVEL_KEYS,
    PER_PAGE,
    PLOT_LIMIT,
    detail,
    overview,
    reassess,
    risk_list,
)
from core.risks.portal_views.workbook import excel_export, excel_import, excel_template

__all__ = [
    "LEVEL_KEYS",
    "PER_PAGE",
    "PLAN_LIST_LIMIT",
    "PLOT_LIMIT",
    "SitePlanUploadForm",
    "detail",
    "draft_discard",
    "drafts",
    "excel_export",
    "excel_import",
    "excel_template",
    "library",
    "library_use",
    "new",
    "overview",
    "page",
    "reassess",
    "risk_list",
    "risk_page",
    "site_plan",
    "site_plan_image",
    "site_plan_place",
    "site_plan_upload",
]
