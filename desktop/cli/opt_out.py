"""`opt-out add-change`: a change of an opt-out arrangement and when it was notified again, one option per
schema field as every `add` (desktop.cli.kinds, which also has `opt-out add|show`, `opt-out change add|show`
and `stop-request add|show`); `opt-out change list --opt-out ID`.
Bad input exits 2 naming the field and writes nothing; `list` is in desktop.cli.records with every kind's
list."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import EXIT_OK, command_actions, open_services, print_json, record_id
from desktop.cli.kinds import add_schema_options, naming_options, record_json, schema_values
from desktop.cli.table import format_table
from desktop.domain.errors import ValidationError
from desktop.domain.schema import OPT_OUT, OPT_OUT_CHANGE


def register(subparsers: Any) -> None:
    actions = command_actions(subparsers, "opt-out", f"{OPT_OUT.ja} / {OPT_OUT.en}")
    parser = actions.add_parser(
        "add-change", help="record a change of an arrangement and when it was notified again (届出事項の変更)"
    )
    add_schema_options(parser, OPT_OUT_CHANGE)
    parser.add_argument("--json", action="store_true", help="print the new record as JSON")
    parser.set_defaults(handler=cmd_add_change)
    change = actions.add_parser("change", help=f"{OPT_OUT_CHANGE.ja} / {OPT_OUT_CHANGE.en}")
    # `opt-out change add` (the same as add-change) and `opt-out change show`: desktop.cli.kinds
    change.command_actions = change.add_subparsers(dest="change_action", metavar="ACTION", required=True)
    listing = change.command_actions.add_parser("list", help="list the changes of an arrangement")
    listing.add_argument("--opt-out", dest="opt_out_id", type=record_id, required=True, metavar="ID")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.set_defaults(handler=cmd_change_list)


def cmd_add_change(args: argparse.Namespace) -> int:
    data = schema_values(args, OPT_OUT_CHANGE)
    services = open_services(args)
    try:
        record = services.opt_outs.add_change(data)
    except ValidationError as error:
        raise naming_options(error, OPT_OUT_CHANGE) from None
    if args.json:
        print_json(record_json(record, OPT_OUT_CHANGE))
    else:
        print(f"登録しました / recorded: {OPT_OUT_CHANGE.ja} #{record.id}")
    return EXIT_OK


LISTED = ("field", "changed_on", "ppc_notified_on", "made_known_on", "description")


def cmd_change_list(args: argparse.Namespace) -> int:
    """`opt-out change list --opt-out ID`: the arrangement's changes, by the day they take effect."""
    services = open_services(args)
    changes = sorted(services.opt_outs.get(args.opt_out_id).changes, key=lambda c: (c.changed_on, c.id))
    if args.json:
        print_json([record_json(change, OPT_OUT_CHANGE) for change in changes])
        return EXIT_OK
    language = args.lang
    if changes:
        headings = ["ID"] + [OPT_OUT_CHANGE.field(name).label.text(language) for name in LISTED]
        rows = [[str(change.id)] + [_cell(change, name, language) for name in LISTED] for change in changes]
        for line in format_table(headings, rows):
            print(line)
    label = OPT_OUT_CHANGE.label
    print(f"{label.ja} {len(changes):,} 件" if language == "ja" else f"{label.en}: {len(changes):,}")
    return EXIT_OK


def _cell(change: Any, name: str, language: str) -> str:
    value = getattr(change, name)
    if value is None:
        return "-"
    enum = OPT_OUT_CHANGE.field(name).enum
    if enum is not None:
        try:
            return enum(value).label.text(language)
        except ValueError:
            return str(value)
    return str(value).replace("\n", " ")
