"""The key slot cryptography: per-user X25519 key pairs, wrapped and sealed keys.

- A user's private key is wrapped with AES-256-GCM under Argon2id(password). The associated
  data binds the wrap to the user id and the vault id, not to the data key's epoch, so a data
  key rotation re-seals slots without anyone's password.
- The data key (DK) is sealed to a public key: ephemeral X25519 -> HKDF-SHA256 -> AES-256-GCM.
  Anyone may seal (the admin adding a user, a rotation); only the private key's holder unseals.
- "Remember me" wraps the private key a second time under a random device secret that lives in
  the OS keyring.
- The key-check value lets the app tell "this is not the vault's key" from "the database is
  damaged" without revealing anything of the key (an HMAC under a key derived from the DK).
"""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass
from hashlib import sha256

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_crm.domain.errors import VaultDamaged, WrongPassword
from desktop_crm.security.kdf import SALT_LENGTH, KdfParams, derive_key
from desktop_crm.security.secret import SecretBytes

DATA_KEY_LENGTH = 32
NONCE_LENGTH = 12
PUBLIC_KEY_LENGTH = 32

_WRAP_CONTEXT = b"desktop-crm/private-key/v1"
_DEVICE_CONTEXT = b"desktop-crm/device-wrap/v1"
_SEAL_CONTEXT = b"desktop-crm/sealed-data-key/v1"
_KEY_CHECK_CONTEXT = b"desktop-crm/key-check/v1"

WRONG_PASSWORD_MESSAGE = "wrong user name or password"


class SlotUnreadable(VaultDamaged):
    """A sealed key does not open with a private key that is itself correct."""


class DeviceSecretRejected(Exception):
    """The remembered device secret no longer opens the wrapped key (internal signal)."""


@dataclass(frozen=True)
class WrappedPrivateKey:
    """A private key encrypted under a password; records how the password was stretched."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class SealedDataKey:
    """The data key encrypted to one public key."""

    ephemeral_public_key: bytes
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class DeviceWrappedKey:
    """A private key encrypted under a device secret kept in this device's OS keyring."""

    device_id: str
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class KeyPair:
    public: bytes
    private: SecretBytes


def new_data_key() -> SecretBytes:
    return SecretBytes(os.urandom(DATA_KEY_LENGTH))


def generate_key_pair() -> KeyPair:
    private = X25519PrivateKey.generate()
    raw = private.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return KeyPair(public=_public_bytes(private), private=SecretBytes(raw))


def public_key_of(private: SecretBytes) -> bytes:
    return _public_bytes(X25519PrivateKey.from_private_bytes(private.value))


# --- private key under a password -------------------------------------------------------------


def wrap_private_key(
    private: SecretBytes, password: str, user_id: str, vault_id: str, params: KdfParams
) -> WrappedPrivateKey:
    salt = os.urandom(SALT_LENGTH)
    nonce = os.urandom(NONCE_LENGTH)
    key = derive_key(password, salt, params)
    try:
        ciphertext = AESGCM(key.value).encrypt(
            nonce, private.value, _aad(_WRAP_CONTEXT, user_id, vault_id)
        )
    finally:
        key.wipe()
    return WrappedPrivateKey(kdf=params, salt=salt, nonce=nonce, ciphertext=ciphertext)


def unwrap_private_key(
    wrapped: WrappedPrivateKey, password: str, user_id: str, vault_id: str
) -> SecretBytes:
    """The private key, or WrongPassword (the tag check fails for any other password)."""
    key = derive_key(password, wrapped.salt, wrapped.kdf)
    try:
        raw = AESGCM(key.value).decrypt(
            wrapped.nonce, wrapped.ciphertext, _aad(_WRAP_CONTEXT, user_id, vault_id)
        )
    except InvalidTag:
        raise WrongPassword(WRONG_PASSWORD_MESSAGE) from None
    finally:
        key.wipe()
    return SecretBytes(raw)


# --- private key under a device secret ("remember me") ------------------------------------------


def wrap_with_device_secret(
    private: SecretBytes, device_secret: SecretBytes, user_id: str, vault_id: str, device_id: str
) -> DeviceWrappedKey:
    nonce = os.urandom(NONCE_LENGTH)
    key = _hkdf(device_secret.value, _DEVICE_CONTEXT)
    ciphertext = AESGCM(key).encrypt(
        nonce, private.value, _aad(_DEVICE_CONTEXT, user_id, vault_id, device_id)
    )
    return DeviceWrappedKey(device_id=device_id, nonce=nonce, ciphertext=ciphertext)


def unwrap_with_device_secret(
    wrapped: DeviceWrappedKey, device_secret: SecretBytes, user_id: str, vault_id: str
) -> SecretBytes:
    key = _hkdf(device_secret.value, _DEVICE_CONTEXT)
    try:
        raw = AESGCM(key).decrypt(
            wrapped.nonce,
            wrapped.ciphertext,
            _aad(_DEVICE_CONTEXT, user_id, vault_id, wrapped.device_id),
        )
    except InvalidTag:
        raise DeviceSecretRejected() from None
    return SecretBytes(raw)


# --- the data key sealed to a public key ------------------------------------------------------


def seal(data_key: SecretBytes, recipient_public: bytes, vault_id: str) -> SealedDataKey:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _public_bytes(ephemeral)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = _hkdf(shared, _SEAL_CONTEXT + ephemeral_public + recipient_public)
    nonce = os.urandom(NONCE_LENGTH)
    ciphertext = AESGCM(key).encrypt(nonce, data_key.value, _aad(_SEAL_CONTEXT, vault_id))
    return SealedDataKey(ephemeral_public_key=ephemeral_public, nonce=nonce, ciphertext=ciphertext)


def unseal(sealed: SealedDataKey, recipient_private: SecretBytes, vault_id: str) -> SecretBytes:
    private = X25519PrivateKey.from_private_bytes(recipient_private.value)
    recipient_public = _public_bytes(private)
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral_public_key))
        key = _hkdf(shared, _SEAL_CONTEXT + sealed.ephemeral_public_key + recipient_public)
        raw = AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, _aad(_SEAL_CONTEXT, vault_id))
    except (InvalidTag, ValueError):
        raise SlotUnreadable("a key slot in the key file is damaged and cannot be opened") from None
    return SecretBytes(raw)


# --- key-check value ----------------------------------------------------------------------------


def key_check(data_key: SecretBytes, vault_id: str) -> bytes:
    """A value that tells whether a key is this vault's current data key, and nothing more."""
    check_key = _hkdf(data_key.value, _KEY_CHECK_CONTEXT)
    return hmac.new(check_key, _KEY_CHECK_CONTEXT + vault_id.encode(), sha256).digest()


def matches_key_check(data_key: SecretBytes, vault_id: str, expected: bytes) -> bool:
    return hmac.compare_digest(key_check(data_key, vault_id), expected)


# --- helpers ------------------------------------------------------------------------------------


def _public_bytes(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def _hkdf(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(material)


def _aad(context: bytes, *parts: str) -> bytes:
    # Length-prefixed parts: ("ab", "c") and ("a", "bc") must not bind to the same bytes.
    out = bytearray(context)
    for part in parts:
        encoded = part.encode("utf-8")
        out += len(encoded).to_bytes(4, "big") + encoded
    return bytes(out)
