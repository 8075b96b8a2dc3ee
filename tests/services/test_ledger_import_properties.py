"""Property-based: whatever cells or bytes a ledger holds, the import either writes every row or nothing,
and explains itself by row and column — never a traceback."""

from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.services.facade import Services
from desktop.services.ledger_import import LedgerFileError, LedgerImportError
from tests.services.test_ledger_import import HEADER, _row, dump, hand_kept_ledger

CELL = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    # Any text an .xlsx can hold (the format itself has no place for other control characters).
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n"), max_size=60
    ),
    st.text(min_size=300, max_size=2000, alphabet="あいう亜ABC,、\n\t"),
    st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9999, 12, 31)),
    st.sampled_from(
        [
            "令和99年13月40日",
            "平成31年4月31日",
            "2026/2/30",
            "=1+1",
            "+81",
            "-",
            "@x",
            "#N/A",
            "○",
            "済",
            "１２３４５６７８９０１２３",
            "7000-0120-50002",
            "12e3",
            "0x10",
        ]
    ),
)
COLUMNS = HEADER[1:]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.dictionaries(st.sampled_from(COLUMNS), CELL, max_size=6), min_size=1, max_size=4))
def test_random_cells_import_whole_or_not_at_all(sqlite_services: Services, tmp_path_factory, cells) -> None:
    services = sqlite_services
    folder = tmp_path_factory.mktemp("ledger")
    rows = [_row(index + 1, f"株式会社テスト{index}", None, **values) for index, values in enumerate(cells)]
    path = hand_kept_ledger(folder / "ledger.xlsx", rows)
    before = dump(services)
    try:
        summary = (
            services.ledger_import.import_file(path)
            if hasattr(services.ledger_import, "import_file")
            else services.ledger_import.apply(services.ledger_import.read(path))
        )
    except LedgerImportError as error:
        assert error.errors, "an invalid ledger names at least one error"
        for cell_error in error.errors:
            assert cell_error.excel_row >= 5  # below the title, date line, blank line and header
        assert dump(services) == before
        return
    except LedgerFileError:
        assert dump(services) == before
        return
    assert summary.added + summary.updated + summary.unchanged == len(rows)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), cut=st.integers(min_value=0, max_value=100))
def test_truncated_or_foreign_files_get_one_sentence(
    sqlite_services: Services, tmp_path_factory, data, cut
) -> None:
    services = sqlite_services
    folder = tmp_path_factory.mktemp("bytes")
    valid = hand_kept_ledger(folder / "valid.xlsx", [_row(1, "株式会社テスト", None)]).read_bytes()
    for content in (data, valid[: len(valid) * cut // 100]):
        path = folder / "ledger.xlsx"
        path.write_bytes(content)
        before = dump(services)
        try:
            services.ledger_import.read(path)
        except (LedgerFileError, LedgerImportError) as error:
            assert error.message.ja and error.message.en
        assert dump(services) == before


def test_the_sample_file_reads(sqlite_services: Services, tmp_path: Path) -> None:
    """The strategies above start from a ledger that imports cleanly (so failures are the cells' doing)."""
    path = hand_kept_ledger(tmp_path / "ok.xlsx", [_row(1, "株式会社テスト", None)])
    summary = sqlite_services.ledger_import.apply(sqlite_services.ledger_import.read(path))
    assert summary.added == 1
