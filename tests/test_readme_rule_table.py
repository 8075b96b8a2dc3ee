"""The README's rule table lists every rule in RULES with its title, basis, when it warns and when it blocks."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.rules import RULES

README = Path(__file__).resolve().parents[1] / "README.md"
HEADING = "## Compliance rules"
COLUMNS = ["rule", "title", "basis", "warns", "blocks"]


def _rule_table() -> dict[str, list[str]]:
    """The rows of the table under the heading, keyed by the rule id in the first cell."""
    text = README.read_text(encoding="utf-8")
    assert HEADING in text, f"README.md has no '{HEADING}' section"
    section = text.split(HEADING, 1)[1].split("\n## ", 1)[0]
    lines = [line.strip() for line in section.splitlines() if line.strip().startswith("|")]
    cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    assert cells and cells[0] == COLUMNS, f"the rule table's header must be {COLUMNS}, not {cells[:1]}"
    rows: dict[str, list[str]] = {}
    for row in cells[2:]:
        assert len(row) == len(COLUMNS), f"a rule table row has {len(row)} cells, not {len(COLUMNS)}: {row}"
        rule = row[0].strip("`")
        assert rule not in rows, f"rule {rule} has two rows in the README's rule table"
        rows[rule] = row
    return rows


def test_every_rule_in_RULES_has_a_row_in_the_readme_rule_table() -> None:
    rows = _rule_table()
    missing = [str(info.rule) for info in RULES if str(info.rule) not in rows]
    assert not missing, f"add a row to the README's rule table ({HEADING}) for: {', '.join(missing)}"


def test_the_readme_rule_table_names_no_rule_that_does_not_exist() -> None:
    known = {str(info.rule) for info in RULES}
    unknown = sorted(set(_rule_table()) - known)
    assert not unknown, f"the README's rule table lists rules not in RULES: {', '.join(unknown)}"


def test_each_rule_row_gives_the_title_and_basis_of_RULES_and_when_it_warns_and_blocks() -> None:
    rows = _rule_table()
    for info in RULES:
        _rule, title, basis, warns, blocks = rows[str(info.rule)]
        assert title == f"{info.ja} / {info.en}", (
            f"{info.rule}: the title cell should read '{info.ja} / {info.en}'"
        )
        assert basis == info.basis.en, f"{info.rule}: the basis cell should read '{info.basis.en}'"
        assert warns and blocks, f"{info.rule}: say when it warns and when it blocks ('—' for never)"
