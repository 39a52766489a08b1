"""One-time passwords an admin hands to a new user (changed at first sign-in)."""

from __future__ import annotations

import secrets

# No 0/O, 1/l/I: the password is read off a screen and typed by hand.
_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def one_time_password(groups: int = 4, size: int = 4) -> str:
    return "-".join(
        "".join(secrets.choice(_ALPHABET) for _ in range(size)) for _ in range(groups)
    )
