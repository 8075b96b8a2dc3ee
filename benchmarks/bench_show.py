"""Benchmark: `itaku-cli KIND show ID` — one record with its findings — against a plain SELECT of that record's row,
and against the way `show` found the findings before (the full check, filtered to the record), measured in the
same run.

Builds a demo database of 10,000 contractors (with its contracts, evaluations, engagements, joint uses,
opt-outs, provisions, requests, incidents), then, for the first record with findings of each kind, prints:
the plain SELECT of its row (the baseline), what `show` computes (the record read through its service and its
findings, `CheckService.record_findings`: the facts of its scope only) with the statements that issues, their
ratio to the baseline, and the full check filtered to the record (what `show` did before) with the ratio of
the new way to it. Also the whole command, `itaku-cli contractor show ID --json`, in-process.

    .venv/bin/python benchmarks/bench_show.py [--size 10000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.app import build_services  # noqa: E402
from desktop.cli import main as cli_main  # noqa: E402
from desktop.cli.kinds import KIND_COMMANDS  # noqa: E402
from desktop.domain.kinds import RecordType  # noqa: E402
from desktop.store.models import RECORD_MODELS  # noqa: E402

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
KINDS = (
    RecordType.CONTRACTOR,
    RecordType.CONTRACT,
    RecordType.ENGAGEMENT,
    RecordType.REDELEGATION,
    RecordType.JOINT_USE,
    RecordType.OPT_OUT,
    RecordType.PROVISION,
    RecordType.RECEIPT,
    RecordType.REQUEST,
    RecordType.INCIDENT,
)


def median_of(repeat: int, action: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "show.sqlite3"
        services = build_services(
            f"sqlite:///{path}", actor="bench", data_dir=Path(folder) / "files", clock=lambda: NOW
        )
        start = time.perf_counter()
        services.demo.load(args.size, 1)
        print(
            f"demo data of {args.size:,} contractors built in {time.perf_counter() - start:.1f} s", flush=True
        )
        code = run(services, args.repeat, path)
        services.close()
    return code


def run(services: Any, repeat: int, path: Path) -> int:
    full = services.checks.findings()
    old_way_times: list[float] = []
    print(
        f"{'kind':>12} {'id':>6} {'findings':>8} {'SELECT ms':>9} {'show ms':>8} {'queries':>7} {'×SELECT':>8} "
        f"{'full check ms':>13} {'show/full':>9}"
    )
    worst_ratio = 0.0
    for record_type in KINDS:
        flagged = [f.record_id for f in full if f.record_type == record_type]
        table = RECORD_MODELS[record_type].__tablename__
        with services.database.read() as session:
            record_id = (
                flagged[0] if flagged else session.execute(text(f"SELECT min(id) FROM {table}")).scalar()
            )
        kind = KIND_COMMANDS[record_type]

        def plain_select(table: str = table, record_id: int = record_id) -> None:
            with services.database.read() as session:
                session.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": record_id}).fetchall()

        def show(
            record_type: RecordType = record_type, record_id: int = record_id, kind: Any = kind
        ) -> list[Any]:
            kind.read(services, record_id)
            return services.checks.record_findings(record_type, record_id)

        def old_way(
            record_type: RecordType = record_type, record_id: int = record_id, kind: Any = kind
        ) -> list[Any]:
            kind.read(services, record_id)
            return [
                f
                for f in services.checks.findings()
                if f.record_type == record_type and f.record_id == record_id
            ]

        found = show()
        assert found == old_way(), record_type  # the same findings both ways
        statements: list[str] = []

        def count(*arguments: Any, statements: list[str] = statements) -> None:
            statements.append(arguments[2])

        event.listen(services.database.engine, "before_cursor_execute", count)
        show()
        event.remove(services.database.engine, "before_cursor_execute", count)
        plain_select()  # warm the page cache for both
        baseline = median_of(repeat, plain_select)
        shown = median_of(repeat, show)
        old = median_of(max(1, repeat // 3), old_way)
        old_way_times.append(old)
        worst_ratio = max(worst_ratio, shown / baseline)
        print(
            f"{record_type.value:>12} {record_id:>6} {len(found):>8} {baseline * 1000:>9.2f} {shown * 1000:>8.2f} "
            f"{len(statements):>7} {shown / baseline:>7.1f}× {old * 1000:>13.0f} {shown / old:>8.4f}×"
        )

    contractor = next(f.record_id for f in full if f.record_type == RecordType.CONTRACTOR)

    def command() -> None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert cli_main(["--db", str(path), "contractor", "show", str(contractor), "--json"]) == 0

    command()
    whole = median_of(repeat, command)
    print(
        f"itaku-cli contractor show {contractor} --json, in-process (opening the database included): "
        f"{whole * 1000:.0f} ms; the full check alone: {statistics.median(old_way_times) * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
