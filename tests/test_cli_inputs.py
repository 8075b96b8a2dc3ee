"""itaku-cli refuses bad input with exit 2 and a message, and writes nothing: ids, bytes, paths, --db."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.app import build_services
from desktop.cli import main
from tests.cli_in_process import new_database


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database `init` made (set-up mode: no account yet)."""
    return new_database(tmp_path)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "command",
    [
        ["evaluation", "approve", "--id", str(2**63)],
        ["approve", "contract", "1", str(2**64)],
        ["report", "evaluation", "--pdf", "x.pdf", "--id", "99999999999999999999"],
        ["evaluation", "approve", "--id", "0"],
    ],
)
def test_an_id_past_the_database_range_exits_2_with_a_message(
    db: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db, *command]) == 2
    err = capsys.readouterr().err
    assert "id" in err and "Traceback" not in err


def test_an_argument_that_is_not_utf8_exits_2_and_writes_nothing(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(Path(db))
    undecodable = os.fsdecode(b"\xff\xfe\xe6\xa0\xaa")  # how Python hands over bytes that are not UTF-8
    assert main(["--db", db, "contractor", "add", "--name", undecodable]) == 2
    assert "argument 6 is not valid UTF-8" in capsys.readouterr().err
    assert _digest(Path(db)) == before


def test_an_export_to_a_folder_exits_2_and_leaves_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["--db", db, "export", "--xlsx", str(folder)]) == 2
    assert "出力先がフォルダです" in capsys.readouterr().err
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob("*.part"))


def test_an_export_under_a_file_exits_2(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("a file, not a folder")
    assert main(["--db", db, "--lang", "en", "export", "--xlsx", str(plain / "audit.xlsx")]) == 2
    assert "xlsx" in capsys.readouterr().err


def test_a_backup_to_a_folder_exits_2(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "backup", str(tmp_path)]) == 2
    assert "出力先がフォルダです" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root writes anywhere")
def test_an_export_into_a_read_only_folder_exits_2(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert main(["--db", db, "--lang", "en", "export", "--xlsx", str(folder / "audit.xlsx")]) == 2
        assert "permission" in capsys.readouterr().err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_workbook_that_cannot_be_moved_into_place_leaves_no_part_file(db: str, tmp_path: Path) -> None:
    from desktop.domain.errors import ValidationError
    from desktop.reports.xlsx.audit_workbook import AuditWorkbook

    target = tmp_path / "audit.xlsx"
    target.mkdir()  # appears after any check: the final rename fails
    (target / "keep").write_text("x")
    services = build_services(db)
    try:
        with pytest.raises(ValidationError):
            AuditWorkbook(services, None, "ja", None).write(target)
    finally:
        services.close()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_db_that_is_a_text_file_exits_2_and_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n")
    for command in (["check"], ["init"]):
        assert main(["--db", str(text), "--lang", "en", *command]) == 2
        assert "is not a SQLite database" in capsys.readouterr().err
    assert text.read_text() == "not a database\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("notes")] == ["notes.txt"]


@pytest.mark.parametrize(
    "url", ["foo://somewhere/db", "postgresql+nodriver://localhost/x", "sqlite+nodriver:///x.db"]
)
def test_a_db_naming_an_unknown_driver_exits_2(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "--lang", "en", "check"]) == 2
    err = capsys.readouterr().err
    assert "unknown driver" in err and "Traceback" not in err


def test_a_db_path_that_does_not_exist_is_refused_and_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.sqlite3"
    for command in (
        ["check"],
        ["contractor", "add", "--name", "A"],
        ["demo"],
        ["import", "contractors", "x.xlsx"],
    ):
        assert main(["--db", str(missing), "--lang", "en", *command]) == 2
        assert "run `itaku-cli init`" in capsys.readouterr().err
    assert not missing.exists()
    assert not (tmp_path / "typo-files").exists()
    assert main(["--db", str(missing), "init"]) == 0  # init is how a database is made
    assert missing.exists()


def test_a_db_that_is_some_other_sqlite_file_is_refused_and_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "photos.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO photo (name) VALUES ('桜')")
    connection.close()
    before = _digest(other)
    assert main(["--db", str(other), "--lang", "en", "contractor", "list"]) == 2
    assert "is not an Itaku database" in capsys.readouterr().err
    assert _digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("photos")) == ["photos.db"]


def test_a_report_filter_past_the_limit_exits_2_before_any_work(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 16,000 characters took 55 s in reportlab.
    out = tmp_path / "r.pdf"
    assert (
        main(
            ["--db", db, "--lang", "en", "report", "contractors", "--pdf", str(out), "--filter", "あ" * 16000]
        )
        == 2
    )
    assert "at most 200 characters" in capsys.readouterr().err
    assert not out.exists()


def test_a_search_past_the_limit_exits_2(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "--lang", "en", "contractor", "list", "--search", "%" * 16000]) == 2
    assert "search" in capsys.readouterr().err
