"""`opt-out add`, `opt-out add-change`, `stop-request add`: the opt-out records from the command line, one
option per schema field (`--start-date`, `--pi-items 氏名,住所`). Bad input exits 2 naming the field and
writes nothing; `list` is in desktop.cli.records with every kind's list."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.cli.common import EXIT_OK, command_actions, date_option, open_services, print_json
from desktop.domain.schema import DATE, OPT_OUT, OPT_OUT_CHANGE, STOP_REQUEST, TEXT_LIST, Schema

if TYPE_CHECKING:
    from desktop.services.facade import Services


def option_of(name: str) -> str:
    return "--" + name.replace("_", "-")


# (command, action, help, schema, the service call that writes it)
ADD_COMMANDS: tuple[tuple[str, str, str, Schema, Callable[[Services, dict[str, Any]], Any]], ...] = (
    (
        "opt-out",
        "add",
        "record an opt-out provision arrangement (オプトアウトによる第三者提供)",
        OPT_OUT,
        lambda services, data: services.opt_outs.create(data),
    ),
    (
        "opt-out",
        "add-change",
        "record a change of an arrangement and when it was notified again (届出事項の変更)",
        OPT_OUT_CHANGE,
        lambda services, data: services.opt_outs.add_change(data),
    ),
    (
        "stop-request",
        "add",
        "record a person's request to stop the provision (提供停止の求め)",
        STOP_REQUEST,
        lambda services, data: services.stop_requests.create(data),
    ),
)


def register(subparsers: Any) -> None:
    for command, action, help_text, schema, write in ADD_COMMANDS:
        actions = command_actions(subparsers, command, f"{schema.ja} / {schema.en}")
        parser = actions.add_parser(action, help=help_text)
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
        parser.set_defaults(handler=cmd_add, schema=schema, write=write)


def cmd_add(args: argparse.Namespace) -> int:
    from desktop.services.audit import json_value

    schema: Schema = args.schema
    data: dict[str, Any] = {
        field.name: getattr(args, field.name)
        for field in schema.fields
        if getattr(args, field.name) is not None
    }
    for field in schema.fields:  # dates as the ledger import reads them (令和8年4月1日, 2026/4/1)
        if field.kind == DATE and field.name in data:
            data[field.name] = date_option(data[field.name], option_of(field.name))
    services = open_services(args)
    record = args.write(services, data)
    if args.json:
        print_json(
            {
                "id": record.id,
                **{name: json_value(getattr(record, name)) for name in schema.names},
                "version": record.version,
            }
        )
    else:
        print(f"登録しました / recorded: {schema.ja} #{record.id}")
    return EXIT_OK
