"""Django settings, driven by TAIZHANG_* environment variables; SQLite by default."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from taizhang.core.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("TAIZHANG_HOME", Path.cwd()))
VAR_DIR = Path(os.environ.get("TAIZHANG_VAR_DIR", PROJECT_DIR / "var"))


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


ENV = os.environ.get("TAIZHANG_ENV", "development")  # development | production | test
PRODUCTION = ENV == "production"
DEBUG = env_bool("TAIZHANG_DEBUG", False)


def instance_secret_key(var_dir: Path) -> str:
    """This instance's own key: made at first run in the var folder (0600), then reused.

    Production must set TAIZHANG_SECRET_KEY instead: several servers share one key there.
    """
    path = var_dir / "secret-key"
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(secrets.token_urlsafe(64))
    return path.read_text(encoding="ascii").strip()


SECRET_KEY = os.environ.get("TAIZHANG_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("生产环境必须设置 TAIZHANG_SECRET_KEY（多台服务器须使用同一密钥）")
    SECRET_KEY = instance_secret_key(VAR_DIR)
# Written by `taizhang demo`: demo accounts log in only on this instance, never in production.
DEMO_MARKER = VAR_DIR / "demo-instance"

ALLOWED_HOSTS = os.environ.get("TAIZHANG_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("TAIZHANG_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ninja",
    "taizhang.core",
    "taizhang.accounts",
    "taizhang.people",
    "taizhang.web",
    "taizhang.figures",
    "taizhang.cases",
    "taizhang.meetings",
    "taizhang.duty",
    "taizhang.ledger",
    "taizhang.exchange",
    "taizhang.documents",
    "taizhang.api",
    "taizhang.batch",
    "taizhang.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Actor and address of every audit row written while the request runs.
    "taizhang.core.audit.AuditContextMiddleware",
    # Before the timeout middleware, which leaves a message for the login page.
    "django.contrib.messages.middleware.MessageMiddleware",
    "taizhang.core.inputs.QueryGuardMiddleware",
    "taizhang.accounts.middleware.SessionTimeoutMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "taizhang.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "taizhang.api.middleware.ApiAuditMiddleware",
]

ROOT_URLCONF = "taizhang.urls"
WSGI_APPLICATION = "taizhang.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "taizhang.web.context.navigation",
                "taizhang.cases.context.notifications",
            ],
        },
    }
]


def database_config() -> dict:
    url = os.environ.get("TAIZHANG_DATABASE_URL", "")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60)
    else:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(VAR_DIR / "taizhang.sqlite3")}
    if "postgresql" in config["ENGINE"]:
        # No parallel query workers by default: a page's small scan paid 25-30 ms to start
        # two of them, and the summary refresh ran faster without (docs/SCALING.md).
        workers = env_int("TAIZHANG_PG_PARALLEL_WORKERS", 0)
        options = config.setdefault("OPTIONS", {})
        options["options"] = (
            f"{options.get('options', '')} -c max_parallel_workers_per_gather={workers}".strip()
        )
    if config["ENGINE"].endswith("sqlite3"):
        # WAL lets readers run beside a writer; IMMEDIATE takes the write lock at BEGIN so
        # concurrent writers queue on the busy timeout instead of failing mid-transaction.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
            " PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;",
        }
    return config


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "taizhang.accounts.backends.RoleAwareBackend",
]

PASSWORD_COMPLEXITY_CLASSES = env_int("TAIZHANG_PASSWORD_CLASSES", 3)
AUTH_PASSWORD_VALIDATORS = [
    # Django's rules, subclassed for their Chinese messages.
    {"NAME": "taizhang.accounts.validators.UserAttributeSimilarityValidator"},
    {
        "NAME": "taizhang.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("TAIZHANG_PASSWORD_MIN_LENGTH", 8)},
    },
    {"NAME": "taizhang.accounts.validators.CommonPasswordValidator"},
    {"NAME": "taizhang.accounts.validators.NumericPasswordValidator"},
    {"NAME": "taizhang.accounts.validators.ComplexityValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

# Login security (等保 level 2): lockout per username + IP, idle and absolute timeouts.
AXES_FAILURE_LIMIT = env_int("TAIZHANG_LOCKOUT_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("TAIZHANG_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Besides the lock per user name and address, an account is locked on every address after
# this many failures spread over several addresses within the cool-off (accounts/lockout.py).
ACCOUNT_LOCKOUT_FAILURES = env_int("TAIZHANG_ACCOUNT_LOCKOUT_FAILURES", 10)
AXES_LOCKOUT_CALLABLE = "taizhang.accounts.views.lockout"
AXES_RESET_ON_SUCCESS = True
# The lock lasts the configured minutes from the lockout; retrying while locked does not
# extend it (axes would otherwise restart the cool-off on every blocked attempt).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False
# Second factor (accounts/otp.py): the name an authenticator app shows for the account.
OTP_TOTP_ISSUER = "台账"
# Audit trail retention: rows leave only through `taizhang audit archive` past this age.
_retention_days = env_int("TAIZHANG_AUDIT_RETENTION_DAYS", 365)
if _retention_days < 183:
    raise RuntimeError("TAIZHANG_AUDIT_RETENTION_DAYS 不得少于183天（审计日志至少保留六个月）")
AUDIT_RETENTION = timedelta(days=_retention_days)
AUDIT_ARCHIVE_DIR = Path(os.environ.get("TAIZHANG_AUDIT_ARCHIVE_DIR", VAR_DIR / "audit-archive"))
SESSION_IDLE_TIMEOUT = timedelta(minutes=env_int("TAIZHANG_IDLE_TIMEOUT_MINUTES", 30))
SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=env_int("TAIZHANG_ABSOLUTE_TIMEOUT_HOURS", 12))
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_TIMEOUT.total_seconds())
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("TAIZHANG_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("TAIZHANG_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it to exist
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
# Uploaded attachments live outside the web root and are served by views after a check.
MEDIA_ROOT = Path(os.environ.get("TAIZHANG_FILES_DIR", VAR_DIR / "files"))
UPLOAD_MAX_BYTES = env_int("TAIZHANG_UPLOAD_MAX_MB", 20) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Temporary files (uploads being read, exports, error copies) stay in a private 0700
# folder of this instance, never in the shared system temp folder (core/tempfiles.py).
TEMP_DIR = Path(os.environ.get("TAIZHANG_TEMP_DIR", VAR_DIR / "tmp"))
FILE_UPLOAD_TEMP_DIR = str(TEMP_DIR / "uploads")

# JSON API (/api/v1/): token lifetime and the per-token rate limit (requests per window).
API_TOKEN_DEFAULT_DAYS = env_int("TAIZHANG_API_TOKEN_DAYS", 90)
API_RATE_LIMIT = env_int("TAIZHANG_API_RATE_LIMIT", 120)
API_RATE_WINDOW_SECONDS = env_int("TAIZHANG_API_RATE_WINDOW", 60)
# Redis for rate counters (and the Celery broker default); empty keeps them in the database.
TAIZHANG_REDIS_URL = os.environ.get("TAIZHANG_REDIS_URL", "")

# Notifications: email through Django's backend (SMTP from TAIZHANG_EMAIL_*), an optional
# SMS gateway webhook, the daily digest hour and the sender's lock lease.
EMAIL_BACKEND = os.environ.get(
    "TAIZHANG_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("TAIZHANG_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("TAIZHANG_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("TAIZHANG_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("TAIZHANG_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("TAIZHANG_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("TAIZHANG_EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("TAIZHANG_EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("TAIZHANG_EMAIL_FROM", "taizhang@localhost")
SMS_WEBHOOK_URL = os.environ.get("TAIZHANG_SMS_WEBHOOK_URL", "")
SMS_WEBHOOK_TOKEN = os.environ.get("TAIZHANG_SMS_WEBHOOK_TOKEN", "")
SMS_WEBHOOK_TIMEOUT = env_int("TAIZHANG_SMS_WEBHOOK_TIMEOUT", 5)
NOTIFY_DIGEST_HOUR = env_int("TAIZHANG_DIGEST_HOUR", 8)
NOTIFY_LOCK_SECONDS = env_int("TAIZHANG_NOTIFY_LOCK_SECONDS", 900)
# Celery runs `notify` from beat when a broker is configured; without one, use cron.
CELERY_BROKER_URL = os.environ.get("TAIZHANG_BROKER_URL", "")
NOTIFY_INTERVAL_SECONDS = env_int("TAIZHANG_NOTIFY_INTERVAL", 3600)

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Optional polishing by the office's own OpenAI-compatible model (absent when unset).
LLM_BASE_URL = os.environ.get("TAIZHANG_LLM_BASE_URL", "")
LLM_MODEL = os.environ.get("TAIZHANG_LLM_MODEL", "")
LLM_API_KEY = os.environ.get("TAIZHANG_LLM_API_KEY", "")
LLM_TIMEOUT = float(os.environ.get("TAIZHANG_LLM_TIMEOUT", "60"))
LLM_DAILY_LIMIT = env_int("TAIZHANG_LLM_DAILY_LIMIT", 50)

# Server errors with their traceback (personal data masked) to stderr, and to one file per
# process under TAIZHANG_LOG_DIR when it is set.
LOGGING = logging_config(
    level=os.environ.get("TAIZHANG_LOG", "INFO"), log_dir=os.environ.get("TAIZHANG_LOG_DIR", "")
)
