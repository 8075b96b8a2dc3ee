"""What every service needs: the database, who acts, what time it is, where files live."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

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

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """Today in Japan: legal deadlines run on the Tokyo calendar."""
        return self.clock().astimezone(TOKYO).date()

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"
