"""File → Restore from backup… in the window: the daily backups newest first (or a chosen file), what will happen,
the restore off the GUI thread, the copy kept of the replaced database, the restart with the same program and
arguments; a refused file changes nothing; only the officer, and only on SQLite, is offered the action."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.app import build_services
from desktop.ui import restore_dialog
from desktop.ui.restore_dialog import RestoreDialog, relaunch_command
from tests.conftest import FIXED_NOW, _reset_postgres, make_services
from tests.ui.conftest import OFFSCREEN_NOTES, wait_for_message_box

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)


@pytest.fixture
def relaunched(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The commands Itaku asked to start instead of starting them; the program runs as `itaku --lang ja`."""
    calls: list[list[str]] = []

    def relaunch(command: Sequence[str]) -> bool:
        calls.append(list(command))
        return True

    monkeypatch.setattr(restore_dialog, "relaunch_application", relaunch)
    monkeypatch.setattr(sys, "orig_argv", ["python3", "/venv/bin/itaku", "--lang", "ja"])
    monkeypatch.setattr(sys, "argv", ["/venv/bin/itaku", "--lang", "ja"])
    return calls


@pytest.fixture
def chosen_file(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The open-file dialog, answered with `chosen_file["answer"]`."""
    state: dict[str, Any] = {"answer": ""}

    def get_open_file_name(_parent: Any, _caption: str, _folder: str, _filter: str) -> tuple[str, str]:
        return str(state["answer"]), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)
    return state


def make_daily_backup(services: Any, day: int) -> Path:
    """A daily backup as ensure_daily names it, made on 2026-11-`day` by the service's clock."""
    services.context.clock = lambda: datetime(2026, 11, day, 3, 0, tzinfo=UTC)
    try:
        path = services.backups.daily_folder / f"itaku-202611{day:02d}.itaku-backup.zip"
        return Path(services.backups.backup(path).path)
    finally:
        services.context.clock = lambda: FIXED_NOW


def open_dialog(window: Any) -> RestoreDialog:
    window.restore_action.trigger()
    dialogs = [dialog for dialog in window.findChildren(RestoreDialog) if dialog.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def table_text(dialog: RestoreDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def database_digest(services: Any) -> str:
    return hashlib.sha256(Path(services.backups.database_file).read_bytes()).hexdigest()


def first_contractor_name(url: str, tmp_path: Path) -> str:
    fresh = make_services(url, tmp_path)
    try:
        return str(fresh.contractors.get(1).name)
    finally:
        fresh.close()


def test_restore_waits_for_a_database(qtbot: Any, itaku_app: Any) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.restore_action.objectName() == "restoreAction"
    assert not window.restore_action.isEnabled() and window.open_restore_dialog() is None


def test_the_window_frame_does_not_import_the_restore_dialog(tmp_path: Path) -> None:
    """The frame paints before any database work; the dialog module is loaded once a database is attached."""
    import subprocess

    script = """
import sys
from PySide6.QtWidgets import QApplication
application = QApplication([])
from desktop.ui.main_window import MainWindow
window = MainWindow()
window.restore_action.setEnabled(True)
window.restore_action.setEnabled(False)
print("desktop.ui.restore_dialog" in sys.modules)
"""
    root = Path(__file__).resolve().parents[2]
    env = {
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(root),
        "HOME": str(tmp_path),
        "ITAKU_TRANSLATIONS_CACHE": str(tmp_path / "qm"),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=root, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_action_follows_backup_in_the_file_menu_in_japanese(window: Any) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    actions = file_menu.actions()
    assert actions[actions.index(window.backup_action) + 1] is window.restore_action
    assert window.restore_action in window.database_actions()
    assert window.restore_action.text() == "バックアップから復元(&T)…"
    assert window.restore_action.isEnabled() and window.restore_action.statusTip() == ""  # no refusal to show


def test_the_list_shows_daily_backups_newest_first(
    qtbot: Any, qtmodeltester: Any, window: Any, demo_services: Any
) -> None:
    for day in (23, 25, 24):
        make_daily_backup(demo_services, day)
    dialog = open_dialog(window)
    rows = table_text(dialog)
    assert [row[3] for row in rows] == [
        "itaku-20261125.itaku-backup.zip",
        "itaku-20261124.itaku-backup.zip",
        "itaku-20261123.itaku-backup.zip",
    ]
    assert rows[0][0] == "2026-11-25 12:00" and rows[0][1] == "毎日の自動バックアップ"
    assert rows[0][2].endswith(("KB", "MB"))
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "作成日時"
    qtmodeltester.check(dialog.model)
    # The newest is chosen; the plan names it, its date, the copy kept and the restart.
    summary = dialog.summary.text()
    assert "itaku-20261125.itaku-backup.zip（2026-11-25 12:00 作成" in summary
    assert "itaku.before-restore-<日時>.sqlite3" in summary
    assert str(Path(demo_services.backups.database_file).parent) in summary
    assert "再起動" in summary
    assert "問題があれば何も変更しません" in summary  # issue 13: checked in full before anything is replaced
    dialog.select_row(2)
    assert "itaku-20261123.itaku-backup.zip（2026-11-23 12:00 作成" in dialog.summary.text()
    assert dialog.restore_button.isEnabled() and not dialog.restore_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter cancels: nothing is replaced by accident
    assert not dialog.isVisible() and dialog.operation is None


def test_without_backups_the_dialog_says_so_and_offers_a_file(
    qtbot: Any, window: Any, demo_services: Any, chosen_file: dict[str, Any], tmp_path: Path
) -> None:
    dialog = open_dialog(window)
    assert dialog.model.rowCount() == 0 and not dialog.restore_button.isEnabled()
    assert "まだありません" in dialog.empty_label.text()
    chosen_file["answer"] = demo_services.backups.backup(tmp_path / "elsewhere" / "mine.zip").path
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert table_text(dialog)[0][1] == "選んだファイル" and table_text(dialog)[0][3] == "mine.zip"
    assert dialog.restore_button.isEnabled() and "mine.zip" in dialog.summary.text()
    dialog.reject()


def test_restoring_an_earlier_backup_brings_back_its_data_and_keeps_the_replaced_one(
    qtbot: Any, window: Any, demo_services: Any, relaunched: list[list[str]], tmp_path: Path
) -> None:
    url = demo_services.database.url
    original = demo_services.contractors.get(1)
    make_daily_backup(demo_services, 24)
    demo_services.contractors.update(1, {"name": "株式会社 復元前の名前"}, expected_version=original.version)
    dialog = open_dialog(window)
    with qtbot.waitSignal(dialog.restored, timeout=20000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    box = wait_for_message_box(qtbot, window, "restoreResult")
    assert box.text() == "データベースを復元しました。"
    [kept] = demo_services.backups.pre_restore_copies()
    assert str(kept) in box.informativeText() and "itaku-20261124.itaku-backup.zip" in box.informativeText()
    assert first_contractor_name(url, tmp_path) == original.name
    assert first_contractor_name(f"sqlite:///{kept}", tmp_path / "kept") == "株式会社 復元前の名前"
    box.accept()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_after_the_restore_the_same_program_starts_again_and_the_window_closes(
    qtbot: Any, window: Any, demo_services: Any, relaunched: list[list[str]]
) -> None:
    make_daily_backup(demo_services, 24)
    dialog = open_dialog(window)
    with qtbot.waitSignal(dialog.restored, timeout=20000):
        dialog.start_restore()
    assert relaunched == []  # not before the user has read what happened
    wait_for_message_box(qtbot, window, "restoreResult").accept()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert relaunched == [[sys.executable, "/venv/bin/itaku", "--lang", "ja"]]


def test_when_the_restart_fails_the_user_is_told_to_start_itaku_again(
    qtbot: Any, window: Any, demo_services: Any, relaunched: list[list[str]]
) -> None:
    make_daily_backup(demo_services, 24)
    dialog = RestoreDialog(demo_services, window, relaunch=lambda _command: False)
    dialog.open()
    with qtbot.waitSignal(dialog.restored, timeout=20000):
        dialog.start_restore()
    wait_for_message_box(qtbot, window, "restoreResult").accept()
    box = wait_for_message_box(qtbot, window, "restartError")
    assert "もう一度起動" in box.text() and window.isVisible()
    box.accept()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert relaunched == []  # the dialog's own relaunch was used


def test_the_relaunch_command_is_the_program_and_its_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "orig_argv", ["python3", "-X", "utf8", "-m", "desktop", "--db", "x.sqlite3"])
    monkeypatch.setattr(sys, "argv", ["/src/desktop/__main__.py", "--db", "x.sqlite3"])
    assert relaunch_command() == [sys.executable, "-X", "utf8", "-m", "desktop", "--db", "x.sqlite3"]
    # The PyInstaller bundle: sys.executable is the app itself, argv[0] its path.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/itaku/itaku")
    monkeypatch.setattr(sys, "argv", ["/opt/itaku/itaku", "--lang", "en"])
    assert relaunch_command() == ["/opt/itaku/itaku", "--lang", "en"]


def test_a_program_that_cannot_start_is_reported_as_not_relaunched(qapp: Any, tmp_path: Path) -> None:
    assert restore_dialog.relaunch_application([str(tmp_path / "no-such-program"), "--lang", "ja"]) is False


@pytest.mark.parametrize("kind", ["not an Itaku database", "missing"])
def test_a_refused_file_shows_the_message_and_changes_nothing(
    qtbot: Any,
    window: Any,
    demo_services: Any,
    relaunched: list[list[str]],
    chosen_file: dict[str, Any],
    tmp_path: Path,
    kind: str,
) -> None:
    import sqlite3

    chosen = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(chosen)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    before = database_digest(demo_services)
    dialog = open_dialog(window)
    chosen_file["answer"] = chosen
    dialog.choose_file()
    assert table_text(dialog)[0][3] == "other.sqlite3"
    expected = "Itaku のデータベースではありません。"
    if kind == "missing":
        chosen.unlink()
        expected = f"ファイルが見つかりません: {chosen}"
    operation = dialog.start_restore()
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=20000) as finished:
        pass
    assert finished.args == [False]
    box = wait_for_message_box(qtbot, dialog)
    assert box.text() == expected and dialog.error_label.text() == expected
    box.accept()
    assert database_digest(demo_services) == before and demo_services.backups.pre_restore_copies() == []
    assert dialog.isVisible() and dialog.restore_button.isEnabled() and relaunched == []
    assert window.isVisible()
    dialog.reject()


@pytest.mark.parametrize("role", ["staff", "auditor"])
def test_staff_and_auditors_find_restore_disabled_naming_the_officer(
    qtbot: Any, make_window: Any, demo_services: Any, tmp_path: Path, role: str
) -> None:
    other = build_services(
        demo_services.database.url,
        actor=role,
        data_dir=tmp_path / "files",
        clock=lambda: FIXED_NOW,
        role=role,
    )
    try:
        window = make_window(other)
        assert window.backup_action.isEnabled() and not window.restore_action.isEnabled()
        assert "個人情報保護責任者" in window.restore_action.toolTip()
        assert window.menuBar().actions()[0].menu().toolTipsVisible()
        dialog = window.open_restore_dialog()  # reached another way, it still refuses
        assert not dialog.restore_button.isEnabled() and dialog.start_restore() is None
        assert "個人情報保護責任者" in dialog.error_label.text()
        dialog.reject()
    finally:
        other.close()


@pytest.mark.postgres
def test_postgresql_disables_restore_and_points_to_pg_restore(
    qtbot: Any, make_window: Any, postgres_database: str, tmp_path: Path
) -> None:
    _reset_postgres(postgres_database)
    services = make_services(postgres_database, tmp_path)
    try:
        window = make_window(services)
        assert window.backup_action.isEnabled() and not window.restore_action.isEnabled()
        assert "pg_restore" in window.restore_action.toolTip()
        assert "データベース管理者" in window.restore_action.toolTip()
    finally:
        services.close()


def test_a_backup_planting_a_file_in_backups_is_refused_from_the_window_and_changes_nothing(
    qtbot: Any,
    window: Any,
    demo_services: Any,
    relaunched: list[list[str]],
    chosen_file: dict[str, Any],
    tmp_path: Path,
) -> None:
    """Issue 13: the attack zip (a manifest key `attachments/../backups/…`) is refused before anything is
    replaced; the window stays on the live database, whose records, attachments and backups are as before."""
    import json
    import zipfile

    backup = make_daily_backup(demo_services, 24)
    planted = b"planted"
    attack = tmp_path / "attack.itaku-backup.zip"
    key = "attachments/../backups/itaku-99991231.itaku-backup.zip"
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(attack, "w") as target:
        manifest = json.loads(source.read("manifest.json"))
        manifest["attachments"][key] = hashlib.sha256(planted).hexdigest()
        target.writestr("manifest.json", json.dumps(manifest))
        for info in source.infolist():
            if info.filename != "manifest.json":
                target.writestr(info.filename, source.read(info))
        target.writestr(key, planted)
    backups_before = sorted(path.name for path in demo_services.backups.daily_folder.iterdir())
    before = database_digest(demo_services)
    dialog = open_dialog(window)
    chosen_file["answer"] = attack
    dialog.choose_file()
    operation = dialog.start_restore()
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=20000) as finished:
        pass
    assert finished.args == [False]
    box = wait_for_message_box(qtbot, dialog)
    assert box.text() == "バックアップに不正なパスが含まれています。"
    box.accept()
    assert database_digest(demo_services) == before and demo_services.backups.pre_restore_copies() == []
    assert sorted(path.name for path in demo_services.backups.daily_folder.iterdir()) == backups_before
    assert relaunched == [] and window.isVisible()
    assert len(demo_services.contractors.search()) == 40  # the window's services still read the live database
    dialog.reject()
