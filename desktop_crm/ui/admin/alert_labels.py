"""Words, colours and icons for the alert kinds, and the service messages the alerts and
audit pages can show (marked here for the catalogue)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from desktop_crm.services import alerts as kinds

CONTEXT = "AlertLabels"

_KINDS = {
    kinds.EXPORT: QT_TRANSLATE_NOOP("AlertLabels", "Export"),
    kinds.BULK_DELETE: QT_TRANSLATE_NOOP("AlertLabels", "Bulk delete"),
    kinds.REVEAL_BURST: QT_TRANSLATE_NOOP("AlertLabels", "Many reveals"),
    kinds.SIGN_IN_FAILURES: QT_TRANSLATE_NOOP("AlertLabels", "Failed sign-ins"),
    kinds.ROLE_CHANGE: QT_TRANSLATE_NOOP("AlertLabels", "Role change"),
    kinds.SCOPE_CHANGE: QT_TRANSLATE_NOOP("AlertLabels", "Scope change"),
    kinds.DEPARTURE: QT_TRANSLATE_NOOP("AlertLabels", "Departure"),
    kinds.PASSWORD_RESET: QT_TRANSLATE_NOOP("AlertLabels", "Password reset"),
    kinds.BACKUP_RESTORE: QT_TRANSLATE_NOOP("AlertLabels", "Backup restored"),
    kinds.AUDIT_CHAIN_BROKEN: QT_TRANSLATE_NOOP("AlertLabels", "Audit log tampered"),
}

# One hue per family: data leaving (amber), access (blue), people (purple), integrity (red).
_COLOURS = {
    kinds.EXPORT: "#b26a00",
    kinds.BULK_DELETE: "#c62828",
    kinds.REVEAL_BURST: "#b26a00",
    kinds.SIGN_IN_FAILURES: "#1565c0",
    kinds.ROLE_CHANGE: "#1565c0",
    kinds.SCOPE_CHANGE: "#1565c0",
    kinds.DEPARTURE: "#6a1b9a",
    kinds.PASSWORD_RESET: "#1565c0",
    kinds.BACKUP_RESTORE: "#2e7d32",
    kinds.AUDIT_CHAIN_BROKEN: "#b71c1c",
}
_OTHER_COLOUR = "#757575"

# Service messages these pages can show, looked up by their English text (ui/errors.py).
_SERVICE_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "this alert was already acknowledged"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must be after the start"),
    QT_TRANSLATE_NOOP("ServiceMessages", "use csv or jsonl"),
)


def alert_kind_label(kind: str) -> str:
    source = _KINDS.get(kind)
    return QCoreApplication.translate(CONTEXT, source) if source else kind


def alert_kind_colour(kind: str) -> QColor:
    return QColor(_COLOURS.get(kind, _OTHER_COLOUR))


@cache
def alert_kind_icon(kind: str) -> QIcon:
    """A filled disc in the kind's colour (drawn, so it needs no file and suits any theme)."""
    size = 16
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(alert_kind_colour(kind))
    painter.drawEllipse(QRectF(2, 2, size - 4, size - 4))
    painter.end()
    return QIcon(pixmap)
