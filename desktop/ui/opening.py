"""Opening the database behind the window: `build_services` (imports, migrations, the connection) runs on a
worker thread, and whoever needs the services meanwhile (the sign-in dialog, once the password is typed)
waits for them in a local event loop, so the window and the dialog keep painting and answering.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, SignalInstance

from desktop.domain.errors import ItakuError, Message
from desktop.ui.operations import BackgroundWork, OperationProgress

if TYPE_CHECKING:
    from desktop.services.accounts import AccountService
    from desktop.services.facade import Services, ServicesFactory


class DatabaseNotOpened(ItakuError):
    """The services were asked for, but opening the database failed (the dialogs show `message`)."""

    def __init__(self, cause: BaseException):
        self.cause = cause
        detail = str(getattr(cause, "orig", None) or cause)
        super().__init__(
            Message(f"データベースを開けません: {detail}", f"Cannot open the database: {detail}")
        )


def _opener(build_services: ServicesFactory, url: str | None) -> Callable[[OperationProgress], Services]:
    def build(_progress: OperationProgress) -> Services:
        return build_services(url, role=None)

    return build


class PendingServices:
    """The services while `build_services` (the composition root's, passed in by the entry point) builds them
    on a worker thread. `accounts` waits for them (the sign-in dialog asks for it once the password is typed);
    if opening failed, it raises DatabaseNotOpened. `known_has_accounts` is what a quick look into the file
    told (None: not known), so the right sign-in dialog can show before the database is open."""

    def __init__(
        self, build_services: ServicesFactory, url: str | None, known_has_accounts: bool | None = None
    ):
        self.known_has_accounts = known_has_accounts
        # Its error is raised again on the GUI thread by `result`.
        self.opening = BackgroundWork(_opener(build_services, url))
        self.opening.start()

    @property
    def failed(self) -> SignalInstance:
        """A signal: opening the database failed (slots of GUI objects run on the GUI thread)."""
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

    def result(self) -> Services:
        """The services, or the error building them raised."""
        self.wait()
        if self.opening.error is not None:
            raise self.opening.error
        services: Services = self.opening.result  # the worker either built them or kept its error
        return services

    def close(self) -> None:
        self.opening.wait()
        if self.opening.result is not None:
            self.opening.result.close()

    @property
    def accounts(self) -> AccountService:
        """The accounts service, once the database is open; DatabaseNotOpened if opening failed."""
        self.wait()
        if self.opening.error is not None:
            raise DatabaseNotOpened(self.opening.error)
        return self.result().accounts
