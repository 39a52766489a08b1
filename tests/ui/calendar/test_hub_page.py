"""The to-do hub: each bucket lists what the service puts in it with its count, an empty one
says so in one line; Done, Snooze, Log call, Open customer and a double-click act on a row;
a manager sees the team's overdue, a salesperson does not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.ui.calendar.hub_page import HubPage
from desktop_crm.ui.calendar.hub_section import EntryRow, HubSection, RowActions
from desktop_crm.ui.moments import to_qdatetime
from desktop_crm.ui.ops import Operations
from tests.ui.conftest import ADMIN_PASSWORD, SALES2_PASSWORD, Template

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 11, 10, 0, tzinfo=SHANGHAI)  # a Wednesday morning
TODAY = NOW.date()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW.astimezone(UTC))


@pytest.fixture
def sales2(vault: Template, clock: FixedClock,
           opened_sessions: list[CrmSession]) -> CrmSession:
    session = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD, clock=clock)
    opened_sessions.append(session)
    return session


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)


def fill_week(session: CrmSession) -> dict[str, str]:
    """One reminder for each bucket the service fills from reminders; ids by title."""
    customer = session.customers.create({"name": "王芳"}).id
    made = {}
    for title, data in {
        "Call about the quote": {"due_at": at(TODAY - timedelta(days=2), 15),
                                 "customer_id": customer},
        "Visit the plant": {"due_at": at(TODAY, 14, 30), "kind": "visit",
                            "customer_id": customer},
        "Weekly report": {"due_at": at(TODAY + timedelta(days=2), 9)},
        "Contract renewal": {"due_at": TODAY + timedelta(days=12), "all_day": True,
                             "kind": "contract_expiry", "customer_id": customer},
        "Second instalment": {"due_at": TODAY - timedelta(days=3), "all_day": True,
                              "kind": "receivable", "customer_id": customer},
        "王芳's birthday": {"due_at": TODAY + timedelta(days=3), "all_day": True,
                           "kind": "birthday", "customer_id": customer},
    }.items():
        made[title] = session.reminders.create({"title": title, **data}).id
    return made


def shown_hub(qtbot: Any, session: CrmSession, ops: Operations,
              width: int = 1200, height: int = 900) -> HubPage:
    page = HubPage(session, ops, session.me(), zone=SHANGHAI)
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    wait_loaded(qtbot, page)
    return page


def wait_loaded(qtbot: Any, page: HubPage) -> None:
    qtbot.waitUntil(lambda: page.hub is not None and not page.loading and not page._ops.busy,
                    timeout=10_000)


def row_titles(section: HubSection) -> list[str]:
    return [row.title_label.full_text for row in section.rows]  # type: ignore[attr-defined]


def row(page: HubPage, title: str) -> EntryRow:
    for section in page.sections.values():
        for found in section.rows:
            if isinstance(found, EntryRow) and found.entry.title == title:
                return found
    raise AssertionError(f"no row for {title}")


def test_each_bucket_lists_its_entries_and_an_empty_one_says_so(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    fill_week(sales2)
    page = shown_hub(qtbot, sales2, ops)
    sections = page.sections
    assert "Call about the quote" in row_titles(sections["overdue"])
    assert row_titles(sections["today"]) == ["Visit the plant"]
    assert row_titles(sections["this_week"])[0] == "Weekly report"
    assert row_titles(sections["contracts"]) == ["Contract renewal"]
    assert row_titles(sections["instalments"]) == ["Second instalment"]
    assert row_titles(sections["birthdays"]) == ["王芳's birthday"]
    assert sections["today"].count_label.text() == "(1)"
    # an empty bucket is one line in words, without rows or a count
    complaints = sections["complaints"]
    assert complaints.empty_label.text() == "No complaint is waiting on you."
    assert complaints.empty_label.isVisibleTo(page) and complaints.rows == []
    assert not complaints.count_label.isVisibleTo(page)
    assert sections["team_overdue"].isHidden()  # a salesperson has no team
    # a row says when, what and for whom
    visit = row(page, "Visit the plant")
    assert visit.when_label.text() == "14:30"
    assert visit.customer_label.full_text == "王芳"
    assert row(page, "Weekly report").when_label.text() == "Fri 09:00"
    assert page.summary_label.text().startswith("Wed 2026-03-11")


def test_done_and_snooze_act_on_the_row_and_the_hub_reads_again(
        qtbot: Any, ops: Operations, sales2: CrmSession, clock: FixedClock) -> None:
    made = fill_week(sales2)
    page = shown_hub(qtbot, sales2, ops)
    done = row(page, "Visit the plant").done_button
    assert done is not None
    qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.sections["today"].rows == [], timeout=10_000)
    assert sales2.reminders.get(made["Visit the plant"]).done_at is not None
    assert page.sections["today"].empty_label.text() == "Nothing else due today."

    # snoozed for an hour, the overdue call leaves the hub until then
    call = row(page, "Call about the quote")
    [hour] = [a for a in call.snooze_menu.actions() if a.objectName() == "snooze1h"]
    hour.trigger()
    qtbot.waitUntil(lambda: "Call about the quote" not in row_titles(page.sections["overdue"]),
                    timeout=10_000)
    assert sales2.reminders.get(made["Call about the quote"]).snoozed_until == \
        clock.now() + timedelta(hours=1)


def test_log_call_opens_the_call_dialog_for_the_customer_and_completes_the_reminder(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    made = fill_week(sales2)
    page = shown_hub(qtbot, sales2, ops)
    visit = row(page, "Visit the plant")
    assert visit.call_button is not None
    qtbot.mouseClick(visit.call_button, Qt.MouseButton.LeftButton)
    dialog = page.log_call_dialog
    assert dialog is not None and dialog.customer() == (visit.entry.customer_id, "王芳")
    qtbot.keyClicks(dialog.form.summary_edit, "Agreed on the date")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: sales2.reminders.get(made["Visit the plant"]).done_at is not None,
                    timeout=10_000)
    assert sales2.interactions.for_customer(visit.entry.customer_id or "")


def test_open_customer_and_double_click_and_new_reminder(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    made = fill_week(sales2)
    page = shown_hub(qtbot, sales2, ops)
    asked: list[str] = []
    page.customer_requested.connect(asked.append)
    visit = row(page, "Visit the plant")
    assert visit.open_button is not None
    qtbot.mouseClick(visit.open_button, Qt.MouseButton.LeftButton)
    assert asked == [visit.entry.customer_id]
    unlinked = row(page, "Weekly report").open_button  # no customer: the button is hidden
    assert unlinked is not None and not unlinked.isVisibleTo(page)

    qtbot.mouseDClick(row(page, "Weekly report"), Qt.MouseButton.LeftButton)
    dialog = page.reminder_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded is not None, timeout=10_000)
    assert dialog.loaded.id == made["Weekly report"]
    dialog.reject()
    assert page.reminder_dialog is None

    assert page.new_button is not None
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.reminder_dialog is not None
    assert page.reminder_dialog.windowTitle() == "New reminder"
    page.reminder_dialog.reject()


def test_a_manager_sees_the_team_overdue(
        qtbot: Any, ops: Operations, vault: Template, clock: FixedClock,
        opened_sessions: list[CrmSession]) -> None:
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD, clock=clock)
    opened_sessions.append(admin)
    boss, boss_once = admin.users.create("boss", "主管 Boss", roles=["manager"])
    _, rep_once = admin.users.create("rep", "销售 Rep", roles=["sales"], superior_id=boss.id)
    sessions = {}
    for name, once in (("boss", boss_once), ("rep", rep_once)):
        session = sign_in(vault.vault_dir, name, once, clock=clock)
        opened_sessions.append(session)
        session.change_password(once, f"{name}-password-1")
        sessions[name] = session
    sessions["rep"].reminders.create({"title": "Missed follow-up",
                                      "due_at": at(TODAY - timedelta(days=1), 11)})
    page = shown_hub(qtbot, sessions["boss"], ops)
    team = page.sections["team_overdue"]
    assert team.isVisibleTo(page)
    assert row_titles(team) == ["Missed follow-up"]
    assert row(page, "Missed follow-up").customer_label.full_text == "销售 Rep"  # whose it is
    assert page.sections["overdue"].rows == []  # the boss's own list stays the boss's


def test_a_long_bucket_shows_its_first_rows_then_more_on_request(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    for number in range(30):
        sales2.reminders.create({"title": f"Old call {number:02}",
                                 "due_at": at(TODAY - timedelta(days=5), 8, number)})
    page = shown_hub(qtbot, sales2, ops)
    overdue = page.sections["overdue"]
    assert overdue.count_label.text() == "(30)"
    assert len(overdue.rows) == 12 and overdue.more_button.isVisibleTo(page)
    qtbot.mouseClick(overdue.more_button, Qt.MouseButton.LeftButton)
    assert len(overdue.rows) == 30 and not overdue.more_button.isVisibleTo(page)


@dataclass(frozen=True)
class Complaint:
    id: str
    customer_id: str
    customer_name: str
    summary: str
    severity: str
    status: str
    opened_at: datetime
    overdue: bool = False


def test_a_complaint_row_opens_its_customer(qtbot: Any, clock: FixedClock) -> None:
    section = HubSection("complaints", "Complaints waiting on me", "None.", clock, SHANGHAI,
                         RowActions(may_update=True, may_log_call=True))
    qtbot.addWidget(section)
    section.show_complaints([Complaint("c1", "cust-1", "张伟", "Delivery was late", "high",
                                       "open", NOW.astimezone(UTC))], TODAY)
    section.show()
    asked: list[str] = []
    section.customer_requested.connect(asked.append)
    [line] = section.rows
    assert line.title_label.full_text == "Delivery was late"  # type: ignore[attr-defined]
    button = line.findChild(QWidget, "hubOpenCustomerButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["cust-1"]


def test_a_custom_snooze_takes_the_moment_picked(
        qtbot: Any, ops: Operations, sales2: CrmSession, clock: FixedClock) -> None:
    made = fill_week(sales2)
    page = shown_hub(qtbot, sales2, ops)
    call = row(page, "Call about the quote")
    [custom] = [a for a in call.snooze_menu.actions() if a.objectName() == "snoozeCustom"]
    custom.trigger()
    dialog = call.snooze_menu.custom_dialog
    assert dialog is not None and dialog.isVisible()
    picked = at(TODAY + timedelta(days=1), 15, 0)
    dialog.edit.setDateTime(to_qdatetime(picked))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: sales2.reminders.get(made["Call about the quote"]).snoozed_until
                    == picked.astimezone(UTC), timeout=10_000)
