"""Benchmark: start-up of `itaku` on the 100,000-contractor database against a bare PySide6 QMainWindow with an
empty QTableView, each a fresh process, measured in the same run.

Prints, from process start: the bare window painted; Itaku's window frame painted (target ≤ 1.5× bare);
the 委託先 rows on screen; the dashboard with its figures (target ≤ 3× bare); and which heavy modules
were imported before the frame was painted (SQLAlchemy, Alembic, reportlab and openpyxl must not be).

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
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
HEAVY = ("sqlalchemy", "alembic", "reportlab", "openpyxl")
state = {"frame": False}
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not state["frame"]:
            state["frame"] = True
            loaded = [name for name in HEAVY if name in sys.modules]
            print("frame " + ",".join(loaded), flush=True)
        return False
watch = Watch()
import desktop.ui.main_window as main_window  # imported by open_window anyway; here to watch its first paint
_show = main_window.MainWindow.show
def show(self):
    self.installEventFilter(watch)
    _show(self)
main_window.MainWindow.show = show
from desktop.__main__ import build_parser, open_window, open_database, sign_in_from_environment
args = build_parser().parse_args(["--db", sys.argv[1], "--lang", "ja"])
application, window = open_window(args)
services = open_database(window, args, sign_in_from_environment)  # no one to type a password here
window.show_page("contractors")
application.processEvents()
print("rows", flush=True)
window.wait_for_findings()
window.show_page("dashboard")
window.repaint()
print("dashboard " + window.pages["dashboard"].blocking_figure.number.text(), flush=True)
print("late " + ",".join(name for name in HEAVY if name in sys.modules), flush=True)
window.close()
services.close()
"""


def run(script: str, *args: str) -> dict[str, tuple[float, str]]:
    """Run a fresh interpreter; return when each marker line arrived (seconds from spawn) and its detail."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True,
                               stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    marks: dict[str, tuple[float, str]] = {}
    assert process.stdout is not None
    for line in process.stdout:
        name, _, detail = line.strip().partition(" ")
        marks[name] = (time.perf_counter() - start, detail)
    process.wait()
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=f"sqlite:///{Path(tempfile.gettempdir()) / 'itaku-bench-ui-100000.sqlite3'}")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("ITAKU_TRANSLATIONS_CACHE", str(Path(tempfile.gettempdir()) / "itaku-bench-qm"))
    run(ITAKU, args.db)  # warm the file cache and compile the translations once
    bare, frame, rows, dashboard = [], [], [], []
    early = late = figure = ""
    for _ in range(args.repeat):
        bare.append(run(BARE)["frame"][0])
        marks = run(ITAKU, args.db)
        frame.append(marks["frame"][0])
        rows.append(marks["rows"][0])
        dashboard.append(marks["dashboard"][0])
        early, late, figure = marks["frame"][1], marks["late"][1], marks["dashboard"][1]
    base = statistics.median(bare)

    def line(label: str, values: list[float], target: str = "") -> None:
        value = statistics.median(values)
        print(f"{label:<38} {value * 1000:8.0f} ms   {value / base:5.2f}×  {target}")

    print(f"database: {args.db}   (median of {args.repeat} fresh processes)")
    print(f"{'bare QMainWindow + empty QTableView':<38} {base * 1000:8.0f} ms   1.00×")
    line("Itaku window frame painted", frame, "(target ≤ 1.5×)")
    line("委託先 rows shown", rows)
    line("dashboard with its figures", dashboard, "(target ≤ 3×)")
    print(f"heavy modules imported before the frame: {early or 'none'}; by the dashboard: {late or 'none'}")
    print(f"blocking findings on the dashboard: {figure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
