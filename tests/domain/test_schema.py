from datetime import date

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.schema import CONTRACT, CONTRACTOR, ENGAGEMENT, validate


def test_contractor_defaults_and_normalisation():
    clean = validate(
        CONTRACTOR,
        {
            "name": " 株式会社さくら ",
            "corporate_number": "７０００－０１２０－５０００２",
            "pi_items": "氏名、住所, 氏名",
            "data_subject_count": "１，２００",
        },
    )
    assert clean["name"] == "株式会社さくら"
    assert clean["corporate_number"] == "7000012050002"
    assert clean["pi_items"] == ["氏名", "住所"]
    assert clean["data_subject_count"] == 1200
    assert clean["country"] == "JP" and clean["kind"] == "corporation" and clean["status"] == "candidate"
    assert clean["handles_special_care"] is False


def test_every_error_is_reported_at_once_with_field_names():
    with pytest.raises(ValidationError) as caught:
        validate(
            CONTRACTOR, {"name": "", "corporate_number": "1234567890123", "email": "x", "status": "gone"}
        )
    assert set(caught.value.fields) == {"name", "corporate_number", "email", "status"}
    assert "法人番号" in caught.value.fields["corporate_number"].ja
    assert "Corporate number" in caught.value.fields["corporate_number"].en


def test_unknown_field_is_an_error_not_silently_dropped():
    with pytest.raises(ValidationError) as caught:
        validate(CONTRACTOR, {"name": "A", "nmae": "typo"})
    assert "nmae" in caught.value.fields


def test_enum_accepts_value_or_japanese_label():
    assert validate(CONTRACTOR, {"name": "A", "status": "委託中"})["status"] == "active"


def test_contract_expiry_before_signing_is_refused_on_the_expiry_field():
    with pytest.raises(ValidationError) as caught:
        validate(
            CONTRACT,
            {
                "contractor_id": 1,
                "kind": "nda",
                "title": "NDA",
                "signed_on": "2026-04-01",
                "effective_from": "2026-04-01",
                "expires_on": "2026-03-31",
            },
        )
    assert set(caught.value.fields) == {"expires_on"}


def test_auto_renewal_needs_a_term():
    with pytest.raises(ValidationError) as caught:
        validate(
            CONTRACT,
            {
                "contractor_id": 1,
                "kind": "nda",
                "title": "NDA",
                "signed_on": date(2026, 4, 1),
                "effective_from": date(2026, 4, 1),
                "auto_renewal": True,
            },
        )
    assert "renewal_term_months" in caught.value.fields


def test_engagement_from_a_non_original_client_names_the_original_business():
    with pytest.raises(ValidationError) as caught:
        validate(
            ENGAGEMENT,
            {
                "client_name": "A社",
                "client_is_original": "いいえ",
                "work": "入力",
                "start_date": "2026-04-01",
            },
        )
    assert "original_business_name" in caught.value.fields


@pytest.mark.parametrize("bad", ["-1", "1.5", "abc", True, 10**10])
def test_integer_fields_refuse_what_is_not_a_count(bad):
    with pytest.raises(ValidationError) as caught:
        validate(CONTRACTOR, {"name": "A", "data_subject_count": bad})
    assert "data_subject_count" in caught.value.fields


def test_text_longer_than_its_limit_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate(CONTRACTOR, {"name": "あ" * 201})
    assert "name" in caught.value.fields


def test_foreign_corporation_cannot_be_in_japan():
    with pytest.raises(ValidationError) as caught:
        validate(CONTRACTOR, {"name": "X Inc.", "kind": "foreign_corporation", "country": "JP"})
    assert "country" in caught.value.fields
