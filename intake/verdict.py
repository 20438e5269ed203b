"""The spam verdict: every signal a post shows, its score, and what happens to the lead.

Layers, each adding weight (intake/spam_rules.py holds the numbers and words):
the honeypot; the form token (missing, forged, too fast, stale, reused, for
another origin); the content (web addresses or markup in the name or company,
link-heavy or link-only messages, the same message from several addresses,
spam phrases, random letters); and the rate of posts from one client.

The outcome is `deliver`, `hold` (for the head office: `invoke leads --held`,
`lead-release`, `lead-reject`) or `drop` (stored, never sent). A post is only
dropped when a program's fingerprints are on it; anything a person might have
written is at worst held.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from . import spam_rules as rules

DELIVER, HOLD, DROP = "deliver", "hold", "drop"

_EMAIL = re.compile(r"\S+@\S+")
_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_DOMAIN = re.compile(
    r"\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:" + "|".join(rules.DOMAIN_ENDINGS) + r")\b(?:/\S*)?",
    re.IGNORECASE,
)
_MARKUP = re.compile(
    r"<\s*(?:script|iframe|a|img|object|embed|style|form|meta|link|svg)\b|\[/?(?:url|link|img)\b|javascript:"
    r"|\bon[a-z]+\s*=",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?[a-z][a-z0-9]*\b[^>]*>", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{6,}")
_REPEATED_CHUNK = re.compile(r"(.{2,4})\1+.{0,3}")
_KEYBOARD_ROWS = ("qwert", "werty", "asdf", "sdfg", "dfgh", "fghj", "hjkl", "zxcv", "xcvb", "cvbn")


@dataclass(frozen=True)
class Verdict:
    score: int
    signals: tuple[str, ...] = field(default_factory=tuple)
    outcome: str = DELIVER

    @property
    def reasons(self) -> list[str]:
        """The signals in words, for people (review list, logs)."""
        return [describe(signal) for signal in self.signals]


def describe(signal: str) -> str:
    name, _, detail = signal.partition(":")
    if name.startswith("phrases"):
        return f"spam phrases ({detail})"
    return rules.DESCRIPTIONS.get(name, name)


def weight(signal: str) -> int:
    return rules.WEIGHTS.get(signal.partition(":")[0], 0)


def outcome_for(signals: list[str]) -> Verdict:
    score = sum(weight(signal) for signal in signals)
    machine = any(signal in rules.MACHINE_SIGNALS for signal in signals)
    if score >= rules.DROP_AT and machine:
        outcome = DROP
    elif score >= rules.HOLD_AT:
        outcome = HOLD
    else:
        outcome = DELIVER
    return Verdict(score, tuple(signals), outcome)


def judge(
    fields: dict[str, str],
    token_signal: str = "",
    *,
    reused: bool = False,
    other_senders: int = 0,
    busy_client: bool = False,
) -> Verdict:
    """The verdict on one post.

    `fields`: the posted values (normalised); `token_signal`: intake.tokens' finding ("" when the
    token is fine); `reused`: the token was already spent on another message; `other_senders`:
    other addresses that sent this message body lately; `busy_client`: this client sent more than
    half the posts the rate limit allows within its window.
    """
    signals: list[str] = []
    if fields.get("website", "").strip():
        signals.append("honeypot")
    if reused:
        signals.append("token-reused")
    elif token_signal:
        signals.append(token_signal)
    signals += content_signals(fields)
    if other_senders > 0:
        signals.append("same-body")
    if busy_client:
        signals.append("rate")
    return outcome_for(signals)


def content_signals(fields: dict[str, str]) -> list[str]:
    name, company, message = (fields.get(key, "") for key in ("name", "company", "message"))
    found = []
    if _LINK.search(name):
        found.append("link-in-name")
    elif _DOMAIN.search(_EMAIL.sub(" ", name)):
        found.append("domain-in-name")
    if _LINK.search(company):
        found.append("link-in-company")
    every_field = " ".join(value for key, value in fields.items() if key not in ("started", "quiz_answers"))
    if _MARKUP.search(every_field):
        found.append("markup")
    elif _TAG.search(every_field):
        found.append("html-tags")
    found += _link_signals(message)
    found += _phrase_signals(" ".join((name, company, message)))
    if _gibberish(name, company, message):
        found.append("gibberish")
    return found


def _links(text: str) -> list[str]:
    text = _EMAIL.sub(" ", text)
    links = _LINK.findall(text)
    rest = _LINK.sub(" ", text)
    return links + _DOMAIN.findall(rest)


def _link_signals(message: str) -> list[str]:
    links = _links(message)
    found = []
    if len(links) >= 5:
        found.append("links-in-message-5")
    elif len(links) >= 3:
        found.append("links-in-message-3")
    elif len(links) == 2:
        found.append("links-in-message-2")
    if links:
        words_outside = _WORD.findall(_LINK.sub(" ", _DOMAIN.sub(" ", message)))
        if len(words_outside) < 8:
            found.append("mostly-a-link")
    return found


def _phrase_signals(text: str) -> list[str]:
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    found = []
    for category, phrases in rules.PHRASES.items():
        hits = {phrase for phrase in phrases if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded)}
        if hits:
            found.append(f"{'phrases-2' if len(hits) >= 2 else 'phrases-1'}:{category}")
    return found


def _random_word(word: str) -> bool:
    lower = word.lower()
    if len(lower) < 6 or not lower.isascii():
        return False
    vowels = sum(letter in "aeiouy" for letter in lower)
    case_switches = sum(1 for a, b in zip(word, word[1:], strict=False) if a.islower() and b.isupper())
    return (
        vowels == 0  # a low share alone is a name like Schmidt
        or bool(_CONSONANT_RUN.search(lower))
        or bool(_REPEATED_CHUNK.fullmatch(lower))
        or any(row in lower for row in _KEYBOARD_ROWS)
        or case_switches >= 3
    )


def _gibberish(name: str, company: str, message: str) -> bool:
    """Random letters in the name or company, or a message made mostly of them."""
    if any(_random_word(word) for word in _WORD.findall(f"{name} {company}")):
        return True
    long_words = [word for word in _WORD.findall(message) if len(word) >= 6]
    random_words = [word for word in long_words if _random_word(word)]
    return len(random_words) >= 2 and len(random_words) * 2 >= len(long_words)
