"""itaku-cli report REGISTER --pdf OUT.pdf: exit codes, messages and no file on error."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.services.facade import Services


def test_report_writes_the_pdf_and_exits_0(
    demo_services: Services, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "contractors.pdf"
    assert (
        main(["--db", sqlite_url, "report", "contractors", "--pdf", str(out), "--as-of", "2026-04-01"]) == 0
    )
    pages = PdfReader(out).pages
    assert "基準日 2026年4月1日" in pages[0].extract_text()
    assert f"{len(pages)} ページ" in capsys.readouterr().out


def test_report_of_one_record_takes_its_id(demo_services: Services, sqlite_url: str, tmp_path: Path) -> None:
    contractor = demo_services.registers.contractors(demo_services.context.today())[0].contractor
    out = tmp_path / "file.pdf"
    assert (
        main(["--db", sqlite_url, "report", "contractor-file", "--id", str(contractor.id), "--pdf", str(out)])
        == 0
    )
    assert contractor.name in PdfReader(out).pages[0].extract_text()


def test_report_filter_is_passed_on(demo_services: Services, sqlite_url: str, tmp_path: Path) -> None:
    out = tmp_path / "contracts.pdf"
    assert main(["--db", sqlite_url, "report", "contracts", "--filter", "システム", "--pdf", str(out)]) == 0
    assert "絞り込み: 「システム」" in PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["report", "ledger"], "ledger"),
        (["report", "evaluation"], "--id"),
        (["report", "joint-use-notice", "--id", "999999"], "999999"),
        (["report", "contractor-file", "--id", "999999"], "999999"),
        (["report", "contractors", "--id", "1"], "--id"),
        (["report", "findings", "--as-of", "2026-13-01"], "--as-of"),
    ],
)
def test_report_error_exits_2_with_a_message_and_no_file(
    demo_services: Services,
    sqlite_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["--db", sqlite_url, *arguments, "--pdf", str(folder / "x.pdf")]) == 2
    assert message in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_unknown_register_is_refused_before_the_database_is_opened(tmp_path: Path) -> None:
    database = tmp_path / "never.sqlite3"
    assert main(["--db", f"sqlite:///{database}", "report", "ledger", "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert not database.exists()


def test_report_without_pdf_option_exits_2(sqlite_url: str) -> None:
    assert main(["--db", sqlite_url, "report", "contractors"]) == 2
