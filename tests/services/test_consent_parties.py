"""Consent by the right party, for the right link (policy §7), through the services on SQLite and PostgreSQL:
who may consent, which links need it, the boundaries of a future start, and bad input refused by field."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ValidationError
from desktop.services.facade import Services
from desktop.store.models import ConsentHop
from tests.store.test_postgres_roles import Team, team  # noqa: F401  (the fixture: the roles in force)

DAY = timedelta(days=1)
START = date(2027, 1, 10)  # after the fixed "today" of the tests (2026-11-25): a future start
A = "株式会社エー情報"


def engagement(services: Services, **changes):
    return services.engagements.create(
        {
            "client_name": "株式会社ビー物流",
            "client_is_original": False,
            "original_business_name": "株式会社当初",
            "work": "発送代行",
            "start_date": START,
            **changes,
        }
    )


def authorisation(party: str, granted_on: date, document: str) -> dict[str, object]:
    """One written authorisation of the original business for `party` to consent (policy §7)."""
    return {"party": party, "granted_on": granted_on, "document": document}


def consent(
    services: Services, engagement_id: int, given_by: str, link_from: str, link_to: str, day=START - DAY
):
    return services.engagements.add_consent_hop(
        {
            "engagement_id": engagement_id,
            "given_by": given_by,
            "link_from": link_from,
            "link_to": link_to,
            "consented_on": day,
            "form": "written",
        }
    )


def found(services: Services, on: date, rule: str, record_id: int) -> list[tuple[str, date | None]]:
    return [
        (f.severity.value, f.due)
        for f in services.checks.findings(on)
        if f.rule == rule and f.record_id == record_id
    ]


def test_a_missing_consent_warns_before_the_start_and_blocks_on_and_after_it(services: Services) -> None:
    work = engagement(services)
    rule = "engagement.consent_missing"
    assert found(services, START - DAY, rule, work.id) == [("warning", START)]
    assert found(services, START, rule, work.id) == [("blocking", START)]
    assert found(services, START + DAY, rule, work.id) == [("blocking", START)]
    consent(services, work.id, "original", "client", "us", START)  # on the start day: in time
    for day in (START - DAY, START, START + DAY):
        assert found(services, day, rule, work.id) == []


def test_a_redelegation_warns_before_its_own_start_and_blocks_from_it(services: Services) -> None:
    work = engagement(services, client_is_original=True, original_business_name=None)
    contractor = services.contractors.create({"name": "株式会社下請"})
    sub_start = START + 5 * DAY
    redelegation = services.engagements.add_redelegation(
        {"engagement_id": work.id, "contractor_id": contractor.id, "start_date": sub_start}
    )
    rule = "redelegation.consent_missing"
    assert found(services, sub_start - DAY, rule, redelegation.id) == [("warning", sub_start)]
    assert found(services, sub_start, rule, redelegation.id) == [("blocking", sub_start)]
    assert found(services, sub_start + DAY, rule, redelegation.id) == [("blocking", sub_start)]
    # The sub-contractor's own acceptance does not count; the client's does (it is the original business).
    consent(services, work.id, f"redelegation:{redelegation.id}", "us", f"redelegation:{redelegation.id}")
    assert found(services, sub_start, rule, redelegation.id) == [("blocking", sub_start)]
    consent(services, work.id, "client", "us", f"redelegation:{redelegation.id}", sub_start)
    assert found(services, sub_start, rule, redelegation.id) == []


def test_the_client_that_is_not_the_original_business_cannot_consent_without_authority(
    services: Services,
) -> None:
    work = engagement(services)
    consent(services, work.id, "client", "client", "us")
    [finding] = [f for f in services.checks.findings(START) if f.rule == "engagement.consent_missing"]
    assert "株式会社当初" in finding.message.ja and "数えられません" in finding.message.ja
    with pytest.raises(ValidationError) as caught:
        services.engagements.update(work.id, {"status": "active"}, work.version)
    assert "status" in caught.value.fields
    # Once the original business's written authority of the client is recorded (dated before the consent),
    # the client's consent counts.
    work = services.engagements.update(
        work.id,
        {"consent_authorities": [authorisation("client", START - 30 * DAY, "再委託承諾権限の覚書")]},
        work.version,
    )
    assert found(services, START, "engagement.consent_missing", work.id) == []
    assert services.engagements.update(work.id, {"status": "active"}, work.version).status == "active"


def test_an_authority_dated_after_the_consent_does_not_make_it_count(services: Services) -> None:
    work = engagement(services, consent_authorities=[authorisation("client", START, "覚書")])
    consent(services, work.id, "client", "client", "us", START - DAY)
    assert found(services, START, "engagement.consent_missing", work.id) == [("blocking", START)]


@pytest.mark.parametrize(("consented", "counts"), [(-DAY, False), (0 * DAY, True), (DAY, True)])
def test_two_intermediates_consent_each_from_its_own_authorisation_date(
    services: Services, consented: timedelta, counts: bool
) -> None:
    """original → A → B (our client) → us: A and B each hold a written authorisation of the original business
    (policy §7). A's consent to A → B counts from A's date; B's consent to B → us counts from B's own date:
    given the day before it, not; on it or after, yes."""
    a_on, b_on = START - 40 * DAY, START - 20 * DAY
    work = engagement(
        services,
        intermediate_clients=[A],
        consent_authorities=[
            authorisation(f"intermediate:{A}", a_on, "覚書（エー情報）"),
            authorisation("client", b_on, "覚書（ビー物流）"),
        ],
    )
    assert [a["party"] for a in services.engagements.get(work.id).consent_authorities] == [
        f"intermediate:{A}",
        "client",
    ]
    consent(services, work.id, f"intermediate:{A}", f"intermediate:{A}", "client", a_on)
    consent(services, work.id, "client", "client", "us", b_on + consented)
    expected = [] if counts else [("blocking", START)]
    assert found(services, START, "engagement.consent_missing", work.id) == expected
    # As of the start (the records as they stood then) the verdict is the same.
    assert found(services, START + DAY, "engagement.consent_missing", work.id) == expected
    if not counts:
        [finding] = [f for f in services.checks.findings(START) if f.rule == "engagement.consent_missing"]
        assert "株式会社ビー物流 → " in finding.message.ja  # the link B → us, A's link is fine


def test_one_intermediates_authorisation_does_not_let_another_consent(services: Services) -> None:
    work = engagement(
        services,
        intermediate_clients=[A],
        consent_authorities=[authorisation(f"intermediate:{A}", START - 40 * DAY, "覚書")],
    )
    consent(services, work.id, "original", f"intermediate:{A}", "client")
    consent(services, work.id, "client", "client", "us")  # B holds no authorisation of its own
    assert found(services, START, "engagement.consent_missing", work.id) == [("blocking", START)]


def test_every_link_of_a_longer_chain_needs_the_original_business_consent(services: Services) -> None:
    work = engagement(services, intermediate_clients=[A])
    consent(services, work.id, "original", "client", "us")
    assert found(services, START, "engagement.consent_missing", work.id) == [("blocking", START)]
    consent(services, work.id, "original", f"intermediate:{A}", "client")
    assert found(services, START, "engagement.consent_missing", work.id) == []


def test_a_consent_for_another_link_does_not_count(services: Services) -> None:
    work = engagement(services, intermediate_clients=[A])
    consent(services, work.id, "original", f"intermediate:{A}", "client")
    messages = [
        f.message.en for f in services.checks.findings(START) if f.rule == "engagement.consent_missing"
    ]
    assert len(messages) == 1 and "株式会社ビー物流 → Our company" in messages[0]


def count_hops(services: Services) -> int:
    with services.database.read() as session:
        return int(session.scalar(select(func.count(ConsentHop.id))) or 0)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"given_by": "someone"}, "given_by"),
        ({"given_by": "original", "link_from": "nowhere"}, "link_from"),
        ({"given_by": "original", "link_to": "redelegation:999"}, "link_to"),
        ({"given_by": "original", "link_from": "us", "link_to": "client"}, "link_to"),  # not a link
        ({"given_by": "original", "link_from": "original", "link_to": "client"}, "link_to"),  # needs none
        ({"link_from": "client", "link_to": "us"}, "given_by"),  # no giver at all
        ({"from_party": "誰か", "link_to": "us"}, "from_party"),  # a name that is no party
    ],
)
def test_a_giver_or_link_outside_the_chain_is_refused_naming_the_field(
    services: Services, values: dict[str, str], field: str
) -> None:
    work = engagement(services)
    before = count_hops(services)
    with pytest.raises(ValidationError) as caught:
        services.engagements.add_consent_hop(
            {"engagement_id": work.id, "consented_on": START - DAY, "form": "written", **values}
        )
    assert field in caught.value.fields
    assert count_hops(services) == before


def test_the_authority_needs_party_date_and_document_and_a_party_of_the_chain(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        engagement(services, consent_authorities=[{"party": "client"}])
    assert "付与日" in caught.value.fields["consent_authorities"].ja
    with pytest.raises(ValidationError) as caught:
        engagement(services, consent_authorities=[authorisation("us", START, "覚書")])
    assert "consent_authorities" in caught.value.fields
    # The second of two names the entry that is wrong.
    with pytest.raises(ValidationError) as caught:
        engagement(
            services,
            intermediate_clients=[A],
            consent_authorities=[
                authorisation(f"intermediate:{A}", START, "覚書"),
                authorisation("intermediate:誰か", START, "覚書"),
            ],
        )
    assert "2件目" in caught.value.fields["consent_authorities"].ja
    assert services.engagements.list() == []


def test_names_given_as_text_are_resolved_to_the_chains_parties(services: Services) -> None:
    work = engagement(services)
    hop = services.engagements.add_consent_hop(
        {
            "engagement_id": work.id,
            "from_party": "株式会社 当初",
            "to_party": "当社",
            "consented_on": START - DAY,
            "form": "email",
        }
    )
    assert (hop.given_by, hop.link_from, hop.link_to) == ("original", "client", "us")
    assert found(services, START, "engagement.consent_missing", work.id) == []


# The dashboard's upcoming deadlines: the consents owed before a future start ----------------------------------
def owed(services: Services, on: date, record_id: int, days: int | None = 365) -> list[tuple[str, date, str]]:
    return [
        (d.record_type.value, d.due, d.kind)
        for d in services.checks.deadlines(on, days)
        if d.kind == "consent_owed" and d.record_id == record_id
    ]


def test_a_consent_owed_before_a_future_start_is_an_upcoming_deadline(services: Services) -> None:
    work = engagement(services)
    assert owed(services, START - DAY, work.id) == [("engagement", START, "consent_owed")]
    assert owed(services, START, work.id) == []  # on the start it is a blocking finding, not ahead
    assert owed(services, START + DAY, work.id) == []
    assert owed(services, START - 10 * DAY, work.id, days=9) == []  # beyond the horizon
    assert owed(services, START - 10 * DAY, work.id, days=10) == [("engagement", START, "consent_owed")]
    consent(services, work.id, "original", "client", "us")
    assert owed(services, START - DAY, work.id) == []


def test_a_redelegations_consent_owed_is_listed_on_its_own_start(services: Services) -> None:
    work = engagement(services, client_is_original=True, original_business_name=None)
    contractor = services.contractors.create({"name": "株式会社下請"})
    sub_start = START + 5 * DAY
    redelegation = services.engagements.add_redelegation(
        {"engagement_id": work.id, "contractor_id": contractor.id, "start_date": sub_start}
    )
    assert owed(services, sub_start - DAY, redelegation.id) == [("redelegation", sub_start, "consent_owed")]
    assert owed(services, sub_start, redelegation.id) == []
    [deadline] = [d for d in services.checks.deadlines(sub_start - DAY, 365) if d.kind == "consent_owed"]
    assert deadline.record_label == "株式会社ビー物流 → 株式会社下請"


def test_the_dashboards_model_lists_it_and_drops_it_once_consented(sqlite_services: Services) -> None:
    """Through the window's kept-up-to-date model (the settings' horizon): the consent recorded is followed."""
    services = sqlite_services
    work = engagement(services, start_date=services.context.today() + 20 * DAY)
    kinds = [(d.kind, d.record_id) for d in services.checks.deadlines()]
    assert ("consent_owed", work.id) in kinds
    consent(services, work.id, "original", "client", "us", services.context.today())
    assert ("consent_owed", work.id) not in [(d.kind, d.record_id) for d in services.checks.deadlines()]


def test_with_the_roles_in_force_the_authorisations_replay_from_the_servers_trail(team: Team) -> None:  # noqa: F811
    """PostgreSQL with the roles in force: the database writes the engagement's events itself, the list of
    authorisations (JSON) among them, and the trail still replays onto the records."""
    work = engagement(
        team.services,
        intermediate_clients=[A],
        consent_authorities=[
            authorisation(f"intermediate:{A}", START - 40 * DAY, "覚書（エー情報）"),
            authorisation("client", START - 20 * DAY, "覚書（ビー物流）"),
        ],
    )
    team.services.engagements.update(
        work.id, {"consent_authorities": [authorisation("client", START - 20 * DAY, "覚書")]}, work.version
    )
    replay = team.services.audit.verify_records()
    assert replay.is_intact, [d.message.en for d in replay.discrepancies]
