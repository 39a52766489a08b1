"""Render the GUI shell's windows to PNG files, to look at them.

    python scripts/screenshot.py windows OUT_DIR [--lang en|zh_CN]
        drives the real windows on a new vault in a temporary folder: the three wizard pages,
        sign-in (with a wrong-password message), the main window; each at a small and a large
        size.
    python scripts/screenshot.py readme OUT_DIR
        `make screenshots`: builds a small demo vault and renders, in Chinese, the main window
        with the customer list, a customer's record with its timeline, and the log-a-call
        dialog, as a salesperson's manager sees them (phones masked in the list).
    python scripts/screenshot.py screen OUT.png [--delay SECONDS]
        grabs the whole display (start `desktop-crm` on the same X display first).

Works offscreen (QT_QPA_PLATFORM=offscreen) and under Xvfb (QT_QPA_PLATFORM=xcb).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("DESKTOP_CRM_KDF", "fast-for-tests")  # screenshots need no real KDF cost

from PySide6.QtCore import QCoreApplication, QSettings, QSize
from PySide6.QtWidgets import QApplication, QWidget

from desktop_crm.app import build_backend
from desktop_crm.ui.flow import AppFlow
from desktop_crm.ui.i18n import install_translators
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.settings import Preferences
from desktop_crm.ui.setup.wizard import SetupWizard
from desktop_crm.ui.sign_in import SignInDialog

LARGE = QSize(1200, 800)
PASSWORD = "correct horse battery"


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()
        time.sleep(0.02)


def save(widget: QWidget, out: Path, name: str) -> None:
    """At the smallest size the window allows, and large."""
    smallest = widget.minimumSize().expandedTo(widget.minimumSizeHint())
    for label, size in (("small", smallest), ("large", LARGE)):
        widget.resize(size)
        settle()
        path = out / f"{name}-{label}.png"
        widget.grab().save(str(path))
        print(path)


def render_windows(out: Path, lang: str) -> None:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    translators = install_translators(app, lang)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        vault_dir = Path(tmp) / "vault"
        ops = Operations()
        flow = AppFlow(build_backend(), ops, Preferences(settings), vault_dir)
        flow.start()
        wizard = flow.window
        assert isinstance(wizard, SetupWizard)
        save(wizard, out, f"{lang}-1-wizard-location")
        wizard.next()
        page = wizard.admin_page
        page.username_edit.setText("admin")
        page.display_name_edit.setText("王芳" if lang == "zh_CN" else "Alex Smith")
        page.password_edit.setText("short")
        page.confirm_edit.setText("short")
        wizard.next()
        wait_until(lambda: page.password_error.isVisibleTo(page))
        save(wizard, out, f"{lang}-2-wizard-admin-error")
        page.password_edit.setText(PASSWORD)
        page.confirm_edit.setText(PASSWORD)
        wizard.next()
        wait_until(lambda: wizard.currentId() == SetupWizard.RECOVERY)
        save(wizard, out, f"{lang}-3-wizard-recovery")
        wizard.recovery_page.stored_check.setChecked(True)
        wizard.accept()
        dialog = flow.window
        assert isinstance(dialog, SignInDialog)
        dialog.password_edit.setText("wrong password")
        dialog.attempt_sign_in()
        wait_until(lambda: dialog.password_edit.isEnabled())
        save(dialog, out, f"{lang}-4-sign-in-wrong-password")
        dialog.password_edit.setText(PASSWORD)
        dialog.attempt_sign_in()
        # The previous wrong password throttles for a second; wait and retry.
        wait_until(lambda: not dialog.throttled and dialog.sign_in_button.isEnabled())
        if flow.window is dialog:
            dialog.password_edit.setText(PASSWORD)
            dialog.attempt_sign_in()
        wait_until(lambda: isinstance(flow.window, MainWindow))
        window = flow.window
        assert isinstance(window, MainWindow)
        wait_until(lambda: window.summary is not None
                   and not window.customers_page.model.loading)
        save(window, out, f"{lang}-5-main-window")
        flow.quit()
        ops.wait_for_workers()
    del translators


README_USER = "mgr_east"
README_SIZE = QSize(1280, 800)


def render_readme(out: Path) -> None:
    from datetime import date

    from desktop_crm.services.demo import build_demo_vault
    from desktop_crm.services.session import sign_in
    from desktop_crm.ui.backend import SignedIn
    from desktop_crm.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([sys.argv[0]])
    translators = install_translators(app, "zh_CN")
    apply_theme(app)
    out.mkdir(parents=True, exist_ok=True)
    # under the home folder, so the status bar shows a short "~/..." path
    with tempfile.TemporaryDirectory(dir=Path.home(), prefix="crm-") as tmp:
        vault_dir = Path(tmp) / "演示 demo"
        build_demo_vault(vault_dir, customers=3000, seed=7, today=date(2026, 11, 23),
                         password=PASSWORD)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        ops = Operations()
        session = sign_in(vault_dir, README_USER, PASSWORD)
        flow = AppFlow(build_backend(), ops, Preferences(settings), vault_dir)
        flow.show_main(SignedIn(session, session.me(), session.policies.idle_lock_after()))
        window = flow.window
        assert isinstance(window, MainWindow)
        window.resize(README_SIZE)
        page = window.customers_page
        wait_until(lambda: window.summary is not None and not page.model.loading
                   and page.filter_bar.owner_combo.count() > 1)
        window.search_edit.setText("zhang")  # a pinyin search: the names read in Chinese
        wait_until(lambda: page.model.query.text == "zhang" and not page.model.loading)
        settle()
        shot(window, out / "main-window.png")
        window.search_edit.clear()

        window.open_customer(_customer_with_history(session))
        record = window.record_page
        wait_until(lambda: record.record is not None and not record.timeline.loading)
        settle()
        shot(window, out / "customer-record.png")

        window.log_call()
        dialog = window.log_call_dialog
        assert dialog is not None
        dialog.form.summary_edit.setPlainText("介绍了新一季的报价，客户对批量折扣感兴趣")
        dialog.form.needs_edit.setPlainText("希望月底前拿到正式报价单")
        dialog.form.next_step_edit.setText("发送正式报价单")
        dialog.form.remind_check.setChecked(True)
        settle()
        shot(dialog, out / "log-call.png")
        dialog.done(0)
        render_reminders(window, ops, out)
        render_dashboard(window, ops, out)
        flow.quit()
        render_admin(vault_dir, ops, Preferences(settings), out)
        ops.wait_for_workers()
    del translators


def render_reminders(window: MainWindow, ops: Operations, out: Path) -> None:
    """The salesperson's to-do hub and the month of their calendar."""
    desk = window.reminder_desk
    assert desk is not None
    window.show_hub()
    wait_until(lambda: desk.hub_page.hub is not None and not ops.busy)
    settle()
    shot(window, out / "todo-hub.png")
    window.sidebar.setCurrentRow(window.sidebar_entries().index("navCalendar"))
    wait_until(lambda: not desk.calendar_page.loading and not ops.busy)
    settle()
    shot(window, out / "calendar-month.png")


def render_dashboard(window: MainWindow, ops: Operations, out: Path) -> None:
    """The manager's satisfaction dashboard for the current month."""
    page = window.dashboard_page
    assert page is not None
    window.sidebar.setCurrentRow(window.sidebar_entries().index("navDashboard"))
    wait_until(lambda: page.report is not None and not page.loading and not ops.busy)
    settle()
    shot(window, out / "dashboard.png")


def render_admin(vault_dir: Path, ops: Operations, preferences: Preferences, out: Path) -> None:
    """The admin console as the demo's admin sees it: the Users tab, and the departure
    wizard splitting a salesperson's customers between two colleagues."""
    from PySide6.QtWidgets import QWizard

    from desktop_crm.domain.departure_split import SplitMode
    from desktop_crm.services.session import sign_in
    from desktop_crm.ui import prompts
    from desktop_crm.ui.backend import SignedIn

    session = sign_in(vault_dir, "admin", PASSWORD)
    flow = AppFlow(build_backend(), ops, preferences, vault_dir)
    flow.show_main(SignedIn(session, session.me(), session.policies.idle_lock_after()))
    window = flow.window
    assert isinstance(window, MainWindow) and window.admin_page is not None
    window.resize(README_SIZE)
    window.sidebar.setCurrentRow(window.sidebar_entries().index("navAdmin"))
    users = window.admin_page.show_tab("usersTab")
    wait_until(lambda: users.model.rowCount() > 5)  # type: ignore[attr-defined]
    settle()
    shot(window, out / "admin-users.png")

    ids = {u.username: u.id for u in session.users.list()}
    departures = window.admin_page.show_tab("departuresTab")
    wizard = departures.start_departure(ids["sales_east1"])  # type: ignore[attr-defined]
    wizard.resize(QSize(860, 620))
    wait_until(lambda: wizard.pick_page.select_user(ids["sales_east1"]))
    wizard.button(QWizard.WizardButton.NextButton).click()
    wait_until(lambda: wizard.currentId() == wizard.HOLDINGS
               and wizard.holdings_page.values["customers"].text() not in ("", "…"))
    settle()
    shot(wizard, out / "departure-holdings.png")
    wizard.button(QWizard.WizardButton.NextButton).click()
    chooser = wizard.receivers_page.chooser
    wait_until(lambda: chooser.set_checked(ids["sales_east2"]))
    chooser.set_checked(ids["sales_east3"])
    chooser.set_mode(SplitMode.TIER)
    wait_until(lambda: chooser.ready)
    settle()
    shot(wizard, out / "departure-receivers.png")
    with prompts.scripted(True):  # "cancel the departure?" yes: the reveals come back
        wizard.reject()
    wait_until(lambda: not ops.busy)
    flow.quit()


def _customer_with_history(session: object) -> str:
    """A Chinese-named customer with calls, an order and a contract: a record worth showing."""
    customers = session.customers  # type: ignore[attr-defined]
    page = customers.list_page(order="updated", descending=True, limit=200)
    best, most = "", -1
    for row in page.rows:
        if not any("\u4e00" <= ch <= "\u9fff" for ch in row.name):
            continue
        kinds = {e.kind for e in session.timeline.for_customer(row.id).entries}  # type: ignore
        if len(kinds) > most:
            best, most = row.id, len(kinds)
    return best


def shot(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def grab_screen(path: Path, delay: float) -> None:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    time.sleep(delay)
    screen = app.primaryScreen()
    screen.grabWindow(0).save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    windows = sub.add_parser("windows")
    windows.add_argument("out", type=Path)
    windows.add_argument("--lang", choices=["en", "zh_CN"], default="en")
    readme = sub.add_parser("readme")
    readme.add_argument("out", type=Path)
    screen = sub.add_parser("screen")
    screen.add_argument("out", type=Path)
    screen.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    if args.command == "windows":
        render_windows(args.out, args.lang)
    elif args.command == "readme":
        render_readme(args.out)
    else:
        grab_screen(args.out, args.delay)
    return 0


if __name__ == "__main__":
    sys.exit(main())
