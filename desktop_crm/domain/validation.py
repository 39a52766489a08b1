"""Field validators: each returns the normalised value or raises ValidationError(field, ...)."""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumber

from desktop_crm.domain.errors import ValidationError

# Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is not checked.
E = TypeVar("E", bound=StrEnum)

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")


def required_text(field: str, value: str | None, *, max_length: int) -> str:
    text = optional_text(field, value, max_length=max_length)
    if not text:
        raise ValidationError(field, "must not be empty")
    return text


def optional_text(field: str, value: str | None, *, max_length: int) -> str:
    text = (value or "").strip()
    if len(text) > max_length:
        raise ValidationError(field, f"is longer than {max_length} characters")
    return text


def phone(field: str, value: str, *, default_region: str = "CN") -> str:
    """A phone number in E.164 form ("+8613812345678")."""
    raw = value.strip()
    if _E164.fullmatch(raw) and _valid_as_written(raw):
        return raw
    try:
        parsed = phonenumbers.parse(raw, default_region or "CN")
    except phonenumbers.NumberParseException:
        raise ValidationError(field, f"“{raw}” is not a phone number") from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(field, f"“{raw}” is not a valid phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# The strict E.164 form: "+" and 3 to 15 ASCII digits, the first not 0.
_E164 = re.compile(r"\+[1-9][0-9]{2,14}")


def _valid_as_written(number: str) -> bool:
    """Whether `phonenumbers.parse` reads this strict E.164 string as exactly the number it
    spells, and that number is valid and formats back to the same string.

    The fast path of `phone` (bulk imports bring E.164 numbers; parsing costs most of the
    check): for such a string, parse takes the country code as the shortest known prefix of
    the digits after "+" (whatever the default region) and keeps the rest as the national
    number unless the region's national-prefix pattern matches its start or it starts with 0.
    Both cases, and anything else unsure, answer False and go the full way, which also
    words every refusal; this path only ever accepts.
    """
    digits = number[1:]
    for size in (1, 2, 3):
        country_code = int(digits[:size])
        if country_code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            break
    else:
        return False
    national = digits[size:]
    national_prefix = _national_prefix(country_code)
    if len(national) < 2 or national[0] == "0" or (
            national_prefix is not None and national_prefix.match(national)):
        return False
    parsed = PhoneNumber(country_code=country_code, national_number=int(national))
    return phonenumbers.is_valid_number(parsed) and phonenumbers.format_number(
        parsed, phonenumbers.PhoneNumberFormat.E164) == number


@cache
def _national_prefix(country_code: int) -> re.Pattern[str] | None:
    """What `parse` may strip from the start of a national number of this country code (a
    trunk prefix such as "0" or "1", a carrier code), None if nothing. Without metadata: a
    pattern that matches everything, so those numbers go the full way."""
    region = phonenumbers.region_code_for_country_code(country_code)
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    if metadata is None:
        return re.compile("")
    pattern = metadata.national_prefix_for_parsing
    return re.compile(pattern) if pattern else None


def phones(field: str, values: list[str] | None, *, default_region: str = "CN") -> list[str]:
    result: list[str] = []
    for value in values or []:
        if value.strip():
            number = phone(field, value, default_region=default_region)
            if number not in result:
                result.append(number)
    return result


def email(field: str, value: str) -> str:
    raw = value.strip()
    if len(raw) > 254 or not _EMAIL.match(raw):
        raise ValidationError(field, f"“{raw}” is not an email address")
    local, domain = raw.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def emails(field: str, values: list[str] | None) -> list[str]:
    result: list[str] = []
    for value in values or []:
        if value.strip():
            address = email(field, value)
            if address not in result:
                result.append(address)
    return result


def enum_value(field: str, value: str | E, enum: type[E]) -> E:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise ValidationError(field, f"“{value}” is not one of: {allowed}") from None


def optional_enum(field: str, value: str | E | None, enum: type[E]) -> E | None:
    return None if value in (None, "") else enum_value(field, value, enum)


def aware_moment(field: str, value: Any) -> datetime:
    """An aware date and time, given as one or as ISO text; never empty."""
    if value in (None, ""):
        raise ValidationError(field, "must not be empty")
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError(field, f"“{value}” is not a date and time") from None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValidationError(field, "must be a date and time with its time zone")
    return value


def past_date(field: str, value: date | str | None, *, today: date) -> date | None:
    """A date not in the future and not before 1900 (birthdays, founding dates)."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(field, f"“{value}” is not a date (YYYY-MM-DD)") from None
    if value > today:
        raise ValidationError(field, "is in the future")
    if value.year < 1900:
        raise ValidationError(field, "is before 1900")
    return value


def country_code(field: str, value: str | None) -> str:
    code = (value or "").strip().upper()
    if code and code not in phonenumbers.SUPPORTED_REGIONS:
        raise ValidationError(field, f"“{value}” is not a two-letter country code")
    return code


def tags(field: str, values: list[str] | None) -> list[str]:
    result: list[str] = []
    for value in values or []:
        tag = " ".join(value.split())  # no newlines: tags are stored one per line
        if len(tag) > 50:
            raise ValidationError(field, f"tag “{tag[:20]}…” is longer than 50 characters")
        if tag and tag not in result:
            result.append(tag)
    return result


def username(field: str, value: str) -> str:
    name = value.strip()
    if not re.fullmatch(r"[A-Za-z0-9_.\-]{2,64}", name):
        raise ValidationError(
            field, "use 2–64 letters, digits, dots, dashes or underscores (no spaces)"
        )
    return name


def new_password(field: str, value: str) -> str:
    if len(value) < 10:
        raise ValidationError(field, "must be at least 10 characters long")
    if value.strip() != value or not value.strip():
        raise ValidationError(field, "must not start or end with spaces")
    return value
