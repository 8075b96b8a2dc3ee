"""user, evaluation/contract approve, approve (many at once), audit verify, backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, command_actions, open_services, print_json, read_secret, record_id
from desktop.domain.audit_chain import ChainHead
from desktop.domain.enums import ContractKind, EvaluationResult, LabelledEnum
from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Permission, Role
from desktop.domain.schema import record_type_label


def register(subparsers: Any) -> None:
    user = subparsers.add_parser("user", help="accounts (officer only)")
    actions = user.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add an account; its password from $ITAKU_NEW_PASSWORD or a prompt")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--display-name")
    add.set_defaults(handler=cmd_user_add)
    listing = actions.add_parser("list", help="list accounts")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_user_list)
    passwd = actions.add_parser(
        "passwd",
        help="set NAME's password (one's own, or anyone's for an officer); the new password from "
        "$ITAKU_NEW_PASSWORD or a prompt",
    )
    passwd.add_argument("name")
    passwd.set_defaults(handler=cmd_user_passwd)
    change = actions.add_parser(
        "set",
        help="change NAME's role, state or display name (officer only; on PostgreSQL the login role follows)",
    )
    change.add_argument("name")
    change.add_argument("--role", choices=[role.value for role in Role])
    shown = change.add_mutually_exclusive_group()
    shown.add_argument("--display-name", help="the name people see (status bar, 印刷者, the audit log)")
    shown.add_argument("--clear-display-name", action="store_true", help="show the user name instead")
    state = change.add_mutually_exclusive_group()
    state.add_argument("--disable", action="store_true", help="can no longer sign in; stays in the trail")
    state.add_argument("--enable", action="store_true", help="may sign in again")
    change.set_defaults(handler=cmd_user_set)

    for record_type in APPROVABLE:
        label = record_type_label(record_type)
        record_actions = command_actions(subparsers, record_type, f"{label.ja} / {label.en}")
        approve = record_actions.add_parser(
            "approve", help=f"approve the {record_type}: from then on it counts"
        )
        approve.add_argument("--id", type=record_id, required=True)
        approve.set_defaults(handler=cmd_approve, record_type=record_type)

    approve_many = subparsers.add_parser(
        "approve",
        help="approve many evaluations or contracts at once (officer only): all of them or, if any "
        "one cannot be approved, none",
    )
    approve_many.add_argument(
        "record_type",
        choices=APPROVABLE,
        metavar="{evaluation,contract}",
        help="evaluation (委託先評価) or contract (契約・NDA)",
    )
    approve_many.add_argument("ids", nargs="*", type=record_id, metavar="ID", help="the records to approve")
    approve_many.add_argument("--all-pending", action="store_true", help="every one awaiting approval")
    approve_many.add_argument(
        "--dry-run", action="store_true", help="list what would be approved; write nothing"
    )
    approve_many.add_argument("--json", action="store_true", help="print the records as a JSON list")
    approve_many.set_defaults(handler=cmd_approve_many)

    audit = subparsers.add_parser("audit", help="the audit trail")
    audit_actions = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = audit_actions.add_parser(
        "verify",
        help="walk the hash chain and replay it against the records; exit 1 and name the first broken event "
        "and every record changed, added or deleted outside Itaku",
    )
    verify.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="SEQ:HASH",
        help="a chain head printed earlier (a register's footer, the workbook's 概要, a backup's manifest): "
        "check that it is still in the chain (may be repeated)",
    )
    verify.set_defaults(handler=cmd_audit_verify)

    backup = subparsers.add_parser(
        "backup", help="write a consistent backup (database and attachments) to OUT"
    )
    backup.add_argument("out", type=Path)
    backup.set_defaults(handler=cmd_backup)
    restore = subparsers.add_parser("restore", help="replace the database from a backup (officer only)")
    restore.add_argument("source", type=Path)
    restore.set_defaults(handler=cmd_restore)


def cmd_user_add(args: argparse.Namespace) -> int:
    services = open_services(args)
    services.context.require(Permission.ADMINISTER)
    password = read_secret("ITAKU_NEW_PASSWORD", f"{args.name} のパスワード / password: ", confirm=True)
    if password is None:
        raise ValidationError(
            {
                "password": Message(
                    "ITAKU_NEW_PASSWORD を設定するか、端末から実行してください",
                    "set ITAKU_NEW_PASSWORD or run from a terminal",
                )
            }
        )
    account = services.accounts.add(args.name, args.role, password, args.display_name)
    print(
        f"アカウント「{account.username}」（{Role(account.role).label.ja}）を作成しました / "
        f"account '{account.username}' ({account.role}) created"
    )
    if account.login_created is False:
        print(
            f"データベースの既存のログインロール「{account.username}」を使います（パスワードは変更していません）/ "
            f"the database's existing login role '{account.username}' is reused (its password is unchanged)"
        )
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    rows = open_services(args).accounts.list()
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "username": r.username,
                    "display_name": r.display_name,
                    "role": r.role,
                    "is_active": r.is_active,
                }
                for r in rows
            ]
        )
    else:
        for row in rows:
            print(
                f"{row.username:<20} {row.role:<8} {'' if row.is_active else '(無効 / inactive)'}"
                + (f"  {row.display_name}" if row.display_name else "")
            )
    return EXIT_OK


def cmd_user_passwd(args: argparse.Namespace) -> int:
    services = open_services(args)
    password = read_secret(
        "ITAKU_NEW_PASSWORD", f"{args.name} の新しいパスワード / new password: ", confirm=True
    )
    if password is None:
        raise ValidationError(
            {
                "password": Message(
                    "ITAKU_NEW_PASSWORD を設定するか、端末から実行してください",
                    "set ITAKU_NEW_PASSWORD or run from a terminal",
                )
            }
        )
    services.accounts.change_password(args.name, password)
    print(f"「{args.name}」のパスワードを変更しました / the password of '{args.name}' was changed")
    return EXIT_OK


def cmd_user_set(args: argparse.Namespace) -> int:
    display = args.display_name is not None or args.clear_display_name
    if not (args.role or display or args.disable or args.enable):
        raise ValidationError(
            {
                "name": Message(
                    "変更する項目（--role、--display-name、--clear-display-name、--disable、--enable）を指定してください",
                    "say what to change: --role, --display-name, --clear-display-name, --disable or --enable",
                )
            }
        )
    services = open_services(args)
    services.context.require(Permission.ADMINISTER)
    changes: dict[str, Any] = {}
    if args.role:
        changes["role"] = args.role
    if display:
        changes["display_name"] = None if args.clear_display_name else args.display_name
    if args.disable or args.enable:
        changes["is_active"] = bool(args.enable)
    account = services.accounts.update(args.name, **changes)  # one transaction: all of it or none
    state = ("有効", "active") if account.is_active else ("無効", "disabled")
    shown = account.display_name or account.username
    print(
        f"「{account.username}」: {Role(account.role).label.ja}・{state[0]}・表示名「{shown}」 / "
        f"'{account.username}': {account.role}, {state[1]}, shown as '{shown}'"
    )
    return EXIT_OK


def cmd_approve(args: argparse.Namespace) -> int:
    services = open_services(args)
    service = services.evaluations if args.record_type == RecordType.EVALUATION else services.contracts
    record = service.get(args.id)
    approved = service.approve(args.id, record.version)
    print(
        f"承認しました / approved: {args.record_type} #{approved.id} ({approved.approver}, {approved.approved_on})"
    )
    return EXIT_OK


# The kinds of record an officer approves, by the name the CLI gives them (a command, and `approve KIND`), with
# how a count of them reads (Japanese, English). Plain strings for argparse: it prints the repr of a choice.
APPROVABLE_LABELS: dict[RecordType, tuple[str, str]] = {
    RecordType.EVALUATION: ("評価", "evaluations"),
    RecordType.CONTRACT: ("契約", "contracts"),
}
APPROVABLE = tuple(record_type.value for record_type in APPROVABLE_LABELS)


def cmd_approve_many(args: argparse.Namespace) -> int:
    if bool(args.ids) == bool(args.all_pending):
        raise ValidationError(
            {
                "ids": Message(
                    "承認する番号（ID）か --all-pending のどちらか一方を指定してください",
                    "give either the ids to approve or --all-pending",
                )
            }
        )
    services = open_services(args)
    service = services.evaluations if args.record_type == RecordType.EVALUATION else services.contracts
    ids = service.pending_ids() if args.all_pending else args.ids
    label = APPROVABLE_LABELS[RecordType(args.record_type)]
    if not ids:
        if args.json:
            print_json([])
        else:
            print(f"承認待ちの{label[0]}はありません / no {label[1]} awaiting approval")
        return EXIT_OK
    records = service.approve_many(ids, dry_run=args.dry_run)
    rows = {row.id: row for row in service.list()}
    if args.json:
        print_json([_approval_json(record, rows.get(record.id)) for record in records])
        return EXIT_OK
    for record in records:
        print(_approval_line(args.record_type, record, rows.get(record.id), args.lang))
    if args.dry_run:
        print(
            f"{label[0]} {len(records):,} 件を承認できます（試行: 書き込んでいません） / "
            f"{len(records):,} {label[1]} would be approved (dry run: nothing written)"
        )
    else:
        print(f"{label[0]} {len(records):,} 件を承認しました / approved {len(records):,} {label[1]}")
    return EXIT_OK


def _approval_line(record_type: str, record: Any, row: Any, language: str) -> str:
    """One record to approve, its result or kind by its label in the chosen language."""
    name = row.contractor_name if row is not None else f"#{record.contractor_id}"
    if record_type == RecordType.EVALUATION:
        result = _label(EvaluationResult, record.result, language)
        return f"#{record.id:<6} {record.evaluated_on}  {result}  {name}"
    kind = _label(ContractKind, record.kind, language)
    return f"#{record.id:<6} {kind}  {record.effective_from}  {name}  {record.title}"


def _label(enum: type[LabelledEnum], value: str, language: str) -> str:
    """The value's label, padded to the widest label of its enum so that the lines align."""
    from desktop.cli.table import display_width

    try:
        label = enum(value).label.text(language)
    except ValueError:
        label = value
    widest = max(display_width(member.label.text(language)) for member in enum)
    return label + " " * (widest - display_width(label))


def _approval_json(record: Any, row: Any) -> dict[str, Any]:
    return {
        "id": record.id,
        "contractor_id": record.contractor_id,
        "contractor_name": row.contractor_name if row is not None else None,
        "approved_on": record.approved_on,
        "approver": record.approver,
        "version": record.version,
    }


def cmd_audit_verify(args: argparse.Namespace) -> int:
    anchors = [_anchor(text) for text in args.anchor]
    audit = open_services(args).audit
    report = audit.verify_chain()
    print(report.message.text(args.lang))
    replayed = audit.verify_records()
    print(replayed.message.text(args.lang))
    for discrepancy in replayed.discrepancies:
        print(f"  {discrepancy.message.text(args.lang)}")
    if replayed.total > len(replayed.discrepancies):
        more = replayed.total - len(replayed.discrepancies)
        print(f"  … ほか {more:,} か所 / {more:,} more" if args.lang == "ja" else f"  … {more:,} more")
    intact = report.is_intact and replayed.is_intact
    for anchor in anchors:
        checked = audit.verify_anchor(anchor)
        print(checked.message.text(args.lang))
        intact = intact and checked.is_intact
    if intact:
        print(f"監査ログの先頭 / chain head: {audit.head().text}")
    return EXIT_OK if intact else 1


def _anchor(text: str) -> ChainHead:
    try:
        return ChainHead.parse(text)
    except ValueError:
        raise ValidationError(
            {
                "anchor": Message(
                    f"--anchor は「番号:ハッシュ（16進64桁）」の形で指定してください: {text}",
                    f"--anchor takes SEQ:HASH (the sequence number, a colon, 64 hexadecimal digits): {text}",
                )
            }
        ) from None


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.services.output_path import check_output_path

    check_output_path(args.out)  # before the database is opened
    result = open_services(args).backups.backup(args.out)
    print(
        f"バックアップしました / backed up: {result.path} ({result.size:,} bytes, schema {result.schema_revision}, "
        f"{result.attachments} attachments)"
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    services = open_services(args)
    result = services.backups.restore(args.source)
    print(
        f"復元しました / restored from {result.path} (schema {result.schema_revision}, "
        f"{result.attachments} attachments)"
    )
    return EXIT_OK
