from __future__ import annotations

import os
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.errors import ValidationError
from desktop_crm.security.recovery import (
    RecoveryCodeMistyped,
    format_recovery_code,
    parse_recovery_code,
)
from desktop_crm.security.secret import SecretBytes

KEY = SecretBytes(bytes(range(32)))


def test_the_code_prints_as_groups_of_four() -> None:
    code = format_recovery_code(KEY)
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){13}", code)


def test_parsing_forgives_case_spaces_dashes_and_lookalike_digits() -> None:
    code = format_recovery_code(KEY)
    relaxed = code.lower().replace("-", " ").replace("o", "0").replace("i", "1")
    assert parse_recovery_code(relaxed).value == KEY.value
    assert parse_recovery_code(code.replace("-", "")).value == KEY.value
    assert parse_recovery_code(f"  {code}\n").value == KEY.value


@given(
    key=st.binary(min_size=32, max_size=32), position=st.integers(0, 55), step=st.integers(1, 31)
)
def test_any_single_slip_is_reported_as_mistyped(key: bytes, position: int, step: int) -> None:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    text = format_recovery_code(SecretBytes(key)).replace("-", "")
    slipped = alphabet[(alphabet.index(text[position]) + step) % 32]
    typo = text[:position] + slipped + text[position + 1 :]
    with pytest.raises(RecoveryCodeMistyped, match="mistyped"):
        parse_recovery_code(typo)


def test_wrong_length_and_stray_characters_say_what_is_wrong() -> None:
    code = format_recovery_code(KEY)
    with pytest.raises(RecoveryCodeMistyped, match="56 characters"):
        parse_recovery_code(code[:-5])
    with pytest.raises(RecoveryCodeMistyped, match="9 cannot appear"):
        parse_recovery_code("9" + code[1:])


def test_a_mistyped_code_is_a_validation_error_of_the_recovery_field() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_recovery_code("ABCD")
    assert caught.value.field == "recovery_code"


def test_another_vaults_code_parses_but_is_a_different_key() -> None:
    other = SecretBytes(os.urandom(32))
    assert parse_recovery_code(format_recovery_code(other)).value != KEY.value
