"""Draw time commitment against scope as a small inline SVG.

Built with ElementTree so every label is escaped; colours come from CSS classes
(the site's stylesheet), so the chart follows dark mode and never needs a
style attribute, which the Content-Security-Policy would block.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markupsafe import Markup

SCOPE_LABELS = {
    "sales": "Scope: the sales team",
    "leadership": "Scope: sales, with a leadership-team seat",
    "cross-functional": "Scope: across functions, marketing included",
}
WIDTH = 400
LEFT, RIGHT = 12, 388
MAX_HOURS = 50
ROW = 46
BAND_HEADER = 26


def _x(hours: float) -> float:
    return LEFT + (RIGHT - LEFT) * min(hours, MAX_HOURS) / MAX_HOURS


def render_chart(points) -> Markup:
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "role": "img",
            "aria-labelledby": "chart-title chart-desc",
            "class": "chart",
            "focusable": "false",
        },
    )
    ET.SubElement(svg, "title", {"id": "chart-title"}).text = "Hours per week and scope of each role"
    summary = "; ".join(
        f"{p.role.name}: {p.hours_min:g} to {p.hours_max:g} hours a week, {SCOPE_LABELS[p.scope].lower()}"
        for p in points
    )
    ET.SubElement(svg, "desc", {"id": "chart-desc"}).text = summary + "."
    y = 8.0
    for scope, label in SCOPE_LABELS.items():
        in_band = [p for p in points if p.scope == scope]
        if not in_band:
            continue
        ET.SubElement(svg, "text", {"x": str(LEFT), "y": f"{y + 16:g}", "class": "chart-band"}).text = label
        y += BAND_HEADER
        for point in in_band:
            hours = f"{point.hours_min:g}\u2013{point.hours_max:g} h/week"
            ET.SubElement(
                svg, "text", {"x": str(LEFT), "y": f"{y + 14:g}", "class": "chart-label"}
            ).text = f"{point.role.name}, {hours}"
            start, end = _x(point.hours_min), _x(point.hours_max)
            ET.SubElement(
                svg,
                "rect",
                {
                    "x": f"{start:.1f}",
                    "y": f"{y + 20:g}",
                    "width": f"{max(end - start, 6):.1f}",
                    "height": "14",
                    "rx": "3",
                    "class": "chart-bar",
                    "data-role": point.role.id,
                },
            )
            y += ROW
        y += 6
    axis_y = y + 4
    ET.SubElement(
        svg,
        "line",
        {"x1": str(LEFT), "x2": str(RIGHT), "y1": f"{axis_y:g}", "y2": f"{axis_y:g}", "class": "chart-axis"},
    )
    for hours in range(0, MAX_HOURS + 1, 10):
        ET.SubElement(
            svg,
            "text",
            {
                "x": f"{_x(hours):.1f}",
                "y": f"{axis_y + 18:g}",
                "class": "chart-tick",
                "text-anchor": "middle" if 0 < hours < MAX_HOURS else ("start" if hours == 0 else "end"),
            },
        ).text = str(hours)
    ET.SubElement(
        svg,
        "text",
        {"x": f"{(LEFT + RIGHT) / 2:g}", "y": f"{axis_y + 38:g}", "class": "chart-tick", "text-anchor": "middle"},
    ).text = "Hours per week"
    svg.set("viewBox", f"0 0 {WIDTH} {axis_y + 46:g}")
    return Markup(ET.tostring(svg, encoding="unicode", short_empty_elements=True))
