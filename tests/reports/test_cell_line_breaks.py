"""Where a register's cell breaks its lines: never inside a date or a number, a URL at its slashes.

reportlab's CJK wrapping cuts between any two characters, so a narrow cell printed 2025-1 / 1-06; the
shared cell (`CellParagraph`, used by every register table) breaks only where a reader expects.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.reports.pdf import render_register
from desktop.reports.pdf.layout import CellParagraph, make_styles
from desktop.reports.pdf.text import markup
from desktop.services.facade import Services

DATE = "2025-11-06"
NUMBER = "1,000,000"
URL = "https://www.example.co.jp/privacy/joint-use/notice/"


def cell_lines(text: str, width: float) -> list[str]:
    """The lines a register cell of `width` points lays `text` out in."""
    styles = make_styles()
    paragraph = CellParagraph(markup(text), styles.cell)
    paragraph.wrap(width, 10_000)
    laid_out = paragraph.blPara
    if laid_out.kind == 0:  # one run of text, laid out by reportlab: (extra space, [text]) per line
        return ["".join(line[1]).strip() for line in laid_out.lines]
    return ["".join(frag.text for frag in line.words).strip() for line in laid_out.lines]


def text_width(text: str) -> float:
    styles = make_styles()
    return stringWidth(text, styles.font, styles.cell.fontSize)


@pytest.mark.parametrize(
    "text, token",
    [
        (f"契約の期限（期限 {DATE}）まで", DATE),
        (f"期限は{DATE}です", DATE),
        (f"本人の数 約{NUMBER}人の顧客", NUMBER),
        (f"予算{NUMBER}円", NUMBER),
        ("共同利用の開始日 2025年11月6日から", "2025年11月6日"),
    ],
    ids=[
        "date-in-brackets",
        "date-in-a-sentence",
        "number-after-kanji",
        "number-before-yen",
        "japanese-date",
    ],
)
def test_a_cell_never_breaks_a_date_or_a_number_at_any_width_that_holds_it(text: str, token: str) -> None:
    styles = make_styles()
    room = text_width(token) + styles.cell.rightIndent + 1  # the narrowest cell the token fits in
    widths = [room + step * 2.5 for step in range(40)]
    laid_out = [(width, cell_lines(text, width)) for width in widths]
    broken = [(width, lines) for width, lines in laid_out if not any(token in line for line in lines)]
    assert broken == []


def test_a_url_wraps_at_its_slashes() -> None:
    segments = ("https://", "www.example.co.jp/", "privacy/", "joint-use/", "notice/")
    room = max(text_width(segment) for segment in segments) + make_styles().cell.rightIndent + 1
    for width in (room, room + 10, room + 25):
        lines = cell_lines(f"公表先 {URL}", width)
        url_lines = [line.removeprefix("公表先").strip() for line in lines if line.strip() != "公表先"]
        assert "".join(url_lines) == URL, (width, lines)
        assert all(line.endswith("/") for line in url_lines), (width, lines)


def test_a_reference_wider_than_its_cell_is_cut_after_its_punctuation_and_keeps_its_date_whole() -> None:
    reference = f"CTR-{DATE}-0001234567-REV03"
    lines = cell_lines(f"契約番号 {reference}", text_width(DATE) + make_styles().cell.rightIndent + 1)
    assert "".join(lines).replace(" ", "") == f"契約番号{reference}"
    assert any(DATE in line for line in lines), lines


def test_kinsoku_still_holds_closing_marks_on_their_line() -> None:
    for width in range(40, 120, 3):
        for line in cell_lines("（項目・目的に変更なし）。）合併による承継（吸収合併）。", width)[1:]:
            assert not line.startswith(("。", "、", "）")), (width, line)


def _lines_of(pdf: Path) -> list[str]:
    return [line.strip() for page in PdfReader(pdf).pages for line in page.extract_text().splitlines()]


def test_the_joint_use_and_contract_registers_keep_long_dates_numbers_and_urls_readable(
    demo_services: Services, tmp_path: Path
) -> None:
    url = "https://www.example-holdings.co.jp/corporate/privacy/joint-use/customer-information/2025/"
    joint_use = demo_services.joint_uses.list()[0]
    demo_services.joint_uses.update(
        joint_use.id,
        {
            "notice_reference": url,
            "pi_items": ["氏名", "住所", "購買履歴（2015-04-01以降の全件）", "会員番号（10桁）"],
            "joint_users": [
                "株式会社サンプルホールディングス",
                "サンプル・マーケティング・ソリューションズ株式会社",
            ],
        },
        joint_use.version,
    )
    contract = demo_services.contracts.list()[0]
    demo_services.contracts.update(
        contract.id,
        {
            "title": f"個人情報の取扱いに関する業務委託基本契約書（{NUMBER}件規模の顧客データ移行を含む）",
            "notes": f"詳細は {url} を参照。予算 12,345,678円（{DATE}改定）",
        },
        contract.version,
    )
    render_register(demo_services, "joint-uses", tmp_path / "joint-uses.pdf")
    render_register(demo_services, "contracts", tmp_path / "contracts.pdf")
    joint_lines = _lines_of(tmp_path / "joint-uses.pdf")
    contract_lines = _lines_of(tmp_path / "contracts.pdf")
    assert any("2015-04-01" in line for line in joint_lines)
    assert any(NUMBER in line for line in contract_lines)
    assert any("12,345,678" in line for line in contract_lines)
    assert any(DATE in line for line in contract_lines)
    # Every ISO date printed in either register is whole on its line: no line ends in a date cut short.
    cut = re.compile(r"(?<![\d-])\d{4}-\d{0,2}(-\d?)?$")
    assert [line for line in joint_lines + contract_lines if cut.search(line)] == []
    # The URL is printed whole, broken after its slashes: each part between two slashes is on one line.
    for lines in (joint_lines, contract_lines):
        assert url in "".join(lines).replace(" ", "")
        for part in ("corporate/", "privacy/", "joint-use/", "2025/"):
            assert any(part in line for line in lines), (part, [line for line in lines if "/" in line])
