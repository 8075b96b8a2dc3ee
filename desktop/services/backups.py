"""Backups: a consistent copy while the app is in use (SQLite's online backup API) plus the attached files.

A backup is one zip file: `manifest.json`, `itaku.sqlite3` and `attachments/…`. Restoring refuses a file
that is not an Itaku backup or database, or whose schema is newer than this program knows.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from fnmatch import fnmatch
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from desktop.domain.enums import AuditAction
from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Permission, PermissionDeniedError, Role
from desktop.services.attachments import sha256_of
from desktop.services.audit import record_event
from desktop.services.context import TOKYO, ServiceContext
from desktop.store import migrate
from desktop.store.database import sqlite_path
from desktop.store.models import AuditEvent

FORMAT = "itaku-backup"
RESTORE_RECORD_TYPE = RecordType.DATABASE  # a restore's audit event is about the whole database (record id 0)
FORMAT_VERSION = 1
DATABASE_NAME = "itaku.sqlite3"
BACKUP_SUFFIX = ".itaku-backup.zip"
DAILY_PATTERN = f"itaku-*{BACKUP_SUFFIX}"  # the names ensure_daily gives, in data_dir / "backups"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    schema_revision: str | None
    attachments: int
    size: int


@dataclass(frozen=True)
class BackupInfo:
    """A backup file as the window lists it before restoring."""

    path: Path
    made_at: datetime  # timezone-aware: the manifest's created_at, else the file's modification time
    size: int
    is_daily: bool  # one of the automatic daily backups in the data folder
    created_by: str | None = None


def _refuse(ja: str, en: str) -> ValidationError:
    return ValidationError({"backup": Message(ja, en)})


def _copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup API: a consistent snapshot even while others write."""
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as reader, sqlite3.connect(target) as writer:
        reader.backup(writer)
    # A `with` block on sqlite3 commits but does not close.
    reader.close()
    writer.close()


def _database_revision(path: Path) -> str | None:
    """The Alembic revision of a SQLite file, or raise if it is not an Itaku database."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"alembic_version", "contractor", "audit_event"} <= tables:
                raise _refuse("Itaku のデータベースではありません。", "This is not an Itaku database.")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        raise _refuse(
            "Itaku のバックアップでもデータベースでもありません。",
            "This is neither an Itaku backup nor an Itaku database.",
        ) from None
    if integrity != "ok":
        raise _refuse(
            "データベースが破損しています（integrity_check に失敗）。",
            f"The database is damaged (integrity check: {integrity}).",
        )
    return row[0] if row else None


class BackupService:
    def __init__(self, context: ServiceContext):
        self.context = context

    @property
    def database_file(self) -> Path:
        path = sqlite_path(self.context.database.url)
        if path is None:
            raise _refuse(
                "PostgreSQL のデータベースは pg_dump でバックアップしてください（例: pg_dump -Fc -f itaku.dump DB名）。"
                "添付ファイルはデータフォルダの attachments をあわせて保管してください。",
                "Back up a PostgreSQL database with pg_dump (e.g. pg_dump -Fc -f itaku.dump DBNAME), and keep the "
                "data folder's attachments with it.",
            )
        return path

    def backup(self, out: Path) -> BackupResult:
        """Write a backup zip to `out` (written beside it first, then moved into place)."""
        self.context.require(Permission.READ)
        source = self.database_file
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        attachments_dir = self.context.data_dir / "attachments"
        with tempfile.TemporaryDirectory(dir=out.parent) as folder:
            snapshot = Path(folder) / DATABASE_NAME
            _copy_database(source, snapshot)
            revision = _database_revision(snapshot)
            files = (
                sorted(p for p in attachments_dir.rglob("*") if p.is_file() and not p.name.startswith("."))
                if attachments_dir.is_dir()
                else []
            )
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "schema_revision": revision,
                "created_at": self.context.now().isoformat(),
                "created_by": self.context.actor,
                "database_sha256": sha256_of(snapshot),
                "attachments": {p.relative_to(self.context.data_dir).as_posix(): sha256_of(p) for p in files},
            }
            partial = Path(folder) / "backup.zip"
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
                archive.write(snapshot, DATABASE_NAME)
                for path in files:
                    archive.write(path, path.relative_to(self.context.data_dir).as_posix())
            os.replace(partial, out)
        return BackupResult(out, revision, len(files), out.stat().st_size)

    def restore(self, source: Path) -> BackupResult:
        """Replace the database (and add the attachments) from a backup zip or an Itaku SQLite file."""
        self.context.require(Permission.ADMINISTER)
        target = self.database_file
        source = Path(source)
        if not source.is_file():
            raise _refuse(f"ファイルが見つかりません: {source}", f"No such file: {source}")
        with tempfile.TemporaryDirectory(dir=target.parent) as folder:
            database = Path(folder) / DATABASE_NAME
            attachments: dict[str, str] = {}
            if zipfile.is_zipfile(source):
                attachments = self._unpack(source, Path(folder), database)
            else:
                shutil.copyfile(source, database)
            revision = _database_revision(database)
            if revision not in migrate.known_revisions():
                raise _refuse(
                    f"このバックアップはより新しい版の Itaku で作成されています（スキーマ {revision}）。Itaku を更新してから復元してください。",
                    f"This backup comes from a newer Itaku (schema {revision}). Update Itaku, then restore it.",
                )
            kept: Path | None = None
            replaced_head = None
            if target.exists():
                replaced_head = self._audit_head()
                stamp = datetime.now(TOKYO).strftime("%Y%m%d-%H%M%S")
                kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
                _copy_database(target, kept)
            self.context.database.dispose()
            # Copy page by page into the live file: consistent for anyone who opens it afterwards.
            with sqlite3.connect(database) as reader, sqlite3.connect(target) as writer:
                reader.backup(writer)
            reader.close()
            writer.close()
            for relative in attachments:
                destination = self.context.data_dir / relative
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(Path(folder) / relative, destination)
        migrate.upgrade(self.context.database.engine)
        # The restored database's own trail says so: events after the backup are gone from it (they stay in
        # the kept copy, whose chain head is named here), so an auditor sees the jump and where to look.
        with self.context.write(Permission.ADMINISTER) as session:
            record_event(
                session,
                self.context,
                AuditAction.RESTORE,
                RESTORE_RECORD_TYPE,
                0,
                None,
                {
                    "source": source.name,
                    "source_sha256": sha256_of(source),
                    "schema_revision": revision,
                    "attachments": len(attachments),
                    "kept_as": kept.name if kept is not None else None,
                    "replaced_head_id": replaced_head[0] if replaced_head else None,
                    "replaced_head_hash": replaced_head[1] if replaced_head else None,
                },
            )
        return BackupResult(source, revision, len(attachments), source.stat().st_size)

    def _audit_head(self) -> tuple[int, str] | None:
        """The newest audit event (id, hash) of the database now, None when it has none or is not readable."""
        try:
            with self.context.database.read() as session:
                row = session.execute(
                    select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
                ).first()
        except SQLAlchemyError:
            return None
        return (int(row[0]), str(row[1])) if row is not None else None

    def _unpack(self, source: Path, folder: Path, database: Path) -> dict[str, str]:
        try:
            with zipfile.ZipFile(source) as archive:
                try:
                    manifest = json.loads(archive.read("manifest.json"))
                except (KeyError, ValueError):
                    manifest = {}
                if manifest.get("format") != FORMAT or DATABASE_NAME not in archive.namelist():
                    raise _refuse(
                        "Itaku のバックアップファイルではありません。", "This is not an Itaku backup file."
                    )
                if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
                    raise _refuse(
                        "より新しい形式のバックアップです。Itaku を更新してください。",
                        "This backup has a newer format. Update Itaku.",
                    )
                database.write_bytes(archive.read(DATABASE_NAME))
                attachments = dict(manifest.get("attachments", {}))
                for relative, digest in attachments.items():
                    path = (folder / relative).resolve()
                    if not relative.startswith("attachments/") or folder.resolve() not in path.parents:
                        raise _refuse(
                            "バックアップに不正なパスが含まれています。",
                            "The backup contains an unsafe path.",
                        )
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(archive.read(relative))
                    if sha256_of(path) != digest:
                        raise _refuse(
                            f"添付ファイルが破損しています: {relative}",
                            f"A backed-up file is damaged: {relative}",
                        )
                return attachments
        except zipfile.BadZipFile:
            raise _refuse("バックアップファイルが壊れています。", "The backup file is damaged.") from None

    def ensure_daily(self, keep: int = 7) -> Path | None:
        """The app's automatic backup: one a day in the data folder, the newest `keep` kept."""
        if sqlite_path(self.context.database.url) is None:
            return None
        folder = self.daily_folder
        today = self.context.today().strftime("%Y%m%d")
        target = folder / f"itaku-{today}{BACKUP_SUFFIX}"
        made = None
        if not target.exists():
            made = self.backup(target).path
        backups = sorted(folder.glob(DAILY_PATTERN))
        for old in backups[:-keep] if keep > 0 else backups:
            old.unlink()
        return made

    @property
    def daily_folder(self) -> Path:
        """Where ensure_daily keeps the automatic backups."""
        return self.context.data_dir / "backups"

    def list_backups(self) -> list[BackupInfo]:
        """The daily backups Itaku keeps, newest first (read-only: nothing is opened for writing)."""
        self.context.require(Permission.READ)
        folder = self.daily_folder
        if not folder.is_dir():
            return []
        found = [self.describe_backup(path) for path in folder.glob(DAILY_PATTERN) if path.is_file()]
        return sorted(found, key=lambda info: (info.made_at, info.path.name), reverse=True)

    def describe_backup(self, path: Path) -> BackupInfo:
        """When a backup zip (or a SQLite file) was made and by whom, as far as the file tells without
        checking it (restore() does that)."""
        self.context.require(Permission.READ)
        path = Path(path)
        if not path.is_file():
            raise _refuse(f"ファイルが見つかりません: {path}", f"No such file: {path}")
        status = path.stat()
        made_at = datetime.fromtimestamp(status.st_mtime, UTC)
        created_by = None
        manifest = _read_manifest(path)
        if manifest is not None:
            try:
                stamped = datetime.fromisoformat(str(manifest["created_at"]))
                made_at = stamped if stamped.tzinfo is not None else stamped.replace(tzinfo=UTC)
            except (KeyError, ValueError):
                pass
            author = manifest.get("created_by")
            created_by = author if isinstance(author, str) else None
        is_daily = path.resolve().parent == self.daily_folder.resolve() and fnmatch(path.name, DAILY_PATTERN)
        return BackupInfo(path, made_at, status.st_size, is_daily, created_by)

    def pre_restore_copies(self) -> list[Path]:
        """The copies restore() kept of the database it replaced (`<name>.before-restore-<stamp>…`), newest first."""
        self.context.require(Permission.READ)
        target = self.database_file
        return sorted(target.parent.glob(f"{target.stem}.before-restore-*{target.suffix}"), reverse=True)

    def restore_refusal(self) -> Message | None:
        """Why restore() cannot be offered here (PostgreSQL, or a role without ADMINISTER), else None."""
        if sqlite_path(self.context.database.url) is None:
            return Message(
                "PostgreSQL のデータベースは Itaku からは復元できません。pg_restore で復元するか、データベース管理者に"
                "依頼してください。",
                "A PostgreSQL database cannot be restored from Itaku: restore it with pg_restore, or ask the "
                "database administrator.",
            )
        try:
            self.context.require(Permission.ADMINISTER)
        except PermissionDeniedError as denied:
            if denied.role is None:
                return denied.message  # not signed in
            officer, current = Role.OFFICER.label, Role(denied.role).label
            return Message(
                f"バックアップからの復元は{officer.ja}だけが行えます（現在: {current.ja}）。",
                f"Only the {officer.en} may restore from a backup (you are signed in as "
                f"{current.en.lower()}).",
            )
        return None


def _read_manifest(path: Path) -> dict[str, object] | None:
    """A backup zip's manifest, or None when the file is not one (a SQLite file, a damaged zip)."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("format") == FORMAT else None
