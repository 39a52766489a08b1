"""The admin's Users tab: everyone with their department, superior, roles, status, last
sign-in and remembered devices; new user, edit, suspend or reactivate, reset a password.

"Departure..." only asks for the departure wizard (`departure_requested`); the Admin page
connects it. One-time passwords are shown once, in a dialog that forgets them when closed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.enums import UserStatus
from desktop_crm.services.actor import Actor
from desktop_crm.services.org_views import UserListRow, UserView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.admin.user_dialogs import (
    OneTimePasswordDialog,
    UserChoices,
    UserDialog,
    UserForm,
)
from desktop_crm.ui.admin.users_model import UsersFilterModel, UsersTableModel
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import QuietMessageLabel, list_table

USERS_CHANGED = OpChanges(frozenset({"user"}))
REFRESHED_BY = ("user", "department", "role")

# The users service's refusals this page may show, marked for the catalogue.
_SERVICE_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "a user cannot report to themselves or to someone who reports to them"),
    QT_TRANSLATE_NOOP("ServiceMessages", "this person has departed and cannot be a superior"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "this user has departed; their record can no longer be changed"),
    QT_TRANSLATE_NOOP("ServiceMessages", "change your own password instead of resetting it"),
    QT_TRANSLATE_NOOP("ServiceMessages", "the vault must keep at least one active administrator"),
    QT_TRANSLATE_NOOP("ServiceMessages", "you cannot suspend yourself"),
    QT_TRANSLATE_NOOP("ServiceMessages", "no such department"),
    QT_TRANSLATE_NOOP("ServiceMessages", "no such active user"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "this user has departed; their access cannot be restored"),
)


class UsersPage(QWidget):
    departure_requested = Signal(str)  # user id

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersPage")
        self._session = session
        self._ops = ops
        self._actor = actor
        self.loading = False
        self.user_dialog: UserDialog | None = None
        self.password_dialog: OneTimePasswordDialog | None = None
        self._mirrors: list[tuple[QPushButton, QAction]] = []
        self._select_after_load: str | None = None
        self._sized = False
        self.model = UsersTableModel(self)
        self.proxy = UsersFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("userFilterEdit")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, department, role…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.departed_check = QCheckBox(self.tr("Show departed"), self)
        self.departed_check.setObjectName("showDepartedCheck")
        self.departed_check.toggled.connect(lambda _on: self.reload())
        self.table = self._build_table()
        self.message = QuietMessageLabel("usersMessage", self)

        self.new_button = self._button("newUserButton", self.tr("New user…"), self.new_user)
        self.edit_button = self._button("editUserButton", self.tr("Edit…"), self.edit_user)
        self.status_button = self._button("suspendUserButton", self.tr("Suspend…"),
                                          self.toggle_suspension)
        self.reset_button = self._button("resetPasswordButton", self.tr("Reset password…"),
                                         self.reset_password)
        self.departure_button = self._button("startDepartureButton", self.tr("Departure…"),
                                             self._request_departure)
        self.new_button.setShortcut(QKeySequence.StandardKey.New)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.departed_check)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.status_button,
                       self.reset_button, self.departure_button):
            actions.addWidget(button)
            self.table.addAction(self._menu_action(button))
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._update_buttons()
        ops.changes_did_happen.connect(self._on_changes)
        self.reload()

    # --- building ----------------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = list_table(self, self.proxy, "userTable")
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().setStretchLastSection(True)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        table.doubleClicked.connect(lambda _index: self.edit_user())
        return table

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _menu_action(self, button: QPushButton) -> QAction:
        """The table's context menu offers what the buttons do (kept in step with them)."""
        action = QAction(button.text(), self.table)
        action.triggered.connect(button.click)
        self._mirrors.append((button, action))
        return action

    # --- reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loading = True
        users, departed = self._session.users, self.departed_check.isChecked()
        self._ops.run(lambda: users.overview(include_departed=departed),
                      on_success=self._show_rows, on_failure=self._show_load_error,
                      lane=Lane.READ, context=self)

    def _show_rows(self, rows: list[UserListRow]) -> None:
        chosen = self.selected_user()
        wanted = self._select_after_load or (chosen.id if chosen is not None else None)
        self._select_after_load = None
        first = self._sized is False
        self.model.set_rows(rows)
        self.loading = False
        if first and rows:
            # a few hundred people at most: fit the columns to them once, then leave the
            # widths to the admin
            self.table.resizeColumnsToContents()
            self._sized = True
        if wanted is not None:
            self.select_user(wanted)
        self._update_buttons()

    def _show_load_error(self, error: Exception) -> None:
        self.loading = False
        self.message.show_error(error_text(error))

    def _on_changes(self, changes: OpChanges) -> None:
        if changes.origin is not self and any(changes.touches(e) for e in REFRESHED_BY):
            self.reload()

    # --- selection -----------------------------------------------------------------------------

    def selected_row(self) -> UserListRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def selected_user(self) -> UserView | None:
        row = self.selected_row()
        return row.user if row is not None else None

    def select_user(self, user_id: str) -> bool:
        source = self.model.row_of(user_id)
        if source < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        return True

    def _update_buttons(self) -> None:
        user = self.selected_user()
        live = user is not None and user.status != UserStatus.DEPARTED
        other = live and user is not None and user.id != self._actor.user_id
        self.edit_button.setEnabled(live)
        self.reset_button.setEnabled(other)
        self.departure_button.setEnabled(other)
        self.status_button.setEnabled(other)
        suspended = user is not None and user.status == UserStatus.SUSPENDED
        self.status_button.setText(self.tr("Reactivate…") if suspended else self.tr("Suspend…"))
        for button, action in self._mirrors:
            action.setText(button.text())
            action.setEnabled(button.isEnabled())

    # --- new and edit --------------------------------------------------------------------------

    def new_user(self) -> None:
        self._with_choices(None)

    def edit_user(self) -> None:
        user = self.selected_user()
        if user is not None and user.status != UserStatus.DEPARTED:
            self._with_choices(user)

    def _with_choices(self, user: UserView | None) -> None:
        if self.user_dialog is not None:
            return
        session = self._session
        superiors = [(r.user.id, _person(r.user)) for r in self.model_rows()
                     if r.user.status != UserStatus.DEPARTED]

        def read() -> UserChoices:
            return UserChoices(session.users.role_choices(), session.departments.tree(),
                               superiors)

        self._ops.run(read, on_success=lambda choices: self._open_dialog(choices, user),
                      on_failure=self._show_load_error, lane=Lane.READ, context=self)

    def model_rows(self) -> list[UserListRow]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def _open_dialog(self, choices: UserChoices, user: UserView | None) -> None:
        dialog = UserDialog(choices, user, self)
        dialog.submitted.connect(lambda form: self._save(dialog, form))
        dialog.finished.connect(lambda _result: self._forget_user_dialog(dialog))
        self.user_dialog = dialog
        dialog.open()

    def _forget_user_dialog(self, dialog: UserDialog) -> None:
        if self.user_dialog is dialog:
            self.user_dialog = None
        dialog.deleteLater()

    def _save(self, dialog: UserDialog, form: UserForm) -> None:
        users, original = self._session.users, dialog.user
        if original is None:
            def create() -> tuple[UserView, str]:
                return users.create(form.username, form.display_name, roles=list(form.roles),
                                    department_id=form.department_id or None,
                                    superior_id=form.superior_id or None)

            self._ops.run(create, on_success=lambda made: self._created(dialog, *made),
                          on_failure=dialog.show_error, changes=self._changes(), context=dialog)
            return

        def update() -> UserView:
            view = users.update(original.id, display_name=form.display_name,
                                department_id=form.department_id, superior_id=form.superior_id)
            if set(form.roles) != set(original.roles):
                view = users.set_roles(original.id, list(form.roles))
            return view

        self._ops.run(update, on_success=lambda view: self._saved(dialog, view),
                      on_failure=dialog.show_error, changes=self._changes(), context=dialog)

    def _created(self, dialog: UserDialog, user: UserView, password: str) -> None:
        dialog.accept()
        self.message.show_progress(self.tr("User %1 created.").replace("%1", user.username))
        self._show_password(
            self.tr("New user"),
            self.tr("%1 can sign in once with this password, then chooses their own.")
            .replace("%1", user.username), password)
        self._select_after_load = user.id
        self.reload()

    def _saved(self, dialog: UserDialog, user: UserView) -> None:
        dialog.accept()
        self.message.show_progress(self.tr("User %1 saved.").replace("%1", user.username))
        self.reload()

    # --- suspend, reset, departure -----------------------------------------------------------

    def toggle_suspension(self) -> None:
        user = self.selected_user()
        if user is None or user.status == UserStatus.DEPARTED:
            return
        suspend = user.status == UserStatus.ACTIVE
        if suspend:
            asked = prompts.confirm(self, self.tr("Suspend user"), self.tr(
                "Suspend %1? They cannot sign in until an administrator reactivates them; "
                "their customers stay as they are.").replace("%1", _person(user)))
        else:
            asked = prompts.confirm(self, self.tr("Reactivate user"), self.tr(
                "Reactivate %1? They can sign in again with their password.")
                .replace("%1", _person(user)))
        if not asked:
            return
        status = UserStatus.SUSPENDED if suspend else UserStatus.ACTIVE
        users = self._session.users
        done = self.tr("%1 suspended.") if suspend else self.tr("%1 reactivated.")
        self._ops.run(lambda: users.set_status(user.id, status),
                      on_success=lambda view: self._status_changed(done, view),
                      on_failure=self._show_error, changes=self._changes(), context=self)

    def _status_changed(self, done: str, user: UserView) -> None:
        self.message.show_progress(done.replace("%1", _person(user)))
        self.reload()

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None or user.id == self._actor.user_id:
            return
        if not prompts.confirm(self, self.tr("Reset password"), self.tr(
                "Reset the password of %1? Their current password and every computer that "
                "remembers them stop working at once; you will see a new one-time password "
                "to hand over.").replace("%1", _person(user))):
            return
        users = self._session.users
        self._ops.run(lambda: users.reset_password(user.id),
                      on_success=lambda password: self._password_reset(user, password),
                      on_failure=self._show_error, changes=self._changes(), context=self)

    def _password_reset(self, user: UserView, password: str) -> None:
        self.message.show_progress(
            self.tr("The password of %1 was reset.").replace("%1", user.username))
        self._show_password(
            self.tr("Password reset"),
            self.tr("%1 can sign in once with this password, then chooses their own.")
            .replace("%1", user.username), password)
        self.reload()

    def _request_departure(self) -> None:
        user = self.selected_user()
        if user is not None and user.status != UserStatus.DEPARTED:
            self.departure_requested.emit(user.id)

    # --- helpers -------------------------------------------------------------------------------

    def _show_password(self, title: str, intro: str, password: str) -> None:
        dialog = OneTimePasswordDialog(title, intro, password, self)
        dialog.finished.connect(lambda _result: self._forget_password_dialog(dialog))
        self.password_dialog = dialog
        dialog.open()

    def _forget_password_dialog(self, dialog: OneTimePasswordDialog) -> None:
        if self.password_dialog is dialog:
            self.password_dialog = None
        dialog.deleteLater()

    def _show_error(self, error: Exception) -> None:
        self.message.show_error(error_text(error))

    def _changes(self) -> OpChanges:
        return OpChanges(USERS_CHANGED.entities, origin=self)


def _person(user: UserView) -> str:
    if user.display_name and user.display_name != user.username:
        return f"{user.display_name} ({user.username})"
    return user.username
