"""Opening the database behind the window: `build_services` (imports, migrations, the connection) runs on a
worker thread, and whoever needs the services meanwhile (the sign-in dialog, once the password is typed)
waits for them in a local event loop, so the window and the dialog keep painting and answering.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEventLoop, QThread, Signal

from desktop.domain.errors import ItakuError, Message


class DatabaseNotOpened(ItakuError):
    """The services were asked for, but opening the database failed (the dialogs show `message`)."""

    def __init__(self, cause: BaseException):
        self.cause = cause
        detail = str(getattr(cause, "orig", None) or cause)
        self.message = Message(f"データベースを開けません: {detail}", f"Cannot open the database: {detail}")
        super().__init__(str(self.message))


class _Opening(QThread):
    failed = Signal()  # emitted on the worker thread; slots of GUI objects run on the GUI thread

    def __init__(self, url: str | None):
        super().__init__()
        self.url = url
        self.services: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            from desktop.app import build_services

            self.services = build_services(self.url, role=None)
        except BaseException as error:  # noqa: BLE001 - raised again on the GUI thread by `result`
            self.error = error
            self.failed.emit()


class PendingServices:
    """The services while they are being built. Any attribute (`pending.accounts`, …) waits for them and is
    theirs; if opening failed, it raises DatabaseNotOpened. `known_has_accounts` is what a quick look into the
    file told (None: not known), so the right sign-in dialog can show before the database is open."""

    def __init__(self, url: str | None, known_has_accounts: bool | None = None):
        self.known_has_accounts = known_has_accounts
        self.opening = _Opening(url)
        self.opening.start()

    @property
    def failed(self) -> Any:
        """A signal: opening the database failed."""
        return self.opening.failed

    def has_failed(self) -> bool:
        """Whether opening has already failed (`failed` was emitted, or is about to be)."""
        return self.opening.error is not None

    def wait(self) -> None:
        """Until the database is open (or failed), running the GUI's events meanwhile."""
        opening = self.opening
        if not opening.isFinished():
            loop = QEventLoop()
            opening.finished.connect(loop.quit)
            if not opening.isFinished():
                loop.exec()
        opening.wait()  # the loop also ends when the application is asked to quit

    def result(self) -> Any:
        """The services, or the error building them raised."""
        self.wait()
        if self.opening.error is not None:
            raise self.opening.error
        return self.opening.services

    def close(self) -> None:
        self.opening.wait()
        if self.opening.services is not None:
            self.opening.services.close()

    def __getattr__(self, name: str) -> Any:
        if name in ("opening", "known_has_accounts"):  # not yet set: never wait inside __init__
            raise AttributeError(name)
        self.wait()
        if self.opening.error is not None:
            raise DatabaseNotOpened(self.opening.error)
        return getattr(self.opening.services, name)
