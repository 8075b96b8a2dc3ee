"""One progress protocol and one cancellation error for all long work; every service error has a message."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app import Services
from desktop.domain.errors import (
    Cancelled,
    ConflictError,
    DependencyError,
    ItakuError,
    Message,
    NotFoundError,
    ValidationError,
)
from desktop.domain.roles import Permission, PermissionDeniedError
from desktop.reports.xlsx import write_audit_workbook
from desktop.services.accounts import AuthenticationError, DamagedDatabaseError
from desktop.services.ledger_import import LedgerFileError, LedgerImportError
from tests.services.test_ledger_import import NUMBER_A, NUMBER_B, _row, dump, hand_kept_ledger


def cancel_after(steps: int) -> tuple[list[tuple[int, int]], object]:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) > steps:
            raise Cancelled()

    return seen, progress


@pytest.mark.parametrize(
    "error",
    [
        ValidationError({"name": Message("必須です", "required"), "kana": Message("カナで", "in kana")}),
        ConflictError("contractor", 1, 2, 3, "alice"),
        NotFoundError("contract", 7),
        DependencyError(Message("使われています", "in use")),
        PermissionDeniedError(Permission.APPROVE, "staff"),
        PermissionDeniedError(Permission.APPROVE, None),
        AuthenticationError(),
        DamagedDatabaseError(),
        LedgerFileError(Message("読めません", "unreadable")),
        LedgerImportError([]),
        Cancelled(),
    ],
    ids=lambda error: type(error).__name__,
)
def test_every_service_error_carries_a_message_in_both_languages(error: ItakuError) -> None:
    assert isinstance(error.message, Message)
    assert error.message.ja and error.message.en


def test_a_validation_error_message_lists_each_field_message() -> None:
    error = ValidationError({"name": Message("必須です", "required"), "kana": Message("カナで", "in kana")})
    assert error.message == Message("必須です\nカナで", "required\nin kana")
    assert str(error) == "name: 必須です / required; kana: カナで / in kana"


def test_cancelling_a_ledger_import_through_progress_writes_nothing(
    tmp_path: Path, sqlite_services: Services
) -> None:
    rows = [_row(1, "株式会社あおば", NUMBER_A), _row(2, "株式会社みどり", NUMBER_B)]
    path = hand_kept_ledger(tmp_path / "ledger.xlsx", rows)
    importer = sqlite_services.ledger_import
    preview = importer.read(path)
    before = dump(sqlite_services)
    seen, progress = cancel_after(0)
    with pytest.raises(Cancelled):
        importer.apply(preview, progress=progress)  # type: ignore[arg-type]
    assert seen  # the import did report
    assert dump(sqlite_services) == before


def test_cancelling_the_audit_workbook_through_progress_leaves_no_file(
    tmp_path: Path, demo_services: Services
) -> None:
    out = tmp_path / "out" / "audit.xlsx"
    seen, progress = cancel_after(2)
    with pytest.raises(Cancelled):
        write_audit_workbook(demo_services, out, progress=progress)  # type: ignore[arg-type]
    assert seen[:3] == [(0, seen[0][1]), (1, seen[0][1]), (2, seen[0][1])]
    assert not out.exists() and not out.with_name("audit.xlsx.part").exists()
