"""How each reminder kind looks: a colour from the Okabe–Ito palette (told apart by people
with the common colour-vision deficiencies) and an icon whose shape differs per kind, so
colour is never the only cue. Screens name a kind with `kind_label`."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon

from desktop_crm.domain.enums import ReminderKind
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
}
_UNKNOWN = "#999999"

kind_label = reminder_kind_label


def kind_colour(kind: str) -> QColor:
    """The colour of a kind; an unknown kind is grey like a custom one."""
    return QColor(_COLOURS.get(kind, _UNKNOWN))


def kind_icon(kind: str) -> QIcon:
    """The kind's icon (resources/icons/reminder-<kind>.svg); an unknown kind gets the custom
    one."""
    known = kind if kind in _COLOURS else ReminderKind.CUSTOM.value
    return icon(f"reminder-{known}")
