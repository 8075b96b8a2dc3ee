"""What every service needs: the database, who acts, what time it is, where files live."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from desktop.domain.roles import Permission, check
from desktop.store.database import Database

TOKYO = ZoneInfo("Asia/Tokyo")


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    database: Database
    data_dir: Path
    actor: str = "system"
    clock: Callable[[], datetime] = field(default=_utc_now)
    role: str | None = None  # None: nobody signed in; every service call is refused

    def require(self, permission: Permission) -> None:
        """Raise PermissionDeniedError unless the signed-in role holds `permission`."""
        check(self.role, permission)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction for a signed-in user."""
        self.require(Permission.READ)
        with self.database.read() as session:
            yield session

    @contextmanager
    def write(self, permission: Permission = Permission.WRITE) -> Iterator[Session]:
        """One read-write transaction (all or nothing), for a user holding `permission`."""
        self.require(permission)
        with self.database.write() as session:
            yield session

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """Today in Japan: legal deadlines run on the Tokyo calendar."""
        return self.clock().astimezone(TOKYO).date()

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"
