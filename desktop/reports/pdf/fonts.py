"""The Japanese fonts of every PDF: IPAexGothic, and a Mincho fallback for the ideographs it lacks.

reportlab's built-in CID font `HeiseiKakuGo-W5` is never embedded (a viewer without Japanese fonts
shows blanks or boxes), so we register the TrueType file shipped in resources/ instead; reportlab
embeds only the glyphs used (/FontFile2 of a subset font) with a ToUnicode map, so the text also
copies out of the PDF correctly.

IPAexGothic lacks some ideographs Japanese names use (𠮷 as in 𠮷野家); resources/fonts/HanaMinFallback.ttf
holds them (a Hanazono Mincho subset, see tools/subset_fallback_font.py). What neither font holds (emoji,
say) cannot be printed: `desktop.reports.pdf.text` prints 〓 in its place and the report lists it.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "IPAexGothic"
FONT_FILE = "ipaexg.ttf"
FALLBACK_FONT_NAME = "ItakuFallbackMincho"
FALLBACK_FONT_FILE = "HanaMinFallback.ttf"
# Each bundled font and the file of the licence it is distributed under, beside it in resources/fonts.
# Every distribution carries the licence with the font: the bundle has the whole folder, the Linux archive
# has the licences at its top too (installer/build.py), and the bundle's self-test checks them.
FONT_LICENCES = {FONT_FILE: "LICENSE-IPAexFont.txt", FALLBACK_FONT_FILE: "LICENSE-HanaMin.txt"}
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


def missing_font_licences(folder: Path) -> list[str]:
    """What is wrong with the licences of the fonts in `folder`, one line each; [] when every font file
    there has its licence file beside it (a font this list does not know has none)."""
    problems = []
    for font in sorted(path for path in folder.iterdir() if path.suffix.lower() in FONT_SUFFIXES):
        licence = FONT_LICENCES.get(font.name)
        if licence is None:
            problems.append(
                f"{font.name}: no licence named for it (desktop/reports/pdf/fonts.py FONT_LICENCES)"
            )
        elif not (folder / licence).is_file():
            problems.append(f"{font.name}: its licence {licence} is missing from {folder}")
    return problems


def font_path(name: str = FONT_FILE) -> Path:
    """resources/fonts/<name> beside the package, or inside a PyInstaller bundle."""
    candidates = [Path(__file__).resolve().parents[3] / "resources" / "fonts" / name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources" / "fonts" / name)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"Japanese font not found: {candidates[-1]}")


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with a character past U+FFFF (𠮷) written as PDF wants it: UTF-16, a
    surrogate pair. reportlab writes its five hex digits, so the text copied out of the PDF was wrong."""
    entries = [
        f"<{index:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>" for index, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def register_font() -> str:
    """Register IPAexGothic and the fallback once per process and return IPAexGothic's reportlab name."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    registered = pdfmetrics.getRegisteredFontNames()
    for name, file in ((FONT_NAME, FONT_FILE), (FALLBACK_FONT_NAME, FALLBACK_FONT_FILE)):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(font_path(file))))
            # One face only: bold and italic map to it, so <b> in our own markup never fails.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
    return FONT_NAME


@functools.cache
def glyph_coverage() -> tuple[frozenset[int], frozenset[int]]:
    """The code points IPAexGothic draws, and those only the fallback draws."""
    register_font()
    primary = frozenset(pdfmetrics.getFont(FONT_NAME).face.charToGlyph)
    fallback = frozenset(pdfmetrics.getFont(FALLBACK_FONT_NAME).face.charToGlyph) - primary
    return primary, fallback
