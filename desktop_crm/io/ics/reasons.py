"""Why a calendar entry is not imported: a stable code a GUI can translate, and English text.

Some reasons carry a detail (the RRULE problem a validator named, for instance): the English
text then ends with it in parentheses, and a translation shows it as it came.
"""

from __future__ import annotations

from typing import NamedTuple

# --- what the file itself says ----------------------------------------------------------------
CANCELLED = "cancelled"
NO_START = "no_start"
NO_DUE = "no_due"
DUPLICATE_UID = "duplicate_uid"
SEVERAL_RRULES = "several_rrules"
UNREADABLE_RRULE = "unreadable_rrule"
INVALID_RRULE = "invalid_rrule"
END_BEFORE_START = "end_before_start"
EXTRA_DATES = "extra_dates"  # RDATE
EXCEPTION_RULE = "exception_rule"  # EXRULE
INVALID = "invalid"  # any other field a check refused; the detail names it
# --- what the reminders can hold, decided by the service ----------------------------------------
DONE = "done"
UNSUPPORTED_RULE = "unsupported_rule"
OUT_OF_RANGE = "out_of_range"
ALREADY_IMPORTED = "already_imported"
ALREADY_PRESENT = "already_present"
# --- imported, with a remark -------------------------------------------------------------------
SHORTENED = "shortened"

TEXTS = {
    CANCELLED: "the entry is cancelled",
    NO_START: "the entry has no start (DTSTART)",
    NO_DUE: "the entry has no DUE date",
    DUPLICATE_UID: "another entry has the same UID",
    SEVERAL_RRULES: "the entry has more than one RRULE",
    UNREADABLE_RRULE: "its RRULE cannot be read",
    INVALID_RRULE: "its RRULE is not valid",
    END_BEFORE_START: "end is before the start",
    EXTRA_DATES: "it repeats on extra dates (RDATE), which a reminder cannot hold",
    EXCEPTION_RULE: "it has an exception rule (EXRULE), which a reminder cannot hold",
    INVALID: "it holds a value a reminder cannot take",
    DONE: "it is already done",
    UNSUPPORTED_RULE: "reminders cannot repeat this way",
    OUT_OF_RANGE: "its date is outside the years 1900 to 2200",
    ALREADY_IMPORTED: "already imported",
    ALREADY_PRESENT: "it is one of your reminders already",
    SHORTENED: "its title or notes were shortened to fit",
}


class Reason(NamedTuple):
    code: str
    detail: str = ""

    @property
    def text(self) -> str:
        """The English sentence, the detail (if any) in parentheses."""
        words = TEXTS[self.code]
        return f"{words} ({self.detail})" if self.detail else words
