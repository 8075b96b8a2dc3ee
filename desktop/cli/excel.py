"""export --xlsx (the audit workbook); import contractors | provisions (a hand-kept ledger or register)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.common import EXIT_INPUT, EXIT_OK, as_of_date, open_services
from desktop.domain.enums import ContractorStatus
from desktop.domain.errors import Message, ValidationError

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
    contractors.add_argument(
        "--status",
        metavar="STATUS",
        help="the status of every contractor whose line gives none: candidate, active, suspended, ended "
        "(or 候補, 委託中, 停止中, 終了); default: inferred, active (委託中) with a start date or PI items",
    )
    contractors.set_defaults(handler=cmd_import_contractors)
    provisions = kinds.add_parser(
        "provisions", help="a register of third-party provisions (第三者提供記録簿)"
    )
    provisions.add_argument("file", metavar="FILE.xlsx", type=Path)
    provisions.add_argument(
        "--sheet", metavar="NAME", help="the sheet to read (default: the first with a header)"
    )
    provisions.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    provisions.set_defaults(handler=cmd_import_provisions)


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.reports.xlsx import write_audit_workbook
    from desktop.services.output_path import check_output_path

    as_of = as_of_date(args.as_of)
    check_output_path(args.xlsx, "xlsx")  # before the database is opened
    services = open_services(args)
    with services.as_it_stood(as_of) as stood:  # as of a past day: the records as they stood then
        counts = write_audit_workbook(stood, args.xlsx, as_of, language=args.lang)
    summary = ", ".join(f"{title} {count}" for title, count in counts.items())
    print(f"{args.xlsx}: {summary}")
    return EXIT_OK


def status_option(text: str | None) -> str | None:
    """--status as a stored value or its Japanese or English label; else exit 2 naming the option."""
    if text is None:
        return None
    wanted = text.strip().casefold()
    for status in ContractorStatus:
        if wanted in (status.value, status.label.ja, status.label.en.casefold()):
            return status.value
    choices = ", ".join(f"{s.value} ({s.label.ja})" for s in ContractorStatus)
    raise ValidationError(
        {
            "status": Message(
                f"--status: 「{text}」は状態ではありません（{choices} のいずれか）",
                f"--status: '{text}' is not a status (one of {choices})",
            )
        }
    )


def cmd_import_contractors(args: argparse.Namespace) -> int:
    status = status_option(args.status)  # before the database is opened
    services = open_services(args)
    return _run_import(
        args,
        lambda: services.ledger_import.import_contractors(
            args.file, args.sheet, dry_run=args.dry_run, status=status
        ),
    )


def cmd_import_provisions(args: argparse.Namespace) -> int:
    services = open_services(args)
    return _run_import(
        args, lambda: services.provision_import.import_provisions(args.file, args.sheet, dry_run=args.dry_run)
    )


def _run_import(args: argparse.Namespace, run: Callable[[], Any]) -> int:
    """Run an import; a file that cannot be read, or any invalid row (row, column, value, reason each): exit 2,
    nothing written. Else the summary and what to do next."""
    from desktop.services.ledger_import import LedgerFileError, LedgerImportError

    language = args.lang
    try:
        summary = run()
    except LedgerFileError as error:
        print(error.message.text(language), file=sys.stderr)
        return EXIT_INPUT
    except LedgerImportError as error:
        print(error.message.text(language), file=sys.stderr)
        heading = "Excel row, column, value, reason" if language == "en" else "行, 列, 値, 理由"
        print(heading, file=sys.stderr)
        for item in error.errors:
            print(item.text(language), file=sys.stderr)
        return EXIT_INPUT
    print(summary.report(language, command_line=True))
    return EXIT_OK
