"""Long work off the GUI thread (as Anki's operations do): a worker thread, a cancellable progress dialog,
failure reported on the GUI thread, then one announcement of what changed so every open view refreshes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.domain.errors import Cancelled, ItakuError
from desktop.domain.kinds import RecordType
from desktop.services.changes import OpChanges
from desktop.ui.language import text

Changes = OpChanges | Iterable[RecordType | str]  # what `announce` accepts: OpChanges, or kinds


class ChangeBus(QObject):
    """Announces what changed (OpChanges: kinds and ids); each page and the dashboard listens and reloads
    itself only when a kind it shows changed."""

    changed = Signal(object)  # OpChanges

    def announce(self, changes: Changes, ids: Iterable[tuple[RecordType | str, int]] = ()) -> None:
        """Announce `changes` (with the (kind, id) pairs `ids` when given); nothing changed, nothing said."""
        announced = changes if isinstance(changes, OpChanges) else OpChanges.of(changes, ids)
        if announced:
            self.changed.emit(announced)


class OperationProgress:
    """The `Progress` (desktop.services.progress) the runner hands to the work: each call shows how far it
    has come, and raises Cancelled once the person pressed Cancel."""

    def __init__(self, show: Callable[[int, int], None]):
        self._show = show
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def __call__(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._show(done, total)


def describe_error(error: BaseException) -> str:
    """The message a person should read for an error raised by a service."""
    if isinstance(error, ItakuError):
        return text(error.message)
    return f"{type(error).__name__}: {error}"


class BackgroundWork(QThread):
    """`work(progress)` on a worker thread: every piece of background work in the window runs in one of these
    (an Operation adds the progress dialog). Its signals reach GUI objects on the GUI thread; `on_success` and
    `on_failure` given to `run_in_background` are called there too."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, work: Callable[[OperationProgress], Any], parent: QObject | None = None):
        super().__init__(parent)
        self.work = work
        self.progress = OperationProgress(self.progressed.emit)
        self.result: Any = None
        self.error: BaseException | None = None
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except Cancelled:
            self.cancelled.emit()
        except BaseException as error:  # noqa: BLE001 - reported on the GUI thread (or raised there again)
            self.error = error
            self.failed.emit(error)
        else:
            if self.progress.is_cancelled:
                self.cancelled.emit()
            else:
                self.result = result
                self.succeeded.emit(result)

    def deliver_to(
        self, on_success: Callable[[Any], None] | None, on_failure: Callable[[BaseException], None] | None
    ) -> None:
        """Call `on_success(result)` or `on_failure(error)` on the GUI thread (this object lives there)."""
        self._on_success, self._on_failure = on_success, on_failure
        if on_success is not None:
            self.succeeded.connect(self._deliver_success)
        if on_failure is not None:
            self.failed.connect(self._deliver_failure)

    def _deliver_success(self, result: Any) -> None:
        if self._on_success is not None:
            self._on_success(result)

    def _deliver_failure(self, error: BaseException) -> None:
        if self._on_failure is not None:
            self._on_failure(error)


def run_in_background(
    work: Callable[[OperationProgress], Any],
    *,
    parent: QObject | None = None,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> BackgroundWork:
    """Start `work(progress)` on a worker thread without a dialog (loading findings, opening the database);
    the callbacks run on the GUI thread. Call from the GUI thread. The worker deletes itself once it has
    finished and its callbacks have run (they were posted before it)."""
    worker = BackgroundWork(work, parent)
    worker.deliver_to(on_success, on_failure)
    worker.finished.connect(worker.deleteLater)
    worker.start()
    return worker


class Operation(QObject):
    """One running piece of work. `finished(ok)` is emitted on the GUI thread once everything is done."""

    finished = Signal(bool)

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        work: Callable[[OperationProgress], Any],
        *,
        bus: ChangeBus | None = None,
        changes: Changes = (),
        on_success: Callable[[Any], object] | None = None,  # what it returns is not used
    ):
        super().__init__(parent)
        self.parent_widget = parent
        self.title = title
        self.bus = bus
        self.changes = changes if isinstance(changes, OpChanges) else OpChanges.of(changes)
        self.on_success = on_success
        self.result: Any = None
        self.error: BaseException | None = None
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.worker = BackgroundWork(work, self)
        self.dialog.canceled.connect(self.worker.progress.cancel)
        self.worker.progressed.connect(self._show_progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)

    def start(self) -> Operation:
        self.worker.start()
        return self

    def _show_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)

    def _close(self) -> None:
        self.worker.wait()
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _succeeded(self, result: Any) -> None:
        self._close()
        self.result = result
        if self.on_success is not None:
            self.on_success(result)
        if self.bus is not None and self.changes:
            self.bus.announce(self.changes)
        self.finished.emit(True)

    def _failed(self, error: BaseException) -> None:
        self._close()
        self.error = error
        show_error(self.parent_widget, self.title, describe_error(error))
        self.finished.emit(False)

    def _cancelled(self) -> None:
        self._close()
        if self.bus is not None and self.changes:
            self.bus.announce(self.changes)  # a cancelled import may have committed some batches
        self.finished.emit(False)


def run_operation(
    parent: QWidget,
    title: str,
    label: str,
    work: Callable[[OperationProgress], Any],
    *,
    bus: ChangeBus | None = None,
    changes: Changes = (),
    on_success: Callable[[Any], object] | None = None,  # what it returns is not used
) -> Operation:
    """Start `work(progress)` on a worker thread; returns the Operation (wait on its `finished`)."""
    return Operation(parent, title, label, work, bus=bus, changes=changes, on_success=on_success).start()


def show_error(parent: QWidget, title: str, message: str) -> QMessageBox:
    """A window-modal, non-blocking error box (the window keeps painting; tests can find and close it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box
