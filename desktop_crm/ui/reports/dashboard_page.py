"""The satisfaction dashboard: a period and a scope on top, then the period's KPIs, trends,
distributions and churn risks for the customers in that scope.

It reads `session.reports.dashboard(period, scope, language)` on the read lane when first
shown, when a picker changes, and after an operation that changed what the figures count
(at once while shown, otherwise on its next showing). While nothing is shown yet it says it
is loading; a failure or a period without data takes the place of the figures in words.
"""

from __future__ import annotations

from datetime import date, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.domain.local_zone import local_zone
from desktop_crm.reports.report_model import SatisfactionReport
from desktop_crm.services.actor import Actor
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.flow_layout import FlowLayout
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.list_page import ListPage
from desktop_crm.ui.moments import to_qdatetime
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.reports.dashboard_view import DashboardView
from desktop_crm.ui.reports.figure_text import report_language
from desktop_crm.ui.reports.period_picker import ReportPeriodPicker
from desktop_crm.ui.reports.report_scopes import Reach, reach_reader
from desktop_crm.ui.reports.scope_picker import ScopePicker

# what the figures count: customers, their calls, complaints, answers, orders, contracts,
# instalments and receipts, return visits (reminders), and the company time zone the
# periods are cut in (a policy)
REFRESHED_BY = ("customer", "interaction", "complaint", "feedback", "satisfaction", "order",
                "contract", "instalment", "receipt", "reminder", "policy")
CHOICES_CHANGED_BY = ("user", "department", "role")


def is_empty(report: SatisfactionReport) -> bool:
    """Nothing happened and nobody was active: every figure is missing or zero, every
    distribution and list empty."""
    shares = (report.csat_distribution, report.nps_groups, report.loyalty_stages,
              report.tiers, report.rfm_segments)
    return (all(not f.value for f in report.kpis)
            and all(s.count == 0 for group in shares for s in group)
            and not report.churn_risks)


class DashboardPage(ListPage):
    customer_requested = Signal(str)

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor, *,
                 zone: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self._session = session
        self._ops = ops
        self._actor = actor
        self._zone = zone or local_zone()
        self._generation = 0
        self._loading = False
        self.language = report_language()
        self.report: SatisfactionReport | None = None

        self.title_label = QLabel(self.tr("Dashboard"), self)
        self.title_label.setObjectName("dashboardTitle")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.period_picker = ReportPeriodPicker(self._today(), self)
        self.scope_picker = ScopePicker(self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("dashboardStatus")
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.view = DashboardView(self.language, self)
        self.view.customer_requested.connect(self.customer_requested)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("dashboardScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.view)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("dashboardStateLabel")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.setObjectName("dashboardRetryButton")
        self.retry_button.clicked.connect(self.refresh)
        state = QWidget(self)
        column = QVBoxLayout(state)
        column.addStretch(1)
        column.addWidget(self.state_label)
        column.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(state)
        self.stack.addWidget(self.scroll)
        self._state_page = state

        top = QWidget(self)
        bar = FlowLayout(top)  # the pickers wrap under the title in a narrow window
        bar.setSpacing(10)
        for widget in (self.title_label, self.period_picker, self.scope_picker,
                       self.status_label):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 8, 0)
        layout.addWidget(top)
        layout.addWidget(self.stack, 1)
        self._show_state(self.tr("Loading the dashboard…"), retry=False)

        self.period_picker.period_did_change.connect(lambda _: self._load())
        self.scope_picker.scope_did_change.connect(lambda _: self._load())
        ops.changes_did_happen.connect(self._on_changes)

    # --- loading ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    def read_again(self) -> None:
        self._load_choices()
        self._load()

    def _load_choices(self) -> None:
        self._ops.run(reach_reader(self._session, self._actor), lane=Lane.READ, context=self,
                      on_success=self._show_choices,
                      on_failure=lambda error: self._show_state(error_text(error), retry=True))

    def _show_choices(self, reach: Reach) -> None:
        if isValid(self):
            self.scope_picker.set_reach(reach)

    def _load(self) -> None:
        scope = self.scope_picker.scope()
        if scope is None:
            return
        self._generation += 1
        generation = self._generation
        self._loading = True
        self.status_label.setText(self.tr("Loading…"))
        if self.report is None:
            self._show_state(self.tr("Loading the dashboard…"), retry=False)
        reports, period, language = self._session.reports, self.period_picker.period(), \
            self.language

        def answered(report: SatisfactionReport) -> None:
            if generation == self._generation:
                self._show_report(report)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self._load_failed(error)

        self._ops.run(lambda: reports.dashboard(period, scope, language), lane=Lane.READ,
                      context=self, on_success=answered, on_failure=failed)

    def _show_report(self, report: SatisfactionReport) -> None:
        self._loading = False
        self.report = report
        self.status_label.setText(filled(self.tr("Updated %1"), to_qdatetime(
            report.generated_at).time().toString("HH:mm")))
        if is_empty(report):
            self._show_state(self.tr("No data for this period."), retry=False)
            return
        self.view.show_report(report)
        self.stack.setCurrentWidget(self.scroll)

    def _load_failed(self, error: Exception) -> None:
        self._loading = False
        self.report = None
        self.status_label.setText("")
        self._show_state(error_text(error), retry=True)

    def _show_state(self, text: str, *, retry: bool) -> None:
        self.state_label.setText(text)
        self.retry_button.setVisible(retry)
        self.stack.setCurrentWidget(self._state_page)

    def _today(self) -> date:
        return self._session.clock.now().astimezone(self._zone).date()

    def _on_changes(self, changes: OpChanges) -> None:
        if any(changes.touches(e) for e in CHOICES_CHANGED_BY) and self._started:
            self._load_choices()
        self.refresh_if_changed(any(changes.touches(e) for e in REFRESHED_BY))


    def state_text(self) -> str:
        """What takes the place of the figures ("" while they are shown)."""
        return "" if self.stack.currentWidget() is self.scroll else self.state_label.text()
