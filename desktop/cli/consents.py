"""`engagement consent add | edit | list`: the consents of an engagement's chain (policy §7), each naming who
gave it and the link it covers as parties of the chain.

A PARTY is a key of the chain (`original`, `client`, `us`, `intermediate:NAME`, `redelegation:ID`), a role
(当社, 委託元, 当初の取得事業者) or a party's name; `engagement consent list` prints the parties and links.
`--from-party` / `--to-party` name the giver and the entrusted party as text, as consents were recorded
before they had parties. Bad input exits 2 naming the option; nothing is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.common import (
    EXIT_OK,
    add_clear_option,
    cleared,
    command_actions,
    date_option,
    open_services,
    print_json,
    record_id,
)
from desktop.cli.kinds import naming_options
from desktop.cli.table import format_table
from desktop.domain.consent_chain import Chain, consent_of, redelegation_of
from desktop.domain.enums import ConsentForm
from desktop.domain.errors import Message, ValidationError
from desktop.domain.schema import CONSENT_HOP

if TYPE_CHECKING:
    from desktop.services.facade import Services

CONSENT_OPTIONS = {"engagement_id": "--engagement", "redelegation_id": "--link-to"}
PARTY_OPTIONS = (("--given-by", "given_by"), ("--link-from", "link_from"), ("--link-to", "link_to"))


def register(subparsers: Any) -> None:
    actions = command_actions(subparsers, "engagement", "受託業務 / Engagement")
    consent = actions.add_parser("consent", help="the consents of an engagement's chain (再委託の同意)")
    consent_actions = consent.add_subparsers(dest="consent_action", metavar="ACTION", required=True)
    consent.command_actions = consent_actions  # `engagement consent show`: desktop.cli.kinds

    add = consent_actions.add_parser("add", help="record a consent: who gave it, for which link, when")
    add.add_argument("--engagement", type=record_id, required=True, metavar="ID", help="the engagement's id")
    _consent_options(add, required_date=True)
    add.set_defaults(handler=cmd_consent_add)

    edit = consent_actions.add_parser("edit", help="correct or complete a consent (e.g. its giver and link)")
    edit.add_argument("--id", type=record_id, required=True, metavar="ID", help="the consent's id")
    _consent_options(edit, required_date=False)
    add_clear_option(edit, CLEARABLE)
    edit.set_defaults(handler=cmd_consent_edit)

    listing = consent_actions.add_parser("list", help="the chain's parties, its links and their consents")
    listing.add_argument(
        "--engagement", type=record_id, required=True, metavar="ID", help="the engagement's id"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_consent_list)


# What `consent edit --clear FIELD` may empty: a consent always names its giver and its link (the service
# resolves them among the chain's parties), so only its reference is optional.
CLEARABLE = ("reference",)


def _consent_options(parser: argparse.ArgumentParser, *, required_date: bool) -> None:
    parser.add_argument("--given-by", metavar="PARTY", help="who gave the consent (同意した者)")
    parser.add_argument("--link-from", metavar="PARTY", help="the link's entrusting party (委託する者)")
    parser.add_argument("--link-to", metavar="PARTY", help="the link's entrusted party (委託を受ける者)")
    parser.add_argument("--from-party", metavar="NAME", help="the giver by name, as text (同意した者の名称)")
    parser.add_argument("--to-party", metavar="NAME", help="the entrusted party by name, as text")
    parser.add_argument(
        "--consented-on", required=required_date, metavar="DATE", help="the date of the consent (同意取得日)"
    )
    parser.add_argument(
        "--form",
        required=required_date,
        metavar="FORM",
        help=", ".join(f"{member.value} ({member.label.ja})" for member in ConsentForm),
    )
    parser.add_argument("--reference", metavar="TEXT", help="document number or other reference")
    parser.add_argument(
        "--evidence", type=Path, metavar="FILE", help="attach the signed consent (PDF, image)"
    )
    parser.add_argument("--json", action="store_true", help="print the consent as JSON")


def _resolve(chain: Chain, option: str, value: str) -> str:
    """A PARTY option as the key of the one party it names; exit 2 naming the option otherwise."""
    found = chain.matching(value)
    if len(found) == 1:
        return found[0].key
    choices = ", ".join(f"{party.key} ({party.name})" for party in chain.parties)
    why = (
        Message("複数の当事者に当てはまります", "names more than one party")
        if found
        else Message("この受託業務の連鎖の当事者ではありません", "is not a party of this engagement's chain")
    )
    raise ValidationError(
        {option: Message(f"「{value}」は{why.ja}（{choices}）", f"'{value}' {why.en} ({choices})")}
    )


def _values(args: argparse.Namespace, chain: Chain) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for option, name in PARTY_OPTIONS:
        given = getattr(args, name)
        if given is not None:
            values[name] = _resolve(chain, option, given)
    for name in ("from_party", "to_party", "reference", "form"):
        if getattr(args, name) is not None:
            values[name] = getattr(args, name)
    if args.consented_on is not None:
        values["consented_on"] = date_option(args.consented_on, "--consented-on")
    if "link_to" in values:
        values["redelegation_id"] = redelegation_of(values["link_to"])
    return values


def _consent_json(record: Any) -> dict[str, Any]:
    return {
        "id": record.id,
        "engagement_id": record.engagement_id,
        "redelegation_id": record.redelegation_id,
        "given_by": record.given_by,
        "link_from": record.link_from,
        "link_to": record.link_to,
        "from_party": record.from_party,
        "to_party": record.to_party,
        "consented_on": record.consented_on.isoformat(),
        "form": record.form,
        "reference": record.reference,
        "version": record.version,
    }


def _printed(args: argparse.Namespace, record: Any, verb: Message) -> int:
    if args.json:
        print_json(_consent_json(record))
    else:
        print(
            f"{verb.text(args.lang)}: #{record.id} {record.given_by} ({record.from_party}) "
            f"{record.link_from} → {record.link_to} {record.consented_on.isoformat()}"
        )
    return EXIT_OK


def cmd_consent_add(args: argparse.Namespace) -> int:
    services = open_services(args)
    chain = services.engagements.chain(args.engagement)
    values = _values(args, chain)
    try:
        record = services.engagements.add_consent_hop(
            {**values, "engagement_id": args.engagement}, args.evidence
        )
    except ValidationError as error:  # each field named with its option, as every `add` does
        raise naming_options(error, CONSENT_HOP, CONSENT_OPTIONS) from None
    return _printed(args, record, Message("記録しました", "recorded"))


def cmd_consent_edit(args: argparse.Namespace) -> int:
    services = open_services(args)
    current = services.engagements.consent_hop(args.id)
    chain = services.engagements.chain(current.engagement_id)
    values = _values(args, chain)
    values.update(cleared(args, CLEARABLE, values))
    if not values and args.evidence is None:
        raise ValidationError({"id": Message("変更する項目を指定してください", "name something to change")})
    try:
        record = services.engagements.update_consent_hop(args.id, values, current.version, args.evidence)
    except ValidationError as error:
        raise naming_options(error, CONSENT_HOP, CONSENT_OPTIONS) from None
    return _printed(args, record, Message("更新しました", "updated"))


def cmd_consent_list(args: argparse.Namespace) -> int:
    services = open_services(args)
    engagement = services.engagements.get(args.engagement)
    chain = services.engagements.chain(args.engagement)
    consents = [consent_of(hop) for hop in engagement.consent_hops]
    verdicts = chain.verdicts(consents)
    incomplete = {c.id for c in chain.incomplete(consents)}
    language = args.lang
    if args.json:
        print_json(
            {
                "parties": [{"key": p.key, "name": p.name, "role": p.role.value} for p in chain.parties],
                "links": [
                    {
                        "from": v.link.source.key,
                        "to": v.link.target.key,
                        "start": v.link.start.isoformat() if v.link.start else None,
                        "state": v.state.value,
                        "consent_id": v.consent.id if v.consent else None,
                        "whose": chain.consenters_for(v.link).text(language),
                    }
                    for v in verdicts
                ],
                "consents": [
                    {**_consent_json(hop), "incomplete": hop.id in incomplete}
                    for hop in engagement.consent_hops
                ],
            }
        )
        return EXIT_OK
    _print_summary(services, chain, verdicts, engagement, incomplete, language)
    return EXIT_OK


def _print_summary(
    services: Services,
    chain: Chain,
    verdicts: list[Any],
    engagement: Any,
    incomplete: set[int],
    language: str,
) -> None:
    del services
    ja = language == "ja"
    print("当事者 / Parties:" if ja else "Parties:")
    for line in format_table(
        ["key", "名称" if ja else "name", "立場" if ja else "role"],
        [[p.key, p.name, p.role.label.text(language)] for p in chain.parties],
    ):
        print("  " + line)
    print("同意が必要な委託 / Links needing consent:" if ja else "Links needing consent:")
    rows = [
        [
            f"{v.link.source.key} → {v.link.target.key}",
            v.link.start.isoformat() if v.link.start else "-",
            v.state.value,
            f"#{v.consent.id}" if v.consent else "-",
            chain.consenters_for(v.link).text(language),
        ]
        for v in verdicts
    ]
    headings = (
        ["委託", "開始日", "状態", "同意", "必要な同意"]
        if ja
        else ["link", "start", "state", "consent", "whose"]
    )
    for line in format_table(headings, rows):
        print("  " + line)
    print("記録された同意 / Consents:" if ja else "Consents:")
    hop_rows = [
        [
            f"#{hop.id}",
            hop.given_by or ("（要補完）" if ja else "(to complete)"),
            f"{hop.link_from} → {hop.link_to}" if hop.link_from and hop.link_to else f"→ {hop.to_party}",
            hop.consented_on.isoformat(),
            ("要補完" if ja else "to complete") if hop.id in incomplete else "",
        ]
        for hop in engagement.consent_hops
    ]
    headings = (
        ["ID", "同意した者", "委託", "同意取得日", ""] if ja else ["id", "given by", "link", "date", ""]
    )
    for line in format_table(headings, hop_rows):
        print("  " + line)
