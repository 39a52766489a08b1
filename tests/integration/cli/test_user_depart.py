"""`desktop-crm user depart` on the demo vault: one command, access gone, customers kept."""

from __future__ import annotations

from .conftest import DEMO_PASSWORD, AsUser


def _owned(as_user: AsUser, user: str) -> int:
    return as_user(user, "customer", "list", "--json").json()["total"]


def test_depart_splits_the_customers_and_revokes_the_account(as_user: AsUser) -> None:
    owned = _owned(as_user, "sales_east1")
    before = (_owned(as_user, "sales_east2"), _owned(as_user, "sales_east3"))
    result = as_user("admin", "user", "depart", "sales_east1", "--successor", "sales_east2",
                     "--successor", "sales_east3", "--split", "round-robin", "--json")
    assert result.code == 0, result.err
    value = result.json()
    assert value["state"] == "done" and value["key_rotated"] is True
    assert sum(value["customers"].values()) == owned > 0
    after = (_owned(as_user, "sales_east2"), _owned(as_user, "sales_east3"))
    assert sum(after) - sum(before) == owned
    assert abs((after[0] - before[0]) - (after[1] - before[1])) <= 1  # an even split

    refused = as_user("sales_east1", "customer", "list")
    assert refused.code == 3 and "revoked" in refused.err
    assert as_user("mgr_east", "customer", "list").code == 0  # unchanged password still works


def test_depart_is_an_admin_operation(as_user: AsUser) -> None:
    result = as_user("mgr_east", "user", "depart", "sales_east1", "--successor", "sales_east2")
    assert result.code == 1 and "permission" in result.err.lower()
    assert as_user("sales_east1", "customer", "list", password=DEMO_PASSWORD).code == 0


def test_split_needs_two_successors_and_names_must_exist(as_user: AsUser) -> None:
    one = as_user("admin", "user", "depart", "sales_east1", "--successor", "sales_east2",
                  "--split", "tier")
    assert one.code == 1 and "--split" in one.err
    unknown = as_user("admin", "user", "depart", "sales_east1", "--successor", "nobody")
    assert unknown.code == 1 and "nobody" in unknown.err
    bad_mode = as_user("admin", "user", "depart", "sales_east1", "--successor", "sales_east2",
                       "--successor", "mgr_east", "--split", "alphabet")
    assert bad_mode.code == 2
