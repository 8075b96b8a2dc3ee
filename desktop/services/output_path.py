"""Where a report, a workbook or a backup is to be written: refused before any work if it cannot be."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.domain.errors import Message, ValidationError


def check_output_path(out: Path | str, field: str = "out") -> Path:
    """The path to write, or a ValidationError on `field`: a folder, a name the file system refuses, a file
    or a folder we may not write. A missing folder is fine if the nearest existing one is writable (the
    writers create the rest)."""
    path = Path(out)
    try:
        is_folder = path.is_dir()
        exists = path.exists()
        ancestor = path.parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
        ancestor_is_folder = ancestor.is_dir()
    except (OSError, ValueError) as error:  # a name longer than the file system allows, a NUL byte
        detail = getattr(error, "strerror", None) or str(error)
        raise ValidationError(
            {
                field: Message(
                    f"出力先に使えない名前です: {path}（{detail}）",
                    f"unusable output path: {path} ({detail})",
                )
            }
        ) from None
    if is_folder:
        raise ValidationError(
            {field: Message(f"出力先がフォルダです: {path}", f"the output is a folder: {path}")}
        )
    if not ancestor_is_folder:
        raise ValidationError(
            {
                field: Message(
                    f"出力先のフォルダがありません: {path.parent}",
                    f"the output folder does not exist: {path.parent}",
                )
            }
        )
    if (exists and not os.access(path, os.W_OK)) or not os.access(ancestor, os.W_OK | os.X_OK):
        raise ValidationError(
            {
                field: Message(
                    f"出力先に書き込めません（権限がありません）: {path}",
                    f"cannot write the output (permission denied): {path}",
                )
            }
        )
    return path


def write_failed(path: Path, error: OSError, field: str = "out") -> ValidationError:
    """An error met while writing `path` (disk full, permission), as one sentence naming it."""
    detail = error.strerror or str(error)
    return ValidationError(
        {
            field: Message(
                f"出力先に書き込めませんでした: {path}（{detail}）", f"could not write {path} ({detail})"
            )
        }
    )
