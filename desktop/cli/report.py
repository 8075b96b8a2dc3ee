"""report REGISTER --pdf OUT.pdf: print a register (帳票) as PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, as_of_date, open_services, record_id


def register(subparsers: Any) -> None:
    from desktop.reports.pdf import REGISTERS

    names = "\n".join(
        f"  {name:<17} {info.title_ja} / {info.title_en}{'  (--id N)' if info.needs_id else ''}"
        for name, info in REGISTERS.items()
    )
    report = subparsers.add_parser(
        "report",
        help="print a register as PDF (帳票の印刷)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=f"Print a register as PDF, A4, ready to seal and file.\n\nREGISTER:\n{names}",
    )
    report.add_argument("register", metavar="REGISTER", help="which register (see the list above)")
    report.add_argument("--pdf", metavar="OUT.pdf", required=True, type=Path, help="the PDF file to write")
    report.add_argument(
        "--as-of", metavar="DATE", help="registers and findings as of this date (default today)"
    )
    report.add_argument(
        "--id",
        dest="record_id",
        metavar="N",
        type=record_id,
        help="the record of evaluation, joint-use-notice and contractor-file",
    )
    report.add_argument(
        "--filter",
        dest="filter_text",
        metavar="TEXT",
        help="only the records containing TEXT (list registers)",
    )
    report.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from desktop.reports.pdf import check_request, render_register

    check_request(args.register, args.pdf, args.record_id, args.filter_text)  # before touching the database
    as_of = as_of_date(args.as_of)
    services = open_services(args)
    with services.as_it_stood(as_of) as stood:  # as of a past day: the records as they stood then
        result = render_register(
            stood,
            args.register,
            args.pdf,
            as_of=as_of,
            record_id=args.record_id,
            filter_text=args.filter_text,
        )
    print(f"{result.path}: {result.pages} ページ / pages")
    warning = result.unprintable_warning()
    if warning is not None:
        print(f"警告 / Warning: {warning.text(args.lang)}", file=sys.stderr)
    return EXIT_OK
