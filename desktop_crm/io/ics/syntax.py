"""The file's lines before icalendar reads it: text, content lines, BEGIN and END pairs."""

from __future__ import annotations

from typing import NamedTuple

from icalendar import Calendar
from icalendar.parser import Contentline

from desktop_crm.domain.errors import ValidationError


def text_of(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            "file", f"is not UTF-8 text (byte {error.start} cannot be read)"
        ) from None


def parse_calendars(text: str) -> list[Calendar]:
    body = text.strip()
    if not body.upper().startswith("BEGIN:VCALENDAR"):
        raise ValidationError("file", "is not an iCalendar file: it does not begin a VCALENDAR")
    if not body.upper().endswith("END:VCALENDAR"):
        raise ValidationError("file", "is cut short: the closing END:VCALENDAR is missing")
    lines = _content_lines(body)
    _check_structure(lines)
    try:
        calendars = Calendar.from_ical(body, multiple=True)
    except (ValueError, KeyError, IndexError) as error:
        raise ValidationError("file", _where_value_failed(lines, str(error))) from None
    if not calendars or any(calendar.name != "VCALENDAR" for calendar in calendars):
        raise ValidationError("file", "holds something other than a VCALENDAR")
    return list(calendars)


class _Line(NamedTuple):
    number: int  # where the (possibly folded) line begins, counting from 1
    name: str
    value: str


def _content_lines(body: str) -> list[_Line]:
    """The unfolded lines as (number, NAME, value); a line that is not NAME;PARAMS:value fails."""
    raw = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[_Line] = []
    first, unfolded = 0, ""
    for number, line in enumerate([*raw, "END-OF-TEXT:"], start=1):
        if line[:1] in (" ", "\t"):
            unfolded += line[1:]
            continue
        if unfolded:
            try:
                name, _params, value = Contentline(unfolded).parts()
            except ValueError:
                raise ValidationError(
                    "file", f"line {first} is not an iCalendar content line"
                ) from None
            lines.append(_Line(first, name.upper(), value))
        first, unfolded = number, line
    return lines


def _check_structure(lines: list[_Line]) -> None:
    """Every BEGIN has its own END, so a cut or spliced file never parses half-way."""
    open_blocks: list[_Line] = []
    for line in lines:
        if line.name == "BEGIN":
            open_blocks.append(line)
        elif line.name == "END":
            if not open_blocks:
                raise ValidationError("file", f"line {line.number}: END:{line.value} has no BEGIN")
            opened = open_blocks.pop()
            if opened.value.upper() != line.value.upper():
                raise ValidationError(
                    "file",
                    f"line {line.number}: END:{line.value} closes BEGIN:{opened.value}"
                    f" of line {opened.number}",
                )
    if open_blocks:
        opened = open_blocks[-1]
        raise ValidationError(
            "file", f"line {opened.number}: BEGIN:{opened.value} is never closed"
        )


def _where_value_failed(lines: list[_Line], problem: str) -> str:
    """icalendar names the bad value but not its line; find the line so the user can."""
    bad_value = problem.rsplit(": ", 1)[-1].strip()
    for line in lines:
        if bad_value and bad_value in line.value:
            return f"line {line.number}: {line.name} holds a value that cannot be read ({problem})"
    return f"holds a value that cannot be read ({problem})"
