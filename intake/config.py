"""The intake's settings: INTAKE_* variables, from the settings file and the environment.

One place for every default, so the README's table, the local server,
gunicorn and the operator's tasks all agree. The settings file
(`var/intake.env` unless INTAKE_ENV_FILE names another) holds `KEY=value`
lines; a variable set in the process's environment wins over the file, so
systemd's EnvironmentFile, a shell's `export` and the file can be combined.
Paths are relative to the project root unless absolute, so the service
behaves the same whatever directory it is started from.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ENV_FILE = ROOT / "var" / "intake.env"

SMTP_TLS_MODES = ("starttls", "ssl", "none")
DEFAULT_SMTP_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


class ConfigError(ValueError):
    """A setting has a value the intake cannot use; the message names the variable (and the file)."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    tls: str = "starttls"
    user: str = ""
    password: str = field(default="", repr=False)
    timeout: float = 30.0

    @property
    def configured(self) -> bool:
        return bool(self.host)


@dataclass(frozen=True)
class IntakeSettings:
    database: Path = ROOT / "var" / "intake.sqlite3"
    content_path: Path = ROOT / "content"
    output_path: Path = ROOT / "output"
    site_origin: str = "http://127.0.0.1:8000"
    allowed_origins: tuple[str, ...] = ("http://127.0.0.1:8000",)
    secret: bytes = field(default=b"", repr=False)
    smtp: SmtpSettings = SmtpSettings()
    mail_from: str = "Sales Leadership Partners <leads@example.com>"
    acknowledge: bool = True
    retention_days: int = 365
    rate_limit_posts: int = 10
    rate_limit_window: float = 600.0
    max_body_bytes: int = 64 * 1024
    min_fill_seconds: float = 3.0
    token_max_age: float = 7200.0
    busy_seconds: float = 5.0
    trusted_proxies: int = 0
    retry_base_seconds: float = 30.0
    retry_max_seconds: float = 3600.0
    poll_seconds: float = 10.0
    run_worker: bool = True
    env_file: Path | None = None
    first_response_hours: float = 4.0
    escalate_hours: float = 8.0
    status_link_days: float = 60.0

    def with_changes(self, **changes) -> IntakeSettings:
        return replace(self, **changes)


def _path(value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else ROOT / path


def read_env_file(path: Path) -> dict[str, str]:
    """`KEY=value` lines (blank lines and `#` comments skipped; `export KEY=value` and quotes allowed).

    The format systemd's EnvironmentFile and shells share, so one file serves the service, gunicorn
    and the operator's tasks. A line that is not `KEY=value` is an error naming the file and line.
    """
    settings: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        text = text.removeprefix("export ").strip()
        key, sep, value = text.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not key.replace("_", "").isalnum():
            raise ConfigError(f"{path}:{number}: expected a line like KEY=value, found {line.strip()!r}")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        settings[key] = value
    return settings


def settings_environment(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The settings file's values with the environment's on top (the environment wins).

    The file is INTAKE_ENV_FILE; else, for the process's own environment (`env` None),
    var/intake.env if it exists. An explicit mapping without INTAKE_ENV_FILE is used as it is.
    """
    from_process = env is None
    env = dict(os.environ if env is None else env)
    named = env.get("INTAKE_ENV_FILE", "").strip()
    if named:
        path = _path(named)
        if not path.is_file():
            raise ConfigError(f"INTAKE_ENV_FILE={named!r}: no such file ({path})")
    elif from_process:
        path = DEFAULT_ENV_FILE
    else:
        return env
    from_file = read_env_file(path) if path.is_file() else {}
    merged = {**from_file, **env}
    merged["INTAKE_ENV_FILE"] = str(path) if path.is_file() else ""
    return merged


def _number(env: Mapping[str, str], name: str, default: float, kind=float, minimum: float = 0):
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r}: expected a number") from None
    if value < minimum:
        raise ConfigError(f"{name}={raw!r}: must be {minimum} or more")
    return value


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name}={raw!r}: expected 1/0, true/false, yes/no or on/off")


def _origins(value: str) -> tuple[str, ...]:
    return tuple(origin.strip().rstrip("/") for origin in value.split(",") if origin.strip())


def private_directory(path: Path) -> Path:
    """Create `path` (and missing parents) readable by the owner only (0700); leave existing ones alone.

    The database, its -wal/-shm files and the secret live here: personal data and a key.
    An existing folder is the operator's choice (it may be /var/lib/... shared with a group).
    """
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask; this is not
    return path


def load_secret(env: Mapping[str, str], secret_file: Path, create: bool = True) -> bytes:
    """INTAKE_SECRET, else a random secret kept in a file (created once, readable by the owner only).

    Several gunicorn workers may start at once: O_EXCL makes exactly one of them
    write the file and the others read what it wrote. `create=False` (the operator's
    tasks) reads an existing file and never writes one.
    """
    configured = env.get("INTAKE_SECRET", "").strip()
    if configured:
        return configured.encode()
    if not create:
        return secret_file.read_text(encoding="ascii").strip().encode() if secret_file.is_file() else b""
    private_directory(secret_file.parent)
    try:
        descriptor = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):
            stored = secret_file.read_text(encoding="ascii").strip()
            if stored:
                return stored.encode()
            time.sleep(0.01)
        raise ConfigError(f"{secret_file} is empty: delete it or set INTAKE_SECRET") from None
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    return secret_file.read_text(encoding="ascii").strip().encode()


def load_settings(env: Mapping[str, str] | None = None, *, create_files: bool = True) -> IntakeSettings:
    """Settings from the settings file and the environment; every default is documented in the README.

    `env=None` reads the process's environment and the settings file it names (or var/intake.env);
    an explicit mapping is used as given, plus the file it names in INTAKE_ENV_FILE, if any.
    `create_files=False` writes nothing (no generated secret): for the operator's tasks.
    """
    env = settings_environment(env)
    try:
        return _settings_from(env, create_files)
    except ConfigError as error:
        source = env.get("INTAKE_ENV_FILE", "")
        if source:
            raise ConfigError(f"{error} (settings from the environment and {source})") from None
        raise


def _settings_from(env: Mapping[str, str], create_files: bool) -> IntakeSettings:
    defaults = IntakeSettings()
    site_origin = (env.get("SITE_ORIGIN", "").strip() or defaults.site_origin).rstrip("/")
    allowed = _origins(env.get("INTAKE_ALLOWED_ORIGINS", "")) or (site_origin,)
    tls = env.get("INTAKE_SMTP_TLS", "").strip().lower() or "starttls"
    if tls not in SMTP_TLS_MODES:
        raise ConfigError(f"INTAKE_SMTP_TLS={tls!r}: expected one of {', '.join(SMTP_TLS_MODES)}")
    smtp = SmtpSettings(
        host=env.get("INTAKE_SMTP_HOST", "").strip(),
        port=_number(env, "INTAKE_SMTP_PORT", DEFAULT_SMTP_PORTS[tls], int),
        tls=tls,
        user=env.get("INTAKE_SMTP_USER", ""),
        password=env.get("INTAKE_SMTP_PASSWORD", ""),
        timeout=_number(env, "INTAKE_SMTP_TIMEOUT", 30.0),
    )
    var = _path(env.get("INTAKE_VAR_DIR", "").strip() or "var")
    database = env.get("INTAKE_DATABASE", "").strip()
    secret_file = env.get("INTAKE_SECRET_FILE", "").strip()
    env_file = env.get("INTAKE_ENV_FILE", "").strip()
    first_response = _number(env, "INTAKE_FIRST_RESPONSE_HOURS", defaults.first_response_hours, minimum=0.25)
    escalate = _number(env, "INTAKE_ESCALATE_HOURS", defaults.escalate_hours, minimum=0.25)
    if escalate <= first_response:
        raise ConfigError(
            f"INTAKE_ESCALATE_HOURS={escalate:g}: must be more than INTAKE_FIRST_RESPONSE_HOURS={first_response:g} "
            "(the reminder comes first)"
        )
    return IntakeSettings(
        database=_path(database) if database else var / "intake.sqlite3",
        content_path=_path(env.get("INTAKE_CONTENT_PATH", "").strip() or "content"),
        output_path=_path(env.get("INTAKE_OUTPUT_PATH", "").strip() or "output"),
        site_origin=site_origin,
        allowed_origins=allowed,
        secret=load_secret(env, _path(secret_file) if secret_file else var / "intake-secret", create_files),
        smtp=smtp,
        mail_from=env.get("INTAKE_MAIL_FROM", "").strip() or defaults.mail_from,
        acknowledge=_flag(env, "INTAKE_ACK_EMAIL", defaults.acknowledge),
        retention_days=_number(env, "INTAKE_RETENTION_DAYS", defaults.retention_days, int, minimum=1),
        rate_limit_posts=_number(env, "INTAKE_RATE_LIMIT_POSTS", defaults.rate_limit_posts, int),
        rate_limit_window=_number(env, "INTAKE_RATE_LIMIT_WINDOW", defaults.rate_limit_window),
        max_body_bytes=_number(env, "INTAKE_MAX_BODY_BYTES", defaults.max_body_bytes, int, minimum=1024),
        min_fill_seconds=_number(env, "INTAKE_MIN_FILL_SECONDS", defaults.min_fill_seconds),
        token_max_age=_number(env, "INTAKE_TOKEN_MAX_AGE", defaults.token_max_age, minimum=60),
        busy_seconds=_number(env, "INTAKE_BUSY_SECONDS", defaults.busy_seconds, minimum=0.1),
        trusted_proxies=_number(env, "INTAKE_TRUSTED_PROXIES", defaults.trusted_proxies, int),
        retry_base_seconds=_number(env, "INTAKE_RETRY_BASE_SECONDS", defaults.retry_base_seconds),
        retry_max_seconds=_number(env, "INTAKE_RETRY_MAX_SECONDS", defaults.retry_max_seconds),
        poll_seconds=_number(env, "INTAKE_POLL_SECONDS", defaults.poll_seconds),
        run_worker=_flag(env, "INTAKE_WORKER", defaults.run_worker),
        env_file=Path(env_file) if env_file else None,
        first_response_hours=first_response,
        escalate_hours=escalate,
        status_link_days=_number(env, "INTAKE_STATUS_LINK_DAYS", defaults.status_link_days, minimum=1),
    )
