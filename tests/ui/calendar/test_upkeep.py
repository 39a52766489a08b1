"""The calendar's daily upkeep in a running app: generated reminders at sign-in, once a day,
again when the date changes (a laptop that slept through midnight too); a failed run is said
in words for the status bar."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.session import sign_in
from desktop_crm.ui.calendar.reminder_desk import ReminderDesk
from desktop_crm.ui.calendar.upkeep import ReminderUpkeep
from tests.ui.calendar.conftest import wait_idle
from tests.ui.conftest import ADMIN_PASSWORD, SALES2_PASSWORD


def _generated(session) -> list[str]:
    return [r.source for r in session.reminders.list(include_done=True, limit=5000)
            if r.source and r.source != "demo"]


def test_upkeep_generates_at_start_once_a_day_and_again_on_a_new_date(signed_in, ops, qtbot):
    admin = signed_in("admin")
    [customer] = admin.customers.search("张伟")
    admin.customers.update(customer.id, {"birthday": "1990-05-20"})
    today = [date(2026, 5, 14)]
    upkeep = ReminderUpkeep(admin, ops, admin.me(), today=lambda: today[0])
    reports = []
    upkeep.did_finish.connect(reports.append)
    changes = []
    ops.changes_did_happen.connect(changes.append)

    upkeep.start()
    wait_idle(qtbot, ops)
    assert len(reports) == 1 and reports[0].total >= 1
    assert any(c.touches("reminder") for c in changes)  # the views read again
    made = _generated(admin)
    assert f"birthday:{customer.id}" in made

    upkeep.check()  # the hourly tick on the same day does nothing
    wait_idle(qtbot, ops)
    assert len(reports) == 1

    today[0] += timedelta(days=1)  # the date moved on (midnight, or a wake from sleep)
    upkeep.check()
    wait_idle(qtbot, ops)
    assert len(reports) == 2
    assert sorted(_generated(admin)) == sorted(made)  # nothing duplicated
    upkeep.stop()


def test_a_role_that_cannot_create_reminders_only_refreshes_the_cache(vault, ops, qtbot,
                                                                      opened_sessions):
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    opened_sessions.append(admin)
    reader = admin.me()
    without = replace(reader, grants={k: v for k, v in reader.grants.items()
                                      if k != ("reminder", "create")})
    upkeep = ReminderUpkeep(admin, ops, without, today=lambda: date(2026, 5, 14))
    reports = []
    upkeep.did_finish.connect(reports.append)
    upkeep.start()
    wait_idle(qtbot, ops)
    assert reports == [None]
    assert not [r for r in admin.reminders.list(include_done=True, limit=5000)
                if r.source.startswith("birthday:")]
    upkeep.stop()


def test_a_failed_upkeep_is_said_in_words_by_the_desk(signed_in, ops, qtbot):
    admin = signed_in("admin")

    def refused(**_kwargs: object) -> None:
        raise ValidationError("due_at", "must fall between 1900 and 2200")

    admin.reminder_generation.run = refused  # one bad row stops the run
    desk = ReminderDesk(admin, ops, admin.me(), notifier=None)
    problems: list[str] = []
    desk.problem.connect(problems.append)
    desk.upkeep.check()
    wait_idle(qtbot, ops)
    assert problems == ["Reminders could not be brought up to date: "
                        "Must fall between 1900 and 2200"]

    del admin.reminder_generation.run  # the next day's run works: nothing more to say
    desk.upkeep.check()
    wait_idle(qtbot, ops)
    assert len(problems) == 1
    for page in (desk.hub_page, desk.calendar_page, desk.banner):
        page.deleteLater()


def test_the_main_window_shows_the_desks_problem_in_its_status_bar(vault, open_main_window):
    window = open_main_window(vault.vault_dir, "sales2", SALES2_PASSWORD)
    sentence = "Reminders could not be brought up to date: The vault is busy"
    window.reminder_desk.problem.emit(sentence)
    assert window.statusBar().currentMessage() == sentence
