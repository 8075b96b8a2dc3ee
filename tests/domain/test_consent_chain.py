"""Consent by the right party, for the right link (policy §7): the chain's parties and what counts."""

from dataclasses import replace
from datetime import date, timedelta

from desktop.domain.consent_chain import (
    CLIENT,
    ORIGINAL,
    US,
    Authority,
    ConsentRecord,
    LinkState,
    SubContractor,
    build_chain,
    infer_party,
    intermediate_key,
)
from desktop.domain.enums import ChainPartyRole, Severity
from desktop.domain.facts import ComplianceFacts, ConsentHopFacts, EngagementFacts, RedelegationFacts
from desktop.domain.rules import evaluate

DAY = timedelta(days=1)
START = date(2026, 5, 1)
A, B = "株式会社エー", "株式会社ビー"


def long_chain(*authorities: Authority):
    """original → A → B (the client) → us → sub-contractor, with the written authorisations given."""
    return build_chain(
        B,
        False,
        "当初株式会社",
        [A],
        START,
        "当社株式会社",
        [SubContractor(7, "下請株式会社", START)],
        authorities,
    )


def consent(given_by, link_from, link_to, day=START - DAY, id=1):
    return ConsentRecord(id, given_by, link_from, link_to, day)


def test_the_chain_names_every_party_and_which_links_need_consent():
    chain = long_chain()
    assert [(p.key, p.role) for p in chain.parties] == [
        (ORIGINAL, ChainPartyRole.ORIGINAL),
        (intermediate_key(A), ChainPartyRole.INTERMEDIATE),
        (CLIENT, ChainPartyRole.CLIENT),
        (US, ChainPartyRole.US),
        ("redelegation:7", ChainPartyRole.SUBCONTRACTOR),
    ]
    # The original business's own entrustment needs no consent; every link after it on the way to us does,
    # and so does our re-delegation.
    assert [(link.key, link.needs_consent) for link in chain.links] == [
        (f"original>{intermediate_key(A)}", False),
        (f"{intermediate_key(A)}>client", True),
        ("client>us", True),
        ("us>redelegation:7", True),
    ]


def test_only_the_original_business_consent_for_that_link_counts():
    chain = long_chain()
    verdicts = {v.link.key: v for v in chain.verdicts([consent(ORIGINAL, CLIENT, US)])}
    assert verdicts["client>us"].state is LinkState.OK
    assert verdicts[f"{intermediate_key(A)}>client"].state is LinkState.MISSING  # another link: not covered
    assert verdicts["us>redelegation:7"].state is LinkState.MISSING


def test_a_consent_by_an_unrelated_party_the_sub_contractor_or_the_client_does_not_count():
    chain = long_chain()
    for giver in (CLIENT, intermediate_key(A), "redelegation:7", US, "someone"):
        verdicts = {v.link.key: v for v in chain.verdicts([consent(giver, US, "redelegation:7")])}
        verdict = verdicts["us>redelegation:7"]
        assert verdict.state is LinkState.MISSING, giver
        assert len(verdict.not_counted) == 1
    sub_accepts = chain.verdicts([consent("redelegation:7", US, "redelegation:7")])[-1]
    assert "受ける側" in sub_accepts.not_counted[0][1].ja


def test_a_party_with_recorded_written_authority_consents_from_the_authority_date_on():
    authority = Authority(intermediate_key(A), START - 10 * DAY, "権限付与書 第1号")
    chain = long_chain(authority)
    on_the_day = chain.verdicts([consent(intermediate_key(A), CLIENT, US, START - 10 * DAY)])
    assert {v.link.key: v.state for v in on_the_day}["client>us"] is LinkState.OK
    before = chain.verdicts([consent(intermediate_key(A), CLIENT, US, START - 11 * DAY)])
    assert {v.link.key: v.state for v in before}["client>us"] is LinkState.MISSING
    # Without its document the authority is not recorded: the same consent does not count.
    unrecorded = long_chain(Authority(intermediate_key(A), START - 10 * DAY, None))
    again = unrecorded.verdicts([consent(intermediate_key(A), CLIENT, US, START - 10 * DAY)])
    assert {v.link.key: v.state for v in again}["client>us"] is LinkState.MISSING


def test_two_intermediates_each_consent_with_an_authorisation_of_its_own():
    """original → A → B → us: A and B each hold the original business's written authority (policy §7); each
    counts from its own date, the day before it not."""
    a_on, b_on = START - 20 * DAY, START - 10 * DAY
    chain = long_chain(Authority(intermediate_key(A), a_on, "覚書 A"), Authority(CLIENT, b_on, "覚書 B"))
    assert [party.key for party in chain.authorised] == [intermediate_key(A), CLIENT]
    assert A in chain.consenters.ja and B in chain.consenters.ja
    # Per link: the party a link entrusts is never among those whose consent it needs.
    a_to_b = chain.link(intermediate_key(A), CLIENT)
    assert A in chain.consenters_for(a_to_b).ja and B not in chain.consenters_for(a_to_b).ja
    assert B in chain.consenters_for(chain.link(CLIENT, US)).ja
    for day, counts in ((b_on - DAY, False), (b_on, True), (b_on + DAY, True)):
        consents = [consent(intermediate_key(A), intermediate_key(A), CLIENT, a_on, 1)]
        consents.append(consent(CLIENT, CLIENT, US, day, 2))
        states = {v.link.key: v.state for v in chain.verdicts(consents)}
        assert states[f"{intermediate_key(A)}>client"] is LinkState.OK
        assert (states["client>us"] is LinkState.OK) is counts, day
    # A's authorisation is A's: it does not let B consent, nor B's let A consent before A's own date.
    only_a = long_chain(Authority(intermediate_key(A), a_on, "覚書 A"))
    [*_, client_us, _sub] = only_a.verdicts([consent(CLIENT, CLIENT, US, START - DAY)])
    assert client_us.state is LinkState.MISSING
    early = chain.verdicts([consent(intermediate_key(A), intermediate_key(A), CLIENT, a_on - DAY)])
    assert early[0].state is LinkState.MISSING and "後に付与" in early[0].not_counted[0][1].ja


def test_a_consent_that_names_no_party_of_the_chain_is_incomplete():
    chain = long_chain()
    records = [
        consent(None, None, None, id=1),
        consent(ORIGINAL, CLIENT, US, id=2),
        consent("x", CLIENT, US, id=3),
    ]
    assert [c.id for c in chain.incomplete(records)] == [1, 3]


def test_old_names_are_inferred_to_the_one_party_they_name():
    chain = long_chain()
    assert infer_party(chain, "当初 株式会社").key == ORIGINAL  # spaces and width do not matter
    assert infer_party(chain, "弊社").key == US
    assert infer_party(chain, "当社株式会社", company_names=["当社株式会社"]).key == US
    assert infer_party(chain, "営業部 佐藤") is None
    assert infer_party(chain, "") is None


ENGAGEMENT = EngagementFacts(30, B, False, "当初株式会社", START, None, "active", (A,))


def findings(facts, today):
    return [(f.rule, f.severity, f.due) for f in evaluate(facts, today)]


def test_every_link_on_the_way_to_us_needs_the_original_business_consent():
    hops = (
        ConsentHopFacts(1, 30, None, START, ORIGINAL, CLIENT, US),
        ConsentHopFacts(2, 30, None, START, ORIGINAL, intermediate_key(A), CLIENT),
    )
    facts = ComplianceFacts(engagements=(ENGAGEMENT,), consent_hops=hops)
    assert findings(facts, START) == []
    only_last = replace(facts, consent_hops=hops[:1])
    found = evaluate(only_last, START)
    assert [(f.rule, f.severity) for f in found] == [("engagement.consent_missing", Severity.BLOCKING)]
    assert f"{A} → {B}" in found[0].message.ja and "当初株式会社（当初の取得事業者）" in found[0].message.ja


def test_a_future_start_warns_due_on_the_start_and_blocks_from_it():
    """Boundaries: the day before the start a warning due on it; on it and after, blocking."""
    redelegation = RedelegationFacts(50, 30, 1, START + 5 * DAY, None)
    facts = ComplianceFacts(
        engagements=(replace(ENGAGEMENT, intermediate_clients=(), status="planned"),),
        redelegations=(redelegation,),
    )
    assert findings(facts, START - DAY) == [
        ("engagement.consent_missing", Severity.WARNING, START),
        ("redelegation.consent_missing", Severity.WARNING, START + 5 * DAY),
    ]
    assert ("engagement.consent_missing", Severity.BLOCKING, START) in findings(facts, START)
    assert ("engagement.consent_missing", Severity.BLOCKING, START) in findings(facts, START + DAY)
    sub_start = redelegation.start_date
    assert ("redelegation.consent_missing", Severity.WARNING, sub_start) in findings(facts, sub_start - DAY)
    assert ("redelegation.consent_missing", Severity.BLOCKING, sub_start) in findings(facts, sub_start)
    assert ("redelegation.consent_missing", Severity.BLOCKING, sub_start) in findings(facts, sub_start + DAY)
