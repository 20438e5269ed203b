"""What a post to /api/contact gets back, and what it leaves in the database (real HTTP, real SQLite)."""

from __future__ import annotations

import time

import pytest

from intake.tokens import issue_token
from sales_leadership.partners.routing import route
from tests.intake.support import sample_lead

SECRET = b"test-secret"  # intake_env's INTAKE_SECRET
PAYLOADS = [
    "<script>alert('x')</script>",
    "Robert'); DROP TABLE leads;--",
    '" OR 1=1 --',
    "<img src=x onerror=alert(1)>",
]


def stored(intake) -> int:
    return intake.store.count_leads()


def test_a_valid_fetch_post_is_stored_with_its_delivery(intake):
    reply = intake.post(sample_lead())
    assert reply.status == 201
    body = reply.json()
    assert body["status"] == "received"
    [lead] = intake.store.leads()
    assert lead.public_id == body["reference"]
    assert lead.fields["email"] == "pat0@example.com"
    expected = route(intake.app.site.directory, zip_code="80202", state="CO")
    assert (lead.partner_slug, lead.route_rule) == (expected.partner.slug, expected.rule)
    assert [(d.kind, d.recipient) for d in intake.store.deliveries(include_sent=True)] == [
        ("partner", lead.partner_email)
    ]


def test_a_valid_form_post_is_redirected_to_the_thanks_page(intake):
    reply = intake.post(sample_lead(), json_reply=False)
    assert reply.status == 303
    assert reply.headers["location"] == "/contact/thanks/"
    assert stored(intake) == 1


def test_a_multipart_post_is_accepted(intake):
    boundary = "----intake-test"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in sample_lead().items()
    ]
    body = ("".join(parts) + f"--{boundary}--\r\n").encode()
    reply = intake.post(body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert reply.status == 201
    assert stored(intake) == 1


def test_partner_enquiries_go_to_the_head_office_whatever_the_zip(intake):
    reply = intake.post({**sample_lead(), "enquiry_kind": "partner"})
    assert reply.status == 201
    [lead] = intake.store.leads()
    assert lead.route_rule == "head-office"
    assert lead.partner_slug == intake.app.site.directory.head_office.slug


def test_the_recipient_cannot_be_chosen_by_the_request(intake):
    reply = intake.post({**sample_lead(), "recipient": "attacker@example.net", "partner": "seattle", "to": "x@y.z"})
    assert reply.status == 201
    [delivery] = intake.store.deliveries()
    assert delivery.recipient == intake.store.leads()[0].partner_email != "attacker@example.net"


INVALID = {
    "name": "",
    "email": "not-an-email",
    "phone": "call me maybe",
    "company": "",
    "zip_code": "12",
    "state": "XX",
    "enquiry_kind": "gossip",
    "role": "ceo",
    "team_size": "huge",
    "revenue": "lots",
    "message": "",
    "consent": None,
    "quiz_answers": "team_size=small; DROP TABLE",
    "started": "s" * 201,
}


@pytest.mark.parametrize("field", sorted(INVALID))
def test_each_invalid_field_is_a_422_naming_it_and_nothing_is_stored(intake, field):
    post = {**sample_lead(), field: INVALID[field]}
    if INVALID[field] is None:
        del post[field]
    reply = intake.post(post)
    assert reply.status == 422
    assert field in reply.json()["errors"]
    assert stored(intake) == 0
    assert intake.store.deliveries(include_sent=True) == []


def test_an_empty_post_names_every_required_field(intake):
    reply = intake.post({})
    assert reply.status == 422
    assert {"name", "email", "company", "message", "consent", "zip_code"} <= set(reply.json()["errors"])
    assert stored(intake) == 0


def test_an_oversized_body_is_refused(intake):
    reply = intake.post({**sample_lead(), "message": "x" * 70_000})
    assert reply.status == 413
    assert stored(intake) == 0


@pytest.mark.parametrize("content_type", ["application/json", "text/plain", "application/xml"])
def test_other_content_types_are_refused(intake, content_type):
    reply = intake.post(b'{"name": "Pat"}', headers={"Content-Type": content_type})
    assert reply.status == 415
    assert stored(intake) == 0


@pytest.mark.parametrize(
    "body",
    [b"name=Pat\xff\xfe&email=pat@example.com", b"name=Pat%FF%FE&email=pat%40example.com"],
    ids=["raw bytes", "percent-encoded"],
)
def test_non_utf8_bytes_are_a_400(intake, body):
    reply = intake.post(body)
    assert reply.status == 400
    assert "UTF-8" in reply.json()["error"]
    assert stored(intake) == 0


def test_non_utf8_bytes_in_a_multipart_post_are_a_400(intake):
    body = b'--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nPat\xff\r\n--b--\r\n'
    reply = intake.post(body, headers={"Content-Type": "multipart/form-data; boundary=b"})
    assert reply.status == 400
    assert stored(intake) == 0


@pytest.mark.parametrize("field", [name for name in sample_lead() if name not in ("website", "started")])
def test_markup_and_sql_in_any_field_are_stored_verbatim_or_refused_whole(intake, field):
    for payload in PAYLOADS:
        before = stored(intake)
        reply = intake.post({**sample_lead(), field: payload})
        if reply.status == 201:
            [lead] = [lead for lead in intake.store.leads() if lead.public_id == reply.json()["reference"]]
            assert lead.fields[field] == payload
        else:
            assert reply.status == 422 and field in reply.json()["errors"], (payload, reply.status)
            assert stored(intake) == before
    assert intake.store.schema_version() >= 1  # the tables are all still there


def test_free_text_fields_keep_markup_and_sql_verbatim(intake):
    post = {**sample_lead(), "name": PAYLOADS[0], "company": PAYLOADS[1], "message": "\n".join(PAYLOADS)}
    assert intake.post(post).status == 201
    [lead] = intake.store.leads()
    assert (lead.fields["name"], lead.fields["company"]) == (PAYLOADS[0], PAYLOADS[1])
    assert lead.fields["message"] == "\n".join(PAYLOADS)


def test_a_filled_honeypot_looks_accepted_but_is_stored_as_spam_and_not_sent(intake):
    reply = intake.post({**sample_lead(), "website": "http://cheap-pills.example"})
    assert reply.status == 201
    [lead] = intake.store.leads()
    assert lead.spam and lead.spam_reason == "honeypot"
    assert intake.store.deliveries(include_sent=True) == []


def test_a_form_sent_seconds_after_the_token_was_issued_is_spam(intake):
    token = intake.request("GET", "/api/contact/token").json()["token"]
    reply = intake.post({**sample_lead(), "started": token})
    assert reply.status == 201
    [lead] = intake.store.leads()
    assert lead.spam_reason == "too fast"
    assert intake.store.deliveries(include_sent=True) == []


def test_a_forged_token_is_spam(intake):
    reply = intake.post({**sample_lead(), "started": f"{time.time() - 60:.3f}.{'0' * 64}"})
    assert reply.status == 201
    assert intake.store.leads()[0].spam_reason == "forged token"


def test_a_token_from_a_person_who_took_their_time_is_a_lead(intake):
    token = issue_token(SECRET, now=time.time() - 45)
    assert intake.post({**sample_lead(), "started": token}).status == 201
    [lead] = intake.store.leads()
    assert not lead.spam
    assert len(intake.store.deliveries(include_sent=True)) == 1


def test_the_token_endpoint_is_not_cached(intake):
    reply = intake.request("GET", "/api/contact/token")
    assert reply.status == 200
    assert reply.headers["cache-control"] == "no-store"
    assert reply.json()["token"].count(".") == 2


def test_posts_beyond_the_rate_limit_are_429_and_not_stored(make_intake):
    intake = make_intake(INTAKE_RATE_LIMIT_POSTS="3")
    assert [intake.post(sample_lead(n)).status for n in range(3)] == [201, 201, 201]
    refused = intake.post(sample_lead(3))
    assert refused.status == 429
    assert int(refused.headers["retry-after"]) > 0
    assert stored(intake) == 3


@pytest.mark.parametrize("origin", ["https://evil.example.net", "null"])
def test_posts_from_another_origin_are_refused(intake, origin):
    reply = intake.post(sample_lead(), headers={"Origin": origin})
    assert reply.status == 403
    assert stored(intake) == 0


def test_a_foreign_referer_without_origin_is_refused(intake):
    reply = intake.post(sample_lead(), headers={"Origin": "", "Referer": "https://evil.example.net/form"})
    assert reply.status == 403


def test_a_form_post_refusal_is_a_readable_page(intake):
    reply = intake.post({**sample_lead(), "message": "x" * 70_000}, json_reply=False)
    assert reply.status == 413
    assert reply.headers["content-type"].startswith("text/html")
    assert "too long" in reply.text


def test_wrong_method_and_unknown_path(intake):
    assert intake.request("GET", "/api/contact").status == 405
    assert intake.request("GET", "/api/nothing-here").status == 404


def test_health(intake):
    reply = intake.request("GET", "/api/health")
    assert reply.status == 200
    assert reply.json()["status"] == "ok"


def test_a_server_fault_is_a_500_without_a_traceback_and_nothing_half_stored(intake):
    with intake.store.transaction() as db:
        db.execute("DROP TABLE outbox")
    reply = intake.post(sample_lead())
    assert reply.status == 500
    assert "Traceback" not in reply.text and "sqlite" not in reply.text.lower()
    assert stored(intake) == 0


def test_behind_a_trusted_proxy_each_visitor_has_their_own_rate_limit(make_intake):
    intake = make_intake(INTAKE_RATE_LIMIT_POSTS="1", INTAKE_TRUSTED_PROXIES="1")
    first = {"X-Forwarded-For": "203.0.113.7"}
    second = {"X-Forwarded-For": "198.51.100.9"}
    assert intake.post(sample_lead(1), headers=first).status == 201
    assert intake.post(sample_lead(2), headers=second).status == 201
    assert intake.post(sample_lead(3), headers=first).status == 429
    assert stored(intake) == 2
