"""Customer values as a list reads them from SQLite, and how they become Python values.

A list page reads hundreds of rows and shows a dozen columns, so it skips SQLAlchemy's
result processing: rows come back as stored, and each shown value is decoded once, by a
plain function per column, in the same pass that builds the list row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial
from typing import Any, Literal

from sqlalchemy.dialects import sqlite
from sqlalchemy.types import TypeDecorator

from desktop_crm.storage.models import Customer
from desktop_crm.storage.types import TextList, UtcDateTime, UuidBytes, from_millis, id_from_stored

Order = Literal["name", "updated"]
# (id, sort value, owner as stored, rowid): where a page ends, to continue after it
PageKey = tuple[str, Any, bytes | str | None, int]
# a list row as read: the page key's four values as stored, the owner's tag (the list
# orders by it, see list_sql), then the columns asked for
StoredRow = Sequence[Any]
KEY_LENGTH = 5
_PAGE_KEY_LENGTH = 4

_DIALECT = sqlite.dialect()


def stored_decoder(column: str) -> Callable[[Any], Any] | None:
    """How a stored value of this customer column becomes its Python value (NULL stays
    None; a text list becomes a tuple); None where SQLite's value already is it."""
    if column == "id":
        return id_from_stored  # unique per row: nothing to remember
    column_type = Customer.__table__.c[column].type
    if not isinstance(column_type, TypeDecorator):
        return None
    fast = _FAST_DECODERS.get(type(column_type))
    return fast or partial(column_type.process_result_value, dialect=_DIALECT)


def page_key(order: Order, row: StoredRow) -> PageKey:
    """The page key of a stored row: its id and sort value decoded, the owner left as
    stored (it only goes back into the next page's bound)."""
    value = _time(row[1]) if order == "updated" else row[1]
    return (id_from_stored(row[0]), value, row[2], row[3])


def decoded_rows(
    order: Order, rows: Iterable[StoredRow], columns: Sequence[str] = ()
) -> list[PageKey]:
    """Each row's page key followed by its columns, all as Python values."""
    decoders = [(_PAGE_KEY_LENGTH + i, d) for i, d in enumerate(map(stored_decoder, columns))
                if d is not None]
    decoded = []
    for row in rows:
        values = list(page_key(order, row)) + list(row[KEY_LENGTH:])
        for at, decode in decoders:
            values[at] = decode(values[at])
        decoded.append(tuple(values))
    return decoded  # type: ignore[return-value]


def _text_list(value: str | None) -> tuple[str, ...]:
    return tuple(value.split("\n")) if value else ()


# Owners and departments are few and repeat on every row, and a bulk load gives thousands
# of customers one time: their decoded values are remembered.
@lru_cache(maxsize=1024)
def _repeated_id(value: bytes | str | None) -> str | None:
    return None if value is None else id_from_stored(value)


@lru_cache(maxsize=4096)
def _time(value: int | None) -> Any:
    return None if value is None else from_millis(value)


_FAST_DECODERS: dict[type, Callable[[Any], Any]] = {
    UuidBytes: _repeated_id, UtcDateTime: _time, TextList: _text_list,
}
