"""BackupService's read-only helpers for the restore dialog: the daily backups newest first, what a chosen file
tells about itself, the copies a restore kept, and why restore is not offered (PostgreSQL, a role)."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.app import build_services
from desktop.domain.errors import ValidationError
from desktop.domain.roles import PermissionDeniedError
from tests.conftest import FIXED_NOW


def _daily(services, day: int):
    """A daily backup as ensure_daily names it, made (by the service's clock) on 2026-11-`day`."""
    services.context.clock = lambda: datetime(2026, 11, day, 3, 0, tzinfo=UTC)
    try:
        return services.backups.backup(
            services.backups.daily_folder / f"itaku-202611{day:02d}.itaku-backup.zip"
        )
    finally:
        services.context.clock = lambda: FIXED_NOW


def test_no_backup_folder_lists_nothing(sqlite_services):
    assert sqlite_services.backups.list_backups() == []


def test_daily_backups_are_listed_newest_first_with_their_time_size_and_kind(sqlite_services):
    services = sqlite_services
    for day in (23, 25, 24):
        _daily(services, day)
    (services.backups.daily_folder / "notes.txt").write_text("not a backup")
    listed = services.backups.list_backups()
    assert [info.path.name for info in listed] == [
        "itaku-20261125.itaku-backup.zip",
        "itaku-20261124.itaku-backup.zip",
        "itaku-20261123.itaku-backup.zip",
    ]
    newest = listed[0]
    assert newest.made_at == datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    assert newest.size == newest.path.stat().st_size > 0
    assert newest.is_daily and newest.created_by == "tester"


def test_the_manifest_time_orders_the_list_not_the_file_name(sqlite_services):
    services = sqlite_services
    older = _daily(services, 20).path
    newer = _daily(services, 21).path
    # The names say otherwise (renamed by hand): the time the backup was made decides.
    swapped = services.backups.daily_folder / "itaku-swap.itaku-backup.zip"
    older.rename(swapped)
    newer.rename(older)
    swapped.rename(newer)
    assert [info.path.name for info in services.backups.list_backups()] == [older.name, newer.name]


def test_a_damaged_daily_file_is_listed_by_its_modification_time(sqlite_services):
    folder = sqlite_services.backups.daily_folder
    folder.mkdir(parents=True)
    broken = folder / "itaku-20261101.itaku-backup.zip"
    broken.write_bytes(b"old")
    stamp = datetime(2026, 11, 1, 9, 30, tzinfo=UTC).timestamp()
    os.utime(broken, (stamp, stamp))
    [info] = sqlite_services.backups.list_backups()
    assert info.made_at == datetime(2026, 11, 1, 9, 30, tzinfo=UTC) and info.size == 3 and info.is_daily
    assert info.created_by is None


def test_a_chosen_file_elsewhere_is_not_a_daily_one(sqlite_services, tmp_path):
    result = sqlite_services.backups.backup(tmp_path / "elsewhere" / "itaku-20261125.itaku-backup.zip")
    info = sqlite_services.backups.describe_backup(result.path)
    assert not info.is_daily and info.made_at == FIXED_NOW and info.size == result.size


def test_a_chosen_sqlite_file_is_described_by_its_modification_time(sqlite_services, tmp_path):
    database = tmp_path / "copy.sqlite3"
    sqlite3.connect(database).close()
    database.write_bytes(database.read_bytes())
    info = sqlite_services.backups.describe_backup(database)
    assert info.made_at == datetime.fromtimestamp(database.stat().st_mtime, UTC)
    assert abs(info.made_at - datetime.now(UTC)) < timedelta(minutes=5)
    assert not info.is_daily and info.created_by is None


def test_describing_a_missing_file_names_it(sqlite_services, tmp_path):
    missing = tmp_path / "gone.zip"
    with pytest.raises(ValidationError) as caught:
        sqlite_services.backups.describe_backup(missing)
    assert str(missing) in caught.value.fields["backup"].en


def test_listing_needs_a_signed_in_user(sqlite_url, tmp_path):
    nobody = build_services(sqlite_url, data_dir=tmp_path / "files", role=None)
    try:
        with pytest.raises(PermissionDeniedError):
            nobody.backups.list_backups()
    finally:
        nobody.close()


def test_pre_restore_copies_lists_what_restore_kept(sqlite_services, tmp_path):
    services = sqlite_services
    assert services.backups.pre_restore_copies() == []
    backup = services.backups.backup(tmp_path / "b.zip")
    services.backups.restore(backup.path)
    [copy] = services.backups.pre_restore_copies()
    database = Path(services.backups.database_file)
    assert copy.parent == database.parent
    assert copy.name.startswith("itaku.before-restore-") and copy.suffix == ".sqlite3"


def test_restore_is_offered_to_the_officer_on_sqlite(sqlite_services):
    assert sqlite_services.backups.restore_refusal() is None


@pytest.mark.parametrize("role", ["staff", "auditor"])
def test_restore_refusal_names_the_officer_role(sqlite_url, tmp_path, role):
    other = build_services(sqlite_url, data_dir=tmp_path / "files", clock=lambda: FIXED_NOW, role=role)
    try:
        refusal = other.backups.restore_refusal()
        assert refusal is not None
        assert "個人情報保護責任者" in refusal.ja and "PI protection officer" in refusal.en
    finally:
        other.close()


def test_restore_refusal_says_pg_restore_on_postgresql(services):
    refusal = services.backups.restore_refusal()
    if services.database.url.startswith("sqlite"):
        assert refusal is None
    else:
        assert refusal is not None and "pg_restore" in refusal.ja and "pg_restore" in refusal.en
        assert "database administrator" in refusal.en
