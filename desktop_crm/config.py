"""Settings declared once: key, type, default and title, apart from window state.

No Qt here: the GUI stores these through QSettings (desktop_crm/ui/settings.py), the CLI reads
only what it needs. Never a secret in a setting.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "desktop-crm"
ORGANIZATION_NAME = "desktop-crm"
LANGUAGE_ENV = "DESKTOP_CRM_LANG"
CHINESE = "zh_CN"
ENGLISH = "en"


@dataclass(frozen=True)
class Setting:
    """One user preference: where it is stored, its type, its default and what it means."""

    key: str
    kind: type
    default: object
    title: str


VAULT_DIR = Setting(
    key="vault/directory",
    kind=str,
    default="",  # empty: the platform's data folder (default_vault_dir)
    title="Vault folder chosen in the set-up wizard",
)

ALL_SETTINGS: tuple[Setting, ...] = (VAULT_DIR,)


def default_vault_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


def resolve_vault_dir(from_command_line: str | None, from_settings: str | None) -> Path:
    """`--vault` wins over the folder the wizard stored, which wins over the platform default."""
    for candidate in (from_command_line, from_settings):
        if candidate:
            return Path(candidate).expanduser()
    return default_vault_dir()


def ui_language(environ: Mapping[str, str] | None = None, system_locale: str = "") -> str:
    """`zh_CN` or `en`: DESKTOP_CRM_LANG first, then the system locale (any Chinese -> zh_CN)."""
    env = os.environ if environ is None else environ
    chosen = env.get(LANGUAGE_ENV, "").strip()
    if chosen:
        return CHINESE if chosen.lower().replace("-", "_").startswith("zh") else ENGLISH
    return CHINESE if system_locale.lower().startswith("zh") else ENGLISH
