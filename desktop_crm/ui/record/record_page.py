"""The customer record page: view and edit one customer beside their timeline.

The main window opens it with `open_customer(id)` or `new_customer()` and asks
`confirm_leave()` before showing another page. Every service call runs through `Operations`;
a `ValidationError` lands under its field, a `Conflict` offers to reload. Actions the role
lacks are absent, masked values stay masked until revealed (audited, for this view only).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_crm.domain.errors import Conflict, NotFound, ValidationError
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.customer_filters import OwnerChoice
from desktop_crm.services.customer_views import CustomerRecord
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.errors import error_text, validation_text
from desktop_crm.ui.feedback.record_tabs import RecordTabs
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.prompts import SaveChoice
from desktop_crm.ui.record.customer_form import CustomerForm
from desktop_crm.ui.record.form_state import FormState
from desktop_crm.ui.record.owner_dialog import ChangeOwnerDialog
from desktop_crm.ui.record.record_banner import ConflictBanner
from desktop_crm.ui.record.record_header import RecordHeader
from desktop_crm.ui.record.record_splitter import FormTimelineSplitter
from desktop_crm.ui.record.record_work import (
    CurrentRunner,
    RecordAnswer,
    assign_customer,
    owner_name,
    read_customer,
)
from desktop_crm.ui.record.timeline import TimelineWidget
from desktop_crm.ui.widgets import QuietMessageLabel

TIMELINE_ENTITIES = ("interaction", "complaint", "satisfaction", "feedback", "order", "contract",
                     "instalment", "receipt", "customer")


class CustomerRecordPage(QWidget):
    customer_did_save = Signal(str)
    customer_did_delete = Signal(str)
    log_call_requested = Signal(str, str)  # customer id, name
    back_requested = Signal()

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerRecordPage")
        self._session = session
        self._ops = ops
        self._actor = actor
        # seams a test replaces: the system's URL handler, where assignable owners come from
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.owner_choices: Callable[[], Sequence[OwnerChoice]] = (
            session.customers.assignable_owners)
        self.owner_dialog: ChangeOwnerDialog | None = None
        self._customer_id: str | None = None  # None: a new customer (or nothing open)
        self._record: CustomerRecord | None = None
        self._revealed: dict[str, tuple[str, ...]] = {}
        self._focus_before_save: QWidget | None = None
        self._runner = CurrentRunner(
            ops, lambda error: self.message.show_error(error_text(error)), context=self)
        self._saving = False
        self._after_save: Callable[[bool], None] | None = None
        self._tags_loaded = False

        self.header = RecordHeader(self)
        self.banner = ConflictBanner(self)
        self.message = QuietMessageLabel("recordMessage", self)
        self.form = CustomerForm(lambda url: self.open_url(url), self)
        self.timeline = TimelineWidget(self)
        # beside the form: the timeline, and the tabs of satisfaction, complaints and commerce
        self.tabs = RecordTabs(session, ops, actor, self.timeline, self)
        self.splitter = FormTimelineSplitter(self.form, self.tabs, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

        header = self.header
        header.back_button.clicked.connect(self.go_back)
        header.save_button.clicked.connect(self.save)
        header.log_call_button.clicked.connect(self.request_log_call)
        header.change_owner_button.clicked.connect(self.change_owner)
        header.delete_button.clicked.connect(self.delete_customer)
        self.banner.reload_button.clicked.connect(self.reload)
        self.form.reveal_requested.connect(self.reveal)
        self._shortcut(QKeySequence.StandardKey.Save, self.save)
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Alt+Left")):
            self._shortcut(keys, self.go_back)
        ops.changes_did_happen.connect(self._on_changes)
        self._show_actions()

    def _shortcut(self, keys: QKeySequence | QKeySequence.StandardKey,
                  slot: Callable[[], object]) -> None:
        shortcut = QShortcut(keys, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    @property
    def record(self) -> CustomerRecord | None:
        """The customer as last read or saved (None while loading or for a new one)."""
        return self._record

    # --- opening ------------------------------------------------------------------------------

    def open_customer(self, customer_id: str) -> None:
        self._start(customer_id)
        self.header.show_title(self.tr("Loading…"))
        self.form.setEnabled(False)
        self._load_record()

    def new_customer(self) -> None:
        self._start(None)
        self.header.show_title(self.tr("New customer"))
        self.form.load(FormState.for_new_customer(self._actor), {})
        self.form.setEnabled(True)
        self.tabs.hide()
        self._show_actions()
        self.form.focus_first_editable()
        self._load_tag_suggestions()

    def reload(self) -> None:
        """Read the customer again, dropping unsaved changes (after a conflict)."""
        if self._customer_id is not None:
            self.open_customer(self._customer_id)

    def _start(self, customer_id: str | None) -> None:
        self._runner.next()
        self._customer_id = customer_id
        self._record = None
        self._revealed = {}
        self.banner.hide()
        self.message.clear_message()
        self.timeline.clear()
        self.tabs.show_customer(None)
        self.tabs.setVisible(customer_id is not None)
        self._show_actions()

    def _load_record(self) -> None:
        self._read_record(on_failure=self._load_failed)
        self._load_timeline()
        self._load_tag_suggestions()

    def _read_record(self, *, on_failure: Callable[[Exception], None]) -> None:
        customer_id = self._customer_id
        assert customer_id is not None, "no customer is open"
        self._runner.run(read_customer(self._session, customer_id), self._show_loaded,
                         Lane.READ, on_failure=on_failure)

    def _show_loaded(self, answer: RecordAnswer) -> None:
        record, owner_name = answer
        previous = self._record
        if previous is None or previous.version != record.version:
            self._revealed = {}  # a revealed value holds only for the version it came from
        self._show_record(record, owner_name)

    def _show_record(self, record: CustomerRecord, owner_name: str) -> None:
        self._record = record
        self._customer_id = record.id
        self.header.show_customer(record.name, record.company, record.lifecycle_stage,
                                  record.tier, owner_name)
        self.form.load(FormState.of_record(record), self._revealed)
        self.form.setEnabled(True)
        self.tabs.show_customer(record)
        self._show_actions()

    def _load_failed(self, error: Exception) -> None:
        self.header.show_title(self.tr("Customer unavailable"))
        self.message.show_error(error_text(error))

    def _load_timeline(self) -> None:
        session, customer_id = self._session, self._customer_id
        if customer_id is None:
            return
        self.timeline.show_loading()
        self._runner.run(lambda: session.timeline.for_customer(customer_id),
                         self.timeline.show_timeline, Lane.READ,
                         on_failure=lambda error: self.timeline.show_error(error_text(error)))

    def _load_tag_suggestions(self) -> None:
        if self._tags_loaded:
            return
        self._tags_loaded = True
        customers = self._session.customers
        self._ops.run(lambda: customers.filter_choices().tags, lane=Lane.READ,
                      on_success=self.form.set_tag_suggestions,
                      on_failure=lambda _error: None)  # completion is a convenience

    def _may_save(self) -> bool:
        if self._record is not None:
            return bool(self._record.editable)
        return self._customer_id is None and self._actor.can(Resource.CUSTOMER, Action.CREATE)

    def _show_actions(self) -> None:
        record, header = self._record, self.header
        header.save_button.setVisible(self._may_save())
        header.log_call_button.setVisible(
            record is not None and self._actor.can(Resource.INTERACTION, Action.CREATE))
        header.change_owner_button.setVisible(bool(record and record.can_assign))
        header.delete_button.setVisible(bool(record and record.can_delete))

    # --- saving -------------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        loaded = self._record is not None or self._customer_id is None
        return loaded and bool(self.form.changes())

    def save(self) -> bool:
        """Start saving; False when there was nothing to start (busy, or nothing changed)."""
        if self._saving or not self._may_save():
            return False
        self.form.clear_errors()
        self.message.clear_message()
        self.banner.hide()
        customers, record = self._session.customers, self._record
        if record is None:
            if self._customer_id is not None:
                return False  # still loading
            data = {k: v for k, v in self.form.values().items() if v not in ("", [], None)}
            work: Callable[[], CustomerRecord] = lambda: customers.create(data)  # noqa: E731
        else:
            changes = self.form.changes()
            if not changes:
                self.message.show_progress(self.tr("No changes to save."))
                return False
            work = lambda: customers.update(  # noqa: E731
                record.id, changes, expected_version=record.version)
        self._saving = True
        self.header.save_button.setEnabled(False)
        # read-only until the answer: what the saved record brings back replaces the form
        self._focus_before_save = self.focusWidget()
        self.form.setEnabled(False)
        self.message.show_progress(self.tr("Saving…"))
        session, actor_name = self._session, self._actor.display_name or self._actor.username

        def save_and_name() -> RecordAnswer:
            saved = work()
            owner = actor_name if record is None else owner_name(session, saved.owner_id)
            return saved, owner

        self._runner.run(save_and_name, self._saved, Lane.WRITE, on_failure=self._save_failed,
                         changes=OpChanges(frozenset({"customer"}), origin=self))
        return True

    def _saved(self, answer: RecordAnswer) -> None:
        record, owner_name = answer
        first_save = self._customer_id is None
        self._show_record(record, owner_name)
        self.message.show_progress(self.tr("Saved."))
        self._finish_save(True)
        if first_save:
            self.tabs.show()
            self._load_timeline()
        self.customer_did_save.emit(record.id)

    def _save_failed(self, error: Exception) -> None:
        self.message.clear_message()
        shown_at_field = isinstance(error, ValidationError) and self.form.show_error(
            error.field, validation_text(error))
        if shown_at_field:
            pass  # the message sits under its field
        elif isinstance(error, Conflict):
            self.banner.show()
        else:
            self.message.show_error(error_text(error))
        self._finish_save(False)

    def _finish_save(self, ok: bool) -> None:
        self._saving = False
        self.header.save_button.setEnabled(True)
        self.form.setEnabled(True)
        focus, self._focus_before_save = self._focus_before_save, None
        if focus is not None and shiboken6.isValid(focus):
            focus.setFocus()
        after, self._after_save = self._after_save, None
        if after is not None:
            after(ok)

    # --- leaving ------------------------------------------------------------------------------

    def confirm_leave(self) -> bool:
        """True when the page may be left: nothing unsaved, discarded, or saved just now."""
        if self._saving:
            return False
        if not self.has_unsaved_changes():
            return True
        name = self._record.name if self._record else self.form.values().get("name", "")
        choice = prompts.ask_save(
            self, QCoreApplication.translate("LeavePrompt", "Unsaved changes"),
            filled(QCoreApplication.translate(
                "LeavePrompt", "Save your changes to “%1” before leaving?"),
                name or self.tr("the new customer")))
        if choice is SaveChoice.CANCEL:
            return False
        if choice is SaveChoice.DISCARD:
            self._discard()
            return True
        return self._save_and_wait()

    def _save_and_wait(self) -> bool:
        """Save and wait for the answer (the GUI keeps running); a failure stays here."""
        outcome: list[bool] = []
        loop = QEventLoop(self)

        def finished(ok: bool) -> None:
            outcome.append(ok)
            loop.quit()

        self._after_save = finished
        if not self.save():
            self._after_save = None
            return not self.has_unsaved_changes()
        if not outcome:
            loop.exec()
        return outcome[0]

    def _discard(self) -> None:
        if self._record is not None:
            self.form.load(FormState.of_record(self._record), self._revealed)
        else:
            self.form.load(FormState.for_new_customer(self._actor), {})

    def go_back(self) -> None:
        if self.confirm_leave():
            self.back_requested.emit()

    # --- actions ------------------------------------------------------------------------------

    def request_log_call(self) -> None:
        if self._record is not None:
            self.log_call_requested.emit(self._record.id, self._record.name)

    def reveal(self, field: str) -> None:
        record, customers = self._record, self._session.customers
        if record is None or not record.can_reveal:
            return
        self._runner.run(lambda: customers.reveal(record.id, field),
                         lambda values: self._show_revealed(field, values), Lane.WRITE,
                         changes=OpChanges(frozenset({"audit"}), origin=self))

    def _show_revealed(self, field: str, values: tuple[str, ...]) -> None:
        self._revealed[field] = values
        self.form.show_revealed(field, values)

    def change_owner(self) -> None:
        if self._record is None or not self._record.can_assign:
            return
        if self.has_unsaved_changes():
            self.message.show_error(self.tr(
                "Save or discard your changes before changing the owner."))
            return
        self._runner.run(self.owner_choices, self._ask_owner, Lane.READ)

    def _ask_owner(self, owners: Sequence[OwnerChoice]) -> None:
        record = self._record
        assert record is not None
        dialog = ChangeOwnerDialog(owners, current_owner_id=record.owner_id,
                                   customer_name=record.name, parent=self)
        self.owner_dialog = dialog
        dialog.accepted.connect(lambda: self._assign(dialog.owner_id(), dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _assign(self, owner_id: str | None, reason: str) -> None:
        self.owner_dialog = None
        record, session = self._record, self._session
        if record is None or owner_id is None or owner_id == record.owner_id:
            return

        self._runner.run(assign_customer(session, record.id, owner_id, reason), self._assigned,
                         Lane.WRITE, changes=OpChanges(frozenset({"customer"}), origin=self))

    def _assigned(self, answer: RecordAnswer) -> None:
        self._show_loaded(answer)
        self.message.show_progress(self.tr("Owner changed to %1.").replace("%1", answer[1]))
        self.customer_did_save.emit(answer[0].id)

    def delete_customer(self) -> None:
        record, customers = self._record, self._session.customers
        if record is None or not record.can_delete:
            return
        if not prompts.confirm(self, self.tr("Delete customer"), self.tr(
                "Delete “%1”? The customer leaves every list; an administrator can still "
                "trace the record in the audit log.").replace("%1", record.name)):
            return
        self._runner.run(lambda: customers.delete(record.id),
                         lambda _none: self._deleted(record.id), Lane.WRITE,
                         changes=OpChanges(frozenset({"customer"}), origin=self))

    def _deleted(self, customer_id: str) -> None:
        self._start(None)
        self.form.load(FormState.for_new_customer(self._actor), {})  # nothing left unsaved
        self.customer_did_delete.emit(customer_id)
        self.back_requested.emit()

    # --- plumbing -----------------------------------------------------------------------------

    def _on_changes(self, changes: OpChanges) -> None:
        if changes.origin is self or self._session.locked or self._customer_id is None:
            return
        if any(changes.touches(entity) for entity in TIMELINE_ENTITIES):
            self._load_timeline()
        if changes.touches("customer") and not self.has_unsaved_changes() and not self._saving:
            self._read_record(on_failure=self._gone)

    def close_dialogs(self) -> None:
        """The session locks: the tabs' dialogs close without asking."""
        self.tabs.close_dialogs()

    def _gone(self, error: Exception) -> None:
        """A quiet re-read failed: say so only when the customer is gone from sight."""
        if isinstance(error, NotFound):
            self._load_failed(error)
