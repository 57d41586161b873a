from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.documents.public_views import public_card_page
from core.notices.views import public_root

urlpatterns = [
    path("", public_root, name="root"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("portal/risks/", include("core.risks.portal_urls")),
    path("portal/forms/", include("core.forms.portal_urls")),
    path("portal/inspections/", include("core.inspections.portal_urls")),
    path("portal/notifications/", include("core.notifications.urls")),
    path("portal/hazards/", include("core.hazards.portal_urls")),
    path("portal/monitoring/", include("core.monitoring.portal_urls")),
    path("portal/emergency/", include("core.emergency.portal_urls")),
    path("portal/documents/", include("core.documents.portal_urls")),
    path("portal/campaigns/", include("core.campaigns.portal_urls")),
    path("portal/", include("core.portal.urls")),
    path("notices/", include("core.notices.urls")),
    # The public page of a printed card (its QR code): short, for the code.
    path("c/<uuid:token>/", public_card_page, name="public_card"),
    path("api/v1/", include("safegrid_site.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # The public site's pages (core.notices): last, it matches any other path.
    path("", include(wagtail_urls)),
]

# No MEDIA_URL route, in development either: uploads are enterprise data and
# are served only by views that ask the scope (``forms_portal:upload``).
# Wagtail's page tree is the public site (core.notices, docs/notices.md): its
# home at /, the notices' index pages and notices under it; /notices/<id>/
# (printed QR codes) redirects to the enterprise's commitment page.
