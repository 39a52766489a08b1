"""Create or edit one reminder.

A new reminder starts on the given day (and with the given customer); an existing one is read
with `session.reminders.get` on the read lane, and saved with its version, so an edit made
elsewhere meanwhile is refused instead of overwritten. Saving runs on the write lane; a refused
value comes back as the service's ValidationError and is shown under its field with the dialog
still open and nothing saved. An edit sends only the fields the person changed. A saved
reminder emits `reminder_did_save` with the ReminderView, tells every view that reminders
changed, and closes the dialog.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop_crm.domain.errors import NotFound, ValidationError
from desktop_crm.services.customers import CustomerService
from desktop_crm.services.reminder_views import ReminderView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.calendar.reminder_form import ReminderForm
from desktop_crm.ui.calendar.reminder_messages import reminder_message_text
from desktop_crm.ui.calls.customer_picker import CustomerPicker
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import MessageLabel, entry_dialog_buttons

REMINDER_SAVED = frozenset({"reminder"})


class ReminderDialog(QDialog):
    reminder_did_save = Signal(object)  # ReminderView

    def __init__(self, session: CrmSession, ops: Operations, *,
                 reminder_id: str | None = None, day: date | None = None,
                 customer_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderDialog")
        self._session = session
        self._ops = ops
        self._reminder_id = reminder_id
        self._version: int | None = None
        self._loading = False
        self._saving = False
        self._closed = False  # answers arriving after this find no widgets to fill
        self._given: tuple[str, str] | None = None  # the customer it came with: (id, name)
        self._untouched: dict[str, Any] = {}
        self.loaded: ReminderView | None = None
        self.saved: ReminderView | None = None
        self.setWindowTitle(self.tr("Edit reminder") if reminder_id else self.tr("New reminder"))

        self.picker = CustomerPicker(session.customers, ops, self)
        self.picker.search_edit.setPlaceholderText(
            self.tr("Optional: type a customer's name, pinyin initials or phone digits"))
        self.form = ReminderForm(self.picker, self)
        self.message = MessageLabel("reminderMessage", self)
        self.message.setMinimumHeight(0)
        buttons, self.save_button, self.cancel_button = entry_dialog_buttons(
            self, accept_text=self.tr("Save reminder"),
            accept_name="saveReminderButton", save=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)

        self.form.start_new(day or session.clock.now().astimezone().date(), session.clock.now())
        self._untouched = self.form.values()
        if reminder_id is not None:
            self._load(reminder_id)
        elif customer_id is not None:
            self._load_customer(customer_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._closed = False
        self.form.title_edit.setFocus()  # what to do comes first; the day is usually right

    # --- loading ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    def _load(self, reminder_id: str) -> None:
        reminders, customers = self._session.reminders, self._session.customers

        def read() -> tuple[ReminderView, str | None]:
            view = reminders.get(reminder_id)
            return view, _customer_name(customers, view.customer_id)

        self._loading = True
        self._set_enabled(False)
        self.message.show_progress(self.tr("Loading…"))
        self._ops.run(read, lane=Lane.READ, context=self,
                      on_success=self._loaded, on_failure=self._load_failed)

    def _loaded(self, found: tuple[ReminderView, str | None]) -> None:
        view, customer_name = found
        self.loaded, self._version = view, view.version
        self._loading = False
        self._set_enabled(True)
        self.message.clear_message()
        self.form.load(view)
        if view.customer_id is not None:
            self._show_given((view.customer_id, self._name_shown(customer_name)))
        self._untouched = self.form.values()
        self.form.title_edit.setFocus()

    def _load_failed(self, error: Exception) -> None:
        self._loading = False  # the fields stay disabled: nothing to edit, only Cancel
        self.message.show_error(error_text(error))

    def _load_customer(self, customer_id: str) -> None:
        customers = self._session.customers
        self._ops.run(lambda: _customer_name(customers, customer_id), lane=Lane.READ,
                      context=self, on_success=lambda name: self._show_given(
                          (customer_id, self._name_shown(name))),
                      on_failure=lambda error: self.message.show_error(error_text(error)))

    def _show_given(self, customer: tuple[str, str]) -> None:
        self._given = customer
        self.picker.search_edit.setText(customer[1])

    def _name_shown(self, name: str | None) -> str:
        return self.tr("(a customer outside your view)") if name is None else name

    # --- the customer -------------------------------------------------------------------------

    def customer(self) -> tuple[str, str] | None:
        """(id, name) of the linked customer: picked now, or the one it came with while its
        name is still in the box."""
        picked = self.picker.picked()
        if picked is not None:
            return picked
        text = self.picker.search_edit.text().strip()
        if self._given is not None and text == self._given[1]:
            return self._given
        return None

    def _customer_problem(self) -> str:
        if self.customer() is None and self.picker.search_edit.text().strip():
            return self.tr("Pick the customer from the list, or clear the box for none.")
        return ""

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving or self._loading or not self.save_button.isEnabled():
            return
        self.form.clear_errors()
        self.message.clear_message()
        problem = self.form.problem()
        if problem is not None:
            self.form.show_error(*problem)
            return
        customer_problem = self._customer_problem()
        if customer_problem:
            self.picker.show_error(customer_problem)
            self.picker.search_edit.setFocus()
            return
        values = self.form.values()
        if self.loaded is not None:
            # only what the person changed: an untouched rule, zone or start stays exactly as
            # stored (the service forgets a series' done and moved occurrences when they move)
            values = {name: value for name, value in values.items()
                      if value != self._untouched.get(name)}
        customer = self.customer()
        customer_id = customer[0] if customer is not None else None
        loaded_customer = self.loaded.customer_id if self.loaded is not None else None
        if self.loaded is None or customer_id != loaded_customer:
            values["customer_id"] = customer_id  # unchanged: not sent (it may be out of sight)
        reminders, reminder_id, version = self._session.reminders, self._reminder_id, \
            self._version
        if reminder_id is None:
            def work() -> ReminderView:
                return reminders.create(values)
        else:
            def work() -> ReminderView:
                return reminders.update(reminder_id, values, version=version)
        self._saving = True
        self._set_enabled(False)
        self.message.show_progress(self.tr("Saving…"))
        self._ops.run(work, lane=Lane.WRITE, on_success=self._saved, on_failure=self._failed,
                      changes=OpChanges(REMINDER_SAVED, origin=self))

    def _saved(self, view: ReminderView) -> None:
        self.saved = view
        self._saving = False
        if self._closed:  # closed under way (the vault locked): saved all the same
            return
        self._set_enabled(True)
        self.message.clear_message()
        self.reminder_did_save.emit(view)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._saving = False
        if self._closed:
            return
        self._set_enabled(True)
        self.message.clear_message()
        if isinstance(error, ValidationError):
            text = reminder_message_text(error)
            if error.field == "customer_id":
                self.picker.show_error(text)
                return
            if self.form.show_error(error.field, text):
                return
        self.message.show_error(error_text(error))

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.form, self.picker, self.save_button):
            widget.setEnabled(enabled)

    # --- closing ------------------------------------------------------------------------------

    def typed_anything(self) -> bool:
        """Whether closing now would lose a change the person made."""
        if self.loaded is None and self._reminder_id is not None:
            return False  # never loaded: nothing of theirs to lose
        given = self._given[1] if self._given is not None else ""
        return self.form.values() != self._untouched or \
            self.picker.search_edit.text().strip() != given

    def done(self, result: int) -> None:
        """Closing by any path: later answers are dropped (the window may be deleted)."""
        self._closed = True
        self.picker.cancel()
        super().done(result)

    def reject(self) -> None:
        """Esc or Cancel: ask first when closing would lose what was typed."""
        if self._saving:
            return  # wait for the answer
        if self.typed_anything() and not prompts.confirm(
                self, self.tr("Discard this reminder?"),
                self.tr("What you changed in this reminder will be lost.")):
            return
        super().reject()


def _customer_name(customers: CustomerService, customer_id: str | None) -> str | None:
    """The linked customer's name as this user may see it; None when out of sight."""
    if customer_id is None:
        return ""
    try:
        record = customers.get(customer_id)
    except NotFound:
        return None
    return record.name or record.company
