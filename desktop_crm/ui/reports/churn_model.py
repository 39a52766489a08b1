"""The churn-risk list's table: who, their phone (masked as the service masked it), owner,
why they are at risk and since when. A row's customer id is under CUSTOMER_ID_ROLE."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt

from desktop_crm.reports import definitions
from desktop_crm.reports.report_model import ChurnRisk
from desktop_crm.ui.table_models import RowTableModel

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT = "ChurnRiskModel"
COLUMNS = ("name", "phone", "owner", "reason", "since")


class ChurnRiskModel(RowTableModel[ChurnRisk]):
    title_context = CONTEXT
    titles = (
        QT_TRANSLATE_NOOP("ChurnRiskModel", "Customer"),
        QT_TRANSLATE_NOOP("ChurnRiskModel", "Phone"),
        QT_TRANSLATE_NOOP("ChurnRiskModel", "Owner"),
        QT_TRANSLATE_NOOP("ChurnRiskModel", "Why at risk"),
        QT_TRANSLATE_NOOP("ChurnRiskModel", "Since"),
    )

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language

    def set_rows(self, rows: Sequence[ChurnRisk]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def risk_at(self, row: int) -> ChurnRisk | None:
        return self._held(row)

    def cell_text(self, row: ChurnRisk, column: int) -> str:
        match COLUMNS[column]:
            case "name":
                return row.name
            case "phone":
                return row.phone
            case "owner":
                return row.owner_name
            case "reason":
                return definitions.churn_reason(row.reason, self._language) \
                    if row.reason in definitions.CHURN_REASONS else row.reason
            case _:
                return row.since.astimezone().strftime("%Y-%m-%d")

    def cell_data(self, row: ChurnRisk, column: int, role: int) -> Any:
        if role == CUSTOMER_ID_ROLE:
            return row.customer_id
        return None
