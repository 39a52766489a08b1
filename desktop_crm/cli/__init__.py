"""The command-line interface: `desktop-crm COMMAND ...` (see DESIGN.md "The CLI contract")."""

from desktop_crm.cli.runner import main

__all__ = ["main"]
