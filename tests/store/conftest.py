"""Fixtures shared by the store tests: `team`, a PostgreSQL database with the roles in force."""

from tests.store.test_postgres_roles import team  # noqa: F401 (the fixture, for every module here)
