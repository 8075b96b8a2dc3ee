"""Property-based: whatever a person or a file gives a validator, it cleans it or says which field is wrong."""

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.errors import ValidationError
from desktop.domain.schema import SCHEMAS, validate
from desktop.domain.values import normalize_corporate_number

ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=5000),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(),
    st.lists(st.text(max_size=20), max_size=5),
    st.binary(max_size=20),
    st.sampled_from(
        ["2026-02-30", "令和8年4月1日", "=SUM(A1)", "\x00\x07", "１２３", "-1", "1e9", "NaN", "\u202e"]
    ),
)


@settings(max_examples=300, deadline=None)
@given(record_type=st.sampled_from(sorted(SCHEMAS)), data=st.data())
def test_every_schema_cleans_or_names_the_bad_fields(record_type, data):
    schema = SCHEMAS[record_type]
    names = data.draw(st.lists(st.sampled_from(schema.names), unique=True, max_size=len(schema.names)))
    raw = {name: data.draw(ANY_VALUE) for name in names}
    try:
        clean = validate(schema, raw)
    except ValidationError as error:
        assert error.fields, "an error names at least one field"
        assert set(error.fields) <= set(schema.names) | {"record"}
        for message in error.fields.values():
            assert message.ja and message.en
        return
    assert set(clean) == set(schema.names)
    for field in schema.fields:
        value = clean[field.name]
        if value is None:
            assert not field.required
        elif field.kind == "date":
            assert isinstance(value, date) and not isinstance(value, datetime)
            assert date(1900, 1, 1) <= value <= date(2199, 12, 31)
        elif field.kind in ("text", "multiline"):
            assert isinstance(value, str) and "\x00" not in value


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_corporate_number_is_13_ascii_digits_with_a_valid_check_digit_or_refused(raw):
    try:
        number = normalize_corporate_number(raw)
    except ValueError as error:
        assert str(error) in {"digits", "length", "check_digit"}
        return
    assert len(number) == 13 and number.isascii() and number.isdigit()
    assert normalize_corporate_number(number) == number
