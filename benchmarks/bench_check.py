"""Benchmark: the compliance rules against a plain SELECT of the same tables, measured in the same run.

Builds databases of 1,000 and 10,000 contractors (2 contracts and 1 evaluation each, size/5 engagements,
size/20 joint uses), then prints for each: the time of `check`, the time of plain SELECTs fetching every
row of the same tables (the baseline), their ratio (target ≤ 20×), and the number of queries `check`
issues (target: the same at both sizes).

    .venv/bin/python benchmarks/bench_check.py [--sizes 1000 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.app import build_services  # noqa: E402

TABLES = ("contractor", "evaluation", "contract", "engagement", "consent_hop", "redelegation", "joint_use",
          "joint_use_change")


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    now = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            services = build_services(f"sqlite:///{folder}/bench{size}.db", actor="bench",
                                      data_dir=Path(folder) / "files", clock=lambda: now)
            start = time.perf_counter()
            services.demo.load(size, 1)
            build = time.perf_counter() - start

            def plain_select(services=services) -> None:  # noqa: ANN001
                with services.database.read() as session:
                    for table in TABLES:
                        session.execute(text(f"SELECT * FROM {table}")).fetchall()

            queries: list[str] = []

            def count(conn, cursor, statement, parameters, context, executemany, queries=queries):  # noqa: ANN001
                queries.append(statement)

            plain_select()  # warm the page cache for both
            baseline = best_of(args.repeat, plain_select)
            event.listen(services.database.engine, "before_cursor_execute", count)
            findings = services.checks.findings()
            event.remove(services.database.engine, "before_cursor_execute", count)
            check = best_of(args.repeat, services.checks.findings)
            rows.append((size, build, baseline, check, check / baseline, len(queries), len(findings)))
            services.close()
    print(f"{'contractors':>11} {'build s':>8} {'SELECT s':>9} {'check s':>8} {'ratio':>6} {'queries':>8} "
          f"{'findings':>8}")
    for size, build, baseline, check, ratio, queries, findings in rows:
        print(f"{size:>11,} {build:>8.2f} {baseline:>9.3f} {check:>8.3f} {ratio:>5.1f}× {queries:>8} {findings:>8}")
    constant = len({row[5] for row in rows}) == 1
    within = all(row[4] <= 20 for row in rows)
    print(f"queries constant across sizes: {'yes' if constant else 'NO'}; "
          f"check within 20× of the plain SELECT: {'yes' if within else 'NO'}")
    return 0 if constant and within else 1


if __name__ == "__main__":
    sys.exit(main())
