"""Demo customers, one plan at a time: what the customer service's bulk path receives.

Proportions (stated in the README):
- 70 % Chinese (zh_CN names, +86 mobiles, Chinese cities and tags), 30 % English (en_US
  names, US numbers in the city's real area code);
- 20 % companies, 80 % people; 40 % of the people name an employer;
- lifecycle stages: suspect 35 %, prospect 30 %, first-time buyer 18 %, repeat buyer 12 %,
  advocate 5 %; tiers: high value 10 %, potential 40 %, dormant 25 %, none 25 %;
- owners: each of the six salespeople 15 %, each of the two managers 5 %.
Phones are valid by construction (the service still validates every one).
"""

from __future__ import annotations

import bisect
import itertools
import os
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

from desktop_crm.services import demo_names as words
from desktop_crm.services.demo_pools import NamePools, email_slug

T = TypeVar("T")

CHINESE_SHARE = 0.70
COMPANY_SHARE = 0.20
EMPLOYER_SHARE = 0.40


class Weighted(Generic[T]):
    """A weighted choice that costs one random number and a bisect."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.values = [value for value, _ in pairs]
        self.cumulative = list(itertools.accumulate(weight for _, weight in pairs))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.values[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


class RisingIds:
    """Record ids (UUID version 4) that rise within a build and are random between builds.

    Rising ids make every primary-key index, and every index led by a customer id, grow at
    its end instead of at random places, so a bulk load touches few pages per row. The
    seeded generators never see these ids, so a seed still gives the same data.
    """

    def __init__(self) -> None:
        self._random = random.Random(os.urandom(16))
        self._number = self._random.getrandbits(46)  # 48 bits hold it: room for 2**47 more ids

    def next(self) -> str:
        self._number += 1
        bits = (self._number << 80) | self._random.getrandbits(80)
        # what uuid.UUID(int=bits, version=4) does, without building the object (3x faster)
        bits = bits & _NOT_VERSION_OR_VARIANT | _VERSION_4_RFC_4122
        text = f"{bits:032x}"
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


_NOT_VERSION_OR_VARIANT = ~((0xF000 << 64) | (0xC000 << 48))
_VERSION_4_RFC_4122 = (0x4000 << 64) | (0x8000 << 48)


STAGES: Weighted[str] = Weighted([
    ("suspect", 35), ("prospect", 30), ("first_time_buyer", 18), ("repeat_buyer", 12),
    ("advocate", 5),
])
TIERS: Weighted[str | None] = Weighted([
    (None, 25), ("high_value", 10), ("potential", 40), ("dormant", 25),
])
TAG_COUNT: Weighted[int] = Weighted([(0, 50), (1, 35), (2, 15)])

# Exchanges (the three digits after the area code) that are valid everywhere in US_CITIES.
US_EXCHANGES = tuple(n for n in range(200, 1000) if n % 100 != 11 and n != 555)


@dataclass(frozen=True, slots=True)
class CustomerPlan:
    """One customer to create, and what its activity generator needs to know about it."""

    data: dict[str, Any]  # the fields the customer service validates (owner_id included)
    owner: str  # the owner's demo sign-in name
    chinese: bool
    stage: str
    tier: str | None


class CustomerGenerator:
    def __init__(
        self, pools: NamePools, rng: random.Random, today: date,
        owners: Sequence[tuple[str, str, float]],
    ) -> None:
        """`owners`: (sign-in name, user id, weight) of everyone who may own customers."""
        self.pools = pools
        self.rng = rng
        self.today = today
        self.owners: Weighted[tuple[str, str]] = Weighted(
            [((name, user_id), weight) for name, user_id, weight in owners])

    def plan(self) -> CustomerPlan:
        rng = self.rng
        chinese = rng.random() < CHINESE_SHARE
        company_kind = rng.random() < COMPANY_SHARE
        owner_name, owner_id = self.owners.pick(rng)
        stage = STAGES.pick(rng)
        tier = TIERS.pick(rng)
        data: dict[str, Any] = {
            "kind": "company" if company_kind else "person",
            "owner_id": owner_id,
            "lifecycle_stage": stage,
            "tier": tier,
            "country": "CN" if chinese else "US",
        }
        if chinese:
            self._chinese(data, company_kind)
        else:
            self._english(data, company_kind)
        tag_count = TAG_COUNT.pick(rng)
        if tag_count:
            tags = words.TAGS_ZH if chinese else words.TAGS_EN
            data["tags"] = rng.sample(tags, tag_count)
        if rng.random() < 0.6:
            data["source"] = rng.choice(words.SOURCES_ZH if chinese else words.SOURCES_EN)
        if not company_kind and rng.random() < 0.6:
            data["birthday"] = self.today - timedelta(days=rng.randrange(22 * 365, 70 * 365))
        return CustomerPlan(data, owner_name, chinese, stage, tier)

    # --- per language ----------------------------------------------------------------------

    def _chinese(self, data: dict[str, Any], company_kind: bool) -> None:
        rng, pools = self.rng, self.pools
        if company_kind:
            name = rng.choice(pools.zh_companies)
            data["emails"] = self._company_email(name)
        else:
            given = (rng.choice(pools.zh_given) if rng.random() < 0.6
                     else "".join(rng.choices(pools.zh_given_chars, k=rng.choice((1, 2)))))
            name = rng.choice(pools.zh_surnames) + given
            if rng.random() < 0.6:
                suffix = str(rng.randrange(10, 1000)) if rng.random() < 0.7 else ""
                data["emails"] = [f"{email_slug(name)}{suffix}@{rng.choice(words.EMAIL_DOMAINS)}"]
            if rng.random() < EMPLOYER_SHARE:
                data["company"] = rng.choice(pools.zh_companies)
            if rng.random() < 0.25:
                data["title"] = rng.choice(pools.zh_titles)
        data["name"] = name
        data["phones"] = [self._cn_mobile() for _ in range(self._phone_count())]
        if rng.random() < 0.9:
            data["city"] = rng.choice(pools.zh_cities)

    def _english(self, data: dict[str, Any], company_kind: bool) -> None:
        rng, pools = self.rng, self.pools
        city, area_codes = rng.choice(words.US_CITIES)
        if company_kind:
            name = rng.choice(pools.en_companies)
            data["emails"] = self._company_email(name)
        else:
            first, last = rng.choice(pools.en_first), rng.choice(pools.en_last)
            name = f"{first} {last}"
            if rng.random() < 0.6:
                suffix = str(rng.randrange(10, 100)) if rng.random() < 0.5 else ""
                mailbox = f"{email_slug(first)}.{email_slug(last)}{suffix}"
                data["emails"] = [f"{mailbox}@{rng.choice(words.EMAIL_DOMAINS)}"]
            if rng.random() < EMPLOYER_SHARE:
                data["company"] = rng.choice(pools.en_companies)
            if rng.random() < 0.25:
                data["title"] = rng.choice(pools.en_titles)
        data["name"] = name
        data["phones"] = [self._us_number(area_codes) for _ in range(self._phone_count())]
        if rng.random() < 0.9:
            data["city"] = city

    # --- contact details ---------------------------------------------------------------------

    def _phone_count(self) -> int:
        return 2 if self.rng.random() < 0.1 else 1

    def _cn_mobile(self) -> str:
        rng = self.rng
        return f"+86{rng.choice(words.CN_MOBILE_PREFIXES)}{rng.randrange(100_000_000):08d}"

    def _us_number(self, area_codes: Sequence[str]) -> str:
        rng = self.rng
        return (f"+1{rng.choice(area_codes)}{rng.choice(US_EXCHANGES)}"
                f"{rng.randrange(10_000):04d}")

    def _company_email(self, company: str) -> list[str]:
        if self.rng.random() >= 0.7:
            return []
        mailbox = self.rng.choice(("info", "sales", "service"))
        domain = f"{email_slug(company, short=True)}.{self.rng.choice(words.EMAIL_DOMAINS)}"
        return [f"{mailbox}@{domain}"]
