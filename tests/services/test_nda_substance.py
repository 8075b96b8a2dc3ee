"""Issue 12: the NDA is what a contract contains, not what it is called — through the services, on SQLite
and PostgreSQL, at the day before, on and after each date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from desktop.domain.clauses import CLAUSES
from desktop.services.facade import Services

DAY = timedelta(days=1)
ALL_CLAUSES = [clause.code for clause in CLAUSES]
EFFECTIVE = date(2026, 6, 1)
EXPIRES = date(2026, 12, 31)
COVER_RULES = {"contract.nda_missing", "contract.pi_clauses_not_in_force"}


def contractor(services: Services, **values: Any) -> Any:
    data = {"name": "株式会社さくら", "status": "active", "start_date": "2026-01-01", "pi_items": ["氏名"]}
    return services.contractors.create({**data, **values})


def approved_contract(services: Services, contractor_id: int, **values: Any) -> Any:
    data = {
        "contractor_id": contractor_id,
        "kind": "outsourcing",
        "title": "業務委託契約書（第12条 秘密保持）",
        "signed_on": "2026-05-20",
        "effective_from": EFFECTIVE,
        "clauses": ALL_CLAUSES,
    }
    created = services.contracts.create({**data, **values})
    return services.contracts.approve(created.id, created.version)


def rules_on(services: Services, contractor_id: int, day: date) -> dict[str, str]:
    """The contract rules' findings on `day` (the contractor's evaluation is not what these tests are about)."""
    return {
        f.rule: f.severity.value
        for f in services.checks.findings(day)
        if f.rule.startswith("contract.")
        and ((f.record_type, f.record_id) == ("contractor", contractor_id) or f.record_type == "contract")
    }


def test_an_outsourcing_contract_with_a_confidentiality_article_is_the_nda_from_its_first_day_to_its_last(
    services: Services,
) -> None:
    owner = contractor(services)
    contract = approved_contract(services, owner.id, expires_on=EXPIRES)
    assert COVER_RULES <= set(rules_on(services, owner.id, EFFECTIVE - DAY))
    assert not COVER_RULES & set(rules_on(services, owner.id, EFFECTIVE))
    assert not COVER_RULES & set(rules_on(services, owner.id, EFFECTIVE + DAY))
    # Expiring: a warning from 60 days before its last day, and it still carries the duty on that day.
    assert "contract.expiring" not in rules_on(services, owner.id, EXPIRES - timedelta(days=61))
    assert rules_on(services, owner.id, EXPIRES - timedelta(days=60))["contract.expiring"] == "warning"
    on_last_day = rules_on(services, owner.id, EXPIRES)
    assert on_last_day["contract.expiring"] == "warning" and not COVER_RULES & set(on_last_day)
    after = rules_on(services, owner.id, EXPIRES + DAY)
    assert after["contract.nda_missing"] == "blocking"
    assert after["contract.pi_clauses_not_in_force"] == "blocking"
    cover = services.contracts.cover(owner.id, EXPIRES)
    assert [c.id for c in cover.cover.confidentiality] == [contract.id] and cover.cover.missing == ()
    assert services.contracts.cover(owner.id, EXPIRES + DAY).cover.confidentiality == ()


def test_a_memorandum_with_the_confidentiality_clause_satisfies_the_nda_duty(services: Services) -> None:
    owner = contractor(services)
    approved_contract(services, owner.id, kind="data_processing", title="個人情報の取扱いに関する覚書")
    assert rules_on(services, owner.id, EFFECTIVE) == {}


def test_a_contract_without_the_confidentiality_clause_does_not_count_as_the_nda(services: Services) -> None:
    owner = contractor(services)
    approved_contract(services, owner.id, clauses=[c for c in ALL_CLAUSES if c != "confidentiality"])
    found = rules_on(services, owner.id, EFFECTIVE)
    assert found["contract.nda_missing"] == "blocking"
    assert services.contracts.cover(owner.id, EFFECTIVE).cover.confidentiality == ()


def test_a_contractor_handling_no_pi_with_a_plain_nda_has_no_finding_at_all(services: Services) -> None:
    owner = contractor(services, pi_items=[], entrusted_work="事務所の清掃")
    nda = approved_contract(services, owner.id, kind="nda", title="秘密保持契約書", clauses=[])
    for day in (EFFECTIVE - DAY, EFFECTIVE, EFFECTIVE + DAY):
        assert rules_on(services, owner.id, day) == {}
    (row,) = services.contracts.list(owner.id)
    assert row.missing_clauses == ()
    (register_row,) = services.registers.contracts(EFFECTIVE, owner.id)
    assert register_row.missing_clauses == ()
    cover = services.contracts.cover(owner.id, EFFECTIVE)
    assert not cover.handles_pi and [c.id for c in cover.cover.confidentiality] == [nda.id]


def test_the_registers_show_the_contract_that_carries_confidentiality_as_the_nda(services: Services) -> None:
    owner = contractor(services)
    contract = approved_contract(services, owner.id, expires_on=EXPIRES)
    (row,) = [r for r in services.registers.contractors(EFFECTIVE) if r.contractor.id == owner.id]
    assert row.nda.in_force and row.nda.contract_id == contract.id and row.nda.expires_on == EXPIRES
    (before,) = [r for r in services.registers.contractors(EFFECTIVE - DAY) if r.contractor.id == owner.id]
    assert not before.nda.in_force
    file = services.registers.contractor_file(owner.id, EFFECTIVE)
    assert file.cover is not None and [c.id for c in file.cover.cover.confidentiality] == [contract.id]
