"""Test set-up: headless Qt before anything imports it, temp data folders, SQLite and PostgreSQL databases."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.app import build_services  # noqa: E402
from desktop.services.facade import Services  # noqa: E402

# A fixed "now" for deterministic rules: 2026-11-25 12:00 in Tokyo.
FIXED_NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
POSTGRES_ADMIN_URL = os.environ.get("ITAKU_TEST_POSTGRES_URL", "postgresql+psycopg://localhost/test")


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the real user data folder or a database named by the environment."""
    monkeypatch.setenv("ITAKU_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.delenv("ITAKU_DATABASE_URL", raising=False)
    monkeypatch.setenv("ITAKU_USER", "tester")


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A database of its own on the local PostgreSQL server for this test run, dropped afterwards."""
    from sqlalchemy import create_engine, text

    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"itaku_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # the server is down or refuses us
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is unreachable at {POSTGRES_ADMIN_URL}: {error}")
        pytest.skip(f"PostgreSQL is unreachable at {POSTGRES_ADMIN_URL}: {error}")
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: a SQLite file, or a clean schema on the PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'itaku.sqlite3'}"
    url: str = request.getfixturevalue("postgres_database")
    _reset_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'itaku.sqlite3'}"


def make_services(url: str, tmp_path: Path, actor: str = "tester") -> Services:
    return build_services(url, actor=actor, data_dir=tmp_path / "files", clock=lambda: FIXED_NOW)


@pytest.fixture
def services(database_url: str, tmp_path: Path) -> Iterator[Services]:
    """Services on SQLite and on PostgreSQL, clock fixed at FIXED_NOW."""
    built = make_services(database_url, tmp_path)
    yield built
    built.close()


@pytest.fixture
def sqlite_services(sqlite_url: str, tmp_path: Path) -> Iterator[Services]:
    built = make_services(sqlite_url, tmp_path)
    yield built
    built.close()


@pytest.fixture
def demo_services(sqlite_services: Services) -> Services:
    """SQLite services holding the standard demo data (40 contractors, seed 1)."""
    sqlite_services.demo.load(40, 1)
    return sqlite_services
