"""The Policies page on a real vault: shows the policies, names a bad value next to its field
(the holiday list's problems by line), saves, and a fresh page reads back what was saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from desktop_crm.domain.holidays import PROBLEM_TEXTS, LineProblem
from desktop_crm.services.policies import PolicySet
from desktop_crm.services.session import sign_in
from desktop_crm.ui.admin.policies_page import PoliciesPage, holiday_problem_text
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


def test_the_generation_policies_and_the_holiday_list_are_shown(admin, ops, qtbot):
    page = _page(admin, ops, qtbot)
    assert page.numbers["followup_gap_days"].text() == "30"
    assert page.numbers["escalation_days"].text() == "3"
    assert page.numbers["holiday_lead_days"].text() == "7"
    text = page.texts["holiday_list"].toPlainText()
    assert "lunar 08-15 Mid-Autumn Festival | 中秋节" in text.splitlines()
    assert page.findChild(QPlainTextEdit, "holiday_listEdit") is page.texts["holiday_list"]


def test_holiday_list_problems_are_listed_by_line_and_nothing_is_saved(admin, ops, qtbot):
    page = _page(admin, ops, qtbot)
    page.texts["holiday_list"].setPlainText(
        "lunar 08-15 Mid-Autumn Festival | 中秋节\n"
        "solar 02-30 Nope\n"
        "# a comment\n"
        "julian 01-07 Orthodox Christmas\n")
    page.numbers["holiday_lead_days"].setText("10")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    error = page.errors["holiday_list"]
    assert error.isVisible()
    assert error.text() == ("Line 2: February has no day 30\n"
                            "Line 4: unknown calendar “julian”: write solar or lunar")
    assert page.message.text() == ""
    assert admin.policies.current() == PolicySet()


def test_a_changed_holiday_list_is_saved_with_the_lead_days(admin, ops, qtbot):
    page = _page(admin, ops, qtbot)
    page.texts["holiday_list"].setPlainText("lunar 1-1 Spring Festival | 春节\n"
                                            "solar 12-25 Christmas\n")
    page.numbers["holiday_lead_days"].setText("10")
    page.numbers["followup_gap_days"].setText("45")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == "Saved.")
    saved = admin.policies.current()
    assert (saved.holiday_lead_days, saved.followup_gap_days) == (10, 45)
    assert [(rule.name_en, rule.key) for rule in saved.holidays] == [
        ("Spring Festival", "lunar-01-01"), ("Christmas", "solar-12-25")]
    assert not page.errors["holiday_list"].isVisible()


def test_every_holiday_list_problem_has_words_in_the_page(qapp):
    # each code the domain can report is said by the page, in English as the domain says it
    samples = {"calendar": ("moon",), "month_day": ("1225",), "month": ("13",),
               "solar_day": ("2", "30"), "lunar_day": ("31",), "name_length": ("80",),
               "repeat": ("lunar", "08-15", "1")}
    for code in PROBLEM_TEXTS:
        problem = LineProblem(3, code, samples.get(code, ()))
        assert holiday_problem_text(problem) == f"Line 3: {problem.message}"


def test_the_holiday_list_is_read_only_without_policy_manage(vault, ops, qtbot,
                                                             opened_sessions):
    sales2 = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD)
    opened_sessions.append(sales2)
    page = _page(sales2, ops, qtbot)
    assert page.texts["holiday_list"].isReadOnly()
    assert "Christmas" in page.texts["holiday_list"].toPlainText()


def test_the_company_s_name_zone_and_feedback_policies_are_saved(admin, ops, qtbot):
    page = _page(admin, ops, qtbot)
    assert page.lines["company_time_zone"].text() == ""  # this computer's zone
    assert page.numbers["return_visit_after_purchase_days"].text() == "7"
    page.lines["company_name"].setText("华东贸易有限公司")
    page.lines["company_time_zone"].setText("Asia/Shanghai")
    page.numbers["complaint_response_hours"].setText("8")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == "Saved.")
    saved = admin.policies.current()
    assert (saved.company_name, saved.company_time_zone, saved.complaint_response_hours) \
        == ("华东贸易有限公司", "Asia/Shanghai", 8)


def test_an_unknown_time_zone_is_named_at_its_field_and_nothing_is_saved(admin, ops, qtbot):
    page = _page(admin, ops, qtbot)
    page.lines["company_time_zone"].setText("Mars/Olympus")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Mars/Olympus" in page.errors["company_time_zone"].text()
    assert admin.policies.current() == PolicySet()
