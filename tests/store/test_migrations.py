from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from desktop.store import migrate
from desktop.store.database import Database, normalize_url
from desktop.store.models import Base


def test_migrated_schema_equals_the_models(database_url):
    database = Database(database_url)
    migrate.upgrade(database.engine)
    with database.engine.connect() as connection:
        # include_name leaves out the (unmapped) FTS5 search table of migration 0004
        options = {"compare_type": True, "include_name": migrate.include_name}
        differences = compare_metadata(MigrationContext.configure(connection, opts=options), Base.metadata)
    database.dispose()
    assert differences == []


def test_upgrade_is_idempotent_and_reports_head(database_url):
    database = Database(database_url)
    assert migrate.upgrade(database.engine) == migrate.head_revision()
    assert migrate.upgrade(database.engine) == migrate.head_revision()
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    assert migrate.is_itaku_database(database.engine)
    database.dispose()


def test_sqlite_runs_with_wal_and_foreign_keys(sqlite_url):
    database = Database(sqlite_url)
    with database.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    database.dispose()


def test_bare_path_and_plain_postgres_url_are_normalised(tmp_path):
    assert normalize_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    assert normalize_url("postgresql://localhost/test") == "postgresql+psycopg://localhost/test"


def test_a_database_that_is_not_itaku_is_recognised(tmp_path):
    database = Database(str(tmp_path / "other.db"))
    with database.write() as session:
        session.execute(text("CREATE TABLE something (id INTEGER)"))
    assert not migrate.is_itaku_database(database.engine)
    assert "something" in inspect(database.engine).get_table_names()
    database.dispose()


def test_the_head_revision_constant_is_alembics_head():
    """A new migration must move HEAD_REVISION too: the start-up skips Alembic when a database is at it."""
    from desktop.store.quick_read import HEAD_REVISION

    assert HEAD_REVISION == migrate.head_revision()


def test_an_empty_database_has_no_revision_and_an_old_one_is_still_migrated(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    assert migrate.current_revision(database.engine) is None
    from alembic import command

    config = migrate.alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    assert migrate.current_revision(database.engine) == "0003"
    assert migrate.upgrade(database.engine) == migrate.head_revision()
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    assert "contractor_search" in inspect(database.engine).get_table_names()
    database.dispose()


def test_opening_a_database_at_head_does_not_import_alembic(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    url = f"sqlite:///{tmp_path / 'head.db'}"
    database = Database(url)
    migrate.upgrade(database.engine)
    database.dispose()
    script = (
        "import sys; from desktop.store.database import Database; from desktop.store import migrate; "
        f"d = Database({url!r}); print(migrate.upgrade(d.engine), 'alembic' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=root, timeout=60, check=True
    )
    assert result.stdout.split() == [migrate.head_revision(), "False"]
