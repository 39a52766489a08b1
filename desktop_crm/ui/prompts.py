"""Message boxes and file dialogs behind one seam a test can answer (KeePassXC style).

Product code calls `confirm`, `ask_save`, `inform`, `warn` and `choose_directory`. A test
wraps its actions in `with scripted(True, Path(...)) as asked:`; each prompt then takes the
next scripted answer instead of opening a modal window, and `asked` records what the person
would have seen.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class SaveChoice(Enum):
    """The answers to "save your changes before leaving?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


@dataclass(frozen=True)
class Asked:
    kind: str  # confirm | save | inform | warn | directory
    title: str
    text: str


@dataclass
class _Script:
    answers: deque[object]
    asked: list[Asked] = field(default_factory=list)

    def answer(self, asked: Asked) -> object:
        self.asked.append(asked)
        if asked.kind in ("inform", "warn"):
            return None
        if not self.answers:
            raise AssertionError(f"no scripted answer for {asked}")
        return self.answers.popleft()


_script: _Script | None = None


@contextmanager
def scripted(*answers: object) -> Iterator[list[Asked]]:
    """Answer the prompts inside the block with `answers`, in order; yields what was asked."""
    global _script
    previous, _script = _script, _Script(deque(answers))
    try:
        yield _script.asked
    finally:
        _script = previous


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    if _script is not None:
        return bool(_script.answer(Asked("confirm", title, text)))
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    choice = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return choice == QMessageBox.StandardButton.Yes


def ask_save(parent: QWidget | None, title: str, text: str) -> SaveChoice:
    """Save, Discard or Cancel (Esc); Save is the default."""
    if _script is not None:
        return SaveChoice(_script.answer(Asked("save", title, text)))
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    answer = box.exec()
    if answer == buttons.Save:
        return SaveChoice.SAVE
    if answer == buttons.Discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


def inform(parent: QWidget | None, title: str, text: str) -> None:
    if _script is not None:
        _script.answer(Asked("inform", title, text))
        return
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    if _script is not None:
        _script.answer(Asked("warn", title, text))
        return
    QMessageBox.warning(parent, title, text)


def choose_directory(parent: QWidget | None, title: str, start: Path) -> Path | None:
    if _script is not None:
        chosen = _script.answer(Asked("directory", title, str(start)))
        return None if chosen is None else Path(str(chosen))
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None
