"""The calendar page's toolbar: previous / today / next and the period shown, the Month /
Week / Agenda switch, the kind filter (a menu of ticks), the owner filter (only for people
who read others' reminders), import and export of .ics files, and New reminder. It holds
choices; the page acts on them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop_crm.domain.enums import ReminderKind
from desktop_crm.ui.calendar.calendar_days import ViewMode
from desktop_crm.ui.calendar.kind_style import kind_icon, kind_label
from desktop_crm.ui.flow_layout import FlowLayout
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.widgets import fill_combo, filter_combo

EVERYONE = "*"  # the owner filter's choice for every person this user reads


class CalendarToolbar(QWidget):
    step_requested = Signal(bool)  # True: forward
    today_requested = Signal()
    mode_did_change = Signal(object)  # ViewMode
    filter_did_change = Signal()
    new_requested = Signal()
    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarToolbar")
        self.previous_button = self._tool_button("calendarPrevious", "‹", self.tr("Previous"))
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.setObjectName("calendarToday")
        self.next_button = self._tool_button("calendarNext", "›", self.tr("Next"))
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(False))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(True))
        self.today_button.clicked.connect(self.today_requested)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("calendarTitle")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title_label.setFont(title_font)

        self.mode_buttons: dict[ViewMode, QToolButton] = {}
        self._modes = QButtonGroup(self)
        self._modes.setExclusive(True)
        for mode, text in ((ViewMode.MONTH, self.tr("Month")), (ViewMode.WEEK, self.tr("Week")),
                           (ViewMode.AGENDA, self.tr("Agenda"))):
            button = QToolButton(self)
            button.setObjectName(f"calendarMode_{mode.value}")
            button.setText(text)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _=False, m=mode: self.mode_did_change.emit(m))
            self._modes.addButton(button)
            self.mode_buttons[mode] = button
        self.mode_buttons[ViewMode.MONTH].setChecked(True)

        self.kind_button = QToolButton(self)
        self.kind_button.setObjectName("calendarKindFilter")
        self.kind_button.setToolTip(self.tr("Show these kinds of reminder"))
        self.kind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kind_menu = QMenu(self.kind_button)
        self.kind_menu.setObjectName("calendarKindMenu")
        self.kind_actions: dict[str, QAction] = {}
        for kind in ReminderKind:
            action = self.kind_menu.addAction(kind_icon(kind), kind_label(kind))
            action.setObjectName(f"kindFilter_{kind.value}")
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._kinds_toggled)
            self.kind_actions[kind.value] = action
        self.kind_menu.addSeparator()
        self.show_done_action = self.kind_menu.addAction(self.tr("Show done reminders"))
        self.show_done_action.setObjectName("calendarShowDone")
        self.show_done_action.setCheckable(True)
        self.show_done_action.setChecked(True)
        self.show_done_action.toggled.connect(lambda _on: self.filter_did_change.emit())
        self.kind_button.setMenu(self.kind_menu)
        self._show_kind_summary()

        self.owner_combo = filter_combo(self, "calendarOwnerFilter",
                                        self.tr("Whose reminders to show"))
        self.owner_combo.currentIndexChanged.connect(lambda _i: self.filter_did_change.emit())
        self.owner_combo.hide()  # shown once owners() says this user reads others'

        self.new_button = QPushButton(self.tr("New reminder…"), self)
        self.new_button.setObjectName("newReminderButton")
        self.new_button.clicked.connect(self.new_requested)
        self.ics_button = QToolButton(self)
        self.ics_button.setObjectName("calendarIcsButton")
        self.ics_button.setText(self.tr("Calendar file"))
        self.ics_button.setToolTip(self.tr("Exchange reminders with Outlook, Google Calendar "
                                           "and other calendar programs (.ics)"))
        self.ics_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        ics_menu = QMenu(self.ics_button)
        self.import_action = ics_menu.addAction(self.tr("Import .ics…"))
        self.import_action.setObjectName("importIcsAction")
        self.import_action.triggered.connect(lambda _=False: self.import_requested.emit())
        self.export_action = ics_menu.addAction(self.tr("Export .ics…"))
        self.export_action.setObjectName("exportIcsAction")
        self.export_action.triggered.connect(lambda _=False: self.export_requested.emit())
        self.ics_button.setMenu(ics_menu)

        # three groups that wrap onto a second line in a narrow window
        layout = FlowLayout(self, spacing=12)
        layout.addWidget(self._group(self.previous_button, self.today_button,
                                     self.next_button, self.title_label))
        layout.addWidget(self._group(*self.mode_buttons.values()))
        layout.addWidget(self._group(self.kind_button, self.owner_combo, self.ics_button,
                                     self.new_button))

    def _group(self, *widgets: QWidget) -> QWidget:
        group = QWidget(self)
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        return group

    def _tool_button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        font = QFont(button.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        button.setFont(font)
        return button

    # --- the choices --------------------------------------------------------------------------

    def set_mode(self, mode: ViewMode) -> None:
        self.mode_buttons[mode].setChecked(True)

    def mode(self) -> ViewMode:
        return next(mode for mode, button in self.mode_buttons.items() if button.isChecked())

    def chosen_kinds(self) -> list[str] | None:
        """The kinds ticked; None when every kind is (no filter)."""
        ticked = [kind for kind, action in self.kind_actions.items() if action.isChecked()]
        return None if len(ticked) == len(self.kind_actions) else ticked

    def show_done(self) -> bool:
        return self.show_done_action.isChecked()

    def set_owners(self, owners: list[tuple[str, str]], me: str) -> None:
        """Offer "mine", "everyone" and each person when this user reads others' reminders."""
        others = [(user_id, name) for user_id, name in owners if user_id != me]
        if not others:
            self.owner_combo.hide()
            return
        choices: list[tuple[object, str]] = [(EVERYONE, self.tr("Everyone I can see"))]
        choices += [(user_id, name) for user_id, name in others]
        changed = fill_combo(self.owner_combo, self.tr("Mine"), choices)
        self.owner_combo.show()
        if changed:
            self.filter_did_change.emit()

    def chosen_owner(self) -> str | None:
        """None for the user's own reminders, EVERYONE, or one person's id."""
        return self.owner_combo.currentData()

    def _kinds_toggled(self, _on: bool) -> None:
        self._show_kind_summary()
        self.filter_did_change.emit()

    def _show_kind_summary(self) -> None:
        ticked = sum(action.isChecked() for action in self.kind_actions.values())
        if ticked == len(self.kind_actions):
            self.kind_button.setText(self.tr("All kinds"))
        else:
            self.kind_button.setText(filled(self.tr("Kinds: %1 of %2"), ticked,
                                            len(self.kind_actions)))
