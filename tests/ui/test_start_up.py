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

from desktop.app import build_services, quick_look
from desktop.ui.main_window import COUNT_ROLE, MainWindow
from tests.conftest import FIXED_NOW
from tests.ui.conftest import OFFSCREEN_NOTES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)
ROOT = Path(__file__).resolve().parents[2]


def figures(window: MainWindow) -> tuple[str, str, str]:
    page: Any = window.pages["dashboard"]
    return (
        page.blocking_figure.number.text(),
        page.warning_figure.number.text(),
        page.deadline_figure.number.text(),
    )


def navigation_counts(window: MainWindow) -> dict[str, int]:
    return {key: window.navigation_item(key).data(COUNT_ROLE) for key, _label in window.page_labels()}


def store_todays_snapshot(url: str) -> Any:
    """The findings snapshot under today's real date (the window runs on the real clock)."""
    services = build_services(url)
    try:
        return services.checks.model()
    finally:
        services.close()


def window_with_preview(qtbot: Any, services: Any) -> tuple[MainWindow, Any]:
    """A window showing the preview of the database (its snapshot stored first), not yet attached."""
    services.checks.model()
    preview = quick_look(services.database.url, clock=lambda: FIXED_NOW).preview
    assert preview is not None
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_preview(preview)
    return window, preview


def test_the_preview_shows_the_figures_the_full_load_confirms(
    qtbot: Any, itaku_app: QApplication, demo_services: Any
) -> None:
    window, preview = window_with_preview(qtbot, demo_services)
    assert window.services is None and set(window.pages) == {"dashboard"}
    shown, counts = figures(window), navigation_counts(window)
    assert shown[0] == f"{preview.counts.blocking_count:,}" and counts["dashboard"] == preview.counts.count
    dashboard: Any = window.pages["dashboard"]
    assert dashboard.findings_model.rowCount() == len(preview.first_findings()) > 0
    assert window.stack.currentWidget() is dashboard

    with qtbot.waitSignal(window.findings_updated, timeout=10000):
        window.attach(demo_services)
    assert window.pages["dashboard"] is dashboard  # the same page, now on the full snapshot
    assert figures(window) == shown and navigation_counts(window) == counts
    assert dashboard.findings_model.rowCount() == preview.counts.count
    assert window.snapshot.complete


def test_a_row_clicked_on_the_preview_opens_once_the_database_is(
    qtbot: Any, itaku_app: QApplication, demo_services: Any
) -> None:
    window, preview = window_with_preview(qtbot, demo_services)
    dashboard: Any = window.pages["dashboard"]
    first = preview.first_findings()[0]
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


def run_main(monkeypatch: Any, url: str, check: Any, before_sign_in: Any = None) -> int:
    """`itaku --db URL` with the sign-in taken from ITAKU_USER/ITAKU_PASSWORD (or set-up mode) instead of typed;
    `before_sign_in(window)` sees the window when the sign-in starts (the database still opening)."""
    import desktop.__main__ as entry

    real_open_window = entry.open_window

    def open_window(args: Any) -> tuple[Any, Any]:
        application, window = real_open_window(args)
        check.window = window
        return _Application(application, check), window

    def sign_in(services: Any, window: Any) -> bool:
        if before_sign_in is not None:
            before_sign_in(window)
        return entry.sign_in_from_environment(services, window)

    monkeypatch.setattr(entry, "open_window", open_window)
    monkeypatch.setattr(entry, "sign_in_interactively", sign_in)
    return entry.main(["--db", url, "--lang", "ja"])


def test_itaku_paints_the_stored_figures_then_opens_the_database_behind_them(
    monkeypatch: Any, itaku_app: QApplication, demo_services: Any
) -> None:
    url = demo_services.database.url
    state = store_todays_snapshot(url)
    seen: dict[str, Any] = {}

    def before_sign_in(window: MainWindow) -> None:
        seen["pages"], seen["figures"] = set(window.pages), figures(window)

    def check(window: MainWindow) -> None:
        seen["attached"], seen["after"] = window.services is not None, figures(window)
        seen["rows"] = window.pages["dashboard"].findings_model.rowCount()  # type: ignore[attr-defined]

    assert run_main(monkeypatch, url, check, before_sign_in) == 0
    blocking = sum(1 for finding in state.findings if finding.severity.value == "blocking")
    assert seen["pages"] == {"dashboard"} and seen["figures"][0] == f"{blocking:,}"
    assert seen["attached"] and seen["after"] == seen["figures"] and seen["rows"] == len(state.findings)


def test_without_a_current_snapshot_the_window_waits_for_the_database(
    monkeypatch: Any, itaku_app: QApplication, sqlite_services: Any
) -> None:
    sqlite_services.demo.load(15, 2)
    path = sqlite_services.database.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM finding_snapshot")  # whatever the date: no snapshot to show
    seen: dict[str, Any] = {}

    def check(window: MainWindow) -> None:
        seen["after"] = figures(window)

    def before_sign_in(window: MainWindow) -> None:
        seen["pages"] = set(window.pages)

    assert run_main(monkeypatch, sqlite_services.database.url, check, before_sign_in) == 0
    assert seen["pages"] == set() and seen["after"][0] != "–"


def test_closing_the_window_while_the_database_opens_ends_quietly(
    monkeypatch: Any, itaku_app: QApplication, demo_services: Any
) -> None:
    import desktop.__main__ as entry
    from desktop.ui import sign_in

    real_dialog = sign_in.sign_in_dialog
    asked: list[Any] = []

    def dialog_after_closing(services: Any, window: Any, has_accounts: Any = None) -> Any:
        window.close()
        dialog = real_dialog(services, window, has_accounts)
        asked.append(dialog)
        monkeypatch.setattr(dialog, "exec", lambda: pytest.fail("no sign-in once the window is closed"))
        return dialog

    def check(_window: MainWindow) -> None:
        raise AssertionError("the application must not run once the window is closed")

    monkeypatch.setattr(sign_in, "sign_in_dialog", dialog_after_closing)
    real_open_window = entry.open_window

    def open_window(args: Any) -> tuple[Any, Any]:
        application, window = real_open_window(args)
        check.window = window  # type: ignore[attr-defined]
        return _Application(application, check), window

    monkeypatch.setattr(entry, "open_window", open_window)
    assert entry.main(["--db", demo_services.database.url, "--lang", "ja"]) == 0
    assert len(asked) == 1


def test_the_sign_in_dialog_asks_while_the_database_is_still_opening(
    qtbot: Any, monkeypatch: Any, itaku_app: QApplication, demo_services: Any
) -> None:
    """A database with accounts: the dialog is up before the services exist; signing in waits for them."""
    import threading

    from PySide6.QtCore import QTimer

    import desktop.__main__ as entry
    import desktop.app
    from desktop.ui.sign_in import SignInDialog

    demo_services.accounts.create_first_officer("officer", "a-long-password")
    url = demo_services.database.url
    release = threading.Event()
    real_build = desktop.app.build_services

    def slow_build(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(20), "the test never let the database open"
        return real_build(*args, **kwargs)

    monkeypatch.setattr(desktop.app, "build_services", slow_build)
    seen: dict[str, Any] = {}

    def type_password() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()
        )
        seen["pending"] = dialog.services.opening.isRunning()  # the database is not open yet
        dialog.username.setText("officer")
        dialog.password.setText("a-long-password")
        QTimer.singleShot(200, release.set)  # the database opens while the sign-in waits for it
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    def check(window: MainWindow) -> None:
        seen["user"] = window.services.context.actor
        seen["pages"] = set(window.pages)

    real_open_window = entry.open_window

    def open_window(args: Any) -> tuple[Any, Any]:
        application, window = real_open_window(args)
        check.window = window  # type: ignore[attr-defined]
        QTimer.singleShot(100, type_password)
        return _Application(application, check), window

    monkeypatch.setattr(entry, "open_window", open_window)
    assert entry.main(["--db", url, "--lang", "ja"]) == 0
    assert seen == {
        "pending": True,
        "user": "officer",
        "pages": {
            "dashboard",
            "contractors",
            "evaluations",
            "contracts",
            "engagements",
            "joint_uses",
            "opt_outs",
            "stop_requests",
            "provisions",
            "receipts",
            "requests",
            "incidents",
            "audit",
        },
    }


@pytest.mark.parametrize("when", ["before the dialog is up", "while the dialog is up"])
def test_a_failed_opening_closes_the_sign_in_dialog_and_is_reported(
    when: str, monkeypatch: Any, capsys: Any, itaku_app: QApplication, demo_services: Any
) -> None:
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    import desktop.__main__ as entry
    import desktop.app

    demo_services.accounts.create_first_officer("officer", "a-long-password")
    release = threading.Event()
    if when == "before the dialog is up":
        release.set()

    def broken_build(*_args: Any, **_kwargs: Any) -> Any:
        release.wait(20)
        raise OSError("disk on fire")

    shown: list[str] = []
    monkeypatch.setattr(desktop.app, "build_services", broken_build)
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, message, *a: shown.append(message))

    def check(_window: MainWindow) -> None:
        raise AssertionError("the application must not run without its database")

    from desktop.ui import sign_in

    real_open_window, real_dialog = entry.open_window, sign_in.sign_in_dialog

    def open_window(args: Any) -> tuple[Any, Any]:
        application, window = real_open_window(args)
        check.window = window  # type: ignore[attr-defined]
        return _Application(application, check), window

    def dialog_then_fail(services: Any, window: Any, has_accounts: Any = None) -> Any:
        if release.is_set():
            services.opening.wait()  # failed for sure before the dialog exists
        else:
            QTimer.singleShot(100, release.set)  # fails once the dialog's own event loop runs
        return real_dialog(services, window, has_accounts)

    monkeypatch.setattr(entry, "open_window", open_window)
    monkeypatch.setattr(sign_in, "sign_in_dialog", dialog_then_fail)
    assert entry.main(["--db", demo_services.database.url, "--lang", "ja"]) == 2  # no hang: the dialog closed
    assert "disk on fire" in capsys.readouterr().err and len(shown) == 1
    for widget in QApplication.topLevelWidgets():
        widget.close()


def test_signing_in_on_a_database_that_failed_to_open_names_the_cause(
    qtbot: Any, itaku_app: QApplication
) -> None:
    from desktop.ui.opening import PendingServices
    from desktop.ui.sign_in import SignInDialog

    def broken_build(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError("no such disk")

    pending = PendingServices(broken_build, "sqlite:////nowhere/x.db", known_has_accounts=True)
    dialog = SignInDialog(pending)
    qtbot.addWidget(dialog)
    dialog.username.setText("officer")
    dialog.password.setText("whatever-it-is")
    dialog.sign_in()
    assert "no such disk" in dialog.error.text() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.buttons.isEnabled()
    with pytest.raises(OSError):
        pending.result()


def test_a_database_that_cannot_be_opened_behind_the_window_exits_with_a_message(
    monkeypatch: Any, tmp_path: Path, capsys: Any, itaku_app: QApplication
) -> None:
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
from desktop.__main__ import build_parser, look_before_opening, open_window
args = build_parser().parse_args(["--db", {url!r}, "--lang", "ja"])
application, window = open_window(args)
assert look_before_opening(window, args) is False  # no accounts: the preview is shown
application.processEvents()
heavy = [name for name in ("sqlalchemy", "alembic", "reportlab", "openpyxl") if name in sys.modules]
print(window.pages["dashboard"].blocking_figure.number.text(), heavy)
"""
    env = {
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "ITAKU_TRANSLATIONS_CACHE": str(tmp_path / "qm"),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )
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


def test_a_database_whose_accounts_were_deleted_is_refused_not_set_up_again(
    monkeypatch: Any, tmp_path: Path, capsys: Any, itaku_app: QApplication
) -> None:
    """Issue 13: deleting every account outside Itaku does not reopen first-run set-up in the window."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    import desktop.__main__ as entry

    url = f"sqlite:///{tmp_path / 'emptied.sqlite3'}"
    built = build_services(url, actor="kuroda", data_dir=tmp_path / "files", clock=lambda: FIXED_NOW)
    built.accounts.create_first_officer("kuroda", "correct horse battery")
    built.close()
    with sqlite3.connect(tmp_path / "emptied.sqlite3") as connection:
        connection.execute("DELETE FROM account")
    connection.close()
    assert quick_look(url).has_accounts is None  # not "no accounts yet": the quick look does not decide

    shown: list[str] = []
    dialogs: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, message, *a: shown.append(message))
    monkeypatch.setattr(QDialog, "exec", lambda dialog: dialogs.append(type(dialog).__name__) or 0)
    assert entry.main(["--db", url, "--lang", "en"]) == 2
    assert dialogs == [] and len(shown) == 1 and "damaged" in shown[0]
    assert "damaged" in capsys.readouterr().err
    for widget in QApplication.topLevelWidgets():
        widget.close()
