"""Pick the customer of a call by typing: a search box with its matches listed under it.

Typing waits for a short pause, then searches on the read lane (off the GUI thread); a late
answer to an older text is dropped. Up and Down move through the matches, Enter or a click
picks one. Names arrive masked as the user's list policy shows them and stay so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_crm.services.customer_views import CustomerRow
from desktop_crm.services.customers import CustomerService
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.ops import Lane, Operations
from desktop_crm.ui.widgets import FieldErrorLabel

SEARCH_PAUSE_MS = 150
MATCHES_SHOWN = 20
_ROWS_VISIBLE = 6
_PICK_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def customer_caption(row: CustomerRow) -> str:
    """One match as a line: the name (as shown to this user), then company and city."""
    details = " · ".join(part for part in (row.company, row.city) if part)
    name = row.name or row.company
    return f"{name} — {details}" if details and details != name else name


class CustomerPicker(QWidget):
    customer_did_pick = Signal(str, str)  # id, name as shown

    def __init__(self, customers: CustomerService, ops: Operations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPicker")
        self._customers = customers
        self._ops = ops
        self._picked: tuple[str, str] | None = None
        self._generation = 0
        self._searching = False
        self._pick_on_arrival = False  # Enter came before the matches: take the first

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("customerSearchEdit")
        self.search_edit.setPlaceholderText(
            self.tr("Type a name, pinyin initials or a few phone digits"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Customer"))
        self.search_edit.textEdited.connect(self._text_edited)
        self.search_edit.installEventFilter(self)
        self.matches = QListWidget(self)
        self.matches.setObjectName("customerMatches")
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the search box
        self.matches.itemClicked.connect(self._pick_item)
        self.matches.hide()
        self.error = FieldErrorLabel("customerError", self)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self._search)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.matches)
        layout.addWidget(self.error)

    # --- what was picked ----------------------------------------------------------------------

    def picked(self) -> tuple[str, str] | None:
        """(id, name as shown) of the picked customer, or None."""
        return self._picked

    @property
    def searching(self) -> bool:
        """A search is waiting for the pause or for its answer."""
        return self._timer.isActive() or self._searching

    def cancel(self) -> None:
        """Forget the search under way: its answer is dropped (the dialog is closing)."""
        self._timer.stop()
        self._generation += 1
        self._searching = self._pick_on_arrival = False

    def show_error(self, text: str) -> None:
        self.error.show_message(text)

    # --- typing and searching -----------------------------------------------------------------

    def _text_edited(self, _text: str) -> None:
        self.error.clear_message()
        self._pick_on_arrival = False
        self._picked = None
        self._timer.start()

    def _search(self) -> None:
        text = self.search_edit.text().strip()
        self._generation += 1
        if not text:
            self._searching = False
            self._show_matches([])
            return
        generation, customers = self._generation, self._customers
        self._searching = True
        self._ops.run(lambda: customers.search(text, limit=MATCHES_SHOWN), lane=Lane.READ,
                      on_success=lambda rows: self._found(generation, rows),
                      on_failure=lambda error: self._failed(generation, error))

    def _found(self, generation: int, rows: list[CustomerRow]) -> None:
        if generation != self._generation:
            return
        self._searching = False
        self._show_matches(rows)
        if rows and self._pick_on_arrival:
            self._pick_item(self.matches.item(0))
        self._pick_on_arrival = False
        if not rows:
            self.error.show_message(self.tr("No customer matches “%1”.").replace(
                "%1", self.search_edit.text().strip()))

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._searching = self._pick_on_arrival = False
            self._show_matches([])
            self.error.show_message(error_text(error))

    def _show_matches(self, rows: list[CustomerRow]) -> None:
        self.matches.clear()
        for row in rows:
            item = QListWidgetItem(customer_caption(row), self.matches)
            item.setData(Qt.ItemDataRole.UserRole, (row.id, row.name or row.company))
        self.matches.setVisible(bool(rows))
        if rows:
            self.matches.setCurrentRow(0)
            # as tall as the matches, up to a few rows (the rest scroll)
            shown = min(len(rows), _ROWS_VISIBLE)
            self.matches.setFixedHeight(self.matches.sizeHintForRow(0) * shown
                                        + 2 * self.matches.frameWidth())

    # --- picking ------------------------------------------------------------------------------

    def _pick_item(self, item: QListWidgetItem) -> None:
        customer_id, name = item.data(Qt.ItemDataRole.UserRole)
        self._picked = (customer_id, name)
        self.search_edit.setText(name)
        self.matches.hide()
        self.error.clear_message()
        self.customer_did_pick.emit(customer_id, name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key_in_search(event)
        return super().eventFilter(watched, event)

    def _key_in_search(self, event: QKeyEvent) -> bool:
        """Arrows move through the matches and Enter picks; Enter never saves the dialog."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.isVisible():
            step = 1 if key == Qt.Key.Key_Down else -1
            row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
            self.matches.setCurrentRow(row)
            return True
        if key in _PICK_KEYS:
            if self.searching:  # Enter before the matches came: pick the first one to come
                self._pick_on_arrival = True
                if self._timer.isActive():
                    self._timer.stop()
                    self._search()
            elif self.matches.isVisible() and self.matches.currentItem() is not None:
                self._pick_item(self.matches.currentItem())
            return True
        return False
