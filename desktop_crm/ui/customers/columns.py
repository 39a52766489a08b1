"""The customer list's columns: title, the text of a cell, and which ones sort the list.

Only name (pinyin order) and last update sort: the vault keeps an index in exactly those
orders, so sorting a million customers stays a keyset read. Other headers do not sort.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_crm.services.customer_views import CustomerRow
from desktop_crm.services.customers import Order
from desktop_crm.ui.labels import stage_label, tier_label
from desktop_crm.ui.moments import local_text

LIST_SEPARATOR = "，"  # a Chinese comma reads well between names and numbers alike


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # source text, translated in the "CustomerColumns" context
    # the cell's text; None for the owner, whose name the model looks up when it paints
    value: Callable[[CustomerRow], str] | None
    order: Order | None = None
    field: str | None = None  # the customer field it shows, when field policies govern it

    def text(self, row: CustomerRow) -> str:
        if self.value is None or (self.field is not None and self.field in row.hidden):
            return ""
        return self.value(row)

    def tooltip(self, row: CustomerRow) -> str:
        """The full cell, for values cut short by a narrow column (still masked)."""
        if self.key in ("phones", "emails", "tags") and self.field not in row.hidden:
            return "\n".join(getattr(row, self.key))
        return self.text(row)


def _first_of(values: tuple[str, ...]) -> str:
    if not values:
        return ""
    more = len(values) - 1
    return values[0] if not more else f"{values[0]} (+{more})"


def _updated(row: CustomerRow) -> str:
    return local_text(row.updated_at)


_C = "CustomerColumns"  # the titles' translation context (written out for lupdate)

COLUMNS: tuple[Column, ...] = (
    Column("name", QT_TRANSLATE_NOOP("CustomerColumns", "Name"),
           lambda r: r.name, order="name", field="name"),
    Column("company", QT_TRANSLATE_NOOP("CustomerColumns", "Company"),
           lambda r: r.company, field="company"),
    Column("phones", QT_TRANSLATE_NOOP("CustomerColumns", "Phone"),
           lambda r: _first_of(r.phones), field="phones"),
    Column("emails", QT_TRANSLATE_NOOP("CustomerColumns", "Email"),
           lambda r: _first_of(r.emails), field="emails"),
    Column("city", QT_TRANSLATE_NOOP("CustomerColumns", "City"),
           lambda r: r.city, field="city"),
    Column("stage", QT_TRANSLATE_NOOP("CustomerColumns", "Stage"),
           lambda r: stage_label(r.lifecycle_stage),
           field="lifecycle_stage"),
    Column("tier", QT_TRANSLATE_NOOP("CustomerColumns", "Tier"),
           lambda r: tier_label(r.tier), field="tier"),
    Column("tags", QT_TRANSLATE_NOOP("CustomerColumns", "Tags"),
           lambda r: LIST_SEPARATOR.join(r.tags), field="tags"),
    Column("owner", QT_TRANSLATE_NOOP("CustomerColumns", "Owner"),
           None),
    Column("updated", QT_TRANSLATE_NOOP("CustomerColumns", "Updated"),
           _updated, order="updated"),
)


def column_title(column: Column) -> str:
    return QCoreApplication.translate(_C, column.title)
OWNER_COLUMN = next(i for i, c in enumerate(COLUMNS) if c.key == "owner")


def shown_texts(row: CustomerRow) -> tuple[str, ...]:
    """Every cell's text of one row, worked out once when its page arrives (off the GUI
    thread): painting then only looks texts up. The owner's cell is left to the model."""
    return tuple(column.text(row) for column in COLUMNS)
