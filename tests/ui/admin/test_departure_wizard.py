"""The departure wizard on a real vault: a departure split between two receivers end to end,
cancelling gives the reveals back, no receiver means no Next, a running departure refuses to
close.

The organisation (built once, copied per test): 管理员 admin; 张伟 zhangwei, manager of 华东
East, leaving, owns six customers (two high-value, two potential, one dormant, one without a
tier) and has 李娜 lina (sales, East) as a direct report; 王芳 wangfang (sales, 华南 South);
赵强 zhaoqiang (sales, South) departed earlier, yet one customer is still his (synced in
after his departure).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from desktop_crm.domain.departure_split import SplitMode
from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.errors import AccountRevoked
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.services.setup import initialize_vault
from desktop_crm.storage.models import Customer
from desktop_crm.ui import prompts
from desktop_crm.ui.admin.departure_wizard import DepartureWizard, RunPage
from desktop_crm.ui.ops import Operations

ADMIN_PASSWORD = "admin-password-1"
LEAVING_CUSTOMERS = (("陈静", "high_value"), ("刘洋", "high_value"), ("杨帆", "potential"),
                     ("Alice Martin", "potential"), ("黄磊", "dormant"), ("周敏", None))


@dataclass(frozen=True)
class OrgVault:
    vault_dir: Path
    passwords: dict[str, str]
    ids: dict[str, str]


def _build(vault_dir: Path) -> OrgVault:
    initialize_vault(vault_dir, admin_username="admin", admin_password=ADMIN_PASSWORD,
                     admin_display_name="管理员")
    admin = sign_in(vault_dir, "admin", ADMIN_PASSWORD)
    try:
        hq = admin.departments.create("总部 HQ")
        east = admin.departments.create("华东 East", parent_id=hq.id)
        south = admin.departments.create("华南 South", parent_id=hq.id)
        ids, passwords = {"admin": admin.user_id}, {"admin": ADMIN_PASSWORD}
        for username, display, role, department, superior in (
            ("zhangwei", "张伟", "manager", east.id, None),
            ("lina", "李娜", "sales", east.id, "zhangwei"),
            ("wangfang", "王芳", "sales", south.id, None),
            ("zhaoqiang", "赵强", "sales", south.id, None),
        ):
            user, password = admin.users.create(
                username, display, roles=[role], department_id=department,
                superior_id=ids[superior] if superior else None)
            ids[username], passwords[username] = user.id, password
        for name, tier in LEAVING_CUSTOMERS:
            admin.customers.create({"name": name, "tier": tier, "owner_id": ids["zhangwei"],
                                    "phones": ["+8613812345678"]})
        left_over = admin.customers.create({"name": "吴昊", "owner_id": ids["zhaoqiang"]})
        admin.departures.complete(ids["zhaoqiang"], [ids["wangfang"]])
        # a laptop synced this customer in under the departed owner afterwards
        with admin.users.ctx.writing() as w:
            w.session.execute(Customer.__table__.update().where(Customer.id == left_over.id)
                              .values(owner_id=ids["zhaoqiang"]))
        ids["left_over"] = left_over.id
    finally:
        admin.lock()
    return OrgVault(vault_dir, passwords, ids)


_templates: dict[str, OrgVault] = {}


@pytest.fixture
def org_vault(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> OrgVault:
    """A fresh copy of the organisation (its template is built once per test session)."""
    if "org" not in _templates:
        _templates["org"] = _build(tmp_path_factory.mktemp("departure-template") / "vault")
    template = _templates["org"]
    directory = tmp_path / "vault"
    shutil.copytree(template.vault_dir, directory)
    return OrgVault(directory, dict(template.passwords), dict(template.ids))


@pytest.fixture
def open_session(org_vault: OrgVault,
                 opened_sessions: list[CrmSession]) -> Callable[[str], CrmSession]:
    def open_as(username: str) -> CrmSession:
        session = sign_in(org_vault.vault_dir, username, org_vault.passwords[username])
        opened_sessions.append(session)
        return session

    return open_as


@pytest.fixture
def admin(open_session: Callable[[str], CrmSession]) -> CrmSession:
    return open_session("admin")


@pytest.fixture
def make_wizard(qtbot, admin: CrmSession, ops: Operations
                ) -> Iterator[Callable[..., DepartureWizard]]:
    made: list[DepartureWizard] = []

    def make(user_id: str | None = None) -> DepartureWizard:
        # not qtbot.addWidget: its closing comes before this fixture's own teardown below
        wizard = DepartureWizard(admin, ops, admin.me(), user_id=user_id)
        wizard.resize(800, 560)
        wizard.show()
        qtbot.waitUntil(lambda: wizard.draft.loaded, timeout=10_000)
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:  # a wizard left open gives its freeze back, as a person would
        qtbot.waitUntil(lambda w=wizard: not w.running and not w.pick_page.busy,
                        timeout=30_000)
        if wizard.isVisible():
            with prompts.scripted(True):
                wizard.reject()
            qtbot.waitUntil(lambda w=wizard: not w.isVisible(), timeout=10_000)
        wizard.deleteLater()


def press_next(qtbot, wizard: DepartureWizard, page_id: int) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    if wizard.currentPage().isCommitPage():
        button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == page_id, timeout=10_000)


def to_holdings(qtbot, wizard: DepartureWizard, user_id: str) -> None:
    assert wizard.pick_page.select_user(user_id)
    press_next(qtbot, wizard, DepartureWizard.HOLDINGS)


def choose(qtbot, wizard: DepartureWizard, receivers: list[str], mode: SplitMode) -> None:
    chooser = wizard.receivers_page.chooser
    for user_id in receivers:
        assert chooser.set_checked(user_id)
    chooser.set_mode(mode)
    qtbot.waitUntil(lambda: chooser.ready, timeout=10_000)


def plural(text: str) -> str:
    """English plurals read the same before and after the catalogue holds the new strings."""
    return text.replace("(s)", "s")


def owners(session: CrmSession) -> dict[str, str]:
    with session.users.ctx.reading() as w:
        return dict(w.session.execute(
            select(Customer.name, Customer.owner_id).where(Customer.deleted_at.is_(None))
        ).tuples().all())


def test_a_departure_split_between_two_receivers_runs_end_to_end(
        qtbot, make_wizard, org_vault: OrgVault, open_session) -> None:
    ids = org_vault.ids
    wizard = make_wizard()
    shown = [wizard.pick_page.user_list.item(r).text()
             for r in range(wizard.pick_page.user_list.count())]
    assert not any("管理员" in line or "赵强" in line for line in shown)  # not self, not departed
    wizard.pick_page.filter_edit.setText("east")
    visible = [wizard.pick_page.user_list.item(r).text()
               for r in range(wizard.pick_page.user_list.count())
               if not wizard.pick_page.user_list.item(r).isHidden()]
    assert visible == ["李娜 (lina) · 华东 East", "张伟 (zhangwei) · 华东 East"]

    to_holdings(qtbot, wizard, ids["zhangwei"])
    page = wizard.holdings_page
    assert "Exports and reveals for 张伟 (zhangwei) are frozen" in page.frozen_notice.text()
    assert page.values["customers"].text() == "6"
    assert page.values["by_tier"].text().splitlines() == [
        "High value: 2", "Potential: 2", "Dormant: 1", "No tier: 1"]
    assert page.values["by_department"].text() == "华东 East: 6"
    assert page.values["reports"].text().startswith("1 ")

    press_next(qtbot, wizard, DepartureWizard.RECEIVERS)
    assert "张伟 (zhangwei)'s name stays on each customer's ownership history" in (
        wizard.receivers_page.history_note.text())
    choose(qtbot, wizard, [ids["lina"], ids["wangfang"]], SplitMode.TIER)
    table = wizard.receivers_page.chooser.table
    assert [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(2)] == [
        ("李娜 (lina) (first receiver)", "3"), ("王芳 (wangfang)", "3")]

    press_next(qtbot, wizard, DepartureWizard.CONFIRM)
    summary = plural(wizard.confirm_page.summary.text())
    assert "access ends on every device" in summary and "data key is rotated" in summary
    assert "6 customers change owner" in summary and "李娜 (lina): 3" in summary
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()
    wizard.confirm_page.understood_check.setChecked(True)
    press_next(qtbot, wizard, DepartureWizard.RUN)
    qtbot.waitUntil(lambda: wizard.run_page.state == RunPage.DONE, timeout=30_000)

    result = wizard.run_page.result.text()
    assert "李娜 (lina): 3" in result and "王芳 (wangfang): 3" in result
    assert "Direct reports moved: 1" in result
    assert "The vault's data key was rotated." in result
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with pytest.raises(AccountRevoked):
        sign_in(org_vault.vault_dir, "zhangwei", org_vault.passwords["zhangwei"])
    now_owned = owners(open_session("admin"))
    assert {now_owned[name] for name, _ in LEAVING_CUSTOMERS} == {ids["lina"], ids["wangfang"]}
    assert ids["zhangwei"] not in now_owned.values()
    assert now_owned["陈静"] == ids["lina"] and now_owned["杨帆"] == ids["wangfang"]


def test_cancelling_on_the_holdings_page_gives_the_reveals_back(
        qtbot, make_wizard, org_vault: OrgVault, open_session, admin: CrmSession) -> None:
    leaving = open_session("zhangwei")
    assert leaving.me().can(Resource.CUSTOMER, Action.REVEAL)
    wizard = make_wizard()
    to_holdings(qtbot, wizard, org_vault.ids["zhangwei"])
    assert not leaving.me().can(Resource.CUSTOMER, Action.REVEAL)
    assert not leaving.me().can(Resource.CUSTOMER, Action.EXPORT)

    with prompts.scripted(False, True) as asked:
        wizard.reject()  # "no": the wizard stays, still frozen
        assert wizard.isVisible()
        wizard.reject()
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10_000)
    assert "Cancel the departure of 张伟 (zhangwei)?" in asked[0].text
    assert leaving.me().can(Resource.CUSTOMER, Action.REVEAL)
    assert {d.username: d.state for d in admin.departures.history()}["zhangwei"] == "cancelled"


def test_choosing_another_person_unfreezes_the_first(
        qtbot, make_wizard, org_vault: OrgVault, admin: CrmSession) -> None:
    wizard = make_wizard(user_id=org_vault.ids["lina"])
    assert wizard.pick_page.chosen_id() == org_vault.ids["lina"]
    press_next(qtbot, wizard, DepartureWizard.HOLDINGS)
    wizard.back()
    to_holdings(qtbot, wizard, org_vault.ids["zhangwei"])
    states = {d.username: d.state for d in admin.departures.history()}
    assert states["lina"] == "cancelled" and states["zhangwei"] == "frozen"


def test_without_a_receiver_next_stays_disabled(
        qtbot, make_wizard, org_vault: OrgVault) -> None:
    ids = org_vault.ids
    wizard = make_wizard()
    to_holdings(qtbot, wizard, ids["zhangwei"])
    press_next(qtbot, wizard, DepartureWizard.RECEIVERS)
    chooser = wizard.receivers_page.chooser
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    receivers = [chooser.list.item(r).text() for r in range(chooser.list.count())]
    assert "张伟 (zhangwei) · 华东 East" not in receivers  # never their own receiver
    assert not next_button.isEnabled()
    assert "Tick at least one person" in chooser.message.text()
    assert not chooser.mode_radios[SplitMode.TIER].isEnabled()  # one receiver: no split

    choose(qtbot, wizard, [ids["wangfang"]], SplitMode.DEPARTMENT)
    assert next_button.isEnabled()
    assert chooser.table.item(0, 1).text() == "6"
    chooser.set_checked(ids["wangfang"], False)
    assert not next_button.isEnabled()
    assert chooser.table.rowCount() == 0


def test_a_running_departure_refuses_to_close(
        qtbot, make_wizard, org_vault: OrgVault) -> None:
    ids = org_vault.ids
    wizard = make_wizard(user_id=ids["zhangwei"])
    press_next(qtbot, wizard, DepartureWizard.HOLDINGS)
    press_next(qtbot, wizard, DepartureWizard.RECEIVERS)
    choose(qtbot, wizard, [ids["lina"]], SplitMode.DEPARTMENT)
    press_next(qtbot, wizard, DepartureWizard.CONFIRM)
    wizard.confirm_page.understood_check.setChecked(True)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.running  # its answer cannot arrive before this returns to the event loop
    wizard.reject()
    assert wizard.isVisible()
    assert "cannot be interrupted" in wizard.run_page.step.text()
    qtbot.waitUntil(lambda: wizard.run_page.state == RunPage.DONE, timeout=30_000)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_refused_run_changes_nothing_and_offers_to_cancel(
        qtbot, make_wizard, org_vault: OrgVault, admin: CrmSession, open_session) -> None:
    ids = org_vault.ids
    wizard = make_wizard(user_id=ids["zhangwei"])
    press_next(qtbot, wizard, DepartureWizard.HOLDINGS)
    press_next(qtbot, wizard, DepartureWizard.RECEIVERS)
    choose(qtbot, wizard, [ids["wangfang"]], SplitMode.DEPARTMENT)
    press_next(qtbot, wizard, DepartureWizard.CONFIRM)
    admin.users.set_status(ids["wangfang"], UserStatus.SUSPENDED)  # meanwhile, elsewhere
    wizard.confirm_page.understood_check.setChecked(True)
    press_next(qtbot, wizard, DepartureWizard.RUN)
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.state == RunPage.FAILED_BEFORE, timeout=30_000)

    assert "is not active" in run.step.text()
    assert "Nothing was changed" in run.result.text()
    assert run.retry_button.isVisible() and run.cancel_button.isVisible()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert set(owners(admin).values()) >= {ids["zhangwei"]}
    with prompts.scripted(True):
        run.cancel_button.click()
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10_000)
    assert open_session("zhangwei").me().can(Resource.CUSTOMER, Action.REVEAL)
