"""`itaku --self-test` / `python -m desktop.self_test`: prove that an installed Itaku works, headless.

In a temporary folder it creates a database, loads the demo data, runs the checks (every rule must
fire on the demo), prints one PDF register and writes the audit workbook, reads both back, and opens
the main window offscreen and paints it once. It prints one line per step and returns 0, or stops at
the first failing step, says why, and returns 1. CI runs it inside the built bundle, so it proves the
bundle works, not just that it was built; nothing of the user's data is read or written.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from desktop.services.facade import Services

EXIT_OK = 0
EXIT_FAILED = 1
PDF_REGISTER = "contractors"
PDF_TITLE = "委託先管理台帳"


class Writer(Protocol):
    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


class SelfTestFailure(Exception):
    """A step found something wrong; the message says what, for the person reading the CI log."""


@dataclass
class SelfTest:
    """The state the steps share: the work folder, the services, what was written."""

    work_dir: Path
    opened: Services | None = None  # by the `database` step
    files: dict[str, Path] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def services(self) -> Services:
        if self.opened is None:
            raise SelfTestFailure("the database was not opened")
        return self.opened


def _bundle_root() -> Path | None:
    """The folder PyInstaller unpacked the application into, when running frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else None


# --- the steps -----------------------------------------------------------------------------------


def check_resources(state: SelfTest) -> str:
    """The fonts with their licences, the icon, the migrations, the compiled translations and the time zone
    are all there."""
    from zoneinfo import ZoneInfo

    from desktop.reports.pdf.fonts import font_path, missing_font_licences
    from desktop.store.migrate import MIGRATIONS, head_revision
    from desktop.ui.translations import RESOURCES, translation_files

    font = font_path()
    problems = missing_font_licences(font.parent)
    if problems:
        raise SelfTestFailure("; ".join(problems))
    icons = [RESOURCES / "icons" / name for name in ("itaku.svg", "itaku.png")]
    if not any(icon.is_file() for icon in icons):
        raise SelfTestFailure(f"no app icon in {RESOURCES / 'icons'}")
    if not (MIGRATIONS / "env.py").is_file():
        raise SelfTestFailure(f"the Alembic migrations are missing: {MIGRATIONS / 'env.py'}")
    head = head_revision()
    loaded = {language: translation_files(language) for language in ("ja", "en")}
    missing = [language for language, files in loaded.items() if not files]
    if missing:
        raise SelfTestFailure(f"no compiled translations (.qm) for: {', '.join(missing)}")
    ZoneInfo("Asia/Tokyo")
    count = sum(len(files) for files in loaded.values())
    return f"font {font.name} and the fonts' licences, migrations up to {head}, {count} translation files, Asia/Tokyo"


def check_database(state: SelfTest) -> str:
    """A new SQLite database, migrated to the head revision."""
    from desktop.app import build_services
    from desktop.store.migrate import head_revision

    database = state.work_dir / "self-test.db"
    state.opened = build_services(
        f"sqlite:///{database.as_posix()}",
        actor="self-test",
        data_dir=state.work_dir / "data",
        role="officer",
    )
    revision = state.services.schema_revision()
    if revision != head_revision():
        raise SelfTestFailure(f"the schema is at {revision}, expected {head_revision()}")
    return f"{database.name} at revision {revision}"


def check_drivers(state: SelfTest) -> str:
    """The PostgreSQL driver for a shared database is importable (it is not used here)."""
    try:
        import psycopg
    except ImportError as error:
        raise SelfTestFailure(f"the PostgreSQL driver (psycopg) cannot be imported: {error}") from error
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__} libpq)"


def load_demo(state: SelfTest) -> str:
    summary = state.services.demo.load()
    if summary.contractors <= 0:
        raise SelfTestFailure("the demo data has no contractors")
    return (
        f"{summary.contractors} contractors, {summary.contracts} contracts, {summary.engagements} engagements"
    )


def run_checks(state: SelfTest) -> str:
    """Every compliance rule must fire on the demo data: the demo is built to show each one."""
    from desktop.domain.rules import RULES

    findings = state.services.checks.findings()
    fired = {finding.rule for finding in findings}
    silent = [rule.rule for rule in RULES if rule.rule not in fired]
    if silent:
        raise SelfTestFailure(f"rules that found nothing on the demo: {', '.join(silent)}")
    return f"{len(findings)} findings, all {len(RULES)} rules fired"


def write_pdf(state: SelfTest) -> str:
    from desktop.reports.pdf import render_register

    path = state.work_dir / f"{PDF_REGISTER}.pdf"
    result = render_register(state.services, PDF_REGISTER, path, printed_by="self-test")
    state.files["pdf"] = path
    how = verify_pdf(path, result.pages)
    return f"{path.name}: {result.pages} pages, {path.stat().st_size // 1024} KiB, verified with {how}"


def verify_pdf(path: Path, expected_pages: int) -> str:
    """Read the PDF back: with pypdf when it is installed (the title must be there), else by its structure."""
    try:
        from pypdf import PdfReader
    except ImportError:
        pages = count_pdf_pages(path.read_bytes())
        if pages != expected_pages:
            raise SelfTestFailure(
                f"{path.name} has {pages} pages, the report said {expected_pages}"
            ) from None
        return "the built-in reader"
    reader = PdfReader(str(path))
    if len(reader.pages) != expected_pages:
        raise SelfTestFailure(f"{path.name} has {len(reader.pages)} pages, the report said {expected_pages}")
    text = reader.pages[0].extract_text() or ""
    if PDF_TITLE not in text:
        raise SelfTestFailure(
            f"the first page of {path.name} does not show {PDF_TITLE} (Japanese text lost?)"
        )
    return "pypdf"


def count_pdf_pages(data: bytes) -> int:
    """Page count of a PDF without a PDF library: header, end marker, an embedded font, /Type /Page objects.

    reportlab writes every object uncompressed at the top level (no object streams), so the page
    objects can be counted in the file; a broken or truncated file raises SelfTestFailure.
    """
    if not data.startswith(b"%PDF-"):
        raise SelfTestFailure("the PDF does not start with %PDF-")
    if b"%%EOF" not in data[-1024:]:
        raise SelfTestFailure("the PDF has no %%EOF at its end (truncated?)")
    if b"/FontFile2" not in data:
        raise SelfTestFailure("the PDF embeds no TrueType font (the Japanese font is missing)")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    if pages == 0:
        raise SelfTestFailure("the PDF has no pages")
    return pages


def write_workbook(state: SelfTest) -> str:
    from openpyxl import load_workbook

    from desktop.reports.xlsx import SHEETS, write_audit_workbook

    path = state.work_dir / "audit.xlsx"
    counts = write_audit_workbook(state.services, path)
    state.files["xlsx"] = path
    workbook = load_workbook(path, read_only=True)
    try:
        names = list(workbook.sheetnames)
        if names != list(SHEETS):
            raise SelfTestFailure(f"{path.name} has the sheets {names}, expected {list(SHEETS)}")
        contractors = workbook["委託先"]
        rows = sum(
            1 for row in contractors.iter_rows(values_only=True) if any(cell is not None for cell in row)
        )
    finally:
        workbook.close()
    if rows <= counts.get("委託先", 0):
        raise SelfTestFailure(
            f"the sheet 委託先 has {rows} rows, fewer than its {counts.get('委託先')} contractors"
        )
    return f"{path.name}: {len(names)} sheets, {sum(counts.values())} rows"


def paint_window(state: SelfTest) -> str:
    """Open the main window on the demo database offscreen and paint it once."""
    from desktop.ui.application import create_application
    from desktop.ui.main_window import MainWindow

    application = create_application([sys.argv[0] if sys.argv else "itaku"], "ja")
    window = MainWindow()
    try:
        window.attach(state.services)
        window.show()
        application.processEvents()
        picture = window.grab()
        if picture.isNull() or picture.width() < 100 or picture.height() < 100:
            raise SelfTestFailure(f"the window painted nothing usable ({picture.width()}×{picture.height()})")
        path = state.work_dir / "window.png"
        if not picture.save(str(path)):
            raise SelfTestFailure("the window's picture cannot be saved as PNG")
        state.files["png"] = path
        if application.windowIcon().isNull():
            raise SelfTestFailure("the application has no window icon")
        return f"{picture.width()}×{picture.height()} px, platform {application.platformName()}"
    finally:
        window.close()
        window.deleteLater()
        application.processEvents()


STEPS: tuple[tuple[str, Callable[[SelfTest], str]], ...] = (
    ("resources", check_resources),
    ("database", check_database),
    ("drivers", check_drivers),
    ("demo data", load_demo),
    ("checks", run_checks),
    ("PDF register", write_pdf),
    ("audit workbook", write_workbook),
    ("main window", paint_window),
)


# --- running -------------------------------------------------------------------------------------


@contextmanager
def _isolated_environment(work_dir: Path) -> Iterator[None]:
    """Headless Qt and a data folder of our own; the caller's environment is restored afterwards."""
    saved = {
        name: os.environ.get(name) for name in ("QT_QPA_PLATFORM", "ITAKU_DATA_DIR", "ITAKU_DATABASE_URL")
    }
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["ITAKU_DATA_DIR"] = str(work_dir / "data")
    os.environ.pop("ITAKU_DATABASE_URL", None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_self_test(*, keep: Path | None = None, stream: Writer | None = None) -> int:
    """Run every step, print a line for each, and return 0 if all passed, else 1 (with the reason printed).

    `keep`: copy the database, PDF, workbook and window picture into this folder for a person to look at.
    """
    from desktop import __version__

    out: Writer | None = stream if stream is not None else sys.stdout
    lines: list[str] = []

    def say(text: str) -> None:
        lines.append(text)
        if out is not None:  # a windowed executable on Windows has no stdout
            print(text, file=out, flush=True)

    frozen = "bundle " + str(_bundle_root()) if _bundle_root() else "source"
    say(f"Itaku {__version__} self-test ({frozen}, Python {sys.version.split()[0]}, {sys.platform})")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="itaku-self-test-", ignore_cleanup_errors=True) as temp:
        state = SelfTest(work_dir=Path(temp))
        failed: str | None = None
        with _isolated_environment(state.work_dir):
            try:
                for name, step in STEPS:
                    step_started = time.perf_counter()
                    try:
                        detail = step(state)
                    except SelfTestFailure as error:
                        failed = f"{name}: {error}"
                    except Exception as error:  # anything else is a failure of this step, with its cause
                        details = sys.stderr if sys.stderr is not None else out
                        if details is not None:
                            details.write(traceback.format_exc())
                        failed = f"{name}: {type(error).__name__}: {error}"
                    if failed:
                        say(f"FAIL {name}")
                        break
                    say(f"ok   {name:<15} {time.perf_counter() - step_started:5.1f} s  {detail}")
            finally:
                if state.opened is not None:
                    state.opened.close()
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            for path in [state.work_dir / "self-test.db", *state.files.values()]:
                if path.exists():
                    shutil.copy2(path, keep / path.name)
    total = time.perf_counter() - started
    if failed:
        say(f"self-test FAILED after {total:.1f} s — {failed}")
        return EXIT_FAILED
    say(f"self-test passed: {len(STEPS)} steps in {total:.1f} s")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="itaku --self-test", description="check headless that this Itaku installation works"
    )
    parser.add_argument(
        "--keep",
        metavar="DIR",
        type=Path,
        help="copy the database, PDF, workbook and window picture into DIR",
    )
    parser.add_argument(
        "--report",
        metavar="FILE",
        type=Path,
        help="also write the report into FILE (the windowed Windows app has no console)",
    )
    args = parser.parse_args(argv)
    if args.report is None:
        return run_self_test(keep=args.keep)
    with args.report.open("w", encoding="utf-8") as report:
        code = run_self_test(keep=args.keep, stream=_Tee(report, sys.stdout))
    return code


class _Tee:
    """Write to a file and, when there is one, to the console."""

    def __init__(self, *streams: TextIO | None):
        self.streams = [stream for stream in streams if stream is not None]

    def write(self, text: str) -> int:
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


if __name__ == "__main__":
    sys.exit(main())
