"""What people see and what assistive technology reads: one page from two builds, compared as
screenshots, pixel by pixel (Pillow), and as the document the browser built from it.

The publish build is the development build minified (HTML, CSS, JS) with absolute URLs; it
must look the same. A minifier that drops an attribute a selector needs (`type="text"`), or a
CSS change that only one build gets, shows up here as a changed height or changed pixels. It
must be the same document too: the same elements, attributes and text once the browser has
parsed it and run its scripts (DOCUMENT_AS_BUILT), so one that loses an image's text
alternative or an aria-label without changing a pixel is caught as well. Addresses are compared
from the site's root (whether a page names its own server or the origin it was built for),
inline styles as the browser reads them, white space as one space, an attribute that repeats the
HTML default (`type="text"`) as none: what minification and absolute URLs are allowed to change.

Tolerance: a pixel counts as changed when one of its channels differs by more than
CHANNEL_TOLERANCE (anti-aliasing noise stays below that), and a page fails when more than
CHANGED_SHARE of its pixels changed or its height differs by more than HEIGHT_TOLERANCE_PX.
A failure writes both screenshots and a diff image to reports/visual/ to look at.
"""

from __future__ import annotations

import difflib
import io
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops

from .tools import REPORTS
from .visit import EVERY_IMAGE_DONE, foreign

WIDTHS = (390, 1280)
VIEWPORT_HEIGHT = 800
CHANNEL_TOLERANCE = 24  # of 255
CHANGED_SHARE = 0.001  # 0.1% of the page's pixels
HEIGHT_TOLERANCE_PX = 0
VISUAL_REPORTS = REPORTS / "visual"

# Freeze what moves: the caret and any transition still running when the shot is taken.
_STILL = "*, *::before, *::after { caret-color: transparent !important; transition: none !important; }"
# Every image loaded before the picture is taken: lazy images below the fold would otherwise
# arrive in one shot and not the other (seen on /partners/, whose avatars are lazy).
_ALL_IMAGES_LOADED = f"""async () => {{
  for (const image of document.images) image.loading = "eager";
  {EVERY_IMAGE_DONE}
  await document.fonts.ready;
}}"""


# The document as the browser built it, one line per element (its attributes sorted) or text,
# indented by depth. Two builds of one page give the same lines when they are the same document.
DOCUMENT_AS_BUILT = """() => {
  // The site's own addresses: where it is served, and the origin it was built for (its canonical address).
  const named = document.querySelector("link[rel=canonical]")?.href
    || document.querySelector("meta[property='og:url']")?.content;
  const own = new Set([location.origin, named ? new URL(named, location.href).origin : location.origin]);
  // Attributes that only repeat the HTML default, which the minifier leaves out.
  const defaults = { input: { type: "text", value: "" }, form: { method: "get" }, button: { type: "submit" } };
  const addresses = new Set(["href", "src", "action", "formaction", "poster", "data", "cite"]);
  const fromRoot = (address) => {
    const url = new URL(address.trim(), document.baseURI);
    return own.has(url.origin) ? url.href.slice(url.origin.length) : url.href;
  };
  const read = (element, name, value) => {
    if (name === "style") return element.style.cssText;
    if (addresses.has(name)) return fromRoot(value);
    if (name === "srcset" || name === "imagesrcset") {
      return value.split(",").map((candidate) => {
        const [address, ...size] = candidate.trim().split(/\\s+/);
        return [fromRoot(address), ...size].join(" ");
      }).join(", ");
    }
    if (name === "content" && /^https?:\\/\\//.test(value)) return fromRoot(value);
    if (name === "content" && element.name === "viewport") return value.replace(/\\s*,\\s*/g, ",");
    return value.replace(/\\s+/g, " ").trim();
  };
  const lines = [];
  const walk = (node, depth) => {
    const indent = " ".repeat(depth);
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && node.localName !== "script") {
        const text = child.data.replace(/\\s+/g, " ").trim();
        if (text) lines.push(indent + JSON.stringify(text));
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const unsaid = defaults[child.localName] || {};
        const attributes = [...child.attributes].filter((a) => unsaid[a.name] !== a.value.toLowerCase()).map(
          (a) => `${a.name}=${JSON.stringify(read(child, a.name, a.value))}`);
        lines.push(indent + [child.localName, ...attributes.sort()].join(" "));
        if (child.localName === "style" && child.sheet) {
          lines.push(indent + " " + [...child.sheet.cssRules].map((rule) => rule.cssText).join(" "));
        } else {
          walk(child, depth + 1);
        }
      }
    }
  };
  walk(document, 0);
  return lines.join("\\n");
}"""


@dataclass(frozen=True)
class View:
    """One page at one width as a visitor gets it: the whole-page screenshot, and the document the
    browser built (DOCUMENT_AS_BUILT)."""

    png: bytes
    document: str


@contextmanager
def camera(browser, base_url: str, width: int) -> Iterator[Callable[[str], View]]:
    """A function that takes a page's View at `width` px, in light colours.

    One browser context per build and width, reused page after page (the pictures do not
    depend on the cache); requests to other hosts are stopped.
    """
    netloc = base_url.split("//", 1)[1]
    context = browser.new_context(
        viewport={"width": width, "height": VIEWPORT_HEIGHT}, reduced_motion="reduce", color_scheme="light"
    )
    context.route(lambda url: foreign(url, netloc), lambda route: route.abort())
    page = context.new_page()

    def shoot(path: str) -> View:
        page.goto(base_url + path, wait_until="load")
        page.evaluate(_ALL_IMAGES_LOADED)
        png = page.screenshot(full_page=True, animations="disabled", caret="hide", style=_STILL)
        return View(png, page.evaluate(DOCUMENT_AS_BUILT))

    try:
        yield shoot
    finally:
        context.close()


@dataclass(frozen=True)
class Comparison:
    label: str
    expected_size: tuple[int, int]
    actual_size: tuple[int, int]
    changed_pixels: int
    diff: Image.Image | None = None

    @property
    def changed_share(self) -> float:
        width, height = self.expected_size
        return self.changed_pixels / max(1, width * height)

    def problem(self) -> str | None:
        (width, height), (other_width, other_height) = self.expected_size, self.actual_size
        if width != other_width or abs(height - other_height) > HEIGHT_TOLERANCE_PX:
            return f"{self.label}: the page is {other_width}x{other_height} px, expected {width}x{height} px"
        if self.changed_share > CHANGED_SHARE:
            return (
                f"{self.label}: {self.changed_pixels} pixels ({self.changed_share:.2%}) differ, "
                f"more than the {CHANGED_SHARE:.1%} allowed"
            )
        return None


def document_difference(label: str, expected: str, actual: str) -> str | None:
    """None when the two builds' documents are the same; else the first lines that differ."""
    if expected == actual:
        return None
    lines = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "development", "publish", n=1, lineterm="")
    shown = list(lines)[2:14]
    return f"{label}: the document differs from the development build's:\n      " + "\n      ".join(shown)


def picture(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def same_shot(expected: bytes, actual: bytes) -> bool:
    """Two screenshots Chromium encoded byte for byte alike show the same pixels: most pages, so
    their pictures need not be decoded and compared pixel by pixel."""
    return expected == actual


def compare(label: str, expected: Image.Image, actual: Image.Image) -> Comparison:
    """How far `actual` is from `expected`; sizes are compared first, pixels over the shared area."""
    shared = (min(expected.width, actual.width), min(expected.height, actual.height))
    box = (0, 0, *shared)
    difference = ImageChops.difference(expected.crop(box), actual.crop(box))
    mask = _changed_mask(difference)
    changed = sum(mask.histogram()[255:])
    return Comparison(label, expected.size, actual.size, changed, mask if changed else None)


def _changed_mask(difference: Image.Image) -> Image.Image:
    """A black-and-white image: white where some channel differs by more than the tolerance."""
    red, green, blue = difference.split()
    strongest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return strongest.point(lambda value: 255 if value > CHANNEL_TOLERANCE else 0)


def clear_reports() -> None:
    """Screenshots of an earlier run's failures must not be mistaken for this run's."""
    shutil.rmtree(VISUAL_REPORTS, ignore_errors=True)


def keep_for_review(comparison: Comparison, expected: Image.Image, actual: Image.Image) -> Path:
    """Write expected, actual and the changed pixels (red over the expected page) to reports/visual/."""
    VISUAL_REPORTS.mkdir(parents=True, exist_ok=True)
    stem = "".join(char if char.isalnum() else "-" for char in comparison.label).strip("-")
    expected.save(VISUAL_REPORTS / f"{stem}.expected.png")
    actual.save(VISUAL_REPORTS / f"{stem}.actual.png")
    if comparison.diff is not None:
        marked = expected.crop((0, 0, *comparison.diff.size)).copy()
        marked.paste((220, 0, 0), mask=comparison.diff)
        marked.save(VISUAL_REPORTS / f"{stem}.diff.png")
    return VISUAL_REPORTS
