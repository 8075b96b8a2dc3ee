"""The findings snapshot: a compliance model kept in the database (table `finding_snapshot`) so that the next
start-up of the window finds it ready instead of loading 100,000 contractors again. It is a cache for the
window only: `check`, exports and reports compute the findings from the records.

No SQLAlchemy here: the window's first paint reads a snapshot's summary (`preview.py`, stdlib sqlite3) before
the storage layer is imported. `CheckService` decides when a snapshot is current (its key: rules version,
as-of date and the audit chain's head) and stores it through `desktop.store.finding_snapshots`.

Payload, format 4:  b"ITKS" · u8 format · u32 length of the summary · zlib(summary JSON) · zlib(body)
- summary: what a first paint shows: the counts per topic, the deadlines (with their horizon), the
  re-delegations' engagements and the first `PREVIEW_ROWS` findings worst first. Decoding it never touches
  the body; a full decode takes these from it too.
- body: u32 header length · header JSON (strings, type codes, …) · the arrays named in the header, raw, in
  this machine's byte order (part of the rules version): the findings' columns and the two orders the model
  needs (worst first; grouped by record), so a start-up never sorts 250,000 findings.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import struct
import sys
import zlib
from array import array
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.domain.enums import Severity
from desktop.domain.errors import Message
from desktop.domain.rules import Deadline, Finding
from desktop.services.compliance.model import (
    RECORD_TYPES,
    RULE_IDS,
    ComplianceModel,
    FindingCounts,
    FindingTable,
    RecordIndex,
)

SNAPSHOT_FORMAT = 4  # the payload layout above; part of the rules version: an older layout is never decoded
MAGIC = b"ITKS"
# The modules whose code decides the findings: a snapshot made by other code is never taken for current.
RULES_MODULES = (
    "desktop.domain.rules",
    "desktop.domain.facts",
    "desktop.domain.consent_chain",  # who may consent for a link (policy §7)
    "desktop.domain.clauses",
    "desktop.domain.enums",
    "desktop.domain.kinds",
    "desktop.domain.joint_use_items",
    "desktop.services.settings",
    "desktop.services.compliance.model",
    "desktop.services.compliance.service",
    "desktop.services.compliance.snapshot",
    "desktop.store.compliance_facts",
)


@functools.cache
def rules_version() -> str:
    """The app version and a digest of the code the findings depend on (an upgrade or a developer's edit
    makes a new version). The sources are read, not imported: the preview must not import SQLAlchemy."""
    digest = hashlib.sha256(f"{__version__}/{SNAPSHOT_FORMAT}/{sys.byteorder}/{array('i').itemsize}".encode())
    for name in RULES_MODULES:
        try:
            spec = importlib.util.find_spec(name)
            origin = spec.origin if spec is not None else None
            digest.update(Path(str(origin)).read_bytes() if origin else name.encode())
        except (
            OSError,
            ImportError,
            ValueError,
        ):  # a frozen build without sources: its version names its rules
            digest.update(name.encode())
    return f"{__version__}+{digest.hexdigest()[:32]}"


# Encoding ---------------------------------------------------------------------------------------------------
_FINDING_COLUMNS = (
    "rule",
    "severity",
    "record_type",
    "record_id",
    "record_label",
    "message_ja",
    "message_en",
    "since",
    "due",
)


def _deadline_rows(deadlines: Sequence[Deadline]) -> list[list[Any]]:
    return [
        [d.due.isoformat(), d.kind, d.record_type, d.record_id, d.record_label, d.message.ja, d.message.en]
        for d in deadlines
    ]


def _deadlines(rows: list[list[Any]]) -> list[Deadline]:
    return [
        Deadline(date.fromisoformat(due), kind, record_type, int(record_id), label, Message(ja, en))
        for due, kind, record_type, record_id, label, ja, en in rows
    ]


def _finding_row(finding: Finding) -> list[Any]:
    return [
        finding.rule,
        finding.severity.value,
        finding.record_type,
        finding.record_id,
        finding.record_label,
        finding.message.ja,
        finding.message.en,
        finding.since.toordinal() if finding.since else 0,
        finding.due.toordinal() if finding.due else 0,
    ]


def _finding(row: list[Any]) -> Finding:
    rule, severity, record_type, record_id, label, ja, en, since, due = row
    return Finding(
        RULE_IDS[rule],
        Severity(severity),
        RECORD_TYPES[record_type],
        int(record_id),
        label,
        Message(ja, en),
        date.fromordinal(since) if since else None,
        date.fromordinal(due) if due else None,
    )


def encode(state: ComplianceModel) -> bytes:
    assert state.complete
    table, summary = state.columns, state.counts
    record_order = state.index
    if not isinstance(record_order.keys, array) or len(record_order.keys) != len(table):
        record_order = RecordIndex.of_table(table, state.redelegation_engagements)
    summary_document = {
        "count": summary.count,
        "by_topic": summary.by_topic,
        "blocking_topics": sorted(summary.blocking_topics),
        "blocking_count": summary.blocking_count,
        "horizon_days": state.horizon_days,
        "deadlines": _deadline_rows(state.deadlines),
        "first_findings": [_finding_row(finding) for finding in state.first_findings()],
        "redelegation_engagements": sorted(state.redelegation_engagements.items()),
    }
    arrays = {
        **{name: table.columns[name] for name in _FINDING_COLUMNS},
        "worst_first": array("i", state.worst_first_positions),
        "record_positions": record_order.positions,
        "record_keys": record_order.keys,
    }
    header = json.dumps(
        {  # the deadlines, horizon and re-delegation map are in the summary only
            "count": len(table),
            "strings": table.strings,
            "type_codes": record_order.type_codes,
            "arrays": [
                [name, values.typecode, len(values) * values.itemsize] for name, values in arrays.items()
            ],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    body = b"".join(
        [struct.pack("<I", len(header)), header, *(values.tobytes() for values in arrays.values())]
    )
    compact_summary = zlib.compress(
        json.dumps(summary_document, ensure_ascii=False, separators=(",", ":")).encode(), 6
    )
    return b"".join(
        [
            MAGIC,
            bytes([SNAPSHOT_FORMAT]),
            struct.pack("<I", len(compact_summary)),
            compact_summary,
            zlib.compress(body, 1),
        ]
    )


def _parts(payload: bytes) -> tuple[bytes, bytes]:
    if payload[:4] != MAGIC or payload[4:5] != bytes([SNAPSHOT_FORMAT]):
        raise ValueError("not a findings snapshot of this format")
    (length,) = struct.unpack_from("<I", payload, 5)
    start = 9
    if start + length > len(payload):
        raise ValueError("truncated snapshot")
    return payload[start : start + length], payload[start + length :]


_ERRORS = (ValueError, KeyError, TypeError, IndexError, struct.error, zlib.error)


def decode_partial(payload: bytes) -> ComplianceModel | None:
    """The partial model of a payload's summary (the body is not decompressed); None when it cannot be read."""
    try:
        document = json.loads(zlib.decompress(_parts(payload)[0]))
        summary = FindingCounts(
            int(document["count"]),
            {str(k): int(v) for k, v in document["by_topic"].items()},
            frozenset(document["blocking_topics"]),
            int(document["blocking_count"]),
        )
        return ComplianceModel.partial(
            summary,
            _deadlines(document["deadlines"]),
            int(document["horizon_days"]),
            [_finding(row) for row in document["first_findings"]],
            {int(key): int(value) for key, value in document["redelegation_engagements"]},
        )
    except _ERRORS:
        return None


def decode(payload: bytes) -> ComplianceModel | None:
    """The model a payload holds; None when it cannot be read (then the findings are computed afresh)."""
    try:
        preview = decode_partial(payload)
        if preview is None:
            return None
        body = memoryview(zlib.decompress(_parts(payload)[1]))
        (length,) = struct.unpack_from("<I", body, 0)
        header = json.loads(bytes(body[4 : 4 + length]))
        offset = 4 + length
        arrays: dict[str, array[int]] = {}
        for name, typecode, size in header["arrays"]:
            values = arrays[name] = array(typecode)
            values.frombytes(body[offset : offset + size])
            offset += size
        if offset != len(body):
            return None
        strings = header["strings"]
        table = FindingTable(strings, {name: arrays[name] for name in _FINDING_COLUMNS})
        count = len(table)
        if count != header["count"] or count != preview.counts.count:
            return None
        for name in ("worst_first", "record_positions", "record_keys"):
            if len(arrays[name]) != count:
                return None
        for name in ("worst_first", "record_positions"):
            if count and not (0 <= min(arrays[name]) and max(arrays[name]) < count):
                return None
        levels = {level.value for level in Severity}
        if any(strings[code] not in levels for code in set(table.severity)):
            return None
        record_order = RecordIndex(
            table,
            arrays["record_positions"],
            arrays["record_keys"],
            {str(k): int(v) for k, v in header["type_codes"].items()},
        )
        return ComplianceModel(
            table,
            preview.deadlines,
            preview.horizon_days,
            preview.redelegation_engagements,
            worst_first=arrays["worst_first"],
            index=record_order,
            counts=preview.counts,
        )
    except _ERRORS:
        return None
