"""Before an automatic migration changes a SQLite file, a copy of it is kept beside it, named with its old
revision, and the log (on the command line: standard error) says where it is."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import text

from desktop.store import migrate
from desktop.store.database import Database
from desktop.store.queries import sqlite_file


def _database_at(path: Path, revision: str) -> None:
    """A SQLite file migrated only up to `revision`, holding one contractor."""
    database = Database(f"sqlite:///{path}")
    config = migrate.alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    with database.write() as session:
        session.execute(
            text(
                "INSERT INTO contractor (name, kind, status, country, pi_items, handles_special_care, "
                "handles_my_number, version, created_at, updated_at, updated_by) VALUES ('旧データ株式会社', "
                "'corporation', 'active', 'JP', '[]', 0, 0, 1, '2026-01-01', '2026-01-01', 't')"
            )
        )
    database.dispose()


def _names(path: Path) -> list[str]:
    database = Database(f"sqlite:///{path}")
    with database.read() as session:
        names = list(session.scalars(text("SELECT name FROM contractor")))
    database.dispose()
    return names


def test_upgrading_an_old_database_keeps_the_old_file_beside_it(tmp_path, caplog):
    path = tmp_path / "itaku.sqlite3"
    _database_at(path, "0003")
    database = Database(f"sqlite:///{path}")
    with caplog.at_level(logging.WARNING, logger=migrate.__name__):
        assert migrate.upgrade(database.engine) == migrate.head_revision()
    database.dispose()
    copy = tmp_path / "itaku.before-migration-0003.sqlite3"
    assert copy.is_file()
    kept = sqlite_file.inspect(copy)
    assert (kept.is_itaku, kept.revision, kept.integrity) == (True, "0003", "ok")
    assert _names(copy) == ["旧データ株式会社"]
    assert sqlite_file.inspect(path).revision == migrate.head_revision()
    assert str(copy) in caplog.text


def test_a_second_old_copy_does_not_overwrite_the_first(tmp_path):
    path = tmp_path / "itaku.sqlite3"
    first = tmp_path / "itaku.before-migration-0003.sqlite3"
    _database_at(path, "0003")
    first.write_bytes(b"an earlier copy")
    database = Database(f"sqlite:///{path}")
    migrate.upgrade(database.engine)
    database.dispose()
    assert first.read_bytes() == b"an earlier copy"
    assert sqlite_file.inspect(tmp_path / "itaku.before-migration-0003-2.sqlite3").revision == "0003"


def test_a_new_or_current_database_is_not_copied(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'itaku.sqlite3'}")
    migrate.upgrade(database.engine)
    migrate.upgrade(database.engine)
    database.dispose()
    assert sorted(path.name for path in tmp_path.iterdir() if "before-migration" in path.name) == []


def test_the_command_line_says_where_the_copy_is(tmp_path):
    path = tmp_path / "cli.sqlite3"
    _database_at(path, "0003")
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", f"sqlite:///{path}", "check", "--json"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )
    copy = tmp_path / "cli.before-migration-0003.sqlite3"
    assert copy.is_file()
    assert (
        f"kept a copy of the database before migrating it (schema 0003 → {migrate.head_revision()}): {copy}"
        in (result.stderr)
    )
    assert result.returncode == 0 and json.loads(result.stdout) == []  # and the command did its work


def test_restoring_an_old_database_migrates_it_without_a_copy_of_the_staged_file(tmp_path, caplog):
    """The backup is the original: the staged copy a restore migrates is not copied again (its folder goes)."""
    from tests.conftest import make_services

    old = tmp_path / "old" / "itaku.sqlite3"
    old.parent.mkdir()
    _database_at(old, "0003")
    services = make_services(f"sqlite:///{tmp_path / 'live' / 'itaku.sqlite3'}", tmp_path)
    try:
        with caplog.at_level(logging.WARNING, logger=migrate.__name__):
            services.backups.restore(old)
        assert services.contractors.names()[0][1] == "旧データ株式会社"
    finally:
        services.close()
    assert "kept a copy" not in caplog.text
    assert [path for path in tmp_path.rglob("*before-migration*")] == []
