"""`itaku --db PATH` refuses a database that does not exist or is not Itaku's, creating and changing nothing,
as `itaku-cli` does for every command but `init` (issue 13); the default database is still made on first run."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

import desktop.__main__ as entry
from desktop.ui import language

ROOT = Path(__file__).resolve().parents[2]


def folder_listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch, itaku_app: QApplication) -> list[str]:
    """The error dialogs shown; the window itself must never open."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, message, *a: shown.append(message))
    monkeypatch.setattr(entry, "open_window", lambda _args: pytest.fail("no window for a refused database"))
    return shown


def foreign_sqlite_file(path: Path) -> str:
    """Another program's SQLite database; returns its SHA-256."""
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipe (name TEXT, minutes INTEGER)")
        connection.execute("INSERT INTO recipe VALUES ('親子丼', 20)")
    connection.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("how", ["path", "url", "environment"])
def test_a_database_that_does_not_exist_is_refused_with_a_dialog_and_not_created(
    how: str, refusals: list[str], tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "typo" / "itaku.sqlite3"
    missing.parent.mkdir()
    arguments = ["--lang", "ja"]
    if how == "environment":
        monkeypatch.setenv("ITAKU_DATABASE_URL", f"sqlite:///{missing}")
    else:
        arguments += ["--db", str(missing) if how == "path" else f"sqlite:///{missing}"]
    assert entry.main(arguments) == 2
    assert len(refusals) == 1 and "データベースがありません" in refusals[0] and str(missing) in refusals[0]
    err = capsys.readouterr().err
    assert "データベースがありません" in err and f"no database at {missing}" in err
    assert folder_listing(tmp_path / "typo") == []  # no file, no journal, no attachments folder
    assert not (tmp_path / "userdata" / "itaku.sqlite3").exists()  # nor the default one instead


def test_a_sqlite_file_of_another_program_is_refused_and_left_unchanged(
    refusals: list[str], tmp_path: Path, capsys: Any
) -> None:
    other = tmp_path / "recipes.db"
    before = foreign_sqlite_file(other)
    assert entry.main(["--db", str(other), "--lang", "en"]) == 2
    assert len(refusals) == 1 and "is not an Itaku database" in refusals[0]
    assert "Itaku のデータベースではありません" in capsys.readouterr().err
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before
    assert folder_listing(tmp_path) == ["recipes.db"]  # no -wal, -journal or recipes-files beside it


def test_the_database_is_checked_again_where_it_is_opened(tmp_path: Path, itaku_app: QApplication) -> None:
    """Should the file vanish between the check and the opening, the opening refuses too."""
    missing = tmp_path / "gone.sqlite3"
    window = type("Window", (), {"isVisible": lambda self: True, "attach": lambda self, s: None})()
    args = entry.build_parser().parse_args(["--db", str(missing), "--screenshots", str(tmp_path / "shots")])
    with pytest.raises(Exception, match="no database at"):
        entry.open_database(window, args, sign_in=lambda services, window: True)
    assert folder_listing(tmp_path) == []


def test_headless_the_refusal_is_said_on_stderr_with_exit_2(tmp_path: Path) -> None:
    """--screenshots runs without a display: the refusal is printed, no dialog, nothing created."""
    other = tmp_path / "recipes.db"
    before = foreign_sqlite_file(other)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["ITAKU_DATA_DIR"] = str(tmp_path / "userdata")
    for db, said in ((tmp_path / "missing.sqlite3", "no database at"), (other, "is not an Itaku database")):
        result = subprocess.run(
            [sys.executable, "-m", "desktop", "--db", str(db), "--screenshots", str(tmp_path / "shots")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 2 and said in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert folder_listing(tmp_path) == ["recipes.db"]  # no database, no pictures folder, no user data
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before


def test_without_db_the_first_run_still_creates_the_default_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, itaku_app: QApplication
) -> None:
    monkeypatch.setattr(language, "stored_database_url", lambda: None)
    default = tmp_path / "userdata" / "itaku.sqlite3"
    assert not default.exists()
    args = entry.build_parser().parse_args(["--lang", "ja"])
    assert entry.unusable_database(args) is None
    attached: list[Any] = []
    window = type(
        "Window", (), {"isVisible": lambda self: True, "attach": lambda self, s: attached.append(s)}
    )()
    services = entry.open_database(window, args, sign_in=entry.sign_in_from_environment)
    assert services is not None
    try:
        assert attached == [services] and not services.accounts.has_accounts()  # first-run set-up, as today
        assert services.context.role == "officer"
        assert default.is_file()
    finally:
        services.close()


def test_the_check_before_the_first_paint_does_not_wait_for_sqlalchemy(
    tmp_path: Path, sqlite_services: Any
) -> None:
    """The window paints before SQLAlchemy is imported (desktop.__main__): the --db check reads the file with
    the standard library only, and still tells an Itaku database from a missing path or another file."""
    other = tmp_path / "recipes.db"
    foreign_sqlite_file(other)
    script = f"""
import sys
from desktop.__main__ import build_parser, unusable_database
said = [
    unusable_database(build_parser().parse_args(["--db", db]))
    for db in ({sqlite_services.database.url!r}, {str(tmp_path / "missing.sqlite3")!r}, {str(other)!r})
]
assert said[0] is None, said[0]
assert "no database at" in said[1].en and "not an Itaku database" in said[2].en, said
assert "sqlalchemy" not in sys.modules
print("ok")
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "ok", result.stderr
