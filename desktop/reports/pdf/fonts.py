"""The Japanese font of every PDF: IPAexGothic, embedded as a subset.

reportlab's built-in CID font `HeiseiKakuGo-W5` is never embedded (a viewer without Japanese fonts
shows blanks or boxes), so we register the TrueType file shipped in resources/ instead; reportlab
embeds only the glyphs used (/FontFile2 of a subset font) with a ToUnicode map, so the text also
copies out of the PDF correctly.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "IPAexGothic"
FONT_FILE = "ipaexg.ttf"


def font_path() -> Path:
    """resources/fonts/ipaexg.ttf beside the package, or inside a PyInstaller bundle."""
    candidates = [Path(__file__).resolve().parents[3] / "resources" / "fonts" / FONT_FILE]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources" / "fonts" / FONT_FILE)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"Japanese font not found: {candidates[-1]}")


def register_font() -> str:
    """Register IPAexGothic once per process and return its reportlab name."""
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path())))
        # One face only: bold and italic map to it, so <b> in our own markup never fails.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
    return FONT_NAME
