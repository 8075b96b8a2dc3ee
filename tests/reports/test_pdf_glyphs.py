"""No character is lost on paper: what IPAexGothic lacks is set in the fallback font, what no font has is 〓."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.reports.pdf import render_register
from desktop.reports.pdf.fonts import FALLBACK_FONT_NAME, FONT_NAME, glyph_coverage
from desktop.reports.pdf.text import MISSING_GLYPH, collecting_unprintable, markup
from desktop.services.facade import Services
from tests.conftest import FIXED_NOW

YOSHINOYA = "株式会社\U00020bb7野家"  # 𠮷 (U+20BB7): CJK Extension B, not in IPAexGothic
EMOJI = "\U0001f600"


def fonts_of(path: Path) -> set[str]:
    """The base names of the fonts a PDF embeds (without the subset prefix)."""
    names: set[str] = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_the_fallback_font_holds_the_extension_b_ideographs_japanese_names_use() -> None:
    primary, fallback = glyph_coverage()
    for character in ("\U00020bb7", "\U0002000b", "\U00029e3d"):  # 𠮷 𠀋 𩸽
        assert ord(character) in primary or ord(character) in fallback, character
    assert 0x20BB7 in fallback and 0x20BB7 not in primary


def test_markup_sets_what_the_main_font_lacks_in_the_fallback_and_marks_what_none_has() -> None:
    with collecting_unprintable() as unprintable:
        text = markup(f"{YOSHINOYA}{EMOJI}<b>")
    assert text == f'株式会社<font face="{FALLBACK_FONT_NAME}">\U00020bb7</font>野家{MISSING_GLYPH}&lt;b&gt;'
    assert unprintable == {EMOJI}
    assert markup("葛\U000e0100城") == "葛城"  # an ideographic variation selector draws nothing itself


def test_an_extension_b_name_prints_in_the_fallback_font_and_an_emoji_as_geta_named_in_the_result(
    sqlite_services: Services, tmp_path: Path
) -> None:
    sqlite_services.contractors.create({"name": YOSHINOYA})
    sqlite_services.contractors.create({"name": f"スマイル商店{EMOJI}"})
    result = render_register(sqlite_services, "contractors", tmp_path / "r.pdf", as_of=FIXED_NOW.date())
    assert fonts_of(result.path) == {FONT_NAME, FALLBACK_FONT_NAME}
    text = "".join(page.extract_text() for page in PdfReader(result.path).pages)
    assert YOSHINOYA in text and f"スマイル商店{MISSING_GLYPH}" in text
    assert result.unprintable == (EMOJI,)
    warning = result.unprintable_warning()
    assert warning is not None and "U+1F600" in warning.en and "〓" in warning.ja


def test_a_register_without_such_characters_has_no_warning_and_no_fallback_font(
    sqlite_services: Services, tmp_path: Path
) -> None:
    sqlite_services.contractors.create({"name": "株式会社あおば"})
    result = render_register(sqlite_services, "contractors", tmp_path / "r.pdf", as_of=FIXED_NOW.date())
    assert result.unprintable == () and result.unprintable_warning() is None
    assert fonts_of(result.path) == {FONT_NAME}


def test_the_report_command_warns_of_characters_printed_as_geta(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "itaku.sqlite3")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "contractor", "add", "--name", f"スマイル商店{EMOJI}"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--lang", "en", "report", "contractors", "--pdf", str(tmp_path / "r.pdf")]) == 0
    assert "Warning: These characters have no printable glyph and are shown as 〓: 😀 (U+1F600)" in (
        capsys.readouterr().err
    )


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_the_fallback_glyph_is_drawn_not_the_missing_glyph_box(tmp_path: Path) -> None:
    """Rendered to pixels, 𠮷 is drawn as itself, not as the box IPAexGothic draws for a glyph it lacks."""
    from PIL import Image
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from desktop.reports.pdf.layout import make_styles

    def picture(paragraph_markup: str, name: str) -> Image.Image:
        path = tmp_path / f"{name}.pdf"
        SimpleDocTemplate(str(path)).build([Paragraph(paragraph_markup, make_styles(24).cell)])
        subprocess.run(
            ["pdftoppm", "-r", "100", "-png", "-singlefile", str(path), str(path.with_suffix(""))], check=True
        )
        return Image.open(path.with_suffix(".png")).convert("L")

    printed = picture(markup("\U00020bb7"), "printed")
    box = picture(f'<font face="{FONT_NAME}">\U00020bb7</font>', "box")  # IPAexGothic alone: its .notdef
    assert sum(printed.histogram()[:200]) > 100  # ink, not a blank
    assert printed.tobytes() != box.tobytes()
