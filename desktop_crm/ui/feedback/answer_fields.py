"""The fields of one satisfaction answer: CSAT stars, NPS 0-10, how it came in, the survey,
a comment and when it was given. Used by the record's "Record feedback" dialog and right
after logging a call.

Before anything is saved the fields are checked by the service's own rules
(services.feedback.validate_answer is pure: it reads no database), so a call and its answer
are both known to be acceptable before either is written.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.feedback import (
    ALL_CHANNELS,
    RECORD_CHANNELS,
    SURVEY_MAX,
    SatisfactionView,
    validate_answer,
)
from desktop_crm.ui.feedback.entry_form import (
    FieldMessages,
    changed_moment,
    moment_edit,
    show_moment,
    text_edit,
)
from desktop_crm.ui.feedback.feedback_errors import feedback_validation_text
from desktop_crm.ui.feedback.feedback_labels import channel_label, csat_words, nps_group
from desktop_crm.ui.feedback.score_input import ScoreButtons


class AnswerFields(QWidget):
    def __init__(self, *, now: datetime, with_moment: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerFields")
        self.csat = ScoreButtons(1, 5, stars=True, words=csat_words, object_name="csatInput",
                                 accessible_name=self.tr("Satisfaction (CSAT)"), parent=self)
        self.nps = ScoreButtons(0, 10, stars=False, words=nps_group, object_name="npsInput",
                                accessible_name=self.tr("Would recommend (NPS)"), parent=self)
        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("channelCombo")
        for channel in RECORD_CHANNELS:
            self.channel_combo.addItem(channel_label(channel), channel)
        self.survey_edit = QLineEdit(self)
        self.survey_edit.setObjectName("surveyEdit")
        self.survey_edit.setMaxLength(SURVEY_MAX)
        self.survey_edit.setPlaceholderText(self.tr("Which survey or question, if any"))
        self.comment_edit = text_edit(self, "commentEdit", self.tr("What the customer said"), 2)
        self.moment_edit = moment_edit(self, "answeredEdit", now) if with_moment else None

        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # in a narrow dialog (the call log) a label goes above its field rather than squeeze it
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields = FieldMessages(self, layout)
        self.fields.add(self.tr("Satisfaction:"), self.csat, "csat")
        self.fields.add(self.tr("Recommend (0–10):"), self.nps, "nps")
        self.fields.add(self.tr("Channel:"), self.channel_combo, "channel")
        self.fields.add(self.tr("Survey:"), self.survey_edit, "survey")
        self.fields.add(self.tr("Comment:"), self.comment_edit, "comment")
        if self.moment_edit is not None:
            self.fields.add(self.tr("Answered:"), self.moment_edit, "responded_at")

    # --- what was typed -----------------------------------------------------------------------

    def load(self, answer: SatisfactionView) -> None:
        """Show a recorded answer (to change it)."""
        self.csat.set_score(answer.csat)
        self.nps.set_score(answer.nps)
        if self.channel_combo.findData(answer.channel) < 0:
            self.channel_combo.addItem(channel_label(answer.channel), answer.channel)
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(answer.channel))
        self.survey_edit.setText(answer.survey)
        self.comment_edit.setPlainText(answer.comment)
        if self.moment_edit is not None:
            show_moment(self.moment_edit, answer.responded_at)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "csat": self.csat.score(), "nps": self.nps.score(),
            "channel": self.channel_combo.currentData(),
            "survey": self.survey_edit.text().strip(),
            "comment": self.comment_edit.toPlainText().strip(),
        }
        when = changed_moment(self.moment_edit) if self.moment_edit is not None else None
        if when is not None:  # unchanged: now (a new answer) or as it was (a change)
            out["responded_at"] = when
        return out

    def changes(self, answer: SatisfactionView) -> dict[str, Any]:
        """The fields that differ from the recorded answer."""
        return {k: v for k, v in self.values().items() if getattr(answer, k) != v}

    def typed_anything(self) -> bool:
        return (self.csat.score() is not None or self.nps.score() is not None
                or bool(self.survey_edit.text().strip())
                or bool(self.comment_edit.toPlainText().strip()))

    def problem(self, *, now: datetime) -> tuple[str, str] | None:
        """(field, message) when the answer would be refused; None when it is acceptable."""
        if self.csat.score() is None and self.nps.score() is None:
            return "csat", self.tr("Choose a satisfaction score, a 0–10 answer, or both.")
        try:
            validate_answer(self.values(), now=now, channels=ALL_CHANNELS)
        except ValidationError as error:
            return error.field, feedback_validation_text(error)
        return None

    # --- messages -----------------------------------------------------------------------------

    def show_error(self, field: str, text: str) -> bool:
        return self.fields.show_error(field, text)

    def clear_errors(self) -> None:
        self.fields.clear()
