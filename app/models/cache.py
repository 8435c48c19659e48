"""The local cache's tables: listings as the feed served them, the sellers and categories
they refer to, and the sync state (cursor, counts).

Listings keep SQLite's integer rowid as primary key so that the FTS5 index
(`listings_fts`, an external-content table kept in step by triggers; see app/cache.py) can
point at them; the server's UUID is a unique column. Structured fields the server sends
as JSON stay JSON text here; `category_names`, `specs_text` and `filter_tokens` are
flattened copies made only for full-text search, and `seller_class` is the seller's MSE class
copied onto the listing so that the catalogue can sort and filter by it without a join.
`reads` keeps the last answer of other reads (bids, a bid's details) for offline use
(app/read_cache.py).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


# Sellers by class as a clerk reads them: micro, small, medium, then firms that are not MSEs.
# Literal SQL, so that a sort by it matches the index's expression and streams from it.
SELLER_CLASS_RANK_SQL = "(CASE seller_class WHEN 'micro' THEN 1 WHEN 'small' THEN 2 WHEN 'medium' THEN 3 ELSE 4 END)"


class CachedListing(Base):
    __tablename__ = "listings"

    rowid: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String, unique=True)
    seller_id: Mapped[int] = mapped_column(Integer)
    category_id: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    brand: Mapped[str] = mapped_column(Text)
    model: Mapped[str] = mapped_column(Text)
    key_specs: Mapped[str] = mapped_column(Text)  # JSON object
    other_specs: Mapped[str] = mapped_column(Text)  # JSON object
    country_of_origin: Mapped[str] = mapped_column(Text)
    local_content_pct: Mapped[int] = mapped_column(Integer)
    mii_class: Mapped[str] = mapped_column(String)
    mrp_paise: Mapped[int] = mapped_column(Integer)
    price_paise: Mapped[int] = mapped_column(Integer)
    stock: Mapped[int] = mapped_column(Integer)
    min_order_qty: Mapped[int] = mapped_column(Integer)
    delivery_districts: Mapped[str] = mapped_column(Text)  # JSON array
    delivery_pincodes: Mapped[str] = mapped_column(Text)  # JSON array
    images: Mapped[str] = mapped_column(Text)  # JSON array
    status: Mapped[str] = mapped_column(String)
    reject_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String)  # ISO 8601 UTC, as served
    updated_at: Mapped[str] = mapped_column(String)
    feed_seq: Mapped[int] = mapped_column(Integer)
    # micro | small | medium | none (not an MSE); NULL while the seller is not yet known.
    seller_class: Mapped[str | None] = mapped_column(String, nullable=True)
    category_names: Mapped[str] = mapped_column(Text)  # English and Hindi, for search
    specs_text: Mapped[str] = mapped_column(Text)  # key and other specs, for search
    # "c12 c3": the category and its ancestors as search tokens, so a text search with a
    # category filter is one FTS5 intersection instead of a scan (see app/cache.py).
    filter_tokens: Mapped[str] = mapped_column(Text)
    # 1 when the listing delivers to the user's own district (the cache is one user's):
    # "delivers to my district" without reading a list per row. Not indexed: the filter
    # rides along a search that streams in another order.
    delivers_home: Mapped[int] = mapped_column(Integer, default=0)

    # Each index ends in the rowid, so ORDER BY <column>, rowid streams from it: a sorted
    # catalogue of a million listings shows its first rows without sorting them all.
    __table_args__ = (
        Index("ix_listings_category_price", "category_id", "price_paise"),
        Index("ix_listings_price", "price_paise"),
        Index("ix_listings_title", text("title COLLATE NOCASE")),
        Index("ix_listings_brand", text("brand COLLATE NOCASE")),
        Index("ix_listings_stock", "stock"),
        Index("ix_listings_seller_class_rank", text(SELLER_CLASS_RANK_SQL)),
        Index("ix_listings_seller", "seller_id"),
    )


class CachedSeller(Base):
    """A seller as buyers see it: classes and place, never the firm's name."""

    __tablename__ = "sellers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mse_class: Mapped[str | None] = mapped_column(String, nullable=True)
    women_owned: Mapped[bool] = mapped_column(Boolean)
    scst_owned: Mapped[bool] = mapped_column(Boolean)
    nature: Mapped[str] = mapped_column(String)
    state: Mapped[str] = mapped_column(String)
    district: Mapped[str] = mapped_column(String)


class CachedCategory(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    code: Mapped[str] = mapped_column(String)
    name_en: Mapped[str] = mapped_column(Text)
    name_hi: Mapped[str] = mapped_column(Text)
    is_service: Mapped[bool] = mapped_column(Boolean)
    key_params: Mapped[str] = mapped_column(Text)  # JSON array of KeyParam


class SyncState(Base):
    """One row per setting of the sync: cursor, server, user, last sync time."""

    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CachedRead(Base):
    """The last answer the marketplace gave one user to one read (app/read_cache.py): the
    bids list, a bid's details. Keyed by owner ("user@server") as well as by key, so one
    user's reads are never shown to another on a shared computer."""

    __tablename__ = "reads"

    owner: Mapped[str] = mapped_column(String, primary_key=True)
    key: Mapped[str] = mapped_column(String, primary_key=True)
    body: Mapped[str] = mapped_column(Text)  # JSON, as the server sent it
    fetched_at: Mapped[str] = mapped_column(String)  # ISO 8601 UTC: when the server sent it
