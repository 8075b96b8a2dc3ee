"""`provision add|delete` and `receipt add|delete`: the third-party provision records (第三者提供記録) and the
receipt confirmation records (確認記録) from the command line, one option per schema field
(`--provided-on`, `--pi-items 氏名,住所`, `--basis opt_out`), as `opt-out add` does. Bad input exits 2 naming
the field and writes nothing; a deletion before the retention end exits 2 naming the end. `list` is in
desktop.cli.records with every kind's list."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.cli.common import EXIT_OK, command_actions, open_services, record_id
from desktop.cli.opt_out import cmd_add, option_of
from desktop.domain.schema import PROVISION, RECEIPT, TEXT_LIST, Schema

if TYPE_CHECKING:
    from desktop.services.facade import Services

# (command, schema, service attribute on Services)
KINDS: tuple[tuple[str, Schema, str], ...] = (
    ("provision", PROVISION, "provisions"),
    ("receipt", RECEIPT, "receipts"),
)


def _writer(service: str) -> Callable[[Services, dict[str, Any]], Any]:
    return lambda services, data: getattr(services, service).create(data)


def register(subparsers: Any) -> None:
    for command, schema, service in KINDS:
        actions = command_actions(subparsers, command, f"{schema.ja} / {schema.en}")
        parser = actions.add_parser("add", help=f"record a {schema.en.lower()} ({schema.ja})")
        for field in schema.fields:
            parser.add_argument(
                option_of(field.name),
                dest=field.name,
                required=field.required,
                metavar=field.kind.upper(),
                help=f"{field.ja} / {field.en}"
                + (" (comma-separated)" if field.kind == TEXT_LIST else "")
                + (f" ({', '.join(member.value for member in field.enum)})" if field.enum else ""),
            )
        parser.add_argument("--json", action="store_true", help="print the new record as JSON")
        parser.set_defaults(handler=cmd_add, schema=schema, write=_writer(service))

        delete = actions.add_parser(
            "delete", help=f"delete a {schema.en.lower()} whose retention period has ended"
        )
        delete.add_argument("id", type=record_id, metavar="ID")
        delete.add_argument("--version", type=record_id, metavar="N", help="only if still at this version")
        delete.set_defaults(handler=cmd_delete, schema=schema, service=service)


def cmd_delete(args: argparse.Namespace) -> int:
    services = open_services(args)
    getattr(services, args.service).delete(args.id, args.version)
    schema: Schema = args.schema
    print(f"削除しました / deleted: {schema.ja} #{args.id}")
    return EXIT_OK
