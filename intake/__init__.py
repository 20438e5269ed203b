"""The lead intake: receives the contact form's posts and makes sure each lead reaches its partner.

A small WSGI application (`intake.app.create_app`) beside the static site, on
the same origin under /api/. It validates with the same WTForms ContactForm the
build rendered, stores every lead in SQLite together with an outbox row in one
transaction, and a delivery worker e-mails the partner the lead was routed to,
retrying until the SMTP server accepts the message. See docs/intake.md.
"""
