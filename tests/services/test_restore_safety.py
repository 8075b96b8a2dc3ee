"""Issue 13: a restore cannot half-happen. Each attack on the restore is refused before anything live is
touched, and on any failure the database, its attachments and the backups folder are exactly as before."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.errors import ValidationError
from desktop.services import backups as backups_module
from desktop.services.backups import DATABASE_NAME
from desktop.services.facade import Services
from tests.services.test_ledger_import import dump

TARGET = "attachments/../backups/itaku-99991231.itaku-backup.zip"


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def live_state(services: Services) -> dict[str, Any]:
    """What must not change when a restore fails: the records, the attachments, the backups and the files
    beside the database (no kept copy, no staging folder left behind)."""
    database = Path(services.database.engine.url.database or "")
    beside = sorted(
        path.name for path in database.parent.iterdir() if not path.name.startswith(database.name)
    )
    return {
        "rows": dump(services),
        "files": file_hashes(services.context.data_dir),
        "beside": beside,
    }


@pytest.fixture
def live(sqlite_services: Services, tmp_path: Path) -> Services:
    """Four contractors, one attached file, a daily backup: the state every attack must leave as it is."""
    services = sqlite_services
    for name in ("株式会社さくら", "株式会社もみじ", "株式会社かえで", "株式会社いちょう"):
        services.contractors.create({"name": name})
    signed = tmp_path / "nda.pdf"
    signed.write_bytes(b"%PDF signed")
    services.contracts.create(
        {
            "contractor_id": 1,
            "kind": "nda",
            "title": "NDA",
            "signed_on": "2026-01-01",
            "effective_from": "2026-01-01",
        },
        attachment=signed,
    )
    services.backups.ensure_daily()
    return services


def rebuilt(
    backup: Path,
    out: Path,
    *,
    manifest: dict[str, Any] | None = None,
    extra: dict[str, bytes] | None = None,
    database: bytes | None = None,
) -> Path:
    """A copy of `backup` with its manifest, database or entries replaced (what an attacker hands over)."""
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        original = json.loads(source.read("manifest.json"))
        target.writestr("manifest.json", json.dumps(manifest if manifest is not None else original))
        for info in source.infolist():
            if info.filename == "manifest.json":
                continue
            data = database if info.filename == DATABASE_NAME and database is not None else source.read(info)
            target.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out


def refused(services: Services, source: Path) -> ValidationError:
    before = live_state(services)
    with pytest.raises(ValidationError) as caught:
        services.backups.restore(source)
    assert live_state(services) == before
    assert [row.name for row in services.contractors.search()] != []
    assert "restore" not in {event.action for event in services.audit.list_events()}
    return caught.value


def test_a_manifest_key_that_leads_into_backups_is_refused_and_nothing_changes(
    live: Services, tmp_path: Path
) -> None:
    backup = live.backups.backup(tmp_path / "b.zip").path
    planted = b"planted"
    manifest = json.loads(zipfile.ZipFile(backup).read("manifest.json"))
    manifest["attachments"][TARGET] = hashlib.sha256(planted).hexdigest()
    attack = rebuilt(backup, tmp_path / "attack.zip", manifest=manifest, extra={TARGET: planted})
    live.contractors.create({"name": "バックアップ後の委託先"})
    error = refused(live, attack)
    assert "unsafe path" in error.fields["backup"].en
    assert not (live.context.data_dir / "backups" / "itaku-99991231.itaku-backup.zip").exists()
    assert len(live.contractors.search()) == 5


@pytest.mark.parametrize(
    "key",
    [
        "attachments/x/../../backups/y.zip",
        "attachments//backups/y.zip",
        "attachments/./y",
        "/etc/passwd",
        "attachments\\..\\backups\\y.zip",
        "backups/itaku-99991231.itaku-backup.zip",
        "attachments",
        "attachments/C:/y",
    ],
)
def test_every_manifest_key_outside_attachments_is_refused(live: Services, tmp_path: Path, key: str) -> None:
    backup = live.backups.backup(tmp_path / "b.zip").path
    manifest = json.loads(zipfile.ZipFile(backup).read("manifest.json"))
    manifest["attachments"][key] = hashlib.sha256(b"x").hexdigest()
    refused(live, rebuilt(backup, tmp_path / "attack.zip", manifest=manifest, extra={key: b"x"}))


def test_entries_the_manifest_does_not_name_are_never_unpacked(live: Services, tmp_path: Path) -> None:
    """A restore never writes into backups/, whatever the zip holds."""
    backup = live.backups.backup(tmp_path / "b.zip").path
    attack = rebuilt(backup, tmp_path / "attack.zip", extra={"backups/itaku-99991231.itaku-backup.zip": b"x"})
    before = file_hashes(live.context.data_dir / "backups")
    live.backups.restore(attack)
    assert file_hashes(live.context.data_dir / "backups") == before


def test_planted_daily_backups_do_not_make_every_new_one_delete_itself(live: Services) -> None:
    folder = live.backups.daily_folder
    for day in range(1, 9):
        (folder / f"itaku-9999120{day}.itaku-backup.zip").write_bytes(b"planted")
    (folder / "itaku-junk.itaku-backup.zip").write_bytes(b"planted")
    today = folder / f"itaku-{live.context.today():%Y%m%d}.itaku-backup.zip"
    today.unlink()
    assert live.backups.ensure_daily() == today
    assert today.exists()  # kept: not taken for the oldest of the newest seven


def test_a_hollow_database_with_the_right_revision_is_refused(live: Services, tmp_path: Path) -> None:
    hollow = tmp_path / "hollow.sqlite3"
    connection = sqlite3.connect(hollow)
    revision = (
        sqlite3.connect(live.database.engine.url.database)
        .execute("SELECT version_num FROM alembic_version")
        .fetchone()[0]
    )
    connection.executescript(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
        "CREATE TABLE contractor (id INTEGER PRIMARY KEY, name TEXT);"
        "CREATE TABLE audit_event (id INTEGER PRIMARY KEY);"
    )
    connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.commit()
    connection.close()
    error = refused(live, hollow)
    assert "incomplete" in error.fields["backup"].en and "account" in error.fields["backup"].en
    # The same hollow file inside a backup zip with a matching hash is refused as well.
    backup = live.backups.backup(tmp_path / "b.zip").path
    manifest = json.loads(zipfile.ZipFile(backup).read("manifest.json"))
    manifest["database_sha256"] = hashlib.sha256(hollow.read_bytes()).hexdigest()
    refused(live, rebuilt(backup, tmp_path / "hollow.zip", manifest=manifest, database=hollow.read_bytes()))


def test_a_database_bringing_a_trigger_of_its_own_is_refused(live: Services, tmp_path: Path) -> None:
    """A trigger would act behind the app's back after the restore (here: every approval undone)."""
    backup = live.backups.backup(tmp_path / "b.zip").path
    rigged = tmp_path / "rigged.sqlite3"
    with zipfile.ZipFile(backup) as archive:
        rigged.write_bytes(archive.read(DATABASE_NAME))
    connection = sqlite3.connect(rigged)
    connection.execute(
        "CREATE TRIGGER contractor_search_evil AFTER UPDATE ON evaluation BEGIN "
        "UPDATE evaluation SET approved_on = NULL WHERE id = new.id; END"
    )
    connection.commit()
    connection.close()
    error = refused(live, rigged)
    assert "trigger contractor_search_evil" in error.fields["backup"].en


def test_a_database_missing_an_index_the_models_declare_is_refused(live: Services, tmp_path: Path) -> None:
    backup = live.backups.backup(tmp_path / "b.zip").path
    stripped = tmp_path / "stripped.sqlite3"
    with zipfile.ZipFile(backup) as archive:
        stripped.write_bytes(archive.read(DATABASE_NAME))
    connection = sqlite3.connect(stripped)
    connection.execute("DROP INDEX ix_audit_event_record")
    connection.commit()
    connection.close()
    error = refused(live, stripped)
    assert "ix_audit_event_record" in error.fields["backup"].en


def test_a_hollow_database_claiming_an_older_revision_is_refused(live: Services, tmp_path: Path) -> None:
    """Its migration fails on the copy in the staging folder: a refusal, not a traceback, nothing replaced."""
    hollow = tmp_path / "hollow-old.sqlite3"
    connection = sqlite3.connect(hollow)
    connection.executescript(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
        "CREATE TABLE contractor (id INTEGER PRIMARY KEY, name TEXT);"
        "CREATE TABLE audit_event (id INTEGER PRIMARY KEY);"
        "INSERT INTO alembic_version VALUES ('0001');"
    )
    connection.commit()
    connection.close()
    error = refused(live, hollow)
    assert "cannot be read" in error.fields["backup"].en or "schema" in error.fields["backup"].en


def test_a_second_restore_within_the_same_second_keeps_both_replaced_copies(
    live: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    backup = live.backups.backup(tmp_path / "b.zip").path

    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> datetime:
            return datetime(2026, 11, 25, 12, 0, 0, tzinfo=tz)

    monkeypatch.setattr(backups_module, "datetime", FrozenClock)
    live.backups.restore(backup)
    live.backups.restore(backup)
    assert len(live.backups.pre_restore_copies()) == 2


def test_a_database_that_does_not_match_the_manifests_hash_is_refused(live: Services, tmp_path: Path) -> None:
    backup = live.backups.backup(tmp_path / "b.zip").path
    manifest = json.loads(zipfile.ZipFile(backup).read("manifest.json"))
    manifest["database_sha256"] = "0" * 64
    error = refused(live, rebuilt(backup, tmp_path / "wrong.zip", manifest=manifest))
    assert "manifest's hash" in error.fields["backup"].en
    # A doctored database under the original manifest: the same refusal.
    doctored = tmp_path / "doctored.sqlite3"
    with zipfile.ZipFile(backup) as archive:
        doctored.write_bytes(archive.read(DATABASE_NAME))
    connection = sqlite3.connect(doctored)
    connection.execute("UPDATE contractor SET name = '改ざん'")
    connection.commit()
    connection.close()
    refused(live, rebuilt(backup, tmp_path / "doctored.zip", database=doctored.read_bytes()))
    del manifest["database_sha256"]
    refused(live, rebuilt(backup, tmp_path / "unhashed.zip", manifest=manifest))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(live: Services, tmp_path: Path) -> None:
    """A small zip whose database expands a thousandfold (the real one: 1.5 MB to GBs) is refused from its
    stated sizes, before a byte is extracted: neither memory nor disk grows with it."""
    backup = live.backups.backup(tmp_path / "b.zip").path
    bomb = tmp_path / "bomb.zip"
    zeros = bytes(1024 * 1024)
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        manifest = {**json.loads(source.read("manifest.json")), "attachments": {}}
        target.writestr("manifest.json", json.dumps(manifest))
        with target.open(DATABASE_NAME, "w") as entry:
            for _ in range(64):
                entry.write(zeros)
    assert bomb.stat().st_size < 200_000
    tracemalloc.start()
    try:
        error = refused(live, bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "expands abnormally" in error.fields["backup"].en
    assert peak < 32 * 1024 * 1024


def test_an_entry_larger_than_its_stated_size_is_refused(live: Services, tmp_path: Path) -> None:
    backup = live.backups.backup(tmp_path / "b.zip").path
    lying = tmp_path / "lying.zip"
    shutil.copyfile(backup, lying)
    with zipfile.ZipFile(lying) as archive:
        info = archive.getinfo(DATABASE_NAME)
    data = bytearray(lying.read_bytes())
    # The central directory's uncompressed size of the database entry, made smaller than the data.
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        name_length = int.from_bytes(data[offset + 28 : offset + 30], "little")
        name = bytes(data[offset + 46 : offset + 46 + name_length])
        if name == DATABASE_NAME.encode():
            data[offset + 24 : offset + 28] = (info.file_size // 2).to_bytes(4, "little")
        offset = data.find(b"PK\x01\x02", offset + 4)
    lying.write_bytes(bytes(data))
    refused(live, lying)


def test_a_failure_while_swapping_in_puts_everything_back(
    live: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last rename fails (a locked file, a full disk): the attachments already moved in go back out, the
    replaced database's log files come back, no kept copy stays, the live database is as before."""
    backup = live.backups.backup(tmp_path / "b.zip").path
    live.contractors.create({"name": "バックアップ後の委託先"})
    live.contracts.attachment_file(1).unlink()  # the restore has a file to move in
    target = Path(live.database.engine.url.database or "")
    real_replace = os.replace

    def failing_replace(source: Any, destination: Any) -> None:
        if Path(destination) == target:
            raise OSError("the database file is locked")
        real_replace(source, destination)

    monkeypatch.setattr(backups_module.os, "replace", failing_replace)
    before = live_state(live)
    with pytest.raises(OSError):
        live.backups.restore(backup)
    monkeypatch.setattr(backups_module.os, "replace", real_replace)
    assert live_state(live) == before
    assert len(live.contractors.search()) == 5
    live.backups.restore(backup)  # and the same restore works once the file is free
    assert len(live.contractors.search()) == 4
    assert live.contracts.attachment_status(1).value == "ok"
    assert live.audit.verify_chain().is_intact and live.audit.verify_records().is_intact


def test_a_backups_manifest_carries_the_chain_head(live: Services, tmp_path: Path) -> None:
    from desktop.domain.audit_chain import ChainHead

    backup = live.backups.backup(tmp_path / "b.zip").path
    manifest = json.loads(zipfile.ZipFile(backup).read("manifest.json"))
    head = ChainHead.parse(manifest["audit_head"])
    assert head == live.audit.head() and live.audit.verify_anchor(head).is_intact


def test_a_link_in_the_live_attachments_folder_does_not_lead_a_restored_file_out(
    live: Services, tmp_path: Path
) -> None:
    """A folder of attachments/ replaced by a link to backups/: the restore is refused, backups/ untouched."""
    backup = live.backups.backup(tmp_path / "b.zip").path
    manifest = json.loads(zipfile.ZipFile(backup).read("manifest.json"))
    [relative] = manifest["attachments"]
    stored = live.context.data_dir / relative
    stored.unlink()
    stored.parent.rmdir()
    stored.parent.symlink_to(live.context.data_dir / "backups", target_is_directory=True)
    error = refused(live, backup)
    assert "unsafe path" in error.fields["backup"].en
