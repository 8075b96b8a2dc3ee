"""The compliance read model: what the rules found, in the one shape every front end reads.

`ComplianceModel` holds the finding list (in the rules' order, as `itaku-cli check` prints it), the same
findings worst first, an index by record, the counts by topic (a rule's topic is `RuleId.topic`) and the
deadlines of the settings' horizon. Where a topic shows in the window (which page) is the window's business.

It is built from the rules' findings, or read back from the findings snapshot (`snapshot.py`): then the
findings stay columns of numbers and a `Finding` is built only for a row someone looks at, and the orders
and counts come ready made, so a start-up over 250,000 findings sorts nothing. No SQLAlchemy here: the
window's first paint builds a partial model (`complete` False) from a snapshot's summary before the storage
layer is imported.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import overload

from desktop.domain.enums import Severity
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType, RuleId
from desktop.domain.rules import Deadline, Finding

_ID_MASK = 0xFFFFFFFF
# The enum members by their stored text: a dict look-up, ten times faster than calling the enum.
RULE_IDS = {rule.value: rule for rule in RuleId}
RECORD_TYPES = {record_type.value: record_type for record_type in RecordType}


def topic_of(rule: str) -> str:
    """The topic a rule's findings are counted under: the part of its id before the dot."""
    return rule.split(".", 1)[0]


class FindingTable(Sequence[Finding]):
    """Findings as columns of numbers (texts are indices into `strings`): read from a snapshot, a Finding
    is built only for the rows someone looks at; the window counts and groups on the columns.

    Columns: rule, severity, record_type, record_label, message_ja, message_en (indices into `strings`),
    record_id, since and due (date ordinals, 0 for none). Built from a list, the list is kept as it is.
    """

    def __init__(
        self, strings: list[str], columns: dict[str, array[int]], findings: list[Finding] | None = None
    ):
        self.strings = strings
        self.columns = columns
        self.rule, self.severity = columns["rule"], columns["severity"]
        self.record_type, self.record_id = columns["record_type"], columns["record_id"]
        self.record_label, self.since, self.due = columns["record_label"], columns["since"], columns["due"]
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
            "since": array("i", [f.since.toordinal() if f.since else 0 for f in findings]),
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
        since, due = self.since[position], self.due[position]
        return Finding(
            RULE_IDS[strings[self.rule[position]]],
            Severity(strings[self.severity[position]]),
            RECORD_TYPES[strings[self.record_type[position]]],
            self.record_id[position],
            strings[self.record_label[position]],
            message,
            date.fromordinal(since) if since else None,
            date.fromordinal(due) if due else None,
        )


def worst_first(findings: Sequence[Finding]) -> list[Finding]:
    """Blocking first, then by the date they began (oldest first, none last), then by name."""
    return sorted(
        findings,
        key=lambda f: (
            f.severity is not Severity.BLOCKING,
            f.since is None,
            f.since.toordinal() if f.since else 0,
            f.record_label,
        ),
    )


def worst_first_positions(table: FindingTable) -> array[int]:
    """The positions of the table's findings in `worst_first` order, computed on its columns: the same key
    packed into one integer (the label by its rank among the labels), the same stable sort."""
    strings = table.strings
    labels = sorted(set(table.record_label), key=strings.__getitem__)
    rank = dict(zip(labels, range(len(labels)), strict=True))
    blocking = strings.index(Severity.BLOCKING.value) if Severity.BLOCKING.value in strings else -1
    keys = [
        (((severity != blocking) << 1 | (since == 0)) << 54) | (since << 32) | rank[label]
        for severity, since, label in zip(table.severity, table.since, table.record_label, strict=True)
    ]
    return array("i", sorted(range(len(keys)), key=keys.__getitem__))


class OrderedFindings(Sequence[Finding]):
    """The table's findings in a given order, each built when it is first asked for."""

    def __init__(self, table: Sequence[Finding], positions: Sequence[int]):
        self.table = table
        self.positions = positions

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, index: int) -> Finding: ...

    @overload
    def __getitem__(self, index: slice) -> list[Finding]: ...

    def __getitem__(self, index: int | slice) -> Finding | list[Finding]:
        if isinstance(index, slice):
            return [self.table[position] for position in self.positions[index]]
        return self.table[self.positions[index]]


class RecordIndex:
    """The findings by the record they are filed under, a re-delegation's under its engagement (whose row
    shows them): positions sorted by one integer key per finding (record type code << 32 | record id), looked
    up by bisection, so 250,000 findings need no list per record."""

    def __init__(
        self,
        table: Sequence[Finding],
        positions: array[int],
        keys: array[int],
        type_codes: dict[str, int],
    ):
        self.table = table
        self.positions = positions  # 'i': positions in the table, grouped by record, each record's in order
        self.keys = keys  # 'q': the sorted keys, one per position
        self.type_codes = type_codes

    @classmethod
    def empty(cls) -> RecordIndex:
        return cls([], array("i"), array("q"), {})

    @classmethod
    def of_table(cls, table: FindingTable, redelegation_engagements: dict[int, int]) -> RecordIndex:
        strings = table.strings
        type_codes = {strings[code]: code for code in set(table.record_type)}
        type_codes.setdefault(RecordType.ENGAGEMENT.value, len(strings))
        redelegation = type_codes.get(RecordType.REDELEGATION.value, -1)
        engagement = type_codes[RecordType.ENGAGEMENT.value]
        keys = [
            (engagement << 32 | (redelegation_engagements.get(record_id, -1) & _ID_MASK))
            if record_type == redelegation
            else (record_type << 32 | (record_id & _ID_MASK))
            for record_type, record_id in zip(table.record_type, table.record_id, strict=True)
        ]
        order = sorted(range(len(keys)), key=keys.__getitem__)  # stable: a record's findings keep their order
        return cls(table, array("i", order), array("q", [keys[position] for position in order]), type_codes)

    @classmethod
    def of_findings(
        cls, findings: Sequence[Finding], redelegation_engagements: dict[int, int] | None = None
    ) -> RecordIndex:
        return cls.of_table(FindingTable.from_findings(list(findings)), redelegation_engagements or {})

    def key(self, record_type: str, record_id: int) -> int | None:
        code = self.type_codes.get(record_type)
        return None if code is None else code << 32 | (record_id & _ID_MASK)

    def of(self, record_type: str, record_id: int, rule_prefix: str | None = None) -> list[Finding]:
        """The findings filed under a record (those of one topic when `rule_prefix` is given, e.g. "contract.")."""
        key = self.key(record_type, record_id)
        if key is None:
            return []
        keys = self.keys
        start = bisect_left(keys, key)
        end = bisect_right(keys, key, start)
        found = [self.table[position] for position in self.positions[start:end]]
        if rule_prefix is None:
            return found
        return [finding for finding in found if finding.rule.startswith(rule_prefix)]


@dataclass(frozen=True)
class FindingCounts:
    """The figures: findings in all, per topic, the topics with blocking findings, blocking findings in all."""

    count: int
    by_topic: dict[str, int]
    blocking_topics: frozenset[str]
    blocking_count: int

    @classmethod
    def of(cls, table: FindingTable) -> FindingCounts:
        strings = table.strings
        by_topic: Counter[str] = Counter()
        blocking: set[str] = set()
        blocking_count = 0
        for (rule, severity), number in Counter(zip(table.rule, table.severity, strict=True)).items():
            topic = topic_of(strings[rule])
            by_topic[topic] += number
            if strings[severity] == Severity.BLOCKING.value:
                blocking.add(topic)
                blocking_count += number
        return cls(len(table), dict(by_topic), frozenset(blocking), blocking_count)


PREVIEW_ROWS = 200  # worst-first findings a partial model holds: more than a screen of the dashboard


class ComplianceModel:
    """Findings and the deadlines of the settings' horizon, with what a front end needs to place them.

    `complete` is False for the partial model of a first paint: its counts and deadlines are right, its
    worst-first rows only the first `PREVIEW_ROWS`, its index empty. The orders, index and counts are made
    on first use unless given (a snapshot stores them; the live findings keep them up to date)."""

    def __init__(
        self,
        table: FindingTable | Sequence[Finding],
        deadlines: list[Deadline],
        horizon_days: int,
        redelegation_engagements: dict[int, int] | None = None,
        *,
        worst_first: Sequence[int] | None = None,
        worst_first_findings: Sequence[Finding] | None = None,
        index: RecordIndex | None = None,
        counts: FindingCounts | None = None,
        complete: bool = True,
    ):
        self.table = table
        self.deadlines = deadlines
        self.horizon_days = horizon_days
        self.redelegation_engagements = redelegation_engagements or {}
        self.complete = complete
        self._worst_first = worst_first
        self._worst_first_findings = worst_first_findings
        self._index = index
        self._counts = counts

    @classmethod
    def partial(
        cls,
        counts: FindingCounts,
        deadlines: list[Deadline],
        horizon_days: int,
        first_findings: list[Finding],
        redelegation_engagements: dict[int, int],
    ) -> ComplianceModel:
        """The first paint's model: the figures, the deadlines and the first worst-first rows."""
        return cls(
            first_findings,
            deadlines,
            horizon_days,
            redelegation_engagements,
            worst_first_findings=first_findings,
            index=RecordIndex.empty(),
            counts=counts,
            complete=False,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ComplianceModel):
            return NotImplemented
        return self._compared() == other._compared()

    __hash__ = None  # type: ignore[assignment]

    def _compared(self) -> tuple[object, ...]:
        return (
            self.complete,
            self.counts,
            self.deadlines,
            self.horizon_days,
            self.redelegation_engagements,
            list(self.table),
        )

    @cached_property
    def columns(self) -> FindingTable:
        """The findings as columns (what the snapshot stores, and what orders and counts are made on)."""
        table = self.table
        return table if isinstance(table, FindingTable) else FindingTable.from_findings(list(table))

    @property
    def findings(self) -> list[Finding]:
        """Every finding, in the rules' order (built on first use when they came from a snapshot)."""
        table = self.table
        return table.to_list() if isinstance(table, FindingTable) else list(table)

    @cached_property
    def worst_first_positions(self) -> Sequence[int]:
        if self._worst_first is not None:
            return self._worst_first
        if self._worst_first_findings is not None:
            position = {id(finding): number for number, finding in enumerate(self.table)}
            return array("i", [position[id(finding)] for finding in self._worst_first_findings])
        return worst_first_positions(self.columns)

    @cached_property
    def worst_first(self) -> Sequence[Finding]:
        """The findings worst first (see `worst_first`), each built when asked for."""
        if self._worst_first_findings is not None:
            return self._worst_first_findings
        return OrderedFindings(self.table, self.worst_first_positions)

    @cached_property
    def index(self) -> RecordIndex:
        if self._index is not None:
            return self._index
        return RecordIndex.of_table(self.columns, self.redelegation_engagements)

    @cached_property
    def counts(self) -> FindingCounts:
        if self._counts is not None:
            return self._counts
        return FindingCounts.of(self.columns)

    def first_findings(self, count: int = PREVIEW_ROWS) -> list[Finding]:
        return list(self.worst_first[:count])
