"""Colleagues' saves reach this window (PostgreSQL): a socket notifier on the feed's connection announces
what they changed on the window's change bus, so the pages showing those kinds and the dashboard refresh
within moments, without polling. If the connection is lost, the feed is opened again every few seconds and,
once it is back, everything is reloaded (what changed meanwhile was not heard)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from desktop.domain.kinds import RecordType
from desktop.ui.operations import ChangeBus

if TYPE_CHECKING:
    from desktop.services.facade import Services
    from desktop.services.notifications import ChangeFeed

RETRY_MS = 5000  # between attempts to open the feed again after the connection was lost


class ChangeFeedWatcher(QObject):
    """Watches a ChangeFeed (desktop.services.notifications) for as long as the window is open."""

    stopped = Signal(object)  # the error that interrupted the feed (the server went away)
    resumed = Signal()  # the feed is open again; everything was announced as changed

    def __init__(self, open_feed: Callable[[], ChangeFeed], bus: ChangeBus, parent: QObject | None = None):
        super().__init__(parent)
        self.open_feed = open_feed
        self.bus = bus
        self.feed: ChangeFeed | None = None
        self.notifier: QSocketNotifier | None = None
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.timeout.connect(self.reopen)
        self._attach(open_feed())

    def _attach(self, feed: ChangeFeed) -> None:
        self.feed = feed
        self.notifier = QSocketNotifier(feed.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self.read)

    def _detach(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        if self.feed is not None:
            try:
                self.feed.close()
            except Exception:  # noqa: BLE001 - already broken
                pass
            self.feed = None

    def read(self) -> None:
        if self.feed is None:
            return
        try:
            changes = self.feed.receive()
        except Exception as error:  # the connection is lost: the window still works, F5 refreshes it
            self._detach()
            self.stopped.emit(error)
            self.retry.start(RETRY_MS)
            return
        if changes:
            self.bus.announce(changes)

    def reopen(self) -> None:
        try:
            feed = self.open_feed()
        except Exception:  # noqa: BLE001 - the server is still away: try again later
            self.retry.start(RETRY_MS)
            return
        self._attach(feed)
        self.resumed.emit()
        self.bus.announce(set(RecordType))  # what colleagues changed meanwhile was not heard

    def close(self) -> None:
        self.retry.stop()
        self._detach()


def watch_changes(services: Services, bus: ChangeBus, parent: QObject) -> ChangeFeedWatcher | None:
    """Start announcing colleagues' changes on `bus`; None on SQLite or when the feed cannot be opened."""
    from desktop.services.notifications import listen

    def open_feed() -> ChangeFeed:
        feed = listen(services.context)
        if feed is None:
            raise RuntimeError("no change feed on SQLite")
        return feed

    if services.database.is_sqlite:
        return None
    try:
        return ChangeFeedWatcher(open_feed, bus, parent)
    except Exception:  # noqa: BLE001 - the window works without it; F5 still refreshes
        return None
