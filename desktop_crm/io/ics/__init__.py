"""Reminders as iCalendar files (.ics, RFC 5545): export for Outlook and Google, import from them.

Plain values only: the reminder service maps its rows to `CalendarItem` and back; nothing here
knows the database or the acting user.

Completed reminders: a VEVENT has no COMPLETED status (only TENTATIVE, CONFIRMED, CANCELLED), and
CANCELLED would make Outlook and Google show or drop the entry as called off. So a completed item
is exported like any other, marked `X-DESKTOP-CRM-DONE:TRUE`, which other programs ignore and our
import reads back; the caller leaves done items out of `items` when the user wants only open ones.
The customer's name travels the same way (`X-DESKTOP-CRM-CUSTOMER`). Every event is TRANSPARENT:
a reminder never marks the user busy.

Export writes a changed occurrence of a repeating item (moved, or done) as its own VEVENT with
the series' UID and a RECURRENCE-ID, as Outlook and Google write theirs.

Import takes VEVENTs and VTODOs (a to-do's DUE is its moment). A file that cannot be read at all,
or a date that cannot be parsed, raises `ValidationError("file", ...)` and nothing is returned; an
entry that reads but cannot become a reminder (no start, cancelled, end before start, a broken
RRULE, extra dates in RDATE or EXRULE) is skipped with its reason (a code and English text,
reasons.py). A changed occurrence of a repeating event (RECURRENCE-ID) becomes an exception date
of its series plus a one-off item of its own.
"""

from desktop_crm.io.ics.item import CUSTOMER_PROPERTY, DONE_PROPERTY, CalendarItem, Moment
from desktop_crm.io.ics.reading import ImportResult, SkippedEntry, import_ics
from desktop_crm.io.ics.reasons import Reason
from desktop_crm.io.ics.rules import portable_rule, rfc_until, without_idle_week_start
from desktop_crm.io.ics.writing import export_ics

__all__ = [
    "CUSTOMER_PROPERTY",
    "DONE_PROPERTY",
    "CalendarItem",
    "ImportResult",
    "Moment",
    "Reason",
    "SkippedEntry",
    "export_ics",
    "import_ics",
    "portable_rule",
    "rfc_until",
    "without_idle_week_start",
]
