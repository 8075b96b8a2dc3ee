"""File → Backup… in the window: the file chosen (default itaku-YYYYMMDD.itaku-backup.zip), the backup written
off the GUI thread and described; PostgreSQL told to use pg_dump; auditors may back up and print."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.app import build_services
from tests.conftest import FIXED_NOW, _reset_postgres, make_services
from tests.ui.conftest import OFFSCREEN_NOTES, wait_for_message_box

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """The save dialog, answered with `chosen["answer"]`; it records the name it suggested."""
    state: dict[str, Any] = {"answer": str(tmp_path / "saved" / "copy.itaku-backup.zip"), "suggested": None}

    def get_save_file_name(_parent: Any, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        state["suggested"] = suggested
        return state["answer"], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return state


def test_backup_and_print_wait_for_a_database(qtbot: Any, itaku_app: Any) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.backup_action.isEnabled() and not window.print_action.isEnabled()
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    assert window.start_backup() is None and window.open_print_dialog() is None


def test_backup_writes_the_chosen_file_and_shows_what_it_holds(
    qtbot: Any, window: Any, chosen: dict[str, Any]
) -> None:
    window.backup_action.trigger()
    box = wait_for_message_box(qtbot, window, "backupResult")
    assert Path(chosen["suggested"]).name == "itaku-20261125.itaku-backup.zip"
    target = Path(chosen["answer"])
    assert box.text() == "バックアップを作成しました。"
    assert str(target) in box.informativeText()
    with zipfile.ZipFile(target) as archive:
        assert "itaku.sqlite3" in archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == "itaku-backup" and manifest["created_by"] == "tester"
    box.accept()


def test_cancelled_file_choice_writes_nothing(qtbot: Any, window: Any, chosen: dict[str, Any]) -> None:
    chosen["answer"] = ""
    assert window.start_backup() is None
    assert chosen["suggested"] is not None
    assert not Path(chosen["suggested"]).exists()


def test_auditor_may_back_up_and_print(
    qtbot: Any, make_window: Any, demo_services: Any, tmp_path: Path, chosen: dict[str, Any]
) -> None:
    auditor = build_services(
        demo_services.database.url,
        actor="auditor",
        data_dir=tmp_path / "files",
        clock=lambda: FIXED_NOW,
        role="auditor",
    )
    try:
        window = make_window(auditor)
        assert window.print_action.isEnabled() and window.backup_action.isEnabled()
        dialog = window.open_print_dialog()
        assert dialog is not None and dialog.isVisible()
        dialog.reject()
        operation = window.start_backup()
        with qtbot.waitSignal(operation.finished, timeout=20000) as signal:
            pass
        assert signal.args == [True]
        assert Path(chosen["answer"]).is_file()
        wait_for_message_box(qtbot, window, "backupResult").accept()
    finally:
        auditor.close()


@pytest.mark.postgres
def test_postgresql_backup_says_to_use_pg_dump(
    qtbot: Any, make_window: Any, postgres_database: str, tmp_path: Path, chosen: dict[str, Any]
) -> None:
    _reset_postgres(postgres_database)
    services = make_services(postgres_database, tmp_path)
    try:
        window = make_window(services)
        assert window.start_backup() is None
        box = wait_for_message_box(qtbot, window, "backupError")
        assert "pg_dump" in box.text()
        assert chosen["suggested"] is None  # refused before asking for a file
        box.accept()
    finally:
        services.close()
