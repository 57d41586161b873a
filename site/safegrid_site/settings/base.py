"""Settings shared by every environment; dev, production and test extend them."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from plugins.packs import pack_apps

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/safegrid_site
REPO_DIR = PROJECT_DIR.parent.parent
VAR_DIR = Path(os.environ.get("SAFEGRID_VAR_DIR", REPO_DIR / "var"))


def env_list(name: str, default: str) -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-dev-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

# The platform's own apps; each enabled pack adds its app after them.
PLATFORM_APPS = [
    # SafeGrid
    "core.base",
    "core.organizations",
    "core.scoring",
    "core.risks",
    "core.forms",
    "core.inspections",
    "core.hazards",
    "core.monitoring",
    "core.notices",
    "core.notifications",
    "core.portal",
    "core.api",
    "core.audit",
    "core.packs",
    "core.demo",
    "core.jobs",
    "core.supervision",
    "core.emergency",
    "core.documents",
    "core.campaigns",
    "plugins",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Third party
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "formtools",
    "axes",
    "auditlog",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

# Which installed industry packs are enabled: a comma-separated list of
# entry-point names, or "*" for every installed pack. Installed is not
# enabled, so the default is none: a deployment names the packs it serves
# (each brings an industry, checklists that sync_packs publishes, and its
# Django app), and installing a distribution changes nothing by itself. The
# dev settings enable the four bundled packs for the demo; the test settings
# none (the tests enable packs explicitly).
SAFEGRID_PACKS = env_list("SAFEGRID_PACKS", "")

# Background work (docs/architecture.md, "Background work"): Django's tasks
# API through django-tasks. The default backend keeps the queue in the
# database (run `manage.py db_worker`; `make demo` starts one); "rq" puts it on
# Redis through RQ (run `manage.py rqworker default --job-class
# django_tasks_rq.Job`).
SAFEGRID_TASKS_BACKEND = os.environ.get("SAFEGRID_TASKS_BACKEND", "db")
TASK_BACKENDS = {
    "db": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "rq": {"BACKEND": "django_tasks_rq.RQBackend"},
}
TASKS = {"default": TASK_BACKENDS[SAFEGRID_TASKS_BACKEND]}
RQ_QUEUES = {
    "default": {"URL": os.environ.get("SAFEGRID_REDIS_URL", "redis://127.0.0.1:6379/0")}
}
# The one schedule of periodic jobs (core/jobs/schedule.py); plugins add
# theirs through safegrid_scheduled_jobs, a None here switches one off.
SAFEGRID_SCHEDULE: dict = {
    "jobs.prune_history": {
        "task": "core.jobs.tasks.prune_job_history",
        "every": "day",
        "at": "03:30",
    },
    # Inspection tasks of the coming period slots (a day ahead), and the
    # overdue flag with its escalation (docs/inspections.md).
    "inspections.generate": {
        "task": "core.inspections.jobs.generate_inspection_tasks",
        "every": "hour",
    },
    "inspections.flag_overdue": {
        "task": "core.inspections.jobs.flag_overdue_inspections",
        "every": 900,
    },
}
# Finished task results and job runs are kept this many days.
SAFEGRID_JOB_RETENTION_DAYS = int(os.environ.get("SAFEGRID_JOB_RETENTION_DAYS", "30"))


def installed_apps(packs: list[str]) -> list[str]:
    """The platform's apps, then the apps of the enabled, installed packs."""
    return [*PLATFORM_APPS, *pack_apps(packs)]


INSTALLED_APPS = installed_apps(SAFEGRID_PACKS)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads a body: size, JSON depth, text that is not UTF-8
    # (after the locale, so the refusal is in the user's language).
    "core.base.input_guard.RequestGuardMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.base.csp.ContentSecurityPolicyMiddleware",
    "core.audit.actor.AuditlogMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Axes must be last: it turns a lock-out into the lock-out response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "safegrid_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.portal.context_processors.portal",
                "core.notifications.context_processors.notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "safegrid_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # Axes first, so a locked-out user is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Permissions follow from the user's role (core/organizations/permissions.py).
    "core.organizations.permissions.RolePermissionBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling: five failures per username and address lock for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/locked_out.html"
# The client's address, from X-Forwarded-For only when the connecting address
# is a trusted proxy (core/base/client.py); empty: no proxy in front.
SAFEGRID_TRUSTED_PROXIES = env_list("SAFEGRID_TRUSTED_PROXIES", "")
AXES_CLIENT_IP_CALLABLE = "core.base.client.client_address"

LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:login"

# Internationalisation: Chinese first, English complete.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [REPO_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Request bodies: files up to SAFEGRID_MAX_REQUEST_BYTES (refused from the
# Content-Length before the body is read, and while it streams in), other
# bodies up to DATA_UPLOAD_MAX_MEMORY_SIZE (a draft with a drawn signature).
SAFEGRID_MAX_REQUEST_BYTES = int(
    os.environ.get("SAFEGRID_MAX_REQUEST_BYTES", 25 * 1024 * 1024)
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
DATA_UPLOAD_MAX_NUMBER_FILES = 20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2.5 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "core.base.input_guard.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("SAFEGRID_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("SAFEGRID_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "SafeGrid 安全网格"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The admin must work offline: no Gravatar, no update check against the internet.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# An approved enterprise risk notice is published by its reviewing department
# without a Wagtail page permission (core/notices/workflow.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "core.notices.workflow.publish_workflow_state"

# Counts of risk points by level over a whole scope (a supervisor's lists and
# dashboard) are kept this many seconds per worker (docs/performance.md); one
# enterprise's counts are always live. 0 turns the keeping off.
SAFEGRID_LEVEL_COUNTS_SECONDS = int(
    os.environ.get("SAFEGRID_LEVEL_COUNTS_SECONDS", "120")
)
# A government scope's dashboard figures and its four-colour map are kept this
# many seconds per worker (core.base.scope_cache; docs/performance.md): at
# province scale they aggregate every enterprise of the scope. 0: always live.
SAFEGRID_DASHBOARD_SECONDS = int(os.environ.get("SAFEGRID_DASHBOARD_SECONDS", "300"))
SAFEGRID_MAP_SECONDS = int(os.environ.get("SAFEGRID_MAP_SECONDS", "300"))
# Django's cache holds those kept figures. A figure older than its seconds is
# still served while a background job refreshes it (core.base.scope_cache:
# dropped only after four times its seconds), so the web workers and the job
# workers must share the cache: "file" (var/cache, the processes of one
# server: the default), "redis" (SAFEGRID_CACHE_URL, several servers), or
# "memory" (each process its own: no refresh ahead, the first request after
# the seconds computes).
SAFEGRID_CACHE = os.environ.get("SAFEGRID_CACHE", "file")
CACHES = {
    "default": {
        "file": {
            "BACKEND": "core.base.file_cache.UncompressedFileCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        "redis": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ.get(
                "SAFEGRID_CACHE_URL", "redis://127.0.0.1:6379/1"
            ),
        },
        "memory": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }[SAFEGRID_CACHE]
}
SAFEGRID_REFRESH_AHEAD = SAFEGRID_CACHE != "memory"
# The admin sidebar is kept per user and language in each process for this
# long at most (core.base.sidebar; 0 keeps nothing).
SAFEGRID_SIDEBAR_SECONDS = int(os.environ.get("SAFEGRID_SIDEBAR_SECONDS", "300"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # DRF's, naming the user as the audit log's actor (core.audit.actor).
        "core.audit.actor.TokenAuthentication",
        "core.audit.actor.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        # JSON depth and text checked before it is parsed (core.base.input_guard).
        "core.base.input_guard.CheckedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # A translated "Not found." for every 404, in or out of scope alike.
    "EXCEPTION_HANDLER": "core.api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SafeGrid API",
    "DESCRIPTION": "The SafeGrid dual-prevention platform API (双重预防机制平台接口).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Served from drf-spectacular-sidecar: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No validator badge: it would send the schema URL to validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    # The schema documents /api/v1/ only, not Wagtail's internal admin API.
    "PREPROCESSING_HOOKS": ["core.api.schema.api_v1_only"],
    # One name per choice set where several fields share it.
    "ENUM_NAME_OVERRIDES": {
        "HazardStatusEnum": "core.hazards.models.HazardStatus",
        "InspectionTaskStatusEnum": "core.inspections.models.TaskStatus",
        "EmergencyPlanKindEnum": "core.emergency.models.PlanKind",
        "PlanFilingStatusEnum": "core.emergency.models.FilingStatus",
    },
}

SESSION_COOKIE_HTTPONLY = True
# No page is framed, by another site or by ours (Wagtail's page preview is
# the one same-origin frame: its path is allowed in SAFEGRID_CSP_ALLOWANCES).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp; core/base/csp.py, docs/security.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for drawn signatures and Wagtail's icons; blob: for photo previews.
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "frame-src": [NONE],
    }
}
SAFEGRID_CSP_ALLOWANCES = {
    "/admin/": {
        "style-src": [UNSAFE_INLINE],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    },
    "/api/v1/docs/": {"style-src": [UNSAFE_INLINE]},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Dynamic risk: this many hazards confirmed on one risk point within the window
# raise its displayed level one step until it is assessed again.
SAFEGRID_HAZARD_REPEAT_COUNT = int(os.environ.get("SAFEGRID_HAZARD_REPEAT_COUNT", "3"))
SAFEGRID_HAZARD_REPEAT_WINDOW_DAYS = int(
    os.environ.get("SAFEGRID_HAZARD_REPEAT_WINDOW_DAYS", "90")
)

# Hidden hazards: 一般 and 重大 always; the third tier 较大 (FACTS §6) when on.
SAFEGRID_HAZARD_THIRD_TIER = os.environ.get(
    "SAFEGRID_HAZARD_THIRD_TIER", ""
).lower() in ("1", "true", "yes", "on")

# The four-colour map (core.supervision): an optional tile server drawn under
# the territories, e.g. Tianditu or an intranet server, as a Leaflet URL
# template ("https://t{s}.example/{z}/{x}/{y}.png"). Empty (the default):
# the territories' boundaries served by the platform are the base layer.
SAFEGRID_MAP_TILE_URL = os.environ.get("SAFEGRID_MAP_TILE_URL", "")
SAFEGRID_MAP_TILE_ATTRIBUTION = os.environ.get("SAFEGRID_MAP_TILE_ATTRIBUTION", "")
if SAFEGRID_MAP_TILE_URL:
    from urllib.parse import urlsplit as _urlsplit

    _tiles = _urlsplit(SAFEGRID_MAP_TILE_URL.replace("{s}", "*"))
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        f"{_tiles.scheme}://{_tiles.netloc}"
    )
# Documents (docs/documents.md): the address printed in the QR codes of the
# cards (the platform as the public reaches it), and who provides the
# emergency card's content (the emergency module may name its own).
SAFEGRID_PUBLIC_BASE_URL = os.environ.get(
    "SAFEGRID_PUBLIC_BASE_URL", "http://localhost:8000"
)
SAFEGRID_EMERGENCY_CARD_PROVIDER = (
    "core.documents.cards.emergency_card_from_emergency_app"
)

# Public notices (docs/notices.md): an enterprise's published risk notice is
# shown in the portal of the enterprises within this distance (告知相邻企业).
SAFEGRID_NEIGHBOUR_DISTANCE_M = int(
    os.environ.get("SAFEGRID_NEIGHBOUR_DISTANCE_M", "500")
)
