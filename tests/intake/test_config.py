"""Settings from the environment: defaults, the generated secret, and errors that name the variable."""

from __future__ import annotations

import stat

import pytest

from intake.config import ROOT, ConfigError, load_settings


def test_defaults_keep_everything_under_var_and_hold_deliveries_without_smtp(tmp_path):
    settings = load_settings({"INTAKE_VAR_DIR": str(tmp_path)})
    assert settings.database == tmp_path / "intake.sqlite3"
    assert settings.content_path == ROOT / "content" and settings.output_path == ROOT / "output"
    assert settings.allowed_origins == ("http://127.0.0.1:8000",)
    assert not settings.smtp.configured
    assert (settings.smtp.tls, settings.smtp.port) == ("starttls", 587)


def test_the_secret_is_generated_once_private_and_reused(tmp_path):
    first = load_settings({"INTAKE_VAR_DIR": str(tmp_path)}).secret
    secret_file = tmp_path / "intake-secret"
    assert len(first) == 64
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert load_settings({"INTAKE_VAR_DIR": str(tmp_path)}).secret == first
    assert load_settings({"INTAKE_VAR_DIR": str(tmp_path), "INTAKE_SECRET": "set"}).secret == b"set"


def test_site_origin_and_smtp_settings(tmp_path):
    settings = load_settings(
        {
            "INTAKE_VAR_DIR": str(tmp_path),
            "SITE_ORIGIN": "https://www.example.com/",
            "INTAKE_SMTP_HOST": "mail.example.com",
            "INTAKE_SMTP_TLS": "ssl",
        }
    )
    assert settings.allowed_origins == ("https://www.example.com",)
    assert (settings.smtp.host, settings.smtp.port) == ("mail.example.com", 465)


@pytest.mark.parametrize(
    "name, value",
    [
        ("INTAKE_RATE_LIMIT_POSTS", "ten"),
        ("INTAKE_RETENTION_DAYS", "-1"),
        ("INTAKE_SMTP_TLS", "tls1.3"),
        ("INTAKE_ACK_EMAIL", "maybe"),
    ],
)
def test_a_bad_value_is_an_error_naming_the_variable(tmp_path, name, value):
    with pytest.raises(ConfigError, match=name):
        load_settings({"INTAKE_VAR_DIR": str(tmp_path), name: value})
