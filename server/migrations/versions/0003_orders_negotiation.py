"""Orders from placing to payment with their timeline, a bid's categories for "bids for me",
and negotiation rounds with L1 (issue 4).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 09:22:02.822309
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bid_categories',
    sa.Column('bid_id', sa.String(length=36), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bid_id'], ['bids.id'], ),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], ),
    sa.PrimaryKeyConstraint('bid_id', 'category_id')
    )
    with op.batch_alter_table('bid_categories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bid_categories_category_id'), ['category_id'], unique=False)

    op.create_table('negotiations',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('bid_id', sa.String(length=36), nullable=False),
    sa.Column('lot', sa.String(length=40), nullable=False),
    sa.Column('seller_firm_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('asked_at', sa.DateTime(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.Column('before_prices', sa.JSON(), nullable=False),
    sa.Column('prices', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['bid_id'], ['bids.id'], ),
    sa.ForeignKeyConstraint(['seller_firm_id'], ['seller_firms.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('negotiations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_negotiations_bid_id'), ['bid_id'], unique=False)

    op.create_table('order_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_username', sa.String(length=100), nullable=False),
    sa.Column('actor_role', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('order_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_events_order_id'), ['order_id'], unique=False)

    # Bids made before this revision: their categories, read from their items.
    bind = op.get_bind()
    bids = sa.table('bids', sa.column('id', sa.String), sa.column('items', sa.JSON))
    pairs = {(bid_id, item['category_id']) for bid_id, items in bind.execute(sa.select(bids.c['id'], bids.c['items']))
             for item in items or [] if isinstance(item.get('category_id'), int)}
    if pairs:
        op.bulk_insert(sa.table('bid_categories', sa.column('bid_id', sa.String), sa.column('category_id', sa.Integer)),
                       [{'bid_id': b, 'category_id': c} for b, c in sorted(pairs)])

    with op.batch_alter_table('bids', schema=None) as batch_op:
        batch_op.add_column(sa.Column('payment_days', sa.Integer(), nullable=False, server_default='10'))

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('number', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('placed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('accepted_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('delivered_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('received_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('paid_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('payment_days', sa.Integer(), nullable=False, server_default='10'))
        batch_op.create_index(batch_op.f('ix_orders_status'), ['status'], unique=False)
        batch_op.create_unique_constraint('uq_orders_number', ['number'])



def downgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_constraint('uq_orders_number', type_='unique')
        batch_op.drop_index(batch_op.f('ix_orders_status'))
        batch_op.drop_column('payment_days')
        batch_op.drop_column('paid_at')
        batch_op.drop_column('received_at')
        batch_op.drop_column('delivered_at')
        batch_op.drop_column('accepted_at')
        batch_op.drop_column('placed_at')
        batch_op.drop_column('number')

    with op.batch_alter_table('bids', schema=None) as batch_op:
        batch_op.drop_column('payment_days')

    with op.batch_alter_table('order_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_events_order_id'))

    op.drop_table('order_events')
    with op.batch_alter_table('negotiations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_negotiations_bid_id'))

    op.drop_table('negotiations')
    with op.batch_alter_table('bid_categories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bid_categories_category_id'))

    op.drop_table('bid_categories')
