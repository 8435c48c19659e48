"""L1 purchase (GFR 2017 Rule 149(ii)): the lowest-priced of the catalogue products that meet
the requirement, compared across at least three different OEMs.

Our reading where the rule leaves room: an OEM is a brand (compared as names are,
domain/names.py: without case, spaces or punctuation); a product meets the requirement when
each key parameter the buyer chose has exactly that value (a number by its value, 16 = 16.0;
text without case or extra spaces); equal prices rank by listing id, so the result never
depends on the order products are listed in. Fewer than three OEMs is allowed only with a
reason the buyer records (the order does not forbid it; it asks for the comparison).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from domain.names import name_key, same_value

MIN_OEMS = 3


@dataclass(frozen=True)
class Candidate:
    listing_id: str
    brand: str
    price_paise: int
    title: str = ""


@dataclass(frozen=True)
class Comparison:
    ranked: tuple[Candidate, ...]  # lowest price first
    oems: tuple[str, ...]  # the distinct brands, as first written

    @property
    def l1(self) -> Candidate | None:
        return self.ranked[0] if self.ranked else None

    @property
    def enough_oems(self) -> bool:
        return len(self.oems) >= MIN_OEMS


def meets(key_specs: Mapping[str, str], required: Mapping[str, str]) -> bool:
    """Whether a product's key parameters have each required value."""
    return all(same_value(key_specs.get(name, ""), value) for name, value in required.items())


def compare(candidates: Iterable[Candidate]) -> Comparison:
    ranked = tuple(sorted(candidates, key=lambda c: (c.price_paise, c.listing_id)))
    oems: dict[str, str] = {}
    for candidate in ranked:
        oems.setdefault(name_key(candidate.brand), candidate.brand)
    return Comparison(ranked, tuple(oems.values()))
