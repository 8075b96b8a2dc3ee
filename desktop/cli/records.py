"""KIND list for every kind of record the window has a page for: `evaluation list`, `contract list`,
`engagement list`, `joint-use list`, each with `--json` and the filters of its page (search words, the
page's status choice), so that the id for `report … --id` or `approve` can be found.

One entry per kind in RECORD_LISTS, keyed by RecordType (docs/adding-a-record-kind.md); the kinds listed by
another command or shown inside another kind's record are named in LISTED_ELSEWHERE, with where.
tests/test_cli_lists.py holds the two to the enum.
"""

from __future__ import annotations

import argparse
import dataclasses
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.cli.common import EXIT_OK, command_actions, open_services, print_json, record_id
from desktop.cli.table import format_table
from desktop.domain.enums import (
    ContractKind,
    EngagementStatus,
    EvaluationResult,
    LabelledEnum,
    ProvisionBasis,
)
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType
from desktop.domain.rules import ContractDuty
from desktop.domain.schema import SCHEMAS, record_type_label
from desktop.services.kinds import RECORD_SERVICES

if TYPE_CHECKING:
    from desktop.services.facade import Services

CONTRACTOR_NAME = Message("委託先", "Contractor")
RETENTION_END = Message("保存期間の終了日", "Kept until")
RESULT = Message("評価結果", "Result")
APPROVAL = Message("承認日", "Approved on")
AWAITING_APPROVAL = Message("承認待ち", "awaiting approval")
RESPONSIBLE = Message("責任者", "Responsible party")
JOINT_USE_CURRENT = "current"  # the joint-use page's status choices (desktop.ui.models.registers)
JOINT_USE_ENDED = "ended"
JOINT_USE_STATUS = {
    JOINT_USE_CURRENT: Message("実施中", "current"),
    JOINT_USE_ENDED: Message("終了", "ended"),
}


@dataclass(frozen=True)
class Column:
    """A column that is not a schema field: a row attribute with its heading (and the enum its values name)."""

    name: str
    heading: Message
    enum: type[LabelledEnum] | None = None


@dataclass(frozen=True)
class StatusFilter:
    """The page's status choice as an option: `--result`, `--kind`, `--status`."""

    option: str
    choices: dict[str, Message]  # value → label
    value_of: Callable[[Any, date], str]  # a row's value, given today (Asia/Tokyo)


@dataclass(frozen=True)
class RecordListing:
    """How `itaku-cli KIND list` lists one kind of record."""

    searched: tuple[
        str, ...
    ]  # the row attributes the search words are looked for in, as the page's search box
    columns: tuple[str | Column, ...]  # schema field names, or other row attributes
    status: StatusFilter | None = None
    by_contractor: bool = False  # --contractor ID
    approvable: bool = False  # --pending: awaiting an officer's approval (`approve KIND`)
    # the rows, where not the kind's service's `list(contractor_id=…)` (a kind another service writes)
    rows: Callable[[Services, int | None], list[Any]] | None = None


def _enum_filter(option: str, enum: type[LabelledEnum], attribute: str) -> StatusFilter:
    return StatusFilter(
        option, {member.value: member.label for member in enum}, lambda row, today: getattr(row, attribute)
    )


def _joint_use_status(row: Any, today: date) -> str:
    return JOINT_USE_ENDED if row.end_date is not None and row.end_date < today else JOINT_USE_CURRENT


def _opt_out_status(row: Any, today: date) -> str:
    return OPT_OUT_ENDED if row.end_date is not None and row.end_date < today else OPT_OUT_CURRENT


OPT_OUT_CURRENT = "current"  # the opt-out page's status choices (desktop.ui.models.opt_outs)
OPT_OUT_ENDED = "ended"
OPT_OUT_STATUS = {
    OPT_OUT_CURRENT: Message("提供中・予定", "current or planned"),
    OPT_OUT_ENDED: Message("終了", "ended"),
}

RECORD_LISTS: dict[RecordType, RecordListing] = {
    RecordType.EVALUATION: RecordListing(
        searched=("contractor_name", "evaluator"),
        columns=(
            Column("contractor_name", CONTRACTOR_NAME),
            "evaluated_on",
            Column("result", RESULT, EvaluationResult),
            Column("approved_on", APPROVAL),
            "next_due_on",
        ),
        status=_enum_filter("--result", EvaluationResult, "result"),
        by_contractor=True,
        approvable=True,
    ),
    RecordType.CONTRACT: RecordListing(
        searched=("contractor_name", "title", "reference_number"),
        columns=(
            Column("contractor_name", CONTRACTOR_NAME),
            "kind",
            "title",
            "effective_from",
            "expires_on",
            Column("approved_on", APPROVAL),
            Column("duty", Message("義務の担保（委託先）", "Duty carried by")),
        ),
        status=_enum_filter("--kind", ContractKind, "kind"),
        by_contractor=True,
        approvable=True,
    ),
    RecordType.ENGAGEMENT: RecordListing(
        searched=("client_name", "original_business_name", "work"),
        columns=("client_name", "work", "start_date", "end_date", "status"),
        status=_enum_filter("--status", EngagementStatus, "status"),
    ),
    RecordType.JOINT_USE: RecordListing(
        searched=("title", "responsible_name"),
        columns=("title", Column("responsible_name", RESPONSIBLE), "start_date", "end_date"),
        status=StatusFilter("--status", JOINT_USE_STATUS, _joint_use_status),
    ),
    RecordType.CORRECTIVE_ACTION: RecordListing(
        searched=("record_label", "record_type", "rule", "action", "taken_by"),
        columns=(
            "record_type",
            "record_id",
            Column("record_label", Message("対象の記録", "Record")),
            "taken_on",
            "rule",
            "taken_by",
            "action",
        ),
        by_contractor=True,
    ),
    RecordType.OPT_OUT: RecordListing(
        searched=("title",),
        columns=(
            "title",
            "start_date",
            "end_date",
            "ppc_notified_on",
            "made_known_on",
            Column("stop_request_count", Message("停止の求め", "Stop requests")),
        ),
        status=StatusFilter("--status", OPT_OUT_STATUS, _opt_out_status),
    ),
    RecordType.STOP_REQUEST: RecordListing(
        searched=("person", "person_reference", "opt_out_title"),
        columns=(
            Column("opt_out_title", Message("オプトアウトによる第三者提供", "Opt-out provision")),
            "person",
            "person_reference",
            "received_on",
            "identity_check",
            "effective_on",
        ),
    ),
    # Third-party provision and receipt records (issue 15)
    RecordType.PROVISION: RecordListing(
        searched=("recipient_name", "persons", "contractor_name"),
        columns=(
            "provided_on",
            "period_from",
            "period_to",
            "recipient_name",
            Column("basis", Message("提供の根拠", "Legal basis"), ProvisionBasis),
            Column("retention_end", RETENTION_END),
        ),
        status=_enum_filter("--basis", ProvisionBasis, "basis"),
        by_contractor=True,
    ),
    RecordType.RECEIPT: RecordListing(
        searched=("provider_name", "persons"),
        columns=(
            "received_on",
            "period_from",
            "period_to",
            "provider_name",
            "confirmed_on",
            Column("retention_end", RETENTION_END),
        ),
    ),
}

# Data-subject requests and incidents (issue 15): their status is the row's, computed by the service.
RECORD_LISTS.update(
    {
        RecordType.REQUEST: RecordListing(
            searched=("requester",),
            columns=(
                "request_type",
                "requester",
                "received_on",
                Column("due_on", Message("回答期限", "Due on")),
                "decision",
                "replied_on",
            ),
            status=StatusFilter(
                "--status",
                {
                    "open": Message("回答待ち", "awaiting reply"),
                    "overdue": Message("回答期限超過", "reply overdue"),
                    "replied": Message("回答済み", "replied"),
                },
                lambda row, today: row.status,
            ),
        ),
        RecordType.INCIDENT: RecordListing(
            searched=("title", "contractor_name"),
            columns=(
                "title",
                "discovered_on",
                Column("contractor_name", CONTRACTOR_NAME),
                "person_count",
                Column("categories", Message("報告対象の事態", "Reportable categories")),
                Column("next_due_on", Message("次の報告期限", "Next report due")),
            ),
            status=StatusFilter(
                "--status",
                {
                    "open": Message("報告・通知が未了", "reports owed"),
                    "closed": Message("報告・通知済み", "all reported"),
                },
                lambda row, today: row.status,
            ),
            by_contractor=True,
        ),
    }
)

# A part of an engagement re-delegated (issue 14: every kind has add, show and list).
RECORD_LISTS[RecordType.REDELEGATION] = RecordListing(
    searched=("client_name", "contractor_name", "work"),
    columns=(
        Column("client_name", Message("委託元", "Client")),
        Column("contractor_name", Message("再委託先", "Contractor")),
        "start_date",
        "end_date",
        "work",
    ),
    by_contractor=True,
    rows=lambda services, contractor_id: services.engagements.redelegations(contractor_id),
)

# The kinds without an entry above, and why.
LISTED_ELSEWHERE: dict[RecordType, str] = {
    RecordType.CONTRACTOR: "`contractor list` (desktop/cli/core.py): searched in SQL, for 100,000 contractors",
    RecordType.ACCOUNT: "`user list` (desktop/cli/trust.py)",
    RecordType.COMPANY_PROFILE: "one record, our own company: nothing to list",
    RecordType.CONSENT_HOP: "a link of an engagement's consent chain: shown with its engagement",
    RecordType.JOINT_USE_CHANGE: "a change of a joint use: `joint-use change list --joint-use ID` (desktop/cli/joint_uses.py)",
    RecordType.OPT_OUT_CHANGE: "a change of an opt-out arrangement: added by `opt-out add-change`, "
    "shown with its arrangement (the register, the form's change history)",
    RecordType.SETTING: "settings are not records one follows up",
    RecordType.DATABASE: "the database as a whole (a restore's audit event)",
}


def command_name(record_type: RecordType) -> str:
    """`joint_use` is `itaku-cli joint-use`."""
    return record_type.value.replace("_", "-")


def register(subparsers: Any) -> None:
    for record_type, listing in RECORD_LISTS.items():
        label = record_type_label(record_type)
        actions = command_actions(subparsers, command_name(record_type), f"{label.ja} / {label.en}")
        parser = actions.add_parser("list", help=f"list {label.en} records ({label.ja}の一覧)")
        parser.add_argument("--search", metavar="TEXT", help="only those whose row holds every word of TEXT")
        if listing.status is not None:
            parser.add_argument(
                listing.status.option,
                dest="status",
                choices=list(listing.status.choices),
                help=", ".join(f"{value} ({choice.ja})" for value, choice in listing.status.choices.items()),
            )
        if listing.by_contractor:
            parser.add_argument("--contractor", type=record_id, metavar="ID", help="only this contractor's")
        if listing.approvable:
            parser.add_argument("--pending", action="store_true", help="only those awaiting approval")
        parser.add_argument("--json", action="store_true", help="print a JSON list")
        parser.set_defaults(handler=cmd_list, record_type=record_type)


def normalize_search(value: str) -> str:
    """As the window's search box compares: NFKC, lower case, no spaces around."""
    return unicodedata.normalize("NFKC", value).strip().lower()


def listed_rows(services: Services, record_type: RecordType, args: argparse.Namespace) -> list[Any]:
    listing = RECORD_LISTS[record_type]
    service = getattr(services, RECORD_SERVICES[record_type])
    if listing.rows is not None:
        rows = listing.rows(services, args.contractor if listing.by_contractor else None)
    elif listing.by_contractor and args.contractor is not None:
        rows = service.list(contractor_id=args.contractor)
    else:
        rows = service.list()
    rows.sort(key=lambda row: row.id)
    status = getattr(args, "status", None)
    if listing.status is not None and status is not None:
        today = services.context.today()
        value_of = listing.status.value_of
        rows = [row for row in rows if value_of(row, today) == status]
    if listing.approvable and args.pending:
        pending = set(service.pending_ids())
        rows = [row for row in rows if row.id in pending]
    words = normalize_search(args.search or "").split()
    if words:

        def haystack(row: Any) -> str:
            return normalize_search(" ".join(str(getattr(row, name) or "") for name in listing.searched))

        rows = [row for row in rows if all(word in haystack(row) for word in words)]
    return rows


def _cell(row: Any, column: Column, language: str) -> str:
    value = getattr(row, column.name)
    if column.name == "approved_on" and value is None:
        return AWAITING_APPROVAL.text(language)
    if value is None:
        return "-"
    if column.enum is not None:
        try:
            return column.enum(value).label.text(language)
        except ValueError:
            return str(value)
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, ContractDuty):
        return value.message.text(language)
    return str(value)


def row_json(row: Any) -> dict[str, Any]:
    return {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in dataclasses.asdict(row).items()
    }


def cmd_list(args: argparse.Namespace) -> int:
    record_type: RecordType = args.record_type
    listing = RECORD_LISTS[record_type]
    services = open_services(args)
    rows = listed_rows(services, record_type, args)
    if args.json:
        print_json([row_json(row) for row in rows])
        return EXIT_OK
    language = args.lang
    schema = SCHEMAS[record_type]
    columns = [Column("id", Message("ID", "ID"))] + [
        column
        if isinstance(column, Column)
        else Column(column, schema.field(column).label, schema.field(column).enum)
        for column in listing.columns
    ]
    if rows:
        headings = [column.heading.text(language) for column in columns]
        cells = [[_cell(row, column, language) for column in columns] for row in rows]
        for line in format_table(headings, cells):
            print(line)
    label = record_type_label(record_type)
    print(f"{label.ja} {len(rows):,} 件" if language == "ja" else f"{label.en}: {len(rows):,}")
    return EXIT_OK
