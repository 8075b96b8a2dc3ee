"""Build Itaku for the machine this runs on: `python installer/build.py [--self-test] [--installer]`.

1. PyInstaller builds the one-folder application from installer/itaku.spec into dist/itaku/.
2. On Linux: dist/itaku-<version>-linux-<arch>.tar.gz, with the .desktop entry, the icon, install.sh and
   the licence of every bundled font.
   On Windows with `--installer`: dist/itaku-<version>-setup.exe from installer/windows/itaku.iss
   (needs Inno Setup 6's ISCC.exe on PATH or in its default folder).
3. With `--self-test`: runs the built application's `--self-test` (headless) and fails if it fails.

Nothing is downloaded here: PyInstaller comes from the `build` extra (`pip install -e ".[build]"`).
Prints how long each part took and how big the bundle is.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "itaku.spec"
NAME = "itaku"
FONTS = ROOT / "resources" / "fonts"
# Beside the application folder in the Linux archive: source → name in the archive. The licence of every
# bundled font is added too (font_licences), so that it is in plain sight where the archive is unpacked.
TARBALL_EXTRAS = {
    INSTALLER / "linux" / "itaku.desktop": "itaku.desktop",
    INSTALLER / "linux" / "install.sh": "install.sh",
    ROOT / "resources" / "icons" / "itaku.png": "itaku.png",
}


def version() -> str:
    match = re.search(
        r'__version__ = "([^"]+)"', (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    )
    if match is None:
        raise SystemExit("no __version__ in desktop/__init__.py")
    return match[1]


def font_licences(folder: Path | None = None) -> dict[Path, str]:
    """The licence files of the bundled fonts (source → name in the archive); refuses to build when a font
    in resources/fonts has no licence beside it: a font is never distributed without its licence."""
    sys.path.insert(0, str(ROOT))
    from desktop.reports.pdf.fonts import FONT_LICENCES, missing_font_licences

    folder = FONTS if folder is None else folder
    problems = missing_font_licences(folder)
    if problems:
        raise SystemExit("font licences:\n  " + "\n  ".join(problems))
    names = sorted({FONT_LICENCES[path.name] for path in folder.iterdir() if path.name in FONT_LICENCES})
    return {folder / name: name for name in names}


def tarball_extras(fonts: Path | None = None) -> dict[Path, str]:
    return {**TARBALL_EXTRAS, **font_licences(fonts)}


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def executable(bundle: Path) -> Path:
    return bundle / (f"{NAME}.exe" if os.name == "nt" else NAME)


def run_pyinstaller(dist: Path, work: Path) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit('PyInstaller is not installed: pip install -e ".[build]"') from None
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    bundle = dist / NAME
    if not executable(bundle).is_file():
        raise SystemExit(f"PyInstaller made no executable at {executable(bundle)}")
    freshen_translations(bundle)
    return bundle


def freshen_translations(bundle: Path) -> None:
    """PyInstaller copies files without their times; make each .qm newer than its .ts again, so the app
    never tries to recompile them (the bundle has no lrelease)."""
    folder = next((path for path in bundle.rglob("translations") if (path / "itaku_ja.ts").exists()), None)
    if folder is None:
        raise SystemExit(f"no resources/translations in {bundle}")
    newest = max(path.stat().st_mtime for path in folder.glob("*.ts"))
    for qm_file in folder.glob("*.qm"):
        os.utime(qm_file, (newest + 1, newest + 1))


def make_tarball(bundle: Path, dist: Path, fonts: Path | None = None) -> Path:
    """itaku-<version>-linux-<arch>.tar.gz: the bundle, the .desktop entry, the icon, the per-user installer
    and the fonts' licences; refused if the bundle lacks a font's licence (its resources/fonts folder)."""
    bundled_fonts = next((path for path in bundle.rglob("fonts") if path.parent.name == "resources"), None)
    if bundled_fonts is None:
        raise SystemExit(f"no resources/fonts in {bundle}")
    font_licences(bundled_fonts)  # the bundle's own copy: the licences went in with the fonts
    target = dist / f"{NAME}-{version()}-linux-{platform.machine()}.tar.gz"
    top = f"{NAME}-{version()}"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=f"{top}/{NAME}")
        for source, name in tarball_extras(fonts).items():
            archive.add(source, arcname=f"{top}/{name}")
    return target


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (
        os.environ.get("ProgramFiles(x86)"),
        os.environ.get("ProgramFiles"),
        os.environ.get("LOCALAPPDATA"),
    ):
        if base:
            for candidate in (
                Path(base) / "Inno Setup 6" / "ISCC.exe",
                Path(base) / "Programs" / "Inno Setup 6" / "ISCC.exe",
            ):
                if candidate.is_file():
                    return str(candidate)
    return None


def make_windows_installer(dist: Path) -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit(
            "Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isinfo.php"
        )
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={version()}",
            f"/DDistDir={dist}",
            f"/O{dist}",
            str(INSTALLER / "windows" / "itaku.iss"),
        ],
        check=True,
        cwd=ROOT,
    )
    return dist / f"{NAME}-{version()}-setup.exe"


def run_self_test(bundle: Path) -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [str(executable(bundle)), "--self-test"]
    report = None
    if os.name == "nt":  # the windowed executable has no console: read its report from a file
        report = bundle.parent / "self-test.txt"
        command += ["--report", str(report)]
    result = subprocess.run(command, env=environment, check=False)
    if report is not None and report.exists():
        print(report.read_text(encoding="utf-8"))
    if result.returncode != 0:
        raise SystemExit(f"the bundle's self-test failed (exit {result.returncode})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="build the Itaku application for this machine")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build" / "pyinstaller",
        help="PyInstaller's work folder (default build/pyinstaller/)",
    )
    parser.add_argument("--self-test", action="store_true", help="run the built application's --self-test")
    parser.add_argument(
        "--installer", action="store_true", help="Windows: also build the Inno Setup installer"
    )
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()

    started = time.perf_counter()
    bundle = run_pyinstaller(dist, work)
    built = time.perf_counter()
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB) in {built - started:.0f} s")
    if sys.platform.startswith("linux"):
        tarball = make_tarball(bundle, dist)
        print(
            f"archive: {tarball} ({tarball.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - built:.0f} s"
        )
    if args.installer:
        if os.name != "nt":
            raise SystemExit("--installer builds the Windows installer and runs on Windows only")
        setup = make_windows_installer(dist)
        print(f"installer: {setup}")
    if args.self_test:
        tested = time.perf_counter()
        run_self_test(bundle)
        print(f"self-test of the bundle: passed in {time.perf_counter() - tested:.0f} s")
    print(f"total: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
