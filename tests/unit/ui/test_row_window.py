"""The list's page window: bounded memory, keyset continuation, and only the pages still wanted."""

from __future__ import annotations

from desktop_crm.ui.customers.row_window import IN_FLIGHT_MAX, WANTED_KEPT, RowWindow


def page(index: int, size: int = 10) -> list[int]:
    return list(range(index * size, (index + 1) * size))


def test_a_missing_row_is_wanted_once_and_asked_for_by_jump_then_held():
    window: RowWindow[int] = RowWindow(page_size=10)
    assert window.row(35) is None
    assert window.row(36) is None  # the same page: one wish
    [request] = window.next_requests()
    assert (request.index, request.after) == (3, None)
    assert window.next_requests() == []  # in flight: not asked twice
    window.store(3, page(3), ("key", 39))
    assert window.row(35) == 35


def test_the_page_after_a_held_page_continues_from_its_key():
    window: RowWindow[int] = RowWindow(page_size=10)
    window.store(0, page(0), ("key", 9))
    window.row(12)
    [request] = window.next_requests()
    assert (request.index, request.after) == (1, ("key", 9))


def test_memory_is_bounded_and_the_least_recently_used_page_goes_first():
    window: RowWindow[int] = RowWindow(page_size=10, pages_kept=3)
    for index in range(3):
        window.store(index, page(index), None)
    window.row(0)  # page 0 used again: page 1 is now the oldest
    window.store(3, page(3), None)
    assert window.rows_held() == 30
    assert window.row(5) == 5
    assert window.row(15) is None


def test_requests_stay_within_the_in_flight_limit_and_favour_the_newest_wish():
    window: RowWindow[int] = RowWindow(page_size=10)
    for index in range(WANTED_KEPT + 3):
        window.row(index * 10)
    requests = window.next_requests()
    assert len(requests) == IN_FLIGHT_MAX
    newest = WANTED_KEPT + 2
    assert [r.index for r in requests] == [newest, newest - 1]
    window.store(newest, page(newest), None)
    # wishes older than WANTED_KEPT were for rows scrolled past: never asked for
    asked = {r.index for r in window.next_requests()}
    assert asked == {newest - 2}
    assert all(index >= newest - WANTED_KEPT + 1 for index in asked)


def test_a_failed_page_can_be_asked_for_again():
    window: RowWindow[int] = RowWindow(page_size=10)
    window.row(0)
    [request] = window.next_requests()
    window.failed(request.index)
    window.row(0)
    assert [r.index for r in window.next_requests()] == [0]


def test_a_short_last_page_answers_none_past_its_end():
    window: RowWindow[int] = RowWindow(page_size=10)
    window.store(0, [1, 2, 3], None)
    assert window.row(2) == 3
    assert window.row(3) is None
