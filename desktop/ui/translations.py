"""Qt translations: every `resources/translations/*.ts` is compiled to .qm with lrelease into a cache folder
(at build time with `python -m desktop.ui.translations`, else lazily at the first start), and every
`*_<lang>.qm` is installed. The .qm files are build products and are never committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS_SOURCE = RESOURCES / "translations"
CACHE_ENV = "ITAKU_TRANSLATIONS_CACHE"


def cache_dir() -> Path:
    """Where compiled .qm files live: $ITAKU_TRANSLATIONS_CACHE, else beside the user data, else the user cache."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    data_dir = os.environ.get("ITAKU_DATA_DIR")
    if data_dir:
        return Path(data_dir).expanduser() / "translations"
    from platformdirs import user_cache_path

    return user_cache_path("Itaku", appauthor=False) / "translations"


def lrelease_command() -> list[str]:
    """The lrelease shipped with PySide6 (the real binary, not the Python wrapper, when it is there)."""
    import PySide6

    package = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (package / name).exists():
            return [str(package / name)]
    wrapper = Path(sys.executable).parent / (
        "pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease"
    )
    return [str(wrapper)]


def compile_translations(source: Path = TRANSLATIONS_SOURCE, target: Path | None = None) -> list[Path]:
    """Compile each .ts newer than its .qm; return the .qm files. A failed compile keeps the old .qm."""
    target = target or cache_dir()
    results: list[Path] = []
    sources = sorted(source.glob("*.ts")) if source.is_dir() else []
    for ts_file in sources:
        qm_file = target / f"{ts_file.stem}.qm"
        if not qm_file.exists() or qm_file.stat().st_mtime < ts_file.stat().st_mtime:
            import subprocess  # only when a translation must be (re)built: not on every start

            target.mkdir(parents=True, exist_ok=True)
            try:
                subprocess.run(
                    [*lrelease_command(), "-silent", str(ts_file), "-qm", str(qm_file)],
                    check=True,
                    capture_output=True,
                    timeout=60,
                )
            except (OSError, subprocess.SubprocessError) as error:
                print(f"itaku: cannot compile {ts_file.name}: {error}", file=sys.stderr)
        if qm_file.exists():
            results.append(qm_file)
    return results


def translation_files(language: str) -> list[Path]:
    """Every compiled `*_<language>.qm` (the window's and the forms' alike), compiling them if needed."""
    if getattr(sys, "frozen", False):  # the bundle ships compiled .qm files and no lrelease
        return sorted(TRANSLATIONS_SOURCE.glob(f"*_{language}.qm"))
    return [path for path in compile_translations() if path.stem.endswith(f"_{language}")]


def main() -> int:
    """Build step: `python -m desktop.ui.translations [TARGET]` compiles every .ts (installer, CI)."""
    args = [arg for arg in sys.argv[1:] if arg != "--build"]
    target = Path(args[0]) if args else None
    for path in compile_translations(target=target):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
