"""`itaku --screenshots DIR` without a display: headless by itself, as `--self-test` is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import cli

PASSWORD = "s3cret-pass"


@pytest.mark.parametrize("display", [None, ":97"], ids=["unset", "not-answering"])
def test_screenshots_without_a_display_run_headless(tmp_path: Path, display: str | None) -> None:
    url = f"sqlite:///{tmp_path / 'shots.sqlite3'}"
    secrets = {"ITAKU_PASSWORD": PASSWORD}
    assert cli("--db", url, "init", env=secrets).returncode == 0
    assert cli("--db", url, "--user", "officer", "demo", "--size", "15", env=secrets).returncode == 0
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    if display is not None:  # a DISPLAY whose server is gone must not abort the run (SIGABRT)
        env["DISPLAY"] = display
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", url, "--screenshots", str(tmp_path / "shots")],
        env={**env, **secrets, "ITAKU_USER": "officer", "ITAKU_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    written = sorted((tmp_path / "shots").glob("*.png"))
    assert "01-dashboard.png" in [path.name for path in written]
    assert all(path.stat().st_size > 10_000 for path in written)
    assert [Path(line).name for line in result.stdout.splitlines()] == [path.name for path in written]
