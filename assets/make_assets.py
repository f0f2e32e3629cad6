"""Regenerate the sample images of the "Lettre de crise" series (fictional authority).

    python assets/make_assets.py

Draws, with Pillow's primitives only (no downloaded image or font):
  - logo.png                  600 x 600, transparent: emblem of the fictional
                              "Ville et Métropole de Val-de-Loire-sur-Mer"
  - reinstallation-postes.png 1200 x 800: workstations re-installed, green sticker (issue 3)
  - reprise-messagerie.png    1200 x 800: e-mail back, protected by a shield (issue 4)

Each image is drawn SCALE times larger and reduced, for smooth edges. Shapes (a tick, a clock,
a shield), not colours, carry the meaning, so that a black-and-white copy stays readable.
The output is deterministic: the same script gives the same bytes.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SCALE = 4

NAVY = (27, 58, 92)
BLUE = (46, 110, 165)
SKY = (214, 230, 242)
PALE = (244, 247, 250)
TEAL = (38, 146, 150)
GREEN = (46, 139, 87)
GREY = (150, 160, 170)
LIGHT_GREY = (222, 227, 232)
WHITE = (255, 255, 255)


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_BOLD, size * SCALE)


class Canvas:
    """A drawing surface in final-size coordinates, rendered SCALE times larger."""

    def __init__(self, width: int, height: int, background):
        self.size = (width, height)
        self.image = Image.new("RGBA", (width * SCALE, height * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def s(values):
        return [round(v * SCALE) for v in values]

    def rect(self, box, fill=None, outline=None, width=0, radius=0):
        self.draw.rounded_rectangle(
            self.s(box), radius=radius * SCALE, fill=fill, outline=outline, width=round(width * SCALE)
        )

    def ellipse(self, box, fill=None, outline=None, width=0):
        self.draw.ellipse(self.s(box), fill=fill, outline=outline, width=round(width * SCALE))

    def polygon(self, points, fill):
        self.draw.polygon([tuple(self.s(p)) for p in points], fill=fill)

    def line(self, points, fill, width, joint="curve"):
        self.draw.line([tuple(self.s(p)) for p in points], fill=fill, width=round(width * SCALE), joint=joint)

    def round_line(self, points, fill, width):
        """A polyline with round caps."""
        self.line(points, fill, width)
        r = width / 2
        for x, y in (points[0], points[-1]):
            self.ellipse((x - r, y - r, x + r, y + r), fill=fill)

    def arc(self, box, start, end, fill, width):
        self.draw.arc(self.s(box), start, end, fill=fill, width=round(width * SCALE))

    def text_center(self, xy, text, size, fill):
        x, y = xy
        self.draw.text((x * SCALE, y * SCALE), text, font=font(size), fill=fill, anchor="mm")

    def save(self, name: str, mode: str = "RGB", colors: int | None = None):
        image = self.image.resize(self.size, Image.LANCZOS)
        if mode == "RGB":
            flat = Image.new("RGB", image.size, WHITE)
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
            if colors:
                # fewer colours, smaller file; kept as plain RGB for any PDF library
                image = image.quantize(colors=colors, method=Image.MEDIANCUT, dither=Image.NONE).convert("RGB")
        path = HERE / name
        image.save(path, optimize=True)
        print(f"{path.name}: {image.size[0]}x{image.size[1]}, {path.stat().st_size // 1024} KB")


def arrow_head(c: Canvas, base, direction: float, length: float, width: float, fill):
    """A triangle whose base is centred on ``base``, pointing towards ``direction`` (radians)."""
    x, y = base
    dx, dy = math.cos(direction), math.sin(direction)
    tip = (x + length * dx, y + length * dy)
    left = (x - width / 2 * dy, y + width / 2 * dx)
    right = (x + width / 2 * dy, y - width / 2 * dx)
    c.polygon([tip, left, right], fill)


def wave(x0: float, x1: float, y: float, amplitude: float, periods: float, steps: int = 120):
    points = []
    for i in range(steps + 1):
        t = i / steps
        points.append((x0 + (x1 - x0) * t, y + amplitude * math.sin(2 * math.pi * periods * t)))
    return points


def check_mark(c: Canvas, cx: float, cy: float, size: float, fill, width: float):
    c.round_line(
        [
            (cx - size * 0.45, cy + size * 0.02),
            (cx - size * 0.12, cy + size * 0.33),
            (cx + size * 0.48, cy - size * 0.32),
        ],
        fill,
        width,
    )


# --------------------------------------------------------------------------- logo


def make_logo():
    c = Canvas(600, 600, (0, 0, 0, 0))
    # outer ring and disc
    c.ellipse((20, 20, 580, 580), fill=NAVY)
    c.ellipse((44, 44, 556, 556), outline=WHITE, width=6)
    # the sea: lower part of the disc, in a lighter blue, clipped to the disc with a mask
    disc = Image.new("L", c.image.size, 0)
    ImageDraw.Draw(disc).ellipse(Canvas.s((50, 50, 550, 550)), fill=255)
    band = Image.new("L", c.image.size, 0)
    ImageDraw.Draw(band).rectangle(Canvas.s((0, 372, 600, 600)), fill=255)
    mask = Image.composite(band, Image.new("L", c.image.size, 0), disc)
    c.image.paste(Image.new("RGBA", c.image.size, BLUE), mask=mask)
    # river and sea: three waves
    for i, y in enumerate((392, 440, 488)):
        half = math.sqrt(max(0, 250**2 - (y - 300) ** 2)) - 24
        c.round_line(wave(300 - half, 300 + half, y, 9, 2.5 - 0.5 * i), WHITE, 13)
    # a sun rising over the water
    c.arc((222, 262, 378, 418), 180, 360, WHITE, 12)
    for k in range(5):
        a = math.radians(200 + k * 35)
        c.round_line(
            [(300 + 98 * math.cos(a), 340 + 98 * math.sin(a)), (300 + 126 * math.cos(a), 340 + 126 * math.sin(a))],
            WHITE,
            10,
        )
    # initials
    c.text_center((300, 156), "VLM", 96, WHITE)
    c.save("logo.png", mode="RGBA")


# --------------------------------------------------------- issue 3: workstations


def monitor(c: Canvas, x: float, y: float, w: float, done: bool):
    h = w * 0.64
    c.rect((x, y, x + w, y + h), fill=NAVY, radius=14)
    c.rect((x + 14, y + 14, x + w - 14, y + h - 14), fill=SKY if done else LIGHT_GREY, radius=6)
    # stand
    c.polygon(
        [(x + w * 0.42, y + h), (x + w * 0.58, y + h), (x + w * 0.62, y + h + 46), (x + w * 0.38, y + h + 46)],
        fill=NAVY,
    )
    c.rect((x + w * 0.26, y + h + 40, x + w * 0.74, y + h + 58), fill=NAVY, radius=8)
    # screen content: window bars
    bars = BLUE if done else GREY
    sx, sy = x + 40, y + 44
    for i, frac in enumerate((0.62, 0.48, 0.55)):
        c.rect((sx, sy + i * 38, sx + (w - 80) * frac, sy + i * 38 + 16), fill=bars, radius=8)
    # sticker
    r = w * 0.14
    cx, cy = x + w - r * 0.7, y + h - r * 0.5
    if done:
        c.ellipse((cx - r - 5, cy - r - 5, cx + r + 5, cy + r + 5), fill=WHITE)
        c.ellipse((cx - r, cy - r, cx + r, cy + r), fill=GREEN)
        check_mark(c, cx, cy, r * 1.1, WHITE, r * 0.26)
    else:
        c.ellipse((cx - r - 5, cy - r - 5, cx + r + 5, cy + r + 5), fill=WHITE)
        c.ellipse((cx - r, cy - r, cx + r, cy + r), outline=GREY, width=r * 0.18)
        # clock hands: waiting for the technician
        c.round_line([(cx, cy - r * 0.55), (cx, cy), (cx + r * 0.4, cy + r * 0.2)], GREY, r * 0.16)


def make_workstations():
    c = Canvas(1200, 800, PALE)
    # floor band
    c.rect((0, 610, 1200, 800), fill=SKY)
    # one long desk, three workstations: two re-installed, one waiting for the technician
    c.rect((50, 497, 1150, 519), fill=BLUE, radius=11)
    for i, done in enumerate((True, True, False)):
        monitor(c, 90 + i * 360, 245, 300, done)
    # circular "re-install" arrow above, turning clockwise
    c.arc((540, 65, 660, 185), 240, 490, TEAL, 16)
    end = math.radians(490)
    radius = 60 - 8  # middle of the stroke
    arrow_head(c, (600 + radius * math.cos(end), 125 + radius * math.sin(end)), end + math.pi / 2, 30, 46, TEAL)
    # progress bar: how much of the work is done
    c.rect((200, 650, 1000, 694), fill=WHITE, outline=NAVY, width=4, radius=22)
    c.rect((208, 658, 208 + 784 * 0.62, 686), fill=GREEN, radius=14)
    c.save("reinstallation-postes.png", colors=48)


# ---------------------------------------------------------------- issue 4: e-mail


def envelope(c: Canvas, x: float, y: float, w: float, fill, line):
    h = w * 0.64
    c.rect((x, y, x + w, y + h), fill=fill, outline=line, width=max(3, w / 45), radius=w / 22)
    lw = max(3, w / 40)
    c.line([(x + w * 0.04, y + h * 0.08), (x + w / 2, y + h * 0.56), (x + w * 0.96, y + h * 0.08)], line, lw)
    c.line([(x + w * 0.04, y + h * 0.94), (x + w * 0.38, y + h * 0.44)], line, lw * 0.8)
    c.line([(x + w * 0.96, y + h * 0.94), (x + w * 0.62, y + h * 0.44)], line, lw * 0.8)


def shield(c: Canvas, cx: float, top: float, w: float):
    h = w * 1.18
    pts = [(cx - w / 2, top + h * 0.12), (cx, top), (cx + w / 2, top + h * 0.12)]
    steps = 40
    for i in range(steps + 1):  # right side curving down to the point
        t = i / steps
        pts.append((cx + w / 2 * (1 - t**1.8), top + h * 0.12 + (h * 0.88) * t))
    for i in range(steps, -1, -1):
        t = i / steps
        pts.append((cx - w / 2 * (1 - t**1.8), top + h * 0.12 + (h * 0.88) * t))
    c.polygon(pts, fill=WHITE)
    inner = [((px - cx) * 0.84 + cx, (py - top) * 0.86 + top + h * 0.05) for px, py in pts]
    c.polygon(inner, fill=GREEN)
    check_mark(c, cx, top + h * 0.47, w * 0.55, WHITE, w * 0.09)


def make_mail():
    c = Canvas(1200, 800, PALE)
    # a dashed path bringing messages in, from the left
    path = [(40 + t * 9.2, 520 - 240 * math.sin(math.pi * t / 100) ** 1.3) for t in range(101)]
    for i in range(0, len(path) - 1, 6):
        c.line(path[i : i + 4], GREY, 6)
    for t, size in ((14, 70), (40, 96)):
        x, y = path[t]
        envelope(c, x - size / 2, y - size * 0.32, size, WHITE, BLUE)
    # the big envelope, dropping into the inbox tray, protected by a shield
    envelope(c, 660, 270, 420, WHITE, NAVY)
    c.rect((630, 500, 1110, 540), fill=NAVY, radius=12)
    c.polygon([(650, 540), (1090, 540), (1050, 660), (690, 660)], fill=BLUE)
    c.rect((810, 580, 930, 606), fill=SKY, radius=10)
    shield(c, 1050, 170, 170)
    c.save("reprise-messagerie.png", colors=48)


if __name__ == "__main__":
    make_logo()
    make_workstations()
    make_mail()
