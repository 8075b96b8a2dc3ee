"""Benchmark: one save on a 100,000-contractor SQLite database → the findings, the dashboard and the page up to
date in the window, against computing every rule over every record (what the window did after any edit
before the findings were kept up to date record by record), measured in the same run.

The window is the real one (`MainWindow` attached to the services, the 委託先 page on screen); each round
saves one contractor through the services (a new name: its findings, its contracts' findings and the
re-delegations naming it change), then runs the window's refresh (`refresh_all`: the findings on a worker
thread, the dashboard, every page's findings, the navigation counts, the page's rows) and waits until it is
shown. Prints the save alone, the findings brought up to date, save → everything shown (target < 100 ms),
the full computation, and their ratio.

Uses (or builds) the database bench_ui_register.py builds; works on a copy, so that one stays as it was.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_save.py [--size 100000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_ui_register import NOW, build_database  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    source = Path(tempfile.gettempdir()) / f"itaku-bench-ui-{args.size}.sqlite3"
    if not source.exists():
        print(f"building {source} ({args.size:,} contractors)…", flush=True)
        build_database(source, args.size)
    os.environ.setdefault("ITAKU_TRANSLATIONS_CACHE", str(source.parent / "itaku-bench-qm"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "save.sqlite3"
        with sqlite3.connect(source) as original, sqlite3.connect(path) as copy:
            original.backup(copy)
        code = run(path, args.repeat)
        shutil.rmtree(Path(folder) / "files", ignore_errors=True)
    return code


def run(path: Path, repeat: int) -> int:
    from desktop.app import build_services
    from desktop.ui.application import create_application
    from desktop.ui.main_window import MainWindow

    application = create_application(sys.argv[:1], "ja")
    services = build_services(
        f"sqlite:///{path}", actor="bench", data_dir=path.parent / "files", clock=lambda: NOW
    )
    window = MainWindow()
    window.attach(services)
    window.resize(1280, 800)
    window.show()
    window.wait_for_findings()  # the first full computation (no snapshot of this copy yet)
    window.show_page("contractors")
    application.processEvents()
    contractors = [row.id for row in services.contractors.search(limit=repeat + 1)]
    finding_count = len(window.snapshot.findings)

    def save(number: int, contractor_id: int) -> tuple[float, float, float]:
        contractor = services.contractors.get(contractor_id)
        start = time.perf_counter()
        services.contractors.update(contractor_id, {"name": f"改名した委託先{number}"}, contractor.version)
        saved = time.perf_counter()
        services.checks.model(cached=True)  # what the window's worker asks for, timed on its own here
        updated = time.perf_counter()
        window.refresh_all()
        window.wait_for_findings()
        application.processEvents()
        return saved - start, updated - saved, time.perf_counter() - start

    save(0, contractors[-1])
    saves, models, updates = [], [], []
    for number, contractor_id in enumerate(contractors[:repeat], start=1):
        saved, model, shown = save(number, contractor_id)
        saves.append(saved)
        models.append(model)
        updates.append(shown)
        shown_names = {f.record_label for f in window.snapshot.index.of("contractor", contractor_id)}
        assert not shown_names or shown_names == {f"改名した委託先{number}"}, shown_names
    assert services.checks.incremental_updates == repeat + 1

    fulls = []
    for _ in range(2):
        start = time.perf_counter()
        services.checks.model()  # every rule over every record, from the records
        fulls.append(time.perf_counter() - start)
    full = min(fulls)
    update = statistics.median(updates)
    print(f"database: {services.contractors.count():,} contractors, {finding_count:,} findings")
    print(
        f"  save alone (one contractor, its audit event):        median {statistics.median(saves) * 1000:7.1f} ms"
    )
    print(
        f"  findings brought up to date (the service):           median {statistics.median(models) * 1000:7.1f} ms"
    )
    print(
        f"  save → findings, dashboard and page shown:          median {update * 1000:7.1f} ms, "
        f"max {max(updates) * 1000:7.1f} ms   (target < 100 ms)"
    )
    print(f"  every rule over every record (the baseline):         {full * 1000:9.1f} ms")
    print(f"  ratio save → shown / full computation:               {update / full:9.3f}×")
    window.close()
    services.close()
    return 0 if max(updates) < 0.1 else 1


if __name__ == "__main__":
    sys.exit(main())
