"""Who receives which of a departing employee's customers: a pure plan, shown before it runs.

One receiver takes everything. Several receivers split the customers:
- by department: each customer goes to the receiver who sits in the customer's department,
  or failing that in its nearest parent department; customers of departments no receiver
  sits in (or above) are dealt round-robin, so no customer is left without an owner;
- by tier: the tiers in order of value (high-value, potential, dormant, none) are dealt to
  the receivers in turn, so the first receiver takes the most valuable customers;
- round-robin: the customers in list order are dealt in turn, for an even split.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from desktop_crm.domain.enums import Tier
from desktop_crm.domain.errors import ValidationError


class SplitMode(StrEnum):
    DEPARTMENT = "department"
    TIER = "tier"
    ROUND_ROBIN = "round-robin"


TIER_ORDER: tuple[str | None, ...] = (
    Tier.HIGH_VALUE.value, Tier.POTENTIAL.value, Tier.DORMANT.value, None)


@dataclass(frozen=True)
class Receiver:
    user_id: str
    department_id: str | None


@dataclass(frozen=True)
class CustomerToPlace:
    id: str
    department_id: str | None
    tier: str | None


def split_customers(
    customers: Sequence[CustomerToPlace],
    receivers: Sequence[Receiver],
    mode: SplitMode,
    department_parents: Mapping[str, str | None] | None = None,
) -> dict[str, str]:
    """customer id -> receiver user id, for every customer given (in the order given)."""
    if not receivers:
        raise ValidationError("receivers", "choose at least one user to receive the customers")
    ids = [r.user_id for r in receivers]
    if len(set(ids)) != len(ids):
        raise ValidationError("receivers", "each receiver may be chosen once")
    if len(receivers) == 1:
        return {c.id: ids[0] for c in customers}
    if mode is SplitMode.TIER:
        tier_receiver = {tier: ids[i % len(ids)] for i, tier in enumerate(TIER_ORDER)}
        return {c.id: tier_receiver.get(c.tier, tier_receiver[None]) for c in customers}
    if mode is SplitMode.DEPARTMENT:
        return _by_department(customers, receivers, department_parents or {})
    return {c.id: ids[i % len(ids)] for i, c in enumerate(customers)}


def _by_department(
    customers: Sequence[CustomerToPlace],
    receivers: Sequence[Receiver],
    parents: Mapping[str, str | None],
) -> dict[str, str]:
    # The first receiver chosen for a department takes its customers.
    sitting: dict[str, str] = {}
    for r in receivers:
        if r.department_id is not None:
            sitting.setdefault(r.department_id, r.user_id)
    nearest: dict[str | None, str | None] = {}

    def receiver_for(department_id: str | None) -> str | None:
        if department_id not in nearest:
            found, seen, current = None, set(), department_id
            while current is not None and current not in seen and found is None:
                seen.add(current)
                found = sitting.get(current)
                current = parents.get(current)
            nearest[department_id] = found
        return nearest[department_id]

    plan: dict[str, str] = {}
    turn = 0
    for c in customers:
        receiver = receiver_for(c.department_id)
        if receiver is None:
            receiver = receivers[turn % len(receivers)].user_id
            turn += 1
        plan[c.id] = receiver
    return plan


def counts_by_receiver(plan: Mapping[str, str]) -> dict[str, int]:
    return dict(Counter(plan.values()))
