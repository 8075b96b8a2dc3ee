"""Render every PDF register and turn its first page into a PNG, to look at before a release.

    .venv/bin/python tools/render_report_pages.py [--db URL] [--out DIR] [--last-page]

Without --db it loads the demo data (40 contractors) into a fresh SQLite file in DIR. Needs `pdftoppm`
(poppler-utils). Prints one line per register: its PDF, page count and PNG.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.app import build_services  # noqa: E402
from desktop.reports.pdf import REGISTERS, render_register  # noqa: E402


def sample_ids(services: object) -> dict[str, int]:
    """A record for each single-record document: the contractor with the most findings and its evaluation."""
    registers = services.registers  # type: ignore[attr-defined]
    today = services.context.today()  # type: ignore[attr-defined]
    rows = registers.contractors(today)
    evaluated = [row for row in rows if row.latest_evaluation is not None]
    busiest = max(evaluated, key=lambda row: len(row.findings))
    joint_uses = registers.joint_uses(today)
    return {
        "evaluation": busiest.latest_evaluation.id,
        "contractor-file": busiest.contractor.id,
        "joint-use-notice": joint_uses[0].joint_use.id,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="database URL (default: demo data in a new SQLite file)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/itaku-report-pages"), help="output folder")
    parser.add_argument("--resolution", type=int, default=60, help="pdftoppm -r (default 60)")
    parser.add_argument("--last-page", action="store_true", help="also render the last page of each register")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt install poppler-utils)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    url = args.db
    if url is None:
        database = args.out / "demo.sqlite3"
        database.unlink(missing_ok=True)
        url = f"sqlite:///{database}"
    services = build_services(url, data_dir=args.out / "files")
    if args.db is None:
        services.demo.load(40, 1)
    ids = sample_ids(services)
    for name, info in REGISTERS.items():
        pdf = args.out / f"{name}.pdf"
        result = render_register(services, name, pdf, record_id=ids.get(name) if info.needs_id else None)
        pages = [1, result.pages] if args.last_page and result.pages > 1 else [1]
        for page in pages:
            stem = args.out / f"{name}-p{page}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    str(args.resolution),
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(pdf),
                    str(stem),
                ],
                check=True,
            )
            print(f"{name:<18} {result.pages:>3} pages  {stem}.png")
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
