"""The departure workflow: an employee leaves, their access ends, every customer stays.

Steps, each safe to interrupt:
1. `freeze` (state frozen): the leaving user can no longer reveal masked values or export.
2. `complete` commits, in ONE transaction: the user marked departed (sign-in refused from
   here on, whatever the key file says), everything handed to the receivers, the audit
   event and the alert (state committed).
3. Then the key work, each step checked before it is done again: the user's key slot,
   wrapped key and remembered devices go; the data key is rotated (state done).
A process killed before the commit leaves the departure not started (at most frozen); one
killed after it is finished by the next sign-in of any remaining user (`finish_interrupted`):
never a user half revoked, never a customer without an owner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select

from desktop_crm.domain.departure_split import (
    Receiver,
    SplitMode,
    counts_by_receiver,
    split_customers,
)
from desktop_crm.domain.enums import DepartureState, UserStatus
from desktop_crm.domain.errors import (
    Conflict,
    NotFound,
    ValidationError,
    VaultError,
    VaultLocked,
)
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import alerts as alert_kinds
from desktop_crm.services import audit
from desktop_crm.services.actor import bump_access_version
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.services.departure_moves import (
    Holdings,
    Moved,
    customers_to_place,
    department_parents,
    hand_over,
    holdings,
)
from desktop_crm.services.users import LAST_ADMIN, active_admins
from desktop_crm.storage.models import Departure, User

FROZEN, COMMITTED = DepartureState.FROZEN.value, DepartureState.COMMITTED.value
DONE, CANCELLED = DepartureState.DONE.value, DepartureState.CANCELLED.value
UNDER_WAY = (FROZEN, COMMITTED)

# Test seam: called with each step's name as the workflow passes it (the crash test kills
# the process there). Production leaves it None.
step_hook: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if step_hook is not None:
        step_hook(name)


class DepartureKeys(Protocol):
    """The key-file operations a departure needs (an open vault provides them)."""

    def has_active_slot(self, user_id: str) -> bool: ...

    def revoke_user_slot(self, user_id: str, at: datetime) -> None: ...

    def key_epoch(self) -> str: ...

    def rotate_data_key(self) -> None: ...


@dataclass(frozen=True)
class DepartureView:
    id: str
    user_id: str
    username: str
    display_name: str
    state: str
    frozen_at: datetime
    committed_at: datetime | None
    finished_at: datetime | None


@dataclass(frozen=True)
class Inventory:
    """The wizard's second page: who is leaving and what they hold."""

    departure: DepartureView
    holdings: Holdings


@dataclass(frozen=True)
class Outcome:
    departure: DepartureView
    moved: Moved
    key_rotated: bool


@dataclass(frozen=True)
class AwaitingReassignment:
    user_id: str
    username: str
    display_name: str
    departed_at: datetime | None
    holdings: Holdings


class DepartureService:
    def __init__(self, ctx: ServiceContext, keys: DepartureKeys) -> None:
        self.ctx = ctx
        self.keys = keys

    # --- the wizard's steps --------------------------------------------------------------------

    def freeze(self, user_id: str) -> Inventory:
        """Start a departure: reveals and exports of the leaving user stop at once."""
        with self.ctx.writing() as w:
            _require(w)
            user = _leaving_user(w, user_id)
            row = _under_way(w, user.id)
            if row is None:
                row = _new_departure(w, user.id)
                bump_access_version(w.session)
                audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                             action="departure.freeze", entity=Resource.USER,
                             entity_id=user.id)
            return Inventory(_view(row, user), holdings(w.session, user.id))

    def inventory(self, user_id: str) -> Holdings:
        with self.ctx.reading() as w:
            _require(w)
            return holdings(w.session, _user(w, user_id).id)

    def preview(self, user_id: str, receiver_ids: Sequence[str],
                mode: SplitMode = SplitMode.ROUND_ROBIN) -> dict[str, int]:
        """How many customers each receiver would take (receiver id -> count)."""
        with self.ctx.reading() as w:
            _require(w)
            plan, _ = _plan(w, _user(w, user_id), receiver_ids, mode)
            return counts_by_receiver(plan)

    def cancel(self, user_id: str) -> None:
        """Back out before the commit: reveals and exports return."""
        with self.ctx.writing() as w:
            _require(w)
            row = _under_way(w, user_id)
            if row is None:
                return
            if row.state != FROZEN:
                raise Conflict("this departure is already committed and cannot be cancelled")
            _set_state(w, row, CANCELLED, finished_at=w.now)
            bump_access_version(w.session)
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="departure.cancel", entity=Resource.USER, entity_id=user_id)

    def complete(self, user_id: str, receiver_ids: Sequence[str],
                 mode: SplitMode = SplitMode.ROUND_ROBIN) -> Outcome:
        """Mark departed and hand everything over (one transaction), then revoke the keys."""
        _step("start")
        with self.ctx.writing() as w:
            _require(w)
            user = _leaving_user(w, user_id)
            plan, receivers = _plan(w, user, receiver_ids, mode)
            row = _under_way(w, user.id) or _new_departure(w, user.id)
            moved = hand_over(
                w.session, departed_id=user.id, plan=plan, first_receiver=receivers[0].user_id,
                receiver_departments={r.user_id: r.department_id for r in receivers},
                now=w.now, by=w.actor.user_id, reason=f"departure of {user.username}")
            _step("handed_over")
            user.status = UserStatus.DEPARTED.value
            user.departed_at = w.now
            user.version += 1
            user.updated_at, user.updated_by = w.now, w.actor.user_id
            w.session.flush()
            if not active_admins(w.session):
                raise ValidationError("user", LAST_ADMIN)  # rolls everything back
            row.plan = {"receivers": [r.user_id for r in receivers], "split": mode.value,
                        "moved": moved.as_detail()}
            _set_state(w, row, COMMITTED, committed_at=w.now)
            bump_access_version(w.session)
            seq = audit.record(
                w.session, at=w.now, actor_id=w.actor.user_id, action="user.depart",
                entity=Resource.USER, entity_id=user.id,
                detail={"receivers": [r.user_id for r in receivers], "split": mode.value,
                        **moved.as_detail()})
            audit.raise_alert(
                w.session, at=w.now, kind=alert_kinds.DEPARTURE, audit_seq=seq, severity="high",
                actor_id=w.actor.user_id,
                message=f"{user.username} departed: {sum(moved.customers.values())} customers "
                        f"handed to {len(receivers)} receiver(s); access revoked")
        _step("committed")
        try:
            view = self._finish(row.id)
        except VaultLocked:
            raise
        except VaultError:
            # Committed already: access is gone in the database. The key work (another
            # program holding the vault, a full disk) is finished by the next sign-in.
            return Outcome(_view(row, user), moved, key_rotated=False)
        return Outcome(view, moved, key_rotated=view.state == DONE)

    # --- finishing after the commit --------------------------------------------------------------

    def finish_interrupted(self) -> list[DepartureView]:
        """Finish every committed departure whose key work an interruption cut short.

        Runs at each sign-in as whoever signs in: the decision was an administrator's, and
        what is left only removes access. A full disk, or another program reading the vault,
        must not keep everyone out: the departed user is refused by the database already, so
        the rotation waits for the next sign-in and the admins are alerted. Only a lost
        session (the key changed) stops the sign-in.
        """
        with self.ctx.reading() as w:
            ids = list(w.session.scalars(
                select(Departure.id).where(Departure.state == COMMITTED,
                                           Departure.deleted_at.is_(None))))
        finished = []
        for departure_id in ids:
            try:
                finished.append(self._finish(departure_id))
            except VaultLocked:
                raise
            except VaultError as error:
                with self.ctx.writing() as w:
                    audit.raise_alert(
                        w.session, at=w.now, kind=alert_kinds.DEPARTURE, severity="high",
                        actor_id=w.actor.user_id,
                        message=f"a departure's key rotation is waiting: {error}")
        return finished

    def _finish(self, departure_id: str) -> DepartureView:
        with self.ctx.reading() as w:
            row = w.session.get(Departure, departure_id)
            if row is None:
                raise NotFound("departure", departure_id)
            user_id, state, plan = row.user_id, row.state, dict(row.plan)
        if state != COMMITTED:
            return self._view(departure_id)
        if self.keys.has_active_slot(user_id):
            self.keys.revoke_user_slot(user_id, self.ctx.now())
            _step("slot_revoked")
        epoch = plan.get("key_epoch_after_revoke")
        if epoch is None:
            epoch = self.keys.key_epoch()
            self._save_plan(departure_id, {**plan, "key_epoch_after_revoke": epoch})
            _step("epoch_recorded")
        # A key rotated after the slot went leaves the departed user nothing that opens
        # the file; rotating only when the key is still the one from then never rotates twice.
        if self.keys.key_epoch() == epoch:
            self.keys.rotate_data_key()
            _step("rotated")
        with self.ctx.writing() as w:
            row = w.session.get(Departure, departure_id)
            assert row is not None
            _set_state(w, row, DONE, finished_at=w.now)
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="departure.finish", entity=Resource.USER, entity_id=user_id,
                         detail={"key_rotated": True})
        _step("done")
        return self._view(departure_id)

    def _save_plan(self, departure_id: str, plan: dict[str, Any]) -> None:
        with self.ctx.writing() as w:
            row = w.session.get(Departure, departure_id)
            assert row is not None
            row.plan = plan
            row.version += 1
            row.updated_at = w.now

    def _view(self, departure_id: str) -> DepartureView:
        with self.ctx.reading() as w:
            row = w.session.get(Departure, departure_id)
            assert row is not None
            return _view(row, w.session.get(User, row.user_id))

    # --- what is left ----------------------------------------------------------------------------

    def history(self) -> list[DepartureView]:
        with self.ctx.reading() as w:
            _require(w)
            rows = w.session.execute(
                select(Departure, User).join(User, User.id == Departure.user_id)
                .where(Departure.deleted_at.is_(None))
                .order_by(Departure.frozen_at.desc())).tuples().all()
            return [_view(d, u) for d, u in rows]

    def awaiting_reassignment(self) -> list[AwaitingReassignment]:
        """Departed staff who still own customers or hold open work (synced in later, or
        left by an earlier version)."""
        with self.ctx.reading() as w:
            _require(w)
            departed = w.session.scalars(
                select(User).where(User.status == UserStatus.DEPARTED.value,
                                   User.deleted_at.is_(None)).order_by(User.username_key))
            result = []
            for user in departed:
                held = holdings(w.session, user.id)
                if held.anything:
                    result.append(AwaitingReassignment(
                        user.id, user.username, user.display_name, user.departed_at, held))
            return result

    def reassign_remaining(self, user_id: str, receiver_ids: Sequence[str],
                           mode: SplitMode = SplitMode.ROUND_ROBIN) -> Moved:
        """Hand over what a departed user still holds (the awaiting list's action)."""
        with self.ctx.writing() as w:
            _require(w)
            user = _user(w, user_id)
            if user.status != UserStatus.DEPARTED.value:
                raise Conflict("only a departed user's holdings are reassigned here; "
                               "start a departure for an active user")
            plan, receivers = _plan(w, user, receiver_ids, mode)
            moved = hand_over(
                w.session, departed_id=user.id, plan=plan, first_receiver=receivers[0].user_id,
                receiver_departments={r.user_id: r.department_id for r in receivers},
                now=w.now, by=w.actor.user_id, reason=f"departure of {user.username}")
            bump_access_version(w.session)
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="user.reassign_departed", entity=Resource.USER,
                         entity_id=user.id, detail=moved.as_detail())
            return moved


# --- helpers ------------------------------------------------------------------------------------


def _require(w: Work) -> None:
    w.actor.require(Resource.USER, Action.MANAGE)
    w.actor.require(Resource.CUSTOMER, Action.ASSIGN)


def _user(w: Work, user_id: str) -> User:
    user = w.session.get(User, user_id)
    if user is None or user.deleted_at is not None:
        raise NotFound(Resource.USER, user_id)
    return user


def _leaving_user(w: Work, user_id: str) -> User:
    user = _user(w, user_id)
    if user.id == w.actor.user_id:
        raise ValidationError("user", "you cannot run your own departure; ask another admin")
    if user.status == UserStatus.DEPARTED.value:
        raise Conflict(f"{user.username} has already departed")
    return user


def _under_way(w: Work, user_id: str) -> Departure | None:
    return w.session.scalars(
        select(Departure).where(Departure.user_id == user_id, Departure.state.in_(UNDER_WAY),
                                Departure.deleted_at.is_(None))
        .order_by(Departure.frozen_at.desc()).limit(1)).first()


def _new_departure(w: Work, user_id: str) -> Departure:
    row = Departure(
        id=new_id(), created_at=w.now, updated_at=w.now, version=1, updated_by=w.actor.user_id,
        user_id=user_id, state=FROZEN, started_by=w.actor.user_id, frozen_at=w.now, plan={})
    w.session.add(row)
    w.session.flush()
    return row


def _plan(
    w: Work, user: User, receiver_ids: Sequence[str], mode: SplitMode
) -> tuple[dict[str, str], list[Receiver]]:
    receivers = [_receiver(w, user, rid) for rid in receiver_ids]
    if not receivers:
        raise ValidationError("receivers", "choose at least one user to receive the customers")
    customers = customers_to_place(w.session, user.id)
    parents = department_parents(w.session) if mode is SplitMode.DEPARTMENT else {}
    return split_customers(customers, receivers, mode, parents), receivers


def _receiver(w: Work, leaving: User, receiver_id: str) -> Receiver:
    receiver = w.session.get(User, receiver_id)
    if receiver is None or receiver.deleted_at is not None:
        raise ValidationError("receivers", "no such user")
    if receiver.id == leaving.id:
        raise ValidationError("receivers", "the departing user cannot receive their own customers")
    if receiver.status != UserStatus.ACTIVE.value:
        raise ValidationError("receivers", f"{receiver.username} is not active")
    return Receiver(receiver.id, receiver.department_id)


def _set_state(w: Work, row: Departure, state: str, *, committed_at: datetime | None = None,
               finished_at: datetime | None = None) -> None:
    row.state = state
    if committed_at is not None:
        row.committed_at = committed_at
    if finished_at is not None:
        row.finished_at = finished_at
    row.version = (row.version or 0) + 1
    row.updated_at, row.updated_by = w.now, w.actor.user_id
    w.session.flush()


def _view(row: Departure, user: User | None) -> DepartureView:
    return DepartureView(
        id=row.id, user_id=row.user_id, username=user.username if user else "",
        display_name=user.display_name if user else "", state=row.state,
        frozen_at=row.frozen_at, committed_at=row.committed_at, finished_at=row.finished_at)

