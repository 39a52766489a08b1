"""The organisation recovery code: the recovery private key, printable and typeable.

32 key bytes plus a 3-byte checksum make 35 bytes, exactly 56 base32 characters, shown as 14
groups of 4. The checksum lets the app say "mistyped" (check the groups again) rather than
"wrong" (this code belongs to another vault). Parsing forgives case, spaces, dashes, and the
digits 0, 1 and 8 typed for the letters O, I and B.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from desktop_crm.domain.errors import ValidationError
from desktop_crm.security.secret import SecretBytes

FIELD = "recovery_code"
GROUP_SIZE = 4
_KEY_LENGTH = 32
_CHECKSUM_LENGTH = 3
CODE_LENGTH = (_KEY_LENGTH + _CHECKSUM_LENGTH) * 8 // 5  # 56
_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})
_CHECKSUM_CONTEXT = b"desktop-crm/recovery-code/v1"


class RecoveryCodeMistyped(ValidationError):
    """The code is not one this app printed: a typing slip, not a wrong code."""

    def __init__(self, message: str) -> None:
        super().__init__(FIELD, message)


def format_recovery_code(recovery_private_key: SecretBytes) -> str:
    """The code to print once: groups of 4 characters joined by dashes."""
    raw = recovery_private_key.value
    if len(raw) != _KEY_LENGTH:
        raise ValueError("a recovery key is 32 bytes")
    text = base64.b32encode(raw + _checksum(raw)).decode("ascii")
    return "-".join(text[i : i + GROUP_SIZE] for i in range(0, len(text), GROUP_SIZE))


def parse_recovery_code(code: str) -> SecretBytes:
    """The recovery private key, or RecoveryCodeMistyped saying what to check."""
    text = "".join(ch for ch in code if not ch.isspace() and ch != "-").upper()
    text = text.translate(_LOOKALIKES)
    if len(text) != CODE_LENGTH:
        groups = CODE_LENGTH // GROUP_SIZE
        raise RecoveryCodeMistyped(
            f"a recovery code has {CODE_LENGTH} characters ({groups} groups of {GROUP_SIZE});"
            f" this one has {len(text)}"
        )
    stray = sorted({ch for ch in text if ch not in _ALPHABET})
    if stray:
        raise RecoveryCodeMistyped(
            f"the recovery code is mistyped: {' '.join(stray)} cannot appear in it"
        )
    try:
        payload = base64.b32decode(text)
    except binascii.Error:
        raise RecoveryCodeMistyped("the recovery code is mistyped") from None
    key, checksum = payload[:_KEY_LENGTH], payload[_KEY_LENGTH:]
    if checksum != _checksum(key):
        raise RecoveryCodeMistyped("the recovery code is mistyped: check each group again")
    return SecretBytes(key)


def _checksum(key: bytes) -> bytes:
    return hashlib.sha256(_CHECKSUM_CONTEXT + key).digest()[:_CHECKSUM_LENGTH]
