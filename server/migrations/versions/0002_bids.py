"""Bids, their timeline, sealed offers, match answers and orders (issue 4).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 06:51:32.683214
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bids',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('buyer_org_id', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('packets', sa.Integer(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('groups', sa.JSON(), nullable=False),
    sa.Column('quantity_splittable', sa.Boolean(), nullable=False),
    sa.Column('estimated_value_paise', sa.BigInteger(), nullable=False),
    sa.Column('end_at', sa.DateTime(), nullable=False),
    sa.Column('opening_at', sa.DateTime(), nullable=False),
    sa.Column('offer_validity_days', sa.Integer(), nullable=False),
    sa.Column('min_offers', sa.Integer(), nullable=False),
    sa.Column('extension_days', sa.Integer(), nullable=False),
    sa.Column('extensions_done', sa.Integer(), nullable=False),
    sa.Column('emd', sa.JSON(), nullable=False),
    sa.Column('epbg_bp', sa.Integer(), nullable=False),
    sa.Column('mse_preference', sa.JSON(), nullable=False),
    sa.Column('mii_preference', sa.JSON(), nullable=False),
    sa.Column('ra_enabled', sa.Boolean(), nullable=False),
    sa.Column('ra_rule', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=True),
    sa.Column('evaluation', sa.JSON(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['buyer_org_id'], ['buyer_orgs.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number')
    )
    with op.batch_alter_table('bids', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bids_buyer_org_id'), ['buyer_org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_bids_status'), ['status'], unique=False)

    op.create_table('bid_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('bid_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_username', sa.String(length=100), nullable=False),
    sa.Column('actor_role', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['bid_id'], ['bids.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('bid_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bid_events_bid_id'), ['bid_id'], unique=False)

    op.create_table('match_responses',
    sa.Column('bid_id', sa.String(length=36), nullable=False),
    sa.Column('seller_firm_id', sa.Integer(), nullable=False),
    sa.Column('lot', sa.String(length=40), nullable=False),
    sa.Column('accepted', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['bid_id'], ['bids.id'], ),
    sa.ForeignKeyConstraint(['seller_firm_id'], ['seller_firms.id'], ),
    sa.PrimaryKeyConstraint('bid_id', 'seller_firm_id', 'lot')
    )
    op.create_table('offers',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('bid_id', sa.String(length=36), nullable=False),
    sa.Column('seller_firm_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('local_content_pct', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawals', sa.Integer(), nullable=False),
    sa.Column('receipt', sa.String(length=64), nullable=False),
    sa.Column('seal_salt', sa.String(length=64), nullable=False),
    sa.Column('technical_status', sa.String(length=20), nullable=False),
    sa.Column('technical_reason', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bid_id'], ['bids.id'], ),
    sa.ForeignKeyConstraint(['seller_firm_id'], ['seller_firms.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offers_bid_id'), ['bid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_offers_seller_firm_id'), ['seller_firm_id'], unique=False)
        batch_op.create_index('ux_offers_bid_seller', ['bid_id', 'seller_firm_id'], unique=True)

    op.create_table('orders',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('bid_id', sa.String(length=36), nullable=True),
    sa.Column('buyer_org_id', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('seller_firm_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('consignee_district', sa.String(length=100), nullable=True),
    sa.Column('lines', sa.JSON(), nullable=False),
    sa.Column('total_paise', sa.BigInteger(), nullable=False),
    sa.Column('comparison', sa.JSON(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('remark', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['bid_id'], ['bids.id'], ),
    sa.ForeignKeyConstraint(['buyer_org_id'], ['buyer_orgs.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], ),
    sa.ForeignKeyConstraint(['seller_firm_id'], ['seller_firms.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_orders_bid_id'), ['bid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_buyer_org_id'), ['buyer_org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_seller_firm_id'), ['seller_firm_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orders_seller_firm_id'))
        batch_op.drop_index(batch_op.f('ix_orders_buyer_org_id'))
        batch_op.drop_index(batch_op.f('ix_orders_bid_id'))

    op.drop_table('orders')
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_index('ux_offers_bid_seller')
        batch_op.drop_index(batch_op.f('ix_offers_seller_firm_id'))
        batch_op.drop_index(batch_op.f('ix_offers_bid_id'))

    op.drop_table('offers')
    op.drop_table('match_responses')
    with op.batch_alter_table('bid_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bid_events_bid_id'))

    op.drop_table('bid_events')
    with op.batch_alter_table('bids', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bids_status'))
        batch_op.drop_index(batch_op.f('ix_bids_buyer_org_id'))

    op.drop_table('bids')
