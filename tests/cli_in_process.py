"""The command line run in-process for the per-kind CLI tests: a database as `init` leaves it, a command's
exit code and output, and a `KIND list --json` read back (tests.test_cli.cli runs it the same way with an
environment; these take pytest's capsys)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.app import build_services
from desktop.cli import main


def new_database(tmp_path: Path) -> str:
    """A database `init` made, without accounts (set-up mode: the commands act as the officer)."""
    path = tmp_path / "itaku.sqlite3"
    build_services(str(path)).close()
    return str(path)


def run(
    db: str, capsys: pytest.CaptureFixture[str], *args: str, lang: str = "en", user: str | None = None
) -> tuple[int, str, str]:
    """`itaku-cli --db DB [--user USER] --lang LANG ARGS…`: (exit code, stdout, stderr)."""
    capsys.readouterr()
    code = main(["--db", db, *(["--user", user] if user else []), "--lang", lang, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listed(
    db: str, capsys: pytest.CaptureFixture[str], command: str, *args: str, **options: Any
) -> list[dict[str, Any]]:
    """`KIND list --json` as a list of objects (the command must succeed)."""
    code, out, err = run(db, capsys, command, "list", "--json", *args, **options)
    assert code == 0, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows
