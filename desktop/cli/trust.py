"""user, evaluation/contract approve, audit verify, backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, open_services, print_json, read_secret
from desktop.domain.errors import Message, ValidationError
from desktop.domain.roles import Permission, Role


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

    for record_type in ("evaluation", "contract"):
        parser = subparsers.add_parser(record_type, help=f"{record_type}s: approve (officer only)")
        record_actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        approve = record_actions.add_parser("approve", help=f"approve the {record_type}: from then on it counts")
        approve.add_argument("--id", type=int, required=True)
        approve.set_defaults(handler=cmd_approve, record_type=record_type)

    audit = subparsers.add_parser("audit", help="the audit trail")
    audit_actions = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = audit_actions.add_parser("verify", help="walk the hash chain; exit 1 and name the first broken event")
    verify.set_defaults(handler=cmd_audit_verify)

    backup = subparsers.add_parser("backup", help="write a consistent backup (database and attachments) to OUT")
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
        raise ValidationError({"password": Message("ITAKU_NEW_PASSWORD を設定するか、端末から実行してください",
                                                   "set ITAKU_NEW_PASSWORD or run from a terminal")})
    account = services.accounts.add(args.name, args.role, password, args.display_name)
    print(f"アカウント「{account.username}」（{Role(account.role).label.ja}）を作成しました / "
          f"account '{account.username}' ({account.role}) created")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    rows = open_services(args).accounts.list()
    if args.json:
        print_json([{"id": r.id, "username": r.username, "role": r.role, "is_active": r.is_active} for r in rows])
    else:
        for row in rows:
            print(f"{row.username:<20} {row.role:<8} {'' if row.is_active else '(無効 / inactive)'}")
    return EXIT_OK


def cmd_approve(args: argparse.Namespace) -> int:
    services = open_services(args)
    service = services.evaluations if args.record_type == "evaluation" else services.contracts
    record = service.get(args.id)
    approved = service.approve(args.id, record.version)
    print(f"承認しました / approved: {args.record_type} #{approved.id} ({approved.approver}, {approved.approved_on})")
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    report = open_services(args).audit.verify_chain()
    print(report.message.text(args.lang))
    return EXIT_OK if report.is_intact else 1


def cmd_backup(args: argparse.Namespace) -> int:
    result = open_services(args).backups.backup(args.out)
    print(f"バックアップしました / backed up: {result.path} ({result.size:,} bytes, schema {result.schema_revision}, "
          f"{result.attachments} attachments)")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    services = open_services(args)
    result = services.backups.restore(args.source)
    print(f"復元しました / restored from {result.path} (schema {result.schema_revision}, "
          f"{result.attachments} attachments)")
    return EXIT_OK

