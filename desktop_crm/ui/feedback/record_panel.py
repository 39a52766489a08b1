"""What every tab beside the timeline shares: the customer it shows, what the user may do
with it, reading its lists on the read lane when the tab is shown (a tab nobody opens costs
no read), reading again after a change to what it lists, and a message line.

A subclass says what to read (`read_work`) and how to show the answer (`show_answer`), and
turns the user's abilities into its buttons (`show_abilities`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop_crm.services.actor import Actor
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.feedback.abilities import RecordAbilities
from desktop_crm.ui.feedback.feedback_errors import feedback_error_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.record.record_work import CurrentRunner
from desktop_crm.ui.widgets import QuietMessageLabel


class RecordPanel(QWidget):
    entities: ClassVar[frozenset[str]]  # the changes that make it read again

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.session = session
        self.ops = ops
        self.actor = actor
        self.customer: tuple[str, str] | None = None  # id, name as the record shows it
        self.abilities = RecordAbilities.none(actor.user_id)
        self.loaded = False  # the lists show the current customer
        self.loading = False
        self._stale = False
        self.dialog: QDialog | None = None  # the one dialog this tab has open
        self._runner = CurrentRunner(ops, self._read_failed, context=self)
        self.message = QuietMessageLabel(f"{name}Message", self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 4, 0, 0)
        self.layout_.addWidget(self.message)
        ops.changes_did_happen.connect(self._on_changes)

    # --- what a subclass says -----------------------------------------------------------------

    def read_work(self, customer_id: str) -> Callable[[], Any]:
        raise NotImplementedError

    def show_answer(self, answer: Any) -> None:
        raise NotImplementedError

    def show_abilities(self) -> None:
        """Show the buttons the user may use, enabled as the selection allows."""
        raise NotImplementedError

    # --- the customer -------------------------------------------------------------------------

    def show_customer(self, customer: tuple[str, str] | None,
                      abilities: RecordAbilities) -> None:
        same = customer is not None and self.customer is not None \
            and customer[0] == self.customer[0]
        self.customer, self.abilities = customer, abilities
        if not same:
            self._runner.next()
            self.loaded = self.loading = False
            self.message.clear_message()
            self.show_answer(None)
            self._stale = customer is not None
        self.show_abilities()
        self._read_if_shown()

    def read_again(self) -> None:
        self._stale = True
        self._read_if_shown()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._read_if_shown()

    def _read_if_shown(self) -> None:
        if not self._stale or self.customer is None or not self.isVisible() \
                or self.session.locked:
            return
        self._stale = False
        self.loading = True
        self._runner.run(self.read_work(self.customer[0]), self._arrived, Lane.READ)

    def _arrived(self, answer: Any) -> None:
        self.loading = False
        self.loaded = True
        self.message.clear_message()
        self.show_answer(answer)
        self.show_abilities()

    def _read_failed(self, error: Exception) -> None:
        self.loading = False
        self.message.show_error(feedback_error_text(error))

    def _on_changes(self, changes: OpChanges) -> None:
        if not isValid(self) or self.customer is None:
            return
        if any(changes.touches(entity) for entity in self.entities):
            self.read_again()

    # --- acting -------------------------------------------------------------------------------

    def open_dialog(self, dialog: QDialog) -> None:
        """One dialog at a time; it is deleted when it closes."""
        if self.dialog is not None and isValid(self.dialog):
            dialog.deleteLater()
            self.dialog.raise_()
            return
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def close_dialogs(self) -> None:
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.done(0)

    def run_write(self, work: Callable[[], Any], entities: frozenset[str],
                  done_text: str = "") -> None:
        """A one-click write (a delete, a close): its failure said on the tab's line."""
        def done(_result: Any) -> None:
            if done_text:
                self.message.show_progress(done_text)

        self.message.clear_message()
        self.ops.run(work, lane=Lane.WRITE, context=self, on_success=done,
                     on_failure=lambda error: self.message.show_error(feedback_error_text(error)),
                     changes=OpChanges(entities))
