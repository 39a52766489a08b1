"""The outcomes the dialog offers: those already in use first, then a few common ones.

An outcome is free text (the service keeps what was typed); offering the outcomes in use keeps
the Calls page's outcome filter short, and the suggestions help on an empty vault.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_SUGGESTED = (
    QT_TRANSLATE_NOOP("CallOutcomes", "Interested"),
    QT_TRANSLATE_NOOP("CallOutcomes", "Follow up"),
    QT_TRANSLATE_NOOP("CallOutcomes", "Ordered"),
    QT_TRANSLATE_NOOP("CallOutcomes", "No need now"),
    QT_TRANSLATE_NOOP("CallOutcomes", "No answer"),
)


def outcome_choices(in_use: Sequence[str]) -> list[str]:
    """The outcomes in use (most used first), then the suggestions not among them."""
    suggested = [QCoreApplication.translate("CallOutcomes", s) for s in _SUGGESTED]
    return list(dict.fromkeys([*(o for o in in_use if o.strip()), *suggested]))
