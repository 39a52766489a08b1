"""The service work the record page runs off the GUI thread, and the runner that drops the
answers meant for a customer the page no longer shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from desktop_crm.domain.errors import CrmError
from desktop_crm.services.customer_views import CustomerRecord
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.ops import Lane, OpChanges, Operations

RecordAnswer = tuple[CustomerRecord, str]  # the record and its owner's name


def owner_name(session: CrmSession, owner_id: str | None) -> str:
    """The owner's name, or nothing for a role that may not read users."""
    if owner_id is None:
        return ""
    try:
        owner = session.users.get(owner_id)
    except CrmError:
        return ""
    return owner.display_name or owner.username


def read_customer(session: CrmSession, customer_id: str) -> Callable[[], RecordAnswer]:
    def read() -> RecordAnswer:
        record = session.customers.get(customer_id)
        return record, owner_name(session, record.owner_id)

    return read


def assign_customer(session: CrmSession, customer_id: str, owner_id: str,
                    reason: str) -> Callable[[], RecordAnswer]:
    def assign() -> RecordAnswer:
        record = session.customers.assign(customer_id, owner_id, reason=reason)
        return record, owner_name(session, record.owner_id)

    return assign


class CurrentRunner:
    """Runs work through Operations; an answer arriving after `next()`, or after the page
    it was for was deleted, is dropped."""

    def __init__(self, ops: Operations, show_error: Callable[[Exception], None],
                 context: QObject | None = None) -> None:
        self._ops = ops
        self._show_error = show_error
        self._context = context
        self._generation = 0

    def next(self) -> None:
        """What runs from now on is for another customer (or another look at this one)."""
        self._generation += 1

    def run(self, work: Callable[[], Any], on_success: Callable[[Any], None], lane: Lane, *,
            on_failure: Callable[[Exception], None] | None = None,
            changes: OpChanges | None = None) -> None:
        generation = self._generation

        def success(result: Any) -> None:
            if generation == self._generation:
                on_success(result)

        def failure(error: Exception) -> None:
            if generation == self._generation:
                (on_failure or self._show_error)(error)

        self._ops.run(work, on_success=success, on_failure=failure, lane=lane, changes=changes,
                      context=self._context)
