"""List rows built by index give exactly what the per-cell field policy gives."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop_crm.domain.enums import FieldAccess, MaskMode
from desktop_crm.services.actor import Actor
from desktop_crm.services.customer_views import (
    ROW_COLUMNS,
    CustomerRow,
    field_view,
    row_builder,
    shown,
)

CELLS = {
    "id": "6f1c2b4a-0000-4000-8000-000000000001", "name": "张伟", "company": "华东贸易",
    "phones": ["+8613812345678", "+16175550123"], "emails": ["zhangwei@example.com"],
    "city": "上海", "lifecycle_stage": "prospect", "tier": "potential",
    "tags": ["vip", "展会"], "owner_id": "6f1c2b4a-0000-4000-8000-000000000002",
    "updated_at": datetime(2026, 11, 23, 9, 0, tzinfo=UTC), "kind": "person",
}

POLICIES = {
    "open": {},
    "masked in lists": {f: (FieldAccess.EDIT, MaskMode.LIST_ONLY) for f in ("phones", "emails")},
    "masked everywhere": {f: (FieldAccess.READ, MaskMode.EVERYWHERE)
                          for f in ("phones", "emails", "company", "tags")},
    "hidden": {f: (FieldAccess.HIDDEN, MaskMode.NONE) for f in ("phones", "name", "tier", "tags")},
    "mixed": {"phones": (FieldAccess.HIDDEN, MaskMode.NONE),
              "emails": (FieldAccess.READ, MaskMode.EVERYWHERE),
              "city": (FieldAccess.READ, MaskMode.LIST_ONLY)},
}


def _actor(rules: dict) -> Actor:
    return Actor(user_id="u", username="u", display_name="u", department_id=None, roles=("r",),
                 must_change_password=False,
                 fields={("customer", name): rule for name, rule in rules.items()})


def test_row_columns_follow_the_row_fields() -> None:
    assert CustomerRow._fields[:len(ROW_COLUMNS)] == ROW_COLUMNS


@pytest.mark.parametrize("policy", sorted(POLICIES))
@pytest.mark.parametrize("shared_only", [False, True])
def test_built_row_matches_the_field_policy(policy: str, shared_only: bool) -> None:
    actor = _actor(POLICIES[policy])
    view = field_view(actor, in_list=True, shared_only=shared_only)
    expected = CustomerRow(
        id=CELLS["id"], kind=CELLS["kind"], owner_id=CELLS["owner_id"],
        updated_at=CELLS["updated_at"],
        **{name: shown(view, name, CELLS[name])
           for name in ("name", "company", "phones", "emails", "city", "lifecycle_stage",
                        "tier", "tags")},
        hidden=view.hidden, masked=view.masked,
    )
    built = row_builder(actor, shared_only=shared_only).build(
        tuple(CELLS[name] for name in ROW_COLUMNS))
    assert built == expected
    assert type(built) is CustomerRow and built.to_dict() == expected.to_dict()


def test_shared_records_mask_what_own_records_mask_only_in_lists() -> None:
    actor = _actor(POLICIES["masked in lists"])
    own = row_builder(actor, shared_only=False).build(tuple(CELLS[n] for n in ROW_COLUMNS))
    assert own.phones == ("138****5678", "161****0123")
    assert own.emails == ("zh***@example.com",)
    assert field_view(actor, in_list=False, shared_only=False).masked == frozenset()
    assert field_view(actor, in_list=False, shared_only=True).masked == {"phones", "emails"}
