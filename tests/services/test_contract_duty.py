"""The contract list and the contract register say, per contract, who carries the contractor's duties (issue
12: the NDA is its substance — any approved contract in force with the confidentiality clause satisfies the
NDA duty): this contract, another one, or none; the same answer as the contractor file. Through the services
on SQLite and PostgreSQL, at the boundaries of the other contract's start (the day before, on, after) and of
its approval."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from desktop.domain.clauses import CLAUSES, CONFIDENTIALITY
from desktop.services.facade import Services

DAY = timedelta(days=1)
START = date(2026, 4, 1)
MEMO = date(2026, 6, 1)  # the memorandum with the confidentiality article starts later
ALL = [clause.code for clause in CLAUSES]
WITHOUT_CONFIDENTIALITY = [code for code in ALL if code != CONFIDENTIALITY]


def at(services: Services, day: date) -> Services:
    moment = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
    services.context.clock = lambda: moment
    return services


def contract(
    services: Services, contractor_id: int, kind: str, title: str, on: date, clauses: list[str]
) -> Any:
    made = services.contracts.create(
        {
            "contractor_id": contractor_id,
            "kind": kind,
            "title": title,
            "signed_on": on.isoformat(),
            "effective_from": on.isoformat(),
            "clauses": clauses,
        }
    )
    return services.contracts.approve(made.id, made.version)


def setup(services: Services) -> tuple[Any, Any, Any]:
    """A contractor handling PI: an outsourcing contract without the confidentiality article (from START),
    and a 覚書 (data processing) carrying every clause from MEMO."""
    at(services, START - 30 * DAY)
    made = services.contractors.create(
        {"name": "株式会社さくら", "status": "active", "pi_items": ["氏名"], "start_date": START.isoformat()}
    )
    outsourcing = contract(services, made.id, "outsourcing", "業務委託契約", START, WITHOUT_CONFIDENTIALITY)
    memo = contract(services, made.id, "data_processing", "個人情報の取扱いに関する覚書", MEMO, ALL)
    return made, outsourcing, memo


def register_duties(services: Services, as_of: date) -> dict[int, Any]:
    return {row.contract.id: row.duty for row in services.registers.contracts(as_of)}


def test_before_the_memorandum_no_contract_carries_confidentiality(services: Services) -> None:
    _made, outsourcing, _memo = setup(services)
    duty = register_duties(services, MEMO - DAY)[outsourcing.id]
    assert duty.confidentiality == ()
    assert "機密保持: どの契約にもない" in duty.message.ja
    assert "秘密保持（機密保持）" in duty.message.ja  # a PI clause in no contract in force


def test_from_the_memorandum_on_another_contract_carries_it(services: Services) -> None:
    _made, outsourcing, memo = setup(services)
    for day in (MEMO, MEMO + DAY):
        duties = register_duties(services, day)
        assert duties[outsourcing.id].message.ja == (
            f"機密保持: 他の契約 #{memo.id} / 個人情報条項: 他の契約が担保（本契約と分担）"
        )
        assert duties[memo.id].message.ja == "機密保持: 本契約 / 個人情報条項: 本契約"


def test_the_list_says_the_same_as_the_contractor_file_today(services: Services) -> None:
    made, outsourcing, memo = setup(services)
    at(services, MEMO + DAY)
    rows = {row.id: row for row in services.contracts.list(made.id)}
    cover = services.contracts.cover(made.id)
    assert [c.id for c in cover.cover.confidentiality] == [memo.id]
    assert rows[outsourcing.id].duty.confidentiality == (memo.id,)
    assert rows[outsourcing.id].duty.message.en.startswith(f"Confidentiality: contract #{memo.id}")
    at(services, MEMO - DAY)
    assert services.contracts.list(made.id)[0].duty.confidentiality == ()


def test_an_unapproved_contract_carries_nothing(services: Services) -> None:
    at(services, START - 30 * DAY)
    made = services.contractors.create({"name": "株式会社もみじ", "status": "active", "pi_items": ["氏名"]})
    draft = services.contracts.create(
        {
            "contractor_id": made.id,
            "kind": "nda",
            "title": "機密保持契約",
            "signed_on": START.isoformat(),
            "effective_from": START.isoformat(),
            "clauses": [CONFIDENTIALITY],
        }
    )
    duty = register_duties(services, START + DAY)[draft.id]
    assert duty.confidentiality == () and "どの契約にもない" in duty.message.ja
    services.contracts.approve(draft.id, draft.version)
    assert register_duties(services, START + DAY)[draft.id].confidentiality == (draft.id,)


def test_a_contractor_without_pi_needs_no_pi_clause(services: Services) -> None:
    at(services, START - 30 * DAY)
    made = services.contractors.create({"name": "株式会社いちょう", "status": "active"})
    nda = contract(services, made.id, "nda", "機密保持契約", START, [CONFIDENTIALITY])
    duty = register_duties(services, START)[nda.id]
    assert duty.message.ja == "機密保持: 本契約 / 個人情報条項: 不要（個人情報を取り扱わない）"
