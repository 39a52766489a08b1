"""A migrated vault database per test (copied from one migrated template) and a way to add
customers with their derived name keys, as the customer service stores them."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, insert

from desktop_crm.domain.ids import new_id
from desktop_crm.security.secret import SecretBytes
from desktop_crm.storage import schema
from desktop_crm.storage.engine import open_engine
from desktop_crm.storage.models import Customer, User
from desktop_crm.storage.names import name_keys

OWNERS = ("u1", "u2", "u3")
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

AddCustomer = Callable[..., str]


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    key = os.urandom(32)
    path = tmp_path_factory.mktemp("template") / "crm.db"
    engine = open_engine(path, SecretBytes(key), create=True)
    schema.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(
            insert(User),
            [
                {
                    "id": u,
                    "username": u,
                    "username_key": u,
                    "display_name": u,
                    "created_at": T0,
                    "updated_at": T0,
                }
                for u in OWNERS
            ],
        )
    # closing the last connection checkpoints the WAL, so the file alone is the whole copy
    engine.dispose()
    assert not path.with_name("crm.db-wal").exists()
    return path, key


@pytest.fixture
def db_path(template_db: tuple[Path, bytes], tmp_path: Path) -> Path:
    path = tmp_path / "crm.db"
    shutil.copyfile(template_db[0], path)
    return path


@pytest.fixture
def data_key(template_db: tuple[Path, bytes]) -> SecretBytes:
    return SecretBytes(template_db[1])


@pytest.fixture
def engine(db_path: Path, data_key: SecretBytes) -> Iterator[Engine]:
    engine = open_engine(db_path, data_key)
    yield engine
    engine.dispose()


def customer_row(
    name: str,
    *,
    owner: str | None = "u1",
    phones: tuple[str, ...] = (),
    emails: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    company: str = "",
    notes: str = "",
    deleted: bool = False,
    updated_at: datetime = T0,
    customer_id: str | None = None,
) -> dict[str, Any]:
    keys = name_keys(name)
    return {
        "id": customer_id or new_id(),
        "name": name,
        "owner_id": owner,
        "company": company,
        "phones": list(phones),
        "emails": list(emails),
        "tags": list(tags),
        "notes": notes,
        "created_at": T0,
        "updated_at": updated_at,
        "deleted_at": updated_at + timedelta(seconds=1) if deleted else None,
        "sort_key": keys.sort_key,
        "name_pinyin": keys.pinyin,
        "name_initials": keys.initials,
    }


@pytest.fixture
def add_customer(engine: Engine) -> AddCustomer:
    def add(name: str, **fields: Any) -> str:
        row = customer_row(name, **fields)
        with engine.begin() as conn:
            conn.execute(insert(Customer), [row])
        return str(row["id"])

    return add


def add_many(conn: Connection, rows: list[dict[str, Any]]) -> None:
    conn.execute(insert(Customer), rows)
