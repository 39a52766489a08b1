"""The operation helper: work off the GUI thread, answers on it, one change broadcast."""

from __future__ import annotations

import threading

from desktop_crm.domain.errors import NotFound
from desktop_crm.ui.ops import Lane, OpChanges, Operations


def test_work_runs_on_a_worker_and_the_answer_arrives_on_the_gui_thread(ops, qtbot):
    gui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["work"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["answer"] = threading.get_ident()
        seen["result"] = result

    with qtbot.waitSignal(ops.busy_did_change, check_params_cb=lambda busy: not busy):
        ops.run(work, on_success=done)
    assert seen["work"] != gui_thread
    assert seen["answer"] == gui_thread
    assert seen["result"] == 42
    assert not ops.busy


def test_an_error_goes_to_on_failure_and_nothing_is_broadcast(ops, qtbot):
    failures: list[Exception] = []
    broadcasts: list[OpChanges] = []
    ops.changes_did_happen.connect(broadcasts.append)

    def work() -> None:
        raise NotFound("customer")

    with qtbot.waitSignal(ops.busy_did_change, check_params_cb=lambda busy: not busy):
        ops.run(work, on_failure=failures.append,
                changes=OpChanges(frozenset({"customer"})))
    assert isinstance(failures[0], NotFound)
    assert broadcasts == []


def test_a_successful_change_is_broadcast_once_after_the_answer(ops, qtbot):
    order: list[str] = []
    changes = OpChanges(frozenset({"customer"}), origin="list view")
    ops.changes_did_happen.connect(lambda c: order.append(f"broadcast {sorted(c.entities)}"))
    with qtbot.waitSignal(ops.changes_did_happen) as blocker:
        ops.run(lambda: None, on_success=lambda _: order.append("answer"), changes=changes)
    assert blocker.args == [changes]
    assert order == ["answer", "broadcast ['customer']"]
    assert changes.touches("customer") and not changes.touches("user")


def test_reads_do_not_wait_behind_a_long_write(qtbot):
    ops = Operations()
    release = threading.Event()
    answers: list[str] = []
    ops.run(lambda: release.wait(10), on_success=lambda _: answers.append("write"))
    with qtbot.waitSignal(ops.changes_did_happen, timeout=5_000):
        ops.run(lambda: "read", on_success=answers.append, lane=Lane.READ,
                changes=OpChanges(frozenset({"probe"})))
    assert answers == ["read"]  # the write lane is still busy
    release.set()
    qtbot.waitUntil(lambda: answers == ["read", "write"], timeout=5_000)
    ops.wait_for_workers()


class _Held:
    """Something a closure names (a widget, in the app); says which thread freed it."""

    def __init__(self, freed_on: list[int]) -> None:
        self._freed_on = freed_on

    def __del__(self) -> None:
        self._freed_on.append(threading.get_ident())


def test_the_work_its_callbacks_and_its_answer_are_freed_on_the_gui_thread(ops, qtbot):
    # A widget freed on a worker thread crashes Qt, and one never freed leaks its page: the
    # GUI thread drops the last reference to all an operation holds, success or failure.
    gui_thread = threading.get_ident()
    freed_on: list[int] = []
    runs = 60
    for number in range(runs):
        held, answer = _Held(freed_on), _Held(freed_on)

        def work(held: _Held = held, answer: _Held = answer, fails: bool = number % 2 == 1
                 ) -> _Held:
            if fails:
                raise NotFound(f"customer {held}")
            return answer

        def callback(_outcome: object, held: _Held = held) -> None:
            pass

        ops.run(work, on_success=callback, on_failure=callback,
                lane=Lane.READ if number % 3 else Lane.WRITE)
        del work, callback, held, answer
    qtbot.waitUntil(lambda: not ops.busy)
    ops.wait_for_workers()
    qtbot.waitUntil(lambda: len(freed_on) == 2 * runs)
    assert set(freed_on) == {gui_thread}
