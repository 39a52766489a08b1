"""The customer list's columns: title, the text of a cell, and which ones sort the list.

Only name (pinyin order) and last update sort: the vault keeps an index in exactly those
orders, so sorting a million customers stays a keyset read. Other headers do not sort.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime

from desktop_crm.services.customer_views import CustomerRow
from desktop_crm.services.customers import Order
from desktop_crm.ui.labels import stage_label, tier_label

LIST_SEPARATOR = "，"  # a Chinese comma reads well between names and numbers alike


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # source text, translated in the "CustomerColumns" context
    value: Callable[[CustomerRow, Mapping[str, str]], str]
    order: Order | None = None
    field: str | None = None  # the customer field it shows, when field policies govern it

    def text(self, row: CustomerRow, owner_names: Mapping[str, str]) -> str:
        if self.field is not None and self.field in row.hidden:
            return ""
        return self.value(row, owner_names)

    def tooltip(self, row: CustomerRow, owner_names: Mapping[str, str]) -> str:
        """The full cell, for values cut short by a narrow column (still masked)."""
        if self.key == "phones" or self.key == "emails" or self.key == "tags":
            values = getattr(row, self.key)
            return "\n".join(values) if self.field not in row.hidden else ""
        return self.text(row, owner_names)


def _first_of(values: tuple[str, ...]) -> str:
    if not values:
        return ""
    more = len(values) - 1
    return values[0] if not more else f"{values[0]} (+{more})"


def _updated(row: CustomerRow, _: Mapping[str, str]) -> str:
    local = QDateTime(row.updated_at).toLocalTime()
    return local.toString("yyyy-MM-dd HH:mm")


_C = "CustomerColumns"  # the titles' translation context (written out for lupdate)

COLUMNS: tuple[Column, ...] = (
    Column("name", QT_TRANSLATE_NOOP("CustomerColumns", "Name"),
           lambda r, _: r.name, order="name", field="name"),
    Column("company", QT_TRANSLATE_NOOP("CustomerColumns", "Company"),
           lambda r, _: r.company, field="company"),
    Column("phones", QT_TRANSLATE_NOOP("CustomerColumns", "Phone"),
           lambda r, _: _first_of(r.phones), field="phones"),
    Column("emails", QT_TRANSLATE_NOOP("CustomerColumns", "Email"),
           lambda r, _: _first_of(r.emails), field="emails"),
    Column("city", QT_TRANSLATE_NOOP("CustomerColumns", "City"),
           lambda r, _: r.city, field="city"),
    Column("stage", QT_TRANSLATE_NOOP("CustomerColumns", "Stage"),
           lambda r, _: stage_label(r.lifecycle_stage),
           field="lifecycle_stage"),
    Column("tier", QT_TRANSLATE_NOOP("CustomerColumns", "Tier"),
           lambda r, _: tier_label(r.tier), field="tier"),
    Column("tags", QT_TRANSLATE_NOOP("CustomerColumns", "Tags"),
           lambda r, _: LIST_SEPARATOR.join(r.tags), field="tags"),
    Column("owner", QT_TRANSLATE_NOOP("CustomerColumns", "Owner"),
           lambda r, names: names.get(r.owner_id or "", "")),
    Column("updated", QT_TRANSLATE_NOOP("CustomerColumns", "Updated"),
           _updated, order="updated"),
)


def column_title(column: Column) -> str:
    return QCoreApplication.translate(_C, column.title)
