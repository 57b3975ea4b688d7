"""Draw the site's icons (favicon, touch and app icons) into assets/icons/ with Pillow.

The SVG favicon (assets/icons/favicon.svg) is the drawing; browsers that want a bitmap get these
PNGs and the .ico. They are committed; run this again after changing the drawing.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

ACCENT = "#a3224a"
WHITE = "#ffffff"


def draw_icon(size: int, *, padded: bool = False) -> Image.Image:
    """A white bridge on MINE's red, drawn on a 512 grid and scaled (as favicon.svg)."""
    scale = 4  # draw large, then shrink: smooth edges without an SVG renderer
    grid = 512 * scale
    image = Image.new("RGBA", (grid, grid), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    # A maskable app icon fills the square; the favicon has rounded corners.
    draw.rounded_rectangle(
        [0, 0, grid - 1, grid - 1], radius=0 if padded else 96 * scale, fill=ACCENT
    )
    inset = 48 * scale if padded else 0

    def box(*values):
        return [inset + v * scale * (512 - 2 * inset / scale) / 512 for v in values]

    draw.arc(box(96, 196, 416, 476), 180, 360, fill=WHITE, width=44 * scale)
    draw.rectangle(box(64, 316, 448, 356), fill=WHITE)
    for x in (136, 376):
        draw.rectangle(box(x - 18, 356, x + 18, 420), fill=WHITE)
    return image.resize((size, size), Image.LANCZOS)


class Command(BaseCommand):
    help = "Draw the favicon, the touch icon and the app icons into assets/icons/."

    def handle(self, *args, **options):
        folder = Path(settings.BASE_DIR) / "assets" / "icons"
        folder.mkdir(parents=True, exist_ok=True)
        draw_icon(180, padded=True).convert("RGB").save(
            folder / "apple-touch-icon.png", optimize=True
        )
        draw_icon(192).save(folder / "icon-192.png", optimize=True)
        draw_icon(512).save(folder / "icon-512.png", optimize=True)
        draw_icon(512, padded=True).save(folder / "icon-maskable-512.png", optimize=True)
        draw_icon(64).save(folder / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
        self.stdout.write(f"Icons written to {folder}")
