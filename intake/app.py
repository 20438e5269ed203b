"""The intake's WSGI application: /api/contact, /api/contact/token and /api/health.

`create_app()` reads the settings from the environment, migrates the database
and starts the delivery worker; gunicorn runs it as `intake.app:create_app()`.
Every answer is a clear status with a short explanation (JSON for `fetch`, a
page for a plain form post); no exception text ever reaches a client.
"""

from __future__ import annotations

import json
import logging
import math
import sqlite3
import time
from collections.abc import Callable
from urllib.parse import parse_qsl

from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound, RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from sales_leadership.contact.backend import THANKS_PAGES, ContactBackend
from sales_leadership.contact.forms import asked
from sales_leadership.headers.policy import header_rules, headers_for

from .abuse import RateLimiter, origin_allowed, origin_of
from .config import IntakeSettings, load_settings
from .delivery import DeliveryWorker
from .lifecycle import deadlines_for
from .logs import configure_logging
from .normalise import normalise_form
from .promise import promise
from .site import SiteContent
from .spam_rules import SAME_BODY_DAYS
from .status_links import STATUS_PATH, LinkExpired, LinkInvalid, StatusLinks
from .status_pages import link_problem_page, status_page
from .storage import Added, LeadStore, NewLead, StoreBusy, StoredLead, TokenSpent
from .tokens import FormTokens
from .verdict import DELIVER, judge

log = logging.getLogger("intake.app")

ACCEPTED_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
Clock = Callable[[], float]
# A status page's address is a key to the lead: never sent to another site as a Referer, never indexed.
# (same-origin, not no-referrer: with no-referrer the page's own button would post with "Origin: null".)
PRIVATE_PAGE = {"Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex, nofollow"}
TOO_LARGE = "Your message is too long to send. Please shorten it and try again."
# Refusals of a post whose fields cannot be read back: their page cannot keep what was typed.
UNREADABLE = (400, 413, 415)


class Refusal(Exception):
    """A request we answer with a 4xx/5xx and a sentence the visitor can act on."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class IntakeApp:
    def __init__(
        self,
        settings: IntakeSettings,
        store: LeadStore | None = None,
        site: SiteContent | None = None,
        worker: DeliveryWorker | None = None,
    ):
        self.settings = settings
        self.store = store or LeadStore(settings.database)
        self.store.migrate()
        self.site = site or SiteContent(settings.content_path, settings.output_path)
        self.limiter = RateLimiter(settings.rate_limit_posts, settings.rate_limit_window)
        self.tokens = FormTokens(
            settings.secret, settings.token_max_age, settings.min_fill_seconds, clock=self.store.clock
        )
        self.links = StatusLinks(settings.secret, settings.site_origin, settings.status_link_days, self.store.clock)
        # From the policy itself, never from a file the build may not have written: every answer
        # carries the headers. The intake is the form's backend, so form-action is 'self'.
        self.header_rules = header_rules(ContactBackend())
        # One byte more than allowed is read, so a body without a length (chunked) that is too large
        # is seen to be too large instead of being cut at the limit.
        self.request_class = type(
            "IntakeRequest",
            (Request,),
            {"max_content_length": settings.max_body_bytes + 1, "max_form_memory_size": settings.max_body_bytes},
        )
        self.worker = worker or DeliveryWorker(self.store, settings, self.site)
        self.urls = Map(
            [
                Rule("/api/contact", endpoint="contact", methods=["POST"]),
                Rule("/api/contact/token", endpoint="token", methods=["GET"]),
                Rule("/api/contact/receipt/<token>", endpoint="receipt", methods=["GET"]),
                Rule("/api/leads/status/<token>", endpoint="status", methods=["GET", "POST"]),
                Rule("/api/health", endpoint="health", methods=["GET"]),
            ],
            strict_slashes=False,
        )
        # Behind nginx/Caddy the client's address is in X-Forwarded-For, set by the trusted proxies.
        trusted = settings.trusted_proxies
        self._warned_proxy = False
        self._wsgi = ProxyFix(self._handle, x_for=trusted, x_proto=trusted) if trusted else self._handle

    # --- WSGI ------------------------------------------------------------------

    def __call__(self, environ, start_response):
        return self._wsgi(environ, start_response)

    def _handle(self, environ, start_response):
        request = self.request_class(environ)
        began = time.perf_counter()
        try:
            endpoint, arguments = self.urls.bind_to_environ(environ).match()
            response = getattr(self, f"on_{endpoint}")(request, **arguments)
        except Refusal as refusal:
            response = self.refusal_response(request, refusal)
        except MethodNotAllowed as error:
            allow = ", ".join(error.valid_methods or [])
            response = self.refusal_response(
                request, Refusal(405, "This address does not accept that method.", {"Allow": allow})
            )
        except NotFound:
            response = self.refusal_response(request, Refusal(404, "There is nothing at this address."))
        except HTTPException as error:
            response = self.refusal_response(request, Refusal(error.code or 400, "The request could not be read."))
        except Exception:
            log.exception("unexpected error", extra={"event": "internal_error", "path": request.path})
            response = self.refusal_response(
                request,
                Refusal(500, "Something went wrong on our side. Nothing was stored; please try again in a minute."),
            )
        for name, value in headers_for(self.header_rules, request.path).items():
            response.headers.setdefault(name, value)
        response.headers["Cache-Control"] = "no-store"
        log.info(
            "request",
            extra={
                "event": "request",
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "ms": round((time.perf_counter() - began) * 1000, 1),
            },
        )
        return response(environ, start_response)

    # --- endpoints ----------------------------------------------------------------

    def on_health(self, request: Request) -> Response:
        try:
            body = {
                "status": "ok",
                "schema": self.store.schema_version(),
                "pending_deliveries": self.store.pending_count(),
                "held_for_review": self.store.held_count(),
                "smtp": "configured" if self.worker.transport is not None else "not configured",
            }
        except sqlite3.Error:
            log.exception("health check: database unavailable", extra={"event": "health_failed"})
            return _json({"status": "unavailable"}, 503)
        return _json(body)

    def on_token(self, request: Request) -> Response:
        return _json({"token": self.tokens.issue(self._origin(request))})

    def on_contact(self, request: Request) -> Response:
        wants_json = _wants_json(request)
        client = self._check_rate(request)
        self._check_request(request)
        formdata = normalise_form(self._read_form(request))
        form = self.site.form(formdata)
        if not form.validate():
            log.info("invalid post", extra={"event": "lead_invalid", "fields": sorted(form.errors)})
            if wants_json:
                return _json({"status": "invalid", "errors": form.errors}, 422)
            page = self.site.contact_page_with_errors(form)
            return Response(page, 422, content_type="text/html; charset=utf-8")
        # The other kind of inquiry's questions are neither stored nor sent (without JavaScript they were on the page).
        kind = form.enquiry_kind.data
        fields = {field.name: formdata.get(field.name, "") if asked(field, kind) else "" for field in form}
        added = self._accept(fields, self._origin(request), client)
        stored = added.lead
        if stored.verdict == DELIVER and not added.duplicate:
            self.worker.wake()
        log.info(
            "lead stored",
            extra={
                "event": "lead_duplicate" if added.duplicate else f"lead_{stored.status}",
                "lead": stored.reference,
                "partner": stored.partner_slug,
                "rule": stored.route_rule,
                "verdict": stored.verdict,
                "score": stored.spam_score,
                "signals": list(stored.spam_signals),
            },
        )
        # Held and dropped posts get the answer a person gets: a program learns nothing from it.
        receipt = self.links.receipt(stored.public_id)
        if wants_json:
            body = {
                "status": "received",
                "reference": stored.reference,
                "partner": stored.partner_name,
                "promise": self._promise(stored),
                "receipt": receipt,
            }
            return _json(body, 201)
        thanks = THANKS_PAGES.get(kind, THANKS_PAGES["leadership"])
        return Response("", 303, headers={"Location": f"{thanks}?receipt={receipt}"})

    def on_receipt(self, request: Request, token: str) -> Response:
        """What the thanks page shows: the reference and, for a lead on its way, who calls by when."""
        try:
            lead = self.store.lead_by_public_id(self.links.read_receipt(token))
        except (LinkExpired, LinkInvalid):
            lead = None
        if lead is None:
            raise Refusal(404, "There is nothing at this address.")
        body = {"reference": lead.reference}
        promised = self._promise(lead)
        if promised:
            partner = self.site.partner(lead.partner_slug)
            head_office = self.site.directory.head_office
            body.update(
                promise=promised,
                partner={"name": partner.name, "phone": partner.phone, "url": partner.url},
                if_nobody_calls=(
                    f"If nobody has been in touch by then, reply to the e-mail we sent you, or contact our head "
                    f"office at {head_office.email} or {head_office.phone}, quoting {lead.reference}."
                ),
            )
        return _json(body)

    def on_status(self, request: Request, token: str) -> Response:
        """A partner's status link: GET shows the lead and a button, the button's POST records the status."""
        try:
            link = self.links.read_status(token)
            lead = self.store.lead_by_public_id(link.lead)
        except (LinkExpired, LinkInvalid) as problem:
            return self._status_problem(isinstance(problem, LinkExpired))
        if lead is None or lead.status in ("held", "spam"):
            return self._status_problem(expired=False)
        if request.method == "POST":
            if not origin_allowed(
                request.headers.get("Origin"), request.headers.get("Referer"), self.settings.allowed_origins
            ):
                raise Refusal(403, "This page only accepts its own buttons.")
            try:
                lead, changed = self.store.set_status(lead.id, link.status, link.actor, "with the link in the e-mail")
            except StoreBusy:
                raise Refusal(
                    503, "The database is busy. Please press the button again in a minute.", {"Retry-After": "10"}
                ) from None
            facts = {"lead": lead.reference, "status": link.status, "changed": changed, "by": link.actor}
            log.info("status recorded", extra={"event": "status_changed", **facts})
            return Response("", 303, headers={"Location": f"{request.path}?recorded=1"})
        partner = self.site.partner(lead.partner_slug)
        title, main = status_page(
            lead, self.store.events(lead.id), partner, self.links, link.status, link.actor, "recorded" in request.args
        )
        response = Response(self.site.page(title, main), 200, content_type="text/html; charset=utf-8")
        response.headers.update(PRIVATE_PAGE)
        return response

    def _status_problem(self, expired: bool) -> Response:
        title, main, status = link_problem_page(expired)
        response = Response(self.site.page(title, main), status, content_type="text/html; charset=utf-8")
        response.headers.update(PRIVATE_PAGE)
        return response

    def _promise(self, lead: StoredLead) -> str | None:
        if lead.verdict != DELIVER and lead.status in ("held", "spam"):
            return None
        return promise(lead, self.site.partner(lead.partner_slug))

    def _accept(self, fields: dict[str, str], origin: str, client: str) -> Added:
        """Judge the post and store it (or merge it into the lead it repeats)."""
        token = self.tokens.check(fields.get("started", ""), origin)
        recipient = self.site.recipient_for(fields)
        evidence = {
            "other_senders": self.store.other_senders(fields, SAME_BODY_DAYS),
            "busy_client": self.limiter.recent(client) > self.settings.rate_limit_posts // 2,
        }
        verdict = judge(fields, token.signal, **evidence)
        spend = (token.nonce, token.expires_at) if token.nonce else None
        try:
            return self._store(NewLead(fields, recipient, verdict), spend)
        except TokenSpent:
            verdict = judge(fields, token.signal, reused=True, **evidence)
            return self._store(NewLead(fields, recipient, verdict), None)

    # --- the checks, in the order they run -----------------------------------------------

    def _check_rate(self, request: Request) -> str:
        """The hard limit (429); returns the client's key for the verdict's rate signal."""
        if not self.settings.trusted_proxies and "X-Forwarded-For" in request.headers and not self._warned_proxy:
            self._warned_proxy = True
            log.warning(
                "requests come through a proxy but INTAKE_TRUSTED_PROXIES is 0: every visitor shares the "
                "proxy's address, and so one rate limit; set INTAKE_TRUSTED_PROXIES=1",
                extra={"event": "proxy_not_trusted"},
            )
        client = request.remote_addr or "unknown"
        retry_after = self.limiter.hit(client)
        if retry_after:
            log.warning("rate limited", extra={"event": "rate_limited"})
            minutes = max(1, math.ceil(retry_after / 60))
            wait = "a minute" if minutes == 1 else f"{minutes} minutes"
            raise Refusal(
                429,
                f"You have sent several messages in a short time. Please wait {wait} and send it again.",
                {"Retry-After": str(int(retry_after) + 1)},
            )
        return client

    def _check_request(self, request: Request) -> None:
        if request.content_length is not None and request.content_length > self.settings.max_body_bytes:
            raise Refusal(413, TOO_LARGE, {"Connection": "close"})
        if request.mimetype not in ACCEPTED_TYPES:
            raise Refusal(415, "The form must be sent as a web form (urlencoded or multipart).")
        allowed = self.settings.allowed_origins
        if not origin_allowed(request.headers.get("Origin"), request.headers.get("Referer"), allowed):
            log.warning("foreign origin", extra={"event": "origin_refused"})
            raise Refusal(403, "This form only accepts messages sent from our own website.")

    def _read_form(self, request: Request) -> MultiDict:
        """The posted fields, refusing bytes that are not UTF-8 instead of guessing at them."""
        try:
            body = request.get_data(cache=True, parse_form_data=False)
        except RequestEntityTooLarge:
            raise Refusal(413, TOO_LARGE, {"Connection": "close"}) from None
        if len(body) > self.settings.max_body_bytes:
            # A chunked body has no length to check beforehand: it was read to one byte past the limit.
            raise Refusal(413, TOO_LARGE, {"Connection": "close"})
        try:
            text = body.decode("utf-8")
            if request.mimetype == "application/x-www-form-urlencoded":
                return MultiDict(parse_qsl(text, keep_blank_values=True, errors="strict", max_num_fields=200))
        except UnicodeDecodeError:
            raise Refusal(400, "The form was sent in an encoding other than UTF-8.") from None
        except ValueError:
            raise Refusal(400, "The form has too many fields.") from None
        try:
            return MultiDict(request.form)
        except RequestEntityTooLarge:
            raise Refusal(413, TOO_LARGE, {"Connection": "close"}) from None

    def _origin(self, request: Request) -> str:
        """The origin of the page a request came from (Origin, else Referer), else the site's own."""
        for header in ("Origin", "Referer"):
            origin = origin_of(request.headers.get(header, ""))
            if origin:
                return origin
        return self.settings.site_origin

    def _store(self, lead: NewLead, token: tuple[str, float] | None) -> Added:
        """Store the lead, waiting at most INTAKE_BUSY_SECONDS for the database; else 503, nothing stored.

        A lead on its way gets its deadlines now, from its partner's business hours.
        """
        deliveries = []
        if lead.verdict.outcome == DELIVER:
            deliveries.append(("partner", lead.recipient.email))
            if self.settings.acknowledge and self.worker.transport is not None:
                deliveries.append(("acknowledgement", lead.fields["email"].strip()))
            hours = self.site.partner(lead.recipient.slug).hours
            settings = self.settings
            deadlines = deadlines_for(hours, self.store.clock(), settings.first_response_hours, settings.escalate_hours)
            lead = NewLead(lead.fields, lead.recipient, lead.verdict, deadlines)
        try:
            return self.store.add_lead(lead, deliveries, token=token, wait=self.settings.busy_seconds)
        except StoreBusy:
            log.warning("database busy: post answered 503", extra={"event": "db_busy"})
            raise Refusal(
                503,
                "We are receiving many messages right now and could not store yours. Please send it again in a "
                "minute: nothing was stored.",
                {"Retry-After": str(max(int(self.settings.busy_seconds * 2), 5))},
            ) from None

    # --- answers ------------------------------------------------------------------------

    def refusal_response(self, request: Request, refusal: Refusal) -> Response:
        """JSON for scripts; for a person's form post (contact form, status button) a page in the site's layout."""
        if _wants_json(request) or request.method != "POST":
            response = _json({"status": "error", "error": refusal.message}, refusal.status)
        elif request.path.startswith(STATUS_PATH):
            page = self.site.page("Nothing was recorded", Markup("<p>{}</p>").format(refusal.message))
            response = Response(page, refusal.status, content_type="text/html; charset=utf-8")
        elif request.path.startswith("/api/contact"):
            response = Response(
                self._refusal_page(request, refusal), refusal.status, content_type="text/html; charset=utf-8"
            )
        else:
            response = _json({"status": "error", "error": refusal.message}, refusal.status)
        response.headers.update(refusal.headers)
        return response

    def _refusal_page(self, request: Request, refusal: Refusal) -> str:
        """The contact page again, with what the visitor typed and why it was not sent at the top; a page
        in the site's layout when the post itself cannot be read (too large, not a form, not UTF-8)."""
        if request.path == "/api/contact" and request.mimetype in ACCEPTED_TYPES and refusal.status not in UNREADABLE:
            try:
                form = self.site.form(normalise_form(self._read_form(request)))
            except Refusal:
                form = None
            if form is not None:
                return self.site.contact_page_refused(form, refusal.message)
        return self.site.page("Your message was not sent", self.site.refusal_body(refusal.message))

    def close(self) -> None:
        self.worker.stop()
        self.store.close()


def _wants_json(request: Request) -> bool:
    return request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json"


def _json(body: dict, status: int = 200) -> Response:
    return Response(json.dumps(body), status, content_type="application/json")


def create_app(
    settings: IntakeSettings | None = None, *, start_worker: bool | None = None, clock: Clock | None = None
) -> IntakeApp:
    """The WSGI application, ready to serve: settings from the environment, schema migrated, worker started.

    `clock`: where time comes from (time.time; tests pass one they move).
    """
    configure_logging()
    settings = settings or load_settings()
    app = IntakeApp(settings, store=LeadStore(settings.database, clock=clock or time.time))
    if settings.run_worker if start_worker is None else start_worker:
        app.worker.start()
    return app
