"""Sealed offers' audit events in a chain of their own per bid (issue 14, finding 1), and
sign-in attempts counted before their password is checked (finding 4).

- `audit_chains`: one row per sealed chain ("bid:<bid id>"): its length and head hash, the
  row an append locks.
- `sealed_audit_events`: the events of a bid's offers while the bid is sealed, numbered
  1, 2, ... within their chain (no global id, no sequence: nothing outside the chain moves
  when an offer is written), append-only like audit_events.
- `login_failures.checked`: false while the attempt's password is being checked.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_REFUSAL = "sealed_audit_events is append-only"


def upgrade() -> None:
    op.create_table(
        'audit_chains',
        sa.Column('name', sa.String(60), primary_key=True),
        sa.Column('length', sa.Integer(), nullable=False),
        sa.Column('head', sa.String(64), nullable=False),
    )
    op.create_table(
        'sealed_audit_events',
        sa.Column('chain', sa.String(60), primary_key=True),
        sa.Column('seq', sa.Integer(), primary_key=True),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor_user_id', sa.Integer()),
        sa.Column('actor_username', sa.String(100), nullable=False),
        sa.Column('actor_role', sa.String(20), nullable=False),
        sa.Column('actor_org', sa.String(60)),
        sa.Column('action', sa.String(60), nullable=False),
        sa.Column('entity_type', sa.String(40), nullable=False),
        sa.Column('entity_id', sa.String(64), nullable=False),
        sa.Column('digest', sa.String(64), nullable=False),
        sa.Column('prev_hash', sa.String(64), nullable=False),
        sa.Column('hash', sa.String(64), nullable=False),
    )
    with op.batch_alter_table('login_failures') as batch:
        batch.add_column(sa.Column('checked', sa.Boolean(), nullable=False, server_default=sa.true()))
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER sealed_audit_events_no_{verb.lower()} BEFORE {verb} ON sealed_audit_events "
                       f"BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END")
        return
    op.execute("CREATE FUNCTION sealed_audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
               f"BEGIN RAISE EXCEPTION '{_REFUSAL}' USING ERRCODE = 'insufficient_privilege'; END $$")
    op.execute("CREATE TRIGGER sealed_audit_events_append_only BEFORE UPDATE OR DELETE ON sealed_audit_events "
               "FOR EACH ROW EXECUTE FUNCTION sealed_audit_events_refuse_change()")
    op.execute("CREATE TRIGGER sealed_audit_events_no_truncate BEFORE TRUNCATE ON sealed_audit_events "
               "FOR EACH STATEMENT EXECUTE FUNCTION sealed_audit_events_refuse_change()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER sealed_audit_events_no_truncate ON sealed_audit_events")
        op.execute("DROP TRIGGER sealed_audit_events_append_only ON sealed_audit_events")
        op.execute("DROP FUNCTION sealed_audit_events_refuse_change()")
    with op.batch_alter_table('login_failures') as batch:
        batch.drop_column('checked')
    op.drop_table('sealed_audit_events')
    op.drop_table('audit_chains')
