"""`joint-use change add | edit | list`: a joint use's change history from the command line. A change of the
jointly used items or of the scope of joint users takes `--basis` and `--basis-reason` (PPC Guidelines
(General) 3-6-3: a notice cannot make it); without them `check` reports it."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    add_clear_option,
    cleared,
    command_actions,
    open_services,
    print_json,
    record_id,
)
from desktop.cli.kinds import add_schema_options, naming_options, schema_values
from desktop.cli.table import format_table
from desktop.domain.enums import JointUseChangeBasis, JointUseChangeField, LabelledEnum
from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import ENUM, JOINT_USE_CHANGE, record_type_label

# The change's fields as options; the joint use it belongs to is --joint-use, as `report --id` names records.
OPTION_NAMES = {"joint_use_id": "--joint-use"}
LISTED = ("field", "changed_on", "noticed_on", "basis", "description")
# What `change edit --clear FIELD` may empty: the change's optional values.
CLEARABLE = tuple(field.name for field in JOINT_USE_CHANGE.fields if not field.required)


def option_name(field_name: str) -> str:
    return OPTION_NAMES.get(field_name, "--" + field_name.replace("_", "-"))


def _choices(enum: type[LabelledEnum]) -> str:
    return ", ".join(f"{member.value} ({member.label.ja})" for member in enum)


def register(subparsers: Any) -> None:
    label = record_type_label(RecordType.JOINT_USE)
    actions = command_actions(subparsers, "joint-use", f"{label.ja} / {label.en}")
    change = actions.add_parser("change", help="the change history of a joint use (変更履歴)")
    change_actions = change.add_subparsers(dest="change_action", metavar="ACTION", required=True)
    change.command_actions = change_actions  # `joint-use change show`: desktop.cli.kinds
    add = change_actions.add_parser(
        "add", help="record a change (a change of pi_items or scope: with --basis and --basis-reason)"
    )
    edit = change_actions.add_parser("edit", help="change a recorded change (only the options given)")
    edit.add_argument("--id", type=record_id, required=True, metavar="ID", help="the change's id")
    enum_help = {
        "field": f": {_choices(JointUseChangeField)}",
        "basis": f" (only for a change of pi_items or scope; a notice cannot make it): {_choices(JointUseChangeBasis)}",
    }
    for parser, adding in ((add, True), (edit, False)):
        add_schema_options(  # the one generator every `add` uses (desktop.cli.kinds)
            parser,
            JOINT_USE_CHANGE,
            options=OPTION_NAMES,
            skip=() if adding else ("joint_use_id",),
            required=adding,
            extra_help=enum_help,
            types={"joint_use_id": record_id},
            enum_choices=False,
        )
        parser.add_argument("--json", action="store_true", help="print the change as JSON")
    add_clear_option(edit, CLEARABLE)
    add.set_defaults(handler=cmd_change_add)
    edit.set_defaults(handler=cmd_change_edit)
    listing = change_actions.add_parser("list", help="list the changes of a joint use")
    listing.add_argument("--joint-use", dest="joint_use_id", type=record_id, required=True, metavar="ID")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.set_defaults(handler=cmd_change_list)


def _values(args: argparse.Namespace) -> dict[str, Any]:
    """The options given, dates read as the ledger import reads them."""
    return schema_values(args, JOINT_USE_CHANGE, OPTION_NAMES)


def _change_json(change: Any) -> dict[str, Any]:
    from desktop.services.audit import json_value

    return {
        "id": change.id,
        **{name: json_value(getattr(change, name)) for name in JOINT_USE_CHANGE.names},
        "version": change.version,
    }


def _said(change: Any, verb: Message) -> str:
    return (
        f"{verb.ja} / {verb.en}: #{change.id}（{record_type_label(RecordType.JOINT_USE).ja} "
        f"#{change.joint_use_id}）"
    )


def cmd_change_add(args: argparse.Namespace) -> int:
    data = _values(args)
    services = open_services(args)
    try:
        change = services.joint_uses.add_change(data)
    except ValidationError as error:  # each field named with its option, as every `add` does
        raise naming_options(error, JOINT_USE_CHANGE, OPTION_NAMES) from None
    if args.json:
        print_json(_change_json(change))
    else:
        print(_said(change, Message("記録しました", "recorded")))
    return EXIT_OK


def cmd_change_edit(args: argparse.Namespace) -> int:
    data = _values(args)
    data.update(cleared(args, CLEARABLE, data))
    services = open_services(args)
    try:
        change = services.joint_uses.update_change(args.id, data, None)
    except ValidationError as error:
        raise naming_options(error, JOINT_USE_CHANGE, OPTION_NAMES) from None
    if args.json:
        print_json(_change_json(change))
    else:
        print(_said(change, Message("更新しました", "updated")))
    return EXIT_OK


def _cell(change: Any, name: str, language: str) -> str:
    value = getattr(change, name)
    if value is None:
        return "-"
    field = JOINT_USE_CHANGE.field(name)
    if field.kind == ENUM and field.enum is not None:
        try:
            shown = field.enum(value).label.text(language)
        except ValueError:
            shown = str(value)
        if name == "basis" and change.basis_reason:
            shown += f"（{change.basis_reason}）"
        return shown
    return str(value).replace("\n", " ")


def cmd_change_list(args: argparse.Namespace) -> int:
    services = open_services(args)
    changes = sorted(services.joint_uses.get(args.joint_use_id).changes, key=lambda c: (c.changed_on, c.id))
    if args.json:
        print_json([_change_json(change) for change in changes])
        return EXIT_OK
    language = args.lang
    if changes:
        headings = ["ID"] + [JOINT_USE_CHANGE.field(name).label.text(language) for name in LISTED]
        rows = [[str(change.id)] + [_cell(change, name, language) for name in LISTED] for change in changes]
        for line in format_table(headings, rows):
            print(line)
    label = record_type_label(RecordType.JOINT_USE_CHANGE)
    print(f"{label.ja} {len(changes):,} 件" if language == "ja" else f"{label.en}: {len(changes):,}")
    return EXIT_OK
