"""Files and folders that hold personal data: created readable by their owner only (POSIX 0600 / 0700).

Existing folders are left as they are (a database may live in a folder the person chose); only what
Itaku creates is made private. On Windows the modes are ignored and the user profile's ACLs apply.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def make_private_folder(path: Path) -> Path:
    """Create `path` and its missing parents with mode 0700; an existing folder is not touched."""
    missing: list[Path] = []
    current = Path(path)
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            pass
    return Path(path)


def create_private_file(path: Path) -> Path:
    """Create an empty file with mode 0600 if none is there, so whatever writes it next keeps that mode.

    SQLite gives its -wal, -shm and journal files the mode of the database file, so they follow.
    """
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return Path(path)
    os.close(descriptor)
    return Path(path)
