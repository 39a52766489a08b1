"""Pools of names, companies, cities and titles drawn from Faker once per demo build.

Faker is slow per call (tens of microseconds and more) and a million customers cannot afford
it per row, so the generator draws every row from these lists with its own seeded random
source. Faker is pinned to one exact version, so a seed gives the same pools everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from faker import Faker

from desktop_crm.storage.names import name_keys

# Names per list: with the random combination of first and last names, enough variety for a
# million customers; Faker's weighted draws (surnames, English names) cost ~0.1 ms each, so
# the pools take under a second to build.
POOL_SIZE = 2000


@dataclass(frozen=True)
class NamePools:
    zh_surnames: tuple[str, ...]  # drawn with Faker's frequency weights: 王, 李, 张 come often
    zh_given: tuple[str, ...]
    zh_given_chars: tuple[str, ...]  # single characters, for given names Faker lacks
    zh_companies: tuple[str, ...]
    zh_cities: tuple[str, ...]
    zh_titles: tuple[str, ...]
    en_first: tuple[str, ...]
    en_last: tuple[str, ...]
    en_companies: tuple[str, ...]
    en_titles: tuple[str, ...]


def build_pools(seed: int, size: int = POOL_SIZE) -> NamePools:
    zh = Faker("zh_CN")
    en = Faker("en_US")
    zh.seed_instance(seed)
    en.seed_instance(seed)
    zh_given = tuple(zh.first_name() for _ in range(size))
    return NamePools(
        zh_surnames=tuple(zh.last_name() for _ in range(size)),
        zh_given=zh_given,
        zh_given_chars=tuple(sorted({c for name in zh_given for c in name})),
        zh_companies=tuple(zh.company() for _ in range(size)),
        zh_cities=tuple(zh.city_name() for _ in range(size // 10)),
        zh_titles=tuple(zh.job()[:20] for _ in range(size // 10)),
        en_first=tuple(en.first_name() for _ in range(size // 2)),
        en_last=tuple(en.last_name() for _ in range(size // 2)),
        en_companies=tuple(en.company() for _ in range(size // 2)),
        en_titles=tuple(en.job()[:40] for _ in range(size // 10)),
    )


def email_slug(name: str, *, short: bool = False) -> str:
    """An ASCII mailbox or domain label: pinyin (initials when `short`) for Chinese, letters
    for Latin text."""
    keys = name_keys(name, person=not short)
    if keys.pinyin:
        return keys.initials if short else keys.pinyin
    letters = "".join(c for c in name.lower() if c.isascii() and c.isalnum())
    return letters[:20] or "contact"
