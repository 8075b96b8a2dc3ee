"""Attached files (signed contracts, consent evidence): copied into the data folder, SHA-256 kept and checked."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop.domain.errors import Message, ValidationError
from desktop.store.files import make_private_folder

CHUNK = 1024 * 1024


class AttachmentStatus(StrEnum):
    OK = "ok"
    MISSING = "missing"
    MODIFIED = "modified"
    NONE = "none"


@dataclass(frozen=True)
class StoredFile:
    name: str
    path: str  # relative to the data folder, with forward slashes
    sha256: str
    size: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _too_large(field: str, size: int, max_bytes: int, *, at_least: bool = False) -> ValidationError:
    more = "以上" if at_least else ""
    over = "at least " if at_least else ""
    return ValidationError(
        {
            field: Message(
                f"ファイルが大きすぎます（{size:,} バイト{more}、上限 {max_bytes:,} バイト）",
                f"the file is too large ({over}{size:,} bytes; the limit is {max_bytes:,})",
            )
        }
    )


def store_file(source: Path, data_dir: Path, max_bytes: int, field: str = "attachment") -> StoredFile:
    """Copy `source` into data_dir/attachments under its hash; refuse what is missing or too large.

    The limit holds for what is copied, not only for the size seen first: a file that grows while it is
    read (a log being written, a file still downloading) is refused as soon as it passes the limit.
    """
    source = Path(source)
    if not source.is_file():
        raise ValidationError(
            {field: Message(f"ファイルが見つかりません: {source}", f"no such file: {source}")}
        )
    size = source.stat().st_size
    if size > max_bytes:
        raise _too_large(field, size, max_bytes)
    target_dir = make_private_folder(data_dir / "attachments")
    # Copy to a temporary file (0600, mkstemp) first, hashing as we go, then move it into place atomically.
    digest = hashlib.sha256()
    handle, temporary = tempfile.mkstemp(dir=target_dir, prefix=".incoming-")
    try:
        copied = 0
        with source.open("rb") as reader, os.fdopen(handle, "wb") as writer:
            while chunk := reader.read(CHUNK):
                copied += len(chunk)
                if copied > max_bytes:
                    raise _too_large(field, copied, max_bytes, at_least=True)
                digest.update(chunk)
                writer.write(chunk)
            writer.flush()
            os.fsync(writer.fileno())
        size = copied
        sha = digest.hexdigest()
        suffix = "".join(ch for ch in source.suffix[:10] if ch.isalnum() or ch == ".")
        relative = f"attachments/{sha[:2]}/{sha}{suffix}"
        final = data_dir / relative
        make_private_folder(final.parent)
        if final.exists() and sha256_of(final) == sha:
            os.unlink(temporary)
        else:
            os.replace(temporary, final)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return StoredFile(source.name[:255], relative, sha, size)


def resolve(data_dir: Path, relative: str) -> Path:
    """The absolute path of a stored file; refuse a path that escapes the data folder."""
    base = data_dir.resolve()
    path = (base / relative).resolve()
    if base != path and base not in path.parents:
        raise ValidationError(
            {
                "attachment": Message(
                    "データフォルダ外のファイルは開けません", "the file lies outside the data folder"
                )
            }
        )
    return path


def check(data_dir: Path, relative: str | None, expected_sha256: str | None) -> AttachmentStatus:
    if not relative or not expected_sha256:
        return AttachmentStatus.NONE
    path = resolve(data_dir, relative)
    if not path.is_file():
        return AttachmentStatus.MISSING
    return AttachmentStatus.OK if sha256_of(path) == expected_sha256 else AttachmentStatus.MODIFIED


def copy_out(data_dir: Path, relative: str, target: Path) -> Path:
    shutil.copyfile(resolve(data_dir, relative), target)
    return target
