"""Identity and contact validation shared by every public form (DECISIONS.md)."""

import datetime as dt
import re

import phonenumbers

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Province codes of the NIK (digits 1-2): Kemendagri kode wilayah, incl. the
# Papua provinces formed in 2022 (92 Papua Barat Daya, 93-96 new Papua provinces).
PROVINCE_CODES = frozenset(
    {
        "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
        "31", "32", "33", "34", "35", "36",
        "51", "52", "53",
        "61", "62", "63", "64", "65",
        "71", "72", "73", "74", "75", "76",
        "81", "82",
        "91", "92", "93", "94", "95", "96", "97",
    }
)  # fmt: skip


def validate_nik(value: str) -> None:
    """NIK: 16 digits, a province code, digits 7-12 a birth date DDMMYY (+40 women)."""
    nik = (value or "").strip()
    if len(nik) != 16 or not nik.isdigit():
        raise ValidationError(
            _("The NIK must be exactly 16 digits (as printed on the KTP)."),
            code="nik_format",
        )
    if nik[:2] not in PROVINCE_CODES:
        raise ValidationError(
            _("The first two digits of the NIK are not a province code."),
            code="nik_province",
        )
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        day -= 40
    try:
        # The century is unknown; 2000 is a leap year, so 29 February stays valid.
        dt.date(2000 + year, month, day)
    except ValueError:
        raise ValidationError(
            _("Digits 7 to 12 of the NIK are not a valid date of birth."),
            code="nik_birth_date",
        ) from None


def normalize_phone(value: str) -> str:
    """An Indonesian (or international) phone number in E.164, e.g. +6281234567890."""
    text = (value or "").strip()
    if not text:
        return ""
    digits = re.sub(r"[\s().-]", "", text)
    if re.fullmatch(r"62\d{8,13}", digits):
        text = "+" + digits  # typed with the country code but without "+"
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        raise ValidationError(
            _("Enter a phone number such as 0812 3456 7890 or +62 812 3456 7890."),
            code="phone_invalid",
        ) from None
    if not phonenumbers.is_possible_number(number):
        raise ValidationError(
            _("Enter a phone number such as 0812 3456 7890 or +62 812 3456 7890."),
            code="phone_invalid",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def contact_matches(given: str, *, email: str, phone: str) -> bool:
    """Does `given` (an e-mail or phone typed on a status page) match the file?"""
    given = (given or "").strip()
    if not given:
        return False
    if "@" in given:
        return bool(email) and given.casefold() == email.strip().casefold()
    try:
        return bool(phone) and normalize_phone(given) == phone
    except ValidationError:
        return False
