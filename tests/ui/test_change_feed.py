"""A colleague's save on PostgreSQL reaches this window by itself (LISTEN/NOTIFY): the page showing that kind
and the dashboard refresh, without polling and without the user pressing F5."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.app import Services
from desktop.domain.kinds import RecordType
from desktop.ui.main_window import COUNT_ROLE
from tests.conftest import _reset_postgres, make_services
from tests.ui.conftest import OFFSCREEN_NOTES

pytestmark = [pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)]


@pytest.fixture
def colleagues(postgres_database: str, tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    _reset_postgres(postgres_database)
    mine = make_services(postgres_database, tmp_path / "mine", actor="alice")
    theirs = make_services(postgres_database, tmp_path / "theirs", actor="bob")
    yield mine, theirs
    mine.close()
    theirs.close()


@pytest.mark.postgres
def test_a_colleagues_save_refreshes_the_page_and_the_dashboard(
    qtbot: Any, make_window: Any, colleagues: tuple[Services, Services]
) -> None:
    mine, theirs = colleagues
    window = make_window(mine)
    assert window.change_feed is not None
    page = window.show_page("contractors")
    assert page.table.model().rowCount() == 0
    with qtbot.waitSignal(window.bus.changed, timeout=5000) as announced:
        created = theirs.contractors.create(
            {
                "name": "Overseas Foreign Ltd.",
                "kind": "foreign_corporation",
                "country": "US",
                "status": "active",
                "pi_items": ["氏名"],
            }
        )
    assert announced.args[0].ids_of(RecordType.CONTRACTOR) == {created.id}
    assert page.table.model().rowCount() == 1
    qtbot.waitUntil(lambda: window.navigation_item("dashboard").data(COUNT_ROLE) > 0, timeout=10000)


@pytest.mark.postgres
def test_my_own_save_does_not_come_back_through_the_feed(
    qtbot: Any, make_window: Any, colleagues: tuple[Services, Services]
) -> None:
    mine, theirs = colleagues
    window = make_window(mine)
    announced: list[Any] = []
    window.bus.changed.connect(announced.append)
    mine.contractors.create({"name": "株式会社自分"})
    theirs_created = theirs.contractors.create({"name": "株式会社同僚"})  # arrives after anything mine sent

    def announced_ids() -> set[int]:
        return {record_id for changes in announced for record_id in changes.ids_of(RecordType.CONTRACTOR)}

    qtbot.waitUntil(lambda: theirs_created.id in announced_ids(), timeout=5000)
    assert announced_ids() == {theirs_created.id}


def test_a_window_on_sqlite_has_no_feed(make_window: Any, sqlite_services: Services) -> None:
    assert make_window(sqlite_services).change_feed is None


@pytest.mark.postgres
def test_a_lost_feed_reconnects_reloads_everything_and_hears_colleagues_again(
    qtbot: Any,
    make_window: Any,
    colleagues: tuple[Services, Services],
    postgres_database: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy import create_engine, text

    from desktop.ui import change_feed

    monkeypatch.setattr(change_feed, "RETRY_MS", 50)
    mine, theirs = colleagues
    window = make_window(mine)
    watcher = window.change_feed
    assert watcher is not None and watcher.feed is not None
    backend = watcher.feed.listener.connection.info.backend_pid
    admin = create_engine(postgres_database, isolation_level="AUTOCOMMIT")
    with qtbot.waitSignal(watcher.stopped, timeout=10000):
        with admin.connect() as connection:  # the server ends the listening connection
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
    admin.dispose()
    assert "再接続" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.bus.changed, timeout=10000) as reloaded:
        pass  # reopened: everything counts as changed, as colleagues' saves meanwhile were not heard
    assert reloaded.args[0].kinds == set(RecordType)
    assert "再接続" not in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.bus.changed, timeout=5000) as announced:
        created = theirs.contractors.create({"name": "株式会社再接続後"})
    assert announced.args[0].ids_of(RecordType.CONTRACTOR) == {created.id}
