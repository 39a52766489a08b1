"""Where the CLI gets passwords: the environment, else a prompt. Never an argument.

On a terminal the prompt does not echo (getpass); otherwise one line of standard input is one
password, so scripts can pipe it in. Tests answer through the environment or standard input.
"""

from __future__ import annotations

import getpass
import os
import sys

from desktop_crm.domain.errors import ValidationError

PASSWORD_ENV = "DESKTOP_CRM_PASSWORD"
NEW_PASSWORD_ENV = "DESKTOP_CRM_NEW_PASSWORD"
DEMO_PASSWORD_ENV = "DESKTOP_CRM_DEMO_PASSWORD"
USER_ENV = "DESKTOP_CRM_USER"


def read_password(label: str, *, env: str, confirm: bool = False) -> str:
    """The password from `env`, else asked for; `confirm` asks twice on a terminal."""
    value = os.environ.get(env)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return _ask_on_terminal(label, env=env, confirm=confirm)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    password = line.rstrip("\r\n")
    if not password:
        raise ValidationError(
            "password", f"none given: set {env} or type it on standard input")
    return password


def _ask_on_terminal(label: str, *, env: str, confirm: bool) -> str:
    try:
        first = getpass.getpass(f"{label}: ")
        if not first:
            raise ValidationError("password", f"none given (or set {env})")
        if confirm and getpass.getpass(f"{label} (again): ") != first:
            raise ValidationError("password", "the two entries differ")
    except EOFError:
        raise ValidationError("password", f"none given (or set {env})") from None
    return first
