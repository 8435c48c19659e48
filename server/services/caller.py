"""Who is calling: the signed-in user as every service sees it, and the role rules."""

from __future__ import annotations

from dataclasses import dataclass

from server.db.trail import Actor

ROLES = ("buyer", "approver", "seller", "admin")


@dataclass(frozen=True)
class Caller:
    user_id: int
    username: str
    role: str
    buyer_org_id: int | None
    seller_firm_id: int | None
    token_family: str | None = None

    @property
    def actor(self) -> Actor:
        org = None
        if self.buyer_org_id is not None:
            org = f"buyer_org:{self.buyer_org_id}"
        elif self.seller_firm_id is not None:
            org = f"seller_firm:{self.seller_firm_id}"
        return Actor(self.user_id, self.username, self.role, org)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def firm(self) -> int | None:
        """The seller firm whose listings this caller owns (None unless a seller)."""
        return self.seller_firm_id if self.role == "seller" else None
