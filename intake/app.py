"""The intake's WSGI application: /api/contact, /api/contact/token and /api/health.

`create_app()` reads the settings from the environment, migrates the database
and starts the delivery worker; gunicorn runs it as `intake.app:create_app()`.
Every answer is a clear status with a short explanation (JSON for `fetch`, a
page for a plain form post); no exception text ever reaches a client.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from urllib.parse import parse_qsl

from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound, RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from sales_leadership.contact.backend import ContactBackend
from sales_leadership.headers.policy import header_rules, headers_for

from .abuse import RateLimiter, origin_allowed
from .config import IntakeSettings, load_settings
from .delivery import DeliveryWorker
from .logs import configure_logging
from .site import SiteContent
from .storage import LeadStore, NewLead
from .tokens import check_token, issue_token

log = logging.getLogger("intake.app")

ACCEPTED_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
THANKS_URL = "/contact/thanks/"
STORE_ATTEMPTS = 4


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
        # From the policy itself, never from a file the build may not have written: every answer
        # carries the headers. The intake is the form's backend, so form-action is 'self'.
        self.header_rules = header_rules(ContactBackend())
        self.request_class = type(
            "IntakeRequest",
            (Request,),
            {"max_content_length": settings.max_body_bytes, "max_form_memory_size": settings.max_body_bytes},
        )
        self.worker = worker or DeliveryWorker(self.store, settings, self.site.choices)
        self.urls = Map(
            [
                Rule("/api/contact", endpoint="contact", methods=["POST"]),
                Rule("/api/contact/token", endpoint="token", methods=["GET"]),
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
            endpoint, _ = self.urls.bind_to_environ(environ).match()
            response = getattr(self, f"on_{endpoint}")(request)
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
                "smtp": "configured" if self.worker.transport is not None else "not configured",
            }
        except sqlite3.Error:
            log.exception("health check: database unavailable", extra={"event": "health_failed"})
            return _json({"status": "unavailable"}, 503)
        return _json(body)

    def on_token(self, request: Request) -> Response:
        return _json({"token": issue_token(self.settings.secret)})

    def on_contact(self, request: Request) -> Response:
        wants_json = _wants_json(request)
        self._check_rate(request)
        self._check_request(request)
        formdata = self._read_form(request)
        form = self.site.form(formdata)
        if not form.validate():
            log.info("invalid post", extra={"event": "lead_invalid", "fields": sorted(form.errors)})
            if wants_json:
                return _json({"status": "invalid", "errors": form.errors}, 422)
            page = self.site.contact_page_with_errors(form)
            return Response(page, 422, content_type="text/html; charset=utf-8")
        fields = {field.name: formdata.get(field.name, "") for field in form}
        lead = NewLead(fields, self.site.recipient_for(fields), self._spam_reason(formdata))
        stored = self._store(lead)
        if not lead.is_spam:
            self.worker.wake()
        log.info(
            "lead stored",
            extra={
                "event": "lead_spam" if lead.is_spam else "lead_received",
                "lead": stored.public_id,
                "partner": stored.partner_slug,
                "rule": stored.route_rule,
                "spam_reason": stored.spam_reason,
            },
        )
        if wants_json:
            return _json({"status": "received", "reference": stored.public_id, "partner": stored.partner_name}, 201)
        return Response("", 303, headers={"Location": THANKS_URL})

    # --- the checks, in the order they run -----------------------------------------------

    def _check_rate(self, request: Request) -> None:
        if not self.settings.trusted_proxies and "X-Forwarded-For" in request.headers and not self._warned_proxy:
            self._warned_proxy = True
            log.warning(
                "requests come through a proxy but INTAKE_TRUSTED_PROXIES is 0: every visitor shares the "
                "proxy's address, and so one rate limit; set INTAKE_TRUSTED_PROXIES=1",
                extra={"event": "proxy_not_trusted"},
            )
        retry_after = self.limiter.hit(request.remote_addr or "unknown")
        if retry_after:
            log.warning("rate limited", extra={"event": "rate_limited"})
            raise Refusal(
                429,
                "You have sent several messages in a short time. Please wait a few minutes and try again.",
                {"Retry-After": str(int(retry_after) + 1)},
            )

    def _check_request(self, request: Request) -> None:
        if request.content_length is not None and request.content_length > self.settings.max_body_bytes:
            raise Refusal(413, "Your message is too long to send. Please shorten it and try again.")
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
            raise Refusal(413, "Your message is too long to send. Please shorten it and try again.") from None
        if len(body) > self.settings.max_body_bytes:
            raise Refusal(413, "Your message is too long to send. Please shorten it and try again.")
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
            raise Refusal(413, "Your message is too long to send. Please shorten it and try again.") from None

    def _spam_reason(self, formdata: MultiDict) -> str:
        if formdata.get("website", "").strip():
            return "honeypot"
        return check_token(
            self.settings.secret, formdata.get("started", ""), self.settings.min_fill_seconds
        ).spam_reason

    def _store(self, lead: NewLead):
        """Store the lead; a busy database is waited for, never reported to the visitor as 'locked'."""
        deliveries = [] if lead.is_spam else [("partner", lead.recipient.email)]
        if deliveries and self.settings.acknowledge:
            deliveries.append(("acknowledgement", lead.fields["email"].strip()))
        for attempt in range(STORE_ATTEMPTS):
            try:
                return self.store.add_lead(lead, deliveries)
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
                log.warning("database busy, retrying", extra={"event": "db_busy", "attempt": attempt + 1})
        raise Refusal(
            503, "We are receiving many messages right now. Please try again in a minute.", {"Retry-After": "30"}
        )

    # --- answers ------------------------------------------------------------------------

    def refusal_response(self, request: Request, refusal: Refusal) -> Response:
        if _wants_json(request) or not request.path.startswith("/api/contact") or request.method != "POST":
            response = _json({"status": "error", "error": refusal.message}, refusal.status)
        else:
            page = self.site.page("Your message was not sent", self.site.refusal_body(refusal.message))
            response = Response(page, refusal.status, content_type="text/html; charset=utf-8")
        response.headers.update(refusal.headers)
        return response

    def close(self) -> None:
        self.worker.stop()
        self.store.close()


def _wants_json(request: Request) -> bool:
    return request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json"


def _json(body: dict, status: int = 200) -> Response:
    return Response(json.dumps(body), status, content_type="application/json")


def create_app(settings: IntakeSettings | None = None, *, start_worker: bool | None = None) -> IntakeApp:
    """The WSGI application, ready to serve: settings from the environment, schema migrated, worker started."""
    configure_logging()
    settings = settings or load_settings()
    app = IntakeApp(settings)
    if settings.run_worker if start_worker is None else start_worker:
        app.worker.start()
    return app
