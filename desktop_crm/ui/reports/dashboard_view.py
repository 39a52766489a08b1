"""What the dashboard shows of one report: KPI tiles, the trend charts, the distributions
(loyalty stages as a funnel) and the churn-risk list, each grid reflowing with the width.

Enter or a double-click on a churn-risk row asks for that customer (`customer_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.reports import definitions
from desktop_crm.reports.report_model import SatisfactionReport, Trend
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.reports.churn_model import COLUMNS, CUSTOMER_ID_ROLE, ChurnRiskModel
from desktop_crm.ui.reports.distribution_chart import DistributionChart
from desktop_crm.ui.reports.kpi_tile import KpiTile
from desktop_crm.ui.reports.responsive_grid import ResponsiveGrid
from desktop_crm.ui.reports.trend_chart import TrendChart
from desktop_crm.ui.widgets import TableOrEmpty, list_table

TILE_LEAST_WIDTH = 190
CHART_LEAST_WIDTH = 320
CHURN_ROWS_SHOWN = 10  # the list scrolls past this many rows
# distribution: (report field, definitions group, drawn as a funnel)
DISTRIBUTIONS = (
    ("csat_distribution", "csat", False),
    ("nps_groups", "nps", False),
    ("loyalty_stages", "stage", True),
    ("tiers", "tier", False),
    ("rfm_segments", "rfm", False),
)
_GROUP_TITLES = {"csat": "csat", "nps": "nps", "stage": "stages", "tier": "tiers", "rfm": "rfm"}
_TEXT_WIDTHS = {"name": 18, "phone": 14, "owner": 14, "reason": 30, "since": 11}


class DashboardView(QWidget):
    customer_requested = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self.language = language
        self.report: SatisfactionReport | None = None

        self.tiles = {key: KpiTile(key, self) for key in definitions.KPI_ORDER}
        self.tile_grid = ResponsiveGrid(TILE_LEAST_WIDTH, self)
        self.tile_grid.setObjectName("kpiGrid")
        self.tile_grid.set_widgets(list(self.tiles.values()))

        self.trend_charts = {
            key: TrendChart(Trend(key, definitions.unit(key), ()), language, self)
            for key in definitions.TREND_KEYS}
        self.trend_grid = ResponsiveGrid(CHART_LEAST_WIDTH, self, most_columns=3)
        self.trend_grid.setObjectName("trendGrid")
        self.trend_grid.set_widgets(list(self.trend_charts.values()))

        self.distributions = {
            group: DistributionChart(definitions.title(_GROUP_TITLES[group], language), group,
                                     language, funnel=funnel, parent=self)
            for _, group, funnel in DISTRIBUTIONS}
        self.distribution_grid = ResponsiveGrid(CHART_LEAST_WIDTH, self, most_columns=3)
        self.distribution_grid.setObjectName("distributionGrid")
        self.distribution_grid.set_widgets(list(self.distributions.values()))

        self.churn_label = QLabel(self)
        self.churn_label.setObjectName("churnTitle")
        self.churn_model = ChurnRiskModel(language, self)
        self.churn_table = self._build_churn_table()
        self.churn_stack = TableOrEmpty(self.churn_table, "churnEmptyLabel", self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 8)
        layout.setSpacing(6)
        for title, body in ((self.tr("Key figures"), self.tile_grid),
                            (self.tr("Trends"), self.trend_grid),
                            (self.tr("Distributions"), self.distribution_grid)):
            layout.addWidget(self._heading(title))
            layout.addWidget(body)
            layout.addSpacing(6)
        layout.addWidget(self._heading(definitions.title("churn_risk", language)))
        layout.addWidget(self.churn_label)
        layout.addWidget(self.churn_stack)
        layout.addStretch(1)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def _build_churn_table(self) -> QTableView:
        table = list_table(self, self.churn_model, "churnTable")
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        average = table.fontMetrics().averageCharWidth()
        for number, key in enumerate(COLUMNS):
            title = str(self.churn_model.headerData(number, Qt.Orientation.Horizontal))
            header.resizeSection(number, max(average * _TEXT_WIDTHS[key],
                                             table.fontMetrics().horizontalAdvance(title) + 24))
        # the reason takes the room left: the other columns hold short, known texts
        header.setSectionResizeMode(COLUMNS.index("reason"), QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self._open_index)
        return table

    def show_report(self, report: SatisfactionReport) -> None:
        self.report = report
        for figure in report.kpis:
            tile = self.tiles.get(figure.key)
            if tile is not None:
                tile.show_figure(figure, report.previous_period, self.language)
        for trend in report.trends:
            chart = self.trend_charts.get(trend.key)
            if chart is not None:
                chart.set_trend(trend)
        for field, group, _ in DISTRIBUTIONS:
            shares = getattr(report, field)
            chart = self.distributions[group]
            chart.set_shares(shares)
            chart.setVisible(bool(shares))
        self._show_churn(report)

    def _show_churn(self, report: SatisfactionReport) -> None:
        risks, total = report.churn_risks, report.churn_risk_total
        self.churn_model.set_rows(risks)
        if len(risks) < total:
            text = filled(self.tr("The %1 most urgent of %2 customers at risk."),
                          len(risks), total)
        else:
            text = filled(self.tr("Customers at risk: %1"), total)
        self.churn_label.setText(text)
        self.churn_label.setVisible(total > 0)
        self.churn_stack.show_count(len(risks), lambda: self.tr("No customer is at risk."))
        rows = max(1, min(len(risks), CHURN_ROWS_SHOWN))
        table = self.churn_table
        height = (table.horizontalHeader().sizeHint().height()
                  + table.verticalHeader().defaultSectionSize() * rows + table.frameWidth() * 2
                  + 2)
        self.churn_stack.setFixedHeight(height if risks else table.fontMetrics().height() * 3)

    def _open_index(self, index: QModelIndex) -> None:
        customer_id = self.churn_model.data(index, CUSTOMER_ID_ROLE)
        if customer_id:
            self.customer_requested.emit(customer_id)
