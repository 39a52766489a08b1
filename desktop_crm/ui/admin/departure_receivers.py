"""Who receives a departing (or departed) user's customers: the receiver chooser with its
live, debounced preview of the split, and the wizard page around it. The awaiting list's
Reassign dialog uses the same chooser.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop_crm.domain.departure_split import SplitMode
from desktop_crm.domain.enums import UserStatus
from desktop_crm.services.org_views import UserView
from desktop_crm.ui.admin.departure_pages import (
    DepartureDraft,
    filter_list,
    note_label,
    person_text,
    user_line,
)
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.ops import Lane, Operations
from desktop_crm.ui.widgets import MessageLabel

PREVIEW_DELAY_MS = 250  # a burst of ticks asks for one preview, after the last

Preview = Callable[[list[str], SplitMode], dict[str, int]]

class ReceiverChooser(QWidget):
    """Tick one receiver or several and a split; shows how many customers each would get.

    The order of ticking counts: the first receiver takes what belongs to no customer (open
    work, direct reports) and, split by tier, the most valuable customers.
    """

    choice_did_change = Signal()

    def __init__(self, ops: Operations, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiverChooser")
        self._ops = ops
        self._preview = preview
        self._people: dict[str, str] = {}
        self._order: list[str] = []
        self._asked = 0  # the newest preview asked for; older answers are dropped
        self.counts: dict[str, int] | None = None
        self.failed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._ask_preview)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("receiverFilterEdit")
        self.filter_edit.setPlaceholderText(self.tr("Search receivers…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("receiverList")
        self.filter_edit.textChanged.connect(lambda text: filter_list(self.list, text))
        self.list.itemChanged.connect(self._ticked)

        self.modes = QButtonGroup(self)
        self.mode_radios: dict[SplitMode, QRadioButton] = {}
        self._hints: list[QLabel] = []
        split_box = QVBoxLayout()
        split_box.setSpacing(2)
        self.split_caption = note_label(self.tr("How several receivers share the customers:"), self)
        split_box.addWidget(self.split_caption)
        for mode, label, explanation in (
            (SplitMode.DEPARTMENT, self.tr("By department"), self.tr(
                "Each customer goes to the receiver in the customer's department (or the "
                "nearest one above it); the rest are dealt out in turn.")),
            (SplitMode.TIER, self.tr("By tier"), self.tr(
                "Whole tiers are dealt out in turn: high-value to the first receiver, "
                "potential to the second, and so on.")),
            (SplitMode.ROUND_ROBIN, self.tr("In turn (even split)"), self.tr(
                "Customers are dealt out one by one, so everyone gets about the same number.")),
        ):
            radio = QRadioButton(label, self)
            radio.setObjectName(f"split_{mode.value.replace('-', '_')}")
            self.modes.addButton(radio)
            self.mode_radios[mode] = radio
            hint = note_label(explanation, self)
            hint.setIndent(24)
            self._hints.append(hint)
            split_box.addWidget(radio)
            split_box.addWidget(hint)
        self.mode_radios[SplitMode.DEPARTMENT].setChecked(True)
        self.modes.buttonToggled.connect(lambda _b, on: on and self._changed())

        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("receiverPreviewTable")
        self.table.setHorizontalHeaderLabels([self.tr("Receiver"), self.tr("Customers")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        # room for three receivers without scrolling, however small the window
        self.table.setMinimumHeight(header.sizeHint().height() + 3 * rows.defaultSectionSize()
                                    + 2 * self.table.frameWidth())
        self.list.setMinimumHeight(4 * (self.fontMetrics().height() + 4))
        self.message = MessageLabel("receiverPreviewMessage", self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 3)
        layout.addLayout(split_box)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.message)
        self._changed()

    # --- choices --------------------------------------------------------------------------

    def set_candidates(self, users: Sequence[UserView], departments: Mapping[str, str]) -> None:
        """Active users only: a suspended or departed person cannot take customers."""
        self.list.blockSignals(True)
        self.list.clear()
        self._order = []
        self._people = {}
        for user in users:
            if user.status != UserStatus.ACTIVE:
                continue
            self._people[user.id] = person_text(user)
            item = QListWidgetItem(user_line(user, departments, ""))
            item.setData(Qt.ItemDataRole.UserRole, user.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._changed()

    def set_checked(self, user_id: str, checked: bool = True) -> bool:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == user_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return True
        return False

    def set_mode(self, mode: SplitMode) -> None:
        self.mode_radios[mode].setChecked(True)

    @property
    def receiver_ids(self) -> list[str]:
        return list(self._order)

    @property
    def mode(self) -> SplitMode:
        return next(m for m, radio in self.mode_radios.items() if radio.isChecked())

    @property
    def ready(self) -> bool:
        """A receiver is chosen and the counts shown are for this very choice."""
        return bool(self._order) and self.counts is not None and not self.failed

    def _ticked(self, item: QListWidgetItem) -> None:
        user_id = item.data(Qt.ItemDataRole.UserRole)
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and user_id not in self._order:
            self._order.append(user_id)
        elif not checked and user_id in self._order:
            self._order.remove(user_id)
        self._changed()

    def _changed(self) -> None:
        several = len(self._order) > 1
        self.split_caption.setEnabled(several)
        for widget in (*self.mode_radios.values(), *self._hints):
            widget.setEnabled(several)
        self.counts, self.failed = None, False
        self._asked += 1
        self.table.setRowCount(0)
        if not self._order:
            self._timer.stop()
            self.message.show_progress(
                self.tr("Tick at least one person to receive the customers."))
        else:
            self.message.show_progress(self.tr("Counting…"))
            self._timer.start()
        self.choice_did_change.emit()

    # --- the live preview -------------------------------------------------------------------

    def _ask_preview(self) -> None:
        asked, receivers, mode, preview = self._asked, list(self._order), self.mode, self._preview
        self._ops.run(lambda: preview(receivers, mode),
                      on_success=lambda counts: self._show_counts(asked, counts),
                      on_failure=lambda error: self._show_failure(asked, error),
                      lane=Lane.READ, context=self)

    def _show_counts(self, asked: int, counts: dict[str, int]) -> None:
        if asked != self._asked:
            return
        self.counts = dict(counts)
        self.table.setRowCount(len(self._order))
        for row, user_id in enumerate(self._order):
            name = self._people.get(user_id, user_id)
            if row == 0 and len(self._order) > 1:
                name = self.tr("%1 (first receiver)").replace("%1", name)
            count = QTableWidgetItem(str(counts.get(user_id, 0)))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, count)
        self.message.show_progress(self.tr("%n customer(s) in all.", "", sum(counts.values())))
        self.choice_did_change.emit()

    def _show_failure(self, asked: int, error: Exception) -> None:
        if asked != self._asked:
            return
        self.failed = True
        self.message.show_error(error_text(error))
        self.choice_did_change.emit()

    def person(self, user_id: str) -> str:
        return self._people.get(user_id, user_id)


class ReceiversPage(QWizardPage):
    def __init__(self, draft: DepartureDraft, ops: Operations, preview: Callable[
                 [str, list[str], SplitMode], dict[str, int]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiversPage")
        self._draft = draft
        self._for: str | None = None  # the leaving user the list was filled for
        self.setTitle(self.tr("Who receives their customers?"))

        def preview_for_leaving(receivers: list[str], mode: SplitMode) -> dict[str, int]:
            leaving = draft.leaving
            assert leaving is not None
            return preview(leaving.id, receivers, mode)

        self.chooser = ReceiverChooser(ops, preview_for_leaving, self)
        self.history_note = note_label("", self, "historyNote")
        self.chooser.choice_did_change.connect(self._choice_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser, 1)
        layout.addWidget(self.history_note)

    def initializePage(self) -> None:
        leaving = self._draft.leaving
        if leaving is None:
            return
        name = person_text(leaving)
        self.setSubTitle(self.tr(
            "One person can take everything, or several can share it. The first person you "
            "tick also takes open work not tied to a customer and %1's direct reports.")
            .replace("%1", name))
        self.history_note.setText(self.tr(
            "%1's name stays on each customer's ownership history: you can always see who "
            "looked after a customer before.").replace("%1", name))
        if self._for != leaving.id:  # a different person is leaving: start the choice over
            self._for = leaving.id
            self.chooser.set_candidates(
                [u for u in self._draft.users if u.id != leaving.id], self._draft.departments)

    def _choice_changed(self) -> None:
        self._draft.receiver_ids = self.chooser.receiver_ids
        self._draft.mode = self.chooser.mode
        self._draft.counts = dict(self.chooser.counts or {})
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.chooser.ready
