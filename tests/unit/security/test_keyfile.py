from __future__ import annotations

import errno
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_crm.domain.errors import VaultDamaged
from desktop_crm.security import keyfile, vault_keys
from desktop_crm.security.kdf import FAST_TEST_PARAMS
from desktop_crm.security.keyfile import (
    KeyFile,
    encode_key_file,
    read_key_file,
    write_atomically,
    write_key_file,
)
from desktop_crm.security.keyslots import new_data_key

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _keys(username: str = "zhang.wei") -> KeyFile:
    keys, recovery = vault_keys.new_key_file(
        vault_id=str(uuid.uuid4()),
        data_key=new_data_key(),
        kdf=FAST_TEST_PARAMS,
        admin_user_id=str(uuid.uuid4()),
        admin_username=username,
        password="pw",
    )
    recovery.wipe()
    return keys


def test_a_key_file_reads_back_as_written(tmp_path: Path) -> None:
    keys = _keys()
    user = keys.users[0]
    keys = vault_keys.with_user_failures(keys, user.user_id, vault_keys.failed(user.failures, NOW))
    path = tmp_path / "crm.keys"
    write_key_file(path, keys)
    assert read_key_file(path) == keys


def test_plain_text_holds_only_what_the_design_allows(tmp_path: Path) -> None:
    keys = _keys("Zhang.Wei.Sales")
    doc = json.loads(encode_key_file(keys))
    assert set(doc) == {
        "format", "version", "vault_id", "kdf", "key_check", "username_salt", "users",
        "recovery", "unknown_user_failures",
    }  # fmt: skip
    assert set(doc["users"][0]) == {
        "user_id", "username_hash", "status", "status_changed_at", "public_key",
        "wrapped_private_key", "sealed_data_key", "devices", "failures",
    }  # fmt: skip
    text = encode_key_file(keys).decode().casefold()
    assert "zhang" not in text and "sales" not in text


def test_writes_are_atomic_and_keep_the_previous_copy(tmp_path: Path) -> None:
    path = tmp_path / "crm.keys"
    write_atomically(path, b"first")
    write_atomically(path, b"second")
    assert path.read_bytes() == b"second"
    assert (tmp_path / "crm.keys.prev").read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crm.keys", "crm.keys.prev"]


def test_a_full_disk_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "crm.keys"
    write_atomically(path, b"first", keep_previous=False)

    def disk_full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(keyfile, "write_durably", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomically(path, b"second")
    assert path.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["crm.keys"]  # no temp file left behind


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b'{\n "format": "desktop-crm-keys",\n "kdf": {', "not complete JSON"),
        (b"\xff\xfe garbage", "not complete JSON"),
        (b"[1, 2, 3]", "not a desktop-crm key file"),
    ],
)
def test_a_malformed_file_is_reported_as_damaged(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "crm.keys"
    path.write_bytes(content)
    with pytest.raises(VaultDamaged, match=reason) as caught:
        read_key_file(path)
    assert "crm.keys is damaged" in str(caught.value)
    assert "crm.keys.prev" in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_truncated_real_file_and_edited_fields_are_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "crm.keys"
    good = encode_key_file(_keys())
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(VaultDamaged, match="not complete JSON"):
        read_key_file(path)
    doc = json.loads(good)
    doc["users"][0]["public_key"] = "bm90IGEga2V5"
    path.write_text(json.dumps(doc))
    with pytest.raises(VaultDamaged, match="unexpected content"):
        read_key_file(path)
    doc = json.loads(good)
    del doc["recovery"]
    path.write_text(json.dumps(doc))
    with pytest.raises(VaultDamaged, match="missing 'recovery'"):
        read_key_file(path)
    doc = json.loads(good)
    doc["kdf"]["memory_kib"] = 1 << 40
    path.write_text(json.dumps(doc))
    with pytest.raises(VaultDamaged, match="Argon2 memory"):
        read_key_file(path)
