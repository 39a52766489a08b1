"""A bulk load without per-row search upkeep leaves a complete index, even when it fails."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pytest

from desktop_crm.services.session import sign_in
from desktop_crm.services.setup import initialize_vault
from desktop_crm.storage import search

PASSWORD = "admin-password-1"


@pytest.mark.parametrize("fails", [False, True])
def test_the_index_is_whole_after_a_deferred_load(tmp_path: Path, fails: bool) -> None:
    initialize_vault(tmp_path / "vault", admin_username="admin", admin_password=PASSWORD)
    session = sign_in(tmp_path / "vault", "admin", PASSWORD)
    try:
        database = session._open().database
        with (pytest.raises(RuntimeError) if fails else nullcontext(),
              database.search_index_deferred()):
            session.customers.bulk_create([{"name": "批量客户 Bulk"}])
            if fails:
                raise RuntimeError("the load broke off")
        with database.reading() as s:
            triggers = {row[0] for row in s.connection().exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            assert search.search_index_is_consistent(s.connection())
        assert set(search.SEARCH_TRIGGERS) <= triggers
        assert [hit.name for hit in session.customers.search("Bulk")] == ["批量客户 Bulk"]
        session.customers.create({"name": "后来的客户 Later"})  # the triggers index it again
        assert [hit.name for hit in session.customers.search("Later")] == ["后来的客户 Later"]
    finally:
        session.lock()
