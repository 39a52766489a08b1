"""What every command receives: its arguments, the output, and a way to sign in."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from desktop_crm.cli.output import Output
from desktop_crm.cli.prompts import PASSWORD_ENV, USER_ENV, read_password
from desktop_crm.domain.clock import Clock, SystemClock
from desktop_crm.domain.errors import CrmError, VaultNotFound
from desktop_crm.services.session import CrmSession, sign_in

APP_NAME = "desktop-crm"


class UsageError(CrmError):
    """The command line itself is wrong (exit 2, like argparse)."""

    exit_code = 2


def default_vault_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


@dataclass
class CliContext:
    args: argparse.Namespace
    out: Output
    clock: Clock = field(default_factory=SystemClock)
    password: str = ""  # the signed-in user's, kept for `user passwd` only

    @property
    def vault_dir(self) -> Path:
        return Path(self.args.vault) if self.args.vault else default_vault_dir()

    def username(self) -> str:
        name = self.args.user or os.environ.get(USER_ENV, "")
        if not name.strip():
            raise UsageError(f"say who you are: --user NAME (or set {USER_ENV})")
        return name.strip()

    @contextmanager
    def signed_in(self, *, own_password_required: bool = True) -> Iterator[CrmSession]:
        """A session for --user, locked again when the command ends.

        Until a one-time password is replaced, every command but `user passwd` is refused.
        """
        username = self.username()
        self.password = read_password(f"Password for {username}", env=PASSWORD_ENV)
        try:
            session = sign_in(self.vault_dir, username, self.password, clock=self.clock)
        except VaultNotFound:
            raise VaultNotFound(
                f"no vault in {self.vault_dir}: create one with `desktop-crm init` or "
                "point --vault at one") from None
        try:
            if own_password_required:
                session.require_own_password()
            yield session
        finally:
            session.lock()
