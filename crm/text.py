"""Folding text for search and sorting: case, diacritics and letters without a decomposition."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "ø": "o",
        "ħ": "h",
        "ı": "i",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ŀ": "l",
        "ß": "ss",
    }
)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def fold(text: str | None) -> str:
    """Lower-case ``text`` and strip its diacritics.

    "Liepāja" -> "liepaja", "Goldfuß" -> "goldfuss", "Łódź" -> "lodz". Scripts without Latin
    letters keep their characters (Київ -> київ, 上海 -> 上海).
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    stripped = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).translate(_SPECIAL_LETTERS)


def tokens(text: str | None) -> list[str]:
    """The folded words of ``text``."""
    return _TOKEN.findall(fold(text))


def join_nonempty(*parts: str | None, sep: str = " ") -> str:
    return sep.join(part.strip() for part in parts if part and part.strip())
