"""How names and values that people write are compared: one rule for the whole product.

The client's filters, the server's checks and the L1 comparison all compare through these,
so a name matches in one place exactly when it matches in every other (they used to fold
"Janjgir-Champa" three ways: the client's district filter matched "janjgir champa", the
server's bid filter and purchase check did not).
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any


def name_key(name: Any) -> str:
    """A name as compared (districts, brands): case, spaces and punctuation ignored, so
    "Janjgir-Champa" = "janjgir champa" = "JANJGIR CHAMPA". Devanagari's vowel signs and
    viramas are kept (they are combining marks, not punctuation): "अलमारी" is not "अलमर"."""
    text = unicodedata.normalize("NFC", str(name if name is not None else "")).casefold()
    return "".join(ch for ch in text if ch.isalnum() or unicodedata.category(ch).startswith("M"))


def value_key(value: Any) -> str | float:
    """A key parameter's value as compared: a number by its value (16 = 16.0), text without
    case or extra spaces ("With  Locker" = "with locker"). Punctuation counts in values:
    "1.5 kg" is not "15 kg"."""
    text = " ".join(unicodedata.normalize("NFC", str(value if value is not None else "")).split())
    try:
        number = float(text)
    except ValueError:
        return text.casefold()
    return number if math.isfinite(number) else text.casefold()  # "nan" is a word here


def same_value(offered: Any, required: Any) -> bool:
    return value_key(offered) == value_key(required)
