"""Customer lists and searches: one user's pages, jumps, counts and search results,
narrowed by list views and filters, and the choices a filter bar offers.

Rows come back as the user may see them in a list: fields hidden or masked by their field
policies, and records only shared with them masked as such.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from sqlalchemy import bindparam, select

from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import customer_choices
from desktop_crm.services.actor import Actor
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.services.customer_filters import (
    CustomerFilter,
    FilterChoices,
    ListView,
    OwnerChoice,
)
from desktop_crm.services.customer_sight import (
    ListSight,
    Sight,
    available_views,
    narrowed,
    sight_of,
)
from desktop_crm.services.customer_views import (
    PAGE_COLUMNS,
    ROW_COLUMNS,
    CustomerRow,
    field_view,
    row_builder,
)
from desktop_crm.storage import customer_list
from desktop_crm.storage import search as customer_search
from desktop_crm.storage.models import Customer
from desktop_crm.storage.stored_values import StoredRow, page_key, stored_decoder

R = Resource.CUSTOMER
Order = Literal["name", "updated"]
SEARCH_TERMS = ("name", "company", "tags", "pinyin", "phones", "emails")

_c = Customer.__table__.c
_LIST_ROWS = select(*(_c[name] for name in ROW_COLUMNS)).where(
    _c.id.in_(bindparam("ids", expanding=True)))
_OWNER = ROW_COLUMNS.index("owner_id")
_STORED_OWNER = 2  # in a stored page row (see stored_values.StoredRow)
_owner_id = stored_decoder("owner_id")


@dataclass(frozen=True)
class CustomerPage:
    rows: list[CustomerRow]
    # pass back as `after` for the next page; None when this was the last page
    next_after: tuple[Any, ...] | None


class CustomerLists:
    """The list half of CustomerService (which a session hands out)."""

    ctx: ServiceContext

    def count(self, *, filters: CustomerFilter | None = None) -> int:
        """How many customers the list shows with these filters."""
        with self.ctx.reading() as w:
            sight = narrowed(w, self._sight(w), filters)
            if sight.nothing:
                return 0
            return customer_list.count_customers(w.session.connection(),
                                                 **sight.storage_args())

    def list_page(
        self, *, order: Order = "name", after: tuple[Any, ...] | None = None,
        limit: int = 200, descending: bool = False, filters: CustomerFilter | None = None,
    ) -> CustomerPage:
        """One page of the sorted list, continuing after the key the previous page returned
        (pass the same filters for every page of one list)."""
        return self._page(partial(customer_list.page_rows, order=order, after=after,
                                  limit=limit, descending=descending), order, limit, filters)

    def page_at(
        self, position: int, *, order: Order = "name", limit: int = 200,
        descending: bool = False, filters: CustomerFilter | None = None,
    ) -> CustomerPage:
        """The page that starts at this position of the sorted list (for scroll-bar jumps)."""
        return self._page(partial(customer_list.rows_at_position, order=order,
                                  position=position, limit=limit, descending=descending),
                          order, limit, filters)

    def available_views(self) -> list[ListView]:
        """The list views worth offering this user (see customer_sight.available_views)."""
        with self.ctx.reading() as w:
            return available_views(w.session, w.actor, self._sight(w).scope)

    def filter_choices(self) -> FilterChoices:
        """Owners, departments, cities, tags, stages and tiers a filter bar offers."""
        with self.ctx.reading() as w:
            return customer_choices.filter_choices(w, self._sight(w))

    def assignable_owners(self) -> list[OwnerChoice]:
        """Active users this user may hand a customer to with `assign`."""
        with self.ctx.reading() as w:
            return customer_choices.assignable_owners(w)

    def _page(
        self, read: Callable[..., list[StoredRow]], order: Order, limit: int,
        filters: CustomerFilter | None,
    ) -> CustomerPage:
        """A page of rows from one of customer_list's readers, within this user's sight."""
        with self.ctx.reading() as w:
            sight = narrowed(w, self._sight(w), filters)
            if sight.nothing:
                return CustomerPage([], None)
            stored = read(w.session.connection(), columns=PAGE_COLUMNS, **sight.storage_args())
            rows = self._page_rows(w, sight, stored)
            return CustomerPage(
                rows, page_key(order, stored[-1]) if len(stored) == limit else None)

    def search(
        self, query: str, *, limit: int = 50, filters: CustomerFilter | None = None
    ) -> list[CustomerRow]:
        """Customers matching a name, company, tag, pinyin, phone or email fragment.

        A field the user may not read unmasked on a record is not searchable on that record,
        so a phone fragment never confirms masked digits.
        """
        query = query.strip()
        if not query:
            return []
        with self.ctx.reading() as w:
            sight = narrowed(w, self._sight(w), filters)
            if sight.nothing:
                return []
            conn = w.session.connection()
            ids: list[str] = []
            if sight.owner_ids is None or sight.owner_ids:
                ids = customer_search.search_customer_ids(
                    conn, query, limit=limit, owner_ids=sight.owner_ids, where=sight.where,
                    searchable_columns=self._searchable(w.actor, shared_only=False),
                )
            shared = [i for i in sight.extra_ids if i not in ids]
            if shared and len(ids) < limit and sight.owner_ids is not None:
                ids += customer_search.search_customer_ids(
                    conn, query, limit=limit - len(ids), owner_ids=frozenset(),
                    extra_ids=shared, extra_owner_ids=sight.extra_owner_ids,
                    where=sight.where,
                    searchable_columns=self._searchable(w.actor, shared_only=True),
                )
            return self._rows(w, sight, ids)

    def _sight(self, w: Work, action: str = Action.READ) -> Sight:
        return sight_of(w, action)

    def _searchable(self, actor: Actor, *, shared_only: bool) -> set[str]:
        key = ("searchable", shared_only)
        columns = actor.memo.get(key)
        if columns is None:
            view = field_view(actor, in_list=False, shared_only=shared_only)
            blocked = view.hidden | view.masked
            columns = {t for t in SEARCH_TERMS if t not in blocked}
            if "name" in blocked:
                columns.discard("pinyin")
            actor.memo[key] = columns
        return set(columns)

    def _rows(self, w: Work, sight: ListSight, ids: Sequence[str]) -> list[CustomerRow]:
        """List rows for these ids, in this order, as this user may see them."""
        if not ids:
            return []
        found = {r[0]: r for r in w.session.connection().execute(_LIST_ROWS, {"ids": ids}).all()}
        return self._built(w, sight, [(i, found.get(i)) for i in ids])

    def _page_rows(
        self, w: Work, sight: ListSight, stored: Sequence[StoredRow]
    ) -> list[CustomerRow]:
        """List rows from a page's stored rows, each masked as the user's own record or as
        one only shared with them."""
        rows = row_builder(w.actor, shared_only=False).build_stored(stored)
        if sight.scope.everyone or not sight.extra_ids:
            return rows  # every row is within the scope
        shared = row_builder(w.actor, shared_only=True)
        covers = sight.scope.covers
        for i, row in enumerate(stored):
            if not covers(_owner_id(row[_STORED_OWNER])):  # shared only: masked further
                rows[i] = shared.build_stored((row,))[0]
        return rows

    def _built(
        self, w: Work, sight: ListSight, cells: Sequence[tuple[str, Sequence[Any] | None]]
    ) -> list[CustomerRow]:
        own, shared = (row_builder(w.actor, shared_only=False),
                       row_builder(w.actor, shared_only=True))
        covers = sight.scope.covers
        return [(own if covers(row[_OWNER]) else shared).build(row, customer_id)
                for customer_id, row in cells if row is not None]
