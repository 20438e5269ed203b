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
        ("INTAKE_RETENTION_DAYS", "0"),
        ("INTAKE_TOKEN_MAX_AGE", "5"),
        ("INTAKE_SMTP_TLS", "tls1.3"),
        ("INTAKE_ACK_EMAIL", "maybe"),
    ],
)
def test_a_bad_value_is_an_error_naming_the_variable(tmp_path, name, value):
    with pytest.raises(ConfigError, match=name):
        load_settings({"INTAKE_VAR_DIR": str(tmp_path), name: value})


def test_the_settings_file_is_read_and_the_environment_wins_over_it(tmp_path):
    settings_file = tmp_path / "intake.env"
    settings_file.write_text(
        "# the service's settings\n"
        f"INTAKE_DATABASE={tmp_path / 'leads.sqlite3'}\n"
        "export INTAKE_SMTP_HOST=mail.example.com\n"
        'INTAKE_MAIL_FROM="Leads <leads@example.com>"\n'
        "INTAKE_RETENTION_DAYS=30\n"
    )
    env = {"INTAKE_ENV_FILE": str(settings_file), "INTAKE_VAR_DIR": str(tmp_path), "INTAKE_RETENTION_DAYS": "90"}
    settings = load_settings(env)
    assert settings.database == tmp_path / "leads.sqlite3"
    assert settings.smtp.host == "mail.example.com"
    assert settings.mail_from == "Leads <leads@example.com>"
    assert settings.retention_days == 90, "the environment wins over the file"
    assert settings.env_file == settings_file


def test_a_bad_line_in_the_settings_file_names_the_file_and_line(tmp_path):
    settings_file = tmp_path / "intake.env"
    settings_file.write_text("INTAKE_SMTP_HOST=mail.example.com\nthis is not a setting\n")
    with pytest.raises(ConfigError, match=r"intake\.env:2: expected a line like KEY=value"):
        load_settings({"INTAKE_ENV_FILE": str(settings_file), "INTAKE_VAR_DIR": str(tmp_path)})


def test_a_missing_named_settings_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="INTAKE_ENV_FILE"):
        load_settings({"INTAKE_ENV_FILE": str(tmp_path / "nope.env"), "INTAKE_VAR_DIR": str(tmp_path)})


def test_a_value_from_the_settings_file_that_is_wrong_names_the_variable_and_the_file(tmp_path):
    settings_file = tmp_path / "intake.env"
    settings_file.write_text("INTAKE_RETENTION_DAYS=0\n")
    with pytest.raises(ConfigError, match=r"INTAKE_RETENTION_DAYS='0': must be 1 or more .*intake\.env"):
        load_settings({"INTAKE_ENV_FILE": str(settings_file), "INTAKE_VAR_DIR": str(tmp_path)})


def test_the_operators_commands_write_no_secret(tmp_path):
    settings = load_settings({"INTAKE_VAR_DIR": str(tmp_path / "var")}, create_files=False)
    assert settings.secret == b""
    assert not (tmp_path / "var").exists()


def test_the_deadlines_and_the_receipt_have_defaults_and_the_reminder_comes_first(tmp_path):
    settings = load_settings({"INTAKE_VAR_DIR": str(tmp_path)})
    assert (settings.first_response_hours, settings.escalate_hours, settings.status_link_days) == (4, 8, 60)
    assert settings.acknowledge, "receipts are on by default"
    with pytest.raises(ConfigError, match="INTAKE_ESCALATE_HOURS=3: must be more than INTAKE_FIRST_RESPONSE_HOURS=4"):
        load_settings({"INTAKE_VAR_DIR": str(tmp_path), "INTAKE_ESCALATE_HOURS": "3"})
