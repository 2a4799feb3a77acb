"""The fonts printed reports use, one per script, registered with ReportLab lazily.

ReportLab has no font fallback of its own: a character missing from a paragraph's font prints
as an empty box. So every string is cut into runs by script (``script_of``) and each run gets
the font that has its letters (crm.reports.text wraps it in ``<font name=...>``). The fonts
are shipped in resources/fonts/ (licences beside them); a face is read from its file the first
time a report needs it, once per process.

Latin (Latvian, Polish, Lithuanian, Czech, Vietnamese ...), Greek and Cyrillic share Noto Sans,
which is also the paragraphs' base font. A character of no listed script prints in it too, as
blank space where Noto Sans has no glyph: scripts that need shaping (Devanagari, Thai, ...)
are not supported, as ReportLab cannot shape them.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass

from crm.paths import resource_path

LATIN = "latin"
ARMENIAN = "armenian"
GEORGIAN = "georgian"
HEBREW = "hebrew"
ARABIC = "arabic"
ETHIOPIC = "ethiopic"
HAN = "han"  # Chinese characters, Japanese kana, CJK punctuation and full-width forms
HANGUL = "hangul"


@dataclass(frozen=True)
class Face:
    """A script's font files in resources/fonts/; without a bold file the regular serves."""

    regular: str
    bold: str | None
    right_to_left: bool = False


FACES: dict[str, Face] = {
    LATIN: Face("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ARMENIAN: Face("NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf"),
    GEORGIAN: Face("NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf"),
    HEBREW: Face("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", right_to_left=True),
    ARABIC: Face("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", right_to_left=True),
    ETHIOPIC: Face("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"),
    # Droid Sans Fallback: 20,900 unified ideographs plus extension A and kana, in one
    # TrueType file; there is no bold, so bold Chinese and Japanese print regular.
    HAN: Face("DroidSansFallbackFull.ttf", None),
    # Nanum Gothic: all 11,172 Hangul syllables (Droid has three).
    HANGUL: Face("NanumGothic.ttf", None),
}

# (first, last, script): the code points that are not Noto Sans's, sorted by first.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0530, 0x058F, ARMENIAN),
    (0x0590, 0x05FF, HEBREW),
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0x10A0, 0x10FF, GEORGIAN),
    (0x1100, 0x11FF, HANGUL),  # jamo
    (0x1200, 0x139F, ETHIOPIC),  # Ethiopic and its supplement
    (0x1C90, 0x1CBF, GEORGIAN),  # Mtavruli capitals
    (0x2D00, 0x2D2F, GEORGIAN),  # Nuskhuri
    (0x2D80, 0x2DDF, ETHIOPIC),  # extended
    (0x2E80, 0x2FDF, HAN),  # radicals
    (0x3000, 0x303F, HAN),  # CJK symbols and punctuation
    (0x3040, 0x30FF, HAN),  # hiragana, katakana
    (0x3130, 0x318F, HANGUL),  # compatibility jamo
    (0x31F0, 0x31FF, HAN),
    (0x3200, 0x33FF, HAN),  # enclosed letters, compatibility
    (0x3400, 0x4DBF, HAN),  # extension A
    (0x4E00, 0x9FFF, HAN),  # unified ideographs
    (0xA960, 0xA97F, HANGUL),
    (0xAB00, 0xAB2F, ETHIOPIC),  # extended-A
    (0xAC00, 0xD7FF, HANGUL),  # syllables, jamo extended-B
    (0xF900, 0xFAFF, HAN),  # compatibility ideographs
    (0xFB13, 0xFB17, ARMENIAN),  # ligatures
    (0xFB1D, 0xFB4F, HEBREW),  # presentation forms
    (0xFB50, 0xFDFF, ARABIC),  # presentation forms A
    (0xFE70, 0xFEFF, ARABIC),  # presentation forms B (what the shaper makes)
    (0xFF00, 0xFFEF, HAN),  # full-width forms
    (0x20000, 0x2FFFF, HAN),  # supplementary ideographs
)
_STARTS = tuple(first for first, _last, _script in _RANGES)

# Every code point outside Noto Sans's scripts, as a regular expression character class:
# a string without any is printed in the base font as it is (the common, fast case).
OTHER_SCRIPTS = "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last, _script in _RANGES)
RIGHT_TO_LEFT = "".join(
    f"\\U{first:08x}-\\U{last:08x}"
    for first, last, script in _RANGES
    if FACES[script].right_to_left
)


def script_of(char: str) -> str:
    """The script (a key of FACES) whose font prints ``char``."""
    code = ord(char)
    index = bisect.bisect_right(_STARTS, code) - 1
    if index >= 0:
        first, last, script = _RANGES[index]
        if first <= code <= last:
            return script
    return LATIN


def font_name(script: str, bold: bool = False) -> str:
    """The name a script's face is registered under (bold falls back to regular)."""
    face = FACES[script]
    weight = "Bold" if bold and face.bold else "Regular"
    return f"Liaison{script.capitalize()}-{weight}"


_lock = threading.Lock()
_registered: set[str] = set()


def ensure(script: str, bold: bool = False) -> str:
    """Register the face with ReportLab the first time it is needed; returns its name."""
    name = font_name(script, bold)
    if name in _registered:
        return name
    with _lock:
        if name not in _registered:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            face = FACES[script]
            filename = face.bold if bold and face.bold else face.regular
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
            _registered.add(name)
    return name


def base_font(bold: bool = False) -> str:
    """The paragraphs' font (Noto Sans), registered."""
    return ensure(LATIN, bold)


def load_all() -> None:
    """Register every face now (a benchmark or a warm-up; reports register what they use)."""
    for script in FACES:
        ensure(script)
        ensure(script, bold=True)
