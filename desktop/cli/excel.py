"""export --xlsx (the audit workbook) and import contractors (a hand-kept ledger)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.common import EXIT_INPUT, EXIT_OK, as_of_date, open_services

if TYPE_CHECKING:
    pass


def register(subparsers: Any) -> None:
    export = subparsers.add_parser("export", help="write the audit workbook (Excel)")
    export.add_argument("--xlsx", metavar="OUT.xlsx", required=True, type=Path, help="the workbook to write")
    export.add_argument(
        "--as-of", metavar="DATE", help="registers and findings as of this date (default today)"
    )
    export.set_defaults(handler=cmd_export)

    importing = subparsers.add_parser("import", help="import a hand-kept ledger (Excel)")
    kinds = importing.add_subparsers(dest="kind", metavar="KIND", required=True)
    contractors = kinds.add_parser("contractors", help="a contractor ledger (委託先管理台帳)")
    contractors.add_argument("file", metavar="FILE.xlsx", type=Path)
    contractors.add_argument(
        "--sheet", metavar="NAME", help="the sheet to read (default: the first with a header)"
    )
    contractors.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    contractors.set_defaults(handler=cmd_import_contractors)


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.reports.xlsx import write_audit_workbook
    from desktop.services.output_path import check_output_path

    as_of = as_of_date(args.as_of)
    check_output_path(args.xlsx, "xlsx")  # before the database is opened
    services = open_services(args)
    counts = write_audit_workbook(services, args.xlsx, as_of, language=args.lang)
    summary = ", ".join(f"{title} {count}" for title, count in counts.items())
    print(f"{args.xlsx}: {summary}")
    return EXIT_OK


def cmd_import_contractors(args: argparse.Namespace) -> int:
    from desktop.services.ledger_import import LedgerFileError, LedgerImportError

    language = args.lang
    services = open_services(args)
    service = services.ledger_import
    try:
        summary = service.import_contractors(args.file, args.sheet, dry_run=args.dry_run)
    except LedgerFileError as error:
        print(error.message.text(language), file=sys.stderr)
        return EXIT_INPUT
    except LedgerImportError as error:
        print(error.message.text(language), file=sys.stderr)
        heading = "Excel row, column, reason" if language == "en" else "行, 列, 理由"
        print(heading, file=sys.stderr)
        for item in error.errors:
            print(item.text(language), file=sys.stderr)
        return EXIT_INPUT
    print(summary.text(language))
    return EXIT_OK
