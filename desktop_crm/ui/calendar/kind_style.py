"""How each reminder kind looks: a colour from the Okabe–Ito palette (told apart by people
with the common colour-vision deficiencies) and an icon whose shape differs per kind, so
colour is never the only cue. Screens name a kind with `kind_label`."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QIcon

from desktop_crm.domain.enums import ReminderKind
from desktop_crm.ui.feedback import return_visit_icon as return_visit
from desktop_crm.ui.icons import icon
from desktop_crm.ui.labels import reminder_kind_label

# Okabe & Ito (2008), "Color Universal Design"; grey stands in for their black, which
# disappears on a dark theme.
_COLOURS: dict[str, str] = {
    ReminderKind.FOLLOW_UP: "#0072B2",  # blue
    ReminderKind.VISIT: "#009E73",  # bluish green
    ReminderKind.CONTRACT_EXPIRY: "#E69F00",  # orange
    ReminderKind.RECEIVABLE: "#F0E442",  # yellow
    ReminderKind.BIRTHDAY: "#CC79A7",  # reddish purple
    ReminderKind.HOLIDAY_GREETING: "#56B4E9",  # sky blue
    ReminderKind.COMPLAINT: "#D55E00",  # vermillion
    ReminderKind.CUSTOM: "#999999",  # grey
    # a ninth kind: Paul Tol's "wine", darker than every colour above, and its own shape
    ReminderKind.RETURN_VISIT: return_visit.COLOUR,
}
_UNKNOWN = "#999999"
_RETURN_VISIT = QT_TRANSLATE_NOOP("KindStyle", "Return visit")


def kind_label(kind: str) -> str:
    """The kind in the person's language."""
    if kind == ReminderKind.RETURN_VISIT:
        return QCoreApplication.translate("KindStyle", _RETURN_VISIT)
    return reminder_kind_label(kind)


def kind_colour(kind: str) -> QColor:
    """The colour of a kind; an unknown kind is grey like a custom one."""
    return QColor(_COLOURS.get(kind, _UNKNOWN))


def kind_icon(kind: str) -> QIcon:
    """The kind's icon (resources/icons/reminder-<kind>.svg); an unknown kind gets the custom
    one."""
    if kind == ReminderKind.RETURN_VISIT:
        return return_visit.return_visit_icon()
    known = kind if kind in _COLOURS else ReminderKind.CUSTOM.value
    return icon(f"reminder-{known}")
