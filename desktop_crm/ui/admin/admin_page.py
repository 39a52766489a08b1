"""The Admin page: one tab per part of the console, each shown only to roles that may use it.

Tabs are built when first opened, so signing in costs nothing for the tabs nobody looks at.
Administrators see every tab; an auditor sees only Alerts and Audit log (read-only there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.admin.alerts_page import AlertsPage
from desktop_crm.ui.admin.audit_page import AuditPage
from desktop_crm.ui.admin.departments_page import DepartmentsPage
from desktop_crm.ui.admin.departures_page import DeparturesPage
from desktop_crm.ui.admin.policies_page import PoliciesPage
from desktop_crm.ui.admin.roles_page import RolesPage
from desktop_crm.ui.admin.users_page import UsersPage
from desktop_crm.ui.ops import Operations

PageFactory = Callable[[CrmSession, Operations, Actor, QWidget], QWidget]


@dataclass(frozen=True)
class AdminTab:
    key: str  # the tab's objectName
    title: str
    needs: tuple[tuple[str, str], ...]  # every (resource, action) the actor must hold
    make: PageFactory


# Titles are kept untranslated here and translated when the tabs are built.
ADMIN_TABS = (
    AdminTab("usersTab", QT_TRANSLATE_NOOP("AdminPage", "Users"),
             ((Resource.USER, Action.MANAGE),), UsersPage),
    AdminTab("departmentsTab", QT_TRANSLATE_NOOP("AdminPage", "Departments"),
             ((Resource.DEPARTMENT, Action.MANAGE),), DepartmentsPage),
    AdminTab("rolesTab", QT_TRANSLATE_NOOP("AdminPage", "Roles"),
             ((Resource.ROLE, Action.MANAGE),), RolesPage),
    AdminTab("departuresTab", QT_TRANSLATE_NOOP("AdminPage", "Departures"),
             ((Resource.USER, Action.MANAGE), (Resource.CUSTOMER, Action.ASSIGN)),
             DeparturesPage),
    AdminTab("policiesTab", QT_TRANSLATE_NOOP("AdminPage", "Policies"),
             ((Resource.POLICY, Action.MANAGE),), PoliciesPage),
    AdminTab("alertsTab", QT_TRANSLATE_NOOP("AdminPage", "Alerts"),
             ((Resource.ALERT, Action.READ),), AlertsPage),
    AdminTab("auditTab", QT_TRANSLATE_NOOP("AdminPage", "Audit log"),
             ((Resource.AUDIT, Action.READ),), AuditPage),
)


def administers(actor: Actor) -> bool:
    """Whether the actor holds any admin operation (the sidebar then says "Admin")."""
    return any(actor.can(resource, Action.MANAGE) for resource in (
        Resource.USER, Resource.DEPARTMENT, Resource.ROLE, Resource.POLICY))


def sees_admin_page(actor: Actor) -> bool:
    return any(actor.can(*tab_needs) for tab_needs in (
        (Resource.USER, Action.MANAGE), (Resource.DEPARTMENT, Action.MANAGE),
        (Resource.ROLE, Action.MANAGE), (Resource.POLICY, Action.MANAGE),
        (Resource.ALERT, Action.READ), (Resource.AUDIT, Action.READ)))


class AdminPage(QWidget):
    customer_requested = Signal(str)  # the audit log opens a customer's record

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self._session, self._ops, self._actor = session, ops, actor
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("adminTabs")
        self.tabs.setDocumentMode(True)
        self._pending: dict[QWidget, AdminTab] = {}
        self.pages: dict[str, QWidget] = {}
        for tab in ADMIN_TABS:
            if all(actor.can(*need) for need in tab.needs):
                holder = QWidget(self.tabs)
                holder.setObjectName(tab.key)
                QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
                self._pending[holder] = tab
                self.tabs.addTab(holder, QCoreApplication.translate("AdminPage", tab.title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._build_current)
        self._build_current()

    def tab_keys(self) -> list[str]:
        return [self.tabs.widget(i).objectName() for i in range(self.tabs.count())]

    def show_tab(self, key: str) -> QWidget:
        """Open a tab by its key and return its page (built now if it was not yet)."""
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).objectName() == key:
                self.tabs.setCurrentIndex(i)
                self._build_current()
                return self.pages[key]
        raise KeyError(key)

    def start_departure(self, user_id: str) -> None:
        """The Users tab's "Departure…": the wizard of the Departures tab, for that user."""
        departures = self.show_tab("departuresTab")
        assert isinstance(departures, DeparturesPage)
        departures.start_departure(user_id)

    def _build_current(self) -> None:
        holder = self.tabs.currentWidget()
        tab = self._pending.pop(holder, None)
        if tab is None:
            return
        page = tab.make(self._session, self._ops, self._actor, holder)
        holder.layout().addWidget(page)
        page.show()  # a child added to a shown widget would otherwise show only later
        self.pages[tab.key] = page
        if isinstance(page, UsersPage) and "departuresTab" in self.tab_keys():
            page.departure_requested.connect(self.start_departure)
        if isinstance(page, AuditPage):
            page.open_customer.connect(self.customer_requested)
