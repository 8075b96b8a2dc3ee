"""On PostgreSQL a commit reaches every other open window (LISTEN/NOTIFY): two service contexts on the real
server, one writing, the other listening."""

from __future__ import annotations

import select
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app import Services
from desktop.domain.errors import ValidationError
from desktop.domain.kinds import RecordType
from desktop.services.changes import OpChanges
from desktop.services.notifications import ChangeFeed, listen
from desktop.store.notifications import MAX_IDS, decode, encode
from tests.conftest import _reset_postgres, make_services

pytestmark = pytest.mark.postgres


@pytest.fixture
def colleagues(postgres_database: str, tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    """Two windows' services on one PostgreSQL database."""
    _reset_postgres(postgres_database)
    mine = make_services(postgres_database, tmp_path / "mine", actor="alice")
    theirs = make_services(postgres_database, tmp_path / "theirs", actor="bob")
    yield mine, theirs
    mine.close()
    theirs.close()


@pytest.fixture
def feed(colleagues: tuple[Services, Services]) -> Iterator[ChangeFeed]:
    opened = listen(colleagues[0].context)
    assert opened is not None
    yield opened
    opened.close()


def arrived(feed: ChangeFeed, seconds: float = 1.0) -> OpChanges:
    """What arrives on the feed's socket within `seconds` (the window's socket notifier does the same)."""
    readable, _, _ = select.select([feed.fileno()], [], [], seconds)
    return feed.receive() if readable else OpChanges.of()


def test_a_colleagues_save_arrives_within_a_second_with_its_kind_and_id(
    colleagues: tuple[Services, Services], feed: ChangeFeed
) -> None:
    _mine, theirs = colleagues
    created = theirs.contractors.create({"name": "株式会社同僚"})
    changes = arrived(feed)
    assert changes.kinds == {RecordType.CONTRACTOR}
    assert changes.ids_of(RecordType.CONTRACTOR) == {created.id}


def test_my_own_save_is_not_sent_back_to_me(colleagues: tuple[Services, Services], feed: ChangeFeed) -> None:
    mine, _theirs = colleagues
    mine.contractors.create({"name": "株式会社自分"})
    assert not arrived(feed, 0.3)


def test_a_rolled_back_save_sends_nothing(colleagues: tuple[Services, Services], feed: ChangeFeed) -> None:
    _mine, theirs = colleagues
    with pytest.raises(ValidationError):
        theirs.contractors.create({"name": ""})
    assert not arrived(feed, 0.3)


def test_a_bulk_change_names_its_kinds_even_beyond_the_ids_a_notification_holds() -> None:
    many = {"contractor": set(range(MAX_IDS + 1)), "evaluation": {1}}
    origin, kinds, ids = decode(encode("x", many))  # type: ignore[misc]
    assert (origin, kinds, ids) == ("x", ["contractor", "evaluation"], [])
    assert len(encode("x", many).encode()) < 8000
    assert decode("not json") is None


def test_there_is_no_feed_on_sqlite(sqlite_services: Services) -> None:
    assert listen(sqlite_services.context) is None
