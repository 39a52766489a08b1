"""Record page fixtures: signed-in sessions on a fresh copy of the UI template vault, and a
page shown at a desktop size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QUrl
from sqlalchemy import select

from desktop_crm.domain.ids import new_id
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.storage.models import AuditEvent, RecordGrant
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.record.record_page import CustomerRecordPage
from tests.ui.conftest import ADMIN_PASSWORD, SALES2_PASSWORD, Template

PASSWORDS: dict[str, str] = {}


@pytest.fixture(autouse=True)
def known_passwords() -> Iterator[None]:
    PASSWORDS.clear()
    PASSWORDS.update(admin=ADMIN_PASSWORD, sales2=SALES2_PASSWORD)
    yield
    PASSWORDS.clear()


@pytest.fixture
def sign_in_as(vault: Template) -> Iterator[Callable[[str], CrmSession]]:
    sessions: list[CrmSession] = []

    def open_session(username: str) -> CrmSession:
        session = sign_in(vault.vault_dir, username, PASSWORDS[username])
        sessions.append(session)
        return session

    yield open_session
    for session in sessions:
        session.lock()


@pytest.fixture
def admin(sign_in_as: Callable[[str], CrmSession]) -> CrmSession:
    return sign_in_as("admin")


@pytest.fixture
def add_user(admin: CrmSession, sign_in_as: Callable[[str], CrmSession]
             ) -> Callable[[str, str, str], CrmSession]:
    """A new user of this role, signed in after choosing their password."""
    def add(username: str, display_name: str, role: str) -> CrmSession:
        _, one_time = admin.users.create(username, display_name, roles=[role])
        PASSWORDS[username] = one_time
        first = sign_in_as(username)
        first.change_password(one_time, f"{username}-password-1")
        PASSWORDS[username] = f"{username}-password-1"
        return sign_in_as(username)

    return add


def audit_actions(session: CrmSession) -> list[tuple[str, str]]:
    """(action, entity id) of every audit event, oldest first."""
    with session._open().database.reading() as s:
        return [(e.action, e.entity_id) for e in
                s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()]


@pytest.fixture
def make_page(qtbot, ops: Operations) -> Callable[[CrmSession], CustomerRecordPage]:
    def make(session: CrmSession) -> CustomerRecordPage:
        page = CustomerRecordPage(session, ops, session.me())
        page.opened_urls = []  # type: ignore[attr-defined]
        page.open_url = page.opened_urls.append  # type: ignore[attr-defined]
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        return page

    return make


def customer_id(session: CrmSession, name: str) -> str:
    return next(row.id for row in session.customers.search(name) if row.name == name)


def wait_for_record(qtbot, page: CustomerRecordPage, customer: str) -> None:
    """Open a customer and wait until its record and timeline are shown."""
    page.open_customer(customer)
    qtbot.waitUntil(lambda: page.record is not None and page.record.id == customer
                    and not page.timeline.loading)


def share_with(admin: CrmSession, customer: str, grantee_username: str,
               access: str = "read") -> None:
    """A collaborator grant (no service writes grants yet: the test writes the row)."""
    grantee = admin.users.find_by_username(grantee_username).id
    now = admin.clock.now()
    with admin._open().database.unit_of_work() as s:
        s.add(RecordGrant(id=new_id(), created_at=now, updated_at=now, version=1,
                          resource="customer", record_id=customer, grantee_id=grantee,
                          access=access, expires_at=now + timedelta(days=7)))


def opened(page: CustomerRecordPage) -> list[QUrl]:
    return page.opened_urls  # type: ignore[attr-defined,no-any-return]
