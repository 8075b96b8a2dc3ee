"""Benchmark: start-up of `itaku` on the 100,000-contractor database against a bare PySide6 QMainWindow with an
empty QTableView, each a fresh process, measured in the same run.

Runs the real start-up (`desktop.__main__.main`, sign-in from ITAKU_USER/ITAKU_PASSWORD instead of typing)
and prints, from process start: the bare window painted; Itaku's window frame painted (target ≤ 1.5× bare);
the dashboard with its figures (target ≤ 3× bare); the database open with every page and finding loaded;
the 委託先 rows on screen; and which heavy modules were imported before the frame and before the figures
(SQLAlchemy, Alembic, reportlab and openpyxl must not be). Then the same on a copy with an officer account:
when the sign-in is asked (the database still opening behind the dialog), and from sign-in to the figures.

Uses the database bench_ui_register.py builds (run that first, or pass --db).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui_startup.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("frame", flush=True)
            sys.exit(0)
        return False
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1280, 800)
watch = Watch()
window.installEventFilter(watch)
window.show()
app.exec()
"""

ITAKU = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
HEAVY = ("sqlalchemy", "alembic", "reportlab", "openpyxl")
seen = set()
def mark(name, detail=""):
    if name not in seen:
        seen.add(name)
        print(f"{name} {detail}", flush=True)
def heavy():
    return ",".join(name for name in HEAVY if name in sys.modules) or "none"
import desktop.ui.main_window as main_window
import desktop.__main__ as entry
watched = {}
class Watch(QObject):
    def eventFilter(self, target, event):
        if event.type() == QEvent.Type.Paint:
            if target is watched.get("window"):
                mark("frame", heavy())
            elif target is watched.get("figure") and target.text() != "–":
                mark("dashboard", target.text() + " " + heavy())
        return False
watch = Watch()
_show, _dashboard_page = main_window.MainWindow.show, main_window.MainWindow.dashboard_page
def show(self):
    watched["window"] = self
    self.installEventFilter(watch)
    self.findings_updated.connect(lambda: ready(self))
    _show(self)
def dashboard_page(self):
    page = _dashboard_page(self)
    if "figure" not in watched:
        watched["figure"] = page.blocking_figure.number
        page.blocking_figure.number.installEventFilter(watch)
    return page
def ready(window):
    if "ready" in seen:
        return
    mark("ready")
    window.repaint()  # the dashboard, on screen, shows the figures that just arrived
    QApplication.processEvents()
    window.show_page("contractors")
    QApplication.processEvents()
    mark("rows")
    QTimer.singleShot(0, window.close)
def sign_in(services, window):  # no one to type a password here: ITAKU_USER / ITAKU_PASSWORD, as the CLI
    mark("sign-in")
    result = entry.sign_in_from_environment(services, window)
    mark("signed-in")
    return result
main_window.MainWindow.show = show
main_window.MainWindow.dashboard_page = dashboard_page
entry.sign_in_interactively = sign_in
code = entry.main(["--db", sys.argv[1], "--lang", "ja"])
mark("late", heavy())
sys.exit(code)
"""


def run(script: str, *args: str) -> dict[str, tuple[float, str]]:
    """Run a fresh interpreter; return when each marker line arrived (seconds from spawn) and its detail."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONPATH": str(ROOT),
    }
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        text=True,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    marks: dict[str, tuple[float, str]] = {}
    assert process.stdout is not None
    for line in process.stdout:
        name, _, detail = line.strip().partition(" ")
        marks[name] = (time.perf_counter() - start, detail)
    process.wait()
    return marks


def with_accounts(url: str) -> str:
    """A copy of the benchmark database with an officer account (made once, kept beside it)."""
    source = Path(url.removeprefix("sqlite:///"))
    copy = source.with_name(f"{source.stem}-accounts{source.suffix}")
    if not copy.exists() or copy.stat().st_mtime < source.stat().st_mtime:
        import sqlite3

        with sqlite3.connect(source) as original, sqlite3.connect(copy) as target:
            original.backup(target)
        sys.path.insert(0, str(ROOT))
        from desktop.app import build_services

        services = build_services(f"sqlite:///{copy}", actor="bench", data_dir=copy.parent / "bench-files")
        services.accounts.create_first_officer(OFFICER, PASSWORD)
        services.close()
    return f"sqlite:///{copy}"


OFFICER, PASSWORD = "officer", "bench-password-1"


def measure(
    url: str, repeat: int, environment: dict[str, str]
) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Seconds of each marker over `repeat` runs (and the bare window's), and the last run's marker details."""
    os.environ.update(environment)
    run(ITAKU, url)  # warm the file cache, compile the translations, store today's findings snapshot
    times: dict[str, list[float]] = {}
    details: dict[str, str] = {}
    for _ in range(repeat):
        times.setdefault("bare", []).append(run(BARE)["frame"][0])
        for name, (seconds, detail) in run(ITAKU, url).items():
            times.setdefault(name, []).append(seconds)
            details[name] = detail
    for name in environment:
        os.environ.pop(name, None)
    return times, details


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db", default=f"sqlite:///{Path(tempfile.gettempdir()) / 'itaku-bench-ui-100000.sqlite3'}"
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("ITAKU_TRANSLATIONS_CACHE", str(Path(tempfile.gettempdir()) / "itaku-bench-qm"))
    os.environ.setdefault(
        "ITAKU_DATA_DIR", str(Path(tempfile.gettempdir()) / "itaku-bench-data")
    )  # daily backups

    def median(values: list[float]) -> float:
        return statistics.median(values)

    print(
        f"database: {args.db}   (median of {args.repeat} fresh processes; the real `itaku` start-up, "
        "sign-in from ITAKU_USER/ITAKU_PASSWORD)"
    )
    plain, details = measure(args.db, args.repeat, {})
    base = median(plain["bare"])

    def line(label: str, seconds: float, target: str = "") -> None:
        print(f"  {label:<52} {seconds * 1000:8.0f} ms   {seconds / base:5.2f}×  {target}")

    print(f"  {'bare QMainWindow + empty QTableView':<52} {base * 1000:8.0f} ms   1.00×")
    print("without accounts (set-up mode, as the benchmark database is built):")
    line("Itaku window frame painted", median(plain["frame"]), "(target ≤ 1.5×)")
    line("dashboard with its figures", median(plain["dashboard"]), "(target ≤ 3×)")
    line("database open, pages and all findings loaded", median(plain["ready"]))
    line("委託先 rows shown", median(plain["rows"]))
    print(
        f"  heavy modules imported before the frame: {details['frame']}; before the figures: "
        f"{details['dashboard'].partition(' ')[2]}; by the end: {details['late']}"
    )
    print(f"  blocking findings on the dashboard: {details['dashboard'].partition(' ')[0]}")

    signed, _details = measure(
        with_accounts(args.db), args.repeat, {"ITAKU_USER": OFFICER, "ITAKU_PASSWORD": PASSWORD}
    )
    base = median(signed["bare"])
    print(f"with an officer account (bare window this round: {base * 1000:.0f} ms):")
    line("Itaku window frame painted", median(signed["frame"]), "(target ≤ 1.5×)")
    line("sign-in asked (the dialog is up; database opening)", median(signed["sign-in"]))
    after = [
        dashboard - signed_in
        for dashboard, signed_in in zip(signed["dashboard"], signed["signed-in"], strict=True)
    ]
    verify = [
        signed_in - asked for signed_in, asked in zip(signed["signed-in"], signed["sign-in"], strict=True)
    ]
    line(
        "password checked, had it been typed at once",
        median(verify),
        "(waits for the database to open, then argon2id)",
    )
    line("signed in → dashboard with its figures", median(after), "(the part a person waits for)")
    line("launch → figures, typing time left out", median(signed["dashboard"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
