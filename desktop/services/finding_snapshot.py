"""The findings snapshot: what the compliance rules found, kept in the database (table `finding_snapshot`) so
that the next start-up, CLI call or report finds it ready instead of loading 100,000 contractors again.

No SQLAlchemy here: the window's first paint reads a snapshot's summary through `desktop.services.preview`
(stdlib sqlite3) before the storage layer is imported. `desktop.services.checks` decides when a snapshot is
current (its key: rules version, as-of date and the audit chain's head) and stores it.

Payload, format 2:  b"ITKS" · u8 format · u32 length of the summary · zlib(summary JSON) · zlib(body)
- summary: what the dashboard shows first: the counts per page, the deadlines (with their horizon), the
  re-delegations' engagements and the first `PREVIEW_ROWS` findings in dashboard order. Decoding it never
  touches the body; a full decode takes these from it too.
- body: u32 header length · header JSON (strings, type codes, …) · the arrays named in the header, raw, in
  this machine's byte order (part of the rules version): the findings' columns and the two orders the window
  needs (dashboard order; grouped by record), so a start-up never sorts 250,000 findings.
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
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, overload

from desktop import __version__
from desktop.domain.enums import Severity
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType, RuleId
from desktop.domain.rules import Deadline, Finding

# Which register page a finding belongs to, by its rule prefix.
PAGE_OF_RULE = {
    "evaluation": "evaluations",
    "contract": "contracts",
    "contractor": "contractors",
    "engagement": "engagements",
    "redelegation": "engagements",
    "joint_use": "joint_uses",
}

# The enum members by their stored text: a dict look-up, ten times faster than calling the enum.
_RULE_IDS = {rule.value: rule for rule in RuleId}
_RECORD_TYPES = {record_type.value: record_type for record_type in RecordType}


def page_of(rule: str) -> str:
    """The navigation page a rule's findings are counted on (by the rule's prefix, e.g. "evaluation.")."""
    return PAGE_OF_RULE[rule.split(".")[0]]


SNAPSHOT_FORMAT = (
    2  # the payload layout below; part of the rules version, so an older layout is never decoded
)
PREVIEW_ROWS = 200  # findings in dashboard order kept in the summary: more than a screen of the dashboard
MAGIC = b"ITKS"
_ID_MASK = 0xFFFFFFFF
# The modules whose code decides the findings: a snapshot made by other code is never taken for current.
RULES_MODULES = (
    "desktop.domain.rules",
    "desktop.domain.facts",
    "desktop.domain.clauses",
    "desktop.domain.enums",
    "desktop.services.settings",
    "desktop.services.checks",
    "desktop.services.finding_snapshot",
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


class FindingTable(Sequence[Finding]):
    """Findings as columns of numbers (texts are indices into `strings`): read from a snapshot, a Finding
    is built only for the rows someone looks at; the window counts and groups on the columns.

    Columns: rule, severity, record_type, record_label, message_ja, message_en (indices into `strings`),
    record_id, due (date ordinal, 0 for none). Built from a list, the list is kept as it is.
    """

    def __init__(
        self, strings: list[str], columns: dict[str, array[int]], findings: list[Finding] | None = None
    ):
        self.strings = strings
        self.columns = columns
        self.rule, self.severity = columns["rule"], columns["severity"]
        self.record_type, self.record_id = columns["record_type"], columns["record_id"]
        self.record_label, self.due = columns["record_label"], columns["due"]
        self._count = len(self.rule)
        if any(len(column) != self._count for column in columns.values()):
            raise ValueError("columns of different lengths")
        self._built: list[Finding | None] = list(findings) if findings is not None else [None] * self._count
        self._complete = findings is not None
        self._messages: dict[tuple[int, int], Message] = {}

    @classmethod
    def from_findings(cls, findings: list[Finding]) -> FindingTable:
        strings: dict[str, int] = {level.value: position for position, level in enumerate(Severity)}
        code = strings.setdefault  # a new text gets the next index: code(text, len(strings))
        severity_code = {level: strings[level.value] for level in Severity}
        message_codes: dict[int, tuple[int, int]] = {}  # by id(): the rules share Message objects
        japanese, english = array("i"), array("i")
        for finding in findings:
            message = finding.message
            codes = message_codes.get(id(message))
            if codes is None:
                codes = message_codes[id(message)] = (
                    code(message.ja, len(strings)),
                    code(message.en, len(strings)),
                )
            japanese.append(codes[0])
            english.append(codes[1])
        columns = {
            "rule": array("i", [code(f.rule, len(strings)) for f in findings]),
            "severity": array("i", [severity_code[f.severity] for f in findings]),
            "record_type": array("i", [code(f.record_type, len(strings)) for f in findings]),
            "record_id": array("i", [f.record_id for f in findings]),
            "record_label": array("i", [code(f.record_label, len(strings)) for f in findings]),
            "message_ja": japanese,
            "message_en": english,
            "due": array("i", [f.due.toordinal() if f.due else 0 for f in findings]),
        }
        return cls(list(strings), columns, findings)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Finding: ...

    @overload
    def __getitem__(self, index: slice) -> list[Finding]: ...

    def __getitem__(self, index: int | slice) -> Finding | list[Finding]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(self._count))]
        finding = self._built[index]
        if finding is None:
            finding = self._built[index] = self._build(index % self._count)
        return finding

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.to_list())

    def to_list(self) -> list[Finding]:
        """Every finding (built once)."""
        if not self._complete:
            for position, finding in enumerate(self._built):
                if finding is None:
                    self._built[position] = self._build(position)
            self._complete = True
        return self._built  # type: ignore[return-value]

    def _build(self, position: int) -> Finding:
        strings, columns = self.strings, self.columns
        ja, en = columns["message_ja"][position], columns["message_en"][position]
        message = self._messages.get((ja, en))
        if message is None:
            message = self._messages[(ja, en)] = Message(strings[ja], strings[en])
        due = self.due[position]
        return Finding(
            _RULE_IDS[strings[self.rule[position]]],
            Severity(strings[self.severity[position]]),
            _RECORD_TYPES[strings[self.record_type[position]]],
            self.record_id[position],
            strings[self.record_label[position]],
            message,
            date.fromordinal(due) if due else None,
        )


def dashboard_order(findings: Sequence[Finding]) -> list[Finding]:
    """The dashboard's order: blocking first, then by date (oldest first, none last), then by name."""
    return sorted(
        findings,
        key=lambda f: (
            f.severity is not Severity.BLOCKING,
            f.due is None,
            f.due.toordinal() if f.due else 0,
            f.record_label,
        ),
    )


def dashboard_positions(table: FindingTable) -> array[int]:
    """The positions of the table's findings in `dashboard_order`, computed on its columns: the same key
    packed into one integer (the label by its rank among the labels), the same stable sort."""
    strings = table.strings
    labels = sorted(set(table.record_label), key=strings.__getitem__)
    rank = dict(zip(labels, range(len(labels)), strict=True))
    blocking = strings.index(Severity.BLOCKING.value) if Severity.BLOCKING.value in strings else -1
    keys = [
        (((severity != blocking) << 1 | (due == 0)) << 54) | (due << 32) | rank[label]
        for severity, due, label in zip(table.severity, table.due, table.record_label, strict=True)
    ]
    return array("i", sorted(range(len(keys)), key=keys.__getitem__))


@dataclass(frozen=True)
class RecordOrder:
    """The findings grouped by the record a register row shows: positions sorted by one integer key per
    finding (record type code << 32 | record id), looked up by bisection. A re-delegation's findings are
    filed under its engagement, whose row shows them."""

    positions: array[int]  # 'i': positions in the table, grouped by record, each record's in table order
    keys: array[int]  # 'q': the sorted keys, one per position
    type_codes: dict[str, int]

    @classmethod
    def of(cls, table: FindingTable, redelegation_engagements: dict[int, int]) -> RecordOrder:
        strings = table.strings
        type_codes = {strings[code]: code for code in set(table.record_type)}
        type_codes.setdefault("engagement", len(strings))
        redelegation, engagement = type_codes.get("redelegation", -1), type_codes["engagement"]
        keys = [
            (engagement << 32 | (redelegation_engagements.get(record_id, -1) & _ID_MASK))
            if record_type == redelegation
            else (record_type << 32 | (record_id & _ID_MASK))
            for record_type, record_id in zip(table.record_type, table.record_id, strict=True)
        ]
        order = sorted(range(len(keys)), key=keys.__getitem__)  # stable: a record's findings keep their order
        return cls(array("i", order), array("q", [keys[position] for position in order]), type_codes)

    def key(self, record_type: str, record_id: int) -> int | None:
        code = self.type_codes.get(record_type)
        return None if code is None else code << 32 | (record_id & _ID_MASK)


@dataclass(frozen=True)
class FindingSummary:
    """The figures: findings in all, per navigation page (the dashboard counts them all), blocking ones."""

    count: int
    by_page: dict[str, int]
    blocking_pages: frozenset[str]
    blocking_count: int

    @classmethod
    def of(cls, table: FindingTable) -> FindingSummary:
        strings = table.strings
        by_page: Counter[str] = Counter()
        blocking: set[str] = set()
        blocking_count = 0
        for (rule, severity), number in Counter(zip(table.rule, table.severity, strict=True)).items():
            page = page_of(strings[rule])
            by_page[page] += number
            if strings[severity] == Severity.BLOCKING.value:
                blocking.add(page)
                blocking_count += number
        by_page["dashboard"] = len(table)
        return cls(len(table), dict(by_page), frozenset(blocking), blocking_count)


@dataclass(frozen=True)
class ComplianceState:
    """Findings and the deadlines of the settings' horizon, with what the window needs to place them. The
    orders and the summary are computed on first use, or come ready from a stored snapshot."""

    table: FindingTable
    deadlines: list[Deadline]
    horizon_days: int
    redelegation_engagements: dict[int, int] = field(default_factory=dict)
    stored: tuple[array[int], RecordOrder, FindingSummary] | None = field(
        default=None, compare=False, repr=False
    )

    @property
    def findings(self) -> list[Finding]:
        return self.table.to_list()

    @cached_property
    def dashboard_positions(self) -> array[int]:
        return self.stored[0] if self.stored is not None else dashboard_positions(self.table)

    @cached_property
    def record_order(self) -> RecordOrder:
        return (
            self.stored[1]
            if self.stored is not None
            else RecordOrder.of(self.table, self.redelegation_engagements)
        )

    @cached_property
    def summary(self) -> FindingSummary:
        return self.stored[2] if self.stored is not None else FindingSummary.of(self.table)

    def first_findings(self, count: int = PREVIEW_ROWS) -> list[Finding]:
        return [self.table[position] for position in self.dashboard_positions[:count]]


@dataclass(frozen=True)
class CompliancePreview:
    """The summary part of a snapshot: enough for the dashboard's figures and its first screen of rows."""

    summary: FindingSummary
    deadlines: list[Deadline]
    horizon_days: int
    first_findings: list[Finding]  # the first PREVIEW_ROWS findings in dashboard order
    redelegation_engagements: dict[int, int]  # a re-delegation's findings open its engagement


# Encoding ---------------------------------------------------------------------------------------------------
_FINDING_COLUMNS = (
    "rule",
    "severity",
    "record_type",
    "record_id",
    "record_label",
    "message_ja",
    "message_en",
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
        finding.due.toordinal() if finding.due else 0,
    ]


def _finding(row: list[Any]) -> Finding:
    rule, severity, record_type, record_id, label, ja, en, due = row
    return Finding(
        _RULE_IDS[rule],
        Severity(severity),
        _RECORD_TYPES[record_type],
        int(record_id),
        label,
        Message(ja, en),
        date.fromordinal(due) if due else None,
    )


def encode(state: ComplianceState) -> bytes:
    table, summary, record_order = state.table, state.summary, state.record_order
    summary_document = {
        "count": summary.count,
        "by_page": summary.by_page,
        "blocking_pages": sorted(summary.blocking_pages),
        "blocking_count": summary.blocking_count,
        "horizon_days": state.horizon_days,
        "deadlines": _deadline_rows(state.deadlines),
        "first_findings": [_finding_row(finding) for finding in state.first_findings()],
        "redelegation_engagements": sorted(state.redelegation_engagements.items()),
    }
    arrays = {
        **{name: table.columns[name] for name in _FINDING_COLUMNS},
        "dashboard_positions": state.dashboard_positions,
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


def decode_preview(payload: bytes) -> CompliancePreview | None:
    """The summary of a payload (the body is not decompressed); None when it cannot be read."""
    try:
        document = json.loads(zlib.decompress(_parts(payload)[0]))
        summary = FindingSummary(
            int(document["count"]),
            {str(k): int(v) for k, v in document["by_page"].items()},
            frozenset(document["blocking_pages"]),
            int(document["blocking_count"]),
        )
        return CompliancePreview(
            summary,
            _deadlines(document["deadlines"]),
            int(document["horizon_days"]),
            [_finding(row) for row in document["first_findings"]],
            {int(key): int(value) for key, value in document["redelegation_engagements"]},
        )
    except _ERRORS:
        return None


def decode(payload: bytes) -> ComplianceState | None:
    """The state a payload holds; None when it cannot be read (then the findings are computed afresh)."""
    try:
        preview = decode_preview(payload)
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
        if count != header["count"] or count != preview.summary.count:
            return None
        for name in ("dashboard_positions", "record_positions", "record_keys"):
            if len(arrays[name]) != count:
                return None
        for name in ("dashboard_positions", "record_positions"):
            if count and not (0 <= min(arrays[name]) and max(arrays[name]) < count):
                return None
        levels = {level.value for level in Severity}
        if any(strings[code] not in levels for code in set(table.severity)):
            return None
        record_order = RecordOrder(
            arrays["record_positions"],
            arrays["record_keys"],
            {str(k): int(v) for k, v in header["type_codes"].items()},
        )
        return ComplianceState(
            table,
            preview.deadlines,
            preview.horizon_days,
            preview.redelegation_engagements,
            stored=(arrays["dashboard_positions"], record_order, preview.summary),
        )
    except _ERRORS:
        return None
