"""Phone validation: the E.164 fast path gives exactly what the full phonenumbers path gives."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop_crm.domain import validation as v
from desktop_crm.domain.errors import ValidationError

COUNTRY_CODES = sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
NUMBER_TYPES = [value for name, value in vars(phonenumbers.PhoneNumberType).items()
                if name.isupper() and name != "UNKNOWN"]


def example_numbers() -> list[str]:
    """phonenumbers' own example of every type in every region and non-geographic code."""
    numbers = set()
    for region in phonenumbers.SUPPORTED_REGIONS:
        for kind in NUMBER_TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                numbers.add(phonenumbers.format_number(
                    example, phonenumbers.PhoneNumberFormat.E164))
    for code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS:
        example = phonenumbers.example_number_for_non_geo_entity(code)
        if example is not None:
            numbers.add(phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164))
    return sorted(numbers)


def near(number: str, rng: random.Random) -> str:
    """The number with its last three digits redrawn."""
    return number[:-3] + "".join(rng.choice("0123456789") for _ in range(3))


def full_path(value: str, region: str) -> str | None:
    """What `phone` answered before the fast path: parse, check, format (None: refused)."""
    try:
        parsed = phonenumbers.parse(value.strip(), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def checked(value: str, region: str = "CN") -> str | None:
    try:
        return v.phone("phones", value, default_region=region)
    except ValidationError as refused:
        assert refused.field == "phones"
        return None


def test_every_region_s_example_numbers_give_what_the_full_path_gives() -> None:
    rng = random.Random(7)
    numbers = [variant for number in example_numbers()
               for variant in (number, *(near(number, rng) for _ in range(3)))]
    fast = 0
    for number in numbers:
        assert checked(number) == full_path(number, "CN"), number
        fast += v._valid_as_written(number)
    assert fast > len(numbers) // 2  # the fast path is really taken, not just skipped


@settings(max_examples=1000, deadline=None)
@given(country_code=st.sampled_from(COUNTRY_CODES),
       national=st.text(alphabet="0123456789", min_size=1, max_size=13),
       region=st.sampled_from(["CN", "US", "GB", "IT", "DE"]))
@example(86, "13812345678", "CN")  # China mobile
@example(86, "1012345678", "CN")  # parse would strip the carrier-code prefix "10"
@example(86, "11012345678", "CN")
@example(86, "17951123456", "CN")
@example(86, "01012345678", "CN")  # trunk prefix 0 written after the country code
@example(86, "1012345678", "US")
@example(1, "2125550123", "CN")
@example(1, "12125550123", "US")  # the US trunk prefix 1 after the country code
@example(375, "8101234567", "CN")  # valid as spelt, but parse strips Belarus' prefix 8
@example(39, "0612345678", "IT")  # Italian leading zero: kept in the national number
@example(44, "07911123456", "GB")
@example(7, "9123456789", "CN")  # a country code shared by Russia and Kazakhstan
@example(800, "12345678", "CN")  # a non-geographic code
def test_e164_input_gives_what_the_full_path_gives(
        country_code: int, national: str, region: str) -> None:
    number = f"+{country_code}{national}"
    assert checked(number, region) == full_path(number, region)


@pytest.mark.parametrize("number", [
    "+8613812345678", "+8618912345678", "+8615012345678", "+12125550123", "+14155550199",
    "+442079460000", "+4915112345678",
])
def test_common_valid_numbers_take_the_fast_path(number: str) -> None:
    assert v._valid_as_written(number)
    assert checked(number) == full_path(number, "CN") == number


@pytest.mark.parametrize("number", [
    "+8601012345678",  # parse strips the trunk prefix
    "+3758101234567",  # valid as spelt, but parse strips the prefix 8 (and then refuses it)
    "+390612345678",  # leading zero
    "+8612345",  # too short to be valid
    "+99912345678",  # no such country code
])
def test_numbers_the_fast_path_is_unsure_of_go_the_full_way(number: str) -> None:
    assert not v._valid_as_written(number)


@pytest.mark.parametrize(("value", "region", "expected"), [
    ("138 1234 5678", "CN", "+8613812345678"),
    ("(212) 555-0123", "US", "+12125550123"),
    ("+86 138-1234-5678", "CN", "+8613812345678"),
    ("  +8613812345678  ", "US", "+8613812345678"),
    ("+86013812345678", "CN", full_path("+86013812345678", "CN")),
])
def test_other_forms_are_normalised_by_the_full_path(
        value: str, region: str, expected: str | None) -> None:
    assert checked(value, region) == expected


@pytest.mark.parametrize("value", ["+861381234567", "12345", "+1 212 555", "phone", "+0123456"])
def test_invalid_numbers_are_refused_naming_the_field(value: str) -> None:
    with pytest.raises(ValidationError) as refused:
        v.phones("phones", ["+8613812345678", value])
    assert refused.value.field == "phones"
    assert value.strip() in refused.value.message
