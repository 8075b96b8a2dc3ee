"""`itaku-cli KIND add [--FIELD VALUE …]` and `itaku-cli KIND show ID [--json]` for every record kind the
window has (issue 14), so that an IT department can script what the window does.

One generator: `add_schema_options` makes one option per schema field (`--start-date`, `--pi-items 氏名,住所`,
`--basis opt_out`), `schema_values` reads them back (dates as the ledger import reads them: 2026/4/1,
令和8年4月1日, full-width digits) and `cmd_add` writes through the kind's service, which enforces the roles.
Bad input exits 2 naming the field and its option, and writes nothing. The kinds are KIND_COMMANDS, keyed by
RecordType; a kind whose `add` is its own module's is in ADD_ELSEWHERE (the consent's parties are resolved
from the chain) and a kind with a schema but no commands in WITHOUT_ADD_SHOW, each with why.
tests/test_cli_add_show.py holds them to SCHEMAS. The evaluation's scores are `--all-items N` (every
checklist item of the route) and `--score CODE=N` (repeatable, overriding one item).

`show ID` prints every field by its label in the chosen language (--lang), each value as the window shows
it (the audit log's formatter: enum labels, yes/no, dates, the names of linked records), then the approval
state where the kind has one and the record's open findings with their due date and basis. `--json` prints
one object: `id`, every field's raw value, `version`, `approval`, `findings`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from desktop.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    command_actions,
    date_option,
    open_services,
    print_json,
    record_id,
)
from desktop.domain.clauses import CLAUSES
from desktop.domain.enums import AuditAction, EvaluationRoute, Severity
from desktop.domain.errors import Message, NotFoundError, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.rules import CLOSABLE_RULES, CORRECTABLE_RECORD_TYPES
from desktop.domain.schema import DATE, SCHEMAS, TEXT_LIST, Field, Schema, record_type_label

if TYPE_CHECKING:
    from desktop.services.facade import Services

DEST = "field_"  # argparse dest prefix: a field named `action` must not clash with the ACTION subcommand


def option_of(name: str, options: Mapping[str, str] | None = None) -> str:
    """A field's option: `start_date` is `--start-date` unless the kind names it otherwise."""
    return (options or {}).get(name) or "--" + name.replace("_", "-")


def field_help(schema_field: Field, extra: str = "", enum_choices: bool = True) -> str:
    return (
        f"{schema_field.ja} / {schema_field.en}"
        + (" (comma-separated)" if schema_field.kind == TEXT_LIST else "")
        + (
            f" ({', '.join(member.value for member in schema_field.enum)})"
            if schema_field.enum and enum_choices
            else ""
        )
        + extra
    )


def add_schema_options(
    parser: argparse.ArgumentParser,
    schema: Schema,
    *,
    options: Mapping[str, str] | None = None,
    skip: tuple[str, ...] = (),
    required: bool = True,
    extra_help: Mapping[str, str] | None = None,
    types: Mapping[str, Callable[[str], Any]] | None = None,
    enum_choices: bool = True,
    optional: tuple[str, ...] = (),
) -> None:
    """One option per field of `schema` (the one generator every `add` uses); `required=False` for an edit;
    `optional`: required fields that another option may stand for (the service still names a missing one)."""
    for schema_field in schema.fields:
        if schema_field.name in skip:
            continue
        kind_type = (types or {}).get(schema_field.name)
        parser.add_argument(
            option_of(schema_field.name, options),
            dest=DEST + schema_field.name,
            type=kind_type or str,
            required=required and schema_field.required and schema_field.name not in optional,
            metavar="ID" if kind_type is record_id else schema_field.kind.upper(),
            help=field_help(schema_field, (extra_help or {}).get(schema_field.name, ""), enum_choices),
        )


def schema_values(
    args: argparse.Namespace, schema: Schema, options: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The options given, dates read as the ledger import reads them (a bad one: exit 2 naming the option)."""
    data: dict[str, Any] = {}
    for schema_field in schema.fields:
        value = getattr(args, DEST + schema_field.name, None)
        if value is None:
            continue
        if schema_field.kind == DATE:
            value = date_option(value, option_of(schema_field.name, options))
        data[schema_field.name] = value
    return data


def naming_options(
    error: ValidationError, schema: Schema, options: Mapping[str, str] | None = None
) -> ValidationError:
    """The service's error with each field's option put before its message (`--fee: 手数料（円）: …`)."""
    fields: dict[str, Message] = {}
    for key, message in error.fields.items():
        if key in schema.names:
            option = option_of(key, options)
        elif key.startswith("score."):
            option = f"--score {key.removeprefix('score.')}"
        else:
            fields[key] = message
            continue
        if message.ja.startswith(option):
            fields[key] = message
        else:
            fields[key] = Message(f"{option}: {message.ja}", f"{option}: {message.en}")
    return ValidationError(fields)


# --- The kinds --------------------------------------------------------------------------------------------

Writer = Callable[["Services", dict[str, Any], argparse.Namespace], Any]
Reader = Callable[["Services", int], Any]
Announcer = Callable[["Services", Any, argparse.Namespace], None]


@dataclass(frozen=True)
class KindCommand:
    """How `itaku-cli KIND add` and `KIND show` reach one kind of record."""

    path: tuple[str, ...]  # the command words: ("joint-use",), ("engagement", "consent")
    read: Reader  # the service call that loads one record (NotFoundError if there is none)
    write: (
        Writer | None
    )  # the service call that writes a new one; None: `add` is its module's (see ADD_ELSEWHERE)
    help: str = ""
    options: Mapping[str, str] = field(default_factory=dict)  # field → option, where not --field-name
    extra_help: Mapping[str, str] = field(default_factory=dict)
    extras: tuple[str, ...] = ()  # attributes shown beside the schema's fields (derived ones)
    approvable: bool = False  # awaits an officer's approval (`approve KIND`)
    announce: Announcer | None = None  # what `add` prints (text and JSON), where not the common output
    more_options: Callable[[argparse.ArgumentParser], None] | None = None  # `add`'s options beyond the schema
    optional: tuple[str, ...] = ()  # required fields another of `more_options` may stand for


def _create(service: str) -> Writer:
    return lambda services, data, args: getattr(services, service).create(data)


def _get(service: str) -> Reader:
    return lambda services, record_id_: getattr(services, service).get(record_id_)


def _evaluation_scores(services: Services, data: dict[str, Any], args: argparse.Namespace) -> dict[str, int]:
    """`--all-items N` scores every item of the route N; `--score CODE=N` (repeatable) scores one item."""
    route = data.get("route") or EvaluationRoute.FULL.value
    items = services.evaluations.items_for(route) if route in {r.value for r in EvaluationRoute} else ()
    scores: dict[str, int] = {}
    if args.all_items is not None:
        value = _score_number(args.all_items, "--all-items")
        scores = {item.code: value for item in items}
    for given in args.score or []:
        code, equals, number = given.partition("=")
        if not equals or not code.strip():
            raise ValidationError(
                {
                    "score": Message(
                        f"--score: CODE=N の形で指定してください: {given!r}",
                        f"--score: use CODE=N: {given!r}",
                    )
                }
            )
        scores[code.strip()] = _score_number(number, f"--score {code.strip()}")
    if not scores:
        raise ValidationError(
            {
                "score": Message(
                    "--all-items N または --score CODE=N で評価項目を採点してください",
                    "score the checklist items with --all-items N or --score CODE=N",
                )
            }
        )
    return scores


def _score_number(text: str, option: str) -> int:
    try:
        return int(text.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    except ValueError:
        raise ValidationError(
            {option.lstrip("-"): Message(f"{option}: 整数で指定してください", f"{option}: a whole number")}
        ) from None


def _write_evaluation(services: Services, data: dict[str, Any], args: argparse.Namespace) -> Any:
    return services.evaluations.create(data, _evaluation_scores(services, data, args))


def _write_contract(services: Services, data: dict[str, Any], args: argparse.Namespace) -> Any:
    return services.contracts.create(data, args.attachment)


def _authority_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--consent-authorisation",
        action="append",
        nargs=3,
        metavar=("PARTY", "DATE", "DOCUMENT"),
        help="a written authorisation of the original business for PARTY (client or intermediate:NAME) to "
        "consent, dated DATE, by DOCUMENT (repeatable: one per authorised party)",
    )
    # The options of the one authority an engagement held before it could hold several (kept: add, never
    # rename); together they stand for one authorisation.
    parser.add_argument(
        "--consent-authority", metavar="PARTY", help="同意の権限を与えられた者 / Authorised to consent (one)"
    )
    parser.add_argument("--consent-authority-on", metavar="DATE", help="同意の権限の付与日 / Authorised on")
    parser.add_argument(
        "--consent-authority-document", metavar="TEXT", help="同意の権限を定めた書面 / Written authorisation"
    )


def _create_engagement(services: Services, data: dict[str, Any], args: argparse.Namespace) -> Any:
    """`--consent-authorisation PARTY DATE DOCUMENT` (repeatable) and the earlier single
    `--consent-authority/-on/-document` each add an entry to `consent_authorities` (after any given as JSON
    with `--consent-authorities`)."""
    entries: list[Any] = []
    for party, day, document in args.consent_authorisation or []:
        entries.append(
            {"party": party, "granted_on": date_option(day, "--consent-authorisation"), "document": document}
        )
    single = (args.consent_authority, args.consent_authority_on, args.consent_authority_document)
    if any(single):
        party, day, document = single
        entries.append(
            {
                "party": party,
                "granted_on": date_option(day, "--consent-authority-on") if day else None,
                "document": document,
            }
        )
    given = data.get("consent_authorities")
    if entries:
        try:
            earlier = json.loads(given) if isinstance(given, str) else []
        except ValueError:
            earlier = given  # not JSON: the schema names the field and says what it expects
        data = {**data, "consent_authorities": [*earlier, *entries] if isinstance(earlier, list) else earlier}
    return services.engagements.create(data)


def _announce_contractor(services: Services, record: Any, args: argparse.Namespace) -> None:
    if args.json:
        print_json(record_json(record, SCHEMAS[RecordType.CONTRACTOR]))
    else:
        print(f"登録しました / registered: #{record.id} {record.name}")


def _score_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--all-items", metavar="N", help="score every checklist item of the route N (0 to its maximum)"
    )
    parser.add_argument(
        "--score",
        action="append",
        metavar="CODE=N",
        help="score one checklist item (repeatable; after --all-items, overrides it)",
    )


def _attachment_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--attachment", type=Path, metavar="FILE", help="attach the signed contract")


def _contractor_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--contractor-id",
        type=record_id,
        metavar="ID",
        help="the contractor the action is on (= --record-type contractor --record-id ID; the earlier form)",
    )


def _create_corrective_action(services: Services, data: dict[str, Any], args: argparse.Namespace) -> Any:
    """`--contractor-id N`, as the command was first written, stands for `--record-type contractor --record-id N`."""
    if args.contractor_id is not None:
        data = {"record_type": RecordType.CONTRACTOR.value, "record_id": args.contractor_id, **data}
    return services.corrective_actions.create(data)


def _announce_corrective_action(services: Services, record: Any, args: argparse.Namespace) -> None:
    from desktop.cli.records import row_json

    rows = services.corrective_actions.list(record_type=record.record_type, record_id=record.record_id)
    row = next(r for r in rows if r.id == record.id)
    if args.json:
        print_json(row_json(row))
    else:
        print(f"記録しました / recorded: #{row.id} {row.record_label} {row.rule} ({row.taken_on})")


KIND_COMMANDS: dict[RecordType, KindCommand] = {
    RecordType.CONTRACTOR: KindCommand(
        ("contractor",),
        _get("contractors"),
        _create("contractors"),
        "register a contractor",
        announce=_announce_contractor,
        extras=("imported_on",),
    ),
    RecordType.EVALUATION: KindCommand(
        ("evaluation",),
        _get("evaluations"),
        _write_evaluation,
        "record an evaluation (委託先評価), scored with --all-items N and/or --score CODE=N; it awaits approval",
        extras=("result", "total_score", "max_score", "certificate_number", "certificate_expiry"),
        approvable=True,
        more_options=_score_options,
    ),
    RecordType.CONTRACT: KindCommand(
        ("contract",),
        _get("contracts"),
        _write_contract,
        "record a contract or NDA (契約・NDA); it awaits approval",
        extra_help={"clauses": f" (codes: {', '.join(clause.code for clause in CLAUSES)})"},
        extras=("attachment_name",),
        approvable=True,
        more_options=_attachment_option,
    ),
    RecordType.ENGAGEMENT: KindCommand(
        ("engagement",),
        _get("engagements"),
        _create_engagement,
        "record an engagement (受託業務)",
        extra_help={
            "consent_authorities": ' (JSON: [{"party": "client", "granted_on": "2026-04-01", "document": "覚書"}]; '
            "or --consent-authorisation PARTY DATE DOCUMENT)"
        },
        more_options=_authority_options,
    ),
    RecordType.CONSENT_HOP: KindCommand(
        ("engagement", "consent"), lambda services, id_: services.engagements.consent_hop(id_), None
    ),
    RecordType.REDELEGATION: KindCommand(
        ("redelegation",),
        lambda services, id_: services.engagements.redelegation(id_),
        lambda services, data, args: services.engagements.add_redelegation(data),
        "record a part of an engagement re-delegated (再委託)",
    ),
    RecordType.JOINT_USE: KindCommand(
        ("joint-use",), _get("joint_uses"), _create("joint_uses"), "record a joint use (共同利用)"
    ),
    RecordType.JOINT_USE_CHANGE: KindCommand(
        ("joint-use", "change"), lambda services, id_: services.joint_uses.change(id_), None
    ),
    RecordType.OPT_OUT_CHANGE: KindCommand(
        ("opt-out", "change"),
        lambda services, id_: services.opt_outs.change(id_),
        lambda services, data, args: services.opt_outs.add_change(data),
        "record a change of an arrangement and when it was notified again (the same as `opt-out add-change`)",
    ),
    RecordType.OPT_OUT: KindCommand(
        ("opt-out",),
        _get("opt_outs"),
        _create("opt_outs"),
        "record an opt-out provision arrangement (オプトアウトによる第三者提供)",
    ),
    RecordType.STOP_REQUEST: KindCommand(
        ("stop-request",),
        _get("stop_requests"),
        _create("stop_requests"),
        "record a person's request to stop the provision (提供停止の求め)",
    ),
    RecordType.CORRECTIVE_ACTION: KindCommand(
        ("corrective-action",),
        _get("corrective_actions"),
        _create_corrective_action,
        "record a corrective action (是正処置); officer only, on a finding of a past lapse",
        extra_help={
            "rule": f" (one of: {', '.join(sorted(CLOSABLE_RULES))})",
            "record_type": f" (one of: {', '.join(str(kind) for kind in CORRECTABLE_RECORD_TYPES)})",
        },
        announce=_announce_corrective_action,
        more_options=_contractor_option,
        optional=("record_type", "record_id"),
    ),
    RecordType.PROVISION: KindCommand(
        ("provision",),
        _get("provisions"),
        _create("provisions"),
        "record a third-party provision record (第三者提供記録)",
    ),
    RecordType.RECEIPT: KindCommand(
        ("receipt",),
        _get("receipts"),
        _create("receipts"),
        "record a receipt confirmation record (確認記録)",
    ),
    RecordType.REQUEST: KindCommand(
        ("request",),
        _get("requests"),
        _create("requests"),
        "record a data-subject request (本人からの請求: 開示・訂正・削除・利用停止・第三者提供の停止)",
    ),
    RecordType.INCIDENT: KindCommand(
        ("incident",),
        _get("incidents"),
        _create("incidents"),
        "record an incident (漏えい等の事案) and the reports sent",
    ),
}

# Kinds whose `add` is not the generated one, and where it is.
ADD_ELSEWHERE: dict[RecordType, str] = {
    RecordType.CONSENT_HOP: "`engagement consent add` (desktop/cli/consents.py): its giver and link are parties "
    "of the engagement's chain, resolved from a key, a role or a name",
    RecordType.JOINT_USE_CHANGE: "`joint-use change add|edit` (desktop/cli/joint_uses.py): the joint use is "
    "`--joint-use ID`, and edit takes the same generated options",
}
# Kinds with a schema but no `add`/`show` of their own, and why.
WITHOUT_ADD_SHOW: dict[RecordType, str] = {
    RecordType.COMPANY_PROFILE: "one record, our own company: the settings dialog's company profile (自社情報) in the window",
}


def _actions(subparsers: Any, path: tuple[str, ...]) -> Any:
    """The ACTION subparsers at the end of the command words (`engagement consent` → consent's actions)."""
    label = record_type_label(path[0].replace("-", "_"))
    actions = command_actions(subparsers, path[0], f"{label.ja} / {label.en}")
    for word in path[1:]:
        actions = actions.choices[word].command_actions
    return actions


def register(subparsers: Any) -> None:
    for record_type, kind in KIND_COMMANDS.items():
        schema = SCHEMAS[record_type]
        actions = _actions(subparsers, kind.path)
        if kind.write is not None:
            add = actions.add_parser("add", help=kind.help)
            add_schema_options(
                add, schema, options=kind.options, extra_help=kind.extra_help, optional=kind.optional
            )
            if kind.more_options is not None:
                kind.more_options(add)
            add.add_argument("--json", action="store_true", help="print the new record as JSON")
            add.set_defaults(handler=cmd_add, record_type=record_type)
        show = actions.add_parser(
            "show", help=f"one {schema.en.lower()} ({schema.ja}): its fields, approval and open findings"
        )
        show.add_argument("id", type=record_id, metavar="ID")
        show.add_argument("--json", action="store_true", help="print one JSON object")
        show.set_defaults(handler=cmd_show, record_type=record_type)


def cmd_add(args: argparse.Namespace) -> int:
    record_type: RecordType = args.record_type
    kind = KIND_COMMANDS[record_type]
    schema = SCHEMAS[record_type]
    assert kind.write is not None
    data = schema_values(args, schema, kind.options)
    services = open_services(args)
    try:
        record = kind.write(services, data, args)
    except ValidationError as error:
        raise naming_options(error, schema, kind.options) from None
    if kind.announce is not None:
        kind.announce(services, record, args)
    elif args.json:
        print_json(record_json(record, schema))
    else:
        print(f"登録しました / recorded: {schema.ja} #{record.id}")
    return EXIT_OK


def record_json(record: Any, schema: Schema, extras: tuple[str, ...] = ()) -> dict[str, Any]:
    """`id`, every field's raw value (as the audit trail stores it), the derived extras, `version`."""
    from desktop.services.audit import json_value

    return {
        "id": record.id,
        **{name: json_value(getattr(record, name)) for name in (*schema.names, *extras)},
        "version": record.version,
    }


# --- show -------------------------------------------------------------------------------------------------

APPROVAL = Message("承認", "Approval")
APPROVED = Message("承認済み", "approved")
PENDING = Message("承認待ち", "awaiting approval")
SUPERSEDED = Message("新しい版に置き換え済み", "superseded by a newer version")
SCORES = Message("評価項目の採点", "Checklist scores")
FINDINGS = Message("未解決の指摘事項", "Open findings")
DUE = Message("期限", "due")
BASIS = Message("根拠", "basis")
NONE = Message("なし", "none")


def not_found(record_type: RecordType, record_id_: int) -> Message:
    label = record_type_label(record_type)
    return Message(
        f"{label.ja} #{record_id_} は見つかりません（not found）", f"{label.en} #{record_id_} not found"
    )


def _approval(record: Any) -> dict[str, Any]:
    state = "approved" if record.approved_on else ("superseded" if record.is_superseded else "pending")
    return {
        "state": state,
        "approver": record.approver,
        "approved_on": record.approved_on.isoformat() if record.approved_on else None,
    }


def _approval_text(approval: dict[str, Any], language: str) -> str:
    if approval["state"] == "approved":
        return f"{APPROVED.text(language)}（{approval['approver'] or '-'}、{approval['approved_on']}）"
    return (SUPERSEDED if approval["state"] == "superseded" else PENDING).text(language)


def cmd_show(args: argparse.Namespace) -> int:
    record_type: RecordType = args.record_type
    kind = KIND_COMMANDS[record_type]
    schema = SCHEMAS[record_type]
    language = args.lang
    services = open_services(args)
    try:
        record = kind.read(services, args.id)
    except NotFoundError:
        print(not_found(record_type, args.id).text(language), file=sys.stderr)
        return EXIT_INPUT
    raw = record_json(record, schema, kind.extras)
    approval = _approval(record) if kind.approvable else None
    findings = services.checks.record_findings(record_type, record.id)
    scores = (
        {item["code"]: item.get("score") for item in record.items if isinstance(item, dict)}
        if record_type is RecordType.EVALUATION
        else None
    )
    if args.json:
        print_json(
            {
                **raw,
                **({"scores": scores} if scores is not None else {}),
                **({"approval": approval} if approval is not None else {}),
                "findings": [finding.to_json() for finding in findings],
            }
        )
        return EXIT_OK
    event: Any = SimpleNamespace(  # shown as the audit log shows a record's creation
        record_type=record_type.value,
        action=AuditAction.CREATE.value,
        # as [before, after]: the trail's formatter reads a bare list as that pair
        changes={name: [None, value] for name, value in raw.items() if name not in ("id", "version")},
    )
    [lines] = services.audit.describe_changes([event])
    label = record_type_label(record_type)
    print(f"{label.text(language)} #{record.id}")
    for line in lines:
        print(f"  {line.text(language)}")
    if scores is not None:
        print(f"{SCORES.text(language)}:")
        for item in record.items:
            name = item.get("ja") if language == "ja" else item.get("en")
            print(f"  {item.get('code')} {name}: {item.get('score')} / {item.get('max_score')}")
    if approval is not None:
        print(f"{APPROVAL.text(language)}: {_approval_text(approval, language)}")
    print(f"{FINDINGS.text(language)}: {len(findings) if findings else NONE.text(language)}")
    for finding in findings:
        mark = "■" if finding.severity is Severity.BLOCKING else "□"
        due = f"{DUE.text(language)} {finding.due.isoformat()}" if finding.due else f"{DUE.text(language)} -"
        print(
            f"  {mark} {finding.severity.label.text(language)}  {due}  "
            f"{BASIS.text(language)} {finding.basis.text(language)}  {finding.message.text(language)}"
        )
    return EXIT_OK
