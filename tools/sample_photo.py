"""Draw the sample partner photo shipped with the site (`python -m tools.sample_photo`).

The sample partners are invented, so their photo must not look like a real person: this is an
abstract picture in the site's colours (the brand mark's three rising bars on a soft ground),
drawn as large as a phone's landscape photo so the build has real work to do (crop it square,
make the small AVIF, WebP and JPEG copies). Replace it with the real partner's photo.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

TARGET = Path(__file__).resolve().parent.parent / "content" / "partners" / "photos" / "head-office-sample.jpg"
SIZE = (1600, 1200)
BRAND = (21, 57, 91)  # theme/static/css/site.css --brand
ROLE_COLOURS = ((154, 79, 8), (12, 107, 95), (107, 63, 163), (29, 94, 169))  # the four roles' bar colours


def draw() -> Image.Image:
    width, height = SIZE
    # A diagonal light-to-brand gradient: a vertical one, turned, cut from its middle (no corners).
    diagonal = int((width**2 + height**2) ** 0.5) + 2
    turned = Image.linear_gradient("L").resize((diagonal, diagonal)).rotate(-35, Image.Resampling.BICUBIC)
    left, top = (diagonal - width) // 2, (diagonal - height) // 2
    ground = turned.crop((left, top, left + width, top + height))
    picture = Image.composite(Image.new("RGB", SIZE, (226, 234, 242)), Image.new("RGB", SIZE, BRAND), ground)
    glow = Image.new("RGB", SIZE, (0, 0, 0))
    painter = ImageDraw.Draw(glow)
    for index, colour in enumerate(ROLE_COLOURS):
        x = width * (0.2 + 0.2 * index)
        y = height * (0.25 + 0.15 * (index % 2))
        radius = height * 0.22
        painter.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    picture = Image.blend(picture, glow.filter(ImageFilter.GaussianBlur(90)), 0.35)
    mark = ImageDraw.Draw(picture)
    side = height * 0.42
    left, top = (width - side) / 2, height * 0.26
    mark.rounded_rectangle((left, top, left + side, top + side), radius=side * 0.22, fill=(255, 255, 255))
    scale = side / 32
    for x, y in ((7, 17), (14, 13), (21, 8)):  # the brand mark of theme/templates/base.html
        mark.rectangle((left + x * scale, top + y * scale, left + (x + 4) * scale, top + 23 * scale), fill=BRAND)
    return picture


if __name__ == "__main__":
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    draw().save(TARGET, "JPEG", quality=90)
    print(f"{TARGET.relative_to(Path.cwd()) if TARGET.is_relative_to(Path.cwd()) else TARGET}")
