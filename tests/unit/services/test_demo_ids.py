"""Demo record ids: valid random UUIDs that rise within a build."""

from __future__ import annotations

import uuid

from desktop_crm.services.demo_customers import RisingIds


def test_ids_are_version_4_uuids_in_canonical_form_that_rise() -> None:
    ids = RisingIds()
    drawn = [ids.next() for _ in range(5000)]
    assert drawn == sorted(drawn)
    assert len(set(drawn)) == len(drawn)
    for text in drawn:
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant, str(parsed)) == (4, uuid.RFC_4122, text)


def test_two_builds_draw_different_ids() -> None:
    first, second = RisingIds(), RisingIds()
    assert {first.next() for _ in range(100)}.isdisjoint(second.next() for _ in range(100))
