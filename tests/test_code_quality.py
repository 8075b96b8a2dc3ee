"""The house rules the tools can check, run by the same test command as everything else."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FOLDERS = [
    name for name in ("desktop", "tests", "benchmarks", "installer", "tools") if (ROOT / name).is_dir()
]


def run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / tool), *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_layers_keep_their_imports():
    """domain, store, services and reports know nothing of Qt; UI, CLI and reports never reach the store."""
    result = run("lint-imports")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    folders = [
        name for name in ("desktop", "tests", "benchmarks", "installer", "tools") if (ROOT / name).is_dir()
    ]
    result = run("ruff", "check", *folders)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_leaves_every_file_as_it_is():
    """`ruff format` was applied once; a file written in another layout fails here (run `ruff format`)."""
    result = run("ruff", "format", "--check", *FOLDERS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_any_layer():
    """Every function typed (`disallow_untyped_defs`) in domain, store, services, reports, CLI and UI, and no
    `# type: ignore` that ignores nothing (pyproject `[tool.mypy]`)."""
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_services_are_never_typed_any():
    """Front ends name the Services facade (desktop/services/facade.py), imported under TYPE_CHECKING."""
    import re

    loose = re.compile(r"\bservices\s*:\s*Any\b")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if loose.search(line)
    ]
    assert offenders == []
