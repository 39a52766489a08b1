"""The customer bulk path the demo and imports share: phones and emails checked on every row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop_crm.domain.errors import ValidationError
from tests.integration.demo.conftest import Demo


def rows(count: int) -> list[dict[str, object]]:
    return [{"name": f"Bulk Customer {i}", "phones": [f"+1212555{i:04d}"],
             "emails": [f"bulk{i}@example.com"]} for i in range(count)]


@pytest.mark.parametrize(("field", "value"), [
    ("phones", ["+8612345678901"]),  # E.164 in form, but no such China number
    ("phones", ["+3758101234567"]),  # valid as spelt, refused once Belarus' prefix 8 is read
    ("phones", ["12345"]),
    ("emails", ["bulk.example.com"]),
])
def test_one_bad_contact_refuses_the_whole_batch_and_writes_nothing(
        demo: Demo, field: str, value: list[str]) -> None:
    admin = demo.session("admin")
    customers, events = admin.customers.count(), admin.verify_audit().count
    batch = rows(50)
    batch[37] = {**batch[37], field: value}

    with pytest.raises(ValidationError) as refused:
        admin.customers.bulk_create(batch)

    assert refused.value.field == field
    assert value[0] in refused.value.message
    assert refused.value.message.endswith("(customers, row 38)")
    assert admin.customers.count() == customers
    assert admin.verify_audit().count == events


def test_numbers_in_other_forms_are_stored_in_e164(demo: Demo) -> None:
    admin = demo.session("admin")
    written = admin.customers.bulk_create([
        {"name": "Bulk Chen", "country": "CN", "phones": ["138 1234 5678", "+8613912345678"]},
        {"name": "Bulk Miller", "country": "US", "phones": ["(212) 555-0142"]},
    ])
    assert written == 2
    stored = {hit.name: list(hit.phones) for hit in admin.customers.search("Bulk ")}
    assert stored["Bulk Chen"] == ["+8613812345678", "+8613912345678"]
    assert stored["Bulk Miller"] == ["+12125550142"]


def test_a_bulk_source_may_bring_when_its_customers_were_recorded(demo: Demo) -> None:
    admin = demo.session("admin")
    then = datetime(2019, 5, 4, 3, 2, tzinfo=UTC)
    admin.customers.bulk_create([{"name": "Bulk Old", "created_at": then},
                                 {"name": "Bulk New"}])
    found = {hit.name: admin.customers.get(hit.id).created_at
             for hit in admin.customers.search("Bulk ")}
    assert found["Bulk Old"] == then
    assert found["Bulk New"] > then


@pytest.mark.parametrize(("value", "words"), [
    (datetime(2999, 1, 1, tzinfo=UTC), "must not be in the future"),
    (datetime(2019, 5, 4), "time zone"),
    ("last spring", "is not a date and time"),
])
def test_a_bad_creation_moment_refuses_the_batch(demo: Demo, value: object, words: str) -> None:
    admin = demo.session("admin")
    customers = admin.customers.count()
    with pytest.raises(ValidationError) as refused:
        admin.customers.bulk_create([{"name": "Bulk Fine"}, {"name": "Bulk Bad",
                                                             "created_at": value}])
    assert refused.value.field == "created_at"
    assert words in refused.value.message
    assert refused.value.message.endswith("(customers, row 2)")
    assert admin.customers.count() == customers
