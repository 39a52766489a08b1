"""The language of texts the services write for people (a return visit's title)."""

from __future__ import annotations

from desktop_crm.ui.i18n import installed_language


def generated_language() -> str:
    """"zh" when the interface speaks Chinese, else "en"."""
    return "zh" if installed_language().startswith("zh") else "en"
