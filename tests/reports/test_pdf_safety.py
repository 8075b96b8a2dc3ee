"""What the PDF registers must survive: markup in the data, very long text, bad requests and a cancel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.domain.errors import Cancelled, NotFoundError, ValidationError
from desktop.reports.pdf import render_register
from desktop.reports.pdf.fonts import register_font
from desktop.services.facade import Services
from tests.conftest import FIXED_NOW

AS_OF = FIXED_NOW.date()
HOSTILE_NAMES = (
    "<b>A&B</b>",
    "<script>alert(1)</script>",
    '<img src="/etc/passwd"/>画像',
    "AT&T &amp; Co.",
    "<font size=40>大</font>",
)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_markup_in_names_prints_literally_in_every_register_that_shows_them(
    sqlite_services: Services, tmp_path: Path
) -> None:
    ids = [sqlite_services.contractors.create({"name": name}).id for name in HOSTILE_NAMES]
    out = tmp_path / "contractors.pdf"
    render_register(sqlite_services, "contractors", out)
    text = squash(pdf_text(out))
    for name in HOSTILE_NAMES:
        assert squash(name) in text
    for contractor_id, name in zip(ids, HOSTILE_NAMES, strict=True):
        card = tmp_path / f"file-{contractor_id}.pdf"
        render_register(sqlite_services, "contractor-file", card, record_id=contractor_id)
        assert squash(name) in squash(pdf_text(card))


def test_markup_in_data_opens_no_image(sqlite_services: Services, tmp_path: Path) -> None:
    sqlite_services.contractors.create(
        {"name": '<img src="/etc/passwd"/>', "entrusted_work": '<img src="x.png"/>'}
    )
    out = tmp_path / "contractors.pdf"
    render_register(sqlite_services, "contractors", out)
    for page in PdfReader(out).pages:
        assert "/XObject" not in page["/Resources"]


def test_demo_contract_note_with_markup_characters_prints_literally(
    demo_services: Services, tmp_path: Path
) -> None:
    note = "旧契約（R&D支援業務、契約番号 <2019-07>）からの移行"
    notes = [row.contract.notes for row in demo_services.registers.contracts(AS_OF) if row.contract.notes]
    assert note in notes
    out = tmp_path / "contracts.pdf"
    render_register(demo_services, "contracts", out)
    assert squash(note) in squash(pdf_text(out))


def test_long_text_wraps_inside_its_cell_and_a_row_taller_than_a_page_splits(
    sqlite_services: Services, tmp_path: Path
) -> None:
    unbroken = "https://example.co.jp/" + "Ｘ" * 300
    work = "委託業務の説明。" * 457 + unbroken  # 3,978 characters: near the 4,000 a multiline field takes
    sqlite_services.contractors.create({"name": "株式会社長文", "entrusted_work": work})
    out = tmp_path / "contractors.pdf"
    result = render_register(sqlite_services, "contractors", out)
    assert result.pages > 1  # the one row runs over several pages instead of failing
    reader = PdfReader(out)
    text = squash("".join(page.extract_text() for page in reader.pages))  # running headers come in between
    assert text.count("説") == 457 and text.count("Ｘ") == 300  # counted by character: pages split phrases
    font = register_font()
    for page in reader.pages:
        right_edge = float(page.mediabox.width) - 12 * mm + 1
        overflowing: list[str] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font_dict: object,
            size: float,
            edge: float = right_edge,
            found: list[str] = overflowing,
        ) -> None:
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            scale = (tm[0] * cm[0]) or 1
            if x + stringWidth(text.rstrip("\n"), font, size * scale) > edge:
                found.append(text)

        page.extract_text(visitor_text=visit)
        assert overflowing == []


@pytest.mark.parametrize(
    ("register", "options", "field"),
    [
        ("ledger", {}, "register"),
        ("evaluation", {}, "id"),
        ("contractor-file", {}, "id"),
        ("contractors", {"record_id": 1}, "id"),
        ("joint-use-notice", {"record_id": 1, "filter_text": "x"}, "filter"),
    ],
)
def test_bad_request_is_a_validation_error_naming_the_field_and_writes_no_file(
    demo_services: Services, tmp_path: Path, register: str, options: dict[str, object], field: str
) -> None:
    out = tmp_path / "out.pdf"
    with pytest.raises(ValidationError) as error:
        render_register(demo_services, register, out, **options)  # type: ignore[arg-type]
    assert field in error.value.fields
    assert list(tmp_path.glob("*.pdf*")) == [] and list(tmp_path.glob(".*part")) == []


@pytest.mark.parametrize("register", ["evaluation", "joint-use-notice", "contractor-file"])
def test_unknown_id_is_not_found_and_leaves_an_existing_file_alone(
    demo_services: Services, tmp_path: Path, register: str
) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"previous report")
    with pytest.raises(NotFoundError):
        render_register(demo_services, register, out, record_id=999_999)
    assert out.read_bytes() == b"previous report"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".part")) == ["out.pdf"]


def test_missing_output_folder_is_a_validation_error(demo_services: Services, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as error:
        render_register(demo_services, "contractors", tmp_path / "no-such-folder" / "out.pdf")
    assert "out" in error.value.fields


def test_unwritable_output_is_a_validation_error_naming_out(demo_services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    with pytest.raises(ValidationError) as error:  # a file name longer than any file system allows
        render_register(demo_services, "contractors", folder / ("長" * 200 + ".pdf"))
    assert "out" in error.value.fields
    assert list(folder.iterdir()) == []


def test_a_long_but_valid_file_name_works(demo_services: Services, tmp_path: Path) -> None:
    out = tmp_path / ("a" * 250 + ".pdf")  # 254 bytes: the temporary file must not need a longer name
    render_register(demo_services, "joint-uses", out)
    assert out.is_file()


def test_a_pdf_that_cannot_be_replaced_is_a_validation_error_and_the_old_file_stays(
    demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "out.pdf"
    out.write_bytes(b"previous report")

    def locked(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")  # Windows: the old PDF is open in a viewer

    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(ValidationError) as error:
        render_register(demo_services, "joint-uses", out)
    assert "out" in error.value.fields
    assert out.read_bytes() == b"previous report"
    assert [p.name for p in folder.iterdir()] == ["out.pdf"]


def test_progress_counts_every_record_up_to_the_total(demo_services: Services, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))

    render_register(demo_services, "contractors", tmp_path / "out.pdf", progress=progress)
    assert calls[0] == (0, 40) and calls[-1] == (40, 40)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(calls) > 3  # reported page by page, not only at the ends


def test_cancel_from_progress_raises_and_leaves_no_file(demo_services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "out.pdf"

    def progress(done: int, total: int) -> None:
        if done > 0:  # stop after the first page of records
            raise Cancelled()

    with pytest.raises(Cancelled):
        render_register(demo_services, "contractors", out, progress=progress)
    assert list(folder.iterdir()) == []


def test_progress_returning_none_does_not_cancel(demo_services: Services, tmp_path: Path) -> None:
    result = render_register(
        demo_services, "engagements", tmp_path / "out.pdf", progress=lambda done, total: None
    )
    assert result.path.is_file()
