"""The role editor saves title, grants and field policies with one service call: one audit
event, one alert, and a built-in role's translated title is not written back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_crm.config import CHINESE
from desktop_crm.domain.enums import MaskMode, Scope
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.storage.models import Alert, AuditEvent
from desktop_crm.ui.admin.role_editor import RoleEditor
from desktop_crm.ui.i18n import install_translators, remove_translators

C = Resource.CUSTOMER


@pytest.fixture
def editor(admin, ops, qtbot):
    editor = RoleEditor(admin, ops, admin.me())
    qtbot.addWidget(editor)
    editor.show()
    editor.show_role(next(r for r in admin.roles.list() if r.name == "sales"))
    return editor


def _role_events(session):
    with session.customers.ctx.reading() as w:
        actions = w.session.scalars(select(AuditEvent.action)
                                    .where(AuditEvent.entity == Resource.ROLE)).all()
        alerts = w.session.scalars(select(Alert.message)
                                   .where(Alert.kind == "role_change")).all()
    return actions, alerts


def test_one_save_is_one_audited_change(editor, admin, qtbot):
    editor.grid.choose(C, Action.READ, Scope.ALL)
    phones = editor.fields.mask_combo("phones")
    phones.setCurrentIndex(phones.findData(MaskMode.EVERYWHERE.value))
    editor.description_edit.setText("看全部客户")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.message.text() == "Saved.")

    actions, alerts = _role_events(admin)
    assert actions == ["role.save"]
    assert len(alerts) == 1
    sales = next(r for r in admin.roles.list() if r.name == "sales")
    assert sales.description == "看全部客户"
    assert sales.title == "Salesperson"
    assert not editor.dirty


def test_a_built_in_title_shown_translated_is_not_written_back(admin, ops, qtbot, qapp):
    translators = install_translators(qapp, CHINESE)
    try:
        editor = RoleEditor(admin, ops, admin.me())
        qtbot.addWidget(editor)
        editor.show_role(next(r for r in admin.roles.list() if r.name == "sales"))
        shown = editor.title_edit.text()
        assert shown != "Salesperson"  # the catalogue's words for it
        editor.description_edit.setText("看全部客户")
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: editor.save_button.isEnabled() and not editor.dirty)
    finally:
        remove_translators(qapp, translators)
    sales = next(r for r in admin.roles.list() if r.name == "sales")
    assert (sales.title, sales.description) == ("Salesperson", "看全部客户")


def test_saving_an_unchanged_role_records_nothing(editor, admin, qtbot):
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.message.text() == "Saved.")
    assert _role_events(admin) == ([], [])
