"""The composition root: one entry point for the GUI and the CLI.

`desktop-crm` with no arguments (or only `--vault DIR`) opens the window; anything else is a
command-line call. Before any Qt widget module is imported, the app checks that Qt can start
here and, if not, says why in one sentence instead of letting Qt abort.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt is imported only once the GUI is known to be able to start
    from desktop_crm.ui.backend import Backend

PROGRAM = "desktop-crm"
# The desktop app's page cache per read connection: enough for the pages a screen of the list
# and a search touch, small enough that the window stays within its memory goal.
DESKTOP_READ_CACHE_KIB = 4 * 1024


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    gui = gui_arguments(args)
    if gui is None:
        return run_cli(args)
    # The services (SQLAlchemy and all) before Qt: once PySide6 is imported, its __feature__
    # import hook reads the source of every module imported after it (~20 MiB of text).
    backend = build_backend()
    from desktop_crm.ui.preflight import gui_problem

    problem = gui_problem()
    if problem is not None:
        print(f"{PROGRAM}: {problem}", file=sys.stderr)
        return 1
    from desktop_crm.ui.application import run_gui

    return run_gui(backend, gui.vault)


class GuiArguments:
    def __init__(self, vault: str | None) -> None:
        self.vault = vault


def gui_arguments(args: Sequence[str]) -> GuiArguments | None:
    """`[]`, `--vault DIR` or `--vault=DIR` open the GUI; None means the CLI should answer."""
    if not args:
        return GuiArguments(None)
    if len(args) == 2 and args[0] == "--vault" and args[1]:
        return GuiArguments(args[1])
    if len(args) == 1 and args[0].startswith("--vault=") and len(args[0]) > len("--vault="):
        return GuiArguments(args[0].removeprefix("--vault="))
    return None


def run_cli(args: list[str]) -> int:
    # Imported here so the window opens even in a build without the CLI's dependencies.
    from desktop_crm.cli import main as cli_main

    return cli_main(args)


def build_backend() -> Backend:
    """Wire the services the GUI uses, once."""
    from desktop_crm.security.keyring_store import DeviceKeyring
    from desktop_crm.services.session import (
        CrmSession,
        device_remembers,
        sign_in,
        sign_in_remembered,
    )
    from desktop_crm.services.setup import initialize_vault
    from desktop_crm.storage.engine import limit_read_cache
    from desktop_crm.storage.vault import Vault
    from desktop_crm.ui.backend import Backend

    limit_read_cache(DESKTOP_READ_CACHE_KIB)
    keyring = DeviceKeyring()

    def create(directory: Path, username: str, password: str, display_name: str) -> str:
        return initialize_vault(directory, admin_username=username, admin_password=password,
                                admin_display_name=display_name)

    def remember(session: CrmSession) -> None:
        session.remember_device(keyring)

    return Backend(
        vault_exists=Vault.exists,
        initialize_vault=create,
        sign_in=lambda directory, username, password: sign_in(directory, username, password),
        # Asking the system keyring can take a moment over D-Bus: ask once per run.
        keyring_status=functools.cache(keyring.status),
        remember_device=remember,
        device_remembers=lambda directory, username: device_remembers(
            directory, username, keyring),
        sign_in_remembered=lambda directory, username: sign_in_remembered(
            directory, username, keyring),
        forget_device=lambda session: session.forget_device(keyring),
    )
