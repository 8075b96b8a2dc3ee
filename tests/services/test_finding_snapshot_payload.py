"""The findings snapshot's payload (format 3): what is stored is read back exactly, the summary alone gives the
partial model of a first paint (figures and first rows), and anything damaged is refused (then the findings are computed again)."""

from __future__ import annotations

import json
import random
import struct
import sys
import zlib
from datetime import date, timedelta

import pytest

from desktop.domain.enums import Severity
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType, RuleId
from desktop.domain.rules import Deadline, Finding
from desktop.services.compliance.model import (
    PREVIEW_ROWS,
    ComplianceModel,
    FindingCounts,
    FindingTable,
    RecordIndex,
    worst_first,
)
from desktop.services.compliance.snapshot import decode, decode_partial, encode

RULES = (
    RuleId.CONTRACTOR_DISPOSAL_UNCONFIRMED,
    RuleId.EVALUATION_OVERDUE,
    RuleId.CONTRACT_EXPIRING,
    RuleId.ENGAGEMENT_CONSENT_MISSING,
    RuleId.REDELEGATION_CONSENT_MISSING,
    RuleId.JOINT_USE_NOTICE_LATE,
)


def made_up_state(count: int, seed: int = 7) -> ComplianceModel:
    generator = random.Random(seed)
    messages = [Message(f"指摘{n}", f"finding {n}") for n in range(12)]
    findings = []
    for _ in range(count):
        rule = generator.choice(RULES)
        record_type = RecordType(rule.topic)
        due = (
            date(2026, 11, 25) + timedelta(days=generator.randint(-400, 400))
            if generator.random() < 0.7
            else None
        )
        findings.append(
            Finding(
                rule,
                generator.choice(list(Severity)),
                record_type,
                generator.randint(1, 400),
                f"株式会社{generator.randint(1, 300):03d}",
                generator.choice(messages),
                due,
            )
        )
    deadlines = [
        Deadline(
            date(2026, 12, n),
            "evaluation_due",
            RecordType.EVALUATION,
            n,
            f"評価{n}",
            Message(f"期限{n}", f"due {n}"),
        )
        for n in range(1, 20)
    ]
    return ComplianceModel(
        FindingTable.from_findings(findings), deadlines, 90, {n: n + 1000 for n in range(1, 401)}
    )


def test_a_payload_reads_back_as_the_state_it_was_made_of() -> None:
    state = made_up_state(1500)
    read = decode(encode(state))
    assert read is not None
    assert read.findings == state.findings and read.deadlines == state.deadlines
    assert read.horizon_days == 90 and read.redelegation_engagements == state.redelegation_engagements
    # The orders come stored, equal to what computing them gives.
    assert list(read.worst_first_positions) == list(state.worst_first_positions)
    assert list(read.worst_first) == worst_first(state.findings)
    assert isinstance(state.table, FindingTable)
    computed = RecordIndex.of_table(state.table, state.redelegation_engagements)
    assert (read.index.positions, read.index.keys, read.index.type_codes) == (
        computed.positions,
        computed.keys,
        computed.type_codes,
    )
    assert read.counts == FindingCounts.of(state.table)


def test_the_summary_alone_gives_the_figures_and_the_first_rows_worst_first() -> None:
    state = made_up_state(PREVIEW_ROWS * 3)
    preview = decode_partial(encode(state))
    assert preview is not None and not preview.complete
    assert isinstance(state.table, FindingTable)
    summary = FindingCounts.of(state.table)
    assert preview.counts == summary and summary.count == PREVIEW_ROWS * 3
    assert summary.blocking_count == sum(1 for f in state.findings if f.severity is Severity.BLOCKING)
    assert list(preview.worst_first) == worst_first(state.findings)[:PREVIEW_ROWS]
    assert preview.deadlines == state.deadlines and preview.horizon_days == 90
    assert preview.redelegation_engagements == state.redelegation_engagements


def test_an_empty_state_round_trips() -> None:
    state = ComplianceModel(FindingTable.from_findings([]), [], 30)
    read, preview = decode(encode(state)), decode_partial(encode(state))
    assert read is not None and read.findings == [] and read.horizon_days == 30
    assert preview is not None and preview.counts.count == 0 and list(preview.worst_first) == []


def test_a_damaged_payload_is_refused_not_misread() -> None:
    payload = encode(made_up_state(300))
    damaged = [
        b"",
        b"ITKS",
        payload[:-1],
        payload[: len(payload) // 2],
        payload[:20],
        b"XXXX" + payload[4:],  # not a snapshot
        payload[:4] + bytes([1]) + payload[5:],  # the format-1 layout is never decoded as this one
        payload[:-40] + bytes(40),  # the body's tail zeroed: zlib's checksum fails
        payload[:5] + struct.pack("<I", 10**9) + payload[9:],  # a summary length past the end
    ]
    for bad in damaged:
        assert decode(bad) is None
    # The summary has its own zlib checksum: damage to it, to the magic or to the format is refused; the
    # summary of a payload whose body alone is damaged still reads (the full load then recomputes).
    for bad in (damaged[0], damaged[1], damaged[4], damaged[5], damaged[6], damaged[8]):
        assert decode_partial(bad) is None
    summary_end = 9 + struct.unpack_from("<I", payload, 5)[0]
    flipped = bytearray(payload)
    flipped[summary_end - 3] ^= 0xFF
    assert decode_partial(bytes(flipped)) is None and decode(bytes(flipped)) is None


@pytest.mark.parametrize("name", ["worst_first", "record_positions"])
@pytest.mark.parametrize("value", [50, -1])
def test_stored_positions_outside_the_table_are_refused(name: str, value: int) -> None:
    payload = encode(made_up_state(50))
    summary_end = 9 + struct.unpack_from("<I", payload, 5)[0]
    body = bytearray(zlib.decompress(payload[summary_end:]))
    (length,) = struct.unpack_from("<I", body, 0)
    offset = 4 + length
    for array_name, _typecode, size in json.loads(bytes(body[4 : 4 + length]))["arrays"]:
        if array_name == name:
            struct.pack_into("<i" if sys.byteorder == "little" else ">i", body, offset + 3 * 4, value)
        offset += size
    assert decode(payload[:summary_end] + zlib.compress(bytes(body))) is None
    assert decode(payload) is not None


def test_the_body_is_compressed_and_the_summary_is_small() -> None:
    payload = encode(made_up_state(5000))
    (summary_length,) = struct.unpack_from("<I", payload, 5)
    assert summary_length < 64 * 1024
    body = zlib.decompress(payload[9 + summary_length :])
    assert len(payload) < len(body)
