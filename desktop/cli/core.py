"""init, demo, check, contractor list (`contractor add` and `show` are desktop.cli.kinds')."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from desktop.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    as_of_date,
    open_services,
    print_json,
    read_secret,
)
from desktop.cli.table import format_table
from desktop.domain.enums import Severity
from desktop.domain.errors import Message
from desktop.domain.schema import record_type_label

if TYPE_CHECKING:
    from collections.abc import Sequence

    from desktop.domain.rules import Finding


def register(subparsers: Any) -> None:
    init = subparsers.add_parser(
        "init",
        help="create or upgrade the schema; on a new database create the officer "
        "account (password from $ITAKU_PASSWORD or a prompt)",
    )
    init.add_argument(
        "--officer", default="officer", help="user name of the officer account (default officer)"
    )
    init.set_defaults(handler=cmd_init)

    demo = subparsers.add_parser("demo", help="load fictional demo data into an empty database")
    demo.add_argument("--size", type=int, default=40, help="number of contractors (default 40)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.set_defaults(handler=cmd_demo)

    check = subparsers.add_parser("check", help="print findings; exit 1 if any is blocking")
    check.add_argument("--as-of", metavar="DATE", help="check as of this date (default today, Asia/Tokyo)")
    check.add_argument("--json", action="store_true", help="print a JSON list")
    check.set_defaults(handler=cmd_check)

    contractor = subparsers.add_parser("contractor", help="contractors (委託先)")
    actions = contractor.add_subparsers(dest="action", metavar="ACTION", required=True)
    contractor.command_actions = actions  # `contractor add` and `show`: desktop.cli.kinds
    listing = actions.add_parser("list", help="list contractors")
    listing.add_argument("--search", help="filter by name, kana, corporate number or work")
    listing.add_argument("--status", choices=[s for s in ("candidate", "active", "suspended", "ended")])
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.set_defaults(handler=cmd_contractor_list)


def cmd_init(args: argparse.Namespace) -> int:
    services = open_services(args, sign_in=False)
    print(
        f"schema at revision {services.schema_revision()}: {services.database.engine.url.render_as_string()}"
    )
    if not services.database.is_sqlite:
        _print_database_roles(services.accounts.enforce_database_roles())
    if services.accounts.has_accounts():
        return EXIT_OK
    password = read_secret("ITAKU_PASSWORD", f"{args.officer} のパスワード / password: ", confirm=True)
    if password is None:
        print(
            "注意: 責任者アカウントは作成していません（ITAKU_PASSWORD を設定するか端末から実行してください）。\n"
            "Note: no officer account created: set ITAKU_PASSWORD or run from a terminal.",
            file=sys.stderr,
        )
        return EXIT_OK
    account = services.accounts.create_first_officer(args.officer, password)
    print(
        f"責任者アカウント「{account.username}」を作成しました / officer account '{account.username}' created"
    )
    return EXIT_OK


def _print_database_roles(setup: Any) -> None:
    """What `init` set up on PostgreSQL, and what pg_hba.conf must say for it to hold."""
    groups = ", ".join(f"{role} → {group}" for role, group in setup.groups.items())
    members = ",".join(f"+{group}" for group in setup.groups.values())
    print(
        f"データベースの役割を設定しました / database roles in force: {groups}\n"
        f"pg_hba.conf に次の行を追加してください（パスワード認証 scram-sha-256） / add to pg_hba.conf "
        f"(password authentication, scram-sha-256):\n"
        f"    hostssl  {setup.database}  {members}  samenet  scram-sha-256\n"
        f"    (local の接続には / for local connections: local  {setup.database}  {members}  scram-sha-256)"
    )
    if setup.without_password:
        names = ", ".join(setup.without_password)
        print(
            f"次のアカウントのログインロールをパスワードなしで作成しました。責任者が設定してください"
            f"（itaku-cli user passwd NAME）: {names}\n"
            f"Login roles created without a password for these existing accounts; an officer gives each one "
            f"(itaku-cli user passwd NAME): {names}"
        )
    if setup.trust_rules > 0:
        print(
            f"警告: pg_hba.conf に trust の行が {setup.trust_rules} 件あります。trust で接続できる人には役割の制限が効きません。\n"
            f"Warning: pg_hba.conf has {setup.trust_rules} trust rule(s): whoever connects through them is not held "
            "to the roles (a development machine's default).",
            file=sys.stderr,
        )


def cmd_demo(args: argparse.Namespace) -> int:
    services = open_services(args)
    # The accounts staff and auditor (and, on a new database, officer) come with the data, in its transaction.
    summary = services.demo.load(
        size=args.size, seed=args.seed, demo_password=os.environ.get("ITAKU_PASSWORD")
    )
    for name in summary.accounts:
        if name != "officer":
            print(f"アカウント「{name}」を作成しました / account '{name}' created")
    print(
        f"委託先 {summary.contractors} / 評価 {summary.evaluations} / 契約 {summary.contracts} / "
        f"受託業務 {summary.engagements} / 同意 {summary.consent_hops} / 再委託 {summary.redelegations} / "
        f"共同利用 {summary.joint_uses} / 変更 {summary.joint_use_changes} / "
        f"オプトアウト {summary.opt_outs} / 変更 {summary.opt_out_changes} / 停止の求め {summary.stop_requests} / "
        f"第三者提供記録 {summary.provisions} / 確認記録 {summary.receipts} / "
        f"本人請求 {summary.requests} / 事故 {summary.incidents}"
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    as_of = as_of_date(args.as_of)
    services = open_services(args)
    with services.as_it_stood(as_of) as stood:  # as of a past day: the records as they stood then
        findings = stood.checks.findings(as_of)
    if args.json:
        print_json([finding.to_json() for finding in findings])
    else:
        print_findings(findings, args.lang)
    return EXIT_FINDINGS if any(f.severity is Severity.BLOCKING for f in findings) else EXIT_OK


FINDING_HEADINGS = (
    Message("重大度", "Severity"),
    Message("種類", "Kind"),
    Message("ID", "ID"),
    Message("対象", "Record"),
    Message("発生日", "Since"),
    Message("期限", "Due"),
    Message("根拠", "Basis"),  # the article, guideline or policy clause the rule rests on
    Message("指摘事項", "Finding"),  # last: a long one runs on
)


def print_findings(findings: Sequence[Finding], language: str) -> None:
    """A table with headings (blocking ones marked ■), then the count, in the chosen language."""
    if findings:
        rows = [
            [
                f"{'■' if finding.severity is Severity.BLOCKING else '□'} {finding.severity.label.text(language)}",
                record_type_label(finding.record_type).text(language),
                str(finding.record_id),
                finding.record_label,
                finding.since.isoformat() if finding.since else "-",
                finding.due.isoformat() if finding.due else "-",
                finding.basis.text(language),
                finding.message.text(language),
            ]
            for finding in findings
        ]
        for line in format_table([heading.text(language) for heading in FINDING_HEADINGS], rows):
            print(line)
    blocking = sum(1 for f in findings if f.severity is Severity.BLOCKING)
    if language == "ja":
        print(f"指摘事項 {len(findings):,} 件（重大 {blocking:,} 件）")
    else:
        print(f"{len(findings):,} findings, {blocking:,} blocking")


def cmd_contractor_list(args: argparse.Namespace) -> int:
    services = open_services(args)
    rows = services.contractors.search(args.search, args.status, order_by="id")
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "name": r.name,
                    "kana": r.kana,
                    "corporate_number": r.corporate_number,
                    "status": r.status,
                    "entrusted_work": r.entrusted_work,
                    "country": r.country,
                    "start_date": r.start_date.isoformat() if r.start_date else None,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            print(f"{r.id:>6}  {r.corporate_number or '-':<13}  {r.status:<9}  {r.name}")
        print(f"{len(rows)} 件 / contractors")
    return EXIT_OK
