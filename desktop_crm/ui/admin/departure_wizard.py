"""The departure wizard: pick who leaves (their reveals and exports freeze at once), see what
they hold, choose who receives it, confirm, then run the departure and show what moved.

The run (`departures.complete`) cannot be interrupted from here: the wizard refuses to close
while it runs. Cancelling before it asks first and gives the frozen user their reveals and
exports back. A run cut short by a crash is finished by the service at the next sign-in.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_crm.domain.enums import DepartureState
from desktop_crm.services.actor import Actor
from desktop_crm.services.departure import DepartureView, Inventory, Outcome
from desktop_crm.services.org_views import DepartmentView, UserView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.admin.departure_pages import (
    FREEZE_CHANGES,
    ConfirmPage,
    DepartureDraft,
    HoldingsPage,
    PickUserPage,
    note_label,
    person_text,
)
from desktop_crm.ui.admin.departure_receivers import ReceiversPage
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import MessageLabel

# What a finished departure touched, for every open view (customer lists, the users tab,
# the audit log, the alerts badge, reminders and complaints).
DEPARTURE_CHANGES = frozenset({"departure", "user", "customer", "reminder", "complaint",
                               "audit", "alert"})
_AFTER_COMMIT = (DepartureState.COMMITTED.value, DepartureState.DONE.value)

# The departure service's refusals these screens may show, marked for the catalogue.
_SERVICE_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "choose at least one user to receive the customers"),
    QT_TRANSLATE_NOOP("ServiceMessages", "each receiver may be chosen once"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "the departing user cannot receive their own customers"),
    QT_TRANSLATE_NOOP("ServiceMessages", "you cannot run your own departure; ask another admin"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "this departure is already committed and cannot be cancelled"),
    QT_TRANSLATE_NOOP("ServiceMessages", "only a departed user's holdings are reassigned here; "
                                         "start a departure for an active user"),
)


class RunPage(QWizardPage):
    """The departure runs here; then what moved to whom, or what went wrong, in words."""

    IDLE, RUNNING, DONE, FAILED_BEFORE, FAILED_AFTER = range(5)
    retry_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, draft: DepartureDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runPage")
        self._draft = draft
        self.state = self.IDLE
        self.outcome: Outcome | None = None
        self.setTitle(self.tr("The departure"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("departureProgress")
        self.progress.setRange(0, 0)  # the service reports no steps: indeterminate
        self.progress.setTextVisible(False)
        self.step = MessageLabel("departureStep", self)
        self.result = note_label("", self, "departureResult")
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.setObjectName("retryDepartureButton")
        self.retry_button.clicked.connect(self.retry_requested)
        self.cancel_button = QPushButton(self.tr("Cancel the departure…"), self)
        self.cancel_button.setObjectName("cancelDepartureButton")
        self.cancel_button.clicked.connect(self.cancel_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.step)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._show_buttons(False)

    def isComplete(self) -> bool:
        return self.state in (self.DONE, self.FAILED_AFTER)

    def show_running(self) -> None:
        self.state = self.RUNNING
        draft = self._draft
        name = person_text(draft.leaving) if draft.leaving else ""
        self.setSubTitle(self.tr("This cannot be interrupted; please wait."))
        self.progress.show()
        self.step.show_progress(self.tr(
            "Ending %1's access, handing over %n customer(s) and rotating the vault's data "
            "key… On a large vault this takes a few seconds.", "", sum(draft.counts.values()))
            .replace("%1", name))
        self.result.clear()
        self._show_buttons(False)
        self.completeChanged.emit()

    def show_outcome(self, outcome: Outcome) -> None:
        self.state = self.DONE
        self.outcome = outcome
        draft, moved = self._draft, outcome.moved
        name = person_text(draft.leaving) if draft.leaving else outcome.departure.username
        self.setSubTitle(self.tr("Done."))
        self.progress.hide()
        self.step.show_progress(self.tr("%1 has departed: their access is revoked on every "
                                        "device.").replace("%1", name))
        lines = [self.tr("Customers moved:")]
        for user_id in draft.receiver_ids:
            lines.append("    " + self.tr("%1: %2").replace("%1", draft.person(user_id))
                         .replace("%2", str(moved.customers.get(user_id, 0))))
        lines += [
            self.tr("Open reminders moved: %1").replace("%1", str(moved.reminders)),
            self.tr("Open complaints moved: %1").replace("%1", str(moved.complaints)),
            self.tr("Collaborator grants ended: %1").replace("%1", str(moved.grants_ended)),
            self.tr("Direct reports moved: %1").replace("%1", str(moved.direct_reports)),
            "",
            self.tr("The vault's data key was rotated.") if outcome.key_rotated else self.tr(
                "The data key is not rotated yet: that finishes at the next sign-in."),
        ]
        self.result.setText("\n".join(lines))
        self._show_buttons(False)
        self.completeChanged.emit()

    def show_failure(self, error: Exception, state: str | None) -> None:
        """`state`: the departure's state read back after the error (None: unknown)."""
        self.progress.hide()
        self.setSubTitle(self.tr("The departure did not finish."))
        self.step.show_error(error_text(error))
        name = person_text(self._draft.leaving) if self._draft.leaving else ""
        if state == DepartureState.FROZEN.value:
            self.state = self.FAILED_BEFORE
            self.result.setText(self.tr(
                "Nothing was changed: %1 still owns their customers, and their exports and "
                "reveals stay frozen. Try again, or cancel the departure.").replace("%1", name))
        elif state in _AFTER_COMMIT:
            self.state = self.FAILED_AFTER
            self.result.setText(self.tr(
                "%1 has departed and their customers were handed over; the rest of the key "
                "work finishes by itself at the next sign-in.").replace("%1", name))
        else:
            self.state = self.FAILED_AFTER
            self.result.setText(self.tr(
                "Sign in again and look at the departures list: a departure that was saved "
                "is finished by itself at the next sign-in."))
        self._show_buttons(self.state == self.FAILED_BEFORE)
        self.completeChanged.emit()

    def refuse_close(self) -> None:
        self.step.show_error(self.tr("The departure is running and cannot be interrupted; "
                                     "this window closes once it has finished."))

    def _show_buttons(self, visible: bool) -> None:
        self.retry_button.setVisible(visible)
        self.cancel_button.setVisible(visible)


class DepartureWizard(QWizard):
    """Emits `departure_did_finish(user_id)` once a departure is complete."""

    departure_did_finish = Signal(str)

    PICK, HOLDINGS, RECEIVERS, CONFIRM, RUN = range(5)

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None, *, user_id: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departureWizard")
        self.setWindowTitle(self.tr("Staff departure"))
        self.setWizardStyle(
            QWizard.WizardStyle.MacStyle if sys.platform == "darwin"
            else QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Depart and revoke access"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.setMinimumSize(640, 480)
        self._session = session
        self._ops = ops
        self._actor = actor
        self._cancelling = False
        self.draft = DepartureDraft()
        departures = session.departures

        def freeze(chosen: str, previous: str | None) -> Inventory:
            if previous is not None and previous != chosen:
                departures.cancel(previous)  # they changed their mind about who leaves
            return departures.freeze(chosen)

        self.pick_page = PickUserPage(self.draft, ops, freeze, self)
        self.pick_page.preselect = user_id
        self.holdings_page = HoldingsPage(self.draft, self)
        self.receivers_page = ReceiversPage(self.draft, ops, departures.preview, self)
        self.confirm_page = ConfirmPage(self.draft, self)
        self.run_page = RunPage(self.draft, self)
        for page_id, page in ((self.PICK, self.pick_page), (self.HOLDINGS, self.holdings_page),
                              (self.RECEIVERS, self.receivers_page),
                              (self.CONFIRM, self.confirm_page), (self.RUN, self.run_page)):
            self.setPage(page_id, page)
        self.run_page.retry_requested.connect(self._start_run)
        self.run_page.cancel_requested.connect(self.reject)
        self._load()

    # --- reading who works here ------------------------------------------------------------

    def _load(self) -> None:
        session = self._session
        self.pick_page.message.show_progress(self.tr("Reading the users…"))

        def read() -> tuple[list[UserView], list[DepartmentView]]:
            return session.users.list(include_departed=False), session.departments.list()

        self._ops.run(read, on_success=self._loaded, on_failure=self._load_failed,
                      lane=Lane.READ, context=self)

    def _loaded(self, read: tuple[list[UserView], list[DepartmentView]]) -> None:
        users, departments = read
        self.draft.users = users
        self.draft.departments = {d.id: d.name for d in departments}
        self.draft.loaded = True
        self.pick_page.message.clear_message()
        self.pick_page.show_users(self._actor.user_id)

    def _load_failed(self, error: Exception) -> None:
        self.pick_page.message.show_error(error_text(error))

    # --- the run ------------------------------------------------------------------------------

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if page_id == self.RUN:
            self._start_run()

    @property
    def running(self) -> bool:
        return self.run_page.state == RunPage.RUNNING

    @property
    def committed(self) -> bool:
        return self.run_page.state in (RunPage.DONE, RunPage.FAILED_AFTER)

    def _start_run(self) -> None:
        leaving = self.draft.leaving
        if leaving is None or self.running:
            return
        departures = self._session.departures
        receivers, mode = list(self.draft.receiver_ids), self.draft.mode
        self.run_page.show_running()
        self._ops.run(lambda: departures.complete(leaving.id, receivers, mode),
                      on_success=self._completed, on_failure=self._run_failed,
                      lane=Lane.WRITE, changes=OpChanges(DEPARTURE_CHANGES, origin=self),
                      context=self)

    def _completed(self, outcome: Outcome) -> None:
        self.run_page.show_outcome(outcome)
        self.departure_did_finish.emit(outcome.departure.user_id)

    def _run_failed(self, error: Exception) -> None:
        """Read back how far it got: the words differ before and after the commit."""
        leaving = self.draft.leaving
        assert leaving is not None
        departures = self._session.departures

        def state_now() -> str | None:
            mine = [d for d in departures.history() if d.user_id == leaving.id]
            return _latest(mine).state if mine else None

        self._ops.run(state_now,
                      on_success=lambda state: self.run_page.show_failure(error, state),
                      on_failure=lambda _again: self.run_page.show_failure(error, None),
                      lane=Lane.READ, context=self)

    # --- closing --------------------------------------------------------------------------

    def reject(self) -> None:
        if self.running:
            self.run_page.refuse_close()
            return
        if self.pick_page.busy or self._cancelling:
            return  # a freeze or a cancel is being saved; its answer decides what is left
        frozen = self.draft.frozen_for
        if frozen is None or self.committed:
            super().reject()
            return
        name = self.draft.person(frozen)
        if not prompts.confirm(self, self.tr("Cancel the departure"), self.tr(
                "Cancel the departure of %1? Nothing has moved yet; their exports and reveals "
                "come back.").replace("%1", name)):
            return
        self._cancelling = True
        departures = self._session.departures
        self._ops.run(lambda: departures.cancel(frozen), on_success=self._cancelled,
                      on_failure=self._cancel_failed, lane=Lane.WRITE,
                      changes=OpChanges(FREEZE_CHANGES, origin=self), context=self)

    def _cancelled(self, _result: object) -> None:
        self._cancelling = False
        self.draft.frozen_for = None
        super().reject()

    def _cancel_failed(self, error: Exception) -> None:
        self._cancelling = False
        prompts.warn(self, self.tr("Cancel the departure"), error_text(error))


def _latest(departures: list[DepartureView]) -> DepartureView:
    return max(departures, key=lambda d: d.frozen_at)
