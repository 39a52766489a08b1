"""The "Record satisfaction" step of the log-a-call dialog: a box to tick, then the answer's
fields (CSAT stars, NPS 0-10, channel, survey, comment), saved after the call and linked to it.
Unticked it takes one line, so the ten-second call log stays ten seconds."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QCheckBox, QFrame, QSizePolicy, QVBoxLayout, QWidget

from desktop_crm.ui.feedback.answer_fields import AnswerFields


class CallAnswer(QWidget):
    def __init__(self, *, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callAnswer")
        self.check = QCheckBox(self.tr("Record satisfaction"), self)
        self.check.setObjectName("recordSatisfactionCheck")
        self.check.setToolTip(self.tr("Ask how satisfied the customer is; the answer is saved "
                                      "with this call"))
        self.frame = QFrame(self)
        self.frame.setObjectName("callAnswerFrame")
        self.frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.fields = AnswerFields(now=now, with_moment=False, parent=self.frame)
        comment = self.fields.comment_edit  # two lines: the call's own texts keep the room
        comment.setSizePolicy(comment.sizePolicy().horizontalPolicy(),
                              QSizePolicy.Policy.Fixed)
        comment.setFixedHeight(comment.minimumHeight())
        inner = QVBoxLayout(self.frame)
        inner.setContentsMargins(8, 6, 8, 6)
        inner.addWidget(self.fields)
        self.frame.hide()
        self.check.toggled.connect(self._toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.frame)

    def _toggled(self, on: bool) -> None:
        self.frame.setVisible(on)
        if on:
            self.fields.csat.setFocus()
        window = self.window()
        if window is not None:
            window.adjustSize()

    def asking(self) -> bool:
        return self.check.isChecked()

    def problem(self, *, now: datetime) -> tuple[str, str] | None:
        return self.fields.problem(now=now) if self.asking() else None

    def values_for(self, call_id: str) -> dict[str, Any]:
        """The answer's values for the service, linked to the saved call."""
        return {**self.fields.values(), "interaction_id": call_id}

    def typed_anything(self) -> bool:
        return self.asking() and self.fields.typed_anything()

    def show_error(self, field: str, text: str) -> bool:
        return self.fields.show_error(field, text)

    def clear_errors(self) -> None:
        self.fields.clear_errors()
