"""Benchmark: `check --as-of` a past day (the records rebuilt as they stood, from the audit trail, in a database of
their own) against `check` of today on the live records, measured in the same run.

Builds databases of 1,000 and 10,000 contractors (the demo data, entered on one day), changes one record a few
days later so that the past differs from the present, then prints for each size: the time of today's check
(the baseline), the time of the check as of a day before the change (rebuild + check), their ratio, and the
rebuild's share of it.

    .venv/bin/python benchmarks/bench_as_of.py [--sizes 1000 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.timing import best_of  # noqa: E402
from desktop.app import build_services  # noqa: E402
from desktop.store.as_it_stood import copy_as_it_stood, create_schema  # noqa: E402

ENTERED = datetime(2026, 11, 1, 3, 0, tzinfo=UTC)  # noon in Tokyo
CHANGED = ENTERED + timedelta(days=5)
AS_OF = date(2026, 11, 3)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'contractors':>11} {'today':>9} {'as of':>9} {'ratio':>6} {'rebuild':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            url = f"sqlite:///{folder}/bench{size}.db"
            entered = build_services(
                url, actor="bench", data_dir=Path(folder) / "files", clock=lambda: ENTERED
            )
            entered.demo.load(size, 1)
            entered.close()
            services = build_services(
                url, actor="bench", data_dir=Path(folder) / "files", clock=lambda: CHANGED
            )
            first = services.contractors.get(1)
            services.contractors.update(1, {"notes": "変更"}, first.version)

            today = best_of(args.repeat, lambda s=services: s.checks.findings())

            def as_of(s=services) -> None:
                with s.as_it_stood(AS_OF) as stood:
                    stood.checks.findings(AS_OF)

            past = best_of(args.repeat, as_of)

            def rebuild(s=services, n=size) -> None:
                empty = build_services(
                    f"sqlite:///{folder}/empty{n}.db",
                    actor="bench",
                    data_dir=Path(folder) / "e",
                    clock=lambda: CHANGED,
                    upgrade=False,
                )
                create_schema(empty.context.database.engine)
                with s.context.read() as session:
                    copy_as_it_stood(session, empty.context.database.engine, AS_OF)
                empty.close()
                Path(f"{folder}/empty{n}.db").unlink()

            rebuilt = best_of(1, rebuild)
            services.close()
            print(
                f"{size:>11,} {today * 1000:>7.0f}ms {past * 1000:>7.0f}ms {past / today:>5.1f}x {rebuilt * 1000:>7.0f}ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
