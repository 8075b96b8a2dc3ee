"""Engine and session set-up for SQLite (embedded default) and PostgreSQL (shared)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from desktop.store import notifications
from desktop.store.files import create_private_file, make_private_folder
from desktop.store.location import check_sqlite_file
from desktop.store.location import refuse as _refuse


def normalize_url(url: str) -> str:
    """Accept a bare file path for SQLite and a plain postgresql:// URL (psycopg 3 driver)."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return url


def is_sqlite(url: str) -> bool:
    return make_url(normalize_url(url)).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def check_location(url: str, *, may_create: bool) -> None:
    """Refuse, before anything is created or changed, a database that cannot be opened as Itaku's.

    An unknown driver or a malformed URL; a SQLite path that is a folder, a file that is not SQLite (a text
    file), and, unless `may_create` (the `init` command), a path that does not exist or a SQLite file that
    is not an Itaku database. Server databases are left to the connection.
    """
    try:
        parsed = make_url(normalize_url(url))
        parsed.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError):
        raise _refuse(
            f"データベースの指定を読めません（未対応のドライバーまたは URL の誤り）: {parsed_name(url)}",
            f"cannot use this database: unknown driver or malformed URL: {parsed_name(url)}",
        ) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise _refuse(
            f"対応していないデータベースです: {parsed.get_backend_name()}（SQLite または PostgreSQL）",
            f"unsupported database: {parsed.get_backend_name()} (SQLite or PostgreSQL only)",
        )
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path, may_create=may_create)


def parsed_name(url: str) -> str:
    """The URL as it may be shown: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return url.split("@")[-1] if "@" in url else url


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself, so reads see one snapshot and a write
        # can take the write lock up front (BEGIN IMMEDIATE) instead of failing on lock upgrade.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get("itaku_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, **options: Any) -> Engine:
    url = normalize_url(url)
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            make_private_folder(path.parent)
            create_private_file(path)  # 0600 from the start: SQLite would create it 0644 (umask)
        engine = create_engine(url, **options)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **options)


WRITE_LOCK_KEY = 0x17A4  # the PostgreSQL advisory lock all Itaku writers share


class Database:
    """An engine and a session factory; `write()` and `read()` are each one transaction."""

    def __init__(self, url: str, **engine_options: Any):
        self.url = normalize_url(url)
        self.origin = uuid.uuid4().hex  # names this process's writes in the notifications it sends
        self.engine_options = engine_options
        self.engine = make_engine(self.url, **engine_options)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=True)
        self._enforces_roles: bool | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def enforces_roles(self) -> bool:
        """PostgreSQL with Itaku's roles in force (desktop.store.roles): the server checks who may do what,
        approvals, accounts and settings change through its functions, and its triggers write the trail."""
        if self._enforces_roles is None:
            from desktop.store import roles

            self._enforces_roles = roles.is_enforced(self.engine)
        return self._enforces_roles

    def mark_roles_enforced(self) -> None:
        self._enforces_roles = True

    def as_user(self, username: str, password: str) -> Database:
        """The same server database, connected as another login role (PostgreSQL: the signed-in person)."""
        url = make_url(self.url).set(username=username, password=password)
        other = Database(url.render_as_string(hide_password=False), **self.engine_options)
        other._enforces_roles = self._enforces_roles
        other.origin = self.origin  # the same window: its own notifications stay its own
        return other

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A read-write transaction: committed on success, rolled back on any error."""
        with self.sessions() as session:
            connection = session.connection(execution_options={"itaku_write": True})
            if connection.dialect.name == "postgresql":
                # One writer at a time, as SQLite's BEGIN IMMEDIATE gives: the audit hash chain needs a
                # single head, and taking the lock first means two writers can never deadlock on it.
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            try:
                yield session
                notifications.send_pending(session, self.origin)  # other windows learn of it at commit
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        # Closing (not rolling back) ends the transaction and detaches the loaded objects without
        # expiring them, so callers can read what they fetched.
        with self.sessions() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
