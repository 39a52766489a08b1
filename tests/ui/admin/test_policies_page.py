"""The Policies page on a real vault: shows the policies, names a bad value next to its field,
saves, and a fresh page reads back what was saved."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_crm.services.policies import PolicySet
from desktop_crm.services.session import sign_in
from desktop_crm.ui.admin.policies_page import PoliciesPage
from tests.ui.conftest import SALES2_PASSWORD


def _page(session, ops, qtbot):
    page = PoliciesPage(session, ops, session.me())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded is not None)
    return page


def test_the_defaults_are_shown(admin, ops, qtbot):
    page = _page(admin, ops, qtbot)
    assert page.numbers["idle_lock_minutes"].text() == "15"
    assert page.numbers["reveal_burst_count"].text() == "10"
    assert page.numbers["offline_lease_days"].text() == "14"
    assert page.switches["remember_me_allowed"].isChecked()
    assert not page.switches["password_letters_and_digits"].isChecked()
    assert page.save_button.isEnabled()


def test_a_bad_value_is_named_next_to_its_field_and_nothing_is_saved(admin, ops, qtbot):
    page = _page(admin, ops, qtbot)
    page.numbers["idle_lock_minutes"].setText("0")
    page.numbers["password_min_length"].setText("十")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.errors["idle_lock_minutes"].isVisible()
    assert page.errors["idle_lock_minutes"].text() == "Enter a whole number from 1 to 240."
    assert page.errors["password_min_length"].text() == "Enter a whole number from 8 to 128."
    assert not page.errors["offline_lease_days"].isVisible()
    assert admin.policies.current() == PolicySet()


def test_saved_policies_are_read_back(admin, ops, qtbot, vault, opened_sessions):
    page = _page(admin, ops, qtbot)
    page.numbers["idle_lock_minutes"].setText("20")
    page.numbers["contract_expiry_lead_days"].setText("45")
    page.switches["remember_me_allowed"].setChecked(False)
    page.switches["password_letters_and_digits"].setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == "Saved.")

    sales2 = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD)
    opened_sessions.append(sales2)
    seen = sales2.policies.current()
    assert (seen.idle_lock_minutes, seen.contract_expiry_lead_days) == (20, 45)
    assert not seen.remember_me_allowed and seen.password_letters_and_digits

    again = _page(admin, ops, qtbot)
    assert again.numbers["idle_lock_minutes"].text() == "20"
    assert not again.switches["remember_me_allowed"].isChecked()


def test_a_user_without_policy_manage_sees_them_read_only(vault, ops, qtbot, opened_sessions):
    sales2 = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD)
    opened_sessions.append(sales2)
    page = _page(sales2, ops, qtbot)
    assert page.numbers["idle_lock_minutes"].text() == "15"
    assert not page.save_button.isVisibleTo(page)
    assert not page.numbers["idle_lock_minutes"].isEnabled()
