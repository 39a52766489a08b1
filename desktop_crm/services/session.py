"""Signing in and out: the door from a password to the services.

Sign-in = password -> private key -> slot -> data key -> open database (the vault does that)
-> check the user's status in the database (a departed user is refused even if a stale slot
were left) -> write the failed attempts recorded in the key file into the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_crm.domain.clock import Clock, SystemClock
from desktop_crm.domain.errors import (
    KeyringUnavailable,
    PasswordChangeRequired,
    VaultLocked,
)
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.security.keyring_store import DeviceKeyring
from desktop_crm.services import alerts as alert_kinds
from desktop_crm.services import audit
from desktop_crm.services.actor import Actor, load_actor
from desktop_crm.services.alerts import AlertService
from desktop_crm.services.audit_log import AuditLogService
from desktop_crm.services.calls import CallService
from desktop_crm.services.commerce import CommerceService
from desktop_crm.services.complaints import ComplaintService
from desktop_crm.services.context import ServiceContext
from desktop_crm.services.customers import CustomerService
from desktop_crm.services.departments import DepartmentService
from desktop_crm.services.departure import DepartureService
from desktop_crm.services.feedback import FeedbackService
from desktop_crm.services.interactions import InteractionService
from desktop_crm.services.policies import PolicyService
from desktop_crm.services.reminder_generation import ReminderGenerator
from desktop_crm.services.reminder_ics import ReminderIcs
from desktop_crm.services.reminders import ReminderService
from desktop_crm.services.return_visits import ReturnVisitService
from desktop_crm.services.roles import RoleService
from desktop_crm.services.satisfaction_report import ReportService
from desktop_crm.services.timeline import TimelineService
from desktop_crm.services.users import UserService
from desktop_crm.storage.vault import OpenVault, Vault

# This many failed sign-ins between two successful ones raise an admin alert.
FAILURE_BURST = 5


@dataclass(frozen=True)
class VaultSummary:
    """What the main window's status area shows."""

    vault_dir: Path
    audit_ok: bool | None  # None: this user may not read the audit log
    audit_events: int
    audit_head: str
    first_broken_seq: int | None


class CrmSession:
    """One signed-in user: the services, all acting as that user, until `lock()`."""

    def __init__(self, vault: OpenVault, vault_dir: Path, clock: Clock) -> None:
        self._vault: OpenVault | None = vault
        self.vault_dir = vault_dir
        self.clock = clock
        ctx = ServiceContext(lambda: self._open().database, vault.user_id, clock)
        self._ctx = ctx
        self.customers = CustomerService(ctx)
        self.interactions = InteractionService(ctx)
        self.reminders = ReminderService(ctx)
        self.reminder_generation = ReminderGenerator(ctx)
        self.reminder_ics = ReminderIcs(ctx)
        self.timeline = TimelineService(ctx)
        self.calls = CallService(ctx)
        self.feedback = FeedbackService(ctx)
        self.complaints = ComplaintService(ctx)
        self.commerce = CommerceService(ctx)
        self.return_visits = ReturnVisitService(ctx)
        self.policies = PolicyService(ctx)
        self.reports = ReportService(ctx)
        self.users = UserService(ctx, vault)
        self.departments = DepartmentService(ctx)
        self.roles = RoleService(ctx)
        self.alerts = AlertService(ctx)
        self.audit = AuditLogService(ctx)
        self.departures = DepartureService(ctx, vault)

    @property
    def user_id(self) -> str:
        return self._open().user_id

    @property
    def locked(self) -> bool:
        return self._vault is None

    def me(self) -> Actor:
        """The signed-in user as the database knows them now (roles, status)."""
        with self._ctx.reading() as w:
            return w.actor

    def require_own_password(self) -> None:
        """Refuse everything but a password change until a one-time password is replaced."""
        if self.me().must_change_password:
            raise PasswordChangeRequired(
                "this is your first sign-in: choose your own password first")

    def change_password(self, old_password: str, new_password: str) -> None:
        self.users.change_own_password(old_password, new_password)

    def verify_audit(self) -> audit.ChainReport:
        """Recompute the audit chain; a break raises its admin alert (once per broken row)."""
        return self.audit.verify()

    def summary(self) -> VaultSummary:
        actor = self.me()
        if not actor.can(Resource.AUDIT, Action.READ):
            return VaultSummary(self.vault_dir, None, 0, "", None)
        report = self.verify_audit()
        return VaultSummary(self.vault_dir, report.ok, report.count, report.head_hash,
                            report.first_broken_seq)

    def rotate_data_key(self) -> None:
        vault = self._open()
        vault.rotate_data_key()
        with self._ctx.writing() as w:
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="vault.rotate_key", entity="vault", entity_id=vault.vault_id)

    def remember_device(self, keyring: DeviceKeyring) -> None:
        """Let this device sign this user in without the password (policy permitting)."""
        if not self.policies.current().remember_me_allowed:
            raise KeyringUnavailable("the company's policy does not allow remembering a "
                                     "device; sign in with your password")
        self._open().remember_device(keyring)
        with self._ctx.writing() as w:
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="auth.remember_device", entity="user", entity_id=self.user_id)

    def forget_device(self, keyring: DeviceKeyring) -> None:
        self._open().forget_device(keyring)
        with self._ctx.writing() as w:
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="auth.forget_device", entity="user", entity_id=self.user_id)

    def lock(self) -> None:
        """Dispose the engines and drop every key this session held."""
        if self._vault is not None:
            self._vault.lock()
            self._vault = None
        self._ctx.forget_actor()

    def _open(self) -> OpenVault:
        if self._vault is None:
            raise VaultLocked("the vault is locked; sign in again")
        return self._vault


def sign_in(
    vault_dir: Path, username: str, password: str, *, clock: Clock | None = None
) -> CrmSession:
    clock = clock or SystemClock()
    return _session_for(Vault(vault_dir).unlock(username, password, now=clock.now()),
                        vault_dir, clock)


def sign_in_remembered(
    vault_dir: Path, username: str, keyring: DeviceKeyring, *, clock: Clock | None = None
) -> CrmSession:
    """Sign in with this device's remembered secret instead of the password."""
    clock = clock or SystemClock()
    return _session_for(Vault(vault_dir).unlock_remembered(username, keyring), vault_dir, clock)


def _session_for(vault: OpenVault, vault_dir: Path, clock: Clock) -> CrmSession:
    """A session on a freshly unlocked vault, once the sign-in is recorded (locked again
    if that fails: a refused status, or the audit write)."""
    try:
        _record_sign_in(vault, clock)
        session = CrmSession(vault, vault_dir, clock)
        session.departures.finish_interrupted()
    except BaseException:
        vault.lock()
        raise
    return session


def device_remembers(vault_dir: Path, username: str, keyring: DeviceKeyring) -> bool:
    """Whether this device can sign the user in without a password."""
    return Vault(vault_dir).remembers(username, keyring)


def _record_sign_in(vault: OpenVault, clock: Clock) -> None:
    """Check the user's status and move the failed attempts from the key file to the audit log."""
    failures = vault.pending_failures()
    with vault.database.unit_of_work() as session:
        actor = load_actor(session, vault.user_id)  # refuses departed and suspended users
        now = clock.now()
        total = 0
        for record in failures:
            total += record.count
            seq = audit.record(
                session, at=now, actor_id=record.user_id, action="auth.sign_in_failed",
                entity="user", entity_id=record.user_id or "",
                detail={"count": record.count,
                        "times": [t.isoformat() for t in record.times],
                        "known_user": record.user_id is not None},
            )
        if total >= FAILURE_BURST:
            audit.raise_alert(session, at=now, kind=alert_kinds.SIGN_IN_FAILURES, audit_seq=seq,
                              actor_id=actor.user_id, severity="high",
                              message=f"{total} failed sign-ins before {actor.username} "
                                      "signed in")
        audit.record(session, at=now, actor_id=actor.user_id, action="auth.sign_in",
                     entity="user", entity_id=actor.user_id)
    vault.clear_pending_failures(failures)


