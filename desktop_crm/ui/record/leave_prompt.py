"""The Save / Discard / Cancel question on leaving unsaved changes, behind a seam a test can
answer (ui/prompts.py has yes/no questions only)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class LeaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


_answers: deque[LeaveChoice] | None = None
_asked: list[str] = []


@contextmanager
def scripted(*answers: LeaveChoice) -> Iterator[list[str]]:
    """Answer the questions inside the block in order; yields the texts that were asked."""
    global _answers, _asked
    previous = _answers, _asked
    _answers, _asked = deque(answers), []
    try:
        yield _asked
    finally:
        _answers, _asked = previous


def ask_leave(parent: QWidget | None, customer_name: str) -> LeaveChoice:
    title = QCoreApplication.translate("LeavePrompt", "Unsaved changes")
    text = QCoreApplication.translate(
        "LeavePrompt", "Save your changes to “%1” before leaving?").replace("%1", customer_name)
    if _answers is not None:
        _asked.append(text)
        if not _answers:
            raise AssertionError(f"no scripted answer for {text!r}")
        return _answers.popleft()
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    answer = box.exec()
    if answer == buttons.Save:
        return LeaveChoice.SAVE
    if answer == buttons.Discard:
        return LeaveChoice.DISCARD
    return LeaveChoice.CANCEL
