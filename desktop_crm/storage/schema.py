"""Bring a vault's database schema up to date."""

from __future__ import annotations

from sqlalchemy import Engine

from desktop_crm.storage.models import Base


def upgrade(engine: Engine) -> None:
    """Create or migrate every table of the data model in this database."""
    Base.metadata.create_all(engine)
