"""Draws Liaison's application icon from resources/icons/app/liaison.svg into the files each
system wants: PNGs in 16 to 512 pixels (Linux, the window icon), liaison.ico (Windows) and
liaison.icns (macOS).

    .venv/bin/python scripts/app_icon.py

Run it after changing the SVG; the generated files are kept in the repository, so building
the bundle needs neither this script nor Pillow's icon writers.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app"
SVG = FOLDER / "liaison.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"app_icon: {SVG} is not a valid SVG", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in sorted({*SIZES, *ICNS_SIZES})}
    for size in SIZES:
        images[size].save(FOLDER / f"liaison-{size}.png", optimize=True)
    # Pillow writes every size of an .ico from the largest picture given (each one resampled),
    # so the small sizes, which are drawn from the SVG here, go in as their own frames.
    images[256].save(
        FOLDER / "liaison.ico",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != 256],
    )
    images[1024].save(
        FOLDER / "liaison.icns",
        append_images=[images[size] for size in ICNS_SIZES if size != 1024],
    )
    for path in sorted(FOLDER.iterdir()):
        print(f"{path.name:20} {path.stat().st_size:>8} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
