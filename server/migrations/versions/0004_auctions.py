"""Live reverse auctions (issue 5): the auction with its fixed rules, its accepted bids in
order, and its event log that the live stream replays.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 10:40:59.062679
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('auctions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('bid_id', sa.String(length=36), nullable=True),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('buyer_org_id', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('start_at', sa.DateTime(), nullable=False),
    sa.Column('end_at', sa.DateTime(), nullable=False),
    sa.Column('scheduled_end_at', sa.DateTime(), nullable=False),
    sa.Column('start_price_paise', sa.BigInteger(), nullable=False),
    sa.Column('decrement_kind', sa.String(length=10), nullable=False),
    sa.Column('decrement_value', sa.BigInteger(), nullable=False),
    sa.Column('visibility', sa.String(length=20), nullable=False),
    sa.Column('extension_window_s', sa.Integer(), nullable=False),
    sa.Column('extension_length_s', sa.Integer(), nullable=False),
    sa.Column('max_extensions', sa.Integer(), nullable=False),
    sa.Column('extensions', sa.Integer(), nullable=False),
    sa.Column('qualification', sa.JSON(), nullable=False),
    sa.Column('reference_price_paise', sa.BigInteger(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('bidders', sa.JSON(), nullable=False),
    sa.Column('kept_preference', sa.JSON(), nullable=False),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['bid_id'], ['bids.id'], name='fk_auctions_bid_id'),
    sa.ForeignKeyConstraint(['buyer_org_id'], ['buyer_orgs.id'], name='fk_auctions_buyer_org_id'),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name='fk_auctions_created_by'),
    sa.PrimaryKeyConstraint('id', name='pk_auctions')
    )
    with op.batch_alter_table('auctions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auctions_buyer_org_id'), ['buyer_org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_auctions_status'), ['status'], unique=False)
        batch_op.create_index('ux_auctions_bid_id', ['bid_id'], unique=True)
        batch_op.create_index('ux_auctions_number', ['number'], unique=True)

    op.create_table('auction_bids',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('auction_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('bidder', sa.String(length=20), nullable=False),
    sa.Column('price_paise', sa.BigInteger(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['auction_id'], ['auctions.id'], name='fk_auction_bids_auction_id'),
    sa.PrimaryKeyConstraint('id', name='pk_auction_bids')
    )
    with op.batch_alter_table('auction_bids', schema=None) as batch_op:
        batch_op.create_index('ux_auction_bids_auction_seq', ['auction_id', 'seq'], unique=True)

    op.create_table('auction_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('auction_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['auction_id'], ['auctions.id'], name='fk_auction_events_auction_id'),
    sa.PrimaryKeyConstraint('id', name='pk_auction_events')
    )
    with op.batch_alter_table('auction_events', schema=None) as batch_op:
        batch_op.create_index('ux_auction_events_auction_seq', ['auction_id', 'seq'], unique=True)



def downgrade() -> None:
    with op.batch_alter_table('auction_events', schema=None) as batch_op:
        batch_op.drop_index('ux_auction_events_auction_seq')

    op.drop_table('auction_events')
    with op.batch_alter_table('auction_bids', schema=None) as batch_op:
        batch_op.drop_index('ux_auction_bids_auction_seq')

    op.drop_table('auction_bids')
    with op.batch_alter_table('auctions', schema=None) as batch_op:
        batch_op.drop_index('ux_auctions_number')
        batch_op.drop_index('ux_auctions_bid_id')
        batch_op.drop_index(batch_op.f('ix_auctions_status'))
        batch_op.drop_index(batch_op.f('ix_auctions_buyer_org_id'))

    op.drop_table('auctions')
