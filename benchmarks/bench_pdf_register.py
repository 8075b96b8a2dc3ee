"""How fast and how big is the 委託先管理台帳 PDF, against a bare reportlab table in the same run?

    .venv/bin/python benchmarks/bench_pdf_register.py [--size 10000] [--memory-sizes 2500,5000,10000]

Baseline: a plain `SimpleDocTemplate` holding one `Table` of `Paragraph` cells with the very same texts
(the register's own cell markup) in the same font and style, header repeated, no running header,
no title block, no "N / M". Ours: `render_register(...)` from the database, queries included.
Target: ours within 1.2x of the baseline. Peak memory is measured in a fresh process per size
(ru_maxrss above the process's size after start-up), so each number stands alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: E402

from desktop.app import build_services  # noqa: E402
from desktop.reports.pdf import LANDSCAPE_CELL_SIZE, render_register  # noqa: E402
from desktop.reports.pdf.layout import MARGIN, make_styles  # noqa: E402
from desktop.reports.pdf.ledgers import CONTRACTOR_COLUMNS, contractor_cells  # noqa: E402


def build_database(folder: Path, size: int) -> str:
    url = f"sqlite:///{folder / f'demo-{size}.sqlite3'}"
    services = build_services(url, actor="bench", data_dir=folder / "files")
    started = time.perf_counter()
    services.demo.load(size=size, seed=1)
    print(f"demo data, {size:,} contractors: {time.perf_counter() - started:.1f} s")
    services.close()
    return url


def render_ours(url: str, out: Path) -> tuple[float, int]:
    services = build_services(url, actor="bench")
    started = time.perf_counter()
    result = render_register(services, "contractors", out)
    elapsed = time.perf_counter() - started
    services.close()
    return elapsed, result.pages


def baseline_texts(url: str) -> list[list[str]]:
    services = build_services(url, actor="bench")
    rows = services.registers.contractors(services.context.today())
    services.close()
    return [contractor_cells(index, row) for index, row in enumerate(rows, start=1)]


def render_baseline(texts: list[list[str]], out: Path) -> tuple[float, int]:
    """A bare reportlab Table of Paragraph cells: the same texts, font, style and column widths."""
    styles = make_styles(LANDSCAPE_CELL_SIZE)
    page_size = landscape(A4)
    total = sum(column.weight for column in CONTRACTOR_COLUMNS)
    widths = [(page_size[0] - 2 * MARGIN) * column.weight / total for column in CONTRACTOR_COLUMNS]
    started = time.perf_counter()
    header = [Paragraph(column.heading, styles.header) for column in CONTRACTOR_COLUMNS]
    body = [[Paragraph(text, styles.cell) for text in row] for row in texts]
    document = SimpleDocTemplate(
        str(out),
        pagesize=page_size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    )
    table = Table([header, *body], colWidths=widths, repeatRows=1)
    # Only the register's cell paddings, so both wrap the texts to the same lines and pages.
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    document.build([table])
    return time.perf_counter() - started, int(document.page)


def memory_kib(field: str) -> int:
    """VmRSS / VmHWM of this process in KiB (Linux). ru_maxrss would not do: Linux carries the
    parent's peak over fork and exec, so a child started by a big parent starts with a big peak."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure_memory(url: str, out: str) -> None:
    """Child process: render once, print pages and the peak RSS above the warmed-up process (MB) as JSON."""
    services = build_services(url, actor="bench")
    render_register(services, "joint-uses", Path(out))  # imports, font and engine warm: measure the register
    before = memory_kib("VmRSS")
    clear_refs = Path("/proc/self/clear_refs")
    if clear_refs.exists():
        clear_refs.write_text("5")  # reset VmHWM to the current RSS
    result = render_register(services, "contractors", Path(out))
    print(json.dumps({"pages": result.pages, "peak_mb": (memory_kib("VmHWM") - before) / 1024}))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--memory-sizes", default="2500,5000,10000", help="comma-separated contractor counts")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs of each, the best counts")
    parser.add_argument("--measure-memory", nargs=2, metavar=("URL", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_memory:
        measure_memory(*args.measure_memory)
        return 0
    with tempfile.TemporaryDirectory(prefix="itaku-bench-") as temp:
        folder = Path(temp)
        url = build_database(folder, args.size)
        texts = baseline_texts(url)
        warm = build_services(url, actor="bench")
        render_register(
            warm, "joint-uses", folder / "warm-up.pdf"
        )  # imports and the font file loaded for both
        warm.close()
        ours_times, base_times = [], []
        for _ in range(args.repeat):  # interleaved, so a busy moment of the machine hits both
            elapsed, ours_pages = render_ours(url, folder / "ours.pdf")
            ours_times.append(elapsed)
            elapsed, base_pages = render_baseline(texts, folder / "baseline.pdf")
            base_times.append(elapsed)
        ours, base = min(ours_times), min(base_times)
        rows = len(texts)
        print(f"\n委託先管理台帳, {rows:,} contractors (best of {args.repeat})")
        print(
            f"  ours (queries + layout) {ours:7.2f} s  {ours_pages:5d} pages  "
            f"{(folder / 'ours.pdf').stat().st_size / rows * 1000 / 1024:8.1f} KiB per 1,000 rows"
        )
        print(
            f"  bare Table of Paragraph {base:7.2f} s  {base_pages:5d} pages  "
            f"{(folder / 'baseline.pdf').stat().st_size / rows * 1000 / 1024:8.1f} KiB per 1,000 rows"
        )
        print(f"  ratio ours / baseline   {ours / base:7.2f}x   (target <= 1.20x)")

        print("\npeak memory of one render (fresh process per size)")
        print(f"  {'contractors':>11} {'pages':>6} {'peak MB':>8} {'MB/page':>8}")
        for size in (int(text) for text in args.memory_sizes.split(",") if text.strip()):
            size_url = url if size == args.size else build_database(folder, size)
            output = subprocess.run(
                [sys.executable, __file__, "--measure-memory", size_url, str(folder / f"memory-{size}.pdf")],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            measured = json.loads(output.strip().splitlines()[-1])
            print(
                f"  {size:>11,} {measured['pages']:>6} {measured['peak_mb']:>8.1f} "
                f"{measured['peak_mb'] / measured['pages']:>8.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
