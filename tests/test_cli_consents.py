"""itaku-cli engagement consent add / edit / list: the giver and the link as parties of the chain, names as
text still accepted, bad input exit 2 naming the option with nothing written."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from tests.test_cli import cli

PASSWORD = "s3cret-pass"


@pytest.fixture
def db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'consents.sqlite3'}"
    env = {"ITAKU_PASSWORD": PASSWORD}
    assert cli("--db", url, "init", env=env).returncode == 0
    assert cli("--db", url, "--user", "officer", "demo", "--size", "15", env=env).returncode == 0
    return url


def run(db: str, capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", db, "--user", "officer", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def consents(db: str, capsys, engagement: int) -> dict:
    code, out, err = run(
        db, capsys, "engagement", "consent", "list", "--engagement", str(engagement), "--json"
    )
    assert code == 0, err
    return json.loads(out)


def test_a_consent_is_added_with_its_giver_and_link_by_key_role_or_name(db, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ITAKU_PASSWORD", PASSWORD)
    chain = consents(db, capsys, 3)  # the demo's engagement whose client "consented" itself
    original = next(p for p in chain["parties"] if p["key"] == "original")["name"]
    assert [link["state"] for link in chain["links"] if link["to"] == "us"] == ["missing"]
    code, out, err = run(
        db,
        capsys,
        *("engagement", "consent", "add", "--engagement", "3", "--given-by", original),
        *(
            "--link-from",
            "委託元",
            "--link-to",
            "当社",
            "--consented-on",
            "令和5年7月1日",
            "--form",
            "written",
        ),
    )
    assert code == 0, err
    after = consents(db, capsys, 3)
    assert [link["state"] for link in after["links"] if link["to"] == "us"] == ["ok"]
    added = max(after["consents"], key=lambda c: c["id"])
    assert (added["given_by"], added["link_from"], added["link_to"]) == ("original", "client", "us")
    assert added["consented_on"] == "2023-07-01"


def test_the_old_name_options_still_record_a_consent(db, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ITAKU_PASSWORD", PASSWORD)
    original = next(p for p in consents(db, capsys, 3)["parties"] if p["key"] == "original")["name"]
    code, _out, err = run(
        db,
        capsys,
        *(
            "engagement",
            "consent",
            "add",
            "--engagement",
            "3",
            "--from-party",
            original,
            "--to-party",
            "当社",
        ),
        *("--consented-on", "2026-07-01", "--form", "email"),
    )
    assert code == 0, err
    assert max(consents(db, capsys, 3)["consents"], key=lambda c: c["id"])["given_by"] == "original"


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (("--given-by", "誰か", "--link-to", "us"), "--given-by"),
        (("--given-by", "original", "--link-from", "nowhere", "--link-to", "us"), "--link-from"),
        (("--given-by", "original", "--link-to", "us", "--consented-on", "2026-13-01"), "--consented-on"),
        (("--given-by", "original", "--link-to", "us", "--form", "fax"), "form"),
        (("--given-by", "original", "--link-from", "us", "--link-to", "client"), "link_to"),
    ],
)
def test_bad_input_exits_2_naming_the_option_and_writes_nothing(
    db, capsys, monkeypatch, options, named
) -> None:
    monkeypatch.setenv("ITAKU_PASSWORD", PASSWORD)
    before = consents(db, capsys, 3)["consents"]
    base = {"--consented-on": "2026-07-01", "--form": "written"}
    given = dict(zip(options[::2], options[1::2], strict=True))
    arguments = [item for pair in {**base, **given}.items() for item in pair]
    code, _out, err = run(db, capsys, "engagement", "consent", "add", "--engagement", "3", *arguments)
    assert code == 2
    assert named in err
    assert consents(db, capsys, 3)["consents"] == before


def test_a_migrated_consent_is_completed_with_edit(db, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ITAKU_PASSWORD", PASSWORD)
    listed = consents(db, capsys, 2)  # the demo's consent kept from before the chain had parties
    [incomplete] = [c for c in listed["consents"] if c["incomplete"]]
    code, out, _err = run(db, capsys, "check", "--json")
    assert any(f["rule"] == "engagement.consent_incomplete" for f in json.loads(out))
    code, _out, err = run(
        db,
        capsys,
        *("engagement", "consent", "edit", "--id", str(incomplete["id"])),
        *("--given-by", "original", "--link-from", "client", "--link-to", "us"),
    )
    assert code == 0, err
    assert not [c for c in consents(db, capsys, 2)["consents"] if c["incomplete"]]
    code, out, _err = run(db, capsys, "check", "--json")
    assert not any(f["rule"] == "engagement.consent_incomplete" for f in json.loads(out))


def test_edit_clear_empties_a_consents_reference_and_a_bad_clear_exits_2(db, capsys, monkeypatch) -> None:
    """`--clear FIELD` empties a recorded optional value (the same option as `joint-use change edit`); a
    consent always names its giver and link, so those are refused, as is a field also given (exit 2)."""
    monkeypatch.setenv("ITAKU_PASSWORD", PASSWORD)
    complete = next(c for c in consents(db, capsys, 3)["consents"] if not c["incomplete"])
    edit = ("engagement", "consent", "edit", "--id", str(complete["id"]))
    code, _out, err = run(db, capsys, *edit, "--reference", "同意書 第12号")
    assert code == 0, err
    for bad, named in (
        (("--clear", "given-by"), "--clear given-by"),  # a consent names its giver
        (("--clear", "consented-on"), "--clear consented-on"),  # required
        (("--clear", "reference", "--reference", "x"), "--reference"),
        (("--consented-on", ""), "--consented-on: 日付が空です"),
    ):
        code, _out, err = run(db, capsys, *edit, *bad)
        assert code == 2 and named in err, err
    [kept] = [c for c in consents(db, capsys, 3)["consents"] if c["id"] == complete["id"]]
    assert kept["reference"] == "同意書 第12号"
    code, _out, err = run(db, capsys, *edit, "--clear", "reference")
    assert code == 0, err
    [after] = [c for c in consents(db, capsys, 3)["consents"] if c["id"] == complete["id"]]
    assert (after["reference"], after["given_by"]) == (None, complete["given_by"])
