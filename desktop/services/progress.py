"""The one way long work (an import, an export, a report, a bulk approval) says how far it has come.

The work calls `progress(done, total)` now and then; the caller (the window's operation runner, the CLI,
a test) shows it, and stops the work by raising `Cancelled` from the call. The work lets it through: its
transaction rolls back and its partial file is removed, as for any other error.
"""

from __future__ import annotations

from typing import Protocol

from desktop.domain.errors import Cancelled

__all__ = ["Cancelled", "Progress"]


class Progress(Protocol):
    def __call__(self, done: int, total: int) -> None:
        """`done` of `total` steps are finished; raises Cancelled when the person asked to stop."""
