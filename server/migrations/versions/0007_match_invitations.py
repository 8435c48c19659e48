"""Invitations to match L1 with their deadlines (issue 17): an invited seller answers by the
deadline, or the invitation lapses and counts as declined, so the other sellers' shares and
the award do not wait for it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('match_invitations',
    sa.Column('bid_id', sa.String(length=36), nullable=False),
    sa.Column('seller_firm_id', sa.Integer(), nullable=False),
    sa.Column('lot', sa.String(length=40), nullable=False),
    sa.Column('invited_at', sa.DateTime(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['bid_id'], ['bids.id'], ),
    sa.ForeignKeyConstraint(['seller_firm_id'], ['seller_firms.id'], ),
    sa.PrimaryKeyConstraint('bid_id', 'seller_firm_id', 'lot')
    )
    with op.batch_alter_table('match_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_match_invitations_due_at'), ['due_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('match_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_invitations_due_at'))
    op.drop_table('match_invitations')
