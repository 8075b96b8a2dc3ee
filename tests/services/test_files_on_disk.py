"""What Itaku writes to disk is its owner's alone; limits hold while copying; backups follow no link."""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.app import Services, build_services
from desktop.domain.errors import ValidationError
from desktop.store.models import Contract

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _nda(services: Services, attachment: Path) -> Contract:
    contractor = services.contractors.create({"name": "株式会社あおば"})
    return services.contracts.create(
        {
            "contractor_id": contractor.id,
            "kind": "nda",
            "title": "機密保持契約書",
            "signed_on": "2026-01-01",
            "effective_from": "2026-01-01",
        },
        attachment=attachment,
    )


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask (022): what SQLite and open() would otherwise create 0644."""
    previous = os.umask(0o022)
    yield None
    os.umask(previous)


@posix_only
def test_a_new_database_its_wal_and_its_folder_are_the_owners_only(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "new" / "itaku.sqlite3"
    services = build_services(str(path), data_dir=tmp_path / "new" / "files")
    try:
        services.contractors.create({"name": "株式会社あおば"})
        assert mode(path) == 0o600
        assert mode(path.with_name(path.name + "-wal")) == 0o600
        assert mode(path.parent) == 0o700
    finally:
        services.close()


@posix_only
def test_an_attachment_and_the_data_folder_are_the_owners_only(
    sqlite_services: Services, tmp_path: Path, open_umask: None
) -> None:
    source = tmp_path / "署名済NDA.pdf"
    source.write_bytes(b"%PDF-1.4 signed")
    contract = _nda(sqlite_services, source)
    stored = sqlite_services.contracts.attachment_file(contract.id)
    assert mode(stored) == 0o600
    data_dir = sqlite_services.context.data_dir
    for folder in (data_dir, data_dir / "attachments", stored.parent):
        assert mode(folder) == 0o700, folder


@posix_only
def test_a_backup_and_the_daily_backups_folder_are_the_owners_only(
    sqlite_services: Services, tmp_path: Path, open_umask: None
) -> None:
    sqlite_services.contractors.create({"name": "株式会社あおば"})
    made = sqlite_services.backups.backup(tmp_path / "out" / "b.itaku-backup.zip").path
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    daily = sqlite_services.backups.ensure_daily()
    assert daily is not None and mode(daily) == 0o600 and mode(daily.parent) == 0o700


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="needs a file larger than its stat says")
def test_the_attachment_limit_holds_for_what_is_copied_not_the_size_first_seen(
    sqlite_services: Services, tmp_path: Path
) -> None:
    # /proc/self/maps says it is 0 bytes long and holds kilobytes: a file that grows after the size check.
    grows = Path("/proc/self/maps")
    assert grows.stat().st_size == 0 and len(grows.read_bytes()) > 1024
    sqlite_services.settings.update({"attachment_max_bytes": 1024})
    with pytest.raises(ValidationError) as raised:
        _nda(sqlite_services, grows)
    assert "too large" in raised.value.fields["attachment"].en
    with sqlite_services.database.read() as session:
        assert session.scalar(select(func.count()).select_from(Contract)) == 0
    attachments = sqlite_services.context.data_dir / "attachments"
    assert [p for p in attachments.rglob("*") if p.is_file()] == []  # no partial copy left behind


def test_a_backup_does_not_follow_a_link_planted_among_the_attachments(
    sqlite_services: Services, tmp_path: Path
) -> None:
    secret = tmp_path / "id_ed25519"
    secret.write_text("PRIVATE KEY")
    source = tmp_path / "nda.pdf"
    source.write_bytes(b"%PDF-1.4 signed")
    _nda(sqlite_services, source)
    attachments = sqlite_services.context.data_dir / "attachments"
    (attachments / "ab").mkdir()
    (attachments / "ab" / "planted.pdf").symlink_to(secret)
    (attachments / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    made = sqlite_services.backups.backup(tmp_path / "b.itaku-backup.zip").path
    with zipfile.ZipFile(made) as archive:
        names = archive.namelist()
        contents = b"".join(archive.read(name) for name in names)
    assert not [name for name in names if "planted" in name or "elsewhere" in name]
    assert b"PRIVATE KEY" not in contents
    assert len([name for name in names if name.startswith("attachments/")]) == 1


def test_the_daily_backup_is_not_written_through_a_linked_backups_folder(
    sqlite_services: Services, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data_dir = sqlite_services.context.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "backups").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ValidationError):
        sqlite_services.backups.ensure_daily()
    assert list(elsewhere.iterdir()) == []
