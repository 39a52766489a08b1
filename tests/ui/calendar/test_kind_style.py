"""Each reminder kind has its own colour and its own icon shape."""

from __future__ import annotations

from PySide6.QtGui import QImage

from desktop_crm.domain.enums import ReminderKind
from desktop_crm.ui.calendar.kind_style import kind_colour, kind_icon, kind_label


def _pixels(kind: str) -> bytes:
    image = kind_icon(kind).pixmap(24, 24).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return bytes(image.constBits())


def test_every_kind_has_a_colour_of_its_own_and_an_icon_of_its_own(qapp):
    colours = {kind_colour(kind).name() for kind in ReminderKind}
    assert len(colours) == len(ReminderKind)
    drawings = {_pixels(kind) for kind in ReminderKind}
    assert len(drawings) == len(ReminderKind)
    assert all(not kind_icon(kind).isNull() for kind in ReminderKind)


def test_an_unknown_kind_looks_like_a_custom_one(qapp):
    assert kind_colour("someday").name() == kind_colour("custom").name()
    assert _pixels("someday") == _pixels("custom")
    assert kind_label("contract_expiry") == "Contract expiry"


def test_a_return_visit_is_named_and_drawn_as_its_own_kind(qapp):
    assert kind_label("return_visit") == "Return visit"
    assert _pixels("return_visit") != _pixels("custom")
    assert kind_colour("return_visit").name() not in {
        kind_colour(kind).name() for kind in ReminderKind if kind != "return_visit"}
