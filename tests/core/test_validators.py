import pytest

from django.core.exceptions import ValidationError

from apps.core.validators import contact_matches, normalize_phone, validate_nik


@pytest.mark.parametrize(
    "nik",
    [
        "6408011203850001",  # Kutai Timur (64.08), man born 12-03-85
        "6408015203850002",  # woman: day 12 + 40
        "3171012902000003",  # 29 February 2000
    ],
)
def test_valid_nik(nik):
    validate_nik(nik)


@pytest.mark.parametrize(
    ("nik", "code"),
    [
        ("640801120385000", "nik_format"),
        ("64080112038500011", "nik_format"),
        ("64080112O3850001", "nik_format"),
        ("", "nik_format"),
        ("9908011203850001", "nik_province"),
        ("0008011203850001", "nik_province"),
        ("6408013203850001", "nik_birth_date"),  # day 32
        ("6408011213850001", "nik_birth_date"),  # month 13
        ("6408017203850001", "nik_birth_date"),  # day 72 - 40 = 32
        ("6408013102850001", "nik_birth_date"),  # 31 February
    ],
)
def test_invalid_nik_has_a_clear_message(nik, code):
    with pytest.raises(ValidationError) as info:
        validate_nik(nik)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0812 3456 7890", "+6281234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("62812345678", "+62812345678"),
        ("(0549) 21010", "+6254921010"),
        ("", ""),
    ],
)
def test_phone_normalised_to_e164(raw, e164):
    assert normalize_phone(raw) == e164


@pytest.mark.parametrize("raw", ["12", "nomor saya", "+62 1"])
def test_bad_phone_is_refused(raw):
    with pytest.raises(ValidationError):
        normalize_phone(raw)


def test_contact_matches_email_or_phone():
    on_file = {"email": "Warga@Example.com", "phone": "+6281234567890"}
    assert contact_matches("warga@example.com", **on_file)
    assert contact_matches("0812-3456-7890", **on_file)
    assert not contact_matches("lain@example.com", **on_file)
    assert not contact_matches("0812 0000 0000", **on_file)
    assert not contact_matches("", **on_file)
    assert not contact_matches("bukan nomor", **on_file)
    assert not contact_matches("x@y.z", email="", phone="")
