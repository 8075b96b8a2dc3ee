"""Benchmark: the compliance rules against a plain SELECT of the same tables, measured in the same run.

Builds databases of 1,000 and 10,000 contractors (2 contracts and 1 evaluation each, size/5 engagements,
size/20 joint uses), then prints for each: the time of `check` (always computed from the records), the time
of plain SELECTs fetching every row of the same tables (the baseline), their ratio (target ≤ 20×), the number
of statements `check` issues (target: the same at both sizes; the snapshot it stores included), and the
window's start-up read, which takes the stored snapshot.

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

from benchmarks.timing import best_of  # noqa: E402
from desktop.app import build_services  # noqa: E402
from desktop.services.compliance.service import CheckService  # noqa: E402

TABLES = (
    "contractor",
    "evaluation",
    "contract",
    "engagement",
    "consent_hop",
    "redelegation",
    "joint_use",
    "joint_use_change",
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    now = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            services = build_services(
                f"sqlite:///{folder}/bench{size}.db",
                actor="bench",
                data_dir=Path(folder) / "files",
                clock=lambda: now,
            )
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

            def forget_snapshots(services=services) -> None:  # noqa: ANN001
                with services.database.write() as session:
                    session.execute(text("DELETE FROM finding_snapshot"))

            plain_select()  # warm the page cache for both
            baseline = best_of(args.repeat, plain_select)
            forget_snapshots()
            event.listen(services.database.engine, "before_cursor_execute", count)
            findings = services.checks.findings()  # computed (and the snapshot stored)
            cold_queries = len(queries)

            def window_start_up(services=services) -> None:  # noqa: ANN001
                """A window starting on this database: a fresh service, nothing in memory, the snapshot read."""
                CheckService(services.context, services.settings).model(cached=True)

            window_start_up()
            hit_queries = len(queries) - cold_queries
            event.remove(services.database.engine, "before_cursor_execute", count)
            check = best_of(args.repeat, services.checks.findings, forget_snapshots)
            hit = best_of(args.repeat, window_start_up)
            rows.append(
                (
                    size,
                    build,
                    baseline,
                    check,
                    check / baseline,
                    cold_queries,
                    len(findings),
                    hit,
                    hit_queries,
                )
            )
            services.close()
    print(
        f"{'contractors':>11} {'build s':>8} {'SELECT s':>9} {'check s':>8} {'ratio':>6} {'queries':>8} "
        f"{'findings':>8} {'window start-up (snapshot) s':>29} {'queries':>8}"
    )
    for size, build, baseline, check, ratio, queries, findings, hit, hit_queries in rows:
        print(
            f"{size:>11,} {build:>8.2f} {baseline:>9.3f} {check:>8.3f} {ratio:>5.1f}× {queries:>8} {findings:>8} "
            f"{hit:>29.3f} {hit_queries:>8}"
        )
    constant = len({row[5] for row in rows}) == 1
    within = all(row[4] <= 20 for row in rows)
    print(
        f"queries constant across sizes: {'yes' if constant else 'NO'}; "
        f"check within 20× of the plain SELECT: {'yes' if within else 'NO'}"
    )
    return 0 if constant and within else 1


if __name__ == "__main__":
    sys.exit(main())
