"""Proof that the network delivers: case studies and testimonials, as content an editor writes.

A case study is `content/case-studies/<slug>.md`, a metadata header and a body that tells what
was done in the first 90 days:

    Title: From owner-led selling to a team that forecasts
    Description: How a part-time sales manager gave a family-owned HVAC distributor ...
    Role: part-time                                   (a role id: interim, part-time, ...)
    Company: Family-owned HVAC distributor, 35 employees   (a profile, never a name)
    Situation: The owner still closed most large deals ...
    Results:
        +22%: new-business revenue in the first year      (one per line: figure, then what it measures)
        4 of 5: salespeople meeting their activity targets
    Quote: I finally know what the next quarter looks like.
    Quote-by: Owner and CEO
    Partner: denver                                   (optional: the partner who did the work)
    Sample: yes                                       (sample content, to replace before going live)

A testimonial is `content/testimonials/<slug>.md`: the short quote is the body; the header says
who said it (their role, never their name) and about what kind of company:

    Quote-by: Owner and CEO
    Company: Commercial cleaning company, 6 salespeople
    Role: part-time                                   (optional: the role they worked with)
    Partner: denver                                   (optional: shown on that partner's profile)
    Sample: yes

Everything is checked at once: every problem in every file is collected as a Problem naming the
file and the field, and raised together, so an editor fixes a batch in one pass. Sample content
is allowed while the site is being built; `sample_problems` lists it for the publish gate, so a
real deployment can never show an invented story. Plain Python: no Pelican here, the site build
reads this through plugins/proof_content.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import markdown

from .descriptions import length_problem
from .errors import Problem, raise_if_any
from .files import display_path

CASE_STUDIES_FOLDER = "case-studies"
TESTIMONIALS_FOLDER = "testimonials"
CASE_STUDIES_URL = "/case-studies/"
QUOTE_MAX = 320  # a testimonial is a short quote: about three lines on a phone
YES = {"yes", "true"}
NO = {"no", "false", ""}
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A '#' or '##' heading in a case study's body: the page's title and its own sections hold those levels.
SECTION_HEADING = re.compile(r"<h([12])[^>]*>(.*?)</h\1>", re.S)

# Field spellings as editors write them (the Markdown `meta` extension lower-cases keys).
CASE_STUDY_FIELDS = {
    "title": "Title",
    "description": "Description",
    "role": "Role",
    "company": "Company",
    "situation": "Situation",
    "results": "Results",
    "quote": "Quote",
    "quote-by": "Quote-by",
    "partner": "Partner",
    "sample": "Sample",
}
CASE_STUDY_REQUIRED = ("title", "description", "role", "company", "situation", "results")
TESTIMONIAL_FIELDS = {
    "quote-by": "Quote-by",
    "company": "Company",
    "role": "Role",
    "partner": "Partner",
    "sample": "Sample",
}
TESTIMONIAL_REQUIRED = ("quote-by", "company")


@dataclass(frozen=True)
class Result:
    """One measured outcome: a figure ("+22%", "4 of 5") and what it measures."""

    figure: str
    label: str


@dataclass(frozen=True)
class CaseStudy:
    slug: str
    title: str
    description: str
    role: str
    company: str
    situation: str
    results: tuple[Result, ...]
    quote: str
    quote_by: str
    partner: str | None
    sample: bool
    body_html: str  # what was done in the first 90 days, as HTML
    source: str  # the content file, for messages

    @property
    def url(self) -> str:
        return f"{CASE_STUDIES_URL}{self.slug}/"


@dataclass(frozen=True)
class Testimonial:
    slug: str
    quote: str  # plain text, a few sentences
    quote_by: str
    company: str
    role: str | None
    partner: str | None
    sample: bool
    source: str


@dataclass(frozen=True)
class Proof:
    case_studies: tuple[CaseStudy, ...]
    testimonials: tuple[Testimonial, ...]

    def case_studies_for(self, role: str) -> list[CaseStudy]:
        return [study for study in self.case_studies if study.role == role]

    def testimonials_for_partner(self, partner: str) -> list[Testimonial]:
        return [item for item in self.testimonials if item.partner == partner]

    def testimonials_for_role(self, role: str) -> list[Testimonial]:
        return [item for item in self.testimonials if item.role == role]

    @property
    def samples(self) -> list[str]:
        """The files still marked `Sample: yes`, in a stable order."""
        return sorted(item.source for item in (*self.case_studies, *self.testimonials) if item.sample)


def sample_problems(proof: Proof) -> list[Problem]:
    """One problem per sample file: what a publish build reports before it refuses to go on."""
    return [
        Problem(
            source,
            "Sample",
            "sample content; replace this file with a real, approved story (or delete it) before publishing",
        )
        for source in proof.samples
    ]


def load_proof(content: str | Path, role_ids: Iterable[str], partner_slugs: Iterable[str] | None = None) -> Proof:
    """Read and check every case study and testimonial under `content`; raise ContentError listing
    every problem. `partner_slugs` None skips the partner check (no partner directory to check against)."""
    content = Path(content)
    roles = tuple(role_ids)
    partners = None if partner_slugs is None else set(partner_slugs)
    problems: list[Problem] = []
    studies = [
        study
        for path in _markdown_files(content / CASE_STUDIES_FOLDER)
        if (study := _read_case_study(path, roles, partners, problems)) is not None
    ]
    testimonials = [
        item
        for path in _markdown_files(content / TESTIMONIALS_FOLDER)
        if (item := _read_testimonial(path, roles, partners, problems)) is not None
    ]
    raise_if_any(problems)
    order = {role: index for index, role in enumerate(roles)}
    studies.sort(key=lambda study: (order.get(study.role, len(order)), study.slug))
    return Proof(tuple(studies), tuple(testimonials))


def _markdown_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


class _File:
    """One content file being read: its metadata, its body and the problems found in it."""

    def __init__(self, path: Path, fields: dict[str, str], problems: list[Problem]):
        self.path = path
        self.name = display_path(path)
        self.fields = fields
        self.problems = problems
        reader = markdown.Markdown(extensions=["meta", "extra", "smarty"], output_format="html5")
        self.body_html = reader.convert(path.read_text(encoding="utf-8")).strip()
        self.meta: dict[str, list[str]] = {
            key: [line.strip() for line in values] for key, values in getattr(reader, "Meta", {}).items()
        }
        self.slug = path.stem

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.name, self.fields.get(key, key), message))

    def text(self, key: str) -> str:
        return " ".join(line for line in self.meta.get(key, []) if line).strip()

    def check_header(self, required: Iterable[str]) -> bool:
        """Unknown and missing fields; False when there is no header at all."""
        if not self.meta:
            self.problems.append(
                Problem(self.name, "metadata header", "no 'Key: value' lines at the top (see the README)")
            )
            return False
        if not SLUG_PATTERN.match(self.slug):
            self.problems.append(
                Problem(self.name, "file name", "use lower-case letters, digits and hyphens, e.g. 'hvac-supply.md'")
            )
        for key in self.meta:
            if key not in self.fields:
                self.problem(key, f"unknown field; the fields are {', '.join(self.fields.values())}")
        for key in required:
            if not self.text(key):
                self.problem(key, f"missing; add a line '{self.fields[key]}: ...' to the metadata header")
        return True

    def role(self, roles: tuple[str, ...]) -> str | None:
        value = self.text("role")
        if value and value not in roles:
            self.problem("role", f"unknown role {value!r}; use one of {', '.join(roles)}")
        return value or None

    def partner(self, partners: set[str] | None) -> str | None:
        value = self.text("partner")
        if value and partners is not None and value not in partners:
            self.problem("partner", f"no partner {value!r}; use a file name from content/partners/ without '.md'")
        return value or None

    def sample(self) -> bool:
        value = self.text("sample").lower()
        if value not in YES | NO:
            self.problem("sample", "write 'yes' (sample content to replace) or 'no'")
        return value in YES


def _read_case_study(path: Path, roles, partners, problems: list[Problem]) -> CaseStudy | None:
    file = _File(path, CASE_STUDY_FIELDS, problems)
    if not file.check_header(CASE_STUDY_REQUIRED):
        return None
    description = file.text("description")
    if description and (too_long_or_short := length_problem(description)):
        file.problem("description", too_long_or_short)
    for level, heading in SECTION_HEADING.findall(file.body_html):
        file.problems.append(
            Problem(
                file.name,
                "body",
                f"'{'#' * int(level)} {_plain_text(heading)}': start headings at '###' "
                "(the page's own sections are the '##' level)",
            )
        )
    quote, quote_by = file.text("quote"), file.text("quote-by")
    if quote and not quote_by:
        file.problem("quote-by", "missing; say who said the quote (their role, not their name)")
    if quote_by and not quote:
        file.problem("quote", "missing; Quote-by names who said it, so add the quote or remove both")
    if not _plain_text(file.body_html):
        file.problems.append(Problem(file.name, "body", "empty; below the header, describe the first 90 days"))
    return CaseStudy(
        slug=file.slug,
        title=file.text("title"),
        description=description,
        role=file.role(roles) or "",
        company=file.text("company"),
        situation=file.text("situation"),
        results=_results(file),
        quote=quote,
        quote_by=quote_by,
        partner=file.partner(partners),
        sample=file.sample(),
        body_html=file.body_html,
        source=file.name,
    )


def _results(file: _File) -> tuple[Result, ...]:
    """`figure: what it measures`, one per line (or separated by ';'); every figure holds a number."""
    lines = [part.strip() for line in file.meta.get("results", []) for part in line.split(";") if part.strip()]
    results = []
    for number, line in enumerate(lines, start=1):
        figure, separator, label = line.partition(":")
        figure, label = figure.strip(), label.strip()
        if not separator or not figure or not label:
            file.problem("results", f"result {number} {line!r}: write 'figure: what it measures', e.g. '+22%: revenue'")
            continue
        if not any(character.isdigit() for character in figure):
            file.problem("results", f"result {number} {line!r}: the figure before ':' needs a number")
            continue
        results.append(Result(figure, label))
    return tuple(results)


def _read_testimonial(path: Path, roles, partners, problems: list[Problem]) -> Testimonial | None:
    file = _File(path, TESTIMONIAL_FIELDS, problems)
    if not file.check_header(TESTIMONIAL_REQUIRED):
        return None
    quote = _plain_text(file.body_html)
    if not quote:
        file.problems.append(Problem(file.name, "body", "empty; below the header, write the quote"))
    elif len(quote) > QUOTE_MAX:
        file.problems.append(
            Problem(file.name, "body", f"{len(quote)} characters; keep a testimonial under {QUOTE_MAX}")
        )
    return Testimonial(
        slug=file.slug,
        quote=quote,
        quote_by=file.text("quote-by"),
        company=file.text("company"),
        role=file.role(roles),
        partner=file.partner(partners),
        sample=file.sample(),
        source=file.name,
    )


def _plain_text(body_html: str) -> str:
    """The text of rendered Markdown, on one line (comments and tags dropped, entities decoded)."""
    text = re.sub(r"<!--.*?-->|<[^>]+>", "", body_html, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", text)).strip()
