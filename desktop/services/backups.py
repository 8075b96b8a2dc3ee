"""Backups: a consistent copy while the app is in use (SQLite's online backup API) plus the attached files.

A backup is one zip file: `manifest.json`, `itaku.sqlite3` and `attachments/…`. Restoring refuses a file
that is not an Itaku backup or database, or whose schema is newer than this program knows.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from desktop.domain.enums import AuditAction
from desktop.domain.errors import ItakuError, Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Permission, PermissionDeniedError, Role
from desktop.services.attachments import sha256_of
from desktop.services.audit import record_event
from desktop.services.context import TOKYO, ServiceContext
from desktop.store import migrate
from desktop.store.database import sqlite_path
from desktop.store.files import PRIVATE_FILE, create_private_file, make_private_folder
from desktop.store.models import AuditEvent
from desktop.store.queries import sqlite_file

FORMAT = "itaku-backup"
RESTORE_RECORD_TYPE = RecordType.DATABASE  # a restore's audit event is about the whole database (record id 0)
FORMAT_VERSION = 1
DATABASE_NAME = "itaku.sqlite3"
BACKUP_SUFFIX = ".itaku-backup.zip"
DAILY_PATTERN = f"itaku-*{BACKUP_SUFFIX}"  # the names ensure_daily gives, in data_dir / "backups"
_DAILY_NAME = re.compile(r"itaku-\d{8}" + re.escape(BACKUP_SUFFIX))
# Limits checked before a backup is unpacked (a zip bomb is refused before it costs memory or disk).
MANIFEST_LIMIT = 64 * 1024 * 1024
MAX_RATIO = 200  # a real database packs about 20:1; a zip bomb about 1,000:1
RATIO_FLOOR = 1024 * 1024  # small entries may pack as they like
DISK_MARGIN = 64 * 1024 * 1024  # left free on the disk after unpacking
EXTRACT_CHUNK = 1024 * 1024


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


def _database_revision(path: Path) -> str | None:
    """The Alembic revision of a SQLite file, or raise if it is not an intact Itaku database."""
    try:
        found = sqlite_file.inspect(path)
    except sqlite_file.NotADatabase:
        raise _refuse(
            "Itaku のバックアップでもデータベースでもありません。",
            "This is neither an Itaku backup nor an Itaku database.",
        ) from None
    if not found.is_itaku:
        raise _refuse("Itaku のデータベースではありません。", "This is not an Itaku database.")
    if found.integrity != "ok":
        raise _refuse(
            "データベースが破損しています（integrity_check に失敗）。",
            f"The database is damaged (integrity check: {found.integrity}).",
        )
    return found.revision


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
        make_private_folder(out.parent)
        attachments_dir = self.context.data_dir / "attachments"
        with tempfile.TemporaryDirectory(dir=out.parent) as folder:
            snapshot = Path(folder) / DATABASE_NAME
            sqlite_file.copy(source, snapshot)
            revision = _database_revision(snapshot)
            files = _attachment_files(attachments_dir)
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "schema_revision": revision,
                "created_at": self.context.now().isoformat(),
                "created_by": self.context.actor,
                "database_sha256": sha256_of(snapshot),
                # The audit trail's anchor outside the database: `itaku-cli audit verify --anchor` checks it.
                "audit_head": sqlite_file.audit_head(snapshot).text,
                "attachments": {p.relative_to(self.context.data_dir).as_posix(): sha256_of(p) for p in files},
            }
            partial = Path(folder) / "backup.zip"
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
                archive.write(snapshot, DATABASE_NAME)
                for path in files:
                    archive.write(path, path.relative_to(self.context.data_dir).as_posix())
            os.chmod(partial, PRIVATE_FILE)  # the backup holds everything: readable by its owner only
            os.replace(partial, out)
        return BackupResult(out, revision, len(files), out.stat().st_size)

    def restore(self, source: Path) -> BackupResult:
        """Replace the database (and add the attachments) from a backup zip or an Itaku SQLite file.

        All or nothing: everything is unpacked and checked in a staging folder beside the database first
        (entry names, sizes, hashes, integrity, revision, schema), migrated there and given its restore
        event; then the attachments and the database are moved in with renames. On any failure the live
        database, its attachments and the backups folder are exactly as they were.
        """
        self.context.require(Permission.ADMINISTER)
        target = self.database_file
        source = Path(source)
        if not source.is_file():
            raise _refuse(f"ファイルが見つかりません: {source}", f"No such file: {source}")
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".itaku-restore-") as folder:
            staging = Path(folder)
            database = staging / DATABASE_NAME
            attachments: dict[str, str] = {}
            if zipfile.is_zipfile(source):
                attachments = _unpack(source, staging, database)
            else:
                shutil.copyfile(source, create_private_file(database))
            revision = _database_revision(database)
            if revision not in migrate.known_revisions():
                raise _refuse(
                    f"このバックアップはより新しい版の Itaku で作成されています（スキーマ {revision}）。Itaku を更新してから復元してください。",
                    f"This backup comes from a newer Itaku (schema {revision}). Update Itaku, then restore it.",
                )
            replaced_head = self._audit_head() if target.exists() else None
            kept = None
            if target.exists():
                stamp = datetime.now(TOKYO).strftime("%Y%m%d-%H%M%S")
                kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
                number = 1
                while kept.exists():  # a second restore within the second: never overwrite a kept copy
                    number += 1
                    kept = target.with_name(f"{target.stem}.before-restore-{stamp}-{number}{target.suffix}")
            try:
                # The restored database's own trail says so: events after the backup are gone from it (they
                # stay in the kept copy, whose chain head is named here), so an auditor sees the jump.
                self._prepare(
                    database,
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
                if kept is not None:
                    sqlite_file.copy(target, kept)
                self._swap_in(staging, database, attachments, target)
            except BaseException:
                if kept is not None:
                    kept.unlink(missing_ok=True)
                raise
        return BackupResult(source, revision, len(attachments), source.stat().st_size)

    def _prepare(self, database: Path, restored: dict[str, object]) -> None:
        """In the staging folder: migrate the copy, refuse a schema that misses what the models map, and
        append the restore event to its trail."""
        from desktop.store.database import Database
        from desktop.store.queries.schema_check import schema_problems

        staged = Database(f"sqlite:///{database}")
        try:
            migrate.upgrade(staged.engine, copy_first=False)  # a staged copy: the backup is the original
            problems = schema_problems(staged.engine)
            if problems:
                shown = ", ".join(problems[:5]) + (" …" if len(problems) > 5 else "")
                raise _refuse(
                    f"データベースの構造が不完全か、Itaku のものと異なります（{shown}）。",
                    f"The database's schema is incomplete or not Itaku's: {shown}.",
                )
            with staged.write() as session:
                record_event(
                    session,
                    replace(self.context, database=staged),
                    AuditAction.RESTORE,
                    RESTORE_RECORD_TYPE,
                    0,
                    None,
                    restored,
                )
        except ItakuError:
            raise
        except Exception as error:  # noqa: BLE001 - a migration failing on the copy: the backup is unusable
            raise _refuse(
                "データベースを読み込めません（破損しているか Itaku のものではありません）。",
                f"The database cannot be read (damaged, or not Itaku's): {getattr(error, 'orig', error)}",
            ) from None
        finally:
            staged.dispose()
        sqlite_file.checkpoint(database)

    def _swap_in(self, staging: Path, database: Path, attachments: dict[str, str], target: Path) -> None:
        """Move the checked attachments and database into place; on any failure, move everything back."""
        undo: list[tuple[Path, Path | None]] = []  # (where a file now is, where it was: None when new)
        made: list[Path] = []  # folders created for the attachments
        aside = staging / "replaced"
        live_attachments = self.context.data_dir / "attachments"
        for relative in attachments:  # a link inside the live folder must not lead a file out of it either
            _inside(live_attachments, relative.removeprefix("attachments/"))
        try:
            for relative, digest in attachments.items():
                destination = self.context.data_dir / relative
                if (
                    destination.is_file()
                    and not destination.is_symlink()
                    and sha256_of(destination) == digest
                ):
                    continue  # content-addressed: the same file is already there
                missing: list[Path] = []
                folder = destination.parent
                while not folder.exists():
                    missing.append(folder)
                    folder = folder.parent
                for folder in reversed(missing):
                    folder.mkdir()
                    made.append(folder)
                if destination.exists() or destination.is_symlink():
                    displaced = aside / relative
                    displaced.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(destination, displaced)
                    undo.append((displaced, destination))
                os.replace(staging / relative, destination)
                undo.append((destination, None))
            self.context.database.dispose()
            if target.exists():
                sqlite_file.checkpoint(target)
            for suffix in ("-wal", "-shm"):  # the replaced database's: never to be applied to the new one
                companion = target.with_name(target.name + suffix)
                if companion.exists():
                    os.replace(companion, staging / companion.name)
                    undo.append((staging / companion.name, companion))
            os.replace(database, target)  # the one step that makes the restore happen
        except BaseException:
            for now, before in reversed(undo):
                if before is None:
                    now.unlink(missing_ok=True)
                else:
                    os.replace(now, before)
            for folder in reversed(made):
                folder.rmdir()
            raise

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

    def ensure_daily(self, keep: int = 7) -> Path | None:
        """The app's automatic backup: one a day in the data folder, the newest `keep` kept."""
        if sqlite_path(self.context.database.url) is None:
            return None
        folder = self.daily_folder
        if folder.is_symlink():  # written into, and pruned: never somewhere else than the data folder
            raise _refuse(
                f"バックアップフォルダがシンボリックリンクのため、自動バックアップを作成しません: {folder}",
                f"The backups folder is a symbolic link, so no automatic backup is written: {folder}",
            )
        today = self.context.today().strftime("%Y%m%d")
        target = folder / f"itaku-{today}{BACKUP_SUFFIX}"
        made = None
        if not target.exists():
            made = self.backup(target).path
        # Only its own names count, and none dated after today: a file planted as `itaku-99991231…` would
        # otherwise be the "newest" and make every new daily backup the oldest, deleted at once.
        backups = sorted(
            path
            for path in folder.glob(DAILY_PATTERN)
            if _DAILY_NAME.fullmatch(path.name) and path.name <= target.name
        )
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


def _attachment_name(relative: object) -> str:
    """A manifest key as the folder it names: `attachments/…`, normalised, nothing else; refused otherwise."""
    unsafe = _refuse("バックアップに不正なパスが含まれています。", "The backup contains an unsafe path.")
    if not isinstance(relative, str) or any(ch in relative for ch in "\\\x00:"):
        raise unsafe
    parts = PurePosixPath(relative).parts
    if (
        posixpath.normpath(relative) != relative
        or relative.startswith("/")
        or len(parts) < 2
        or parts[0] != "attachments"
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise unsafe
    return relative


def _inside(folder: Path, relative: str) -> Path:
    """`folder / relative`, refused unless it resolves inside `folder` (no link leads out of it)."""
    path = folder / relative
    if folder.resolve() not in path.resolve().parents:
        raise _refuse("バックアップに不正なパスが含まれています。", "The backup contains an unsafe path.")
    return path


def _unpack(source: Path, staging: Path, database: Path) -> dict[str, str]:
    """Check a backup zip and unpack what its manifest names into `staging`; return the attachments.

    Before anything is extracted: the manifest is small and well formed, every name stays inside
    `attachments/`, every entry's size and compression ratio are bounded and the whole fits on the disk.
    While extracting: nothing grows past its stated size (read in chunks, never whole into memory). After:
    the database and every attachment have the SHA-256 the manifest gives.
    """
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = _read_checked_manifest(archive)
            attachments = manifest["attachments"]
            entries = [(DATABASE_NAME, database, manifest["database_sha256"])]
            for relative, digest in attachments.items():
                _inside(staging / "attachments", relative.removeprefix("attachments/"))
                entries.append((relative, staging / relative, digest))
            infos = []
            for name, _path, _digest in entries:
                try:
                    infos.append(archive.getinfo(name))
                except KeyError:
                    raise _refuse(
                        f"バックアップに {name} がありません。", f"The backup lacks {name}."
                    ) from None
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise _refuse(
                        f"バックアップの {info.filename} は展開すると異常に大きくなります（圧縮率 {info.file_size // max(info.compress_size, 1):,} 倍）。",
                        f"The backup's {info.filename} expands abnormally "
                        f"({info.file_size // max(info.compress_size, 1):,} times its packed size).",
                    )
            room = shutil.disk_usage(staging).free - DISK_MARGIN
            if total > room:
                raise _refuse(
                    f"バックアップを展開する空き容量がありません（{total:,} バイト必要）。",
                    f"Not enough free disk space to unpack the backup ({total:,} bytes needed).",
                )
            for info, (name, path, digest) in zip(infos, entries, strict=True):
                path.parent.mkdir(parents=True, exist_ok=True)
                _extract(archive, info, path)
                if sha256_of(path) != digest:
                    what = "データベース" if name == DATABASE_NAME else name
                    raise _refuse(
                        f"バックアップの{what}がマニフェストのハッシュと一致しません（破損または改ざん）。",
                        f"The backup's {'database' if name == DATABASE_NAME else name} does not match the "
                        "manifest's hash (damaged or altered).",
                    )
            return dict(attachments)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError):
        raise _refuse("バックアップファイルが壊れています。", "The backup file is damaged.") from None


def _read_checked_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    not_backup = _refuse("Itaku のバックアップファイルではありません。", "This is not an Itaku backup file.")
    try:
        info = archive.getinfo("manifest.json")
    except KeyError:
        raise not_backup from None
    if info.file_size > MANIFEST_LIMIT:
        raise not_backup
    try:
        with archive.open(info) as handle:
            manifest = json.loads(handle.read(MANIFEST_LIMIT + 1))
    except (ValueError, UnicodeDecodeError):
        raise not_backup from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise not_backup
    version = manifest.get("format_version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise not_backup
    if version > FORMAT_VERSION:
        raise _refuse(
            "より新しい形式のバックアップです。Itaku を更新してください。",
            "This backup has a newer format. Update Itaku.",
        )
    attachments = manifest.get("attachments", {})
    digests = [manifest.get("database_sha256")]
    if not isinstance(attachments, dict):
        raise not_backup
    digests += list(attachments.values())
    if any(
        not isinstance(d, str) or len(d) != 64 or any(c not in "0123456789abcdef" for c in d) for d in digests
    ):
        raise _refuse(
            "バックアップのマニフェストにハッシュがないか、形式が正しくありません。",
            "The backup's manifest lacks a hash or holds a malformed one.",
        )
    manifest["attachments"] = {_attachment_name(relative): digest for relative, digest in attachments.items()}
    return manifest


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Copy one entry to `path` in chunks, refusing it the moment it grows past its stated size."""
    written = 0
    descriptor = os.open(
        path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE
    )
    with archive.open(info) as reader, os.fdopen(descriptor, "wb") as writer:
        while chunk := reader.read(EXTRACT_CHUNK):
            written += len(chunk)
            if written > info.file_size:
                raise _refuse(
                    f"バックアップの {info.filename} が記載された大きさを超えています。",
                    f"The backup's {info.filename} is larger than it says.",
                )
            writer.write(chunk)


def _attachment_files(folder: Path) -> list[Path]:
    """The stored files under `folder`, never through a symbolic link (a link planted there could make the
    backup carry any file the user may read, such as a private key)."""
    if folder.is_symlink() or not folder.is_dir():
        return []
    found: list[Path] = []
    for root, _folders, names in os.walk(folder, followlinks=False):
        for name in names:
            path = Path(root) / name
            if not name.startswith(".") and not path.is_symlink() and path.is_file():
                found.append(path)
    return sorted(found)


def _read_manifest(path: Path) -> dict[str, object] | None:
    """A backup zip's manifest, or None when the file is not one (a SQLite file, a damaged zip)."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("format") == FORMAT else None
