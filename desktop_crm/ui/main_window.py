"""The main window of a signed-in user: sidebar, global search, pages, Lock and idle lock.

The sidebar lists only the pages the user's roles may open. The search box (Ctrl+K or Ctrl+F)
searches customers from anywhere. The status bar says who is signed in, with which roles, on
which vault, and (for roles that may read the audit log) whether the log's chain holds.
"""

from __future__ import annotations

from datetime import timedelta
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QSystemTrayIcon,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.session import VaultSummary
from desktop_crm.ui import prompts
from desktop_crm.ui.admin.admin_page import AdminPage, administers, sees_admin_page
from desktop_crm.ui.admin.alert_tray import AlertWatcher
from desktop_crm.ui.backend import SignedIn
from desktop_crm.ui.calendar.reminder_desk import ReminderDesk
from desktop_crm.ui.calls.calls_page import CallsPage
from desktop_crm.ui.calls.log_call import LogCallDialog
from desktop_crm.ui.customers.customers_page import CustomersPage
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.icons import icon
from desktop_crm.ui.idle import IdleWatcher
from desktop_crm.ui.labels import role_title
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.record.record_page import CustomerRecordPage
from desktop_crm.ui.reports.dashboard_page import DashboardPage
from desktop_crm.ui.reports.reports_page import ReportsPage
from desktop_crm.ui.theme import apply_style_sheet
from desktop_crm.ui.tray import SystemTrayNotifier
from desktop_crm.ui.widgets import ERROR_COLOUR
from desktop_crm.ui.window_state import WindowState

LOCK_SHORTCUT = "Ctrl+Shift+L"
LOG_CALL_SHORTCUT = "Ctrl+L"
SEARCH_SHORTCUTS = ("Ctrl+K", "Ctrl+F")
HEAD_HASH_SHOWN = 12  # enough to compare by eye with `desktop-crm audit verify`


def app_version() -> str:
    try:
        return metadata.version("desktop-crm")
    except metadata.PackageNotFoundError:  # running from a source tree that was not installed
        return ""


def short_path(path: Path) -> str:
    """A folder as people write it: the home folder as ~ (the full path is in the tooltip)."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:
        return str(path)


class MainWindow(QMainWindow):
    """Asks the flow to lock (menu, shortcut or idle) or to quit; it never locks by itself."""

    user_did_request_lock = Signal()
    idle_did_lock = Signal()
    user_did_request_quit = Signal()
    summary_did_load = Signal(object)  # VaultSummary

    def __init__(
        self,
        signed_in: SignedIn,
        ops: Operations,
        *,
        idle_lock_after: timedelta,
        window_state: WindowState | None = None,
        reminder_upkeep: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """`reminder_upkeep`: generate reminders and refresh their cache at sign-in and
        daily (tests of other pages turn it off so their vault stays as they made it)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._session = signed_in.session
        self._actor = signed_in.actor
        self._ops = ops
        self._state = window_state
        self._closing_for_lock = False
        self.summary: VaultSummary | None = None  # the vault's figures, once read
        self.setWindowTitle(self.tr("Desktop CRM — %1").replace(
            "%1", self._actor.display_name or self._actor.username))
        self.setWindowIcon(icon("app"))
        self.resize(1200, 760)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setSpacing(2)
        apply_style_sheet(self.sidebar, "sidebar")
        self.sidebar.currentRowChanged.connect(self._sidebar_moved)
        # the entry already highlighted, clicked again from a record: back to its page
        self.sidebar.itemClicked.connect(self._sidebar_clicked)
        self._sidebar_pages: list[QWidget] = []

        tray = SystemTrayNotifier(icon("app"), self)
        self.reminder_desk: ReminderDesk | None = None
        if self._actor.can(Resource.REMINDER, Action.READ):
            self.reminder_desk = ReminderDesk(
                self._session, ops, self._actor,
                notifier=tray.sharing(QSystemTrayIcon.MessageIcon.Information),
                upkeep=reminder_upkeep, parent=self)
            # the to-do hub is the first page: today's work before the whole customer list
            self._add_page(self.reminder_desk.hub_page, "nav-todo", self.tr("To-do"), "navTodo")
        self.customers_page = CustomersPage(self._session.customers, ops, self)
        if self._actor.can(Resource.CUSTOMER, Action.READ):
            self._add_page(self.customers_page, "nav-customers", self.tr("Customers"),
                           "navCustomers")
        if self.reminder_desk is not None:
            self._add_page(self.reminder_desk.calendar_page, "nav-calendar",
                           self.tr("Calendar"), "navCalendar")
        self.calls_page: CallsPage | None = None
        if self._actor.can(Resource.INTERACTION, Action.READ):
            self.calls_page = CallsPage(self._session, ops, self._actor, self)
            self._add_page(self.calls_page, "nav-calls", self.tr("Calls"), "navCalls")
        self.dashboard_page: DashboardPage | None = None
        self.reports_page: ReportsPage | None = None
        if self._actor.can(Resource.REPORT, Action.READ):
            self.dashboard_page = DashboardPage(self._session, ops, self._actor, parent=self)
            self.dashboard_page.customer_requested.connect(self.open_customer)
            self._add_page(self.dashboard_page, "nav-dashboard", self.tr("Dashboard"),
                           "navDashboard")
            self.reports_page = ReportsPage(self._session, ops, self._actor, parent=self)
            self._add_page(self.reports_page, "nav-reports", self.tr("Reports"), "navReports")
        self.admin_page: AdminPage | None = None
        self.alert_watcher: AlertWatcher | None = None
        if sees_admin_page(self._actor):
            self.admin_page = AdminPage(self._session, ops, self._actor, self)
            title = self.tr("Admin") if administers(self._actor) else self.tr("Audit")
            self._add_page(self.admin_page, "nav-admin", title, "navAdmin")
            self._admin_title = title
            self.admin_page.customer_requested.connect(self.open_customer)
            if self._actor.can(Resource.ALERT, Action.READ):
                self.alert_watcher = AlertWatcher(self._session, ops, notifier=tray,
                                                  parent=self)
                self.alert_watcher.count_changed.connect(self._show_alert_count)
        # a customer's record opens over the list; it has no sidebar entry of its own
        self.record_page = CustomerRecordPage(self._session, ops, self._actor, self)
        self.pages.addWidget(self.record_page)
        self._page_before_record: QWidget = self.customers_page

        self.splitter = QSplitter(self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.sidebar.setMinimumWidth(self._sidebar_width())
        self.splitter.setSizes([170, 1030])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self.reminder_desk is not None:  # what is due shows above every page
            layout.addWidget(self.reminder_desk.banner)
            self.reminder_desk.customer_requested.connect(self.open_customer)
            self.reminder_desk.hub_requested.connect(self.show_hub)
            self.reminder_desk.problem.connect(self.statusBar().showMessage)
            if tray.tray is not None:  # a click on a reminder's message brings the app up
                tray.tray.messageClicked.connect(self.show_hub)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        self.customers_page.customer_did_open.connect(self.open_customer)
        self.record_page.back_requested.connect(self._leave_record)
        self.record_page.log_call_requested.connect(
            lambda customer_id, name: self.log_call((customer_id, name)))
        self.log_call_dialog: LogCallDialog | None = None
        if self.calls_page is not None:
            self.calls_page.customer_requested.connect(self.open_customer)
            self.calls_page.log_call_requested.connect(lambda: self.log_call())

        self.idle_watcher = IdleWatcher(idle_lock_after, self)
        self.idle_watcher.idle_did_expire.connect(self.idle_did_lock)
        ops.changes_did_happen.connect(self._on_changes)
        self._restore_layout()

    # --- building -----------------------------------------------------------------------------

    def _add_page(self, page: QWidget, icon_name: str, title: str, object_name: str) -> None:
        item = QListWidgetItem(icon(icon_name), title)
        item.setSizeHint(QSize(0, self.sidebar.fontMetrics().height() + 20))  # a roomy target
        item.setData(Qt.ItemDataRole.UserRole, object_name)
        item.setToolTip(title)
        self.sidebar.addItem(item)
        self.pages.addWidget(page)
        self._sidebar_pages.append(page)

    def _sidebar_width(self) -> int:
        """Wide enough for the longest entry in the person's language, icon and padding."""
        metrics = self.sidebar.fontMetrics()
        texts = [self.sidebar.item(i).text() for i in range(self.sidebar.count())]
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        return widest + self.sidebar.iconSize().width() + 56

    def _build_actions(self) -> None:
        """The frequent actions, present only for roles that may take them."""
        self.new_customer_action: QAction | None = None
        if self._actor.can(Resource.CUSTOMER, Action.CREATE):
            action = QAction(icon("add-customer"), self.tr("&New customer"), self)
            action.setObjectName("newCustomerAction")
            action.setShortcut(QKeySequence.StandardKey.New)
            action.setStatusTip(self.tr("Create a customer record"))
            action.triggered.connect(self.new_customer)
            self.new_customer_action = action
        self.log_call_action: QAction | None = None
        if self._actor.can(Resource.INTERACTION, Action.CREATE):
            action = QAction(icon("log-call"), self.tr("&Log a call…"), self)
            action.setObjectName("logCallAction")
            action.setShortcut(QKeySequence(LOG_CALL_SHORTCUT))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.setStatusTip(self.tr("Log a call, visit or message with the chosen customer"))
            action.triggered.connect(lambda: self.log_call())
            self.log_call_action = action

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setIconSize(QSize(18, 18))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.search_edit = QLineEdit(bar)
        self.search_edit.setObjectName("globalSearch")
        self.search_edit.setClearButtonEnabled(True)
        apply_style_sheet(self.search_edit, "search")
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setPlaceholderText(self.tr(
            "Search customers: name, pinyin, initials, phone, email (Ctrl+K)"))
        self.search_edit.setMinimumWidth(260)
        self.search_edit.setMaximumWidth(560)
        self.search_edit.textChanged.connect(self._search_changed)
        reads_customers = self._actor.can(Resource.CUSTOMER, Action.READ)
        # a toolbar shows or hides its widgets through their actions
        bar.addWidget(self.search_edit).setVisible(reads_customers)
        for action in (self.new_customer_action, self.log_call_action):
            if action is not None:
                bar.addAction(action)
        for keys in SEARCH_SHORTCUTS if reads_customers else ():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.focus_search)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_edit)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.search_edit.clear)
        self.toolbar = bar

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        for action in (self.new_customer_action, self.log_call_action):
            if action is not None:
                file_menu.addAction(action)
        if not file_menu.isEmpty():
            file_menu.addSeparator()
        self.lock_action = QAction(icon("lock"), self.tr("&Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        self.lock_action.setStatusTip(self.tr("Lock the vault and return to sign-in"))
        self.lock_action.triggered.connect(self._request_lock)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quitAction")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)  # asks about unsaved changes first
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu

        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self.go_menu.setObjectName("goMenu")
        for number in range(self.sidebar.count()):
            item = self.sidebar.item(number)
            action = QAction(item.icon(), item.text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _=False, row=number: self.sidebar.setCurrentRow(row))
            self.go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.about_action = QAction(self.tr("&About Desktop CRM"), self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.lock_action)

    def _build_status_bar(self) -> None:
        roles = self.tr(", ", "between role names").join(role_title(r) for r in self._actor.roles)
        name = self._actor.display_name or self._actor.username
        self.user_label = QLabel(filled(self.tr("%1 · %2"), name, roles))
        self.user_label.setObjectName("statusUserLabel")
        self.user_label.setToolTip(self._actor.username)
        self.vault_label = QLabel(short_path(self._session.vault_dir))
        self.vault_label.setObjectName("statusVaultLabel")
        self.vault_label.setToolTip(self.tr("The vault this window has open: %1").replace(
            "%1", str(self._session.vault_dir)))
        self.audit_label = QLabel()
        self.audit_label.setObjectName("statusAuditLabel")
        self.audit_label.hide()
        for label in (self.audit_label, self.user_label, self.vault_label):
            label.setContentsMargins(6, 0, 6, 0)
        bar = self.statusBar()
        bar.addPermanentWidget(self.audit_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.vault_label)

    # --- pages --------------------------------------------------------------------------------

    def _sidebar_moved(self, row: int) -> None:
        if not 0 <= row < len(self._sidebar_pages):
            return
        if self.pages.currentWidget() is self._sidebar_pages[row]:
            return
        if self.pages.currentWidget() is self.record_page and not self.record_page.confirm_leave():
            self.sidebar.blockSignals(True)  # stay on the record: put the highlight back
            self.sidebar.setCurrentRow(self._sidebar_pages.index(self._page_before_record))
            self.sidebar.blockSignals(False)
            return
        self.pages.setCurrentWidget(self._sidebar_pages[row])

    def _sidebar_clicked(self, item: QListWidgetItem) -> None:
        row = self.sidebar.row(item)
        if row == self.sidebar.currentRow():  # a new row already arrived by currentRowChanged
            self._sidebar_moved(row)

    def open_customer(self, customer_id: str) -> None:
        """Show one customer's record over the page it was opened from."""
        if not self._may_leave_record():
            return
        self._remember_page_before_record()
        self.record_page.open_customer(customer_id)
        self.pages.setCurrentWidget(self.record_page)

    def show_hub(self) -> None:
        """Bring the window and the to-do hub forward (a due reminder asked for attention)."""
        if self.reminder_desk is None:
            return
        if self.isMinimized():
            self.showNormal()
        else:
            self.show()
        self.raise_()
        self.activateWindow()
        self.sidebar.setCurrentRow(self._sidebar_pages.index(self.reminder_desk.hub_page))

    def new_customer(self) -> None:
        if not self._may_leave_record():
            return
        self._remember_page_before_record()
        self.record_page.new_customer()
        self.pages.setCurrentWidget(self.record_page)

    def _remember_page_before_record(self) -> None:
        current = self.pages.currentWidget()
        if current is not self.record_page:
            self._page_before_record = current

    def _may_leave_record(self) -> bool:
        return self.pages.currentWidget() is not self.record_page or \
            self.record_page.confirm_leave()

    def chosen_customer(self) -> tuple[str, str] | None:
        """(id, name) of the customer in front of the person: the open record, else the
        list's current row."""
        if self.pages.currentWidget() is self.record_page:
            record = self.record_page.record
            return (record.id, record.name) if record is not None else None
        if self.pages.currentWidget() is self.customers_page:
            return self.customers_page.selected_customer()
        if self.calls_page is not None and self.pages.currentWidget() is self.calls_page:
            return self.calls_page.selected_customer()
        return None

    def log_call(self, customer: tuple[str, str] | None = None) -> None:
        """The log-a-call dialog, for this customer or the one chosen (Ctrl+L anywhere)."""
        if self.log_call_action is None or self.log_call_dialog is not None:
            return
        dialog = LogCallDialog(self._session, self._ops, self._actor,
                               customer or self.chosen_customer(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.call_did_log.connect(lambda _view: self._call_logged(dialog))
        dialog.finished.connect(lambda _result: self._forget_dialog())
        self.log_call_dialog = dialog
        dialog.open()

    def _call_logged(self, dialog: LogCallDialog) -> None:
        self.statusBar().showMessage(dialog.follow_up_message or self.tr("Call logged."),
                                     8_000)

    def _forget_dialog(self) -> None:
        self.log_call_dialog = None

    def _request_lock(self) -> None:
        if self._may_leave_record():
            self.user_did_request_lock.emit()

    def _leave_record(self) -> None:
        """Back from a record (it has already asked about unsaved changes)."""
        self.pages.setCurrentWidget(self._page_before_record)
        if self._page_before_record is self.customers_page:
            self.customers_page.table.setFocus()

    def _show_alert_count(self, count: int) -> None:
        """The Admin entry carries the number of alerts nobody has acknowledged yet."""
        assert self.admin_page is not None
        item = self.sidebar.item(self._sidebar_pages.index(self.admin_page))
        item.setText(filled(self.tr("%1 (%2)"), self._admin_title, str(count))
                     if count else self._admin_title)
        item.setToolTip(self.tr("%n unacknowledged alert(s)", "", count)
                        if count else self._admin_title)

    def sidebar_entries(self) -> list[str]:
        """The object names of the sidebar's entries, top to bottom (what the role may use)."""
        return [self.sidebar.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.sidebar.count())]

    def show_customers(self) -> None:
        if self.customers_page in self._sidebar_pages:
            self.sidebar.setCurrentRow(self._sidebar_pages.index(self.customers_page))

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _search_changed(self, text: str) -> None:
        if self.pages.currentWidget() is not self.customers_page and text:
            if not self._may_leave_record():
                self.search_edit.blockSignals(True)  # staying: the next keystroke asks again
                self.search_edit.clear()
                self.search_edit.blockSignals(False)
                return
            self.show_customers()
            self.pages.setCurrentWidget(self.customers_page)
        self.customers_page.set_search_text(text)

    # --- data ---------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.idle_watcher.running:
            self.idle_watcher.start()
            if self.sidebar.count():
                self.sidebar.setCurrentRow(0)
            if self.customers_page in self._sidebar_pages:  # a role that reads customers
                self.customers_page.start()
            if self.alert_watcher is not None:
                self.alert_watcher.start()
            if self.reminder_desk is not None:
                self.reminder_desk.start()
            self.refresh_summary()

    def refresh_summary(self) -> None:
        self._ops.run(self._session.summary, on_success=self._show_summary,
                      on_failure=self._summary_failed, lane=Lane.READ, context=self)

    def _show_summary(self, summary: VaultSummary) -> None:
        self.summary = summary
        label = self.audit_label
        if summary.audit_ok is None:
            label.hide()
        elif summary.audit_ok:
            label.setStyleSheet("")
            label.setText(self.tr("Audit log intact"))
            label.setToolTip(self.tr("%n event(s), chain head %1", "", summary.audit_events)
                             .replace("%1", summary.audit_head[:HEAD_HASH_SHOWN]))
            label.show()
        else:
            label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
            label.setText(self.tr("Audit log altered at event %1").replace(
                "%1", str(summary.first_broken_seq)))
            label.setToolTip(self.tr("The log was changed outside the app."))
            label.show()
        self.summary_did_load.emit(summary)

    def _summary_failed(self, error: Exception) -> None:
        if self._session.locked:
            return  # locked while the figures were on their way: nothing to show
        self.statusBar().showMessage(error_text(error), 10_000)

    def _on_changes(self, changes: OpChanges) -> None:
        if self._session.locked:
            return
        if changes.touches("customer") and changes.origin is not self.customers_page:
            self.customers_page.refresh()
        if changes.touches("audit"):  # verifying the chain reads it all: only when it moved
            self.refresh_summary()

    def show_about(self) -> None:
        prompts.inform(self, self.tr("About Desktop CRM"), self.tr(
            "Desktop CRM %1\nCustomer records kept in an encrypted vault on this computer.")
            .replace("%1", app_version()))

    # --- layout kept per user -----------------------------------------------------------------

    def _restore_layout(self) -> None:
        if self._state is None:
            return
        geometry = self._state.load("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self._state.load("mainWindow/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        for name, table in self._tables().items():
            header = self._state.load(f"{name}/header")
            if header is not None:
                table.horizontalHeader().restoreState(header)

    def _save_layout(self) -> None:
        if self._state is None:
            return
        self._state.save("mainWindow/geometry", self.saveGeometry())
        self._state.save("mainWindow/splitter", self.splitter.saveState())
        for name, table in self._tables().items():
            self._state.save(f"{name}/header", table.horizontalHeader().saveState())

    def _tables(self) -> dict[str, QTableView]:
        """The lists whose column layout each person keeps."""
        tables = {"customers": self.customers_page.table}
        if self.calls_page is not None:
            tables["calls"] = self.calls_page.table
        return tables

    # --- closing ------------------------------------------------------------------------------

    def close_for_lock(self) -> None:
        """Close without asking: the flow has locked the session."""
        if self.log_call_dialog is not None:
            self.log_call_dialog.done(QDialog.DialogCode.Rejected)  # what was typed goes too
        self.idle_watcher.stop()
        if self.alert_watcher is not None:
            self.alert_watcher.stop()
        if self.reminder_desk is not None:
            self.reminder_desk.stop()
        self.record_page.close_dialogs()
        self._closing_for_lock = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_for_lock and not self._may_leave_record():
            event.ignore()  # the person chose to stay with their unsaved changes
            return
        self.idle_watcher.stop()
        self._save_layout()
        if not self._closing_for_lock:
            self.user_did_request_quit.emit()
        super().closeEvent(event)
