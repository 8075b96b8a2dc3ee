"""The first-paint preview: the summary of a SQLite database's current findings snapshot, read with the standard
library. It gives exactly the figures the full load gives, or nothing at all."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.app import quick_look
from desktop.services.compliance.model import FindingCounts, FindingTable, worst_first
from desktop.services.compliance.preview import look_into
from desktop.services.facade import Services
from desktop.store.database import sqlite_path
from desktop.store.quick_read import HEAD_REVISION, sqlite_file
from tests.conftest import FIXED_NOW


def database_file(services: Services) -> Path:
    path = sqlite_path(services.database.url)
    assert path is not None
    return path


def test_the_preview_gives_the_figures_and_first_rows_of_the_full_load(demo_services: Services) -> None:
    state = demo_services.checks.model()  # computed and stored
    preview = quick_look(demo_services.database.url, clock=lambda: FIXED_NOW).preview
    assert preview is not None and isinstance(state.table, FindingTable)
    assert preview.counts == FindingCounts.of(state.table) and preview.counts.count == len(state.findings)
    first = list(preview.worst_first)
    assert first == worst_first(state.findings)[: len(first)]
    assert len(first) == min(200, len(state.findings))
    assert preview.deadlines == state.deadlines
    assert preview.redelegation_engagements == state.redelegation_engagements


def test_no_preview_once_anything_changed_since_the_snapshot(demo_services: Services) -> None:
    demo_services.checks.model()
    path, today = database_file(demo_services), FIXED_NOW.date()
    assert look_into(path, today).preview is not None
    assert look_into(path, today + timedelta(days=1)).preview is None  # another as-of date
    demo_services.contractors.create(
        {"name": "株式会社プレビュー後", "kind": "corporation", "status": "active"}
    )
    assert look_into(path, today).preview is None  # the audit head moved: the snapshot is of an older state
    demo_services.checks.model()
    assert look_into(path, today).preview is not None


def test_no_preview_for_a_database_with_accounts(demo_services: Services) -> None:
    """Nothing is shown before someone signs in."""
    demo_services.accounts.create_first_officer("officer", "a-long-password")
    demo_services.checks.model()
    assert look_into(database_file(demo_services), FIXED_NOW.date()).preview is None


def test_no_preview_for_another_schema_revision(demo_services: Services) -> None:
    demo_services.checks.model()
    path = database_file(demo_services)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0003'")
    assert look_into(path, FIXED_NOW.date()).preview is None
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (HEAD_REVISION,))
    assert look_into(path, FIXED_NOW.date()).preview is not None


def test_no_preview_and_no_file_made_for_a_missing_or_foreign_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert quick_look(f"sqlite:///{missing}").preview is None and not missing.exists()
    assert quick_look("postgresql://localhost/test").preview is None
    not_itaku = tmp_path / "other.db"
    with sqlite3.connect(not_itaku) as connection:
        connection.execute("CREATE TABLE t (x)")
    assert quick_look(str(not_itaku)).preview is None
    (tmp_path / "garbage.db").write_bytes(b"not a database at all" * 100)
    assert quick_look(str(tmp_path / "garbage.db")).preview is None


def test_the_preview_reads_without_writing(demo_services: Services) -> None:
    demo_services.checks.model()
    demo_services.close()  # checkpointed: the file alone holds the database
    path = database_file(demo_services)
    before = path.read_bytes()
    assert quick_look(str(path), clock=lambda: FIXED_NOW).preview is not None
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////tmp/a/b.db",
        "sqlite:///relative/c.sqlite3",
        "sqlite+pysqlite:////tmp/d.db",
        "sqlite:///e.db",
    ],
)
def test_the_quick_reader_finds_the_same_file_as_sqlalchemy(url: str) -> None:
    assert sqlite_file(url) == sqlite_path(url)


def test_urls_the_quick_reader_leaves_to_sqlalchemy() -> None:
    for url in (
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///x.db?mode=ro",
        "postgresql+psycopg://h/db",
        "mysql://h/db",
    ):
        assert sqlite_file(url) is None


def test_a_writer_in_the_middle_of_a_transaction_neither_blocks_nor_changes_the_preview(
    demo_services: Services,
) -> None:
    """WAL: the quick look reads the committed state while another process holds the write lock."""
    demo_services.checks.model()
    path = database_file(demo_services)
    expected = look_into(path, FIXED_NOW.date()).preview
    assert expected is not None
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM finding_snapshot")
        writer.execute("UPDATE contractor SET name = 'uncommitted'")
        assert look_into(path, FIXED_NOW.date()).preview == expected
    finally:
        writer.execute("ROLLBACK")
        writer.close()
