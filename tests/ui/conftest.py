"""UI fixtures: a real vault copied from a template per test, the real services behind a Backend.

The template holds: admin (管理员 Admin), sales1 (one-time password: must change it),
sales2 (has chosen a password), and three customers owned by admin.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop_crm.config import ENGLISH
from desktop_crm.security.keyring_store import KeyringStatus
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.services.setup import initialize_vault
from desktop_crm.storage.vault import Vault
from desktop_crm.ui.backend import Backend, SignedIn
from desktop_crm.ui.collector import GuiThreadCollector
from desktop_crm.ui.flow import AppFlow
from desktop_crm.ui.i18n import install_translators, remove_translators
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.settings import Preferences

ADMIN_PASSWORD = "admin-password-1"
SALES2_PASSWORD = "sales2-password-1"
CUSTOMERS = ("张伟", "Alice Martin", "李娜")
NO_KEYRING = KeyringStatus(False, "no system keyring is available on this computer, so the app "
                                  "cannot remember you (sign in with your password)", "")


@pytest.fixture(scope="session", autouse=True)
def english_catalogue(qapp: QApplication) -> Iterator[None]:
    """What the app installs for English: the plural forms ("1 customer", "3 customers")."""
    translators = install_translators(qapp, ENGLISH)
    assert translators, "the English catalogue is missing from resources/translations"
    yield
    remove_translators(qapp, translators)


@pytest.fixture(scope="session", autouse=True)
def gui_thread_collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    """As the app runs: cycles holding widgets are freed on the GUI thread, never a worker's."""
    collector = GuiThreadCollector(qapp)
    collector.start()
    yield collector
    collector.stop()


@dataclass(frozen=True)
class Template:
    vault_dir: Path
    one_time_password: str  # sales1's


def _build(vault_dir: Path) -> Template:
    initialize_vault(vault_dir, admin_username="admin", admin_password=ADMIN_PASSWORD,
                     admin_display_name="管理员 Admin")
    admin = sign_in(vault_dir, "admin", ADMIN_PASSWORD)
    try:
        east = admin.departments.create("华东 East")
        _, one_time = admin.users.create("sales1", "销售一 Sales One", roles=["sales"],
                                         department_id=east.id)
        _, sales2_once = admin.users.create("sales2", "Sales Two", roles=["sales"],
                                            department_id=east.id)
        for name in CUSTOMERS:
            admin.customers.create({"name": name})
    finally:
        admin.lock()
    sales2 = sign_in(vault_dir, "sales2", sales2_once)
    try:
        sales2.change_password(sales2_once, SALES2_PASSWORD)
    finally:
        sales2.lock()
    return Template(vault_dir, one_time)


@pytest.fixture(scope="session")
def vault_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return _build(tmp_path_factory.mktemp("ui-template") / "vault")


@pytest.fixture
def vault(vault_template: Template, tmp_path: Path) -> Template:
    """A fresh copy of the template vault for this test."""
    directory = tmp_path / "vault"
    shutil.copytree(vault_template.vault_dir, directory)
    return Template(directory, vault_template.one_time_password)


@pytest.fixture
def ops(qtbot: object) -> Iterator[Operations]:
    operations = Operations()
    yield operations
    operations.wait_for_workers()


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def opened_sessions() -> Iterator[list[CrmSession]]:
    """Every session the backend opened, locked at the end even if a test failed half-way."""
    sessions: list[CrmSession] = []
    yield sessions
    for session in sessions:
        session.lock()


@pytest.fixture
def make_backend(opened_sessions: list[CrmSession]) -> Callable[..., Backend]:
    def make(
        *,
        keyring: KeyringStatus = NO_KEYRING,
        remember_device: Callable[[CrmSession], None] | None = None,
        idle_lock_after: timedelta | None = None,
        sign_in_fn: Callable[[Path, str, str], CrmSession] | None = None,
    ) -> Backend:
        def tracked_sign_in(directory: Path, username: str, password: str) -> CrmSession:
            session = (sign_in_fn or sign_in)(directory, username, password)
            opened_sessions.append(session)
            return session

        def create(directory: Path, username: str, password: str, display_name: str) -> str:
            return initialize_vault(directory, admin_username=username,
                                    admin_password=password, admin_display_name=display_name)

        return Backend(
            vault_exists=Vault.exists,
            initialize_vault=create,
            sign_in=tracked_sign_in,
            keyring_status=lambda: keyring,
            remember_device=remember_device,
            idle_lock_after=idle_lock_after,
        )

    return make


@pytest.fixture
def make_flow(
    qtbot: object, ops: Operations, preferences: Preferences, make_backend: Callable[..., Backend]
) -> Iterator[Callable[..., AppFlow]]:
    flows: list[AppFlow] = []

    def make(vault_dir: Path, **backend_options: object) -> AppFlow:
        flow = AppFlow(make_backend(**backend_options), ops, preferences, vault_dir)
        flows.append(flow)
        flow.start()
        return flow

    yield make
    for flow in flows:
        if flow.window is not None:
            flow.quit()


@pytest.fixture
def open_main_window(
    qtbot: Any, ops: Operations, preferences: Preferences,
    opened_sessions: list[CrmSession],
) -> Callable[..., MainWindow]:
    """A signed-in main window, shown on its customer list, the list loaded."""

    def open_window(vault_dir: Path, username: str, password: str) -> MainWindow:
        session = sign_in(vault_dir, username, password)
        opened_sessions.append(session)
        window = MainWindow(SignedIn(session, session.me(), session.policies.idle_lock_after()),
                            ops,
                            idle_lock_after=timedelta(hours=1),
                            window_state=preferences.window_state(username),
                            reminder_upkeep=False)
        qtbot.addWidget(window)
        window.show()
        window.show_customers()  # a reminder reader starts on the to-do hub
        model = window.customers_page.model
        qtbot.waitUntil(lambda: window.summary is not None and not model.loading,
                        timeout=20_000)
        return window

    return open_window
