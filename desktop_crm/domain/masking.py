"""How masked values look: phones keep 3 + 4 digits, emails 2 characters and the domain."""

from __future__ import annotations

from desktop_crm.domain.enums import MaskMode


def mask_phone(value: str) -> str:
    digits = value.lstrip("+")
    if value.startswith("+86") and len(value) == 14:  # China mobile: 138****5678
        digits = value[3:]
    if len(digits) <= 7:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"


def mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return f"{local[:2]}***@{domain}"


MASKERS = {"phones": mask_phone, "emails": mask_email}


def mask_value(field: str, value: object) -> object:
    """The masked form of a field's value (lists masked item by item)."""
    masker = MASKERS.get(field)
    if masker is None:
        return "***" if value else value
    if isinstance(value, list):
        return [masker(v) for v in value]
    return masker(str(value)) if value else value


def masked_in(mode: MaskMode, *, in_list: bool) -> bool:
    """Whether a field with this mask mode shows masked in a list or in a record view."""
    if mode is MaskMode.EVERYWHERE:
        return True
    return mode is MaskMode.LIST_ONLY and in_list
