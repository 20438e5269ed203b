"""Draw time commitment against scope as a small inline SVG.

Each bar is the comparison table's own `hours` figure (ChartPoint.hours), so the chart and
the table cannot disagree.

Built with ElementTree so every label is escaped; colours come from CSS classes
(the site's stylesheet), so the chart follows dark mode and never needs a
style attribute, which the Content-Security-Policy would block.

The drawing has no viewBox: heights are CSS pixels and horizontal positions are
percentages of the chart's width. So the text is drawn at the stylesheet's size
(15px) at every width, instead of being scaled up on a desktop and down to ~11px
on a phone, while the bars still stretch to the space available.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markupsafe import Markup

SCOPE_LABELS = {
    "sales": "Scope: the sales team",
    "leadership": "Scope: sales + a leadership seat",
    "cross-functional": "Scope: across functions",
}
SCOPE_DESCRIPTIONS = {
    "sales": "scope: the sales team",
    "leadership": "scope: sales, with a leadership-team seat",
    "cross-functional": "scope: across functions, marketing included",
}
LEFT, RIGHT = 0.0, 100.0  # per cent of the chart's width
MAX_HOURS = 50
BAND_HEADER = 30  # px: the scope's heading
ROW = 52  # px: a role's name, then its bar
BAR = 14
GAP = 8  # px between a bar and its hours


def _x(hours: float) -> float:
    return LEFT + (RIGHT - LEFT) * min(hours, MAX_HOURS) / MAX_HOURS


def _pct(value: float) -> str:
    return f"{value:.1f}%"


def render_chart(points) -> Markup:
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "role": "img",
            "aria-labelledby": "chart-title chart-desc",
            "class": "chart",
            "width": "100%",
        },
    )
    ET.SubElement(svg, "title", {"id": "chart-title"}).text = "Hours per week and scope of each role"
    summary = "; ".join(f"{p.role.name}: {p.hours.text()}, {SCOPE_DESCRIPTIONS[p.scope]}" for p in points)
    ET.SubElement(svg, "desc", {"id": "chart-desc"}).text = summary + "."
    y = 0.0
    for scope, label in SCOPE_LABELS.items():
        in_band = [p for p in points if p.scope == scope]
        if not in_band:
            continue
        ET.SubElement(svg, "text", {"x": _pct(LEFT), "y": f"{y + 18:g}", "class": "chart-band"}).text = label
        y += BAND_HEADER
        for point in in_band:
            ET.SubElement(
                svg, "text", {"x": _pct(LEFT), "y": f"{y + 15:g}", "class": "chart-label"}
            ).text = point.role.name
            start, end = _x(point.hours_min), _x(point.hours_max)
            bar_y = y + 24
            ET.SubElement(
                svg,
                "rect",
                {
                    "x": _pct(start),
                    "y": f"{bar_y:g}",
                    "width": _pct(max(end - start, 1.5)),
                    "height": str(BAR),
                    "rx": "3",
                    "class": "chart-bar",
                    "data-role": point.role.id,
                },
            )
            # The hours beside the bar: after it, or before it when the bar reaches the right edge.
            after = end <= 60
            ET.SubElement(
                svg,
                "text",
                {
                    "x": _pct(end if after else start),
                    "dx": str(GAP if after else -GAP),
                    "y": f"{bar_y + BAR - 2:g}",
                    "class": "chart-hours",
                    "text-anchor": "start" if after else "end",
                },
            ).text = f"{point.hours_min:g}\u2013{point.hours_max:g} h/week"
            y += ROW
        y += 8
    axis_y = y + 4
    ET.SubElement(
        svg,
        "line",
        {"x1": _pct(LEFT), "x2": _pct(RIGHT), "y1": f"{axis_y:g}", "y2": f"{axis_y:g}", "class": "chart-axis"},
    )
    for hours in range(10, MAX_HOURS, 10):  # faint guides behind the bars
        grid = {"x1": _pct(_x(hours)), "x2": _pct(_x(hours)), "y1": "0", "y2": f"{axis_y:g}", "class": "chart-grid"}
        svg.insert(2, ET.Element("line", grid))
    for hours in range(0, MAX_HOURS + 1, 10):
        ET.SubElement(
            svg,
            "text",
            {
                "x": _pct(_x(hours)),
                "y": f"{axis_y + 20:g}",
                "class": "chart-tick",
                "text-anchor": "middle" if 0 < hours < MAX_HOURS else ("start" if hours == 0 else "end"),
            },
        ).text = str(hours)
    ET.SubElement(
        svg,
        "text",
        {"x": _pct((LEFT + RIGHT) / 2), "y": f"{axis_y + 42:g}", "class": "chart-tick", "text-anchor": "middle"},
    ).text = "Hours per week"
    svg.set("height", f"{axis_y + 50:g}")
    return Markup(ET.tostring(svg, encoding="unicode", short_empty_elements=True))
