"""robots.txt must name the sitemap by absolute URL; the origin is a setting."""

from pathlib import Path


def write_absolute_sitemap_line(pelican) -> None:
    robots = Path(pelican.settings["OUTPUT_PATH"]) / "robots.txt"
    if not robots.is_file():
        return
    origin = pelican.settings["SITE_ORIGIN"]
    lines = [
        f"Sitemap: {origin}/sitemap.xml" if line.startswith("Sitemap:") else line
        for line in robots.read_text(encoding="utf-8").splitlines()
    ]
    robots.write_text("\n".join(lines) + "\n", encoding="utf-8")
