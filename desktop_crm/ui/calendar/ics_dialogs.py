"""Reminders to and from .ics files in the GUI: Export… and Import… of the calendar.

`export_ics` asks where, writes the user's own reminders off the GUI thread and says how many
went out. `import_ics` asks which file, reads and previews it off the GUI thread, and shows
every event with whether it will be imported or why not; Import writes them all in one
operation and a message sums up. The file dialogs sit behind `choose_path`, a seam a test
answers; the messages go through ui.prompts, which a test scripts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QPalette, QResizeEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QVBoxLayout, QWidget

from desktop_crm.domain.errors import CrmError, ValidationError
from desktop_crm.domain.local_zone import local_zone
from desktop_crm.io.ics import Reason
from desktop_crm.io.ics import reasons as why
from desktop_crm.services.audit_log import ExportFailed
from desktop_crm.services.reminder_ics import IcsExport, IcsImportReport, IcsPreview, PreviewRow
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.calendar.reminder_repeat import CUSTOM, choice_of, choice_texts
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.table_models import RowTableModel
from desktop_crm.ui.widgets import QuietMessageLabel, dialog_buttons, list_table

CONTEXT = "IcsDialogs"
translate = QCoreApplication.translate
REMINDERS_CHANGED = OpChanges(frozenset({"reminder", "audit"}))
EXPORTED = OpChanges(frozenset({"audit"}))

PathChooser = Callable[[QWidget, str, Path], Path | None]
# column: (fewest average characters, share of the table) it may take before it is cut
_CAPPED_COLUMNS = {0: (24, 0.3), 2: (18, 0.2)}

# Why an event is not imported, by the service's reason code.
REASON_TEXTS = {
    why.CANCELLED: QT_TRANSLATE_NOOP("IcsDialogs", "the event is cancelled"),
    why.NO_START: QT_TRANSLATE_NOOP("IcsDialogs", "it has no start"),
    why.NO_DUE: QT_TRANSLATE_NOOP("IcsDialogs", "the task has no due date"),
    why.DUPLICATE_UID: QT_TRANSLATE_NOOP("IcsDialogs", "another event has the same UID"),
    why.SEVERAL_RRULES: QT_TRANSLATE_NOOP("IcsDialogs", "it has more than one repeat rule"),
    why.UNREADABLE_RRULE: QT_TRANSLATE_NOOP("IcsDialogs", "its repeat rule cannot be read"),
    why.INVALID_RRULE: QT_TRANSLATE_NOOP("IcsDialogs", "its repeat rule is not valid"),
    why.END_BEFORE_START: QT_TRANSLATE_NOOP("IcsDialogs", "it ends before it starts"),
    why.EXTRA_DATES: QT_TRANSLATE_NOOP(
        "IcsDialogs", "it repeats on extra dates (RDATE), which a reminder cannot hold"),
    why.EXCEPTION_RULE: QT_TRANSLATE_NOOP(
        "IcsDialogs", "it has an exception rule (EXRULE), which a reminder cannot hold"),
    why.INVALID: QT_TRANSLATE_NOOP("IcsDialogs", "it holds a value a reminder cannot take"),
    why.DONE: QT_TRANSLATE_NOOP("IcsDialogs", "it is already done"),
    why.UNSUPPORTED_RULE: QT_TRANSLATE_NOOP("IcsDialogs", "reminders cannot repeat this way"),
    why.OUT_OF_RANGE: QT_TRANSLATE_NOOP("IcsDialogs",
                                        "its date is outside the years 1900 to 2200"),
    why.ALREADY_IMPORTED: QT_TRANSLATE_NOOP("IcsDialogs", "already imported"),
    why.ALREADY_PRESENT: QT_TRANSLATE_NOOP("IcsDialogs", "it is one of your reminders already"),
    why.SHORTENED: QT_TRANSLATE_NOOP("IcsDialogs", "its title or notes are shortened to fit"),
}


def _tr(text: str) -> str:
    """A text marked elsewhere (QT_TRANSLATE_NOOP) in this module's context."""
    return QCoreApplication.translate(CONTEXT, text)


def reason_text(reason: Reason) -> str:
    """A reason in the person's language; a detail from the file stays as it came."""
    words = _tr(REASON_TEXTS[reason.code]) if reason.code in REASON_TEXTS else reason.text
    if not reason.detail:
        return words
    return filled(translate("IcsDialogs", "%1 (%2)"), words, reason.detail)


class IcsFileUnreadable(CrmError):
    """The chosen file could not be read (gone, or not allowed)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot read {path}: {reason}")
        self.path = path
        self.reason = reason


# --- the file dialogs -------------------------------------------------------------------------


def _filter() -> str:
    return translate("IcsDialogs", "Calendar files (*.ics);;All files (*)")


def ask_save_path(parent: QWidget, title: str, start: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start), _filter())
    return Path(chosen) if chosen else None


def ask_open_path(parent: QWidget, title: str, start: Path) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start), _filter())
    return Path(chosen) if chosen else None


# --- export -----------------------------------------------------------------------------------


def export_ics(parent: QWidget, session: CrmSession, ops: Operations, *,
               choose_path: PathChooser = ask_save_path) -> None:
    """Ask where, then write the user's own open reminders there as an .ics file."""
    title = translate("IcsDialogs", "Export reminders")
    start = Path.home() / f"reminders-{date.today().isoformat()}.ics"
    path = choose_path(parent, title, start)
    if path is None:
        return
    if not path.suffix:
        path = path.with_suffix(".ics")
    service = session.reminder_ics

    def exported(written: IcsExport) -> None:
        prompts.inform(parent, title, filled(
            translate("IcsDialogs", "%1 reminders (%2 calendar events) were exported to %3. "
                                    "Outlook, Google Calendar and other calendar programs can "
                                    "import this file."),
            written.reminders, written.events, written.path or str(path)))

    def failed(error: Exception) -> None:
        prompts.warn(parent, title, _export_failure_text(error))

    ops.run(lambda: service.export_to(path), lane=Lane.WRITE, changes=EXPORTED,
            context=parent, on_success=exported, on_failure=failed)


def _export_failure_text(error: Exception) -> str:
    if isinstance(error, ExportFailed):
        return filled(translate("IcsDialogs", "Could not write %1: %2. Nothing was written; "
                                              "choose another place."),
                      error.target, error.reason)
    return error_text(error)


# --- import -----------------------------------------------------------------------------------


def import_ics(parent: QWidget, session: CrmSession, ops: Operations, *,
               choose_path: PathChooser = ask_open_path, zone: tzinfo | None = None) -> None:
    """Ask which file, preview it, and import it if the person agrees.

    `zone` places times the file gives without one (default this computer's zone).
    """
    title = translate("IcsDialogs", "Import reminders")
    path = choose_path(parent, title, Path.home())
    if path is None:
        return
    service = session.reminder_ics
    untitled = translate("IcsDialogs", "(no title)")

    def read() -> tuple[bytes, IcsPreview]:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise IcsFileUnreadable(path, error.strerror or type(error).__name__) from None
        return data, service.preview(data, zone=zone, untitled=untitled)

    def previewed(answer: tuple[bytes, IcsPreview]) -> None:
        data, preview = answer
        dialog = IcsImportDialog(session, ops, path, data, preview, zone=zone,
                                 untitled=untitled, parent=parent)
        dialog.open()

    def failed(error: Exception) -> None:
        prompts.warn(parent, title, _read_failure_text(error))

    ops.run(read, lane=Lane.READ, context=parent, on_success=previewed, on_failure=failed)


def _read_failure_text(error: Exception) -> str:
    if isinstance(error, IcsFileUnreadable):
        return filled(translate("IcsDialogs", "Could not read %1: %2."), str(error.path),
                      error.reason)
    if isinstance(error, ValidationError) and error.field == "file":
        # what is wrong with the file, in the file's own terms (a line, a property)
        return filled(translate("IcsDialogs", "This file cannot be imported (%1). Nothing was "
                                              "imported."), error.message)
    return filled(translate("IcsDialogs", "This file cannot be imported. %1"), error_text(error))


class IcsPreviewModel(RowTableModel[PreviewRow]):
    """Every event of the file: what, when, how it repeats, and whether it is imported."""

    title_context = "IcsPreviewModel"
    titles = (
        QT_TRANSLATE_NOOP("IcsPreviewModel", "Title"),
        QT_TRANSLATE_NOOP("IcsPreviewModel", "Starts"),
        QT_TRANSLATE_NOOP("IcsPreviewModel", "Repeats"),
        QT_TRANSLATE_NOOP("IcsPreviewModel", "Import"),
    )

    def __init__(self, rows: tuple[PreviewRow, ...], zone: tzinfo,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)
        self._zone = zone

    def row_at(self, position: int) -> PreviewRow | None:
        return self._held(position)

    def cell_text(self, row: PreviewRow, column: int) -> str:
        if column == 0:
            return row.title or translate("IcsDialogs", "(no title)")
        if column == 1:
            return _start_text(row, self._zone)
        if column == 2:
            return _repeat_text(row, self._zone)
        if not row.will_import:
            return filled(translate("IcsDialogs", "Skipped: %1"),
                          reason_text(row.reason or Reason(why.INVALID)))
        if row.reason is not None:
            return filled(translate("IcsDialogs", "Yes (%1)"), reason_text(row.reason))
        return translate("IcsDialogs", "Yes")

    def cell_data(self, row: PreviewRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.will_import:
            return QBrush(QPalette().color(QPalette.ColorRole.PlaceholderText))
        return None


def _start_text(row: PreviewRow, zone: tzinfo) -> str:
    if row.start is None:
        return ""
    if isinstance(row.start, datetime):
        return row.start.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    return filled(translate("IcsDialogs", "%1 (all day)"), row.start.isoformat())


def _repeat_text(row: PreviewRow, zone: tzinfo) -> str:
    if not row.rrule:
        return ""
    if row.start is None:
        return row.rrule
    day = row.start.astimezone(zone).date() if isinstance(row.start, datetime) else row.start
    choice = choice_of(row.rrule, day)
    return row.rrule if choice == CUSTOM else dict(choice_texts(day))[choice]


class IcsImportDialog(QDialog):
    """The preview of one file; Import writes every importable event, then it closes."""

    def __init__(self, session: CrmSession, ops: Operations, path: Path, data: bytes,
                 preview: IcsPreview, *, zone: tzinfo | None, untitled: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("icsImportDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Import reminders — %1").replace("%1", path.name))
        self._session = session
        self._ops = ops
        self._data = data
        self._zone = zone
        self._untitled = untitled
        self.preview = preview

        self.summary = QLabel(self)
        self.summary.setObjectName("icsPreviewSummary")
        self.summary.setWordWrap(True)
        self.summary.setText(self._summary_text())
        self.model = IcsPreviewModel(preview.rows, zone or local_zone(), self)
        self.table = list_table(self, self.model, "icsPreviewTable")
        self.table.setSelectionMode(self.table.SelectionMode.NoSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self._natural_widths = [self.table.columnWidth(n) for n in range(self.model.columnCount())]
        self.message = QuietMessageLabel("icsImportMessage", self)
        buttons, self.import_button, self.cancel_button = dialog_buttons(
            self, accept_text=self.tr("Import"), accept_name="importButton",
            reject_text=self.tr("Cancel"))
        self.import_button.setEnabled(preview.importable > 0)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _size_columns(self) -> None:
        """Titles and rules as wide as they need up to a share of the table (the tooltip
        has the rest), so the verdict column stays in sight on a small screen."""
        characters = self.table.fontMetrics().averageCharWidth()
        room = self.width() - self.table.verticalScrollBar().sizeHint().width() - 24
        for number, (least, share) in _CAPPED_COLUMNS.items():
            cap = max(characters * least, int(room * share))
            self.table.setColumnWidth(number, min(self._natural_widths[number], cap))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_columns()

    def _summary_text(self) -> str:
        if self.preview.events == 0:
            return self.tr("This file holds no events.")
        if self.preview.importable == 0:
            return self.tr("None of the %1 events in this file can be imported; the list "
                           "says why.").replace("%1", str(self.preview.events))
        return filled(self.tr("%1 of the %2 events in this file will be imported as your "
                              "reminders. The others are listed with the reason."),
                      self.preview.importable, self.preview.events)

    def start_import(self) -> None:
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.message.show_progress(self.tr("Importing…"))
        service, data = self._session.reminder_ics, self._data
        zone, untitled = self._zone, self._untitled
        self._ops.run(lambda: service.import_(data, zone=zone, untitled=untitled),
                      lane=Lane.WRITE, changes=REMINDERS_CHANGED, context=self,
                      on_success=self._imported, on_failure=self._failed)

    def _imported(self, report: IcsImportReport) -> None:
        owner = self.parentWidget()
        self.accept()
        prompts.inform(owner, self.tr("Import reminders"), filled(
            self.tr("%1 of %2 events were imported as reminders; %3 were skipped."),
            report.imported, report.events, len(report.skipped)))

    def _failed(self, error: Exception) -> None:
        self.cancel_button.setEnabled(True)
        self.import_button.setEnabled(self.preview.importable > 0)
        self.message.show_error(filled(
            self.tr("Nothing was imported: %1"), error_text(error)))
