"""File → Restore from backup… (バックアップから復元…): pick one of the daily backups (or any backup zip or Itaku
SQLite file), see what will happen, restore it off the GUI thread, then restart Itaku on the restored database.

Only the PI protection officer may restore, and only a SQLite database: elsewhere the menu action is disabled
and its tooltip says why (the service's `restore_refusal`). The window imports this module only once a
database is attached, never while its frame paints.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QProcess,
    QProcessEnvironment,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backup_dialog import format_size
from desktop.ui.language import text
from desktop.ui.operations import Operation, describe_error, run_operation, show_error

if TYPE_CHECKING:
    from desktop.services.facade import Services

ERROR_STYLE = "color: #b3261e;"
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1  # the BackupInfo of the row
TOKYO = ZoneInfo("Asia/Tokyo")  # times are shown in Japan time

AnyIndex = QModelIndex | QPersistentModelIndex
Relaunch = Callable[[Sequence[str]], bool]


def tr(source: str) -> str:
    return QCoreApplication.translate("RestoreDialog", source)


def shown_time(moment: datetime) -> str:
    return moment.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M")


# Restart ------------------------------------------------------------------------------------------------
def relaunch_command() -> list[str]:
    """The command that started this program. Frozen (PyInstaller) `sys.executable` is the app itself; from
    source it is the interpreter, with its original arguments (`-m desktop …` or the `itaku` script), so
    `python -m desktop` starts again as a module and not as the file desktop/__main__.py."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    original = list(getattr(sys, "orig_argv", []))
    if len(original) > 1:
        return [sys.executable, *original[1:]]
    return [sys.executable, *sys.argv]


def relaunch_application(command: Sequence[str]) -> bool:
    """Start `command` as a new, detached process (it outlives this one); whether it started. Tests
    replace this (the dialog's `relaunch` argument, or this module's attribute)."""
    process = QProcess()
    process.setProgram(command[0])
    process.setArguments(list(command[1:]))
    process.setWorkingDirectory(os.getcwd())  # a relative --db path still names the same file
    if getattr(sys, "frozen", False):
        # PyInstaller ≥ 6.9: start as a fresh instance of the bundle, not as a child of this one.
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("PYINSTALLER_RESET_ENVIRONMENT", "1")
        process.setProcessEnvironment(environment)
    started = process.startDetached()  # PySide6 returns a bool here (its stub says a (bool, pid) tuple)
    return bool(started[0] if isinstance(started, tuple) else started)


def restart_application(window: QWidget | None, relaunch: Relaunch | None = None) -> bool:
    """Start Itaku again with the same program and arguments, then close `window` (which ends this process
    once its work has stopped). If the new process cannot start, say so, and close when that is read."""
    started = (relaunch or relaunch_application)(relaunch_command())
    if window is None:
        return started
    if started:
        window.close()
    else:
        box = show_error(
            window,
            tr("Restore from backup"),
            tr("Itaku could not restart by itself. Start it again to open the restored database."),
        )
        box.setObjectName("restartError")
        box.finished.connect(lambda _result: window.close())
    return started


# The menu action -----------------------------------------------------------------------------------------
def restore_refusal_text(services: Services) -> str | None:
    """Why restore is not offered to these services (PostgreSQL, a role other than the officer), or None."""
    refusal = services.backups.restore_refusal()
    return None if refusal is None else text(refusal)


def restrict_restore_action(action: QAction, services: Services) -> None:
    """The window's `attach` enables every database action: turn Restore off again where these services refuse
    it, with the reason as its tooltip and status tip."""
    if not action.isEnabled():
        return
    for menu in action.associatedObjects():
        if isinstance(menu, QMenu):
            menu.setToolTipsVisible(True)  # only actions with a tooltip of their own show one
    reason = restore_refusal_text(services)
    if reason is None:
        action.setToolTip("")
        action.setStatusTip("")
    else:
        action.setEnabled(False)
        action.setToolTip(reason)
        action.setStatusTip(reason)


# The list of backups ----------------------------------------------------------------------------------
class BackupListModel(QAbstractTableModel):
    """The backups to choose from (BackupInfo rows), newest first as the service lists them."""

    COL_MADE_AT, COL_KIND, COL_SIZE, COL_FILE = range(4)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def add_first(self, info: Any) -> None:
        """A chosen file, shown above the daily backups (replacing the same file if it is listed)."""
        rows = [row for row in self.rows if row.path != info.path]
        self.set_rows([info, *rows])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Made at"), self.tr("Kind"), self.tr("Size"), self.tr("File"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        info = self.rows[index.row()]
        column = index.column()
        if role == OBJECT_ROLE:
            return info
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_MADE_AT:
                return shown_time(info.made_at)
            if column == self.COL_KIND:
                return self.tr("Daily (automatic)") if info.is_daily else self.tr("Chosen file")
            if column == self.COL_SIZE:
                return format_size(info.size)
            if column == self.COL_FILE:
                return info.path.name
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_FILE:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# The dialog -----------------------------------------------------------------------------------------------
class RestoreDialog(QDialog):
    """Choose a backup, read what will happen, restore it, restart. `restored(BackupResult)` on success."""

    restored = Signal(object)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, relaunch: Relaunch | None = None
    ):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.services = services
        self.host = parent  # the window closed for the restart
        self.relaunch = relaunch  # None: relaunch_application, looked up when it is needed
        self.operation: Operation | None = None
        self.resize(760, 520)

        intro = QLabel(
            self.tr(
                "Choose the backup to restore. Everything in the current database is replaced by the backup's "
                "contents; attached files in the backup are added to the data folder."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model = BackupListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("backupList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("noBackups")
        self.empty_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose a file…"), self)
        self.choose_button.setObjectName("chooseFile")
        self.choose_button.clicked.connect(lambda _checked=False: self.choose_file())
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.empty_label, 1)
        choose_row.addWidget(self.choose_button)

        plan = QGroupBox(self.tr("What will happen"), self)
        self.summary = QLabel(plan)
        self.summary.setObjectName("restoreSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        plan_layout = QVBoxLayout(plan)
        plan_layout.addWidget(self.summary)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("restoreError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore and restart"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        # Enter closes the dialog: replacing the database takes a click (or Alt+R).
        self.restore_button.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.start_restore)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(choose_row)
        layout.addWidget(plan)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.refusal = restore_refusal_text(services)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self.update_summary())
        self.load_backups()
        if self.refusal is not None:
            self.show_error(self.refusal)

    # What is listed and chosen ------------------------------------------------------------------------
    def load_backups(self) -> None:
        try:
            backups = self.services.backups.list_backups()
        except Exception as error:  # noqa: BLE001 - a refused listing is shown, the dialog stays usable
            backups = []
            self.show_error(describe_error(error))
        self.model.set_rows(backups)
        folder = self.services.backups.daily_folder
        self.empty_label.setText(
            self.tr("No daily backups in %1 yet: choose a backup file.").replace("%1", str(folder))
            if not backups
            else self.tr("Daily backups in %1 (the newest 7 are kept).").replace("%1", str(folder))
        )
        if backups:
            self.select_row(0)
        self.update_summary()

    def select_row(self, row: int) -> None:
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(self.model.index(row, 0))

    def selected_backup(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def choose_file(self, path: Path | None = None) -> Any:
        """Ask for a backup zip or an Itaku SQLite file (unless `path` is given), list it first and select it."""
        if path is None:
            folder = self.services.backups.daily_folder
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Choose a backup to restore"),
                str(folder if folder.is_dir() else Path.home()),
                self.tr("Itaku backups and databases (*.zip *.sqlite3 *.sqlite *.db);;All files (*)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            info = self.services.backups.describe_backup(path)
        except Exception as error:  # noqa: BLE001 - e.g. the file vanished: say so next to the list
            self.show_error(describe_error(error))
            return None
        self.model.add_first(info)
        self.select_row(0)
        return info

    def update_summary(self) -> None:
        info = self.selected_backup()
        self.restore_button.setEnabled(info is not None and self.refusal is None and self.operation is None)
        if info is None:
            self.summary.setText(self.tr("Choose a backup in the list, or a file."))
            return
        made_by = f" · {info.created_by}" if info.created_by else ""
        lines = [
            self.tr("・Restored: %1 (made %2%3)")
            .replace("%1", info.path.name)
            .replace("%2", shown_time(info.made_at))
            .replace("%3", made_by),
            self.tr("・The current database is kept as %1 in %2.")
            .replace("%1", self.kept_copy_name())
            .replace("%2", self.database_folder()),
            self.tr(
                "・The backup is checked in full first (names, sizes, hashes, the database's integrity and "
                "schema): if anything is wrong, nothing is changed."
            ),
            self.tr("・Itaku then restarts to open the restored database."),
        ]
        self.summary.setText("\n".join(lines))

    def database_file(self) -> Path | None:
        try:
            return Path(self.services.backups.database_file)
        except Exception:  # noqa: BLE001 - PostgreSQL: restore is refused and the refusal shown
            return None

    def kept_copy_name(self) -> str:
        database = self.database_file()
        if database is None:
            return "—"
        return f"{database.stem}.before-restore-{self.tr('<date-time>')}{database.suffix}"

    def database_folder(self) -> str:
        database = self.database_file()
        return "—" if database is None else str(database.parent)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    # Restoring ----------------------------------------------------------------------------------------
    def start_restore(self) -> Operation | None:
        """Restore the selected backup on a worker thread; a refusal is shown and changes nothing."""
        info = self.selected_backup()
        if info is None or self.refusal is not None or self.operation is not None:
            return None
        self.show_error("")
        source = info.path
        self.operation = run_operation(
            self,
            self.tr("Restore from backup"),
            self.tr("Restoring %1…").replace("%1", source.name),
            lambda _progress: self.services.backups.restore(source),
            on_success=lambda result: self.finish_restore(info, result),
        )
        self.operation.finished.connect(self._operation_finished)
        self.set_busy(True)
        return self.operation

    def set_busy(self, busy: bool) -> None:
        for widget in (self.table, self.choose_button):
            widget.setEnabled(not busy)
        self.update_summary()

    def _operation_finished(self, ok: bool) -> None:
        operation, self.operation = self.operation, None
        if not ok:
            if operation is not None and operation.error is not None:
                self.show_error(describe_error(operation.error))
            self.set_busy(False)

    def finish_restore(self, info: Any, result: Any) -> QMessageBox:
        """Say what was restored and what was kept; when that is read, restart Itaku on it."""
        try:
            copies = self.services.backups.pre_restore_copies()
        except Exception:  # noqa: BLE001 - only the message is poorer without it
            copies = []
        host = self.host
        relaunch = self.relaunch
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Restore from backup"),
            self.tr("The database was restored."),
            QMessageBox.StandardButton.Ok,
            host or self,
        )
        box.setObjectName("restoreResult")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            self.tr(
                "Restored: %1 (made %2)\nThe database before the restore is kept as: %3\n\n"
                "Itaku now restarts to open the restored database."
            )
            .replace("%1", str(info.path))
            .replace("%2", shown_time(info.made_at))
            .replace("%3", str(copies[0]) if copies else "—")
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        # Not bound to the dialog: it is closed (and deleted) before the box is answered.
        box.finished.connect(lambda _result: restart_application(host, relaunch))
        self.restored.emit(result)
        self.accept()
        box.open()
        return box
