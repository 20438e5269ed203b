"""The spam verdict's weights, thresholds and phrase lists: data only (intake/verdict.py reads them).

Each signal found in a post adds its weight to the post's score. Below HOLD_AT the
lead is delivered; from HOLD_AT it is held for the head office to review; from
DROP_AT it is dropped, but only when a signal no person can produce is among the
reasons (MACHINE_SIGNALS). Content alone never drops a lead: a person may write
anything, and is then held, never silently lost. docs/intake.md records what this
gives on the test corpus (tests/intake/corpus/).
"""

from __future__ import annotations

HOLD_AT = 3
DROP_AT = 7

WEIGHTS: dict[str, int] = {
    # what only a program does
    "honeypot": 5,  # the field people never see was filled
    "token-forged": 5,  # a token we did not sign, or one edited
    "token-other-origin": 4,  # signed for a page on another origin
    "token-too-fast": 4,  # sent within INTAKE_MIN_FILL_SECONDS of the first keystroke
    "token-reused": 4,  # a token already spent on a different message
    # what a person may also do
    "token-stale": 2,  # older than INTAKE_TOKEN_MAX_AGE: the tab stayed open, or a harvested token
    "token-missing": 1,  # no JavaScript, or a script posting directly
    "link-in-name": 4,
    "domain-in-name": 3,
    "link-in-company": 3,
    "markup": 4,  # <script>, <a href>, <iframe>, [url=...]: written for a web page, not a reader
    "html-tags": 2,
    "links-in-message-2": 1,
    "links-in-message-3": 3,
    "links-in-message-5": 4,
    "mostly-a-link": 2,  # a short message that is mainly an address
    "same-body": 3,  # the same message (40+ characters) came from another address within SAME_BODY_DAYS
    "gibberish": 3,
    "rate": 2,  # more than half of INTAKE_RATE_LIMIT_POSTS from this client within the window (the hard limit: 429)
    "phrases-1": 2,  # one phrase of a spam category (per category)
    "phrases-2": 3,  # two or more phrases of one category
}

MACHINE_SIGNALS = frozenset({"honeypot", "token-forged", "token-other-origin", "token-too-fast", "token-reused"})

# How each signal reads in `invoke leads`, the review list and the logs.
DESCRIPTIONS: dict[str, str] = {
    "honeypot": "the hidden field was filled",
    "token-forged": "forged or edited form token",
    "token-other-origin": "form token from another site",
    "token-too-fast": "sent seconds after the form was opened",
    "token-reused": "form token already used for another message",
    "token-stale": "form token expired (page open for hours)",
    "token-missing": "no form token (no JavaScript)",
    "link-in-name": "a web address in the name",
    "domain-in-name": "a domain name in the name",
    "link-in-company": "a web address in the company",
    "markup": "script or link markup in a field",
    "html-tags": "HTML tags in a field",
    "links-in-message-2": "two web addresses in the message",
    "links-in-message-3": "three or more web addresses in the message",
    "links-in-message-5": "five or more web addresses in the message",
    "mostly-a-link": "the message is mostly a web address",
    "same-body": "the same message came from another address",
    "gibberish": "random letters",
    "rate": "many messages from one connection",
}

SAME_BODY_MIN_CHARACTERS = 40
SAME_BODY_DAYS = 7

# Phrases by category, matched case-insensitively on word boundaries in name, company and message.
# A category counts once (phrases-1 or phrases-2); a person who mentions one word of one category
# stays below HOLD_AT with a token.
PHRASES: dict[str, tuple[str, ...]] = {
    "seo offer": (
        "seo services", "seo service", "seo expert", "seo agency", "backlink", "backlinks", "link building",
        "rank your website", "rank your site", "first page of google", "page 1 of google", "top of google",
        "guest post", "guest posting", "domain authority", "website traffic", "organic traffic",
        "increase your traffic", "boost your traffic", "google ranking", "google rankings",
    ),
    "marketing offer": (
        "i noticed your website", "i was checking your website", "i came across your website",
        "visited your website", "your website could", "redesign your website", "web design services",
        "app development services", "lead generation services", "appointment setting", "can i send you",
        "email list", "verified emails", "decision makers list", "white label", "virtual assistant services",
        "we can help you get more", "guaranteed results", "unsubscribe", "reply stop", "opt out",
        "limited time offer", "special offer",
    ),
    "crypto or money": (
        "bitcoin", "btc", "crypto", "cryptocurrency", "ethereum", "usdt", "forex", "binary options",
        "investment opportunity", "passive income", "double your money", "trading bot", "airdrop",
        "crypto wallet", "nft", "loan offer", "business loan", "merchant cash advance", "funding approved",
        "earn money online", "make money online", "returns guaranteed",
    ),
    "pharma, adult or gambling": (
        "viagra", "cialis", "online pharmacy", "casino", "betting", "porn", "adult dating", "hot singles",
        "cbd oil", "replica watches", "escort",
    ),
}  # fmt: skip

# Top-level domains a bare "name.tld" is read as a web address for (a name or company is not a URL).
DOMAIN_ENDINGS = (
    "com", "net", "org", "io", "co", "biz", "info", "xyz", "top", "site", "online", "shop", "store", "ru",
    "cn", "us", "me", "app", "dev", "club", "live", "pro", "vip", "win", "link", "click", "buzz", "icu",
)  # fmt: skip
