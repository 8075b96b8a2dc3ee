"""Build resources/fonts/HanaMinFallback.ttf: the ideographs Japanese names use that IPAexGothic lacks.

IPAexGothic covers JIS X 0213 but not, for instance, 𠮷 (U+20BB7, as in 𠮷野家) or 㐂 (U+3402). The fallback
font holds every ideograph of Adobe-Japan1-6 (the set Japanese publishing uses) and of JIS X 0213 that
IPAexGothic lacks, taken from Hanazono Mincho A and B (glyf outlines, embeddable; used under the Hanazono
Font License, which allows modification and redistribution: resources/fonts/LICENSE-HanaMin.txt). The
whole Hanazono fonts are 53 MB; this subset is about 3 MB.

Run once when the sets or the fonts change (the result is committed), on Debian with the packages
fonts-hanazono and unicode-data, and fontTools in any virtualenv:

    python tools/subset_fallback_font.py
"""

from __future__ import annotations

import bz2
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
UNIHAN = Path("/usr/share/unicode")
PRIMARY = ROOT / "resources" / "fonts" / "ipaexg.ttf"
OUTPUT = ROOT / "resources" / "fonts" / "HanaMinFallback.ttf"
FAMILY = "Itaku Fallback Mincho"
# (Unihan file, field): ideographs with an Adobe-Japan1-6 CID, and those of JIS X 0213.
SOURCES = (("RadicalStrokeCounts", "kRSAdobe_Japan1_6"), ("IRGSources", "kIRG_JSource"))


def japanese_ideographs() -> set[int]:
    wanted: set[int] = set()
    for name, field in SOURCES:
        with bz2.open(UNIHAN / f"Unihan_{name}.txt.bz2", "rt", encoding="utf-8") as lines:
            for line in lines:
                if f"\t{field}\t" in line:
                    wanted.add(int(line.split("\t", 1)[0][2:], 16))
    return wanted


def subset_of(font_file: Path, code_points: list[int], output: Path) -> None:
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = TTFont(font_file)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=code_points)
    subsetter.subset(font)
    font.save(output)


def main() -> int:
    primary = TTFont(PRIMARY, lazy=True).getBestCmap()
    mincho_a = TTFont(HANAZONO / "HanaMinA.ttf", lazy=True).getBestCmap()
    mincho_b = TTFont(HANAZONO / "HanaMinB.ttf", lazy=True).getBestCmap()
    missing = sorted(code for code in japanese_ideographs() if code not in primary)
    from_a = [code for code in missing if code in mincho_a]
    from_b = [code for code in missing if code not in mincho_a and code in mincho_b]
    with tempfile.TemporaryDirectory() as folder:
        part_a, part_b = Path(folder) / "a.ttf", Path(folder) / "b.ttf"
        subset_of(HANAZONO / "HanaMinA.ttf", from_a, part_a)
        subset_of(HANAZONO / "HanaMinB.ttf", from_b, part_b)
        merged = Merger().merge([str(part_a), str(part_b)])
    names = merged["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(FAMILY.replace(" ", ""), 6, record.platformID, record.platEncID, record.langID)
    merged["OS/2"].fsType = 0  # installable embedding, as Hanazono itself
    merged.save(OUTPUT)
    covered = len(from_a) + len(from_b)
    print(
        f"{OUTPUT.name}: {covered} ideographs ({len(missing) - covered} not in Hanazono), "
        f"{OUTPUT.stat().st_size:,} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
