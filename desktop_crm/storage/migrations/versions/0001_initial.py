"""The initial schema: every table of the data model, the customer search index, vault_meta.

Written out as it stood at this revision (on-disk column types, not the application's type
classes), so later changes to the models never change what this revision builds.

Revision ID: 0001_initial
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


# Every synced table carries these; UTC datetimes are sortable ISO text of 26 characters.
def synced_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=26), nullable=False),
        sa.Column("updated_at", sa.String(length=26), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.String(length=26), nullable=True),
    ]


TABLES = (
    "alerts",
    "audit_events",
    "customer_pools",
    "departments",
    "policies",
    "roles",
    "vault_meta",
    "field_policies",
    "pool_rules",
    "role_grants",
    "users",
    "customers",
    "pool_members",
    "record_grants",
    "user_roles",
    "complaints",
    "contracts",
    "interactions",
    "orders",
    "ownership_history",
    "reminders",
    "satisfaction_responses",
    "payment_plans",
    "receipts",
)

# The customer search index: trigram FTS5 over the searchable customer columns (notes are
# left out to keep the vault small), external content, so the text is stored only once.
SEARCH_INDEX_DDL = (
    """
    CREATE VIRTUAL TABLE customer_fts USING fts5(
        name, company, phones, emails, tags, name_pinyin, name_initials,
        content='customers', content_rowid='rowid',
        tokenize='trigram remove_diacritics 1'
    )
    """,
    """
    CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customer_fts(
            rowid, name, company, phones, emails, tags, name_pinyin, name_initials)
        VALUES (
            new.rowid, new.name, new.company, new.phones, new.emails, new.tags,
            new.name_pinyin, new.name_initials);
    END
    """,
    """
    CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
        INSERT INTO customer_fts(
            customer_fts, rowid, name, company, phones, emails, tags, name_pinyin,
            name_initials)
        VALUES (
            'delete', old.rowid, old.name, old.company, old.phones, old.emails, old.tags,
            old.name_pinyin, old.name_initials);
    END
    """,
    """
    CREATE TRIGGER customers_fts_update
    AFTER UPDATE OF name, company, phones, emails, tags, name_pinyin, name_initials
    ON customers BEGIN
        INSERT INTO customer_fts(
            customer_fts, rowid, name, company, phones, emails, tags, name_pinyin,
            name_initials)
        VALUES (
            'delete', old.rowid, old.name, old.company, old.phones, old.emails, old.tags,
            old.name_pinyin, old.name_initials);
        INSERT INTO customer_fts(
            rowid, name, company, phones, emails, tags, name_pinyin, name_initials)
        VALUES (
            new.rowid, new.name, new.company, new.phones, new.emails, new.tags,
            new.name_pinyin, new.name_initials);
    END
    """,
)


def upgrade() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=True),
        sa.Column("audit_seq", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", sa.String(length=26), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_alerts"),
    )
    op.create_index("ix_alerts_at", "alerts", ["at"], unique=False)
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.String(length=26), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_audit_events"),
    )
    op.create_index("ix_audit_events_action", "audit_events", ["action"], unique=False)
    op.create_index("ix_audit_events_actor_id", "audit_events", ["actor_id"], unique=False)
    op.create_table(
        "customer_pools",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        *synced_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_customer_pools"),
    )
    op.create_table(
        "departments",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["departments.id"], name="fk_departments_parent_id_departments"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_departments"),
    )
    op.create_index("ix_departments_parent_id", "departments", ["parent_id"], unique=False)
    op.create_table(
        "policies",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        *synced_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_policies"),
        sa.UniqueConstraint("key", name="uq_policies_key"),
    )
    op.create_table(
        "roles",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        *synced_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_roles"),
        sa.UniqueConstraint("name", name="uq_roles_name"),
    )
    op.create_table(
        "vault_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_vault_meta"),
    )
    op.create_table(
        "field_policies",
        sa.Column("role_id", sa.String(length=36), nullable=False),
        sa.Column("resource", sa.String(length=32), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("access", sa.String(length=16), nullable=False),
        sa.Column("mask", sa.String(length=16), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(["role_id"], ["roles.id"], name="fk_field_policies_role_id_roles"),
        sa.PrimaryKeyConstraint("id", name="pk_field_policies"),
        sa.UniqueConstraint(
            "role_id", "resource", "field", name="uq_field_policies_role_id_resource_field"
        ),
    )
    op.create_index("ix_field_policies_role_id", "field_policies", ["role_id"], unique=False)
    op.create_table(
        "pool_rules",
        sa.Column("pool_id", sa.String(length=36), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=True),
        sa.Column("return_after_days_without_followup", sa.Integer(), nullable=True),
        sa.Column("return_after_days_without_deal", sa.Integer(), nullable=True),
        sa.Column("warn_days_before", sa.Integer(), nullable=False),
        sa.Column("daily_claim_cap", sa.Integer(), nullable=True),
        sa.Column("reclaim_cooldown_days", sa.Integer(), nullable=False),
        sa.Column("ownership_cap", sa.Integer(), nullable=True),
        sa.Column("hidden_fields", sa.Text(), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["pool_id"], ["customer_pools.id"], name="fk_pool_rules_pool_id_customer_pools"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_pool_rules"),
    )
    op.create_index("ix_pool_rules_pool_id", "pool_rules", ["pool_id"], unique=False)
    op.create_table(
        "role_grants",
        sa.Column("role_id", sa.String(length=36), nullable=False),
        sa.Column("resource", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("department_ids", sa.Text(), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(["role_id"], ["roles.id"], name="fk_role_grants_role_id_roles"),
        sa.PrimaryKeyConstraint("id", name="pk_role_grants"),
    )
    op.create_index("ix_role_grants_role_id", "role_grants", ["role_id"], unique=False)
    op.create_table(
        "users",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("username_key", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("department_id", sa.String(length=36), nullable=True),
        sa.Column("superior_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("departed_at", sa.String(length=26), nullable=True),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name="fk_users_department_id_departments"
        ),
        sa.ForeignKeyConstraint(["superior_id"], ["users.id"], name="fk_users_superior_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username_key", name="uq_users_username_key"),
    )
    op.create_index("ix_users_department_id", "users", ["department_id"], unique=False)
    op.create_index("ix_users_superior_id", "users", ["superior_id"], unique=False)
    op.create_table(
        "customers",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("phones", sa.Text(), nullable=False),
        sa.Column("emails", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("referred_by", sa.String(length=36), nullable=True),
        sa.Column("lifecycle_stage", sa.String(length=32), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=True),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("department_id", sa.String(length=36), nullable=True),
        sa.Column("custom_fields", sa.Text(), nullable=False),
        sa.Column("pool_id", sa.String(length=36), nullable=True),
        sa.Column("previous_owner_id", sa.String(length=36), nullable=True),
        sa.Column("claimed_at", sa.String(length=26), nullable=True),
        sa.Column("last_followup_at", sa.String(length=26), nullable=True),
        sa.Column("sort_key", sa.String(length=400), nullable=False),
        sa.Column("name_pinyin", sa.String(length=400), nullable=False),
        sa.Column("name_initials", sa.String(length=100), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name="fk_customers_department_id_departments"
        ),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name="fk_customers_owner_id_users"),
        sa.ForeignKeyConstraint(
            ["pool_id"], ["customer_pools.id"], name="fk_customers_pool_id_customer_pools"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_customers"),
    )
    op.create_index("ix_customers_initials", "customers", ["name_initials"], unique=False)
    op.create_index("ix_customers_name", "customers", ["name"], unique=False)
    op.create_index(
        "ix_customers_owner_sort", "customers", ["owner_id", "sort_key", "id"], unique=False
    )
    op.create_index(
        "ix_customers_owner_updated", "customers", ["owner_id", "updated_at", "id"], unique=False
    )
    op.create_index("ix_customers_pool_id", "customers", ["pool_id"], unique=False)
    op.create_index("ix_customers_sort", "customers", ["sort_key", "id"], unique=False)
    op.create_index("ix_customers_updated", "customers", ["updated_at", "id"], unique=False)
    op.create_table(
        "pool_members",
        sa.Column("pool_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("department_id", sa.String(length=36), nullable=True),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name="fk_pool_members_department_id_departments"
        ),
        sa.ForeignKeyConstraint(
            ["pool_id"], ["customer_pools.id"], name="fk_pool_members_pool_id_customer_pools"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_pool_members_user_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_pool_members"),
    )
    op.create_index("ix_pool_members_pool_id", "pool_members", ["pool_id"], unique=False)
    op.create_table(
        "record_grants",
        sa.Column("resource", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("grantee_id", sa.String(length=36), nullable=False),
        sa.Column("access", sa.String(length=16), nullable=False),
        sa.Column("expires_at", sa.String(length=26), nullable=True),
        sa.Column("granted_by", sa.String(length=36), nullable=True),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["grantee_id"], ["users.id"], name="fk_record_grants_grantee_id_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_record_grants"),
    )
    op.create_index(
        "ix_record_grants_grantee_resource",
        "record_grants",
        ["grantee_id", "resource"],
        unique=False,
    )
    op.create_index("ix_record_grants_record_id", "record_grants", ["record_id"], unique=False)
    op.create_table(
        "user_roles",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("role_id", sa.String(length=36), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(["role_id"], ["roles.id"], name="fk_user_roles_role_id_roles"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_user_roles_user_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_user_roles"),
        sa.UniqueConstraint("user_id", "role_id", name="uq_user_roles_user_id_role_id"),
    )
    op.create_index("ix_user_roles_role_id", "user_roles", ["role_id"], unique=False)
    op.create_index("ix_user_roles_user_id", "user_roles", ["user_id"], unique=False)
    op.create_table(
        "complaints",
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("opened_at", sa.String(length=26), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("assignee_id", sa.String(length=36), nullable=True),
        sa.Column("first_response_at", sa.String(length=26), nullable=True),
        sa.Column("resolved_at", sa.String(length=26), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["assignee_id"], ["users.id"], name="fk_complaints_assignee_id_users"
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name="fk_complaints_customer_id_customers"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_complaints"),
    )
    op.create_index("ix_complaints_assignee_id", "complaints", ["assignee_id"], unique=False)
    op.create_index(
        "ix_complaints_customer_opened", "complaints", ["customer_id", "opened_at"], unique=False
    )
    op.create_index("ix_complaints_opened_at", "complaints", ["opened_at"], unique=False)
    op.create_table(
        "contracts",
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name="fk_contracts_customer_id_customers"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_contracts"),
    )
    op.create_index("ix_contracts_customer_id", "contracts", ["customer_id"], unique=False)
    op.create_index("ix_contracts_end_date", "contracts", ["end_date"], unique=False)
    op.create_table(
        "interactions",
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.String(length=26), nullable=False),
        sa.Column("duration_seconds", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=100), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("special_notes", sa.Text(), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=False),
        sa.Column("next_step_at", sa.String(length=26), nullable=True),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name="fk_interactions_customer_id_customers"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_interactions_user_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_interactions"),
    )
    op.create_index(
        "ix_interactions_customer_started",
        "interactions",
        ["customer_id", "started_at"],
        unique=False,
    )
    op.create_index(
        "ix_interactions_user_started", "interactions", ["user_id", "started_at"], unique=False
    )
    op.create_table(
        "orders",
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("ordered_at", sa.String(length=26), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name="fk_orders_customer_id_customers"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_orders"),
    )
    op.create_index(
        "ix_orders_customer_ordered", "orders", ["customer_id", "ordered_at"], unique=False
    )
    op.create_index("ix_orders_ordered_at", "orders", ["ordered_at"], unique=False)
    op.create_table(
        "ownership_history",
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("from_owner_id", sa.String(length=36), nullable=True),
        sa.Column("to_owner_id", sa.String(length=36), nullable=True),
        sa.Column("changed_at", sa.String(length=26), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name="fk_ownership_history_customer_id_customers"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ownership_history"),
    )
    op.create_index(
        "ix_ownership_history_customer_id", "ownership_history", ["customer_id"], unique=False
    )
    op.create_table(
        "reminders",
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("due_at", sa.String(length=26), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("rrule", sa.String(length=200), nullable=False),
        sa.Column("done_at", sa.String(length=26), nullable=True),
        sa.Column("snoozed_until", sa.String(length=26), nullable=True),
        sa.Column("source", sa.String(length=64), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name="fk_reminders_customer_id_customers"
        ),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name="fk_reminders_owner_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_reminders"),
    )
    op.create_index("ix_reminders_customer_id", "reminders", ["customer_id"], unique=False)
    op.create_index("ix_reminders_owner_due", "reminders", ["owner_id", "due_at"], unique=False)
    op.create_table(
        "satisfaction_responses",
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("responded_at", sa.String(length=26), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("csat", sa.Integer(), nullable=True),
        sa.Column("nps", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("survey", sa.String(length=100), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name="fk_satisfaction_responses_customer_id_customers",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_satisfaction_responses"),
    )
    op.create_index(
        "ix_satisfaction_customer_at",
        "satisfaction_responses",
        ["customer_id", "responded_at"],
        unique=False,
    )
    op.create_index(
        "ix_satisfaction_responses_responded_at",
        "satisfaction_responses",
        ["responded_at"],
        unique=False,
    )
    op.create_table(
        "payment_plans",
        sa.Column("contract_id", sa.String(length=36), nullable=False),
        sa.Column("instalment", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], name="fk_payment_plans_contract_id_contracts"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_payment_plans"),
    )
    op.create_index("ix_payment_plans_contract_id", "payment_plans", ["contract_id"], unique=False)
    op.create_index("ix_payment_plans_due_date", "payment_plans", ["due_date"], unique=False)
    op.create_table(
        "receipts",
        sa.Column("contract_id", sa.String(length=36), nullable=False),
        sa.Column("plan_id", sa.String(length=36), nullable=True),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("received_at", sa.String(length=26), nullable=False),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], name="fk_receipts_contract_id_contracts"
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["payment_plans.id"], name="fk_receipts_plan_id_payment_plans"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_receipts"),
    )
    op.create_index("ix_receipts_contract_id", "receipts", ["contract_id"], unique=False)
    op.create_index("ix_receipts_plan_id", "receipts", ["plan_id"], unique=False)

    for statement in SEARCH_INDEX_DDL:
        op.execute(statement)
    op.execute(
        sa.text(
            "INSERT INTO vault_meta (key, value) VALUES ('schema_revision', :revision)"
        ).bindparams(revision=revision)
    )


def downgrade() -> None:
    for trigger in ("customers_fts_insert", "customers_fts_delete", "customers_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS customer_fts")
    for table in reversed(TABLES):
        op.drop_table(table)
