"""Start-up: the dashboard's figures from the stored findings snapshot before the database is open (SQLite, no
accounts), the database opened on a worker thread while the window paints, then sign-in and the pages."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import build_services, quick_preview
from desktop.ui.main_window import COUNT_ROLE, MainWindow
from tests.conftest import FIXED_NOW
from tests.ui.conftest import OFFSCREEN_NOTES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)
ROOT = Path(__file__).resolve().parents[2]


def figures(window: MainWindow) -> tuple[str, str, str]:
    page: Any = window.pages["dashboard"]
    return page.blocking_figure.number.text(), page.warning_figure.number.text(), page.deadline_figure.number.text()


def navigation_counts(window: MainWindow) -> dict[str, int]:
    return {key: window.navigation_item(key).data(COUNT_ROLE) for key, _label in window.page_labels()}


def store_todays_snapshot(url: str) -> Any:
    """The findings snapshot under today's real date (the window runs on the real clock)."""
    services = build_services(url)
    try:
        return services.checks.state()
    finally:
        services.close()


def test_the_preview_shows_the_figures_the_full_load_confirms(qtbot: Any, itaku_app: QApplication,
                                                              demo_services: Any) -> None:
    demo_services.checks.state()
    preview = quick_preview(demo_services.database.url, clock=lambda: FIXED_NOW)
    assert preview is not None
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_preview(preview)
    assert window.services is None and set(window.pages) == {"dashboard"}
    shown, counts = figures(window), navigation_counts(window)
    assert shown[0] == f"{preview.summary.blocking_count:,}" and counts["dashboard"] == preview.summary.count
    dashboard: Any = window.pages["dashboard"]
    assert dashboard.findings_model.rowCount() == len(preview.first_findings) > 0
    assert window.stack.currentWidget() is dashboard

    with qtbot.waitSignal(window.findings_updated, timeout=10000):
        window.attach(demo_services)
    assert window.pages["dashboard"] is dashboard  # the same page, now on the full snapshot
    assert figures(window) == shown and navigation_counts(window) == counts
    assert dashboard.findings_model.rowCount() == preview.summary.count
    assert window.snapshot.complete


def test_a_row_clicked_on_the_preview_opens_once_the_database_is(qtbot: Any, itaku_app: QApplication,
                                                                 demo_services: Any) -> None:
    demo_services.checks.state()
    preview = quick_preview(demo_services.database.url, clock=lambda: FIXED_NOW)
    assert preview is not None
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_preview(preview)
    dashboard: Any = window.pages["dashboard"]
    first = preview.first_findings[0]
    dashboard.open_index(dashboard.findings_model.index(0, 0))
    assert window.open_dialogs == {}  # nothing to open it with yet
    with qtbot.waitSignal(window.findings_updated, timeout=10000):
        window.attach(demo_services)
    record_type, record_id = first.record_type, first.record_id
    if record_type == "redelegation":
        record_type, record_id = "engagement", preview.redelegation_engagements[record_id]
    assert (record_type, record_id) in window.open_dialogs
    for dialog in list(window.open_dialogs.values()):
        dialog.reject()


class _Application:
    """The real application, but `exec` checks the started window and closes it instead of waiting for a user."""

    def __init__(self, application: QApplication, check: Any):
        self.application = application
        self.check = check

    def processEvents(self) -> None:  # noqa: N802 - Qt's name
        self.application.processEvents()

    def exec(self) -> int:
        window = self.check.window
        window.wait_for_findings()
        self.check(window)
        window.close()
        return 0


def run_main(monkeypatch: Any, url: str, check: Any, before_opening: Any = None) -> int:
    import desktop.__main__ as entry

    real_open_window, real_build = entry.open_window, entry.build_services_in_background

    def open_window(args: Any) -> tuple[Any, Any]:
        application, window = real_open_window(args)
        check.window = window
        return _Application(application, check), window

    def build_in_background(database_url: Any) -> Any:
        if before_opening is not None:
            before_opening(check.window)
        return real_build(database_url)

    monkeypatch.setattr(entry, "open_window", open_window)
    monkeypatch.setattr(entry, "build_services_in_background", build_in_background)
    monkeypatch.setattr(entry, "sign_in_interactively", entry.sign_in_from_environment)
    return entry.main(["--db", url, "--lang", "ja"])


def test_itaku_paints_the_stored_figures_then_opens_the_database_behind_them(
        monkeypatch: Any, itaku_app: QApplication, demo_services: Any) -> None:
    url = demo_services.database.url
    state = store_todays_snapshot(url)
    seen: dict[str, Any] = {}

    def before_opening(window: MainWindow) -> None:
        seen["pages"], seen["figures"] = set(window.pages), figures(window)

    def check(window: MainWindow) -> None:
        seen["attached"], seen["after"] = window.services is not None, figures(window)
        seen["rows"] = window.pages["dashboard"].findings_model.rowCount()  # type: ignore[attr-defined]

    assert run_main(monkeypatch, url, check, before_opening) == 0
    blocking = sum(1 for finding in state.findings if finding.severity.value == "blocking")
    assert seen["pages"] == {"dashboard"} and seen["figures"][0] == f"{blocking:,}"
    assert seen["attached"] and seen["after"] == seen["figures"] and seen["rows"] == len(state.findings)


def test_without_a_current_snapshot_the_window_waits_for_the_database(
        monkeypatch: Any, itaku_app: QApplication, sqlite_services: Any) -> None:
    sqlite_services.demo.load(15, 2)
    path = sqlite_services.database.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM finding_snapshot")  # whatever the date: no snapshot to show
    seen: dict[str, Any] = {}

    def check(window: MainWindow) -> None:
        seen["after"] = figures(window)

    def before_opening(window: MainWindow) -> None:
        seen["pages"] = set(window.pages)

    assert run_main(monkeypatch, sqlite_services.database.url, check, before_opening) == 0
    assert seen["pages"] == set() and seen["after"][0] != "–"


def test_closing_the_window_while_the_database_opens_ends_quietly(
        monkeypatch: Any, itaku_app: QApplication, demo_services: Any) -> None:
    import desktop.__main__ as entry

    def refuse(*_args: Any) -> bool:
        raise AssertionError("no sign-in once the window is closed")

    def check(_window: MainWindow) -> None:
        raise AssertionError("the application must not run once the window is closed")

    monkeypatch.setattr(entry, "sign_in_from_environment", refuse)
    assert run_main(monkeypatch, demo_services.database.url, check, lambda window: window.close()) == 0


def test_a_database_that_cannot_be_opened_behind_the_window_exits_with_a_message(
        monkeypatch: Any, tmp_path: Path, capsys: Any, itaku_app: QApplication) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, message, *a: shown.append(message))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")

    def check(_window: MainWindow) -> None:
        raise AssertionError("the application must not run without its database")

    assert run_main(monkeypatch, f"sqlite:///{blocker}/x.db", check) == 2
    assert "itaku:" in capsys.readouterr().err and len(shown) == 1
    for widget in QApplication.topLevelWidgets():
        widget.close()


def test_the_figures_are_painted_before_sqlalchemy_is_imported(tmp_path: Path, demo_services: Any) -> None:
    url = demo_services.database.url
    state = store_todays_snapshot(url)
    script = f"""
import sys
from desktop.__main__ import build_parser, open_window, show_preview
args = build_parser().parse_args(["--db", {url!r}, "--lang", "ja"])
application, window = open_window(args)
assert show_preview(window, args)
application.processEvents()
heavy = [name for name in ("sqlalchemy", "alembic", "reportlab", "openpyxl") if name in sys.modules]
print(window.pages["dashboard"].blocking_figure.number.text(), heavy)
"""
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "ITAKU_TRANSLATIONS_CACHE": str(tmp_path / "qm"), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    blocking = sum(1 for finding in state.findings if finding.severity.value == "blocking")
    assert result.stdout.split(None, 1) == [f"{blocking:,}", "[]\n"]


def test_the_window_waits_for_running_work_before_closing(qtbot: Any, window: Any) -> None:
    import threading

    from desktop.ui.operations import run_operation

    release, finished = threading.Event(), threading.Event()

    def work(progress: Any) -> None:
        release.wait(5)
        finished.set()

    run_operation(window, "test", "…", work)
    threading.Timer(0.3, release.set).start()
    window.close()
    assert finished.is_set()  # closing waited for the worker instead of destroying a running thread
