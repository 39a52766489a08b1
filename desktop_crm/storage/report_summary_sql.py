"""The SQL that keeps the report summary right: what each source row contributes, and the
triggers that add and subtract those contributions (report_summary.py explains the tables).

Expressions are written over a row `{r}`: a trigger's `new` or `old`, or a table alias.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

RETURN_VISIT = "return_visit"  # domain.enums.ReminderKind.RETURN_VISIT
REFERRAL_SOURCES = ("referral", "转介绍")  # a customer's source that means referred

# group_months: every figure that adds up; customer_months: the months a customer was active
COUNTERS: tuple[str, ...] = (
    "is_new", "referred", "contacts", "orders", "order_minor",
    "responses", "csat_count", "csat_sum", "csat_1", "csat_2", "csat_3", "csat_4", "csat_5",
    "nps_count", "promoters", "passives", "detractors",
    "complaints", "responded", "response_ms", "resolved", "resolution_ms",
    "visits_due", "visits_done", "planned_minor", "collected_minor",
)
CUSTOMER_COUNTERS: tuple[str, ...] = ("contacts", "orders")


def month_at(instant: str) -> str:
    """SQL: the month (yyyymm) of an instant (UTC milliseconds), NULL outside the table."""
    return (f"(SELECT month FROM report_months WHERE starts_at <= {instant}"
            " ORDER BY starts_at DESC LIMIT 1)")


def month_of_date(day: str) -> str:
    """SQL: the month of a stored calendar date ('2026-10-31'): a date has no zone."""
    return (f"(SELECT month FROM report_months"
            f" WHERE month = CAST(substr({day}, 1, 4) || substr({day}, 6, 2) AS INTEGER))")


def group_key(c: str) -> str:
    """SQL: report_groups.key of the customer row `c`."""
    return (f"coalesce(hex({c}.owner_id), '') || '/' || {c}.lifecycle_stage || '/'"
            f" || coalesce({c}.tier, '')")


def _group_of(customer: str) -> str:
    """SQL: the report group of a live customer (NULL for a deleted or missing one)."""
    return (f"(SELECT g.id FROM customers AS c JOIN report_groups AS g ON g.key = {group_key('c')}"
            f" WHERE c.id = {customer} AND c.deleted_at IS NULL)")


def _ref_of(customer: str) -> str:
    return f"(SELECT rowid FROM customers WHERE id = {customer})"


@dataclass(frozen=True)
class Arm:
    """One way rows of `table` feed the summary: the month, the counters, when a row counts."""

    table: str
    month: str
    counters: Mapping[str, str]
    live: str = "{r}.deleted_at IS NULL"
    customer_column: str = "customer_id"
    via_contract: bool = False  # the customer is the row's live contract's
    watched: tuple[str, ...] = ()  # columns whose change moves the contribution

    def customer(self, r: str) -> str:
        """SQL: the customer the row counts for (NULL when it counts for nobody)."""
        if self.via_contract:
            return (f"(SELECT customer_id FROM contracts WHERE id = {r}.contract_id"
                    " AND deleted_at IS NULL)")
        return f"{r}.{self.customer_column}"

    def over(self, r: str) -> tuple[str, str, dict[str, str]]:
        """(month, live, counters) written over row `r`."""
        return (self.month.format(r=r), self.live.format(r=r),
                {name: value.format(r=r) for name, value in self.counters.items()})

    def per_customer(self) -> dict[str, str]:
        """The counters customer_months keeps of this arm."""
        return {k: v for k, v in self.counters.items() if k in CUSTOMER_COUNTERS}


_CSAT = {f"csat_{k}": f"({{r}}.csat IS {k})" for k in range(1, 6)}
CUSTOMER_ARM = Arm("customers", month_at("{r}.created_at"), {
    "is_new": "1",
    "referred": "(({r}.referred_by IS NOT NULL AND length({r}.referred_by) > 0)"
                f" OR lower({{r}}.source) IN {REFERRAL_SOURCES!r})",
}, customer_column="id", watched=("created_at", "referred_by", "source", "deleted_at"))
_COMPLAINT_COLUMNS = ("customer_id", "opened_at", "first_response_at", "resolved_at",
                      "deleted_at")
SOURCE_ARMS: tuple[Arm, ...] = (
    Arm("interactions", month_at("{r}.started_at"), {"contacts": "1"},
        watched=("customer_id", "started_at", "deleted_at")),
    Arm("orders", month_at("{r}.ordered_at"), {"orders": "1", "order_minor": "{r}.amount_minor"},
        watched=("customer_id", "ordered_at", "amount_minor", "deleted_at")),
    Arm("satisfaction_responses", month_at("{r}.responded_at"), {
        "responses": "1", "csat_count": "({r}.csat IS NOT NULL)",
        "csat_sum": "coalesce({r}.csat, 0)", **_CSAT,
        "nps_count": "({r}.nps IS NOT NULL)", "promoters": "coalesce({r}.nps >= 9, 0)",
        "passives": "coalesce({r}.nps BETWEEN 7 AND 8, 0)",
        "detractors": "coalesce({r}.nps <= 6, 0)",
    }, watched=("customer_id", "responded_at", "csat", "nps", "deleted_at")),
    Arm("complaints", month_at("{r}.opened_at"), {
        "complaints": "1", "responded": "({r}.first_response_at IS NOT NULL)",
        "response_ms": "coalesce({r}.first_response_at - {r}.opened_at, 0)",
    }, watched=_COMPLAINT_COLUMNS),
    Arm("complaints", month_at("{r}.resolved_at"), {
        "resolved": "1", "resolution_ms": "{r}.resolved_at - {r}.opened_at",
    }, live="{r}.deleted_at IS NULL AND {r}.resolved_at IS NOT NULL", watched=_COMPLAINT_COLUMNS),
    Arm("reminders", month_at("{r}.due_at"),
        {"visits_due": "1", "visits_done": "({r}.done_at IS NOT NULL)"},
        live=(f"{{r}}.deleted_at IS NULL AND {{r}}.kind = '{RETURN_VISIT}'"
              " AND {r}.customer_id IS NOT NULL"),
        watched=("customer_id", "kind", "due_at", "done_at", "deleted_at")),
    Arm("payment_plans", month_of_date("{r}.due_date"), {"planned_minor": "{r}.amount_minor"},
        via_contract=True, watched=("contract_id", "due_date", "amount_minor", "deleted_at")),
    Arm("receipts", month_at("{r}.received_at"), {"collected_minor": "{r}.amount_minor"},
        via_contract=True, watched=("contract_id", "received_at", "amount_minor", "deleted_at")),
)
ARMS = (CUSTOMER_ARM, *SOURCE_ARMS)
_CONTRACT_ARMS = tuple(arm for arm in SOURCE_ARMS if arm.via_contract)


def _all_zero(names: tuple[str, ...]) -> str:
    return " AND ".join(f"{name} = 0" for name in names)


def _any_sum(names: tuple[str, ...]) -> str:
    return " OR ".join(f"sum(s.{name}) <> 0" for name in names)


def _upsert(table: str, key: tuple[str, str], names: list[str]) -> str:
    sets = ", ".join(f"{name} = {name} + excluded.{name}" for name in names)
    return f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}"


# --- one row's contribution (source table triggers) ----------------------------------------


def _into_groups(arm: Arm, r: str, sign: str) -> str:
    month, live, counters = arm.over(r)
    values = ", ".join(f"{sign}({value})" for value in counters.values())
    return (
        f"INSERT INTO group_months (group_id, month, {', '.join(counters)})"
        f" SELECT g.id, m.month, {values}"
        f" FROM customers AS c JOIN report_groups AS g ON g.key = {group_key('c')}"
        f" JOIN report_months AS m ON m.month = {month}"
        f" WHERE c.id = {arm.customer(r)} AND c.deleted_at IS NULL AND {live}"
        + _upsert("group_months", ("group_id", "month"), list(counters))
    )


def _into_customers(arm: Arm, r: str) -> str:
    month, live, _ = arm.over(r)
    counters = {k: v.format(r=r) for k, v in arm.per_customer().items()}
    return (
        f"INSERT INTO customer_months (customer_ref, month, group_id, {', '.join(counters)})"
        f" SELECT c.rowid, m.month, g.id, {', '.join(counters.values())}"
        f" FROM customers AS c JOIN report_groups AS g ON g.key = {group_key('c')}"
        f" JOIN report_months AS m ON m.month = {month}"
        f" WHERE c.id = {arm.customer(r)} AND c.deleted_at IS NULL AND {live}"
        + _upsert("customer_months", ("group_id", "customer_ref", "month"), list(counters))
    )


def _out_of_customers(arm: Arm, r: str) -> list[str]:
    month, live, _ = arm.over(r)
    sets = ", ".join(f"{k} = {k} - ({v.format(r=r)})" for k, v in arm.per_customer().items())
    customer = arm.customer(r)
    where = (f"group_id = {_group_of(customer)} AND customer_ref = {_ref_of(customer)}"
             f" AND month = {month}")
    return [f"UPDATE customer_months SET {sets} WHERE {where} AND {live}",
            f"DELETE FROM customer_months WHERE {where} AND {_all_zero(CUSTOMER_COUNTERS)}"]


def _drop_empty_group_month(arm: Arm, r: str) -> str:
    month, _, _ = arm.over(r)
    return (f"DELETE FROM group_months WHERE group_id = {_group_of(arm.customer(r))}"
            f" AND month = {month} AND {_all_zero(COUNTERS)}")


def added(arm: Arm, r: str) -> list[str]:
    statements = [_into_groups(arm, r, "+")]
    if arm.per_customer():
        statements.append(_into_customers(arm, r))
    if arm.via_contract:  # money alone may add up to nothing
        statements.append(_drop_empty_group_month(arm, r))
    return statements


def removed(arm: Arm, r: str) -> list[str]:
    statements = [_into_groups(arm, r, "-"), _drop_empty_group_month(arm, r)]
    if arm.per_customer():
        statements += _out_of_customers(arm, r)
    return statements


# --- many rows at once: a table, one customer, one contract ---------------------------------


def arm_rows(arm: Arm, customer: str | None = None, contract: str | None = None,
             names: tuple[str, ...] = COUNTERS) -> str:
    """SQL: (customer_id, month, counters) per live row of the arm's table; only one
    customer's or one contract's rows when given (read through their indexes)."""
    month, live, counters = arm.over("r")
    values = ", ".join(f"{counters.get(name, '0')} AS {name}" for name in names)
    if contract is not None:  # the contract's state is the trigger's: no customer needed
        source, who = f"{arm.table} AS r", "NULL"
        live += f" AND r.contract_id = {contract}"
    elif arm.via_contract:
        source = f"{arm.table} AS r JOIN contracts AS k ON k.id = r.contract_id"
        who = "k.customer_id"
        live += " AND k.deleted_at IS NULL"
    else:
        source, who = f"{arm.table} AS r", f"r.{arm.customer_column}"
    if customer is not None:
        live += f" AND {who} = {customer}"
    return f"SELECT {who} AS customer_id, {month} AS month, {values} FROM {source} WHERE {live}"


def _customer_arms(r: str) -> str:
    """SQL: everything the customer row `r` (new or old) contributes, month by month rows."""
    month, live, counters = CUSTOMER_ARM.over(r)
    values = ", ".join(f"{counters.get(name, '0')} AS {name}" for name in COUNTERS)
    own = f"SELECT {r}.id AS customer_id, {month} AS month, {values} WHERE {live}"
    others = [arm_rows(arm, customer=f"{r}.id") for arm in SOURCE_ARMS]
    return " UNION ALL ".join([own, *others])


def _customer_rows(customer: str) -> str:
    per_customer = tuple(arm for arm in SOURCE_ARMS if arm.per_customer())
    return " UNION ALL ".join(
        arm_rows(arm, customer=customer, names=CUSTOMER_COUNTERS) for arm in per_customer)


def fill_groups(where: str = "c.deleted_at IS NULL") -> str:
    return (f"INSERT OR IGNORE INTO report_groups (key, owner_id, lifecycle_stage, tier)"
            f" SELECT {group_key('c')}, c.owner_id, c.lifecycle_stage, c.tier"
            f" FROM customers AS c WHERE {where}")


def recount_customer(customer: str, when: str) -> str:
    """SQL: customer_months of one customer from the source tables (its rows gone first)."""
    sums = ", ".join(f"sum(s.{name})" for name in CUSTOMER_COUNTERS)
    return (
        f"INSERT INTO customer_months (group_id, customer_ref, month,"
        f" {', '.join(CUSTOMER_COUNTERS)})"
        f" SELECT g.id, c.rowid, s.month, {sums} FROM ({_customer_rows(customer)}) AS s"
        f" JOIN customers AS c ON c.id = s.customer_id"
        f" JOIN report_groups AS g ON g.key = {group_key('c')}"
        f" WHERE c.deleted_at IS NULL AND s.month IS NOT NULL AND {when}"
        f" GROUP BY s.month HAVING {_any_sum(CUSTOMER_COUNTERS)}"
    )


# --- everything from scratch ---------------------------------------------------------------

LIVE_MAP = "summary_live_customers"  # a temporary table while the summary is rebuilt


def rebuild_statements() -> list[str]:
    """SQL: empty the summary and recompute it from the source tables.

    Every live customer's rowid and group go into a narrow temporary table first, read in
    one pass over customers: looking each source row's customer up there instead of in the
    wide customers table keeps a million random lookups in memory. Each source is then
    summed on its own (small rows to sort), in the order its table or index holds it.
    """
    statements = [
        "DELETE FROM group_months", "DELETE FROM customer_months", fill_groups(),
        f"DROP TABLE IF EXISTS temp.{LIVE_MAP}",
        f"CREATE TEMP TABLE {LIVE_MAP} (id BLOB PRIMARY KEY, ref INTEGER NOT NULL,"
        " group_id INTEGER NOT NULL) WITHOUT ROWID",
        f"INSERT INTO temp.{LIVE_MAP} SELECT c.id, c.rowid, g.id FROM customers AS c"
        f" JOIN report_groups AS g ON g.key = {group_key('c')} WHERE c.deleted_at IS NULL",
    ]
    for arm in ARMS:
        statements.append(_sum_into("group_months", arm, list(arm.counters), ("l.group_id",)))
        if arm.per_customer():
            statements.append(_sum_into("customer_months", arm, list(arm.per_customer()),
                                        ("l.group_id", "l.ref")))
    statements += [f"DROP TABLE temp.{LIVE_MAP}",
                   f"DELETE FROM group_months WHERE {_all_zero(COUNTERS)}"]
    return statements


def _sum_into(table: str, arm: Arm, names: list[str], keys: tuple[str, ...]) -> str:
    month, live, counters = arm.over("r")
    if arm.via_contract:
        source = f"{arm.table} AS r CROSS JOIN contracts AS k ON k.id = r.contract_id"
        who, live = "k.customer_id", live + " AND k.deleted_at IS NULL"
    else:
        source, who = f"{arm.table} AS r", f"r.{arm.customer_column}"
    key_columns = ("group_id",) if len(keys) == 1 else ("group_id", "customer_ref")
    sums = ", ".join(f"sum({counters[name]})" for name in names)
    # CROSS JOIN keeps the source in the outer loop: driven by customers instead, SQLite
    # would read each source row at random
    return (
        f"INSERT INTO {table} ({', '.join(key_columns)}, month, {', '.join(names)})"
        f" SELECT {', '.join(keys)}, {month} AS period, {sums}"
        f" FROM {source} CROSS JOIN temp.{LIVE_MAP} AS l ON l.id = {who}"
        f" WHERE period IS NOT NULL AND {live} GROUP BY {', '.join(keys)}, period"
        + _upsert(table, (*key_columns, "month"), names)
    )


def _shift_groups(rows: str, group: str, sign: str, when: str) -> list[str]:
    """Add (sign +) or subtract (-) month-by-month rows to `group`; drop what empties."""
    sums = ", ".join(f"{sign}sum(s.{name})" for name in COUNTERS)
    return [
        f"INSERT INTO group_months (group_id, month, {', '.join(COUNTERS)})"
        f" SELECT {group}, s.month, {sums} FROM ({rows}) AS s"
        f" WHERE s.month IS NOT NULL AND {group} IS NOT NULL AND {when} GROUP BY s.month"
        + _upsert("group_months", ("group_id", "month"), list(COUNTERS)),
        f"DELETE FROM group_months WHERE group_id = {group} AND {_all_zero(COUNTERS)}",
    ]


# --- triggers ------------------------------------------------------------------------------


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"old.{name} IS NOT new.{name}" for name in columns)


def _trigger(name: str, event: str, table: str, statements: list[str],
             when: str = "") -> tuple[str, str]:
    body = "".join(f"\n    {statement};" for statement in statements)
    condition = f" WHEN {when}" if when else ""
    return name, f"CREATE TRIGGER {name} AFTER {event} ON {table}{condition} BEGIN{body}\nEND"


def _source_triggers() -> list[tuple[str, str]]:
    """Add on insert, subtract on delete, both on an update that moves a contribution."""
    triggers = []
    for table in dict.fromkeys(arm.table for arm in SOURCE_ARMS):
        arms = [arm for arm in SOURCE_ARMS if arm.table == table]
        watched = tuple(dict.fromkeys(column for arm in arms for column in arm.watched))
        plus = [s for arm in arms for s in added(arm, "new")]
        minus = [s for arm in arms for s in removed(arm, "old")]
        guard = update_guard = ""
        if table == "reminders":  # only return visits count
            guard = f"new.kind = '{RETURN_VISIT}'"
            update_guard = f"(old.kind = '{RETURN_VISIT}' OR {guard}) AND "
        triggers += [
            _trigger(f"{table}_summary_insert", "INSERT", table, plus, guard),
            _trigger(f"{table}_summary_update", f"UPDATE OF {', '.join(watched)}", table,
                     plus + minus, f"{update_guard}({_changed(watched)})"),
            _trigger(f"{table}_summary_delete", "DELETE", table, minus,
                     guard.replace("new.", "old.")),
        ]
    return triggers


_GROUP_COLUMNS = ("owner_id", "lifecycle_stage", "tier")


def _move_customer(old_group: str, new_group: str) -> list[str]:
    """SQL: subtract what the customer contributed as it was from its old group and add
    what it contributes as it is to its new one, reading its activity once (a departure
    hands over thousands of customers)."""

    def own(r: str, group: str, sign: str) -> str:
        month, live, counters = CUSTOMER_ARM.over(r)
        values = ", ".join(f"{sign}({counters.get(name, '0')}) AS {name}" for name in COUNTERS)
        return f"SELECT {group} AS grp, {month} AS month, {values} WHERE {live}"

    signs = (f"SELECT {old_group} AS grp, -1 AS sign WHERE old.deleted_at IS NULL"
             f" UNION ALL SELECT {new_group}, 1 WHERE new.deleted_at IS NULL")
    activity = " UNION ALL ".join(arm_rows(arm, customer="new.id") for arm in SOURCE_ARMS)
    signed = ", ".join(f"x.sign * s.{name}" for name in COUNTERS)
    rows = " UNION ALL ".join([
        own("old", old_group, "-"), own("new", new_group, ""),
        # the activity is read once and counted against both groups
        f"SELECT x.grp, s.month, {signed} FROM ({activity}) AS s CROSS JOIN ({signs}) AS x",
    ])
    sums = ", ".join(f"sum(t.{name})" for name in COUNTERS)
    return [
        f"INSERT INTO group_months (group_id, month, {', '.join(COUNTERS)})"
        f" SELECT t.grp, t.month, {sums} FROM ({rows}) AS t"
        f" WHERE t.grp IS NOT NULL AND t.month IS NOT NULL GROUP BY t.grp, t.month"
        + _upsert("group_months", ("group_id", "month"), list(COUNTERS)),
        f"DELETE FROM group_months WHERE group_id = {old_group} AND {_all_zero(COUNTERS)}",
        f"DELETE FROM group_months WHERE group_id = {new_group} AND {_all_zero(COUNTERS)}",
    ]


def _customer_triggers() -> list[tuple[str, str]]:
    """A customer's whole contribution moves when its group changes, leaves with a delete
    and comes back with a restore."""
    watched = _GROUP_COLUMNS + CUSTOMER_ARM.watched
    old_group = f"(SELECT id FROM report_groups WHERE key = {group_key('old')})"
    new_group = f"(SELECT id FROM report_groups WHERE key = {group_key('new')})"
    new_group_row = fill_groups("c.id = new.id")
    return [
        _trigger("customers_summary_insert", "INSERT", "customers",
                 [new_group_row, *added(CUSTOMER_ARM, "new")]),
        _trigger("customers_summary_update", f"UPDATE OF {', '.join(watched)}", "customers", [
            new_group_row,
            *_move_customer(old_group, new_group),
            f"DELETE FROM customer_months WHERE group_id = {old_group}"
            " AND customer_ref = new.rowid AND new.deleted_at IS NOT NULL",
            f"UPDATE customer_months SET group_id = {new_group} WHERE group_id = {old_group}"
            " AND customer_ref = new.rowid AND old.deleted_at IS NULL"
            f" AND new.deleted_at IS NULL AND {old_group} IS NOT {new_group}",
            recount_customer("new.id", "old.deleted_at IS NOT NULL"),
        ], _changed(watched)),
        _trigger("customers_summary_delete", "DELETE", "customers", [
            *_shift_groups(_customer_arms("old"), old_group, "-", "old.deleted_at IS NULL"),
            f"DELETE FROM customer_months WHERE group_id = {old_group}"
            " AND customer_ref = old.rowid",
        ]),
    ]


def _contract_triggers() -> list[tuple[str, str]]:
    """A contract deleted, restored or moved to another customer moves its instalments and
    receipts between the customers' groups."""

    def rows(r: str) -> str:
        return " UNION ALL ".join(arm_rows(arm, contract=f"{r}.id") for arm in _CONTRACT_ARMS)

    old = _shift_groups(rows("old"), _group_of("old.customer_id"), "-", "old.deleted_at IS NULL")
    new = _shift_groups(rows("new"), _group_of("new.customer_id"), "+", "new.deleted_at IS NULL")
    moved = ("customer_id", "deleted_at")
    return [
        _trigger("contracts_summary_update", f"UPDATE OF {', '.join(moved)}", "contracts",
                 old + new, _changed(moved)),
        _trigger("contracts_summary_delete", "DELETE", "contracts", old),
    ]


def summary_triggers() -> dict[str, str]:
    """Trigger name -> CREATE TRIGGER statement."""
    return dict(_customer_triggers() + _source_triggers() + _contract_triggers())
