"""Draw the app icon: the kanji 委 in white on a rounded square in a calm blue.

`python installer/make_icon.py` writes resources/icons/itaku.svg, itaku-<size>.png (16…256), itaku.png
(256 px) and itaku.ico (every size). The glyph is taken from the bundled IPAexGothic as an outline, so
the SVG needs no font and renders the same everywhere. The files are committed; run this only to
change the icon.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QTransform,
)

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
FONT_FILE = ROOT / "resources" / "fonts" / "ipaexg.ttf"
SIZES = (16, 24, 32, 48, 64, 128, 256)
CANVAS = 256.0
BLUE = "#2f6fb0"  # calm, mid blue; white on it has a contrast ratio above 5:1
RADIUS = 52.0
MARGIN = 8.0
GLYPH = "委"
GLYPH_HEIGHT = 0.66  # of the square's side


def glyph_path() -> QPainterPath:
    """The outline of 委 from IPAexGothic, centred on the 256-unit canvas."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    if font_id < 0:
        raise SystemExit(f"cannot load {FONT_FILE}")
    font = QFont(QFontDatabase.applicationFontFamilies(font_id)[0])
    font.setPixelSize(200)
    font.setWeight(QFont.Weight.Bold)  # synthesised emboldening is not part of the outline; harmless
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, GLYPH)
    bounds = path.boundingRect()
    side = CANVAS - 2 * MARGIN
    scale = side * GLYPH_HEIGHT / max(bounds.width(), bounds.height())
    transform = QTransform()
    transform.translate(CANVAS / 2, CANVAS / 2)
    transform.scale(scale, scale)
    transform.translate(-bounds.center().x(), -bounds.center().y())
    return transform.map(path)


def square_path() -> QPainterPath:
    path = QPainterPath()
    side = CANVAS - 2 * MARGIN
    path.addRoundedRect(QRectF(MARGIN, MARGIN, side, side), RADIUS, RADIUS)
    return path


def svg_data(path: QPainterPath) -> str:
    """SVG path data (M, L, C) of a QPainterPath."""
    parts: list[str] = []
    index = 0
    count = path.elementCount()
    while index < count:
        element = path.elementAt(index)
        if element.isMoveTo():
            parts.append(f"M{element.x:.2f} {element.y:.2f}")
            index += 1
        elif element.isLineTo():
            parts.append(f"L{element.x:.2f} {element.y:.2f}")
            index += 1
        else:  # CurveTo followed by two CurveToData elements
            first, second = path.elementAt(index + 1), path.elementAt(index + 2)
            parts.append(
                f"C{element.x:.2f} {element.y:.2f} {first.x:.2f} {first.y:.2f} {second.x:.2f} {second.y:.2f}"
            )
            index += 3
    return " ".join(parts) + " Z"


def write_svg(glyph: QPainterPath, target: Path) -> None:
    side = CANVAS - 2 * MARGIN
    target.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        "  <title>Itaku (委託)</title>\n"
        f'  <rect x="{MARGIN:g}" y="{MARGIN:g}" width="{side:g}" height="{side:g}" rx="{RADIUS:g}" fill="{BLUE}"/>\n'
        f'  <path fill="#ffffff" fill-rule="nonzero" d="{svg_data(glyph)}"/>\n'
        "</svg>\n",
        encoding="utf-8",
    )


def render(glyph: QPainterPath, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / CANVAS, size / CANVAS)
    painter.fillPath(square_path(), QColor(BLUE))
    painter.fillPath(glyph, QColor("#ffffff"))
    painter.end()
    return image


def write_ico(images: list[QImage], target: Path) -> None:
    """A Windows .ico holding every size as PNG (Vista and later read PNG entries)."""
    entries: list[bytes] = []
    for image in images:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        entries.append(bytes(data.data()))
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(images).to_bytes(2, "little")
    offset = 6 + 16 * len(images)
    directory = b""
    for image, entry in zip(images, entries, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256
        directory += bytes([side, side, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        directory += len(entry).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(entry)
    target.write_bytes(header + directory + b"".join(entries))


def main() -> int:
    QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    glyph = glyph_path()
    write_svg(glyph, ICONS / "itaku.svg")
    images = []
    for size in SIZES:
        image = render(glyph, size)
        image.save(str(ICONS / f"itaku-{size}.png"))
        images.append(image)
    images[-1].save(str(ICONS / "itaku.png"))
    write_ico(images, ICONS / "itaku.ico")
    for path in sorted(ICONS.iterdir()):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
