"""Each bidder's last bid in an auction by an index (issue 5's load): the engine checks a bid
against every bidder's standing, one row per bidder, however many bids the auction has taken.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 19:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_auction_bids_auction_bidder_seq', 'auction_bids', ['auction_id', 'bidder', 'seq'])


def downgrade() -> None:
    op.drop_index('ix_auction_bids_auction_bidder_seq', table_name='auction_bids')
