"""Benchmark: replaying the audit trail against the records, against walking its hash chain, in the same run.

Builds databases of 1,000 and 10,000 contractors (the demo data: about 5 audit events per contractor), then
prints for each: the time of `verify_chain` (the baseline: it reads every event once), the time of
`verify_records` (it reads every event and every record once more), their ratio (target ≤ 3×), and the
replay's peak Python memory (target: about the same at both sizes, since rows and events are streamed).

    .venv/bin/python benchmarks/bench_audit_verify.py [--sizes 1000 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.timing import best_of  # noqa: E402
from desktop.app import build_services  # noqa: E402


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
            services.demo.load(size, 1)
            events = services.audit.count_events()
            assert services.audit.verify_records().is_intact  # warms the page cache too
            chain = best_of(args.repeat, services.audit.verify_chain)
            replay = best_of(args.repeat, services.audit.verify_records)
            tracemalloc.start()
            services.audit.verify_records()
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            rows.append((size, events, chain, replay, replay / chain, peak))
            services.close()
    print(
        f"{'contractors':>11} {'events':>8} {'chain s':>8} {'replay s':>9} {'ratio':>6} {'replay peak MB':>15}"
    )
    for size, events, chain, replay, ratio, peak in rows:
        print(f"{size:>11,} {events:>8,} {chain:>8.2f} {replay:>9.2f} {ratio:>5.1f}× {peak:>15.1f}")
    within = all(row[4] <= 3 for row in rows)
    print("ok" if within else "SLOW: the replay takes more than 3× the chain walk")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
