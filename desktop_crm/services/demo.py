"""The demo vault: a fixed organisation and N generated customers with their activity.

One deterministic generator serves the demo vault, the benchmarks and the screenshots: the
same seed and `today` give the same customers and activity (Faker is pinned exactly). Only
record ids, key material and the audit log's times differ between two builds.

Customers stream through `CustomerService.bulk_create` and their activity through
`ActivityImport`, a chunk at a time, so a million customers never sit in memory together.
The search index is built once after the last chunk rather than row by row, and the finished
vault is compacted (VACUUM, WAL folded into the file).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from desktop_crm.domain import validation as v
from desktop_crm.domain.clock import Clock, SystemClock
from desktop_crm.domain.errors import ValidationError, VaultExists
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services.bulk import ActivityBatch, ActivityImport, bulk_write_settings
from desktop_crm.services.demo_activity import ActivityGenerator
from desktop_crm.services.demo_customers import CustomerGenerator, CustomerPlan, RisingIds
from desktop_crm.services.demo_pools import build_pools
from desktop_crm.services.passwords import one_time_password
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.services.setup import initialize_vault, remove_new_files
from desktop_crm.services.users import UserService, add_user
from desktop_crm.storage.vault import Vault

MAX_CUSTOMERS = 10_000_000
# Customers per transaction, with their activity in the next one: fewer, larger commits
# write the hot index pages fewer times (5,000 took 15 % longer at 200,000 customers).
CHUNK = 20_000
BULK_CACHE_MIB = 512  # page cache while loading: keeps the random-keyed indexes in memory
BULK_CHECKPOINT_MIB = 400  # WAL size that starts a checkpoint while loading

ROOT_DEPARTMENT = "总部 Head office"
DEPARTMENTS = {  # key -> (name, parent key)
    "hq": (ROOT_DEPARTMENT, None),
    "east": ("华东区 East", "hq"),
    "south": ("华南区 South", "hq"),
    "service": ("客服部 Service", "hq"),
}


@dataclass(frozen=True)
class DemoPerson:
    name: str
    role: str
    department: str | None  # a DEPARTMENTS key
    superior: str | None
    display_name: str
    owner_weight: float = 0.0  # share of the customers this person owns


ADMIN = "admin"
SERVICE = "service1"
# Superiors come before the people who report to them. sales_south3 sits in the South
# department but reports to mgr_east: mgr_east sees those customers through the reporting
# line, mgr_south through the department tree.
PEOPLE = (
    DemoPerson(ADMIN, "admin", None, None, "系统管理员 Admin"),
    DemoPerson("auditor", "auditor", "hq", None, "审计 Auditor"),
    DemoPerson(SERVICE, "service", "service", None, "客服 Service one"),
    DemoPerson("mgr_east", "manager", "east", None, "华东经理 East manager", 5),
    DemoPerson("mgr_south", "manager", "south", None, "华南经理 South manager", 5),
    DemoPerson("sales_east1", "sales", "east", "mgr_east", "华东销售一 East sales 1", 15),
    DemoPerson("sales_east2", "sales", "east", "mgr_east", "华东销售二 East sales 2", 15),
    DemoPerson("sales_east3", "sales", "east", "mgr_east", "华东销售三 East sales 3", 15),
    DemoPerson("sales_south1", "sales", "south", "mgr_south", "华南销售一 South sales 1", 15),
    DemoPerson("sales_south2", "sales", "south", "mgr_south", "华南销售二 South sales 2", 15),
    DemoPerson("sales_south3", "sales", "south", "mgr_east", "华南销售三 South sales 3", 15),
)


@dataclass(frozen=True)
class DemoUser:
    name: str
    role: str
    department: str | None
    password: str | None  # only when generated (not given by the caller)


@dataclass(frozen=True)
class DemoVault:
    users: tuple[DemoUser, ...]
    recovery_code: str
    customers: int
    activity: dict[str, int]


Progress = Callable[[int, int], None]  # (customers written, customers asked for)


def build_demo_vault(
    vault_dir: Path, *, customers: int, seed: int = 1, today: date | None = None,
    password: str | None = None, clock: Clock | None = None, progress: Progress | None = None,
) -> DemoVault:
    """Create a new demo vault; every user's password is `password`, or generated if None.

    Refuses a folder that already holds a vault. A build that fails part-way leaves nothing.
    """
    if not 0 <= customers <= MAX_CUSTOMERS:
        raise ValidationError("customers", f"must be between 0 and {MAX_CUSTOMERS:,}")
    if password is not None:
        v.new_password("password", password)
    if Vault.exists(vault_dir):
        raise VaultExists("a vault already exists here: the demo builds a new one elsewhere")
    clock = clock or SystemClock()
    today = today or clock.now().date()
    passwords = {p.name: password or one_time_password() for p in PEOPLE}
    vault_dir.mkdir(parents=True, exist_ok=True)
    existing = set(vault_dir.iterdir())
    try:
        recovery_code = initialize_vault(
            vault_dir, admin_username=ADMIN, admin_password=passwords[ADMIN],
            admin_display_name=PEOPLE[0].display_name, clock=clock)
        session = sign_in(vault_dir, ADMIN, passwords[ADMIN], clock=clock)
        try:
            user_ids = _build_organisation(session, passwords)
            activity = _build_customers(session, user_ids, customers, seed, today, progress)
            _record_build(session, seed=seed, today=today, customers=customers)
            session.users.ctx.db.compact()
        finally:
            session.lock()
    except BaseException:
        remove_new_files(vault_dir, existing)
        raise
    users = tuple(
        DemoUser(p.name, p.role, DEPARTMENTS[p.department][0] if p.department else None,
                 None if password else passwords[p.name])
        for p in PEOPLE)
    return DemoVault(users, recovery_code, customers, activity)


def _build_organisation(session: CrmSession, passwords: dict[str, str]) -> dict[str, str]:
    """Departments and users; returns sign-in name -> user id."""
    departments: dict[str, str] = {}
    for key, (name, parent) in DEPARTMENTS.items():
        departments[key] = session.departments.create(
            name, parent_id=departments[parent] if parent else None).id
    user_ids = {ADMIN: session.user_id}
    for person in PEOPLE[1:]:
        user_ids[person.name] = _add_demo_user(
            session.users, person, passwords[person.name],
            department_id=departments[person.department] if person.department else None,
            superior_id=user_ids[person.superior] if person.superior else None)
    return user_ids


def _add_demo_user(users: UserService, person: DemoPerson, password: str, *,
                   department_id: str | None, superior_id: str | None) -> str:
    """A user with a chosen password and no forced change: demo users sign in straight away
    (an admin's `users.create` hands out a one-time password instead)."""
    with users.ctx.writing() as w:
        w.actor.require(Resource.USER, Action.MANAGE)
        user = add_user(w.session, w.now, by=w.actor.user_id, username=person.name,
                        display_name=person.display_name, roles=[person.role],
                        department_id=department_id, superior_id=superior_id,
                        must_change_password=False)
        users.slots.add_user_slot(user.id, user.username, password)  # last: rolls back with it
        return user.id


def _build_customers(
    session: CrmSession, user_ids: dict[str, str], total: int, seed: int, today: date,
    progress: Progress | None,
) -> dict[str, int]:
    owners = [(p.name, user_ids[p.name], p.owner_weight) for p in PEOPLE if p.owner_weight]
    pools = build_pools(seed)
    ids = RisingIds()
    customers = CustomerGenerator(pools, random.Random(f"{seed}:customers"), today, owners)
    activity = ActivityGenerator(random.Random(f"{seed}:activity"), today, user_ids, SERVICE,
                                 ids)
    ctx = session.users.ctx
    importer = ActivityImport(ctx)
    written: dict[str, int] = {}
    done = 0
    with ctx.db.search_index_deferred(), bulk_write_settings(
            ctx, cache_mib=BULK_CACHE_MIB, checkpoint_mib=BULK_CHECKPOINT_MIB):
        for plans in _chunks(customers, total):
            customer_ids = [ids.next() for _ in plans]
            batch = ActivityBatch()
            for plan, customer_id in zip(plans, customer_ids, strict=True):
                activity.add(batch, plan, customer_id)
            since = _first_recorded(batch, customer_ids, today, first=done)
            session.customers.bulk_create(
                [{**plan.data, "id": customer_id, "created_at": since[customer_id]}
                 for plan, customer_id in zip(plans, customer_ids, strict=True)],
                batch_size=len(plans))
            for kind, count in importer.create(batch).items():
                written[kind] = written.get(kind, 0) + count
            done += len(plans)
            if progress:
                progress(done, total)
    return written


def _chunks(generator: CustomerGenerator, total: int) -> Iterator[list[CustomerPlan]]:
    for start in range(0, total, CHUNK):
        yield [generator.plan() for _ in range(min(CHUNK, total - start))]


# (rows, column) of the activity a customer's record must predate
_DATED = (("interactions", "started_at"), ("orders", "ordered_at"),
          ("satisfaction", "responded_at"), ("complaints", "opened_at"))
HISTORY_DAYS = 3 * 365  # how far back a customer without activity may have been recorded


def _first_recorded(batch: ActivityBatch, customer_ids: list[str], today: date, *,
                    first: int) -> dict[str, datetime]:
    """When each customer of the chunk was recorded: a few days before its first activity,
    or for one with none a day of the last three years; spread by the customer's number
    (`first` is the chunk's first), not drawn from the generators, so the rest of the demo
    stays as it was."""
    earliest: dict[str, datetime] = {}
    for attr, column in _DATED:
        for row in getattr(batch, attr):
            customer, at = row["customer_id"], row[column]
            if customer not in earliest or at < earliest[customer]:
                earliest[customer] = at
    midnight = datetime.combine(today, time(), tzinfo=UTC)
    since = {}
    for number, customer in enumerate(customer_ids, start=first):
        spread = number * 7_919  # a prime: neighbours land far apart
        before = earliest.get(customer, midnight - timedelta(days=spread % HISTORY_DAYS))
        since[customer] = before - timedelta(days=1 + spread % 30, minutes=spread % 1_440)
    return since


def _record_build(session: CrmSession, *, seed: int, today: date, customers: int) -> None:
    with session.users.ctx.writing() as w:
        audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action="demo.build",
                     entity="vault", detail={"seed": seed, "today": today.isoformat(),
                                             "customers": customers})
