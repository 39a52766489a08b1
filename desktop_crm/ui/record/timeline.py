"""A customer's timeline beside the record: when they were last contacted, what was said
then, and everything that happened, newest first.

The widget shows a `Timeline` read model (services/timeline.py); loading it is the page's
job. Customer data is always shown as plain text, never interpreted as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.timeline import Timeline, TimelineEntry
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.icons import icon
from desktop_crm.ui.labels import interaction_kind_label
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.record.timeline_text import date_text, entry_text
from desktop_crm.ui.widgets import QuietMessageLabel

WARN_AFTER_DAYS = 30  # a customer not contacted for longer is drifting away
WARNING_COLOUR = "#c25e00"  # amber, readable on the light and the dark palette
ICON_SIZE = 20


def plain_label(text: str, parent: QWidget, *, object_name: str = "") -> QLabel:
    """A wrapping label that never reads the customer's text as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    if object_name:
        label.setObjectName(object_name)
    return label


class TimelineWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        title = QLabel(self.tr("Timeline"), self)
        title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.contact_label = plain_label("", self, object_name="lastContactLabel")
        self.complaints_label = plain_label("", self, object_name="openComplaintsLabel")
        self.complaints_label.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.message = QuietMessageLabel("timelineMessage", self)
        self.last_time = LastTimeCard(self)
        self.empty_label = plain_label(self.tr(
            "Nothing has happened with this customer yet. Log a call and it starts here."),
            self, object_name="timelineEmptyLabel")
        self.empty_label.setStyleSheet("color: palette(placeholder-text); padding: 16px 0;")

        self._entries_box = QWidget(self)
        self._entries = QVBoxLayout(self._entries_box)
        self._entries.setContentsMargins(0, 0, 0, 0)
        self._entries.setSpacing(0)
        self._cards: list[EntryCard] = []
        self.loading = False

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(self.last_time)
        column.addWidget(self.empty_label)
        column.addWidget(self._entries_box)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("timelineScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.contact_label)
        layout.addWidget(self.complaints_label)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self.clear()

    def clear(self) -> None:
        self.loading = False
        self._set_cards([])
        self.contact_label.setText("")
        self.contact_label.setStyleSheet("")
        self.complaints_label.hide()
        self.last_time.hide()
        self.empty_label.hide()
        self.message.clear_message()

    def show_loading(self) -> None:
        self.loading = True
        self.message.show_progress(self.tr("Loading the timeline…"))

    def show_error(self, text: str) -> None:
        self.loading = False
        self.message.show_error(text)

    def show_timeline(self, timeline: Timeline) -> None:
        self.loading = False
        self.message.clear_message()
        self._show_last_contact(timeline)
        self.complaints_label.setText(self.tr("%n open complaint(s)", "",
                                              timeline.open_complaints))
        self.complaints_label.setVisible(timeline.open_complaints > 0)
        latest = _latest_contact(timeline)
        self.last_time.show_entry(latest)
        self.last_time.setVisible(latest is not None)
        self.empty_label.setVisible(not timeline.entries)
        self._set_cards(timeline.entries)

    def entry_cards(self) -> list[EntryCard]:
        return list(self._cards)

    def _show_last_contact(self, timeline: Timeline) -> None:
        days = timeline.days_since_last_contact
        if timeline.last_contact_at is None or days is None:
            self.contact_label.setText(self.tr("Never contacted"))
            self.contact_label.setStyleSheet(f"color: {WARNING_COLOUR};")
            return
        since = (self.tr("contacted today") if days <= 0
                 else self.tr("%n day(s) since last contact", "", days))
        self.contact_label.setText(filled(self.tr("Last contact %1 · %2"),
                                          date_text(timeline.last_contact_at), since))
        overdue = days > WARN_AFTER_DAYS
        self.contact_label.setStyleSheet(
            f"color: {WARNING_COLOUR}; font-weight: bold;" if overdue else "")
        self.contact_label.setProperty("overdue", overdue)

    def _set_cards(self, entries: Sequence[TimelineEntry]) -> None:
        for card in self._cards:
            self._entries.removeWidget(card)
            card.hide()
            card.deleteLater()
        self._cards = [EntryCard(entry, self._entries_box) for entry in entries]
        for card in self._cards:
            self._entries.addWidget(card)


def _latest_contact(timeline: Timeline) -> TimelineEntry | None:
    """The call, visit... that was the last contact (a call dated ahead is not one yet)."""
    if timeline.last_contact_at is None:
        return None
    return next((e for e in timeline.entries if e.kind == "interaction"
                 and e.at <= timeline.last_contact_at), None)


class LastTimeCard(QFrame):
    """What was discussed last time, what the customer needed, when, and what to watch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lastTimeCard")
        self.setStyleSheet("QFrame#lastTimeCard { border: 1px solid palette(mid); "
                           "border-radius: 6px; background: palette(base); }")
        self.heading = plain_label("", self, object_name="lastTimeHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.discussed = plain_label("", self, object_name="lastTimeDiscussed")
        self.needs = plain_label("", self, object_name="lastTimeNeeds")
        self.attention = plain_label("", self, object_name="lastTimeAttention")
        self.attention.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.next_step = plain_label("", self, object_name="lastTimeNextStep")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        for label in (self.heading, self.discussed, self.needs, self.attention,
                      self.next_step):
            layout.addWidget(label)

    def show_entry(self, entry: TimelineEntry | None) -> None:
        if entry is None:
            return
        detail = entry.detail
        self.heading.setText(self.tr("Last time: %1, %2").replace(
            "%2", interaction_kind_label(str(detail.get("kind") or "call"))).replace(
            "%1", local_text(entry.at)))
        self._line(self.discussed, self.tr("Discussed: %1"), entry.title)
        self._line(self.needs, self.tr("Customer needed: %1"), detail.get("needs"))
        self._line(self.attention, self.tr("Special attention: %1"), detail.get("special_notes"))
        step = str(detail.get("next_step") or "")
        if step and detail.get("next_step_at"):
            step += f" ({date_text(detail['next_step_at'])})"
        self._line(self.next_step, self.tr("Next step: %1"), step)

    @staticmethod
    def _line(label: QLabel, template: str, value: object) -> None:
        text = str(value or "").strip()
        label.setText(template.replace("%1", text) if text else "")
        label.setVisible(bool(text))


class EntryCard(QFrame):
    """One timeline entry: an icon for its kind, heading and date, its text and details."""

    def __init__(self, entry: TimelineEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineEntry")
        self.entry = entry
        self.setStyleSheet("QFrame#timelineEntry { border-bottom: 1px solid palette(mid); }")
        words = entry_text(entry)
        self.icon_name = words.icon
        picture = QLabel(self)
        picture.setPixmap(icon(words.icon).pixmap(ICON_SIZE, ICON_SIZE))
        picture.setFixedWidth(ICON_SIZE + 8)
        picture.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.heading = plain_label(words.heading, self, object_name="entryHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        when = plain_label(local_text(entry.at), self, object_name="entryDate")
        when.setWordWrap(False)
        when.setStyleSheet("color: palette(placeholder-text);")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(when, 0, Qt.AlignmentFlag.AlignTop)
        text_column = QVBoxLayout()
        text_column.setSpacing(2)
        text_column.addLayout(top)
        self.text = plain_label(words.text, self, object_name="entryText")
        self.text.setVisible(bool(words.text))
        text_column.addWidget(self.text)
        self.details = plain_label(" · ".join(words.details), self, object_name="entryDetails")
        self.details.setStyleSheet("color: palette(placeholder-text);")
        self.details.setVisible(bool(words.details))
        text_column.addWidget(self.details)
        self.attention = plain_label(words.attention, self, object_name="entryAttention")
        self.attention.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.attention.setVisible(bool(words.attention))
        text_column.addWidget(self.attention)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 8, 2, 8)
        layout.addWidget(picture)
        layout.addLayout(text_column, 1)
