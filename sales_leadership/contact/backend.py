"""Where the contact form posts: the CONTACT_BACKEND setting, read once, used by the form and the CSP.

| mode      | what happens                                                           |
| `intake`  | the bundled lead intake on the same origin (`url`, default /api/contact) |
| `url`     | any form service at `url`                                              |
| `netlify` | Netlify Forms                                                          |
| `mailto`  | no server: the visitor's mail program, addressed to the routed partner |

The form's attributes and the Content-Security-Policy's `form-action` both come
from one `ContactBackend`, so the page can never post where the policy forbids.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

MODES = ("intake", "url", "netlify", "mailto")
INTAKE_URL = "/api/contact"
NETLIFY_FORM_NAME = "contact"
# The page after a message is sent, per `enquiry_kind` (pages of the build: content/pages/contact-thanks*.md).
THANKS_PAGES = {"leadership": "/contact/thanks/", "partner": "/contact/thanks/application/"}
HONEYPOT = "website"
DEFAULT_SUBJECT = "Inquiry from the website"


class BackendError(ValueError):
    """CONTACT_BACKEND cannot be used; str() names the key and the fix."""


@dataclass(frozen=True)
class ContactBackend:
    mode: str = "intake"
    url: str = INTAKE_URL
    to: str = ""  # mailto: the fallback address when no partner is routed yet
    subject: str = DEFAULT_SUBJECT

    @classmethod
    def from_setting(cls, value: dict | None, fallback_email: str = "") -> ContactBackend:
        value = dict(value or {"mode": "intake"})
        mode = value.get("mode", "intake")
        if mode not in MODES:
            raise BackendError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
        url = value.get("url") or ""
        if mode == "intake":
            url = url or INTAKE_URL
        if mode == "url":
            parts = urlsplit(url)
            if not (parts.scheme in ("http", "https") and parts.netloc) and not url.startswith("/"):
                raise BackendError("mode 'url' needs a 'url': the address of the form endpoint to post to")
        to = value.get("to") or fallback_email
        if mode == "mailto" and not to:
            raise BackendError("mode 'mailto' needs a 'to' address (or the organisation's e-mail)")
        return cls(mode, url, to, value.get("subject") or DEFAULT_SUBJECT)

    @classmethod
    def from_site_settings(cls, settings) -> ContactBackend:
        """From the site's settings (`CONTACT_BACKEND`, with `ORGANIZATION["email"]` as mailto's fallback)."""
        return cls.from_setting(settings.get("CONTACT_BACKEND"), (settings.get("ORGANIZATION") or {}).get("email", ""))

    def form_attributes(self) -> dict[str, str]:
        """The <form>'s own attributes for this backend."""
        attributes = {"data-backend": self.mode}
        if self.mode == "intake":
            attributes["action"] = self.url
            attributes["data-token-url"] = self.url.rstrip("/") + "/token"
        elif self.mode == "url":
            attributes["action"] = self.url
        elif self.mode == "netlify":
            # Netlify answers a successful post with the page named in `action`.
            attributes.update(
                {
                    "action": THANKS_PAGES["leadership"],
                    "name": NETLIFY_FORM_NAME,
                    "data-netlify": "true",
                    "netlify-honeypot": HONEYPOT,
                }
            )
        else:  # mailto: the script addresses the routed partner; this is the fallback.
            attributes["action"] = f"mailto:{self.to}?subject={quote(self.subject)}"
            attributes["enctype"] = "text/plain"
            attributes["data-mailto-subject"] = self.subject
        return attributes

    def form_action_sources(self) -> list[str]:
        """The CSP `form-action` sources: only where this backend posts."""
        if self.mode == "mailto":
            return ["'self'", "mailto:"]
        parts = urlsplit(self.url)
        if self.mode == "url" and parts.netloc:
            return ["'self'", f"{parts.scheme}://{parts.netloc}"]
        return ["'self'"]
