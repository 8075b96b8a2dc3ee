"""`provision delete` and `receipt delete`: a third-party provision record (第三者提供記録) or a receipt
confirmation record (確認記録) whose retention period has ended; a deletion before the retention end exits 2
naming the end. `add` and `show` are desktop.cli.kinds' (one option per schema field: `--provided-on`,
`--pi-items 氏名,住所`, `--basis opt_out`); `list` is in desktop.cli.records with every kind's list."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import EXIT_OK, command_actions, open_services, record_id
from desktop.domain.schema import PROVISION, RECEIPT, Schema

# (command, schema, service attribute on Services)
KINDS: tuple[tuple[str, Schema, str], ...] = (
    ("provision", PROVISION, "provisions"),
    ("receipt", RECEIPT, "receipts"),
)


def register(subparsers: Any) -> None:
    for command, schema, service in KINDS:
        actions = command_actions(subparsers, command, f"{schema.ja} / {schema.en}")
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
