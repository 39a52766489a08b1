"""`customer ...` on the demo vault: --json shapes, masks per role, the full round trip."""

from __future__ import annotations

import re
from pathlib import Path

from tests.integration.cli.conftest import DEMO_CUSTOMERS, DEMO_PASSWORD, AsUser, Run

MASKED_PHONE = re.compile(r"^\d{3}\*+\d{4}$")
ROW_FIELDS = {"id", "kind", "name", "company", "phones", "emails", "city", "lifecycle_stage",
              "tier", "tags", "owner_id", "updated_at"}


def test_list_json_is_items_and_total(as_user: AsUser) -> None:
    listing = as_user("admin", "customer", "list", "--json", "--limit", "7").json()
    assert set(listing) == {"items", "total"}
    assert listing["total"] == DEMO_CUSTOMERS
    assert len(listing["items"]) == 7
    for item in listing["items"]:
        assert set(item) == ROW_FIELDS
        assert re.fullmatch(r"[0-9a-f-]{36}", item["id"])


def test_list_default_limit_and_long_limits_page_through(as_user: AsUser) -> None:
    everything = as_user("admin", "customer", "list", "--json", "--limit", "1000").json()
    assert len(everything["items"]) == DEMO_CUSTOMERS == everything["total"]
    assert len({i["id"] for i in everything["items"]}) == DEMO_CUSTOMERS
    by_update = as_user("admin", "customer", "list", "--json", "--order", "updated").json()
    assert len(by_update["items"]) == DEMO_CUSTOMERS  # default limit 100 covers the demo


def test_a_salespersons_list_masks_phones_and_their_record_does_not(as_user: AsUser) -> None:
    listing = as_user("sales_east1", "customer", "list", "--json").json()
    assert 0 < listing["total"] < DEMO_CUSTOMERS
    phones = [p for item in listing["items"] for p in item["phones"]]
    assert phones and all(MASKED_PHONE.match(p.lstrip("+")) for p in phones), phones
    emails = [e for item in listing["items"] for e in item["emails"]]
    assert all("***@" in e for e in emails)

    first = listing["items"][0]
    record = as_user("sales_east1", "customer", "show", first["id"], "--json").json()
    assert record["phones"] and all(p.startswith("+") and "*" not in p
                                    for p in record["phones"])


def test_masks_hold_in_search_results_too(as_user: AsUser) -> None:
    mine = as_user("sales_east1", "customer", "list", "--json").json()["items"][0]
    found = as_user("sales_east1", "customer", "search", mine["name"], "--json").json()
    assert mine["id"] in {i["id"] for i in found["items"]}
    assert found["total"] == len(found["items"])
    assert all("*" in p for i in found["items"] for p in i["phones"])


def test_an_auditor_sees_masked_values_and_no_hidden_fields(as_user: AsUser) -> None:
    first = as_user("auditor", "customer", "list", "--json", "--limit", "1").json()["items"][0]
    record = as_user("auditor", "customer", "show", first["id"], "--json").json()
    assert "birthday" not in record and "address" not in record  # hidden from auditors
    assert record["id"] == first["id"]
    assert all("*" in p for p in record["phones"])


def test_reveal_shows_one_unmasked_field(as_user: AsUser) -> None:
    first = as_user("mgr_east", "customer", "list", "--json", "--limit", "1").json()["items"][0]
    revealed = as_user("mgr_east", "customer", "reveal", first["id"], "phones", "--json").json()
    assert revealed["field"] == "phones"
    assert revealed["values"] and all("*" not in v for v in revealed["values"])
    text = as_user("mgr_east", "customer", "reveal", first["id"], "phones")
    assert text.out.splitlines() == revealed["values"]


def test_add_show_update_search_delete(as_user: AsUser) -> None:
    refused = as_user("sales_east1", "customer", "add", "--name", "欧阳娜娜", "--phone",
                      "13912345678", "--phone", "12345", "--json")
    assert refused.code == 1 and refused.err.startswith("error: phones:")
    assert refused.out == ""
    added = as_user("sales_east1", "customer", "add", "--name", "欧阳娜娜", "--phone",
                    "13912345678", "--email", "ona@example.com", "--tag", "展会",
                    "--stage", "prospect", "--tier", "potential", "--birthday", "1990-05-06",
                    "--city", "杭州", "--json")
    assert added.code == 0, added.err
    record = added.json()
    assert (record["name"], record["phones"], record["tags"], record["birthday"]) == (
        "欧阳娜娜", ["+8613912345678"], ["展会"], "1990-05-06")

    changed = as_user("sales_east1", "customer", "update", record["id"], "--city", "宁波",
                      "--tag", "老客户", "--tag", "VIP", "--json").json()
    assert (changed["city"], changed["tags"], changed["version"]) == ("宁波", ["老客户", "VIP"], 2)

    found = as_user("sales_east1", "customer", "search", "oynn", "--json").json()
    assert record["id"] in {i["id"] for i in found["items"]}

    refused = as_user("sales_east1", "customer", "delete", record["id"])
    assert (refused.code, refused.err) == (1, "error: permission denied: customer.delete\n")
    assert as_user("mgr_east", "customer", "delete", record["id"]).code == 0
    gone = as_user("sales_east1", "customer", "show", record["id"])
    assert gone.code == 1 and "not found" in gone.err


def test_update_needs_a_field_and_the_owner_moves_through_assign(as_user: AsUser) -> None:
    first = as_user("mgr_east", "customer", "list", "--json", "--limit", "1").json()["items"][0]
    assert as_user("mgr_east", "customer", "update", first["id"]).code == 2
    moved = as_user("mgr_east", "customer", "update", first["id"], "--owner", "sales_east3",
                    "--json").json()
    owner_id = as_user("admin", "user", "list", "--json").json()["items"]
    sales_east3 = next(u["id"] for u in owner_id if u["username"] == "sales_east3")
    assert moved["owner_id"] == sales_east3


def test_text_output_is_readable(as_user: AsUser) -> None:
    listing = as_user("admin", "customer", "list", "--limit", "3")
    lines = listing.out.splitlines()
    assert len(lines) == 4 and lines[-1] == f"(3 of {DEMO_CUSTOMERS} shown)"
    first_id = lines[0].split("\t")[0]
    shown = as_user("admin", "customer", "show", first_id).out
    assert f"id: {first_id}" in shown and "name: " in shown


def test_global_options_may_follow_the_command(run: Run, demo_vault: Path) -> None:
    result = run("customer", "list", "--vault", str(demo_vault), "--user", "admin", "--json",
                 "--limit", "2", password=DEMO_PASSWORD)
    assert result.code == 0 and len(result.json()["items"]) == 2


def test_the_latest_update_comes_first_when_ordered_by_update(as_user: AsUser) -> None:
    by_name = as_user("admin", "customer", "list", "--json").json()["items"]
    last_by_name = by_name[-1]["id"]
    assert as_user("admin", "customer", "update", last_by_name, "--notes", "回访").code == 0
    newest = as_user("admin", "customer", "list", "--order", "updated", "--limit", "1",
                     "--json").json()["items"]
    assert [row["id"] for row in newest] == [last_by_name]
