"""The start-up heap is set aside from full garbage collections."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from desktop_crm.services.warm_start import settle_start_up_heap
from desktop_crm.storage.names import name_keys


@pytest.fixture
def unfrozen_afterwards() -> Iterator[None]:
    yield
    gc.unfreeze()  # the rest of the test session collects as before


@pytest.mark.usefixtures("unfrozen_afterwards")
def test_the_start_up_heap_is_frozen_with_the_pinyin_tables_in_it() -> None:
    gc.unfreeze()
    settle_start_up_heap()
    assert gc.get_freeze_count() > 100_000  # pypinyin's tables alone are ~200,000 objects
    assert name_keys("张伟").pinyin == "zhangwei"
