"""Password -> key: Argon2id, with the cost recorded beside every key it wrapped.

Production cost is fixed here. Tests lower it through exactly one switch, the environment
variable `DESKTOP_CRM_KDF=fast-for-tests`, never through an edited code path; and since each
wrapped key records its own parameters, a key wrapped under one setting still opens under the
other.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

from desktop_crm.domain.errors import CrmError
from desktop_crm.security.secret import SecretBytes

KDF_SWITCH = "DESKTOP_CRM_KDF"
FAST_FOR_TESTS = "fast-for-tests"
KEY_LENGTH = 32
SALT_LENGTH = 16

# Bounds for parameters read back from a key file: a tampered file must not make sign-in
# allocate gigabytes or run for minutes.
_MAX_MEMORY_KIB = 4 * 1024 * 1024
_MAX_TIME_COST = 64
_MAX_PARALLELISM = 64


class UnknownKdfSetting(CrmError):
    """The KDF switch holds a value other than the one the tests use."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes, lanes."""

    memory_kib: int
    time_cost: int
    parallelism: int

    def __post_init__(self) -> None:
        if not 1 <= self.parallelism <= _MAX_PARALLELISM:
            raise ValueError(f"Argon2 parallelism must be 1..{_MAX_PARALLELISM}")
        if not 1 <= self.time_cost <= _MAX_TIME_COST:
            raise ValueError(f"Argon2 time cost must be 1..{_MAX_TIME_COST}")
        if not 8 * self.parallelism <= self.memory_kib <= _MAX_MEMORY_KIB:
            raise ValueError("Argon2 memory must be 8 KiB per lane .. 4 GiB")


# About 0.15-0.5 s on a current laptop; the figure DESIGN.md asks for.
PRODUCTION = KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=4)
# Only ever chosen by the switch below; a vault made with it is not fit for real data.
FAST_TEST_PARAMS = KdfParams(memory_kib=1024, time_cost=1, parallelism=1)


def configured_kdf() -> KdfParams:
    """The parameters new wraps use: production unless the test switch is set."""
    setting = os.environ.get(KDF_SWITCH, "")
    if setting == "":
        return PRODUCTION
    if setting == FAST_FOR_TESTS:
        return FAST_TEST_PARAMS
    raise UnknownKdfSetting(f"{KDF_SWITCH} may only be unset or '{FAST_FOR_TESTS}'")


def derive_key(password: str, salt: bytes, params: KdfParams) -> SecretBytes:
    """A 32-byte key from a password (Argon2id)."""
    if len(salt) < SALT_LENGTH:
        raise ValueError(f"the salt must be at least {SALT_LENGTH} bytes")
    raw = hash_secret_raw(
        secret=password.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_LENGTH,
        type=Type.ID,
    )
    return SecretBytes(raw)
