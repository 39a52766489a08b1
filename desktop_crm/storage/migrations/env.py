"""Alembic environment: migrations run on the connection `schema.upgrade` hands over.

No alembic.ini and no logging set-up here: the application owns logging, and a vault's
database exists only behind its key, so there is no URL to build an engine from.
"""

from __future__ import annotations

from alembic import context

from desktop_crm.storage.models import Base
from desktop_crm.storage.search import is_search_index_table

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run only through desktop_crm.storage.schema on an open vault")


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # The FTS5 table and its shadow tables are written by hand, not from the models.
    return not (type_ == "table" and name is not None and is_search_index_table(name))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    # SQLite alters tables by copying them; batch mode is how later revisions do that
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
