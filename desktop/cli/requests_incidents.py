"""`request add` and `incident add`: data-subject requests (本人からの請求) and incidents (漏えい等の事案) from
the command line, one option per schema field (`--received-on`, `--pi-items 氏名,住所`), as `opt-out add`.
Bad input exits 2 naming the field and writes nothing; `list` is in desktop.cli.records with every kind's
list."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.cli.common import command_actions
from desktop.cli.opt_out import cmd_add, option_of
from desktop.domain.schema import INCIDENT, REQUEST, TEXT_LIST, Schema

if TYPE_CHECKING:
    from desktop.services.facade import Services


# (command, action, help, schema, the service call that writes it)
ADD_COMMANDS: tuple[tuple[str, str, str, Schema, Callable[[Services, dict[str, Any]], Any]], ...] = (
    (
        "request",
        "add",
        "record a data-subject request (本人からの請求: 開示・訂正・削除・利用停止・第三者提供の停止)",
        REQUEST,
        lambda services, data: services.requests.create(data),
    ),
    (
        "incident",
        "add",
        "record an incident (漏えい等の事案) and the reports sent",
        INCIDENT,
        lambda services, data: services.incidents.create(data),
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
