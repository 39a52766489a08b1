"""What every service holds: the open database, the acting user's id and the clock.

The acting user is loaded once and kept; every unit of work first reads the vault's access
version (one primary-key read) and reloads the user, roles and scopes only when it moved. So a
suspension, a departure or a role change still applies to the very next call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from desktop_crm.domain.clock import Clock
from desktop_crm.domain.errors import NotFound
from desktop_crm.services import audit
from desktop_crm.services.actor import Actor, access_changed, access_version, load_actor
from desktop_crm.storage.types import as_stored
from desktop_crm.storage.uow import Database


class OutOfScope(Exception):
    """Raised inside a unit of work when a record exists but is outside the caller's scope.

    Caught outside the transaction by `ServiceContext.guard`, which audits the attempt in a
    transaction of its own (the failed one rolls back) and raises the ordinary NotFound.
    """


@dataclass(frozen=True)
class Work:
    """One unit of work as a service sees it: the session, who acts, and when."""

    session: Session
    actor: Actor
    now: datetime


class ServiceContext:
    def __init__(self, database: Callable[[], Database], user_id: str, clock: Clock) -> None:
        # A callable, not the object: rotating the data key replaces the engines, and a
        # lock must make every later call fail rather than reach a disposed engine.
        self._database = database
        self.user_id = user_id
        self.clock = clock
        # (access version, actor) as last loaded; replaced whole, so threads never see a mix
        self._known: tuple[str | None, Actor] | None = None

    @property
    def db(self) -> Database:
        return self._database()

    @contextmanager
    def writing(self) -> Iterator[Work]:
        """A write transaction, acting as the user the database knows now."""
        with self.db.unit_of_work() as session:
            try:
                yield Work(session, self.actor_in(session), self.now())
            finally:
                if access_changed(session):
                    # committed or not, what was worked out inside it may be stale
                    self.forget_actor()

    @contextmanager
    def reading(self) -> Iterator[Work]:
        with self.db.reading() as session:
            yield Work(session, self.actor_in(session), self.now())

    def now(self) -> datetime:
        """The clock's time as the vault stores it, so a record built from the values just
        written equals the same record read back."""
        return as_stored(self.clock.now())

    def actor_in(self, session: Session) -> Actor:
        """The acting user as of this transaction; loaded again only when access changed.

        A suspended or departed user is refused here on every call: a refused load is not kept.
        """
        version = access_version(session)
        known = self._known
        if known is not None and known[0] == version:
            return known[1]
        actor = load_actor(session, self.user_id)
        self._known = (version, actor)
        return actor

    def forget_actor(self) -> None:
        """Drop the kept actor (on lock): the next unit of work loads it afresh."""
        self._known = None

    @contextmanager
    def guard(self, entity: str, entity_id: str, attempted: str) -> Iterator[None]:
        """Turn an out-of-scope attempt into an audited NotFound, as a missing id would be."""
        try:
            yield
        except OutOfScope:
            with self.writing() as work:
                audit.record(
                    work.session, at=work.now, actor_id=work.actor.user_id,
                    action=f"{entity}.access_denied", entity=entity, entity_id=entity_id,
                    detail={"attempted": attempted},
                )
            raise NotFound(entity, entity_id) from None
