"""File → Backup… (バックアップ…): choose the file, copy the database and its attachments off the GUI thread
(SQLite's online backup API, so the window stays usable), then say what was written.

A PostgreSQL database is backed up with pg_dump: the service says so, and the message is shown at once.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.domain.errors import ItakuError
from desktop.ui.operations import Operation, describe_error, run_operation, show_error

if TYPE_CHECKING:
    from desktop.services.facade import Services

BACKUP_SUFFIX = ".itaku-backup.zip"  # the same as desktop.services.backups.BACKUP_SUFFIX


def tr(source: str) -> str:
    return QCoreApplication.translate("BackupAction", source)


def default_backup_path(services: Services) -> Path:
    """Documents/itaku-YYYYMMDD.itaku-backup.zip (the home or temp folder when there is no Documents)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    if not folder.is_dir():
        folder = Path(tempfile.gettempdir())
    return folder / f"itaku-{services.context.today():%Y%m%d}{BACKUP_SUFFIX}"


def ask_backup_path(parent: QWidget, suggested: Path) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent, tr("Save the backup as"), str(suggested), tr("Itaku backups (*.itaku-backup.zip)")
    )
    if not path:
        return None
    return Path(path) if path.lower().endswith(".zip") else Path(f"{path}{BACKUP_SUFFIX}")


def format_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:,.1f} KB"
    return f"{size / (1024 * 1024):,.1f} MB"


def show_backup_result(parent: QWidget, result: Any) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("Backup"),
        tr("The backup was written."),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("backupResult")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        tr(
            "File: %1\nSize: %2\nAttached files: %3\nSchema revision: %4\n\n"
            "Keep a copy away from this computer. To restore it: itaku-cli restore FILE"
        )
        .replace("%1", str(result.path))
        .replace("%2", format_size(result.size))
        .replace("%3", str(result.attachments))
        .replace("%4", result.schema_revision or "—")
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


def start_backup(parent: QWidget, services: Services, path: Path | None = None) -> Operation | None:
    """Ask where (unless `path` is given) and write the backup on a worker thread. None when nothing runs:
    the user cancelled the file dialog, or the database cannot be backed up here (the reason is shown)."""
    try:
        services.backups.database_file  # noqa: B018 - raises ValidationError for PostgreSQL (use pg_dump)
    except ItakuError as error:
        box = show_error(parent, tr("Backup"), describe_error(error))
        box.setObjectName("backupError")
        return None
    if path is None:
        path = ask_backup_path(parent, default_backup_path(services))
        if path is None:
            return None
    target = path
    return run_operation(
        parent,
        tr("Backup"),
        tr("Writing the backup %1…").replace("%1", str(target)),
        lambda _progress: services.backups.backup(target),
        on_success=lambda result: show_backup_result(parent, result),
    )
