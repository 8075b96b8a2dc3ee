"""`itaku-cli engagement add` records several written authorisations to consent (policy §7): repeatable
`--consent-authorisation PARTY DATE DOCUMENT`, the list as JSON in `--consent-authorities`, and the earlier
single `--consent-authority/-on/-document` (kept: add, never rename) as a one-entry list; `engagement show`
names each party with its date and document; a bad entry exits 2 naming the option and writes nothing."""

from __future__ import annotations

import json

from tests.test_cli import cli, db  # noqa: F401  (the fixture)

CHAIN = [
    "engagement",
    "add",
    "--client-name",
    "株式会社ビー物流",
    "--client-is-original",
    "no",
    "--original-business-name",
    "株式会社当初",
    "--intermediate-clients",
    "株式会社エー情報",
    "--work",
    "発送代行",
    "--start-date",
    "2027-01-10",
]


def test_two_authorisations_are_added_and_shown(db: str) -> None:  # noqa: F811
    result = cli(
        "--db",
        db,
        *CHAIN,
        "--consent-authorisation",
        "intermediate:株式会社エー情報",
        "2026/10/1",
        "覚書A",
        "--consent-authorisation",
        "client",
        "令和8年11月1日",
        "覚書B",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    added = json.loads(result.stdout)
    assert added["consent_authorities"] == [
        {"party": "intermediate:株式会社エー情報", "granted_on": "2026-10-01", "document": "覚書A"},
        {"party": "client", "granted_on": "2026-11-01", "document": "覚書B"},
    ]
    shown = cli("--db", db, "--lang", "ja", "engagement", "show", added["id"])
    assert shown.returncode == 0, shown.stderr
    assert "株式会社エー情報（中間の委託元） 2026-10-01付「覚書A」" in shown.stdout
    assert "2026-11-01付「覚書B」" in shown.stdout and "client" not in shown.stdout


def test_the_earlier_single_options_still_record_one_authorisation(db: str) -> None:  # noqa: F811
    result = cli(
        "--db",
        db,
        *CHAIN,
        "--consent-authority",
        "client",
        "--consent-authority-on",
        "2026-10-01",
        "--consent-authority-document",
        "再委託承諾権限の覚書",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["consent_authorities"] == [
        {"party": "client", "granted_on": "2026-10-01", "document": "再委託承諾権限の覚書"}
    ]


def test_the_list_given_as_json_is_read_too(db: str) -> None:  # noqa: F811
    given = [{"party": "client", "granted_on": "2026-10-01", "document": "覚書"}]
    result = cli("--db", db, *CHAIN, "--consent-authorities", json.dumps(given, ensure_ascii=False), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["consent_authorities"] == given


def test_a_bad_authorisation_exits_2_naming_the_option_and_writes_nothing(db: str) -> None:  # noqa: F811
    for bad in (
        ["--consent-authorisation", "us", "2026-10-01", "覚書"],  # not a party that may hold one
        ["--consent-authority", "client"],  # no date, no document
        ["--consent-authorities", "client"],  # not JSON
    ):
        result = cli("--db", db, *CHAIN, *bad)
        assert result.returncode == 2, (bad, result.stdout, result.stderr)
        assert "--consent-authorities" in result.stderr, bad
    listed = cli("--db", db, "engagement", "list", "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
