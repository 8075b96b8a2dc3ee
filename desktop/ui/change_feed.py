"""Colleagues' saves reach this window (PostgreSQL): a socket notifier on the feed's connection announces
what they changed on the window's change bus, so the pages showing those kinds and the dashboard refresh
within moments, without polling."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from desktop.ui.operations import ChangeBus

if TYPE_CHECKING:
    from desktop.services.facade import Services
    from desktop.services.notifications import ChangeFeed


class ChangeFeedWatcher(QObject):
    """Watches one ChangeFeed (desktop.services.notifications) for as long as the window is open."""

    stopped = Signal(object)  # the error that ended the feed (the server went away)

    def __init__(self, feed: ChangeFeed, bus: ChangeBus, parent: QObject | None = None):
        super().__init__(parent)
        self.feed = feed
        self.bus = bus
        self.notifier = QSocketNotifier(feed.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self.read)

    def read(self) -> None:
        try:
            changes = self.feed.receive()
        except Exception as error:  # the connection is lost: the window still works, F5 refreshes it
            self.close()
            self.stopped.emit(error)
            return
        if changes:
            self.bus.announce(changes)

    def close(self) -> None:
        if self.notifier.isEnabled():
            self.notifier.setEnabled(False)
            try:
                self.feed.close()
            except Exception:  # noqa: BLE001 - already broken
                pass


def watch_changes(services: Services, bus: ChangeBus, parent: QObject) -> ChangeFeedWatcher | None:
    """Start announcing colleagues' changes on `bus`; None on SQLite or when the feed cannot be opened."""
    from desktop.services.notifications import listen

    try:
        feed = listen(services.context)
    except Exception:  # noqa: BLE001 - the window works without it; F5 still refreshes
        return None
    return None if feed is None else ChangeFeedWatcher(feed, bus, parent)
