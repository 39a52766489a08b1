"""The generator alone (no vault): valid contact data, stated proportions, determinism."""

from __future__ import annotations

import random
import re
from collections import Counter
from datetime import date

import phonenumbers
import pytest

from desktop_crm.services import demo_names
from desktop_crm.services.bulk import ActivityBatch
from desktop_crm.services.demo_activity import ActivityGenerator
from desktop_crm.services.demo_customers import CustomerGenerator, CustomerPlan
from desktop_crm.services.demo_pools import build_pools

TODAY = date(2026, 11, 23)
OWNERS = [("sales_a", "id-a", 3), ("mgr", "id-m", 1)]
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")


@pytest.fixture(scope="module")
def plans() -> list[CustomerPlan]:
    generator = CustomerGenerator(build_pools(5), random.Random(5), TODAY, OWNERS)
    return [generator.plan() for _ in range(4000)]


def test_every_phone_is_a_valid_number_of_its_country(plans: list[CustomerPlan]) -> None:
    for plan in plans:
        for number in plan.data["phones"]:
            parsed = phonenumbers.parse(number)
            assert phonenumbers.is_valid_number(parsed), number
            expected = "CN" if plan.chinese else "US"
            assert phonenumbers.region_code_for_number(parsed) == expected, number


def test_every_mobile_prefix_and_area_code_is_valid() -> None:
    rng = random.Random(1)
    for prefix in demo_names.CN_MOBILE_PREFIXES:
        for _ in range(50):
            number = f"+86{prefix}{rng.randrange(10**8):08d}"
            assert phonenumbers.is_valid_number(phonenumbers.parse(number)), number
    for _city, codes in demo_names.US_CITIES:
        for code in codes:
            number = f"+1{code}2345678"
            assert phonenumbers.is_valid_number(phonenumbers.parse(number)), number


def test_emails_are_well_formed_and_on_reserved_domains(plans: list[CustomerPlan]) -> None:
    emails = [e for plan in plans for e in plan.data.get("emails", [])]
    assert len(emails) > len(plans) // 3
    for address in emails:
        assert EMAIL.match(address), address
        assert address.endswith(demo_names.EMAIL_DOMAINS), address


def test_proportions_are_roughly_as_stated(plans: list[CustomerPlan]) -> None:
    n = len(plans)
    chinese = sum(p.chinese for p in plans) / n
    companies = sum(p.data["kind"] == "company" for p in plans) / n
    stages = Counter(p.stage for p in plans)
    owners = Counter(p.owner for p in plans)
    assert 0.66 < chinese < 0.74
    assert 0.17 < companies < 0.23
    assert 0.31 < stages["suspect"] / n < 0.39
    assert 0.03 < stages["advocate"] / n < 0.07
    assert 0.70 < owners["sales_a"] / n < 0.80
    assert any(re.search(r"[\u4e00-\u9fff]", p.data["name"]) for p in plans)
    assert any(p.data["name"].isascii() for p in plans)


def test_activity_proportions_and_dates(plans: list[CustomerPlan]) -> None:
    generator = ActivityGenerator(random.Random(9), TODAY,
                                  {"sales_a": "id-a", "mgr": "id-m", "service1": "id-s"},
                                  "service1")
    batch = ActivityBatch()
    for index, plan in enumerate(plans):
        generator.add(batch, plan, f"customer-{index}")
    n = len(plans)
    assert 0.8 < len(batch.interactions) / n < 1.1
    assert 0.08 < len(batch.contracts) / n < 0.12
    assert 0.035 < len(batch.complaints) / n < 0.065
    assert all(i["started_at"].date() < TODAY for i in batch.interactions)
    assert any(r["due_at"].date() < TODAY and r["done_at"] is None for r in batch.reminders)
    plans_by_contract = Counter(p["contract_id"] for p in batch.payment_plans)
    for contract in batch.contracts:
        amounts = [p["amount_minor"] for p in batch.payment_plans
                   if p["contract_id"] == contract["id"]]
        assert sum(amounts) == contract["amount_minor"]
        assert 1 <= plans_by_contract[contract["id"]] <= 3


def test_the_same_seed_gives_the_same_plans() -> None:
    def first(seed: int) -> list[dict]:
        generator = CustomerGenerator(build_pools(seed), random.Random(seed), TODAY, OWNERS)
        return [generator.plan().data for _ in range(50)]

    assert first(8) == first(8)
    assert first(8) != first(9)
