"""Validation of customer input: every field checked, the whole input refused on the first error."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import CustomerKind, LifecycleStage, Tier
from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.customer_views import EDITABLE_FIELDS, FieldView


def validate_customer(
    data: Mapping[str, Any], *, today: date, partial: bool, country: str = ""
) -> dict[str, Any]:
    """Normalised values for the fields given (all required ones when not `partial`)."""
    unknown = set(data) - set(EDITABLE_FIELDS) - {"owner_id"}
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(name, "is not a customer field")
    if not partial and "name" not in data:
        raise ValidationError("name", "must not be empty")

    region = v.country_code("country", data.get("country", country)) or "CN"
    out: dict[str, Any] = {}
    for name, value in data.items():
        match name:
            case "owner_id":
                continue
            case "kind":
                out[name] = v.enum_value(name, value, CustomerKind).value
            case "name":
                out[name] = v.required_text(name, value, max_length=200)
            case "company" | "title" | "city" | "region" | "source":
                out[name] = v.optional_text(name, value, max_length=200)
            case "address":
                out[name] = v.optional_text(name, value, max_length=500)
            case "notes":
                out[name] = v.optional_text(name, value, max_length=20_000)
            case "phones":
                out[name] = v.phones(name, _as_list(name, value), default_region=region)
            case "emails":
                out[name] = v.emails(name, _as_list(name, value))
            case "country":
                out[name] = v.country_code(name, value)
            case "birthday":
                out[name] = v.past_date(name, value, today=today)
            case "lifecycle_stage":
                out[name] = v.enum_value(name, value, LifecycleStage).value
            case "tier":
                tier = v.optional_enum(name, value, Tier)
                out[name] = tier.value if tier else None
            case "tags":
                out[name] = v.tags(name, _as_list(name, value))
            case "referred_by":
                out[name] = (value or None) and v.required_text(name, value, max_length=36)
            case "custom_fields":
                if not isinstance(value, Mapping):
                    raise ValidationError(name, "must be a set of named values")
                out[name] = dict(value)
    return out


def _as_list(field: str, value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in value.replace(";", ",").split(",")]
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    raise ValidationError(field, "must be a list")


def refuse_locked_fields(values: Mapping[str, Any], view: FieldView, *, creating: bool) -> None:
    """A hidden or read-only field may not be set (a new record may leave it empty)."""
    for name, value in values.items():
        locked = name in view.hidden or name in view.readonly
        if locked and (value or not creating):
            raise ValidationError(name, "your role may not change this field")


def record_id(value: object) -> str:
    """A client-made record id, checked as a UUID and written in its canonical text form."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise ValidationError("id", f"“{value}” is not a record id (UUID)") from None
