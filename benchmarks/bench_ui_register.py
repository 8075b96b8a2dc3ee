"""Benchmark: the 委託先 page on a 100,000-contractor SQLite database against a bare QTableView over a plain
list model of the same rows, measured in the same run.

Prints time to first paint (target ≤ 2× the bare view), the time per keystroke of typing a search
(target < 100 ms: the first page query + the repaint; the match count follows once typing pauses, and is
timed too), the same typing on a QSortFilterProxyModel
over the bare list for comparison, how many rows the page holds in memory, and the findings refresh.

The database is built once (demo data for 2,000 contractors, then copies of their rows up to the size)
and kept in the temp folder for the next run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui_register.py [--size 100000]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
TYPED = "株式会社さくら"
NO_MATCH = "株式会社xyz"  # a typo: no row matches, so the first-page query reads the whole table
BASE_SIZE = 2000


def build_database(path: Path, size: int) -> None:
    """Demo data through the services, then bulk copies of the contractor rows (new names and numbers)."""
    from desktop.app import build_services

    services = build_services(
        f"sqlite:///{path}", actor="bench", data_dir=path.parent / "files", clock=lambda: NOW
    )
    services.demo.load(min(BASE_SIZE, size), 1)
    services.close()
    connection = sqlite3.connect(path)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(contractor)") if row[1] != "id"]
    copied = []
    for name in columns:
        if name == "name":
            copied.append("name || ' ' || (id + (SELECT max(id) FROM contractor))")
        elif name == "corporate_number":
            copied.append(
                "CASE WHEN corporate_number IS NULL THEN NULL ELSE "
                "printf('%013d', id + (SELECT max(id) FROM contractor)) END"
            )
        else:
            copied.append(name)
    while (count := connection.execute("SELECT count(*) FROM contractor").fetchone()[0]) < size:
        connection.execute(
            f"INSERT INTO contractor ({', '.join(columns)}) SELECT {', '.join(copied)} "
            f"FROM contractor ORDER BY id LIMIT {size - count}"
        )
        connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


class PaintWatcher(QObject):
    """Notes when a widget has painted."""

    def __init__(self, widget: Any):
        super().__init__()
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def wait_painted(application: QApplication, watcher: PaintWatcher) -> None:
    while not watcher.painted:
        application.processEvents()


class PlainListModel(QAbstractTableModel):
    def __init__(self, rows: list[tuple[Any, ...]], headers: list[str]):
        super().__init__()
        self.rows, self.headers = rows, headers

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.rows[index.row()][index.column()]
            return "" if value is None else str(value)
        return None

    def headerData(self, section: int, orientation: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def first_paint_bare(application: QApplication, rows: list[tuple[Any, ...]]) -> float:
    start = time.perf_counter()
    view = QTableView()
    view.setModel(
        PlainListModel(
            rows,
            [
                "findings",
                "name",
                "kana",
                "corporate_number",
                "status",
                "entrusted_work",
                "country",
                "start_date",
            ],
        )
    )
    view.resize(1200, 800)
    watcher = PaintWatcher(view.viewport())
    view.show()
    wait_painted(application, watcher)
    elapsed = time.perf_counter() - start
    view.close()
    view.deleteLater()
    return elapsed


def first_paint_page(application: QApplication, services: Any) -> tuple[float, Any]:
    from desktop.ui.operations import ChangeBus
    from desktop.ui.pages.registers import ContractorsPage

    start = time.perf_counter()
    page = ContractorsPage(services, ChangeBus(), lambda *args, **kwargs: None)
    page.refresh()
    page.resize(1200, 800)
    watcher = PaintWatcher(page.table.viewport())
    page.show()
    wait_painted(application, watcher)
    return time.perf_counter() - start, page


def typing_times(application: QApplication, apply: Any, viewport: Any, typed: str = TYPED) -> list[float]:
    """Per keystroke: filter with the text typed so far, then wait for the view to repaint."""
    times = []
    for length in range(1, len(typed) + 1):
        watcher = PaintWatcher(viewport)
        start = time.perf_counter()
        apply(typed[:length])
        viewport.update()
        wait_painted(application, watcher)
        times.append(time.perf_counter() - start)
        viewport.removeEventFilter(watcher)
    return times


def first_page_queries(services: Any, typed: str) -> tuple[float, float]:
    """Slowest first page + count over the prefixes of `typed`: the plain LIKE query (the SQLite trigram
    index switched off for the measurement) against the query the index narrows, in this run."""
    from desktop.store.queries import contractor_search

    def slowest() -> float:
        times = []
        for length in range(1, len(typed) + 1):
            start = time.perf_counter()
            services.contractors.search(typed[:length], limit=200)
            services.contractors.count(typed[:length])
            times.append(time.perf_counter() - start)
        return max(times)

    indexed = slowest()
    narrowing = contractor_search.narrowing
    contractor_search.narrowing = lambda session, search_text: []
    try:
        plain = slowest()
    finally:
        contractor_search.narrowing = narrowing
    return plain, indexed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = Path(tempfile.gettempdir()) / f"itaku-bench-ui-{args.size}.sqlite3"
    if not path.exists():
        print(f"building {path} ({args.size:,} contractors)…", flush=True)
        start = time.perf_counter()
        build_database(path, args.size)
        print(f"  built in {time.perf_counter() - start:.1f} s")
    os.environ.setdefault("ITAKU_TRANSLATIONS_CACHE", str(path.parent / "itaku-bench-qm"))
    from desktop.app import build_services
    from desktop.ui.application import create_application
    from desktop.ui.compliance import load_model

    application = create_application(sys.argv[:1], "ja")
    services = build_services(
        f"sqlite:///{path}", actor="bench", data_dir=path.parent / "files", clock=lambda: NOW
    )
    total = services.contractors.count()

    start = time.perf_counter()
    rows = [
        (None, r.name, r.kana, r.corporate_number, r.status, r.entrusted_work, r.country, r.start_date)
        for r in services.contractors.search()
    ]
    load_all = time.perf_counter() - start

    bare_times, page_times = [], []
    page = None
    for _ in range(args.repeat):
        bare_times.append(first_paint_bare(application, rows))
        elapsed, page = first_paint_page(application, services)
        page_times.append(elapsed)
        if _ < args.repeat - 1:
            page.close()
            page.deleteLater()
    assert page is not None
    bare, ours = min(bare_times), min(page_times)

    page_typing = typing_times(
        application, lambda typed: page.source_model.set_filter(typed, None), page.table.viewport()
    )
    shown_after_typing = page.source_model.rowCount()
    held = page.source_model.loaded_rows
    start = time.perf_counter()
    matching = page.source_model.total_count()
    count_time = time.perf_counter() - start
    page.source_model.set_filter("", None)
    no_match_typing = typing_times(
        application, lambda typed: page.source_model.set_filter(typed, None), page.table.viewport(), NO_MATCH
    )
    page.source_model.set_filter("", None)

    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(
        PlainListModel(rows, ["f", "name", "kana", "number", "status", "work", "country", "start"])
    )
    proxy.setFilterKeyColumn(1)
    bare_view = QTableView()
    bare_view.setModel(proxy)
    bare_view.resize(1200, 800)
    bare_view.show()
    application.processEvents()
    bare_typing = typing_times(application, proxy.setFilterFixedString, bare_view.viewport())

    plain_query, indexed_query = first_page_queries(services, NO_MATCH)

    start = time.perf_counter()
    snapshot = load_model(services)
    snapshot_time = time.perf_counter() - start

    print(f"contractors in the database:      {total:,}")
    print(f"loading every row (baseline data): {load_all * 1000:8.1f} ms (not part of either paint)")
    print(f"first paint, bare list view:       {bare * 1000:8.1f} ms")
    print(
        f"first paint, 委託先 page:           {ours * 1000:8.1f} ms   ratio {ours / bare:5.2f}×  (target ≤ 2×)"
    )
    print(f"typing '{TYPED}', per keystroke (first-page query + repaint):")
    print(
        f"  委託先 page: median {statistics.median(page_typing) * 1000:6.1f} ms, "
        f"max {max(page_typing) * 1000:6.1f} ms  (target < 100 ms)"
    )
    print(
        f"  bare proxy:  median {statistics.median(bare_typing) * 1000:6.1f} ms, "
        f"max {max(bare_typing) * 1000:6.1f} ms   ratio of max {max(page_typing) / max(bare_typing):5.2f}×"
    )
    print(
        f"  委託先 page, typing '{NO_MATCH}' (last keys match nothing): median "
        f"{statistics.median(no_match_typing) * 1000:6.1f} ms, max {max(no_match_typing) * 1000:6.1f} ms"
    )
    print(
        f"  first page + count for each prefix of '{NO_MATCH}', slowest: plain LIKE "
        f"{plain_query * 1000:6.1f} ms, with the trigram index {indexed_query * 1000:6.1f} ms   "
        f"ratio {indexed_query / plain_query:5.2f}×"
    )
    print(
        f"rows matching '{TYPED}': {matching:,} (COUNT once typing pauses: {count_time * 1000:.1f} ms); "
        f"rows held in memory by the page: {held:,} of {shown_after_typing:,} shown so far"
    )
    print(
        f"findings + deadlines refresh (all rules, {len(snapshot.findings):,} findings): "
        f"{snapshot_time * 1000:8.1f} ms"
    )
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
