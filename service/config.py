"""Configuration read from the environment, with typed defaults."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() not in {"0", "false", "no", "off"}


class Config:
    """Settings for a running service; `create_app(config)` may override any of them."""

    def __init__(self) -> None:
        self.DATABASE_URL: str | None = os.environ.get("DATABASE_URL") or None
        self.FAIR_ADMIN_TOKEN: str | None = os.environ.get("FAIR_ADMIN_TOKEN") or None
        self.FAIR_LOAD_DEFAULT: bool = _flag("FAIR_LOAD_DEFAULT", True)
        # Where seekers reach the page (booth QR codes point there); unset: the address the request came to.
        self.FAIR_PUBLIC_URL: str | None = os.environ.get("FAIR_PUBLIC_URL") or None
        self.FAIR_DEFAULT_FIXTURE: str = os.environ.get(
            "FAIR_DEFAULT_FIXTURE", str(PROJECT_ROOT / "fixtures" / "qixing-2023.json")
        )
        # Body-size limit for uploads; the default fair is about 2 MB.
        self.MAX_CONTENT_LENGTH: int = int(os.environ.get("FAIR_MAX_BODY_BYTES", 32 * 1024 * 1024))
        # How many published states keep their whole fair in the history (0: all; a fair is a few MB).
        self.FAIR_HISTORY_KEEP: int = int(os.environ.get("FAIR_HISTORY_KEEP", 0))
        # How long a worker trusts its last read of the data version; every write waits this long after
        # its commit before answering (service/store/freshness.py).
        self.FAIR_VERSION_LEASE_SECONDS: float = float(os.environ.get("FAIR_VERSION_LEASE_SECONDS", 0.2))
        # Rebuild the ranking index after this instance's own writes, before they answer; and follow the data
        # version in each gunicorn worker's background, so the first match after a load finds it built.
        self.FAIR_PREBUILD_INDEX: bool = _flag("FAIR_PREBUILD_INDEX", True)
        self.FAIR_INDEX_WATCH: bool = _flag("FAIR_INDEX_WATCH", True)
        # Serialised match answers kept per worker for repeated requests (service/ranking.py), about 1,000
        # pages: at 32 MiB a worker passed 300 MB RSS (docs/matching.md, "Memory").
        self.FAIR_ANSWER_CACHE_BYTES: int = int(os.environ.get("FAIR_ANSWER_CACHE_BYTES", 16 * 2**20))
        # Background pushes: RQ over this Redis when set, else a thread of the service (service/pushes).
        self.REDIS_URL: str | None = os.environ.get("REDIS_URL") or None
        self.FAIR_PUSH_TTL_SECONDS: int = int(os.environ.get("FAIR_PUSH_TTL_SECONDS", 86_400))
        # Seconds a thread-ranked push may go unheard from before it answers "failed" (its process ended).
        self.FAIR_PUSH_STALL_SECONDS: float = float(os.environ.get("FAIR_PUSH_STALL_SECONDS", 300))
        # Per-endpoint body limits (service/guard): each sized to the endpoint's largest valid request.
        self.FAIR_REQUEST_BYTES: int = int(os.environ.get("FAIR_REQUEST_BYTES", 64 * 1024))
        self.FAIR_UPLOAD_BYTES: int = int(os.environ.get("FAIR_UPLOAD_BYTES", 25 * 1024 * 1024))
        self.FAIR_BATCH_BYTES: int = int(os.environ.get("FAIR_BATCH_BYTES", 28 * 1024 * 1024))
        # A résumé: a file of up to 2 MB with its form around it, or 60,000 characters of JSON text (each up
        # to 6 bytes as a \u escape).
        self.FAIR_RESUME_BYTES: int = int(os.environ.get("FAIR_RESUME_BYTES", 2 * 1024 * 1024 + 64 * 1024))
        # A push carries up to 100,000 candidates; bounded by MAX_CONTENT_LENGTH (32 MiB) as the ceiling.
        self.FAIR_PUSH_BYTES: int = int(os.environ.get("FAIR_PUSH_BYTES", 32 * 1024 * 1024))
        # Spreadsheet uploads: the furthest row and column a sheet may reach, the cells (rows × columns,
        # merged ranges counted as all their cells) a workbook may span, and the seconds reading may take.
        self.FAIR_SHEET_ROWS: int = int(os.environ.get("FAIR_SHEET_ROWS", 20_000))
        self.FAIR_SHEET_COLUMNS: int = int(os.environ.get("FAIR_SHEET_COLUMNS", 100))
        self.FAIR_SHEET_CELLS: int = int(os.environ.get("FAIR_SHEET_CELLS", 600_000))
        self.FAIR_SHEET_SECONDS: float = float(os.environ.get("FAIR_SHEET_SECONDS", 20))
        self.FAIR_CORRECTION_BYTES: int = int(os.environ.get("FAIR_CORRECTION_BYTES", 1024 * 1024))
        # Seconds: to open a database connection, and for one statement (then 503, never a hung worker).
        self.FAIR_DB_CONNECT_TIMEOUT: float = float(os.environ.get("FAIR_DB_CONNECT_TIMEOUT", 5))
        self.FAIR_DB_STATEMENT_TIMEOUT: float = float(os.environ.get("FAIR_DB_STATEMENT_TIMEOUT", 15))
        # Seconds an exiting process may spend writing the skill demand counts still in memory.
        self.FAIR_DEMAND_EXIT_SECONDS: float = float(os.environ.get("FAIR_DEMAND_EXIT_SECONDS", 3))
        # Rate limits per client address ("N per second|minute|hour"); Redis shares them between instances.
        self.RATELIMIT_ENABLED: bool = _flag("RATELIMIT_ENABLED", True)
        self.RATELIMIT_KEY_PREFIX: str = os.environ.get("RATELIMIT_KEY_PREFIX", "fairmatch")
        self.RATELIMIT_MATCHING: str = os.environ.get("RATELIMIT_MATCHING", "3000 per minute")
        self.RATELIMIT_DEFAULT: str = os.environ.get("RATELIMIT_DEFAULT", "1200 per minute")
        self.RATELIMIT_WRONG_TOKEN: str = os.environ.get("RATELIMIT_WRONG_TOKEN", "10 per minute")
        # Candidates of batches and pushes to rank, counted one by one (a batch is one request above).
        self.RATELIMIT_CANDIDATES: str = os.environ.get("RATELIMIT_CANDIDATES", "200000 per hour")
        # Origins allowed to call the API from a browser (comma-separated); none by default.
        self.FAIR_CORS_ORIGINS: str = os.environ.get("FAIR_CORS_ORIGINS", "")
        self.JSON_AS_ASCII = False
        self.API_TITLE = "fairmatch"
        self.API_VERSION = "v1"
        self.OPENAPI_VERSION = "3.0.3"
        self.OPENAPI_URL_PREFIX = "/api"
        self.OPENAPI_JSON_PATH = "v1/openapi.json"
        self.OPENAPI_SWAGGER_UI_PATH = "docs"
        self.OPENAPI_SWAGGER_UI_URL = "/api/docs/assets/"

    def as_dict(self) -> dict:
        return {k: v for k, v in vars(self).items() if k.isupper()}
