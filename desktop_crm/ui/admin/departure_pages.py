"""The departure wizard's pages before the run: who leaves, what they hold, and the last
look before it cannot be undone (who receives it: departure_receivers.py).

The pages share one `DepartureDraft` that the wizard owns; every service call goes through
`Operations` (the freeze on the write lane).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_crm.domain.departure_split import SplitMode
from desktop_crm.domain.enums import UserStatus
from desktop_crm.services.departure import Inventory
from desktop_crm.services.departure_moves import Holdings
from desktop_crm.services.org_views import UserView
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.labels import tier_label
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import MessageLabel

FREEZE_CHANGES = frozenset({"departure", "user", "audit"})
TIER_ORDER = ("high_value", "potential", "dormant", "")


@dataclass
class DepartureDraft:
    """What the pages decided so far (the wizard owns it; the pages read and fill it)."""

    users: list[UserView] = field(default_factory=list)  # everyone not departed
    departments: dict[str, str] = field(default_factory=dict)  # id -> name
    loaded: bool = False
    leaving: UserView | None = None
    frozen_for: str | None = None  # the user this wizard froze (cancelled when backing out)
    holdings: Holdings | None = None
    receiver_ids: list[str] = field(default_factory=list)
    mode: SplitMode = SplitMode.DEPARTMENT
    counts: dict[str, int] = field(default_factory=dict)  # receiver id -> customers

    def user(self, user_id: str) -> UserView | None:
        return next((u for u in self.users if u.id == user_id), None)

    def person(self, user_id: str) -> str:
        user = self.user(user_id)
        return person_text(user) if user is not None else user_id

    def department(self, department_id: str | None) -> str:
        return self.departments.get(department_id or "", "")


def person_text(user: UserView) -> str:
    """张伟 (zhangwei): the name people know, with the sign-in name that tells two apart."""
    if user.display_name and user.display_name != user.username:
        return f"{user.display_name} ({user.username})"
    return user.username


def user_line(user: UserView, departments: Mapping[str, str], suspended: str) -> str:
    parts = [person_text(user)]
    if user.department_id in departments:
        parts.append(departments[user.department_id or ""])
    if user.status == UserStatus.SUSPENDED:
        parts.append(suspended)
    return " · ".join(parts)


def filter_list(widget: QListWidget, text: str) -> None:
    wanted = text.strip().casefold()
    for row in range(widget.count()):
        item = widget.item(row)
        item.setHidden(bool(wanted) and wanted not in item.text().casefold())


def note_label(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


# --- a) who leaves --------------------------------------------------------------------------


class PickUserPage(QWizardPage):
    """The departing user; Next freezes their reveals and exports (the write lane)."""

    def __init__(self, draft: DepartureDraft, ops: Operations, freeze: Callable[[str, str | None],
                 Inventory], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickUserPage")
        self._draft = draft
        self._ops = ops
        self._freeze = freeze
        self._busy = False
        self.preselect: str | None = None
        self.setTitle(self.tr("Who is leaving?"))
        self.setSubTitle(self.tr(
            "Pick the person who leaves. As soon as you go on, they can no longer export or "
            "reveal masked values; their customers stay with the company."))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("departingUserFilter")
        self.filter_edit.setPlaceholderText(self.tr("Search by name, sign-in name or department…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.user_list = QListWidget(self)
        self.user_list.setObjectName("departingUserList")
        self.user_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.message = MessageLabel("pickUserMessage", self)
        self.filter_edit.textChanged.connect(lambda text: filter_list(self.user_list, text))
        self.user_list.itemSelectionChanged.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.user_list, 1)
        layout.addWidget(self.message)

    def show_users(self, actor_id: str) -> None:
        """Fill the list once the wizard has read the users (everyone but the admin)."""
        self.user_list.clear()
        suspended = self.tr("suspended")
        for user in self._draft.users:
            if user.id == actor_id or user.status == UserStatus.DEPARTED:
                continue
            item = QListWidgetItem(user_line(user, self._draft.departments, suspended))
            item.setData(Qt.ItemDataRole.UserRole, user.id)
            self.user_list.addItem(item)
        if self.user_list.count() == 0:
            self.message.show_progress(self.tr("There is nobody else who could leave."))
        if self.preselect is not None:
            self.select_user(self.preselect)

    def select_user(self, user_id: str) -> bool:
        for row in range(self.user_list.count()):
            item = self.user_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == user_id:
                self.user_list.setCurrentItem(item)
                self.user_list.scrollToItem(item)
                return True
        return False

    def chosen_id(self) -> str | None:
        items = self.user_list.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _selection_changed(self) -> None:
        self.message.clear_message()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._busy and self.chosen_id() is not None

    def validatePage(self) -> bool:
        chosen = self.chosen_id()
        if chosen is None or self._busy:
            return False
        if self._draft.frozen_for == chosen and self._draft.holdings is not None:
            return True
        user = self._draft.user(chosen)
        if user is None:
            return False
        previous = self._draft.frozen_for
        freeze = self._freeze
        self._set_busy(True)
        self.message.show_progress(self.tr("Freezing exports and reveals for %1…")
                                   .replace("%1", person_text(user)))
        self._ops.run(lambda: freeze(chosen, previous),
                      on_success=lambda inventory: self._frozen(user, inventory),
                      on_failure=self._failed, lane=Lane.WRITE,
                      changes=OpChanges(FREEZE_CHANGES, origin=self), context=self)
        return False  # the wizard moves on once the freeze is saved

    def _frozen(self, user: UserView, inventory: Inventory) -> None:
        self._draft.leaving = user
        self._draft.frozen_for = user.id
        self._draft.holdings = inventory.holdings
        self._draft.receiver_ids = []
        self._draft.counts = {}
        self._set_busy(False)
        self.message.show_progress(self.tr("Exports and reveals for %1 are now frozen.")
                                   .replace("%1", person_text(user)))
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.message.show_error(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.user_list.setEnabled(not busy)
        self.filter_edit.setEnabled(not busy)
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)

    @property
    def busy(self) -> bool:
        return self._busy


# --- b) what they hold ------------------------------------------------------------------------


class HoldingsPage(QWizardPage):
    def __init__(self, draft: DepartureDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holdingsPage")
        self._draft = draft
        self.setTitle(self.tr("What they hold"))
        self.frozen_notice = note_label("", self, "frozenNotice")
        self.frozen_notice.setStyleSheet("font-weight: bold;")
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (
            ("customers", self.tr("Customers:")),
            ("by_tier", self.tr("By tier:")),
            ("by_department", self.tr("By department:")),
            ("reminders", self.tr("Open reminders:")),
            ("complaints", self.tr("Open complaints:")),
            ("contracts", self.tr("Contracts and payment plans:")),
            ("grants", self.tr("Collaborator grants:")),
            ("reports", self.tr("Direct reports:")),
        )
        for key, caption in rows:
            value = note_label("", self, f"holdings_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(caption, value)
        self.nothing_note = note_label(self.tr(
            "They hold no customers and no open work: the departure only ends their access."),
            self, "holdingsNothing")
        layout = QVBoxLayout(self)
        layout.addWidget(self.frozen_notice)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.nothing_note)
        layout.addStretch(1)

    def initializePage(self) -> None:
        draft, held = self._draft, self._draft.holdings
        if draft.leaving is None or held is None:
            return
        name = person_text(draft.leaving)
        self.setSubTitle(self.tr("Everything %1 holds, as it is now.").replace("%1", name))
        self.frozen_notice.setText(self.tr(
            "Exports and reveals for %1 are frozen from now on. Cancel this wizard to give "
            "them back.").replace("%1", name))
        no_tier, no_department = self.tr("No tier"), self.tr("No department")
        tiers = sorted(held.customers_by_tier.items(),
                       key=lambda kv: TIER_ORDER.index(kv[0]) if kv[0] in TIER_ORDER else 9)
        departments = sorted(held.customers_by_department.items(),
                             key=lambda kv: (-kv[1], draft.department(kv[0])))
        v = self.values
        v["customers"].setText(str(held.customers))
        v["by_tier"].setText(_breakdown(
            (tier_label(t) or no_tier, n) for t, n in tiers) or "—")
        v["by_department"].setText(_breakdown(
            (draft.department(d) or no_department, n) for d, n in departments) or "—")
        follow = self.tr("%1 (they follow their customer to the new owner)")
        v["reminders"].setText(_counted(held.open_reminders, follow))
        v["complaints"].setText(_counted(held.open_complaints, follow))
        v["contracts"].setText(_counted(held.contracts + held.payment_plans, self.tr(
            "%1 contracts, %2 payment plans (they stay with their customer)")
            .replace("%2", str(held.payment_plans)), shown=held.contracts))
        v["grants"].setText(_counted(held.collaborator_grants, self.tr(
            "%1 (they end: shared records go back to their owners)")))
        v["reports"].setText(_counted(held.direct_reports, self.tr(
            "%1 (they will report to the first receiver)")))
        self.nothing_note.setVisible(not held.anything)


def _counted(count: int, template: str, *, shown: int | None = None) -> str:
    """"0" alone; otherwise the count with what happens to them."""
    if not count:
        return "0"
    return template.replace("%1", str(count if shown is None else shown))


def _breakdown(parts: Iterable[tuple[str, int]]) -> str:
    return "\n".join(f"{label}: {count}" for label, count in parts)


# --- d) the last look -------------------------------------------------------------------------


class ConfirmPage(QWizardPage):
    def __init__(self, draft: DepartureDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmPage")
        self._draft = draft
        self.setTitle(self.tr("Confirm the departure"))
        self.setSubTitle(self.tr("Read what will happen. It runs as one step and cannot be "
                                 "undone."))
        self.setCommitPage(True)
        self.summary = note_label("", self, "confirmSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.understood_check = QCheckBox(self.tr("I understand this cannot be undone"), self)
        self.understood_check.setObjectName("understoodCheck")
        self.understood_check.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.understood_check)

    def initializePage(self) -> None:
        self.understood_check.setChecked(False)
        draft = self._draft
        if draft.leaving is None or draft.holdings is None:
            return
        name = person_text(draft.leaving)
        lines = [
            self.tr("• %1's access ends on every device: their password, key and every "
                    "computer that remembers them stop working.").replace("%1", name),
            self.tr("• The vault's data key is rotated, so no copy of the old key opens it."),
        ]
        total = sum(draft.counts.values())
        if total:
            lines.append(self.tr("• %n customer(s) change owner:", "", total))
            for user_id in draft.receiver_ids:
                lines.append("    " + self.tr("%1: %2").replace("%1", draft.person(user_id))
                             .replace("%2", str(draft.counts.get(user_id, 0))))
        else:
            lines.append(self.tr("• They own no customers."))
        held, first = draft.holdings, draft.person(draft.receiver_ids[0])
        if held.open_reminders or held.open_complaints:
            lines.append(self.tr("• Open reminders and complaints follow their customer; any "
                                 "others go to %1.").replace("%1", first))
        if held.direct_reports:
            lines.append(self.tr("• %n direct report(s) will report to %1.", "",
                                 held.direct_reports).replace("%1", first))
        if held.collaborator_grants:
            lines.append(self.tr("• %n collaborator grant(s) end.", "",
                                 held.collaborator_grants))
        lines.append(self.tr("• An alert tells every administrator, and the audit log keeps "
                             "the record."))
        self.summary.setText("\n".join(lines))

    def isComplete(self) -> bool:
        return self.understood_check.isChecked()
