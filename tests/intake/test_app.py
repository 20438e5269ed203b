"""What a post to /api/contact gets back, and what it leaves in the database (real HTTP, real SQLite)."""

from __future__ import annotations

import time

import pytest

from sales_leadership.partners.routing import route
from tests.intake.support import ManualClock, database_locked, sample_application, sample_lead

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
    assert lead.reference == body["reference"] and body["reference"].startswith("SLP-")
    assert lead.fields["email"] == "pat0@example.com"
    expected = route(intake.app.site.directory, zip_code="80202", state="CO")
    assert (lead.partner_slug, lead.route_rule) == (expected.partner.slug, expected.rule)
    assert [(d.kind, d.recipient) for d in intake.store.deliveries(include_sent=True)] == [
        ("partner", lead.partner_email)
    ]


def test_a_valid_form_post_is_redirected_to_the_thanks_page(intake):
    reply = intake.post(sample_lead(), json_reply=False)
    assert reply.status == 303
    assert reply.headers["location"].startswith("/contact/thanks/?receipt=")
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


def test_partner_applications_go_to_the_head_office_whatever_the_zip_or_chosen_partner(intake):
    reply = intake.post({**sample_application(), "partner": "denver"})
    assert reply.status == 201
    [lead] = intake.store.leads()
    assert lead.route_rule == "head-office"
    assert lead.partner_slug == intake.app.site.directory.head_office.slug


def test_an_application_stores_the_applicants_answers_and_not_a_companys(intake):
    """Without JavaScript both sets of questions are on the page: only the applicant's are kept."""
    reply = intake.post({**sample_application(), "role": "not-sure", "team_size": "small", "revenue": "1-15m"})
    assert reply.status == 201
    [lead] = intake.store.leads()
    assert lead.fields["experience"] == "6-10"
    assert lead.fields["territory"] == "Denver metro and northern Colorado"
    assert lead.fields["profile_url"] == "https://www.linkedin.com/in/sam-leader-0"
    assert (lead.fields["role"], lead.fields["team_size"], lead.fields["revenue"]) == ("", "", "")


def test_a_company_inquiry_stores_no_applicant_answers(intake):
    reply = intake.post({**sample_lead(), "experience": "over-10", "profile_url": "https://example.com/me"})
    assert reply.status == 201
    [lead] = intake.store.leads()
    assert (lead.fields["experience"], lead.fields["profile_url"], lead.fields["role"]) == ("", "", "part-time")


def test_an_application_missing_the_applicants_answers_is_a_422_naming_them(intake):
    reply = intake.post({**sample_application(), "experience": "", "territory": "", "profile_url": "linkedin"})
    assert reply.status == 422
    assert set(reply.json()["errors"]) == {"experience", "territory", "profile_url"}
    assert stored(intake) == 0


def test_an_application_sent_by_a_form_post_lands_on_the_applicants_thanks_page(intake):
    reply = intake.post(sample_application(), json_reply=False)
    assert reply.status == 303
    assert reply.headers["location"].startswith("/contact/thanks/application/?receipt=")


def test_a_chosen_partner_gets_the_lead_wherever_the_zip_code_is(intake):
    reply = intake.post({**sample_lead(), "zip_code": "77002", "state": "TX", "partner": "denver"})
    assert reply.status == 201
    [lead] = intake.store.leads()
    denver = intake.app.site.directory.by_slug("denver")
    assert (lead.partner_slug, lead.route_rule, lead.partner_email) == ("denver", "chosen", denver.email)
    assert "chose Dana Whitfield" in lead.route_reason


def test_an_unknown_chosen_partner_falls_back_to_routing_and_says_so(intake):
    reply = intake.post({**sample_lead(), "zip_code": "77002", "state": "TX", "partner": "retired-partner"})
    assert reply.status == 201
    [lead] = intake.store.leads()
    expected = route(intake.app.site.directory, zip_code="77002", state="TX")
    assert (lead.partner_slug, lead.route_rule) == (expected.partner.slug, expected.rule)
    assert "'retired-partner'" in lead.route_reason and "not in the directory" in lead.route_reason


def test_the_recipients_address_cannot_be_chosen_by_the_request(intake):
    sent = {
        **sample_lead(),
        "recipient": "attacker@example.net",
        "to": "x@y.z",
        "partner_email": "attacker@example.net",
    }
    assert intake.post({**sent, "partner": "attacker@example.net"}).status == 422
    reply = intake.post(sent)
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
            [lead] = [lead for lead in intake.store.leads() if lead.reference == reply.json()["reference"]]
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


def test_a_filled_honeypot_looks_accepted_but_is_held_and_not_sent(intake):
    reply = intake.post({**sample_lead(), "website": "http://cheap-pills.example"})
    assert reply.status == 201
    [lead] = intake.store.leads()
    assert lead.status == "held" and "honeypot" in lead.spam_signals
    assert intake.store.deliveries(include_sent=True) == []


@pytest.fixture
def clocked(make_intake, smtp):
    """An intake on a clock the test moves (tokens are dated by it)."""
    clock = ManualClock(time.time())
    return make_intake(clock=clock, **smtp.env()), clock


def _token(intake) -> str:
    return intake.request("GET", "/api/contact/token").json()["token"]


def test_a_form_sent_seconds_after_the_token_was_issued_is_held(clocked):
    intake, clock = clocked
    token = _token(intake)
    clock.advance(1)
    assert intake.post({**sample_lead(), "started": token}).status == 201
    [lead] = intake.store.leads()
    assert lead.status == "held" and lead.spam_signals == ("token-too-fast",)
    assert intake.store.deliveries(include_sent=True) == []


def test_a_forged_token_is_flagged(intake):
    reply = intake.post({**sample_lead(), "started": f"{time.time() - 60:.3f}.{'0' * 64}"})
    assert reply.status == 201
    assert intake.store.leads()[0].spam_signals == ("token-forged",)


def test_a_token_from_a_person_who_took_their_time_is_a_lead(clocked):
    intake, clock = clocked
    token = _token(intake)
    clock.advance(45)
    assert intake.post({**sample_lead(), "started": token}).status == 201
    [lead] = intake.store.leads()
    assert lead.status == "new" and lead.spam_signals == ()
    assert len(intake.store.deliveries(include_sent=True)) == 1


def test_a_token_is_single_use(clocked):
    """One token posted 50 times used to give 50 e-mails."""
    intake, clock = clocked
    token = _token(intake)
    clock.advance(45)
    first = intake.post({**sample_lead(1), "started": token})
    replays = [intake.post({**sample_lead(n), "started": token}) for n in range(2, 12)]
    assert {reply.status for reply in [first, *replays]} == {201}
    leads = {lead.reference: lead for lead in intake.store.leads()}
    assert leads[first.json()["reference"]].status == "new"
    assert [leads[reply.json()["reference"]].status for reply in replays] == ["held"] * 10
    assert all(leads[reply.json()["reference"]].spam_signals == ("token-reused",) for reply in replays)
    assert len(intake.store.deliveries(include_sent=True)) == 1


def test_a_token_is_spent_across_a_restart(make_intake, smtp, tmp_path):
    clock = ManualClock(time.time())
    first = make_intake(clock=clock, **smtp.env())
    token = _token(first)
    clock.advance(45)
    assert first.post({**sample_lead(1), "started": token}).status == 201
    second = make_intake(clock=clock, **smtp.env())  # the same database, a new process's memory
    assert second.post({**sample_lead(2), "started": token}).status == 201
    assert [lead.status for lead in second.store.leads()] == ["held", "new"]


def test_a_token_a_year_old_is_stale_and_not_trusted(clocked):
    intake, clock = clocked
    token = _token(intake)
    clock.advance(365 * 86400)
    post = {**sample_lead(), "started": token, "message": "Interested, see https://a.example and https://b.example"}
    assert intake.post(post).status == 201
    [lead] = intake.store.leads()
    assert "token-stale" in lead.spam_signals and lead.status == "held"


def test_a_stale_token_on_a_clean_post_is_delivered(clocked):
    """Someone who left the tab open for an afternoon is still a person."""
    intake, clock = clocked
    token = _token(intake)
    clock.advance(3 * 3600)
    assert intake.post({**sample_lead(), "started": token}).status == 201
    [lead] = intake.store.leads()
    assert lead.spam_signals == ("token-stale",) and lead.status == "new"


@pytest.mark.parametrize("started", ["é", "日本語", "\u202e" * 10, "a.b.\u00ff"])
def test_a_non_ascii_token_is_a_forged_token_not_a_500(intake, started):
    reply = intake.post({**sample_lead(), "started": started})
    assert reply.status == 201
    assert intake.store.leads()[0].spam_signals == ("token-forged",)


def test_the_same_lead_sent_again_within_minutes_is_merged_not_a_second_lead(intake):
    first = intake.post(sample_lead(), json_reply=True)
    again = intake.post(sample_lead(), json_reply=True)
    assert first.status == again.status == 201
    assert again.json()["reference"] == first.json()["reference"]
    [lead] = intake.store.leads()
    assert lead.duplicates == 1
    assert [event.kind for event in intake.store.events(lead.id)] == ["received", "duplicate"]
    assert len(intake.store.deliveries(include_sent=True)) == 1


def test_a_bare_cr_or_unicode_line_separator_in_a_single_line_field_is_normalised(intake, smtp):
    from tests.intake.support import wait_until

    post = {**sample_lead(), "name": "Pat\rPhone: call 900-555-0000 now", "company": "Acme\u2028Ltd\x85Inc"}
    assert intake.post(post).status == 201
    [lead] = intake.store.leads()
    assert lead.fields["name"] == "Pat Phone: call 900-555-0000 now"
    assert lead.fields["company"] == "Acme Ltd Inc"
    [message] = wait_until(smtp.mailbox.messages, what="the partner's e-mail")
    lines = message.get_body(("plain",)).get_content().splitlines()
    assert not [line for line in lines if line.startswith("Phone: call")], "no line of the visitor's making"


def test_non_ascii_digits_in_a_zip_code_get_the_normal_zip_message(intake):
    reply = intake.post({**sample_lead(), "zip_code": "\u0668\u0660\u0662\u0660\u0662"})  # Arabic-Indic 80202
    assert reply.status == 422
    assert reply.json()["errors"]["zip_code"] == ["Enter a 5-digit ZIP code, like 80202"]
    assert stored(intake) == 0


def _chunked(body: bytes, size: int = 4096) -> bytes:
    out = b""
    for start in range(0, len(body), size):
        part = body[start : start + size]
        out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"


def _raw_post(intake, body: bytes, headers: str) -> bytes:
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(intake.url)
    head = (
        f"POST /api/contact HTTP/1.1\r\nHost: {parts.netloc}\r\nOrigin: {intake.url}\r\n"
        f"Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n{headers}"
        "Connection: close\r\n\r\n"
    )
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as connection:
        connection.sendall(head.encode() + body)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return received


def test_a_chunked_body_over_the_limit_is_413_not_cut_and_stored(intake):
    from urllib.parse import urlencode

    # The message last: a body cut at the limit would still be a valid lead with a shorter message.
    fields = {**sample_lead(), "message": "We need help. " * 5000}
    body = urlencode({name: value for name, value in fields.items() if name != "message"}) + "&message="
    body = (body + "We+need+help.+" * 5000).encode()
    assert len(body) > 65536
    reply = _raw_post(intake, _chunked(body), "Transfer-Encoding: chunked\r\n")
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert b"content-security-policy" in reply.lower()
    assert stored(intake) == 0


def test_a_chunked_body_within_the_limit_is_read_whole(intake):
    from urllib.parse import urlencode

    reply = _raw_post(intake, _chunked(urlencode(sample_lead()).encode(), 50), "Transfer-Encoding: chunked\r\n")
    assert reply.startswith(b"HTTP/1.1 201"), reply[:200]
    assert intake.store.leads()[0].fields["message"] == sample_lead()["message"]


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
    assert reply.json()["held_for_review"] == 0


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


def test_a_busy_database_gets_a_503_with_retry_after_within_the_bound_and_the_retry_is_stored(make_intake):
    """With the write lock held for a minute, a post used to wait the whole time and then answer 303."""
    intake = make_intake(INTAKE_BUSY_SECONDS="1")
    with database_locked(intake.app.settings.database):
        busy = intake.post(sample_lead(), json_reply=False)  # the client waits up to 30 s; the lock is held longer
    assert busy.status == 503
    assert int(busy.headers["retry-after"]) > 0
    assert "nothing was stored" in busy.text and "content-security-policy" in busy.headers
    assert stored(intake) == 0
    again = intake.post(sample_lead())
    assert again.status == 201 and stored(intake) == 1
