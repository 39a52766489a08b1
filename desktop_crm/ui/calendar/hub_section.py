"""One bucket of the to-do hub: a titled card with its count and one row per entry.

An empty bucket folds to one line that says so in words. A long one shows its first rows and
a button for the rest, so a salesperson with hundreds of overdue items still gets a page that
opens at once. A row shows the kind's icon, when, the title and the customer, with Done, a
Snooze menu, Open customer and Log call; a double-click opens the reminder. A complaint's row
marks an overdue complaint in words ("⚠ Overdue"), not by colour alone, and opens the
complaint (its button or a double-click). The rows only ask (the section's signals); the page
acts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Protocol

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.clock import Clock
from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.kind_style import kind_icon, kind_label
from desktop_crm.ui.calendar.reminder_text import caption, snoozed_text, when_text
from desktop_crm.ui.calendar.snooze_menu import SnoozeMenu
from desktop_crm.ui.feedback.feedback_labels import overdue_text
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.labels import complaint_status_label, severity_label
from desktop_crm.ui.widgets import ERROR_COLOUR

ROWS_AT_FIRST = 12  # rows a bucket shows before "Show n more"
ROWS_PER_STEP = 50
ICON_SIZE = QSize(18, 18)
_CARD_STYLE = (
    "QFrame#hubSection { background: palette(base); border: 1px solid palette(mid);"
    " border-radius: 6px; }"
    "QFrame#hubSection QLabel, QFrame#hubSection QWidget#hubRow { background: transparent; }"
    # the row's actions read as links, so they are seen to be clickable before a hover
    "QFrame#hubSection QToolButton { color: palette(link); }"
)


@dataclass(frozen=True)
class RowActions:
    """What this user may do from a row (absent buttons, not disabled ones)."""

    may_update: bool  # Done and Snooze
    may_log_call: bool


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when narrow; the whole text is in its tooltip."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = text
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 6)
        self._elide()

    @property
    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight,
                                        max(self.width(), 1)))


class EntryRow(QWidget):
    """One reminder entry; its buttons and double-click report to the section."""

    def __init__(self, section: HubSection, entry: Entry, today: date, now: datetime,
                 actions: RowActions) -> None:
        super().__init__(section)
        self.setObjectName("hubRow")
        self.entry = entry
        icon = QLabel(self)
        icon.setPixmap(kind_icon(entry.kind).pixmap(ICON_SIZE))
        icon.setToolTip(kind_label(entry.kind))
        self.when_label = QLabel(when_text(entry, today, section.zone), self)
        self.when_label.setObjectName("hubRowWhen")
        self.when_label.setMinimumWidth(section.when_width)
        if section.marks_late and entry.alarm(section.zone) < now:
            self.when_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.title_label = ElidedLabel(entry.title, self)
        self.title_label.setObjectName("hubRowTitle")
        snoozed = snoozed_text(entry, today, section.zone)
        owner = entry.owner_name if section.shows_owner else ""
        self.customer_label = ElidedLabel(
            " · ".join(part for part in (entry.customer_name, owner, snoozed) if part), self)
        self.customer_label.setObjectName("hubRowCustomer")
        self.customer_label.setEnabled(False)  # drawn muted
        self.setToolTip(filled(self.tr("%1 · %2 — double-click to open"), kind_label(entry.kind),
                               caption(entry)))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 1, 2, 1)
        layout.addWidget(icon)
        layout.addWidget(self.when_label)
        layout.addWidget(self.title_label, 3)
        layout.addWidget(self.customer_label, 2)
        # every row has the same buttons in the same places: one that does not apply to this
        # entry keeps its room (hidden), so the buttons line up down the bucket; one the role
        # may not use is absent (None)
        linked = entry.customer_id is not None
        self.done_button = self.snooze_button = self.open_button = self.call_button = None
        if actions.may_update:
            self.done_button = self._button(layout, "hubDoneButton", self.tr("Done"),
                                            self.tr("Mark it done"))
            self.done_button.clicked.connect(lambda: section.done_requested.emit(entry))
            self.snooze_button = self._button(layout, "hubSnoozeButton", self.tr("Snooze"),
                                              self.tr("Remind me again later"))
            self.snooze_menu = SnoozeMenu(section.clock, self)
            self.snooze_button.setMenu(self.snooze_menu)
            self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.snooze_menu.until_chosen.connect(
                lambda until: section.snooze_requested.emit(entry, until))
        self.open_button = self._button(layout, "hubOpenCustomerButton", self.tr("Open customer"),
                                        self.tr("Open the customer's record"), shown=linked)
        self.open_button.clicked.connect(
            lambda: section.customer_requested.emit(entry.customer_id or ""))
        if actions.may_log_call:
            self.call_button = self._button(
                layout, "hubLogCallButton", self.tr("Log call"),
                self.tr("Log the call; the reminder is then done"), shown=linked)
            self.call_button.clicked.connect(lambda: section.log_call_requested.emit(entry))

    def _button(self, layout: QHBoxLayout, name: str, text: str, tip: str, *,
                shown: bool = True) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        policy = button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        button.setSizePolicy(policy)
        button.setVisible(shown)
        layout.addWidget(button)
        return button

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            parent = self.parentWidget()
            assert isinstance(parent, HubSection)
            parent.open_requested.emit(self.entry)
        super().mouseDoubleClickEvent(event)


class ComplaintLine(Protocol):
    """A complaint as the hub lists it (the service's ComplaintItem)."""

    @property
    def id(self) -> str: ...
    @property
    def customer_id(self) -> str | None: ...
    @property
    def customer_name(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def opened_at(self) -> datetime: ...
    @property
    def overdue(self) -> bool: ...


class ComplaintRow(QWidget):
    def __init__(self, section: HubSection, item: ComplaintLine, today: date) -> None:
        super().__init__(section)
        self.setObjectName("hubRow")
        self.item = item
        self._section = section
        opened = item.opened_at.astimezone(section.zone).date()
        self.when_label = QLabel(
            self.tr("today") if opened == today else opened.isoformat(), self)
        self.when_label.setMinimumWidth(section.when_width)
        # late for its first response or its resolution: said in words, first in the bucket
        self.overdue_label = QLabel(overdue_text(), self)
        self.overdue_label.setObjectName("hubComplaintOverdue")
        self.overdue_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.overdue_label.setToolTip(self.tr(
            "Late for its first response or its resolution"))
        policy = self.overdue_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the rows' severities line up down the bucket
        self.overdue_label.setSizePolicy(policy)
        self.overdue_label.setVisible(item.overdue)
        if item.overdue:
            self.when_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        severity = QLabel(severity_label(item.severity), self)
        if item.severity in ("high", "critical"):
            severity.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.title_label = ElidedLabel(item.summary, self)
        self.title_label.setObjectName("hubRowTitle")
        self.customer_label = ElidedLabel(
            f"{item.customer_name} · {complaint_status_label(item.status)}"
            if item.customer_name else complaint_status_label(item.status), self)
        self.customer_label.setEnabled(False)
        self.setToolTip(self.tr("Double-click to open the complaint"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 1, 2, 1)
        layout.addWidget(self.when_label)
        layout.addWidget(self.overdue_label)
        layout.addWidget(severity)
        layout.addWidget(self.title_label, 3)
        layout.addWidget(self.customer_label, 2)
        self.open_button = QToolButton(self)
        self.open_button.setObjectName("hubOpenComplaintButton")
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the complaint: respond, resolve, route"))
        self.open_button.setAutoRaise(True)
        self.open_button.clicked.connect(lambda: section.complaint_requested.emit(item.id))
        layout.addWidget(self.open_button)
        if item.customer_id:
            customer_id = item.customer_id
            button = QToolButton(self)
            button.setObjectName("hubOpenCustomerButton")
            button.setText(self.tr("Open customer"))
            button.setToolTip(self.tr("Open the customer's record"))
            button.setAutoRaise(True)
            button.clicked.connect(lambda: section.customer_requested.emit(customer_id))
            layout.addWidget(button)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._section.complaint_requested.emit(self.item.id)
        super().mouseDoubleClickEvent(event)


class HubSection(QFrame):
    done_requested = Signal(object)  # Entry
    snooze_requested = Signal(object, object)  # Entry, aware datetime
    open_requested = Signal(object)  # Entry (double-click)
    customer_requested = Signal(str)
    log_call_requested = Signal(object)  # Entry
    complaint_requested = Signal(str)  # complaint id

    def __init__(self, key: str, title: str, empty_text: str, clock: Clock, zone: tzinfo,
                 actions: RowActions, *, marks_late: bool = False, shows_owner: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hubSection")
        self.setProperty("bucket", key)
        self.setStyleSheet(_CARD_STYLE)
        self.key = key
        self.clock = clock
        self.zone = zone  # an all-day entry is late from 09:00 of its day here
        self.marks_late = marks_late  # the when of an entry whose alarm has passed is red
        self.shows_owner = shows_owner  # a team's bucket says whose each entry is
        self._actions = actions
        self._title = title
        self._empty_text = empty_text
        self._lines: list[Entry] | list[ComplaintLine] = []
        self._today = date.min
        self._shown = 0
        self._total = 0
        self.when_width = self.fontMetrics().horizontalAdvance("2026-12-31 23:59") + 8

        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("hubSectionTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("hubSectionCount")
        self.empty_label = QLabel(empty_text, self)
        self.empty_label.setObjectName("hubSectionEmpty")
        self.empty_label.setEnabled(False)  # drawn muted
        self.more_button = QPushButton(self)
        self.more_button.setObjectName("hubShowMoreButton")
        self.more_button.setFlat(True)
        self.more_button.clicked.connect(self._show_more)
        self.more_button.hide()
        self.capped_label = QLabel(self)
        self.capped_label.setObjectName("hubSectionCapped")
        self.capped_label.setEnabled(False)
        self.capped_label.setWordWrap(True)
        self.capped_label.hide()

        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addWidget(self.count_label)
        header.addWidget(self.empty_label)
        header.addStretch(1)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addLayout(self.rows_layout)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.capped_label)

    @property
    def count(self) -> int:
        """How many the bucket holds in all (more than its rows when the service capped it)."""
        return self._total

    @property
    def rows(self) -> list[QWidget]:
        return [self.rows_layout.itemAt(i).widget() for i in range(self.rows_layout.count())]

    def show_entries(self, entries: list[Entry], today: date, total: int | None = None) -> None:
        self._fill(entries, today, total)

    def show_complaints(self, items: list[ComplaintLine], today: date) -> None:
        self._fill(items, today, None)

    def _fill(self, lines: list[Entry] | list[ComplaintLine], today: date,
              total: int | None) -> None:
        self._lines, self._today = lines, today
        self._total = max(len(lines), total or 0)
        while self.rows_layout.count():
            widget = self.rows_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self._shown = 0
        empty = not lines
        self.empty_label.setVisible(empty)
        self.count_label.setVisible(not empty)
        self.count_label.setText(f"({QLocale().toString(self._total)})")
        self.title_label.setText(self._title)
        self._add_rows(ROWS_AT_FIRST)

    def _show_more(self) -> None:
        self._add_rows(ROWS_PER_STEP)

    def _add_rows(self, how_many: int) -> None:
        now = self.clock.now()
        for line in self._lines[self._shown:self._shown + how_many]:
            row: QWidget = EntryRow(self, line, self._today, now, self._actions) \
                if isinstance(line, Entry) else ComplaintRow(self, line, self._today)
            self.rows_layout.addWidget(row)
        self._shown = min(len(self._lines), self._shown + how_many)
        left = len(self._lines) - self._shown
        self.more_button.setVisible(left > 0)
        self.more_button.setText(self.tr("Show %n more", "", min(left, ROWS_PER_STEP)))
        self.capped_label.setVisible(left == 0 and self._total > len(self._lines))
        self.capped_label.setText(self.tr(
            "Showing the latest %1 of %2; the calendar lists them all.").replace(
            "%1", QLocale().toString(len(self._lines))).replace(
            "%2", QLocale().toString(self._total)))
